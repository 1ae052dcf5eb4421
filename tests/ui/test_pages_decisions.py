from PySide6.QtCore import Qt

from tests.ui.page_tools import click_cell, open_page, row_of, type_into_cell
from ui.pages.decisions import FIXED_COLUMNS, DecisionsPage


def role_column(page, role_id: str) -> int:
    return FIXED_COLUMNS + page._role_ids.index(role_id)


def test_two_accountable_roles_are_marked_and_fixed_by_typing_a(qtbot, example_plan):
    document, page = open_page(qtbot, DecisionsPage, example_plan)
    row = row_of(page.table, "Write off small balance differences")
    name_cell = page.model.index(row, 0)
    assert "2 roles are accountable" in name_cell.data(Qt.ItemDataRole.ToolTipRole)
    assert name_cell.data(Qt.ItemDataRole.BackgroundRole) is not None

    click_cell(qtbot, page.table, row, role_column(page, "role-controller"))
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert document.plan.decision("dec-ap-writeoff").accountable == ["role-ap-lead"]
    assert name_cell.data(Qt.ItemDataRole.BackgroundRole) is None

    document.undo_stack.undo()
    assert document.plan.decision("dec-ap-writeoff").accountable == ["role-ap-lead", "role-controller"]
    assert page.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_letters_toggle_on_every_selected_cell_as_one_edit(qtbot, example_plan):
    document, page = open_page(qtbot, DecisionsPage, example_plan)
    column = role_column(page, "role-cfo")
    first = row_of(page.table, "Post an invoice that matches within tolerance")
    second = row_of(page.table, "Accept a price difference outside tolerance")
    click_cell(qtbot, page.table, first, column)
    click_cell(qtbot, page.table, second, column, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_I)
    assert "role-cfo" in document.plan.decision("dec-ap-post").informed
    assert "role-cfo" in document.plan.decision("dec-ap-variance").informed
    assert page.model.index(first, column).data() == "I"
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "role-cfo" not in document.plan.decision("dec-ap-post").informed
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert "role-cfo" not in document.plan.decision("dec-ap-variance").informed


def test_bulk_autonomy_for_selected_decisions_is_one_undo_step(qtbot, example_plan):
    document, page = open_page(qtbot, DecisionsPage, example_plan)
    click_cell(qtbot, page.table, row_of(page.table, "Post an invoice that matches within tolerance"), 0)
    click_cell(
        qtbot, page.table, row_of(page.table, "Route an e-mail to a team"), 0, Qt.KeyboardModifier.ControlModifier
    )
    page.bulk_autonomy.setFocus()
    qtbot.keyClicks(page.bulk_autonomy, "Senior")
    qtbot.mouseClick(page.bulk_apply, Qt.MouseButton.LeftButton)
    assert document.plan.decision("dec-ap-post").autonomy == "senior_signoff"
    assert document.plan.decision("dec-em-route").autonomy == "senior_signoff"
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.plan.decision("dec-ap-post").autonomy == "ai_alone"
    assert document.plan.decision("dec-em-route").autonomy == "ai_alone"


def test_filter_by_use_case_and_edit_the_selected_decision(qtbot, example_plan):
    document, page = open_page(qtbot, DecisionsPage, example_plan)
    page.filter_combo.setFocus()
    qtbot.keyClicks(page.filter_combo, "Customer")
    assert [page.model.entity(r).id for r in range(page.model.rowCount())] == ["dec-em-route", "dec-em-refund"]
    assert "role-cs-agent" in page._role_ids and "role-ap-clerk" not in page._role_ids

    type_into_cell(qtbot, page.table, 1, 0, "Offer a goodwill refund")
    assert document.plan.decision("dec-em-refund").name == "Offer a goodwill refund"
    assert page.table.current_id() == "dec-em-refund"
    qtbot.mouseClick(page.audit_check, Qt.MouseButton.LeftButton)
    assert document.plan.decision("dec-em-refund").audit_trail is False
    document.undo_stack.undo()
    assert document.plan.decision("dec-em-refund").audit_trail is True
    assert page.audit_check.isChecked()
    assert page.select_element("dec-ap-post") and page.table.current_id() == "dec-ap-post"


def test_adding_a_decision_to_the_filtered_use_case(qtbot, example_plan):
    document, page = open_page(qtbot, DecisionsPage, example_plan)
    page.set_filter("uc-forecast")
    assert page.model.rowCount() == 0
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    added = document.plan.decisions[-1]
    assert added.use_case == "uc-forecast"
    assert "Nobody is accountable" in page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert document.plan.decision(added.id) is None


def test_fixing_two_accountable_roles_in_the_matrix_clears_the_finding(qtbot, example_plan):
    from omplanner.rules import check_plan

    def writeoff_findings(plan):
        return [f for f in check_plan(plan) if f.code == "DEC-001" and "dec-ap-writeoff" in f.element_ids]

    document, page = open_page(qtbot, DecisionsPage, example_plan)
    assert writeoff_findings(document.plan), "the example plan gives this decision two accountable roles"
    click_cell(
        qtbot,
        page.table,
        row_of(page.table, "Write off small balance differences"),
        role_column(page, "role-controller"),
    )
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert writeoff_findings(document.plan) == []
    document.undo_stack.undo()
    assert writeoff_findings(document.plan)


def test_a_new_decision_has_role_columns_to_fill_in(qtbot):
    """In a plan whose decisions use no role yet, adding one shows the roles of its use case's
    map (or every role when it has no map), so the legend's R A C I keys have cells to act on."""
    from omplanner.model import Plan, Role
    from omplanner.model.factories import make_use_case

    mapped = make_use_case("Invoices")
    mapped.redesigned.lanes = ["role-clerk"]
    bare = make_use_case("Forecasting")
    roles = [Role(id="role-clerk", name="AP clerk"), Role(id="role-cfo", name="CFO")]
    document, page = open_page(qtbot, DecisionsPage, Plan(roles=roles, use_cases=[mapped, bare]))
    page.set_filter(mapped.id)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page._role_ids == ["role-clerk"]
    page.set_filter(bare.id)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page._role_ids == ["role-clerk", "role-cfo"]
    assert page.model.columnCount() == FIXED_COLUMNS + 2


def test_removing_a_role_takes_its_column_away_and_undo_brings_it_back(qtbot, example_plan):
    from omplanner.commands import remove_cascade

    document, page = open_page(qtbot, DecisionsPage, example_plan)
    row = row_of(page.table, "Post an invoice that matches within tolerance")
    click_cell(qtbot, page.table, row, 0)
    headers = lambda: [page.model.headerData(s, Qt.Orientation.Horizontal) for s in range(page.model.columnCount())]  # noqa: E731
    before = headers()
    cfo = document.plan.role("role-cfo").name
    assert cfo in before
    resets = []
    page.model.modelReset.connect(lambda: resets.append(1))

    document.execute(remove_cascade(document.plan, "role-cfo"))
    assert cfo not in headers() and len(headers()) == len(before) - 1
    assert page.table.current_id() == "dec-ap-post"  # the row the user was on stays current
    column = role_column(page, "role-controller")
    assert page.model.index(row, column).data() == letters_of(document.plan.decision("dec-ap-post"), "role-controller")

    document.undo_stack.undo()
    assert headers() == before
    decision = document.plan.decision("dec-ap-post")
    assert page.model.index(row, role_column(page, "role-cfo")).data() == letters_of(decision, "role-cfo")
    assert not resets  # a column came and went; the table was not rebuilt under the user


def letters_of(decision, role_id: str) -> str:
    from ui.pages.decisions import letters

    return letters(decision, role_id)
