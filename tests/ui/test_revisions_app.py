"""Revisions in the app: Save mints one by the facilitator's name and keeps it, opening keeps the
file's, autosave mints none, and Merge a colleague's copy starts from the kept save both copies
name without asking (issue 18, part 1)."""

from __future__ import annotations

import ui.sharing_actions as sharing_actions
from omplanner import APP_NAME, ORG_NAME
from omplanner.commands import SetFields
from omplanner.fileio import load_plan, save_plan, save_revision
from omplanner.fileio.revision_store import default_store
from omplanner.paths import app_data_dir, example_path
from tests.core.test_compare_merge import copies
from ui.autosave import Autosaver
from ui.document import Document
from ui.main_window import MainWindow
from ui.settings import NAME_KEY, data_dir, settings


def window_on_file(qtbot, path) -> MainWindow:
    window = MainWindow(Document())
    qtbot.addWidget(window)
    assert window.files.open_path(path)
    return window


def test_save_in_the_app_is_a_revision_by_the_name_in_the_preferences_kept_in_the_data_folder(qtbot, example_file):
    settings().setValue(NAME_KEY, "Ana Ruiz")
    window = window_on_file(qtbot, example_file)
    document = window.document
    document.execute(SetFields("details", {"title": "After workshop 2"}))
    depth, undo_text = document.undo_stack.count(), document.undo_stack.undoText()
    assert window.files.save()
    revision = document.plan.history.revision
    assert revision is not None and revision.saved_by == "Ana Ruiz"
    assert load_plan(example_file).history == document.plan.history  # the file says the same
    kept = default_store().get(revision.id)
    assert kept is not None and kept.details.title == "After workshop 2"
    assert default_store().folder == data_dir() / "revisions"  # the app's own folder
    # not an edit: nothing to undo, nothing unsaved
    assert not document.dirty
    assert (document.undo_stack.count(), document.undo_stack.undoText()) == (depth, undo_text)
    assert window.files.save()
    assert document.plan.history.ancestors == [revision.id]


def test_opening_a_plan_keeps_its_revision_and_autosave_mints_none(qtbot, tmp_path, example_plan):
    path = tmp_path / "from a colleague.omplan"
    save_plan(example_plan, path, saved_by="Ben Osei")  # saved on their computer: not kept here
    revision = example_plan.history.revision
    assert default_store().get(revision.id) is None
    window = window_on_file(qtbot, path)
    assert default_store().get(revision.id).history.revision == revision
    autosaver = Autosaver(window.document, parent=window)
    window.document.execute(SetFields("details", {"title": "Unsaved edits"}))
    assert autosaver.save_now()
    assert window.document.plan.history.revision == revision
    assert load_plan(autosaver.file).history.revision == revision  # the crash copy is no new save
    autosaver.close()


def test_merge_starts_from_the_kept_common_save_without_asking_and_records_both_parents(qtbot, tmp_path, monkeypatch):
    settings().setValue(NAME_KEY, "Ana Ruiz")
    start = tmp_path / "sent to Ben.omplan"
    save_revision(load_plan(example_path("distributor")), start, "Ana Ruiz")  # kept here
    base = load_plan(start)
    _, mine, theirs = copies(base)
    paths = {"mine": tmp_path / "mine.omplan", "theirs": tmp_path / "theirs.omplan"}
    save_revision(mine, paths["mine"], "Ana Ruiz")
    save_plan(theirs, paths["theirs"], saved_by="Ben Osei")  # on Ben's computer
    window = window_on_file(qtbot, paths["mine"])
    asked, summaries = [], []

    def pick(_parent, caption, _start):
        asked.append(caption)
        return paths["theirs"]

    def run(dialog):
        summaries.append(dialog.summary.text())
        dialog.take_all("mine")
        dialog.merge_button.click()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(sharing_actions, "pick_plan_file", pick)
    monkeypatch.setattr(sharing_actions, "run_preview", run)
    window.action_map["file.merge"].trigger()
    assert asked == [sharing_actions.THEIRS_CAPTION]  # the base was found: not asked for
    when = base.history.revision.saved_at
    assert f"Both copies started from the save of {when.day} {when:%b %Y, %H:%M} UTC by Ana Ruiz." in summaries[0]
    plan = window.document.plan
    assert plan.item("item-new") is not None and plan.find_step("step-new") is not None
    parents = [mine.history.revision.id, theirs.history.revision.id]
    assert plan.history.revision is None and plan.history.ancestors[:3] == [*parents, base.history.revision.id]
    window.document.undo_stack.undo()
    assert plan.history == mine.history  # undoing the merge forgets their copy again
    window.document.undo_stack.redo()
    assert window.files.save()
    saved = load_plan(paths["mine"]).history
    assert saved.revision is not None and saved.revision.saved_by == "Ana Ruiz"
    assert saved.ancestors[:2] == parents


def test_the_core_finds_the_data_folder_qt_gives_the_app_on_linux(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    app = QCoreApplication.instance()
    names = app.organizationName(), app.applicationName()
    monkeypatch.delenv("OMPLANNER_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    QStandardPaths.setTestModeEnabled(False)
    app.setOrganizationName(ORG_NAME)  # as ui.app names the application
    app.setApplicationName(APP_NAME)
    try:
        qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        core = app_data_dir()
    finally:
        QStandardPaths.setTestModeEnabled(True)
        app.setOrganizationName(names[0])
        app.setApplicationName(names[1])
    assert str(core) == qt == str(tmp_path / "share" / "OM Planner" / "OM Planner")


def test_compare_with_keeps_the_other_copy_so_a_later_merge_finds_its_saves(qtbot, tmp_path, example_plan):
    path = tmp_path / "their copy.omplan"
    save_plan(example_plan, path, saved_by="Ben Osei")
    revision = example_plan.history.revision
    window = MainWindow(Document())
    qtbot.addWidget(window)
    assert window.sharing.compare(path) is not None
    assert default_store().get(revision.id) is not None
