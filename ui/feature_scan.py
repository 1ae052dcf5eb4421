"""PySide6's look at every module imported after it, answered without keeping the sources.

Once ``PySide6.QtCore`` is imported, PySide6 asks of each module imported afterwards whether it
uses PySide6 (``shibokensupport.feature._mod_uses_pyside``, for its optional ``__feature__``
switches): it takes the module's source through ``inspect.getsource`` and looks for "PySide6" in
it. ``inspect`` reads the file through ``linecache``, which decodes it, splits it into lines and
keeps the lines for the life of the process. The app imports the plan model after the window is
up, and the exporters (reportlab, openpyxl) when first used: some 600 modules, whose kept sources
came to about 10 MB of text (the process peaked 23 MB higher than with the same imports made
before PySide6), and whose reading made those imports about a quarter slower.

``skip_source_cache`` puts a check in its place that gives the same answer: it reads the module's
``.py`` file as bytes and looks for the same word, keeping nothing. Any module that is not a
plain source file (built in, compiled, frozen, zipped, or a file that cannot be read now) is left
to PySide6's own check. ``tests/ui/test_feature_scan.py`` fails if PySide6 stops asking through
that function, or if the two checks answer differently for any module the app imports.
"""

from __future__ import annotations

import sys

FEATURE = "shibokensupport.feature"
WORD = b"PySide6"


def _source_file(module) -> str | None:
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if isinstance(origin, str) and origin.endswith(".py") and getattr(spec, "has_location", False):
        return origin
    return None


def uses_pyside(module, fallback) -> bool:
    """Whether the module's source names PySide6, as PySide6's own check answers."""
    path = _source_file(module)
    if path is not None:
        try:
            with open(path, "rb") as handle:
                return WORD in handle.read()
        except OSError:
            pass
    return fallback(module)


def skip_source_cache() -> bool:
    """Answer PySide6's question without ``inspect``; True if the check is in place. Call after
    ``PySide6.QtCore`` is imported (before that there is nothing to replace)."""
    feature = sys.modules.get(FEATURE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None:
        return False
    if getattr(original, "_omplanner_check", False):
        return True

    def check(module) -> bool:
        return uses_pyside(module, original)

    check._omplanner_check = True
    check.original = original
    feature._mod_uses_pyside = check
    return True
