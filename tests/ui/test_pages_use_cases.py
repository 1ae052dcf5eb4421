from PySide6.QtCore import Qt

from tests.ui.page_tools import click_cell, finish_editing, open_editor, open_page, row_of, type_into_cell
from ui.pages.use_cases import UseCasesPage


def test_typing_a_tractability_level_then_undo(qtbot, example_plan):
    document, page = open_page(qtbot, UseCasesPage, example_plan)
    row = row_of(page.table, "Customer e-mail triage")
    type_into_cell(qtbot, page.table, row, 3, "5")
    assert document.plan.use_case("uc-email").tractability.definition == 5
    assert page.table.model().index(row, 3).data() == "5"
    document.undo_stack.undo()
    assert document.plan.use_case("uc-email").tractability.definition == 3


def test_choosing_a_status_from_the_keyboard(qtbot, example_plan):
    document, page = open_page(qtbot, UseCasesPage, example_plan)
    row = row_of(page.table, "Demand forecasting")
    combo = open_editor(qtbot, page.table, row, 1)
    qtbot.keyClicks(combo, "Pilot")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    finish_editing(qtbot, page.table)
    assert document.plan.use_case("uc-forecast").status == "pilot"
    document.undo_stack.undo()
    assert document.plan.use_case("uc-forecast").status == "candidate"


def test_typing_a_description_is_one_undo_step(qtbot, example_plan):
    document, page = open_page(qtbot, UseCasesPage, example_plan)
    click_cell(qtbot, page.table, row_of(page.table, "Demand forecasting"), 0)
    before = document.plan.use_case("uc-forecast").description
    page.description_edit.setFocus()
    page.description_edit.moveCursor(page.description_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.description_edit, " Weekly, per depot.")
    assert document.plan.use_case("uc-forecast").description == before + " Weekly, per depot."
    document.undo_stack.undo()
    assert document.plan.use_case("uc-forecast").description == before
    assert page.description_edit.toPlainText() == before


def test_pilot_kpi_value_typed_in_the_form(qtbot, example_plan):
    document, page = open_page(qtbot, UseCasesPage, example_plan)
    click_cell(qtbot, page.table, row_of(page.table, "Customer e-mail triage"), 0)
    page.kpi_value_edit.selectAll()
    qtbot.keyClicks(page.kpi_value_edit, "35")
    assert document.plan.use_case("uc-email").pilot_kpi.value == 35
    page.kpi_value_edit.selectAll()
    qtbot.keyClick(page.kpi_value_edit, Qt.Key.Key_Delete)
    assert document.plan.use_case("uc-email").pilot_kpi.value is None
    document.undo_stack.undo()
    assert document.plan.use_case("uc-email").pilot_kpi.value == 68


def test_reorder_add_and_remove(qtbot, example_plan):
    document, page = open_page(qtbot, UseCasesPage, example_plan)
    click_cell(qtbot, page.table, row_of(page.table, "Demand forecasting"), 0)
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    assert [u.id for u in document.plan.use_cases] == ["uc-ap", "uc-forecast", "uc-email"]
    assert page.table.current_id() == "uc-forecast"
    document.undo_stack.undo()
    assert [u.id for u in document.plan.use_cases] == ["uc-ap", "uc-email", "uc-forecast"]

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    added = document.plan.use_cases[-1]
    assert added.current.id != added.redesigned.id and page.table.current_id() == added.id

    click_cell(qtbot, page.table, row_of(page.table, "Customer e-mail triage"), 0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert document.plan.use_case("uc-email") is None
    assert not any(d.use_case == "uc-email" for d in document.plan.decisions)
    document.undo_stack.undo()
    assert document.plan.use_case("uc-email") is not None
    assert document.plan.decision("dec-em-route") is not None


def test_the_name_column_stays_readable_in_a_narrow_window(qtbot, example_plan):
    document, page = open_page(qtbot, UseCasesPage, example_plan)
    page.resize(700, 500)
    page.show()
    qtbot.waitExposed(page)
    header = page.table.horizontalHeader()
    assert header.sectionSize(0) >= page.table.sizeHintForColumn(0)  # other columns give way to the names
    page.resize(1800, 500)
    qtbot.wait(10)
    assert header.sectionSize(0) > page.table.STRETCH_MIN  # and takes the room when there is some


def test_tab_leaves_the_table_and_shift_tab_comes_back(qtbot, example_plan):
    """Tab on a cell goes on to the next field, not the next cell (the arrow keys move between
    cells): reaching the buttons took 13 Shift+Tabs over every cell, Status among them."""
    from PySide6.QtWidgets import QApplication

    _document, page = open_page(qtbot, UseCasesPage, example_plan)
    table = page.table
    click_cell(qtbot, table, 1, 1)  # on Status
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.description_edit
    assert table.currentIndex().column() == 1  # the table keeps its place
    qtbot.keyClick(page.description_edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.remove_button  # the header's last button


def test_tab_in_a_cells_editor_still_goes_cell_by_cell_and_out_after_the_last(qtbot, example_plan):
    """Typing a row stays quick: Tab commits and opens the next cell; after the last cell it leaves."""
    from PySide6.QtWidgets import QApplication

    document, page = open_page(qtbot, UseCasesPage, example_plan)
    table = page.table
    last_row, last_column = table.model().rowCount() - 1, table.model().columnCount() - 1
    editor = open_editor(qtbot, table, last_row, last_column - 1)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not editor)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (last_row, last_column)
    assert table.state() == table.State.EditingState  # on to the next cell, its editor open
    qtbot.keyClicks(QApplication.focusWidget(), "2")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert document.plan.use_cases[last_row].tractability.strategic_value == 2
    assert table.state() != table.State.EditingState
    assert QApplication.focusWidget() is page.description_edit  # not round to the first cell


def test_a_letter_typed_on_the_cell_just_clicked_again_opens_its_editor_with_the_letter(qtbot, example_plan):
    """A click on the current cell made Qt wait out a double click, and a letter typed meanwhile
    was dropped: the editor then opened on the old name."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    _document, page = open_page(qtbot, UseCasesPage, example_plan)
    table = page.table
    click_cell(qtbot, table, 1, 0)
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    click_cell(qtbot, table, 1, 0)  # already the current cell
    for letter in "Xy":  # each key to where the keyboard is, as a user's would go
        qtbot.keyClicks(QApplication.focusWidget(), letter)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Xy"
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # and the delayed edit does not undo it
    assert QApplication.focusWidget() is editor and editor.text() == "Xy"


def test_the_outcome_measure_is_typed_in_the_form_and_clears_the_readiness_error(qtbot, example_plan):
    from omplanner.rules import check_plan

    def rdy006():
        return [f for f in check_plan(document.plan) if f.code == "RDY-006" and f.use_case_id == "uc-email"]

    document, page = open_page(qtbot, UseCasesPage, example_plan)
    assert rdy006()
    click_cell(qtbot, page.table, row_of(page.table, "Customer e-mail triage"), 0)
    page.outcome_name_edit.setFocus()
    qtbot.keyClicks(page.outcome_name_edit, "E-mails answered within a day, whole team")
    page.outcome_target_edit.setFocus()
    qtbot.keyClicks(page.outcome_target_edit, "90")
    qtbot.keyClick(page.outcome_target_edit, Qt.Key.Key_Tab)
    outcome = document.plan.use_case("uc-email").outcome
    assert (outcome.name, outcome.target) == ("E-mails answered within a day, whole team", 90)
    assert not rdy006()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan.use_case("uc-email").outcome.name == ""
    assert page.outcome_name_edit.text() == ""
