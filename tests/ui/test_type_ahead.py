"""Type-ahead in drop-downs chooses the first entry that starts with what was typed, counted from
the top of the list: "A" on "AP clerk" keeps "AP clerk" rather than jumping to "AP team lead"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from tests.ui.page_tools import click_cell, finish_editing, open_editor, open_page
from ui.pages.capabilities import CapabilitiesPage


def _role(document, cap_id: str) -> str:
    return next(c for c in document.plan.capabilities if c.id == cap_id).role


def _type_on_role_cell(qtbot, page, cap_id: str, text: str, click: bool = True) -> QComboBox:
    """Select the role cell and type, as a facilitator does: the drop-down opens on the first key."""
    if click:
        click_cell(qtbot, page.table, page.model.row_of(cap_id), 0)
    assert page.table.current_id() == cap_id and page.table.currentIndex().column() == 0
    qtbot.keyClicks(page.table, text[0])
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    if text[1:]:
        qtbot.keyClicks(combo, text[1:])
    return combo


def test_a_letter_keeps_the_first_entry_starting_with_it(qtbot, example_plan):
    document, page = open_page(qtbot, CapabilitiesPage, example_plan)
    assert _role(document, "cap-ap-judge") == "role-ap-clerk"
    combo = _type_on_role_cell(qtbot, page, "cap-ap-judge", "A")
    assert combo.currentText() == "AP clerk"
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    finish_editing(qtbot, page.table)
    assert _role(document, "cap-ap-judge") == "role-ap-clerk"
    assert document.undo_stack.count() == 0  # nothing changed, nothing to undo


def test_typing_more_of_a_name_reaches_it(qtbot, example_plan):
    document, page = open_page(qtbot, CapabilitiesPage, example_plan)
    combo = _type_on_role_cell(qtbot, page, "cap-ap-judge", "AP t")
    assert combo.currentText() == "AP team lead"
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    finish_editing(qtbot, page.table)
    assert _role(document, "cap-ap-judge") == "role-ap-lead"

    combo = _type_on_role_cell(qtbot, page, "cap-ap-judge", "finance d", click=False)  # still the current cell
    assert combo.currentText() == "Finance director"  # not "Financial controller", which comes first
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    finish_editing(qtbot, page.table)
    assert document.plan.role(_role(document, "cap-ap-judge")).name == "Finance director"


def test_one_letter_again_steps_through_the_entries_starting_with_it(qtbot, example_plan):
    document, page = open_page(qtbot, CapabilitiesPage, example_plan)
    combo = _type_on_role_cell(qtbot, page, "cap-ap-judge", "F")
    assert combo.currentText() == "Financial controller"
    qtbot.keyClicks(combo, "F")
    assert combo.currentText() == "Finance director"


def test_in_the_open_list_typing_also_starts_from_the_top(qtbot, example_plan):
    document, page = open_page(qtbot, CapabilitiesPage, example_plan)
    combo = open_editor(qtbot, page.table, page.model.row_of("cap-ap-judge"), 0)
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)
    assert combo.view().currentIndex().data() == "AP clerk"
    qtbot.keyClicks(combo.view(), "A")
    assert combo.view().currentIndex().data() == "AP clerk"
    qtbot.keyClicks(combo.view(), "P t")
    assert combo.view().currentIndex().data() == "AP team lead"
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    finish_editing(qtbot, page.table)
    assert _role(document, "cap-ap-judge") == "role-ap-lead"


def test_a_closed_drop_down_in_an_inspector_chooses_as_it_is_typed(qtbot, example_plan):
    from tests.ui.canvas_pages import show_roadmap_in_weeks

    page = show_roadmap_in_weeks(qtbot, example_plan)
    item = page.document.plan.roadmap[0]
    page.select_element(item.id)
    owner = page.inspector.owner
    owner.setFocus()
    qtbot.waitUntil(owner.hasFocus)
    qtbot.keyClicks(owner, "AP t")
    assert owner.currentText() == "AP team lead"
    assert page.document.plan.item(item.id).owner == "role-ap-lead"  # chosen as typed, one edit
    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a new search
    qtbot.keyClicks(owner, "A")
    assert page.document.plan.item(item.id).owner == "role-ap-clerk"  # the first from the top
