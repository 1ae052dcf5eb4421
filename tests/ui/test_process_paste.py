"""Steps copied on one map and pasted into another, by the keys a user presses: the plan saved
afterwards opens again."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.canvas_pages import show_redesigned_map
from ui import files
from ui.document import Document
from ui.files import FileController
from ui.main_window import MainWindow


def test_steps_pasted_into_a_map_with_no_lanes_save_and_open_again(qtbot, example_plan, tmp_path, monkeypatch):
    refusals = []  # what Open would have shown in a message box, instead of waiting for a click
    monkeypatch.setattr(files, "show_open_error", lambda parent, error, where: refusals.append(str(error)))
    page = show_redesigned_map(qtbot, example_plan, (700, 250))
    pane = page.pane("redesigned")
    pane.editor.select(["ap-r8", "ap-r9"])  # "Post and schedule payment" (ERP), "Invoice paid"
    pane.view.setFocus()
    QTest.keyClick(pane.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    page.show_use_case("uc-forecast")  # its redesigned map has no lanes yet
    assert page.document.plan.use_case("uc-forecast").redesigned.lanes == []
    pane.view.setFocus()
    QTest.keyClick(pane.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = page.document.plan.use_case("uc-forecast").redesigned
    assert [s.name for s in pasted.steps] == ["Post and schedule payment", "Invoice paid"]
    assert sorted(pane.scene.steps) == sorted(s.id for s in pasted.steps)  # drawn, in their lane

    path = tmp_path / "pasted.omplan"
    saver = FileController(page, page.document)
    assert saver.save_to(path)
    saver.release_lock()  # as closing the first window does: the second opens without a question
    window = MainWindow(Document())
    qtbot.addWidget(window)
    assert window.files.open_path(path, ask=False), refusals
    opened = window.document.plan.use_case("uc-forecast").redesigned
    assert opened.lanes == ["role-erp"]
    assert [(s.name, s.lane) for s in opened.steps] == [
        ("Post and schedule payment", "role-erp"),
        ("Invoice paid", "role-erp"),
    ]
    assert [(f.source, f.target) for f in opened.flows] == [(opened.steps[0].id, opened.steps[1].id)]

    page.document.undo_stack.undo()  # the paste, lane and all, is one undo step
    undone = page.document.plan.use_case("uc-forecast").redesigned
    assert (undone.lanes, undone.steps, undone.flows) == ([], [], [])
