"""The process map editor driven with the mouse on the view's viewport, as a user would."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from omplanner.model import AiIntervention, StepKind
from tests.ui.canvas_pages import redesigned, show_redesigned_map


@pytest.fixture
def page(qtbot, example_plan):
    return show_redesigned_map(qtbot, example_plan, (700, 250))


def viewport_point(view, x, y):
    return view.mapFromScene(QPointF(x, y))


def drag(view, start, end, steps=5):
    viewport = view.viewport()
    a, b = viewport_point(view, *start), viewport_point(view, *end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, steps + 1):
        point = a + (b - a) * i / steps
        QTest.mouseMove(viewport, point)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def click(view, x, y, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, viewport_point(view, x, y))


def test_add_a_step_from_the_palette(page):
    view, stack = page.pane("redesigned").view, page.document.undo_stack
    before = {s.id for s in redesigned(page).steps}
    palette = page.palette
    item = palette.item_for(StepKind.DECISION)
    QTest.mouseClick(
        palette.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        palette.visualItemRect(item).center(),
    )
    click(view, 1013, 186)  # an empty spot in the AP clerk's lane
    new = [s for s in redesigned(page).steps if s.id not in before]
    assert len(new) == 1
    step = new[0]
    assert (step.kind, step.lane, step.x) == (StepKind.DECISION, "role-ap-clerk", 1010)
    assert 130 < step.y < 260
    assert step.id in page.pane("redesigned").scene.steps
    assert page.pane("redesigned").scene.selected_step_ids() == [step.id]
    assert page.inspector.step_id == step.id
    stack.undo()
    assert redesigned(page).step(step.id) is None and step.id not in page.pane("redesigned").scene.steps
    stack.redo()
    assert redesigned(page).step(step.id).kind == StepKind.DECISION
    click(view, 1200, 300)  # not armed any more: clicking empty canvas adds nothing
    assert len(redesigned(page).steps) == len(before) + 1


def test_drop_a_step_kind_onto_the_map(page):
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from ui.process.view import STEP_KIND_MIME

    view = page.pane("redesigned").view
    mime = QMimeData()
    mime.setData(STEP_KIND_MIME, b"handoff")
    at = viewport_point(view, 1200, 310)
    buttons, no_mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, buttons, no_mods)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(at),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)
    step = redesigned(page).steps[-1]
    assert (step.kind, step.lane) == (StepKind.HANDOFF, "role-ap-lead")


def test_connect_two_steps_by_dragging_from_the_edge(page):
    view, stack = page.pane("redesigned").view, page.document.undo_stack
    flows = len(redesigned(page).flows)
    # from the right-hand edge of "Check low-confidence capture" (250, 180) to "Post and schedule payment"
    drag(view, (321, 180), (1010, 440))
    assert len(redesigned(page).flows) == flows + 1
    flow = redesigned(page).flows[-1]
    assert (flow.source, flow.target) == ("ap-r5", "ap-r8")
    assert flow.id in page.pane("redesigned").scene.arrows
    assert len(page.pane("redesigned").scene.items()) > 0
    stack.undo()
    assert len(redesigned(page).flows) == flows and flow.id not in page.pane("redesigned").scene.arrows
    stack.redo()
    assert redesigned(page).flows[-1].id == flow.id
    # dropping on empty canvas makes no flow and no undo entry
    count = stack.count()
    drag(view, (321, 180), (1100, 200))
    assert stack.count() == count and len(redesigned(page).flows) == flows + 1


def test_move_a_step_is_one_undo_entry(page):
    view, stack = page.pane("redesigned").view, page.document.undo_stack
    scene = page.pane("redesigned").scene
    count = stack.count()
    drag(view, (1190, 440), (1293, 447), steps=12)
    step = redesigned(page).step("ap-r9")
    assert (step.x, step.y, step.lane) == (1300, 450, "role-erp")  # snapped to the grid
    assert stack.count() == count + 1
    assert scene.steps["ap-r9"].pos() == QPointF(1300, 450)
    # the arrow into it followed: it now ends at the step's new left edge
    arrow = scene.arrows["ap-rf8"]
    assert arrow.boundingRect().right() >= 1300 - 75 - 2
    stack.undo()
    step = redesigned(page).step("ap-r9")
    assert (step.x, step.y) == (1200, 440)
    assert scene.steps["ap-r9"].pos() == QPointF(1200, 440)
    stack.redo()
    assert redesigned(page).step("ap-r9").x == 1300


def test_drag_a_step_into_another_lane_changes_its_lane(page):
    view, stack = page.pane("redesigned").view, page.document.undo_stack
    drag(view, (1000, 440), (1000, 300))
    step = redesigned(page).step("ap-r8")
    assert step.lane == "role-ap-lead"
    assert 260 < step.y < 390
    assert (step.x, step.y) == (1010, 300)
    stack.undo()
    assert redesigned(page).step("ap-r8").lane == "role-erp"
    stack.redo()
    assert redesigned(page).step("ap-r8").lane == "role-ap-lead"


def test_inspector_gives_a_step_an_ai_intervention_and_an_exception_route(page):
    view, stack = page.pane("redesigned").view, page.document.undo_stack
    scene = page.pane("redesigned").scene
    click(view, 990, 440)  # select "Post and schedule payment"
    inspector = page.inspector
    assert inspector.step_id == "ap-r8"
    assert not inspector.threshold.isEnabled()
    index = inspector.ai.findData(AiIntervention.AUTOMATE.value)
    inspector.ai.setCurrentIndex(index)
    inspector.ai.activated.emit(index)
    assert redesigned(page).step("ap-r8").ai == AiIntervention.AUTOMATE
    assert scene.steps["ap-r8"].ai == AiIntervention.AUTOMATE
    assert inspector.threshold.isEnabled()
    inspector.threshold.setValue(92)
    inspector.threshold.setValue(93)  # spin edits of one field merge into one undo step
    assert redesigned(page).step("ap-r8").confidence_threshold == 93
    route = inspector.exception_route.findData("ap-r6")
    inspector.exception_route.setCurrentIndex(route)
    inspector.exception_route.activated.emit(route)
    step = redesigned(page).step("ap-r8")
    assert step.exception_route == "ap-r6"
    arrow = scene.arrows["exception:ap-r8"]
    assert arrow.exception and arrow.target_id == "ap-r6" and arrow.label == "exceptions below 93 %"
    stack.undo()  # the exception route
    assert redesigned(page).step("ap-r8").exception_route is None
    assert "exception:ap-r8" not in scene.arrows
    stack.undo()  # the threshold (92 then 93, merged)
    assert redesigned(page).step("ap-r8").confidence_threshold is None
    stack.undo()  # the intervention
    assert redesigned(page).step("ap-r8").ai == AiIntervention.NONE
    assert inspector.ai.currentData() == AiIntervention.NONE.value
    stack.redo()
    stack.redo()
    stack.redo()
    assert redesigned(page).step("ap-r8").exception_route == "ap-r6"
    assert "exception:ap-r8" in scene.arrows


def test_inspector_lane_and_data_sources(page):
    view, stack = page.pane("redesigned").view, page.document.undo_stack
    click(view, 990, 440)
    inspector = page.inspector
    lane = inspector.lane.findData("role-ap-lead")
    inspector.lane.setCurrentIndex(lane)
    inspector.lane.activated.emit(lane)
    step = redesigned(page).step("ap-r8")
    assert step.lane == "role-ap-lead" and 260 < step.y < 390
    item = next(
        inspector.data_sources.item(i)
        for i in range(inspector.data_sources.count())
        if inspector.data_sources.item(i).text() == "Purchase orders"
    )
    item.setCheckState(Qt.CheckState.Checked)
    assert "ap-r8" in page.document.plan.data_source("data-po").used_by
    stack.undo()
    assert "ap-r8" not in page.document.plan.data_source("data-po").used_by
    stack.undo()
    assert redesigned(page).step("ap-r8").lane == "role-erp"


def test_arrow_keys_nudge_and_merge_tab_moves_between_steps(page):
    view, stack = page.pane("redesigned").view, page.document.undo_stack
    click(view, 1180, 440)
    view.setFocus()
    count = stack.count()
    for _ in range(3):
        QTest.keyClick(view, Qt.Key.Key_Right)
    assert redesigned(page).step("ap-r9").x == 1230
    assert stack.count() == count + 1
    QTest.keyClick(view, Qt.Key.Key_Up)
    assert redesigned(page).step("ap-r9").lane == "role-ap-lead"
    stack.undo()
    stack.undo()
    assert redesigned(page).step("ap-r9").x == 1200
    page.pane("redesigned").editor.select(["ap-r1"])
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert page.pane("redesigned").scene.selected_step_ids() == ["ap-r2"]  # reading order: by column, then lane
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert page.pane("redesigned").scene.selected_step_ids() == ["ap-r5"]


def test_rename_in_place_delete_copy_and_paste(page, qtbot):
    view, stack = page.pane("redesigned").view, page.document.undo_stack
    scene = page.pane("redesigned").scene
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, viewport_point(view, 1010, 440)
    )
    line = view._editor_line
    assert line is not None and line.text() == "Post and schedule payment"
    line.setText("Post payment")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert redesigned(page).step("ap-r8").name == "Post payment"
    assert scene.steps["ap-r8"].name == "Post payment"
    page.pane("redesigned").editor.select(["ap-r8", "ap-r9"])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = redesigned(page).steps[-2:]
    assert [s.name for s in pasted] == ["Post payment", "Invoice paid"]
    assert (redesigned(page).flows[-1].source, redesigned(page).flows[-1].target) == (pasted[0].id, pasted[1].id)
    assert sorted(scene.selected_step_ids()) == sorted(s.id for s in pasted)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert redesigned(page).step(pasted[0].id) is None
    assert redesigned(page).flows[-1].target == "ap-r9"
    stack.undo()
    assert redesigned(page).step(pasted[0].id) is not None


def test_rubber_band_selects_what_it_touches(page):
    view = page.pane("redesigned").view
    drag(view, (560, 120), (1100, 360))
    assert sorted(page.pane("redesigned").scene.selected_step_ids()) == ["ap-r6", "ap-r7"]


def test_a_click_on_one_of_several_selected_steps_selects_just_it(page):
    view = page.pane("redesigned").view
    page.pane("redesigned").editor.select(["ap-r8", "ap-r9"])
    count = page.document.undo_stack.count()
    click(view, 1190, 440)
    assert page.pane("redesigned").scene.selected_step_ids() == ["ap-r9"]
    assert page.document.undo_stack.count() == count


def test_inspector_says_what_sends_a_case_down_the_exception_route(page, qtbot):
    view, stack = page.pane("redesigned").view, page.document.undo_stack
    click(view, 990, 440)  # select "Post and schedule payment": no AI, so no trigger to write
    inspector = page.inspector
    assert inspector.step_id == "ap-r8" and not inspector.trigger.isEnabled()
    page.inspector.set_step(redesigned(page).id, "ap-r2")  # "Capture invoice data", an AI step
    assert inspector.trigger.isEnabled()
    assert inspector.trigger.text() == "A field read below the threshold, or a supplier not in the master data"
    inspector.trigger.setFocus()
    inspector.trigger.selectAll()
    qtbot.keyClicks(inspector.trigger, "An invoice in a currency the agent was not trained on")
    qtbot.keyClick(inspector.trigger, Qt.Key.Key_Return)
    assert redesigned(page).step("ap-r2").exception_trigger == "An invoice in a currency the agent was not trained on"
    stack.undo()
    assert redesigned(page).step("ap-r2").exception_trigger.startswith("A field read below the threshold")
    assert inspector.trigger.text().startswith("A field read below the threshold")
