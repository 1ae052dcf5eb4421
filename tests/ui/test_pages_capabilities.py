from PySide6.QtCore import Qt

from omplanner.rules import check_plan
from tests.ui.page_tools import click_cell, open_editor, open_page, row_of, type_into_cell
from ui.pages.capabilities import CapabilitiesPage


def test_typing_the_needed_level_then_undo(qtbot, example_plan):
    document, page = open_page(qtbot, CapabilitiesPage, example_plan)
    row = page.model.row_of("cap-ap-monitor")
    type_into_cell(qtbot, page.table, row, 4, "4")
    assert next(c for c in document.plan.capabilities if c.id == "cap-ap-monitor").required_level == 4
    document.undo_stack.undo()
    assert next(c for c in document.plan.capabilities if c.id == "cap-ap-monitor").required_level == 3


def test_training_alone_is_marked_until_the_job_changes_too(qtbot, example_plan):
    document, page = open_page(qtbot, CapabilitiesPage, example_plan)
    row = page.model.row_of("cap-cs-prompt")
    cell = page.model.index(row, 5)
    # The mark is CAP-004's finding, word for word what `omplanner check` prints.
    [finding] = [f for f in check_plan(document.plan) if f.code == "CAP-004" and f.element_ids[0] == "cap-cs-prompt"]
    assert finding.message in cell.data(Qt.ItemDataRole.ToolTipRole)  # tooltips are wrapped as plain text
    assert "only training is planned" in finding.message
    click_cell(qtbot, page.table, row, 5)
    menu = page.table.multi_menu(cell)
    job_design = next(a for a in menu.actions() if a.text() == "Job design")
    job_design.trigger()
    requirement = next(c for c in document.plan.capabilities if c.id == "cap-cs-prompt")
    assert requirement.built_through == ["training", "job_design"]
    assert page.model.index(row, 5).data(Qt.ItemDataRole.ToolTipRole) is None
    assert not [f for f in check_plan(document.plan) if f.code == "CAP-004"]
    assert page.model.index(row, 5).data() == "Training, Job design"
    document.undo_stack.undo()
    assert requirement.built_through == ["training"]


def test_choosing_the_role_and_typing_notes(qtbot, example_plan):
    document, page = open_page(qtbot, CapabilitiesPage, example_plan)
    row = page.model.row_of("cap-ap-judge")
    combo = open_editor(qtbot, page.table, row, 0)
    qtbot.keyClicks(combo, "Buyer")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: next(c for c in document.plan.capabilities if c.id == "cap-ap-judge").role == "role-buyer")
    # Rows are grouped by role: the requirement moved down to the buyer's place and stays focused.
    assert page.table.current_id() == "cap-ap-judge"
    assert row_of(page.table, "Buyer") > row
    page.notes_edit.setFocus()
    qtbot.keyClicks(page.notes_edit, "Buyers judge disputed prices.")
    assert (
        next(c for c in document.plan.capabilities if c.id == "cap-ap-judge").notes == "Buyers judge disputed prices."
    )
    document.undo_stack.undo()
    document.undo_stack.undo()
    restored = next(c for c in document.plan.capabilities if c.id == "cap-ap-judge")
    assert restored.role == "role-ap-clerk" and restored.notes == ""


def test_add_and_remove_a_requirement(qtbot, example_plan):
    document, page = open_page(qtbot, CapabilitiesPage, example_plan)
    click_cell(qtbot, page.table, page.model.row_of("cap-ap-monitor"), 0)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    added = document.plan.capabilities[-1]
    assert added.role == "role-ap-lead" and added.use_case == "uc-ap"
    assert page.table.current_id() == added.id
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert len(document.plan.capabilities) == 4
    assert page.select_element("cap-ap-validate")
