from PySide6.QtCore import Qt

from tests.ui.page_tools import open_editor, open_page, type_into_cell
from ui.pages.data_sources import DataSourcesPage


def test_typing_a_real_answer_clears_the_hedge_mark(qtbot, example_plan):
    document, page = open_page(qtbot, DataSourcesPage, example_plan)
    row = page.model.row_of("data-grn")
    latency = page.model.index(row, 4)
    assert "hedge" in latency.data(Qt.ItemDataRole.ToolTipRole)
    type_into_cell(qtbot, page.table, row, 4, "Within 4 hours of delivery")
    assert document.plan.data_source("data-grn").latency == "Within 4 hours of delivery"
    assert page.model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) is None
    document.undo_stack.undo()
    assert document.plan.data_source("data-grn").latency == "Usually fine"


def test_naming_a_quality_owner_and_a_quality_level(qtbot, example_plan):
    document, page = open_page(qtbot, DataSourcesPage, example_plan)
    row = page.model.row_of("data-suppliers")
    assert "Nobody owns its quality" in page.model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    combo = open_editor(qtbot, page.table, row, 2)
    qtbot.keyClicks(combo, "Data")  # keyboard search; a space would open the list instead
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.plan.data_source("data-suppliers").owner_role == "role-data-steward")
    assert page.model.index(row, 2).data() == "Data steward"
    combo = open_editor(qtbot, page.table, row, 5)
    qtbot.keyClicks(combo, "4")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.plan.data_source("data-suppliers").quality == 4)
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan.data_source("data-suppliers").owner_role is None
    assert document.plan.data_source("data-suppliers").quality == 2


def test_validation_typed_in_the_form_and_steps_that_use_a_source(qtbot, example_plan):
    document, page = open_page(qtbot, DataSourcesPage, example_plan)
    assert page.select_element("data-grn")
    page.validation_edit.setFocus()
    qtbot.keyClicks(page.validation_edit, "Receipts matched to delivery notes daily")
    assert document.plan.data_source("data-grn").validation == "Receipts matched to delivery notes daily"
    assert document.undo_stack.count() == 1
    assert "AP invoice matching" in page.used_by_label.text()
    cell = page.model.index(page.model.row_of("data-grn"), 6)
    menu = page.table.multi_menu(cell)
    checked = [a.text() for a in menu.actions() if a.isChecked()]
    assert len(checked) == 1
    document.undo_stack.undo()
    assert document.plan.data_source("data-grn").validation == ""


def test_add_a_source_and_name_it(qtbot, example_plan):
    document, page = open_page(qtbot, DataSourcesPage, example_plan)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    from PySide6.QtWidgets import QApplication

    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Delivery notes")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.plan.data_sources[-1].name == "Delivery notes")
    assert "Nobody owns" in page.model.index(5, 2).data(Qt.ItemDataRole.ToolTipRole)
