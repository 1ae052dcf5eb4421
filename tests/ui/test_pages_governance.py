from PySide6.QtCore import Qt

from tests.ui.page_tools import open_page, type_into_cell
from ui.pages.governance import GovernancePage


def test_naming_the_owner_of_a_use_case_without_governance(qtbot, example_plan):
    document, page = open_page(qtbot, GovernancePage, example_plan)
    page.use_case_combo.setFocus()
    qtbot.keyClicks(page.use_case_combo, "Customer")
    assert page.use_case().id == "uc-email" and page.owner_edit.text() == ""
    qtbot.keyClicks(page.owner_edit, "Dana Whitfield")
    assert document.plan.use_case("uc-email").governance.owner_name == "Dana Whitfield"
    assert document.undo_stack.count() == 1  # one field typed, one undo step
    page.statement_edit.setFocus()
    qtbot.keyClicks(page.statement_edit, "Routes e-mails; never promises a refund.")
    assert document.plan.use_case("uc-email").governance.autonomy_statement.startswith("Routes e-mails")
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan.use_case("uc-email").governance.owner_name == ""
    assert page.owner_edit.text() == ""


def test_escalation_path_add_and_reorder(qtbot, example_plan):
    document, page = open_page(qtbot, GovernancePage, example_plan)
    governance = document.plan.use_case("uc-ap").governance
    page.escalation_add.setFocus()
    qtbot.keyClicks(page.escalation_add, "Operations")
    qtbot.mouseClick(page.escalation_add_button, Qt.MouseButton.LeftButton)
    assert governance.escalation_path[-1] == "role-ops-director"
    assert page.escalation_list.item(3).text().endswith("Operations director")
    page.escalation_list.setCurrentRow(3)
    page.move_escalation(-1)
    assert governance.escalation_path == ["role-ap-lead", "role-controller", "role-ops-director", "role-cfo"]
    assert page.escalation_list.currentRow() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert governance.escalation_path == ["role-ap-lead", "role-controller", "role-cfo"]


def test_thresholds_typed_in_the_table(qtbot, example_plan):
    document, page = open_page(qtbot, GovernancePage, example_plan)
    governance = document.plan.use_case("uc-ap").governance
    row = page.thresholds.row_of("thr-ap-exceptions")
    type_into_cell(qtbot, page.threshold_table, row, 3, "20")
    assert governance.thresholds[1].upper == 20
    type_into_cell(qtbot, page.threshold_table, row, 2, "2,5")
    assert governance.thresholds[1].lower == 2.5
    type_into_cell(qtbot, page.threshold_table, row, 2, "")
    assert governance.thresholds[1].lower is None
    for _ in range(3):
        document.undo_stack.undo()
    assert governance.thresholds[1].upper == 25 and governance.thresholds[1].lower is None

    page.add_threshold()
    assert len(governance.thresholds) == 4
    assert page.select_element("thr-ap-precision") and page.threshold_table.current_id() == "thr-ap-precision"
