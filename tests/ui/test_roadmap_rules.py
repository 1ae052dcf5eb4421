"""Live rule checking on the roadmap: markers, broken relations, Fix, undo and Auto-sequence."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF, Qt

from omplanner.commands import SetFields
from omplanner.rules import Fix, check_plan
from omplanner.sequencing import auto_sequence_command
from tests.ui.canvas_pages import show_roadmap_in_weeks


@pytest.fixture
def sequenced_plan(example_plan):
    """The example after the sequencer has put it in order: no sequencing errors to start with."""
    command = auto_sequence_command(example_plan)
    assert command is not None
    command.apply(example_plan)
    return example_plan


def drag(qtbot, page, start: QPointF, end: QPointF) -> None:
    viewport = page.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start.toPoint())
    for i in range(1, 5):
        qtbot.mouseMove(viewport, (start + (end - start) * (i / 4)).toPoint())
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end.toPoint())


def seq_codes_on(page, item_id: str) -> set[str]:
    return {
        f.code
        for f in check_plan(page.document.plan)
        if f.elements and f.elements[0].id == item_id and f.code.startswith("SEQ-")
    }


def test_tool_selection_dragged_before_data_readiness_is_flagged_fixed_and_undone(qtbot, sequenced_plan):
    page = show_roadmap_in_weeks(qtbot, sequenced_plan)
    plan = page.document.plan
    tool, data = plan.item("item-4"), plan.item("item-3")
    assert tool.start_week >= data.end_week
    assert page.scene.bars["item-4"].marker is None
    assert not page.scene.broken
    original = tool.start_week
    bar = page.scene.bars["item-4"]

    # Drag the tool selection to start two weeks before the data work ends.
    target = data.end_week - 2
    start = page.view.anchor_point("item-4")
    drag(qtbot, page, start, start + QPointF((target - original) * page.scene.ppw, 0))
    assert plan.item("item-4").start_week == target
    assert "SEQ-002" in seq_codes_on(page, "item-4")
    assert page.scene.bars["item-4"] is bar  # updated in place, not rebuilt
    assert bar.marker == "error"
    assert "data" in bar.marker_text.lower() or data.title in bar.marker_text
    assert ("item-4", "item-3", "SEQ-002") in page.scene.broken
    line = page.scene.broken[("item-4", "item-3", "SEQ-002")]
    assert data.title in line.toolTip()

    # Fix, from the inspector of the selected bar.
    assert page.selected_id() == "item-4"
    button = page.inspector.fix_buttons["SEQ-002"]
    assert f"week {data.end_week + 1}" in button.toolTip()  # the first week after the data work
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert plan.item("item-4").start_week == data.end_week
    assert "SEQ-002" not in seq_codes_on(page, "item-4")
    assert bar.marker is None
    assert not page.scene.broken
    assert bar.pos().x() == pytest.approx(page.scene.layout.x(data.end_week))

    # Undo brings the misplaced bar and its finding back; undo again restores the start.
    page.document.undo_stack.undo()
    assert plan.item("item-4").start_week == target
    assert bar.marker == "error"
    assert ("item-4", "item-3", "SEQ-002") in page.scene.broken
    page.document.undo_stack.undo()
    assert plan.item("item-4").start_week == original
    assert bar.marker is None


def test_fix_button_in_the_toolbar_applies_the_selected_items_fix(qtbot, example_plan):
    page = show_roadmap_in_weeks(qtbot, example_plan)
    plan = page.document.plan
    flagged = [i for i, bar in page.scene.bars.items() if bar.marker == "error"]
    assert flagged  # the example carries deliberate mistakes
    assert page.select_element("item-7")  # capability work waiting for the deployment to finish
    assert page.fix_button.isEnabled()
    before = plan.item("item-7").start_week
    page.fix_button.click()
    assert plan.item("item-7").start_week < before
    assert page.status.text().startswith("Fixed: Start 'AP clerks")
    assert "item-7" not in page.check.by_item
    bar = page.view.mapFromScene(page.scene.bars["item-7"].sceneBoundingRect()).boundingRect()
    assert page.view.clear_rect().contains(bar)  # moved earlier, yet still in sight, clear of the lane names


def test_the_data_first_fix_moves_the_deployment_along(qtbot, example_plan):
    """The example's tool selection starts before the data work ends; its fix moves it after the
    data work and the deployment that waits for it along: the bar is clear and no new error."""
    page = show_roadmap_in_weeks(qtbot, example_plan)
    plan = page.document.plan
    assert page.select_element("item-4")
    assert [f.code for f in page.check.by_item["item-4"]] == ["SEQ-002"]
    assert page.fix_button.isEnabled() and "SEQ-002" in page.inspector.fix_buttons
    errors = {(f.code, f.element_ids) for f in check_plan(plan) if f.severity.value == "error"}
    page.fix_button.click()
    assert (plan.item("item-4").start_week, plan.item("item-6").start_week) == (9, 12)
    assert page.status.text().startswith("Fixed: Move 'Select the invoice matching tool' to start in week 10")
    assert {(f.code, f.element_ids) for f in check_plan(plan) if f.severity.value == "error"} < errors
    page.document.undo_stack.undo()
    assert (plan.item("item-4").start_week, plan.item("item-6").start_week) == (6, 10)


def test_a_fix_that_would_break_another_principle_is_not_applied(qtbot, example_plan):
    """A stale fix asked for anyway: one that moves the tool selection alone, past the
    deployment that waits for it. The plan is untouched and the status points to Auto-sequence."""
    page = show_roadmap_in_weeks(qtbot, example_plan)
    plan = page.document.plan
    finding = page.check.by_item["item-4"][0]
    alone = replace(finding, fix=Fix("Move it alone", SetFields("item-4", {"start_week": 9})))
    before = plan.model_dump()
    page.apply_fix(alone)
    assert plan.model_dump() == before
    assert "would break another rule: Dependencies respected" in page.status.text()
    assert "Auto-sequence" in page.status.text()


def test_a_fix_says_what_is_still_wrong_where_it_was_applied(qtbot, example_plan):
    """Tool selection dragged to week 1: the fix for 'diagnostic first' alone clears that one,
    and the status line says the bar is still red for the data work, rather than a bare 'Fixed'."""
    page = show_roadmap_in_weeks(qtbot, example_plan)
    plan = page.document.plan
    assert page.execute(SetFields("item-4", {"start_week": 0}))  # as the inspector's start field does
    qtbot.waitUntil(lambda: "SEQ-001" in [f.code for f in page.check.by_item.get("item-4", [])])
    assert page.select_element("item-4")
    page.inspector.fix_buttons["SEQ-001"].click()
    assert plan.item("item-4").start_week == 3
    assert "Still to look at there: Process and data readiness before tool selection" in page.status.text()
    assert page.scene.bars["item-4"].marker == "error"  # and the bar says the same
    page.fix_button.click()  # the best fix left: after the data work, which clears the bar
    assert plan.item("item-4").start_week == 9 and "item-4" not in page.check.by_item


def test_auto_sequence_on_the_example_leaves_no_sequencing_error(qtbot, example_plan):
    page = show_roadmap_in_weeks(qtbot, example_plan)
    plan = page.document.plan
    errors_before = [f for f in check_plan(plan) if f.code.startswith("SEQ-") and f.severity.value == "error"]
    assert errors_before
    starts = {i.id: i.start_week for i in plan.roadmap}
    page.auto_button.click()
    assert not [f for f in check_plan(plan) if f.code.startswith("SEQ-") and f.severity.value == "error"]
    assert not [i for i, bar in page.scene.bars.items() if bar.marker == "error"]
    assert page.document.undo_stack.count() == 1
    moved = [i.id for i in plan.roadmap if i.start_week != starts[i.id]]
    assert page.status.text().startswith(f"Auto-sequence moved {len(moved)} item")
    assert all(page.scene.bars[i].flash for i in moved)
    page.document.undo_stack.undo()
    assert {i.id: i.start_week for i in plan.roadmap} == starts
    assert [i for i, bar in page.scene.bars.items() if bar.marker == "error"]


def test_critical_path_and_slack_are_shown(qtbot, example_plan):
    page = show_roadmap_in_weeks(qtbot, example_plan)
    critical = [i for i, bar in page.scene.bars.items() if bar.critical]
    assert critical
    slack_bars = [bar for bar in page.scene.bars.values() if not bar.critical and bar.slack]
    assert slack_bars
    assert "Slack" in slack_bars[0].toolTip()
    page.select_element(slack_bars[0].item_id)
    assert "Slack" in page.inspector.schedule.text()
    assert "Phase" in page.inspector.schedule.text()


def test_marker_hover_explains_in_plain_words(qtbot, example_plan):
    page = show_roadmap_in_weeks(qtbot, example_plan)
    bar = page.scene.bars["item-4"]
    assert bar.marker == "error"
    finding = page.check.by_item["item-4"][0]
    assert finding.title in bar.toolTip()
    assert "week" in bar.marker_text  # says which weeks clash, not only a rule code


def test_schedule_facts_follow_an_edit_once_idle(qtbot, example_plan):
    from omplanner.commands import SetFields
    from omplanner.sequencing import analyse_roadmap

    page = show_roadmap_in_weeks(qtbot, example_plan)
    plan = page.document.plan
    page.document.execute(SetFields("item-15", {"duration_weeks": 2}))  # the longest item shrinks
    qtbot.waitUntil(lambda: page.check.slack == analyse_roadmap(plan).slack, timeout=3000)
    expected = analyse_roadmap(plan)
    assert {i for i, bar in page.scene.bars.items() if bar.critical} == expected.critical
