"""Keyboard first on the canvases: Ctrl+Tab leaves a map or the timeline for the inspector
(Tab stays on the map, moving between steps), and the roadmap is edited with keys alone."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
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


def _main_window(qtbot, plan):
    from ui.document import Document
    from ui.main_window import MainWindow

    window = MainWindow(Document(plan))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_roadmap_items_are_added_moved_and_resized_from_the_keyboard(qtbot, example_plan):
    window = _main_window(qtbot, example_plan)
    page = window.show_page("roadmap")
    plan = lambda: window.document.plan  # noqa: E731
    before = {i.id for i in plan().roadmap}
    _focus(qtbot, page.view)
    _press(qtbot, Qt.Key.Key_Insert)  # Edit › Add to this page
    assert len(plan().roadmap) == len(before) + 1
    new = next(i for i in plan().roadmap if i.id not in before)
    assert page.selected_id() == new.id and new.start_week == 0 and new.duration_weeks == 4
    assert QApplication.focusWidget() is page.inspector.title  # its name is ready to type
    qtbot.keyClicks(page.inspector.title, "Train the AP clerks")
    _press(qtbot, Qt.Key.Key_Return)
    assert plan().item(new.id).title == "Train the AP clerks"

    _press(qtbot, Qt.Key.Key_Tab, SHIFT)  # back to the timeline
    assert QApplication.focusWidget() is page.view
    _press(qtbot, Qt.Key.Key_Right, times=3)
    assert plan().item(new.id).start_week == 3
    _press(qtbot, Qt.Key.Key_Left)
    assert plan().item(new.id).start_week == 2
    _press(qtbot, Qt.Key.Key_Right, SHIFT, times=2)
    _press(qtbot, Qt.Key.Key_Left, SHIFT)
    assert plan().item(new.id).duration_weeks == 5
    assert page.scene.bars[new.id].pos().x() == page.scene.layout.x(2)  # the bar shows it

    stack = window.document.undo_stack
    assert stack.undoText() == "Change the length of 'Train the AP clerks'"  # the presses, one step
    stack.undo()
    assert plan().item(new.id).duration_weeks == 4 and plan().item(new.id).start_week == 2
    stack.undo()  # the moves, one step
    assert plan().item(new.id).start_week == 0
    stack.undo()
    stack.undo()
    assert plan().item(new.id) is None


def test_insert_adds_after_the_selected_item_in_its_lane(qtbot, example_plan):
    window = _main_window(qtbot, example_plan)
    page = window.show_page("roadmap")
    first = window.document.plan.roadmap[0]
    page.select_element(first.id)
    window.action_map["edit.add"].trigger()
    added = window.document.plan.item(page.selected_id())
    assert added.id != first.id
    assert added.start_week == first.end_week
    assert page.scene.bars[added.id].pos().y() > page.scene.bars[first.id].pos().y() - 1
    lane = page.scene.layout.lane_at(page.scene.bars[first.id].pos().y() + 2)
    assert page.scene.layout.lane_at(page.scene.bars[added.id].pos().y() + 2) == lane


def test_up_and_down_move_the_selection_between_bars_in_reading_order(qtbot, example_plan):
    page = show_roadmap_in_weeks(qtbot, example_plan)
    bars = sorted(page.scene.bars.values(), key=lambda b: (b.pos().y(), b.pos().x()))
    _focus(qtbot, page.view)
    _press(qtbot, Qt.Key.Key_Down)  # nothing selected: the first bar
    assert page.selected_id() == bars[0].item_id
    _press(qtbot, Qt.Key.Key_Down, times=2)
    assert page.selected_id() == bars[2].item_id
    assert bars[2].pos().y() >= bars[0].pos().y()
    _press(qtbot, Qt.Key.Key_Up)
    assert page.selected_id() == bars[1].item_id
    assert page.inspector.title.text() == page.document.plan.item(bars[1].item_id).title
    _press(qtbot, Qt.Key.Key_Up, times=5)  # stops at the first
    assert page.selected_id() == bars[0].item_id
    assert page.document.undo_stack.count() == 0  # selecting is not an edit


def _open_menu_of(qtbot, button, open_it) -> list[str]:
    """Open a tool button's menu with ``open_it`` and return the highlighted entry after each look
    (the menu runs its own loop: it is read and closed from inside it)."""
    seen: list[str] = []

    def look() -> None:
        menu = QApplication.activePopupWidget()
        try:
            qtbot.wait(100)
            seen.append(menu.activeAction().text() if menu.activeAction() else "")
            qtbot.keyClick(menu, Qt.Key.Key_Down)
            seen.append(menu.activeAction().text() if menu.activeAction() else "")
        finally:
            menu.close()

    if QApplication.mouseButtons():
        # QTest's double click (an earlier test) leaves a button down in Qt's record; a user's never is
        QTest.mouseRelease(button.window(), QApplication.mouseButtons(), pos=QPoint(1, 1))
    assert not QApplication.mouseButtons()
    QTimer.singleShot(50, look)
    open_it()
    return seen


def test_the_more_menu_opened_from_the_keyboard_starts_on_its_first_entry(qtbot, example_plan):
    page = show_process_page(qtbot, example_plan)
    button = page.more_button
    assert button.isVisible()  # on the tool bar, not folded into »
    _focus(qtbot, button)
    seen = _open_menu_of(qtbot, button, lambda: qtbot.keyClick(button, Qt.Key.Key_Space))
    assert [text.replace("&", "") for text in seen] == ["Quick capture…", "Auto layout"]
