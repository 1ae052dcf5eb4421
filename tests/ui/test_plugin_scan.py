"""The stand-in for pydantic's plugin loader answers as pydantic's own loader does.

These fail if pydantic changes how it uses its loader (another name imported from it, another
module importing it) or what its loader answers with every plugin off; then ``ui.plugin_scan``
needs looking at again before the app can keep skipping the loader.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pydantic
import pytest

from tests.ui.page_tools import run_python
from ui.plugin_scan import ALL_OFF, ENV, LOADER

ROOT = Path(__file__).resolve().parents[2]


def test_pydantic_imports_only_get_plugins_from_its_loader():
    package = Path(pydantic.__file__).parent
    uses = set()
    for source in package.rglob("*.py"):
        if "v1" in source.relative_to(package).parts:
            continue  # the old API has no plugins
        for line in source.read_text(encoding="utf-8").splitlines():
            if re.search(r"\b_loader\b", line) and source.name != "_loader.py":
                uses.add((source.relative_to(package).as_posix(), line.strip()))
    assert uses == {("plugin/_schema_validator.py", "from ._loader import get_plugins")}


@pytest.mark.parametrize("value", ALL_OFF)
def test_pydantic_loads_no_plugin_when_all_are_off(monkeypatch, value):
    import importlib

    monkeypatch.setenv(ENV, value)
    loader = importlib.import_module(LOADER)
    monkeypatch.setattr(loader, "_plugins", None)
    monkeypatch.setattr(loader, "entry_points", lambda **_: pytest.fail("pydantic read the metadata"))
    assert tuple(loader.get_plugins()) == ()


PROBE = """
import os, sys
from ui.plugin_scan import skip_plugin_scan
assert skip_plugin_scan()
from omplanner.fileio import load_plan
from pathlib import Path
plan = load_plan(Path(sys.argv[1]))
print(plan.details.title, "importlib.metadata" in sys.modules)
del os.environ["PYDANTIC_DISABLE_PLUGINS"]
from pydantic.plugin._loader import get_plugins  # as pydantic does before each validator it builds
get_plugins()
print(hasattr(sys.modules["pydantic.plugin._loader"], "__file__"), "importlib.metadata" in sys.modules)
"""


def test_the_app_models_build_without_the_metadata_scan_and_a_later_change_is_honoured():
    env = dict(os.environ, **{ENV: "__all__"})
    out = run_python(["-c", PROBE, str(ROOT / "resources/examples/distributor.omplan")], env)
    first, second = out.stdout.strip().splitlines()
    assert first == "AI operating model: first wave False"
    # With plugins back on, the loader is pydantic's own, which reads the metadata.
    assert second == "True True"
