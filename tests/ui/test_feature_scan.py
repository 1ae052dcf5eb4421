"""The app's answer to PySide6's question about each imported module is PySide6's own answer.

These fail if PySide6 stops asking through ``shibokensupport.feature._mod_uses_pyside`` (then
``ui.feature_scan`` replaces nothing and needs looking at again), or if the app's check answers
differently from PySide6's for any module the app imports.
"""

from __future__ import annotations

import importlib
import linecache
import sys

import pytest

from ui.feature_scan import FEATURE, skip_source_cache


@pytest.fixture
def feature():
    assert skip_source_cache()
    return sys.modules[FEATURE]


def _import_fresh(tmp_path, monkeypatch, name: str, text: str):
    (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    try:
        return __import__(name)  # an import statement's way in, which PySide6 watches
    finally:
        sys.modules.pop(name, None)


def test_pyside_asks_each_new_module_through_the_check_and_keeps_no_source(feature, tmp_path, monkeypatch):
    asked = []
    check = feature._mod_uses_pyside

    def counting(module):
        asked.append(module.__name__)
        return check(module)

    monkeypatch.setattr(feature, "_mod_uses_pyside", counting)
    _import_fresh(tmp_path, monkeypatch, "omp_probe_qt", "# drawn with PySide6\nVALUE = 1\n")
    _import_fresh(tmp_path, monkeypatch, "omp_probe_plain", "VALUE = 2\n")
    assert asked == ["omp_probe_qt", "omp_probe_plain"]
    assert feature.pyside_feature_dict.pop("omp_probe_qt") == 0  # "uses PySide6: no feature switched on"
    assert feature.pyside_feature_dict.pop("omp_probe_plain") == -1  # "ignore this module"
    kept = {str(tmp_path / "omp_probe_qt.py"), str(tmp_path / "omp_probe_plain.py")}
    assert not kept & set(linecache.cache)


def test_the_check_answers_as_pyside_does_for_every_module_the_app_imports(feature):
    import omplanner.export.pdf  # noqa: F401 - the exporters, imported when first used
    import omplanner.export.xlsx  # noqa: F401
    import ui.main_window  # noqa: F401
    import ui.roadmap.page  # noqa: F401

    check = feature._mod_uses_pyside
    assert getattr(check, "_omplanner_check", False)
    answers = {}
    for name, module in list(sys.modules.items()):
        if module is None:
            continue
        ours, theirs = check(module), check.original(module)
        assert ours == theirs, name
        answers[name] = ours
    assert len(answers) > 500
    assert answers["ui.main_window"] and answers["ui.feature_scan"]  # both name PySide6
    assert not answers["omplanner.model.plan"] and not answers["reportlab.platypus"]


def test_installing_twice_keeps_one_check(feature):
    first = feature._mod_uses_pyside
    assert skip_source_cache()
    assert feature._mod_uses_pyside is first
