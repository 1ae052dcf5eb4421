"""File › Import › Changes from a workbook…: a preview of every change, applied as one undoable edit."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QTreeWidgetItemIterator

from omplanner.export.xlsx import export_xlsx
from tests.ui.page_tools import answer_message_boxes
from ui.document import Document
from ui.main_window import MainWindow

ID = "OM Planner id"


@pytest.fixture
def window(qtbot, example_plan):
    win = MainWindow(Document(example_plan))
    qtbot.addWidget(win)
    return win


def edit_cell(path, sheet, entity_id, header, value):
    book = load_workbook(path)
    ws = book[sheet]
    head = next(r for r in ws.iter_rows() if any(c.value == ID for c in r))
    columns = {c.value: c.column for c in head}
    row = next(r for r in range(head[0].row + 1, ws.max_row + 1) if ws.cell(r, columns[ID]).value == entity_id)
    ws.cell(row, columns[header]).value = value
    book.save(path)


def texts(dialog) -> list[str]:
    found = []
    iterator = QTreeWidgetItemIterator(dialog.tree)
    while iterator.value():
        found.append(iterator.value().text(0))
        iterator += 1
    return found


def test_preview_lists_changes_and_conflicts_then_applies_as_one_undoable_edit(window, tmp_path):
    document = window.document
    plan = document.plan
    path = export_xlsx(plan.model_copy(deep=True), tmp_path / "plan.xlsx")
    edit_cell(path, "Roadmap", "item-7", "Weeks", 9)
    edit_cell(path, "Roadmap", "item-8", "Title", "<b>Agree</b> the limits & rights")
    edit_cell(path, "Roadmap", "item-9", "Status", "At risk")
    plan.item("item-9").status = "done"  # both sides changed: a conflict
    dialog = window.workbook_import.preview(path)
    shown = texts(dialog)
    assert "Changes (2)" in shown and "Roadmap" in shown
    assert "Weeks: 4 → 9" in shown
    assert any(t.startswith("Title: ") and "<b>Agree</b> the limits & rights" in t for t in shown)
    assert any("Conflicts" in t for t in shown)
    assert any("plan Done, workbook At risk" in t for t in shown)
    assert dialog.apply_button.isEnabled()
    depth = document.undo_stack.count()
    assert window.workbook_import.apply(dialog)
    assert document.undo_stack.count() == depth + 1
    assert plan.item("item-7").duration_weeks == 9 and plan.item("item-8").title.startswith("<b>Agree")
    assert plan.item("item-9").status.value == "done"
    document.undo_stack.undo()
    assert plan.item("item-7").duration_weeks == 4 and not plan.item("item-8").title.startswith("<b>")


def test_row_errors_disable_apply(window, tmp_path):
    path = export_xlsx(window.document.plan.model_copy(deep=True), tmp_path / "plan.xlsx")
    edit_cell(path, "Roadmap", "item-7", "Weeks", "nine")
    dialog = window.workbook_import.preview(path)
    assert not dialog.apply_button.isEnabled()
    assert any("Weeks: 'nine' is not a number" in t for t in texts(dialog))
    assert "nothing can be applied" in dialog.summary.text()


def test_a_ticked_missing_row_is_deleted_and_its_findings_shown(window, tmp_path):
    plan = window.document.plan
    path = export_xlsx(plan.model_copy(deep=True), tmp_path / "plan.xlsx")
    book = load_workbook(path)
    ws = book["Roadmap"]
    head = next(r for r in ws.iter_rows() if any(c.value == ID for c in r))
    columns = {c.value: c.column for c in head}
    last = head[0].row + len(plan.roadmap)
    assert ws.cell(last, columns[ID]).value == plan.roadmap[-1].id
    gone = plan.roadmap[-1].id
    for column in columns.values():
        ws.cell(last, column).value = None
    book.save(path)
    dialog = window.workbook_import.preview(path)
    [item] = dialog._missing_items
    assert not dialog.apply_button.isEnabled()  # nothing to do until it is ticked
    item.setCheckState(0, item.checkState(0).Checked)
    assert dialog.ticked() == [gone] and dialog.apply_button.isEnabled()
    assert window.workbook_import.apply(dialog)
    assert plan.item(gone) is None


def test_a_foreign_workbook_is_one_plain_sentence(window, tmp_path, monkeypatch):
    from openpyxl import Workbook

    Workbook().save(tmp_path / "budget.xlsx")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    seen = answer_message_boxes(monkeypatch, QMessageBox.StandardButton.Ok)
    assert window.workbook_import.preview(tmp_path / "budget.xlsx") is None
    [box] = seen
    assert "not exported by OM Planner" in box.text and box.text.endswith("compare it with.")
    assert box.text_format == Qt.TextFormat.PlainText


def test_the_preview_fits_a_small_screen(window, tmp_path, qtbot):
    path = export_xlsx(window.document.plan.model_copy(deep=True), tmp_path / "plan.xlsx")
    edit_cell(path, "Roadmap", "item-7", "Weeks", 9)
    edit_cell(path, "Use cases", "uc-ap", "Data richness", 2)
    dialog = window.workbook_import.preview(path)
    dialog.resize(900, 560)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1366 and dialog.height() <= 768
    dialog.grab().save(str(tmp_path / "preview.png"))
    assert (tmp_path / "preview.png").stat().st_size > 0
    assert isinstance(dialog, QDialog)
