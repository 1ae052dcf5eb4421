from PySide6.QtCore import Qt

from omplanner.model import Knowledge
from omplanner.rules import check_plan
from tests.ui.page_tools import open_editor, open_page
from ui.pages.data_sources import DataSourcesPage

OWNER, VALIDATION, LATENCY, QUALITY, USED_BY, ORIGIN, OWNERSHIP = 2, 3, 4, 5, 6, 7, 8


def tip(page, row, column):
    return page.model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)


def test_a_latency_answered_as_known_clears_the_mark_the_check_also_clears(qtbot, example_plan):
    document, page = open_page(qtbot, DataSourcesPage, example_plan)
    row = page.model.row_of("data-grn")
    assert page.model.index(row, LATENCY).data() == "Partly known"  # the note is in the form below
    assert "how fast it arrives is only partly known" in tip(page, row, LATENCY)
    assert page.select_element("data-grn")
    page.note_edits["latency"].selectAll()
    page.note_edits["latency"].setFocus()
    qtbot.keyClicks(page.note_edits["latency"], "Within 4 hours of delivery")
    combo = open_editor(qtbot, page.table, row, LATENCY)
    qtbot.keyClicks(combo, "Known")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.plan.data_source("data-grn").latency.status is Knowledge.KNOWN)
    assert document.plan.data_source("data-grn").latency.note == "Within 4 hours of delivery"
    assert tip(page, row, LATENCY) is None
    assert not [f for f in check_plan(document.plan) if f.code == "DAT-003" and "data-grn" in f.element_ids]
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan.data_source("data-grn").latency.status is Knowledge.PARTLY
    assert document.plan.data_source("data-grn").latency.note == "Usually fine"
    assert "only partly known" in tip(page, row, LATENCY)


def test_naming_a_quality_owner_and_a_quality_level(qtbot, example_plan):
    document, page = open_page(qtbot, DataSourcesPage, example_plan)
    row = page.model.row_of("data-suppliers")
    assert "nobody owns its quality" in tip(page, row, OWNER)
    combo = open_editor(qtbot, page.table, row, OWNER)
    qtbot.keyClicks(combo, "Data")  # keyboard search; a space would open the list instead
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.plan.data_source("data-suppliers").owner_role == "role-data-steward")
    assert page.model.index(row, OWNER).data() == "Data steward"
    combo = open_editor(qtbot, page.table, row, QUALITY)
    qtbot.keyClicks(combo, "4")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.plan.data_source("data-suppliers").quality == 4)
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan.data_source("data-suppliers").owner_role is None
    assert document.plan.data_source("data-suppliers").quality == 2


def test_validation_note_typed_in_the_form_and_steps_that_use_a_source(qtbot, example_plan):
    document, page = open_page(qtbot, DataSourcesPage, example_plan)
    assert page.select_element("data-grn")
    page.note_edits["validation"].setFocus()
    qtbot.keyClicks(page.note_edits["validation"], "Receipts matched to delivery notes daily")
    assert document.plan.data_source("data-grn").validation.note == "Receipts matched to delivery notes daily"
    assert document.undo_stack.count() == 1
    assert "AP invoice matching" in page.used_by_label.text()
    cell = page.model.index(page.model.row_of("data-grn"), USED_BY)
    menu = page.table.multi_menu(cell)
    checked = [a.text() for a in menu.actions() if a.isChecked()]
    assert len(checked) == 1
    document.undo_stack.undo()
    assert document.plan.data_source("data-grn").validation.note == ""


def test_add_a_source_and_name_it(qtbot, example_plan):
    document, page = open_page(qtbot, DataSourcesPage, example_plan)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    from PySide6.QtWidgets import QApplication

    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Delivery notes")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: document.plan.data_sources[-1].name == "Delivery notes")
    # Its four questions start unknown; no AI step reads it yet, so no rule (and no mark) asks.
    assert page.model.index(5, ORIGIN).data() == "Unknown"
    assert tip(page, 5, OWNER) is None


def test_every_mark_is_a_findings_message_on_the_field_it_names(qtbot, example_plan):
    """The page marks a cell from the finding's own field; it knows no rule code."""
    _document, page = open_page(qtbot, DataSourcesPage, example_plan)
    columns = {"owner_role": OWNER, "validation": VALIDATION, "latency": LATENCY, "origin": ORIGIN}
    columns["ownership"] = OWNERSHIP
    expected: dict[tuple[str, int], list[str]] = {}
    for finding in check_plan(example_plan):
        if finding.field in columns:
            expected.setdefault((finding.elements[0].id, columns[finding.field]), []).append(finding.message)
    assert len({column for _id, column in expected}) >= 3
    for source in example_plan.data_sources:
        row = page.model.row_of(source.id)
        for column in columns.values():
            messages = expected.get((source.id, column))
            shown = tip(page, row, column)
            if messages is None:
                assert shown is None, (source.name, column)
            else:
                assert all(m in shown for m in messages), (source.name, column)
