"""Driving pages like a user: show them, click cells, type into the editor a cell opens, answer message boxes."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QWidget

from ui.document import Document


def open_page(qtbot, page_class, plan) -> tuple[Document, QWidget]:
    document = Document(plan)
    page = page_class(document)
    qtbot.addWidget(page)
    page.resize(1200, 740)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return document, page


def cell_point(view: QAbstractItemView, row: int, column: int) -> QPoint:
    return view.visualRect(view.model().index(row, column)).center()


def click_cell(qtbot, view: QAbstractItemView, row: int, column: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view.scrollTo(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, cell_point(view, row, column))


def open_editor(qtbot, view: QAbstractItemView, row: int, column: int) -> QWidget:
    """Double-click a cell like a user and return the editor it opened."""
    click_cell(qtbot, view, row, column)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell_point(view, row, column))
    editors = [w for w in view.viewport().findChildren(QWidget) if w.isVisible() and w.hasFocus()]
    assert editors, "double-clicking the cell opened no editor"
    return editors[0]


def type_into_cell(qtbot, view: QAbstractItemView, row: int, column: int, text: str) -> None:
    editor = open_editor(qtbot, view, row, column)
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    finish_editing(qtbot, view)


def finish_editing(qtbot, view: QAbstractItemView) -> None:
    """Qt commits a cell's editor on the next turn of the event loop: let it."""
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def row_of(view, text: str, column: int = 0) -> int:
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, column).data() == text:
            return row
    raise AssertionError(f"no row shows {text!r}")


@dataclass
class ShownBox:
    """A message box as the user would have seen it."""

    title: str
    text: str
    informative: str
    text_format: Qt.TextFormat
    buttons: QMessageBox.StandardButton


def answer_message_boxes(monkeypatch, *answers: QMessageBox.StandardButton) -> list[ShownBox]:
    """Every message box the app shows takes the next of ``answers`` instead of waiting for a
    click; a box beyond them fails the test. Returns the boxes shown, in order."""
    from ui.widgets import message_boxes

    shown: list[ShownBox] = []
    left = list(answers)

    def run(box: QMessageBox) -> QMessageBox.StandardButton:
        box.grab()  # painted as it would be on screen
        shown.append(
            ShownBox(box.windowTitle(), box.text(), box.informativeText(), box.textFormat(), box.standardButtons())
        )
        if not left:
            pytest.fail(f"an unexpected message box: {box.windowTitle()}: {box.text()}")
        return left.pop(0)

    monkeypatch.setattr(message_boxes, "run_box", run)
    return shown


ROOT = Path(__file__).resolve().parents[2]


def run_python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """``python ARGS`` in a fresh process at the project's root, its output as text; the test
    fails, with the process's error output, if it does not exit 0."""
    out = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out
