"""Keyboard first: Insert adds on the page on screen, F6 / Shift+F6 move between the panes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.document import Document
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, example_plan):
    win = MainWindow(Document(example_plan))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()


@pytest.mark.parametrize(
    ("page_id", "count"),
    [
        ("use_cases", lambda plan: len(plan.use_cases)),
        ("decisions", lambda plan: len(plan.decisions)),
        ("roles", lambda plan: len(plan.roles)),
        ("data", lambda plan: len(plan.data_sources)),
        ("capabilities", lambda plan: len(plan.capabilities)),
    ],
)
def test_insert_adds_a_row_on_the_list_page_on_screen(window, qtbot, page_id, count):
    page = window.show_page(page_id)
    page.setFocus()
    before = count(window.document.plan)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Insert)
    assert count(window.document.plan) == before + 1
    window.document.undo_stack.undo()
    assert count(window.document.plan) == before


def test_f6_cycles_the_panes_and_shift_f6_goes_back(window, qtbot):
    window.show_page("use_cases")
    window.sidebar.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sidebar)

    def pane() -> str:
        focused = QApplication.focusWidget()
        if focused is window.sidebar:
            return "sidebar"
        if window.stack.isAncestorOf(focused):
            return "page"
        if window.findings.isAncestorOf(focused):
            return "findings"
        return f"elsewhere: {focused!r}"

    visited = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        visited.append(pane())
    assert visited == ["page", "findings", "sidebar"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert pane() == "findings"
