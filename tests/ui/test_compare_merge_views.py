"""File › Compare with… and File › Merge a colleague's copy…, as a facilitator uses them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItemIterator

import ui.sharing_actions as sharing_actions
from omplanner.fileio import plan_to_json, save_plan
from tests.core.test_compare_merge import LANE, NAME, copies
from ui.document import Document
from ui.main_window import MainWindow
from ui.merge_preview import MergePreview


def window_on(qtbot, plan) -> MainWindow:
    window = MainWindow(Document(plan))
    qtbot.addWidget(window)
    return window


def test_the_file_menu_offers_compare_and_merge(qtbot):
    _base, mine, _theirs = copies()
    window = window_on(qtbot, mine)
    texts = [a.text() for a in window.menus["File"].actions()]
    assert "Co&mpare with…" in texts and "Mer&ge a colleague's copy…" in texts


def test_compare_lists_their_differences_grouped_with_the_removed_role_as_one_folded_row(qtbot, tmp_path):
    _base, mine, theirs = copies()
    path = tmp_path / "theirs.omplan"
    save_plan(theirs, path)
    window = window_on(qtbot, mine)
    view = window.sharing.compare(path)
    qtbot.addWidget(view)
    rows = view.tree.row_texts()
    assert "Whole plan · Capability & roles" in rows
    clerk = next(r for r in rows if r.startswith('  Removed: role 1 "AP clerk"'))
    assert "more with it)" in clerk
    assert any(r.startswith('    Removed: use case "AP invoice matching" → current process → step 1') for r in rows)
    item = view.tree.findItems(
        'Removed: role 1 "AP clerk"', Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive
    )[0]
    assert not item.isExpanded()  # the cascade is folded until opened
    assert "differs from the plan open here" in view.summary.text()
    assert view.summary.textFormat() == Qt.TextFormat.PlainText


def preview_of(qtbot, name="theirs.omplan"):
    base, mine, theirs = copies()
    document = Document(mine)
    dialog = MergePreview(document, base, theirs, name)
    qtbot.addWidget(dialog)
    return document, dialog


def conflict_rows(dialog) -> list[tuple[str, str, str, str]]:
    rows = []
    iterator = QTreeWidgetItemIterator(dialog.conflicts)
    while iterator.value():
        item = iterator.value()
        combo = dialog.conflicts.itemWidget(item, 3)
        rows.append((item.text(0), item.text(1), item.text(2), combo.currentText()))
        iterator += 1
    return rows


def test_the_preview_lists_the_conflicts_first_with_both_values_then_the_changes_taken(qtbot):
    _document, dialog = preview_of(qtbot)
    rows = conflict_rows(dialog)
    assert len(rows) == 2
    name, lane = rows
    assert name[0].startswith('Name was changed in both copies, differently.\nuse case "AP invoice matching"')
    assert (name[1], name[2], name[3]) == ('"Approve invoice"', '"Approve for payment run"', 'Yours: "Approve invoice"')
    assert "AP clerk" in lane[0] and lane[3] == 'Keep role 1 "AP clerk"'
    assert dialog.conflicts_heading.text() == "Conflicts (2): choose for each"
    taken = dialog.taken.row_texts()
    assert any('Added: roadmap item 17 "Train the AP team lead"' in r for r in taken)
    assert dialog.findings_heading.text()  # the rules ran on the merged plan


def test_choices_all_theirs_and_merge_is_one_undoable_edit(qtbot):
    document, dialog = preview_of(qtbot)
    before = plan_to_json(document.plan)
    dialog.take_all("theirs")
    assert [r[3] for r in conflict_rows(dialog)] == [
        'Theirs: "Approve for payment run"',
        'Remove step 10 "Check supplier bank details"',
    ]
    dialog.combos[LANE].setCurrentIndex(dialog.combos[LANE].findData("move"))
    assert dialog.choices[LANE] == "move"
    depth = document.undo_stack.count()
    dialog.merge_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    plan = document.plan
    assert plan.find_step("ap-c8")[2].name == "Approve for payment run"
    assert plan.find_step("step-new")[2].lane == "role-match-agent"
    assert plan.item("item-new") is not None and plan.role("role-ap-clerk") is None
    assert document.undo_stack.count() == depth + 1
    assert document.undo_stack.undoText() == "Merge theirs.omplan"
    merged = plan_to_json(plan)
    document.undo_stack.undo()
    assert plan_to_json(document.plan) == before
    document.undo_stack.redo()
    assert plan_to_json(document.plan) == merged


def test_choosing_for_one_conflict_merges_again_with_that_choice(qtbot):
    document, dialog = preview_of(qtbot)
    dialog.combos[NAME].setCurrentIndex(dialog.combos[NAME].findData("theirs"))
    assert dialog.merged.plan.find_step("ap-c8")[2].name == "Approve for payment run"
    assert document.plan.find_step("ap-c8")[2].name == "Approve invoice"  # nothing applied before Merge


def test_file_names_and_plan_text_are_shown_as_plain_text(qtbot):
    _document, dialog = preview_of(qtbot, name="<b>bold</b>.omplan")
    assert "“<b>bold</b>.omplan”" in dialog.summary.text()
    assert dialog.summary.textFormat() == Qt.TextFormat.PlainText
    assert dialog.windowTitle() == "Merge <b>bold</b>.omplan"


def test_merge_from_the_menu_asks_for_their_copy_then_the_base_and_applies_the_preview(qtbot, tmp_path, monkeypatch):
    base, mine, theirs = copies()
    paths = {"theirs": tmp_path / "theirs.omplan", "base": tmp_path / "base.omplan"}
    save_plan(theirs, paths["theirs"])
    save_plan(base, paths["base"])
    window = window_on(qtbot, mine)
    asked = []

    def pick(_parent, caption, _start):
        asked.append(caption)
        return paths["theirs"] if len(asked) == 1 else paths["base"]

    def run(dialog):
        dialog.take_all("mine")
        dialog.merge_button.click()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(sharing_actions, "pick_plan_file", pick)
    monkeypatch.setattr(sharing_actions, "run_preview", run)
    window.action_map["file.merge"].trigger()
    assert asked == [sharing_actions.THEIRS_CAPTION, sharing_actions.BASE_CAPTION]
    assert window.document.plan.item("item-new") is not None
    assert window.document.plan.find_step("step-new") is not None
    assert window.document.dirty


def test_a_file_changed_on_disk_can_be_compared_before_deciding(qtbot, example_file, monkeypatch):
    from omplanner.commands import SetFields
    from omplanner.fileio import load_plan
    from tests.ui.test_saving_respects_files import click_in_boxes

    window = window_on(qtbot, None)
    assert window.files.open_path(example_file)
    window.document.execute(SetFields("details", {"title": "Our edits"}))
    theirs = load_plan(example_file)
    theirs.details.title = "Their edits"
    save_plan(theirs, example_file)
    asked = click_in_boxes(monkeypatch, "Compare…")
    assert window.files.save() is False  # nothing saved: the comparison is shown instead
    assert "Compare lists what that version holds" in asked[0].informative
    [view] = window.sharing.views
    qtbot.addWidget(view)
    assert view.tree.row_texts()[1].startswith("  Changed: plan details")
    assert load_plan(example_file).details.title == "Their edits"
    assert window.document.dirty
