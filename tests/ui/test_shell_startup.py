"""Start-up stays light: the window paints before the plan model, rules or exporters are imported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui.page_tools import run_python
from ui.settings import DATA_DIR_ENV, data_dir

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources/examples/distributor.omplan"
HEAVY = ("pydantic", "omplanner.model", "omplanner.rules", "omplanner.export", "networkx", "openpyxl", "reportlab")

PROBE = f"""
import sys
from ui.app import make_application, open_main_window
app = make_application([])
window = open_main_window([sys.argv[1]], defer=True)
window.show()
app.processEvents()
print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))
"""


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", **{DATA_DIR_ENV: str(data_dir())})


@pytest.mark.parametrize("named", [True, False], ids=["file named", "no file named"])
def test_the_first_paint_needs_no_heavy_import(named):
    args = [str(EXAMPLE)] if named else []
    out = run_python(["-c", PROBE.replace("[sys.argv[1]]", "sys.argv[1:]"), *args], _env())
    assert out.stdout.strip() == "[]"


def test_the_benchmark_hook_reports_the_paint_then_the_plan():
    env = _env()
    env["OMPLANNER_EXIT_AFTER_PAINT"] = "1"
    out = run_python(["-m", "ui.launcher", str(EXAMPLE)], env)
    marks = {line.split()[0]: line.split()[1:] for line in out.stdout.splitlines() if line.startswith("OMPLANNER_")}
    times = [float(marks[m][0]) for m in ("OMPLANNER_PAINTED", "OMPLANNER_PLAN_PAINTED", "OMPLANNER_PLAN_OPEN")]
    cpu = [float(marks[m][1]) for m in ("OMPLANNER_PAINTED", "OMPLANNER_PLAN_PAINTED", "OMPLANNER_PLAN_OPEN")]
    assert times == sorted(times)
    assert 0 < cpu[0] <= cpu[1] <= cpu[2]
    assert list((data_dir() / "autosave").glob("*")) == []  # no lock or copy left behind


LATER = (
    "networkx",
    "openpyxl",
    "reportlab",
    "lxml",
    "omplanner.rules",
    "omplanner.sequencing",
    "omplanner.export",
    "omplanner.bpmn",
    "omplanner.workbook_import",
    "omplanner.compare",
    "omplanner.commands",
)
"""Loaded once the plan is on screen (the rules, which bring the commands their fixes are made of)
or when asked for (exports, imports, compare, the first edit)."""

MODEL = ("pydantic", "omplanner.model.base", "omplanner.model.plan", *HEAVY[2:])
"""What the preview of the start plan is shown without: the enums and limits of the model are light."""

PLAN_PROBE = f"""
import sys
from ui.app import make_application, mark_opening, open_main_window, start_after_paint
app = make_application([])
window = open_main_window(sys.argv[1:], defer=True)

def shown():  # the plan's details on screen, before the model is built
    page = window.current_page()
    print(sorted(m for m in sys.modules if m.startswith({MODEL!r})))
    print(page.title_edit.text(), page.title_edit.isReadOnly(), page.notes_edit.isReadOnly(), window.windowTitle())

def opened():
    page = window.current_page()
    print(sorted(m for m in sys.modules if m.startswith({LATER!r})), window.document.plan.details.title)
    print(page.title_edit.text(), page.title_edit.isReadOnly(), page.notes_edit.isReadOnly())
    mark_opening(None)
    window.document.undo_stack.setClean()
    window.autosaver.close()
    app.quit()

probes = start_after_paint(window, sys.argv[1:], None, shown, opened)
window.show()
app.exec()
"""


def test_the_plan_shows_before_the_model_is_built_and_opens_before_the_rules():
    """The start plan's details show before pydantic is imported (read from the file's JSON),
    read-only; once the plan is open they are the plan's own and editable, and the rules and
    exporters are still not imported."""
    out = run_python(["-c", PLAN_PROBE, str(EXAMPLE)], _env())
    title = "AI operating model: first wave"
    assert out.stdout.strip().splitlines() == [
        "[]",
        f"{title} True True {title} (distributor.omplan)[*] — OM Planner",
        f"[] {title}",
        f"{title} False False",
    ]
