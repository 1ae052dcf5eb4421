"""Keyboard first on the canvases: Ctrl+Tab leaves a map or the timeline for the inspector
(Tab stays on the map, moving between steps), and the roadmap is edited with keys alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.canvas_pages import redesigned, show_process_page, show_roadmap_in_weeks

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_ctrl_tab_leaves_the_process_map_for_the_inspector_where_the_ai_level_is_set(qtbot, example_plan):
    page = show_process_page(qtbot, example_plan)
    page.select_element("ap-r3")
    view = page.pane("redesigned").view
    _focus(qtbot, view)
    _press(qtbot, Qt.Key.Key_Tab)  # plain Tab stays on the map: the next step
    assert QApplication.focusWidget() is view
    assert page.pane("redesigned").scene.selected_step_ids() != ["ap-r3"]
    _press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert page.pane("redesigned").scene.selected_step_ids() == ["ap-r3"]

    _press(qtbot, Qt.Key.Key_Tab, CTRL)
    inspector = page.inspector
    assert QApplication.focusWidget() is inspector.name
    assert inspector.name.text() == redesigned(page).step("ap-r3").name
    before = redesigned(page).step("ap-r3").ai
    _press(qtbot, Qt.Key.Key_Tab, times=4)  # kind, lane, work time, AI
    assert QApplication.focusWidget() is inspector.ai
    _press(qtbot, Qt.Key.Key_Down)
    assert redesigned(page).step("ap-r3").ai != before
    assert redesigned(page).step("ap-r3").ai.label == inspector.ai.currentText()

    _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is inspector.threshold


def test_ctrl_shift_tab_leaves_the_process_map_backwards(qtbot, example_plan):
    page = show_process_page(qtbot, example_plan)
    page.select_element("ap-r3")
    view = page.pane("redesigned").view
    _focus(qtbot, view)
    _press(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    focused = QApplication.focusWidget()
    assert focused is not view and not page.inspector.isAncestorOf(focused)
    assert page.pane("redesigned").scene.selected_step_ids() == ["ap-r3"]  # not a step move


def test_ctrl_tab_leaves_the_roadmap_for_the_inspector(qtbot, example_plan):
    page = show_roadmap_in_weeks(qtbot, example_plan)
    item = example_plan.roadmap[0]
    page.select_element(item.id)
    _focus(qtbot, page.view)
    _press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is page.inspector.title
    page.inspector.title.selectAll()
    qtbot.keyClicks(page.inspector.title, "Pilot in one region")
    _press(qtbot, Qt.Key.Key_Return)
    assert page.document.plan.item(item.id).title == "Pilot in one region"

    _focus(qtbot, page.view)
    _press(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    focused = QApplication.focusWidget()
    assert focused is not page.view and not page.inspector.isAncestorOf(focused)
