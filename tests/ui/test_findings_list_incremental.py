"""The findings list after a re-check changes only the rows whose words changed, and reads the
same as a list filled afresh: same rows, same order, each holding the newest finding."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from omplanner.commands import SetFields, remove_cascade
from omplanner.model import ItemKind
from ui.document import Document
from ui.findings_panel import FindingsPanel


def _panel(qtbot, document):
    panel = FindingsPanel(document)
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh()
    return panel


def _rows(panel):
    entries = panel.entries
    return [
        (
            entries.item(r).text(),
            entries.item(r).toolTip(),
            entries.item(r).data(Qt.ItemDataRole.AccessibleTextRole),
            entries.item(r).icon().isNull(),
            entries.item(r).data(Qt.ItemDataRole.UserRole),
        )
        for r in range(entries.count())
    ]


def _same_as_afresh(qtbot, panel):
    fresh = _panel(qtbot, panel.document)
    for combo, other in zip(
        (panel.severity_filter, panel.use_case_filter, panel.component_filter),
        (fresh.severity_filter, fresh.use_case_filter, fresh.component_filter),
        strict=True,
    ):
        other.setCurrentIndex(combo.currentIndex())
    assert _rows(panel) == _rows(fresh)
    newest = panel.document.findings.findings()
    held = [panel.entries.item(r).data(Qt.ItemDataRole.UserRole) for r in range(panel.entries.count())]
    assert all(any(f is n for n in newest) for f in held)  # never a finding of an earlier check
    fresh.close()


def test_each_edit_and_undo_leaves_the_list_as_a_list_filled_afresh(qtbot, example_plan):
    document = Document(example_plan)
    panel = _panel(qtbot, document)
    plan = document.plan
    tool = next(i for i in plan.roadmap if i.kind is ItemKind.TOOL_SELECTION)
    edits = [
        lambda: document.execute(SetFields(tool.id, {"start_week": 0})),
        lambda: document.execute(remove_cascade(document.plan, plan.roles[0].id)),
        lambda: document.execute(remove_cascade(document.plan, plan.use_cases[-1].id)),
        lambda: document.undo_stack.undo(),
        lambda: panel.severity_filter.setCurrentIndex(1),
        lambda: document.undo_stack.undo(),
        lambda: panel.severity_filter.setCurrentIndex(0),
        lambda: document.undo_stack.undo(),
        lambda: document.undo_stack.redo(),
    ]
    seen = set()
    for edit in edits:
        before = [panel.entries.item(r) for r in range(panel.entries.count())]
        edit()
        panel.refresh()
        _same_as_afresh(qtbot, panel)
        after = [panel.entries.item(r) for r in range(panel.entries.count())]
        seen.add(len({id(i) for i in before} & {id(i) for i in after}))
    assert max(seen) > 20  # rows whose words did not change were kept, not made again


def test_the_finding_a_user_is_reading_stays_selected_across_a_re_check(qtbot, example_plan):
    document = Document(example_plan)
    panel = _panel(qtbot, document)
    panel.entries.setCurrentRow(panel.entries.count() - 1)
    reading = panel.current_finding()
    detail = panel.detail.text()
    tool = next(i for i in document.plan.roadmap if i.kind is ItemKind.TOOL_SELECTION)
    document.execute(SetFields(tool.id, {"start_week": 0}))
    panel.refresh()
    current = panel.current_finding()
    assert (current.code, current.element_ids) == (reading.code, reading.element_ids)
    assert panel.entries.currentItem().isSelected()
    assert panel.detail.text() == detail


def test_a_remembered_row_size_is_the_size_measured_at_that_width_and_type(qtbot, example_plan):
    """Row heights are remembered by text and width: after the list narrows or the type grows
    (presentation mode), each row is as tall as its wrapped text measured afresh."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    panel = _panel(qtbot, Document(example_plan))
    entries = panel.entries
    delegate = entries.itemDelegate()

    def check():
        option = QStyleOptionViewItem()
        entries.initViewItemOption(option)
        for r in range(entries.count()):
            index = entries.model().index(r, 0)
            assert delegate.sizeHint(option, index) == delegate._measure(option, index)
        return [delegate.sizeHint(option, entries.model().index(r, 0)).height() for r in range(entries.count())]

    wide = check()
    panel.resize(260, 700)
    qtbot.wait(10)
    narrow = check()
    assert sum(narrow) > sum(wide)  # rows wrap onto more lines: the remembered sizes were not reused
    font = entries.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    entries.setFont(font)
    assert sum(check()) > sum(narrow)


def test_the_rows_laid_out_are_as_tall_as_their_text_at_the_lists_width(qtbot, example_plan):
    """The list lays its rows out reading their common font and width once per layout: each row
    on screen is as tall as its wrapped text measured at the list's width, before and after the
    list narrows and the type grows."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    panel = _panel(qtbot, Document(example_plan))
    entries = panel.entries
    delegate = entries.itemDelegate()

    def laid_out_as_measured():
        entries.doItemsLayout()
        option = QStyleOptionViewItem()
        entries.initViewItemOption(option)
        heights = [entries.visualItemRect(entries.item(r)).height() for r in range(entries.count())]
        measured = [delegate._measure(option, entries.model().index(r, 0)).height() for r in range(entries.count())]
        assert heights == measured
        return sum(heights)

    wide = laid_out_as_measured()
    panel.resize(260, 700)
    qtbot.wait(10)
    narrow = laid_out_as_measured()
    assert narrow > wide
    font = entries.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    entries.setFont(font)
    assert laid_out_as_measured() > narrow


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 5), max_size=30), st.lists(st.integers(0, 5), max_size=30))
def test_the_list_edits_turn_the_rows_shown_into_the_new_rows(old, new):
    """The edits the list makes (rows both lists start and end with kept, the middle matched)
    turn the old rows into the new ones, keeping a row only where its words are the same."""
    from ui.findings_panel import _opcodes

    rows = list(old)
    for tag, i1, i2, j1, j2 in reversed(_opcodes(old, new)):
        if tag == "equal":
            assert old[i1:i2] == new[j1:j2]
            continue
        rows[i1:i2] = new[j1:j2]
    assert rows == new
