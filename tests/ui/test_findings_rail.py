"""The findings panel folds to a rail of counts in presentation mode and in a window short of room,
so the pages get the width; the rail opens the panel over the page and Esc folds it back. A wide
enough window keeps the panel as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.laptop import SCREEN, laptop_window, settle
from ui.main_window import FINDINGS_NARROWEST


@pytest.fixture
def window(qtbot, example_plan, monkeypatch):
    with laptop_window(qtbot, example_plan, monkeypatch) as win:
        win.findings.refresh()
        yield win
    win.document.undo_stack.setClean()


def _counts(window) -> list[str]:
    return [window.findings.rail.badges[s].text() for s in ("error", "warning", "info")]


def test_a_wide_window_keeps_the_whole_panel(qtbot, window):
    settle(qtbot)
    panel = window.findings
    assert not panel.rail_mode
    assert panel.entries.isVisible() and not panel.rail.isVisible()
    assert panel.width() >= FINDINGS_NARROWEST


def test_presentation_mode_folds_the_panel_to_a_rail_of_counts_and_the_page_gets_the_width(qtbot, window):
    page = window.show_page("use_cases")
    settle(qtbot)
    before = page.width()
    window.set_presentation(True)
    settle(qtbot)
    panel = window.findings
    assert panel.rail_mode and panel.isVisible() and panel.rail.isVisible()
    assert not panel.entries.isVisible()
    assert panel.width() <= 70
    assert page.width() > before + 300  # the panel's width and the sidebar's names go to the page
    errors = sum(1 for f in panel.findings if f.severity == "error")
    warnings = sum(1 for f in panel.findings if f.severity == "warning")
    infos = len(panel.findings) - errors - warnings
    assert _counts(window) == [str(errors), str(warnings), str(infos)]
    assert panel.rail.badges["error"].accessibleName() == f"{errors} errors"
    window.set_presentation(False)
    window.resize(SCREEN)  # the offscreen screen puts the window back smaller than it was
    settle(qtbot)
    assert not panel.rail_mode and panel.entries.isVisible()
    assert panel.width() >= FINDINGS_NARROWEST


def test_a_click_on_the_rail_opens_the_panel_over_the_page_and_esc_folds_it_back(qtbot, window):
    window.set_presentation(True)
    page = window.show_page("use_cases")
    settle(qtbot)
    panel = window.findings
    width = page.width()
    qtbot.mouseClick(panel.rail.badges["warning"], Qt.MouseButton.LeftButton)
    settle(qtbot)
    overlay = panel.overlay
    assert panel.expanded and panel.entries.isVisible()
    assert QApplication.focusWidget() is panel.entries
    assert page.width() == width  # laid over the page, which keeps its width
    shown = overlay.geometry()
    assert shown.right() < panel.geometry().left() and shown.intersects(window.centralWidget().geometry())
    assert shown.height() == panel.height()
    for combo in (panel.severity_filter, panel.component_filter):
        assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + 30
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    settle(qtbot)
    assert not panel.expanded and not overlay.isVisible()
    assert panel.body.parentWidget() is panel.widget()  # back in the dock, folded
    assert QApplication.focusWidget() is panel.rail.badges["error"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # the rail opens from the keyboard too
    assert panel.expanded


def test_f6_opens_the_rail_and_moving_on_folds_it(qtbot, window):
    window.set_presentation(True)
    window.go_to("use_cases")
    settle(qtbot)
    panel = window.findings
    assert window.stack.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert panel.expanded and QApplication.focusWidget() is panel.entries
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.sidebar
    assert not panel.expanded
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert panel.expanded  # back again, from the other side


def test_view_findings_opens_the_rail_and_showing_a_finding_folds_it(qtbot, window):
    window.set_presentation(True)
    window.show_page("overview")
    settle(qtbot)
    panel = window.findings
    action = window.action_map["view.findings"]
    action.trigger()  # Ctrl+Shift+F on the rail: open it, do not hide it
    assert panel.expanded and action.isChecked()
    item = next(
        panel.entries.item(r)
        for r in range(panel.entries.count())
        if panel.entries.item(r).data(Qt.ItemDataRole.UserRole).code.startswith("DEC")
    )
    panel.entries.setCurrentItem(item)
    qtbot.keyClick(panel.entries, Qt.Key.Key_Return)
    assert window.current_page_id() == "decisions"
    assert not panel.expanded  # out of the way of what the room was asked to look at
    action.trigger()
    assert panel.expanded
    action.trigger()  # once open, the same key hides the panel as before
    assert not panel.isVisible() and not action.isChecked()
    action.trigger()
    assert panel.isVisible() and panel.expanded


def test_a_window_short_of_room_folds_the_panel_and_a_wide_one_unfolds_it(qtbot, window):
    panel = window.findings
    window.resize(1100, 700)
    settle(qtbot)
    assert panel.rail_mode and panel.width() <= 70
    qtbot.mouseClick(panel.rail, Qt.MouseButton.LeftButton)
    assert panel.expanded
    window.resize(SCREEN)
    settle(qtbot)
    assert not panel.rail_mode and not panel.expanded
    assert panel.entries.isVisible() and panel.width() >= FINDINGS_NARROWEST


def test_a_panel_docked_on_the_left_opens_over_the_page_to_its_right(qtbot, window):
    window.set_presentation(True)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.findings)
    settle(qtbot)
    panel = window.findings
    panel.expand()
    settle(qtbot)
    shown = panel.overlay.geometry()
    assert shown.left() > panel.geometry().right() and shown.right() <= window.width()
    assert shown.intersects(window.centralWidget().geometry())


def test_the_edit_history_beside_the_panel_keeps_it_unfolded(qtbot, window):
    """The history shares the findings' column: folded to a rail, it was 70 px wide and unreadable."""
    window.set_presentation(True)
    settle(qtbot)
    assert window.findings.rail_mode
    window.toggle_history(True)
    settle(qtbot)
    assert not window.findings.rail_mode
    assert window.history.width() >= FINDINGS_NARROWEST
    window.toggle_history(False)
    settle(qtbot)
    assert window.findings.rail_mode and window.findings.width() <= 70


def test_the_rails_words_are_the_vocabularys():
    """Written apart for start-up, the rail's words must be the ones the status bar and the PDF use."""
    from omplanner.model import Severity
    from omplanner.vocabulary import count_words
    from ui.findings_rail import BADGES

    for severity, one, many in BADGES:
        assert count_words(Severity(severity), 1) == f"1 {one}"
        assert count_words(Severity(severity), 2) == f"2 {many}"
