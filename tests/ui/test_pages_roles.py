from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.page_tools import (
    answer_message_boxes,
    click_cell,
    finish_editing,
    open_editor,
    open_page,
    row_of,
    type_into_cell,
)
from ui.pages.decisions import DecisionsPage
from ui.pages.roles import RolesPage


def test_renaming_a_role_by_typing_renames_it_everywhere_and_undoes(qtbot, example_plan):
    document, page = open_page(qtbot, RolesPage, example_plan)
    matrix = DecisionsPage(document)
    qtbot.addWidget(matrix)
    row = row_of(page.table, "AP team lead")
    type_into_cell(qtbot, page.table, row, 0, "Accounts payable lead")

    assert document.plan.role("role-ap-lead").name == "Accounts payable lead"
    headers = [matrix.model.headerData(c, Qt.Orientation.Horizontal) for c in range(matrix.model.columnCount())]
    assert "Accounts payable lead" in headers and "AP team lead" not in headers

    document.undo_stack.undo()
    assert document.plan.role("role-ap-lead").name == "AP team lead"
    assert page.table.model().index(row, 0).data() == "AP team lead"


def test_an_empty_name_is_refused_and_the_cell_keeps_the_old_one(qtbot, example_plan):
    document, page = open_page(qtbot, RolesPage, example_plan)
    refused = []
    document.edit_refused.connect(refused.append)
    type_into_cell(qtbot, page.table, 0, 0, "")
    # Blank is a no-op edit from the delegate (strip) or a refusal: either way the name stays.
    assert document.plan.roles[0].name == "AP clerk"
    assert page.table.model().index(0, 0).data() == "AP clerk"


def test_removing_a_role_in_use_asks_first_and_shows_where(qtbot, example_plan, monkeypatch):
    document, page = open_page(qtbot, RolesPage, example_plan)
    asked = answer_message_boxes(monkeypatch, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    assert not page.remove_role("role-controller")
    assert document.plan.role("role-controller") is not None
    assert "Financial controller" in asked[0].text and "accountable" in asked[0].text

    assert page.remove_role("role-controller")
    assert document.plan.role("role-controller") is None
    assert all("role-controller" not in d.accountable for d in document.plan.decisions)
    document.undo_stack.undo()
    assert document.plan.role("role-controller") is not None
    assert "role-controller" in document.plan.decision("dec-ap-large").accountable


def test_a_role_not_in_use_goes_without_asking(qtbot, example_plan, monkeypatch):
    document, page = open_page(qtbot, RolesPage, example_plan)
    answer_message_boxes(monkeypatch)  # none: a box fails the test
    page.table.select_id("role-planner")
    page.remove_button.click()
    assert document.plan.role("role-planner") is None


def test_adding_a_role_opens_its_name_for_typing(qtbot, example_plan):
    document, page = open_page(qtbot, RolesPage, example_plan)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(document.plan.roles) == 15
    from PySide6.QtWidgets import QApplication

    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Credit controller")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    finish_editing(qtbot, page.table)
    assert document.plan.roles[-1].name == "Credit controller"
    assert page.select_element(document.plan.roles[-1].id)
    assert not page.select_element("dec-ap-post")


def test_used_in_counts_follow_edits_elsewhere(qtbot, example_plan):
    from omplanner.commands import SetFields

    document, page = open_page(qtbot, RolesPage, example_plan)
    row = row_of(page.table, "Demand planner")
    assert page.table.model().index(row, 4).data() == "not used"
    document.execute(SetFields("dec-ap-post", {"consulted": ["role-planner"]}))
    assert page.table.model().index(row, 4).data() == "1 place"
    document.undo_stack.undo()
    assert page.table.model().index(row, 4).data() == "not used"


def test_a_role_is_made_a_committee_and_senior_and_the_governance_rule_follows(qtbot, example_plan):
    from omplanner.model import RoleKind
    from omplanner.rules import check_plan

    document, page = open_page(qtbot, RolesPage, example_plan)
    row = row_of(page.table, "Financial controller")
    assert page.table.model().index(row, 2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    combo = open_editor(qtbot, page.table, row, 1)
    qtbot.keyClicks(combo, "Committee")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    finish_editing(qtbot, page.table)
    assert document.plan.role("role-controller").kind is RoleKind.COMMITTEE
    # The controller owns AP's governance: a committee cannot.
    assert any(f.code == "GOV-005" and f.use_case_id == "uc-ap" for f in check_plan(document.plan))
    document.undo_stack.undo()
    assert document.plan.role("role-controller").kind is RoleKind.HUMAN

    clerk = row_of(page.table, "AP clerk")
    click_cell(qtbot, page.table, clerk, 2)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert document.plan.role("role-ap-clerk").senior is True
    assert page.table.model().index(clerk, 2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    document.undo_stack.undo()
    assert document.plan.role("role-ap-clerk").senior is False
