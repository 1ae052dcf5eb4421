"""A pytest plugin for CI (``-p tests.block_qt``): importing Qt fails, so the core's tests prove
that the core, its command line and its exporters run on a machine without Qt."""

import sys

for name in ("PySide6", "shiboken6"):
    sys.modules[name] = None  # `import PySide6` now raises ModuleNotFoundError
