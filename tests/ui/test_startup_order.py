"""What the facilitator sees while the app starts: the window, then the plan's details (read from
the file before the model is built), then the plan open, then the findings.

The rules are the last thing on the way (they import the sequencing analysis): the plan's page
paints before they run, and the findings panel fills just after.
"""

from __future__ import annotations

from pathlib import Path

from ui.app import open_main_window, start_after_paint

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/distributor.omplan"


def test_the_plans_page_paints_before_the_rules_run_and_the_findings_follow(qtbot):
    window = open_main_window([str(EXAMPLE)], defer=True)
    qtbot.addWidget(window)
    seen = {}

    def first_painted() -> None:
        seen["first"] = window.document.has_plan

    def plan_painted() -> None:
        seen["shown"] = (window.document.has_plan, window.current_page().title_edit.text())

    def plan_open() -> None:
        seen["plan"] = (window.document.plan.details.title, window.findings.checked_once)

    probes = start_after_paint(window, [str(EXAMPLE)], first_painted, plan_painted, plan_open)
    window.show()
    qtbot.waitUntil(lambda: "plan" in seen, timeout=10000)
    assert seen["first"] is False  # the window painted before the plan was opened
    assert seen["shown"] == (False, "AI operating model: first wave")  # its details, before it is open
    title, checked = seen["plan"]
    assert title == "AI operating model: first wave"
    assert window.current_page_id() == "overview"
    assert not checked  # the page painted before the rules ran

    qtbot.waitUntil(lambda: window.findings.checked_once, timeout=10000)
    assert window.counts_label.text()  # "9 errors · 14 warnings · 2 info" once the rules have run
    assert window.findings.entries.count() > 0
    window.document.undo_stack.setClean()
    window.autosaver.close()
    del probes
