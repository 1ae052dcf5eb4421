"""Quick capture from the keyboard: a 12-step, 4-role process typed and built without the mouse,
in fewer keys than the sticky notes it replaces."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from omplanner.model import StepKind
from tests.ui.canvas_pages import show_process_page
from tests.ui.journey import WORKSHOP  # the same 12 steps in 4 roles the journey types
from ui.process.capture_dialog import CaptureDialog

KEY_BUDGET = 300  # the target for a 12-step, 4-role process (sticky notes took 562)


def _capture_dialog(qtbot, plan):
    """The Processes page on a use case with no map yet, and its quick capture dialog, focused."""
    page = show_process_page(qtbot, plan)
    page.show_use_case("uc-forecast")
    dialog = CaptureDialog(page, "current")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.text.setFocus()
    return page, dialog


def test_a_twelve_step_process_is_typed_and_built_from_the_keyboard(qtbot, example_plan):
    page, dialog = _capture_dialog(qtbot, example_plan)
    keys = 0
    for line in WORKSHOP.splitlines():
        qtbot.keyClicks(dialog.text, line)
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
        keys += len(line) + 1
    assert dialog.text.toPlainText() == WORKSHOP  # typed as is: nothing completed or swallowed
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    keys += 1
    assert keys <= KEY_BUDGET, keys
    assert not dialog.isVisible()  # Ctrl+Enter built the map and closed the dialog
    pmap = page.document.plan.use_case("uc-forecast").current
    assert len(pmap.steps) == 12 and len(pmap.lanes) == 4
    names = {s.id: s.name for s in pmap.steps}
    assert {(names[f.source], names[f.target], f.label) for f in pmap.flows} >= {
        ("match?", "query supplier", "no"),
        ("match?", "approve", "yes"),
        ("over limit?", "sign off", "yes"),
        ("over limit?", "pay", "no"),
    }
    assert sum(s.minutes for s in pmap.steps) == 25
    assert [s.kind for s in pmap.steps].count(StepKind.DECISION) == 2
    assert page.document.undo_stack.undoText() == "Capture 12 steps"


def test_tab_leaves_the_text_and_alt_b_builds(qtbot, example_plan):
    page, dialog = _capture_dialog(qtbot, example_plan)
    qtbot.keyClicks(dialog.text, "Planner: pull history")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)
    assert "\t" not in dialog.text.toPlainText()
    assert QApplication.focusWidget() is not dialog.text
    build = next(b for b in dialog.findChildren(QDialogButtonBox)[0].buttons() if "Build" in b.text())
    assert build.text() == "&Build map"  # Alt+B
    build.click()
    assert [s.name for s in page.document.plan.use_case("uc-forecast").current.steps] == ["pull history"]


def test_a_line_that_cannot_be_read_keeps_the_dialog_open_and_says_which(qtbot, example_plan):
    page = show_process_page(qtbot, example_plan)
    dialog = CaptureDialog(page, "current")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setPlainText("Clerk: check\nyes: approve")
    enter = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier
    qtbot.keyClick(dialog.text, Qt.Key.Key_Enter, enter)  # the keypad's Enter
    assert dialog.isVisible()
    assert dialog.error.text().startswith('line 2: "yes:" gives an answer')
