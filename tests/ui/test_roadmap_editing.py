"""Editing the roadmap with the mouse and the table: each gesture is one undoable command."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from omplanner.model import ItemKind
from tests.ui.canvas_pages import show_roadmap_in_weeks
from ui.document import Document
from ui.roadmap.items import BAR_H, LINK_HANDLE_DX
from ui.roadmap.page import RoadmapPage


@pytest.fixture
def page(qtbot, example_plan):
    return show_roadmap_in_weeks(qtbot, example_plan)


def _pt(p: QPointF) -> QPoint:
    return p.toPoint()


def drag(qtbot, page, start: QPointF, end: QPointF, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    viewport = page.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, _pt(start))
    steps = 4
    for i in range(1, steps + 1):
        qtbot.mouseMove(viewport, _pt(start + (end - start) * (i / steps)))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, _pt(end))


def handle_point(page, item_id: str) -> QPointF:
    bar = page.scene.bars[item_id]
    return page.view.mapFromScene(bar.pos() + QPointF(bar.width + LINK_HANDLE_DX, BAR_H / 2)).toPointF()


def test_moving_a_bar_snaps_to_weeks_and_is_one_undo_step(qtbot, page):
    plan, stack = page.document.plan, page.document.undo_stack
    start = page.view.anchor_point("item-4")
    drag(qtbot, page, start, start + QPointF(2.4 * page.scene.ppw, 3))
    assert plan.item("item-4").start_week == 8
    assert stack.count() == 1
    assert page.scene.bars["item-4"].pos().x() == pytest.approx(page.scene.layout.x(8))
    stack.undo()
    assert plan.item("item-4").start_week == 6
    assert page.scene.bars["item-4"].pos().x() == pytest.approx(page.scene.layout.x(6))


def test_a_click_without_drag_selects_and_changes_nothing(qtbot, page):
    start = page.view.anchor_point("item-4")
    drag(qtbot, page, start, start + QPointF(3, 0))
    assert page.document.undo_stack.count() == 0
    assert page.selected_id() == "item-4"
    assert page.inspector.title.text() == "Select the invoice matching tool"
    assert page.inspector.start.value() == 7  # as people count weeks
    assert "Weeks 7–9" in page.scene.bars["item-4"].toolTip()


def test_resizing_the_right_end_changes_the_duration(qtbot, page):
    plan = page.document.plan
    end = page.view.anchor_point("item-3", "end")
    drag(qtbot, page, end, end + QPointF(2 * page.scene.ppw, 0))
    assert plan.item("item-3").duration_weeks == 8
    assert plan.item("item-3").start_week == 3
    page.document.undo_stack.undo()
    assert plan.item("item-3").duration_weeks == 6


def test_dragging_across_an_empty_lane_creates_an_item_there(qtbot, page):
    plan, layout = page.document.plan, page.scene.layout
    y = layout.lane_top["governance"] + layout.lane_height["governance"] / 2
    start = page.view.mapFromScene(QPointF(layout.x(1) + 5, y)).toPointF()
    end = page.view.mapFromScene(QPointF(layout.x(4) - 5, y)).toPointF()
    drag(qtbot, page, start, end)
    assert len(plan.roadmap) == 17
    new = plan.roadmap[-1]
    assert (new.kind, new.start_week, new.duration_weeks) == (ItemKind.GOVERNANCE, 1, 3)
    assert new.id in page.scene.bars
    assert page.selected_id() == new.id
    page.document.undo_stack.undo()
    assert len(plan.roadmap) == 16
    assert new.id not in page.scene.bars


def test_dragging_from_one_bar_to_another_adds_a_dependency(qtbot, page):
    plan = page.document.plan
    assert "item-3" not in plan.item("item-4").depends_on
    drag(qtbot, page, handle_point(page, "item-3"), page.view.anchor_point("item-4"))
    assert plan.item("item-4").depends_on == ["item-2", "item-3"]
    assert ("item-3", "item-4") in page.scene.arrows
    page.document.undo_stack.undo()
    assert plan.item("item-4").depends_on == ["item-2"]
    assert ("item-3", "item-4") not in page.scene.arrows


def test_a_dependency_that_closes_a_loop_is_refused_with_the_path(qtbot, page):
    plan = page.document.plan
    # The deployment already follows tool selection, which follows the process redesign.
    drag(qtbot, page, handle_point(page, "item-6"), page.view.anchor_point("item-2"))
    assert plan.item("item-2").depends_on == ["item-1"]
    assert page.document.undo_stack.count() == 0
    message = page.status.text()
    assert "loop" in message
    for title in (
        "Redesign the AP invoice process",
        "Select the invoice matching tool",
        "Deploy invoice matching to production",
    ):
        assert title in message


def test_delete_key_removes_the_selected_item_and_mends_links(qtbot, page):
    plan = page.document.plan
    assert page.select_element("item-4")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert plan.item("item-4") is None
    assert plan.item("item-6").depends_on == ["item-5"]
    assert "item-4" not in page.scene.bars
    page.document.undo_stack.undo()
    assert plan.item("item-6").depends_on == ["item-4", "item-5"]
    assert "item-4" in page.scene.bars


def test_the_table_edits_through_commands_and_in_bulk(qtbot, page):
    plan, model = page.document.plan, page.table.model_
    page.table_button.click()
    assert page.table.isVisible()
    row = model.row_of("item-4")
    assert model.index(row, 4).data() == 7  # weeks are shown counting from 1, as everywhere
    assert model.setData(model.index(row, 4), 10)
    assert plan.item("item-4").start_week == 9
    assert page.scene.bars["item-4"].pos().x() == pytest.approx(page.scene.layout.x(9))
    # Select two rows, then change the owner of one: both change, in one undo step.
    rows = [model.row_of("item-4"), model.row_of("item-5")]
    selection = page.table.selectionModel()
    page.table.selectRow(rows[0])
    selection.select(model.index(rows[1], 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    assert model.setData(model.index(rows[0], 3), "role-cfo")
    assert plan.item("item-4").owner == plan.item("item-5").owner == "role-cfo"
    page.document.undo_stack.undo()
    assert plan.item("item-4").owner == plan.item("item-5").owner == "role-controller"
    assert model.index(rows[0], 3).data() == "Financial controller"


def test_lanes_switch_to_use_cases_and_zoom_keeps_items(page):
    plan = page.document.plan
    page.lanes.setCurrentIndex(1)
    layout = page.scene.layout
    assert [lane.title for lane in layout.lanes] == ["Cross-cutting", *[uc.name for uc in plan.use_cases]]
    y = page.scene.bars["item-15"].pos().y()
    top = layout.lane_top["uc-forecast"]
    assert top <= y < top + layout.lane_height["uc-forecast"]
    page.view.set_scale("quarters")
    assert page.scene.bars["item-3"].width == pytest.approx(6 * page.scene.ppw)
    page.view.fit()
    right = max(bar.pos().x() + bar.width for bar in page.scene.bars.values())
    assert right <= page.view.viewport().width()  # every bar in view after a fit


def test_arrow_keys_nudge_the_selected_bar_as_one_undo_step(qtbot, page):
    plan, stack = page.document.plan, page.document.undo_stack
    page.select_element("item-5")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Right)
    qtbot.keyClick(page.view, Qt.Key.Key_Right)
    qtbot.keyClick(page.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert (plan.item("item-5").start_week, plan.item("item-5").duration_weeks) == (8, 3)
    assert stack.count() == 2  # the moves merged; the resize is its own step
    stack.undo()
    stack.undo()
    assert (plan.item("item-5").start_week, plan.item("item-5").duration_weeks) == (6, 2)


def test_export_writes_the_chosen_image(qtbot, page, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "roadmap.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export_button.click()
    assert "<svg" in target.read_text(encoding="utf-8")
    target = tmp_path / "roadmap.png"
    page.export_button.click()
    assert not QImage(str(target)).isNull()


def test_a_refused_edit_puts_the_previewed_bar_back(page):
    from omplanner.commands import SetFields
    from ui.roadmap.gestures import Outcome

    bar = page.scene.bars["item-4"]
    home = bar.pos()
    bar.setPos(home + QPointF(500, 0))  # as a drag preview leaves it
    page.view.gesture_finished.emit(Outcome(SetFields("item-4", {"start_week": 999})))
    assert page.document.plan.item("item-4").start_week == 6
    assert bar.pos() == home
    assert page.status.text()  # the reason is shown
    assert page.document.undo_stack.count() == 0


def test_an_empty_plan_then_a_replaced_plan(qtbot, example_plan):
    document = Document()
    page = RoadmapPage(document)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    assert not page.scene.bars
    layout = page.scene.layout
    y = layout.lane_top["process"] + 10
    start = page.view.mapFromScene(QPointF(layout.x(0) + 5, y)).toPointF()
    drag(qtbot, page, start, start + QPointF(3 * layout.ppw, 0))
    assert [i.kind for i in document.plan.roadmap] == [ItemKind.PROCESS_REDESIGN]
    document.replace_plan(example_plan, None)
    assert set(page.scene.bars) == {i.id for i in example_plan.roadmap}
    assert page.table.model_.rowCount() == 16
    assert len(page.scene.arrows) == sum(len(i.depends_on) for i in example_plan.roadmap)


def test_edits_made_while_hidden_show_when_the_page_returns(qtbot, page):
    from omplanner.commands import SetFields

    page.hide()
    page.document.execute(SetFields("item-4", {"start_week": 12, "title": "Choose the matching tool"}))
    page.show()
    qtbot.waitExposed(page)
    bar = page.scene.bars["item-4"]
    assert bar.title == "Choose the matching tool"
    assert bar.pos().x() == pytest.approx(page.scene.layout.x(12))
    assert page.table.model_.index(page.table.model_.row_of("item-4"), 0).data() == "Choose the matching tool"


def test_the_page_opens_showing_the_whole_roadmap(qtbot, example_plan):
    page = RoadmapPage(Document(example_plan))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.view._fitted)
    right = max(bar.pos().x() + bar.width for bar in page.scene.bars.values())
    assert right <= page.view.viewport().width()
