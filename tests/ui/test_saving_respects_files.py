"""Saving from the window respects the user's files: a file someone else changed, a plan open in
another window, a read-only file, a save or an autosave that fails. Each question is answered by
clicking one of its buttons, as the user would, and the file on disk is read back."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

import ui.app as app_module
from omplanner.commands import SetFields
from omplanner.fileio import load_plan
from ui.autosave import Autosaver
from ui.document import Document
from ui.main_window import MainWindow
from ui.widgets import message_boxes

COLLEAGUES_TITLE = "Changed by a colleague"
OUR_TITLE = "Our edits in the workshop"


@dataclass
class Asked:
    title: str
    text: str
    informative: str
    buttons: list[str]
    plain: bool


def click_in_boxes(monkeypatch, *labels: str) -> list[Asked]:
    """Every message box shown clicks the button labelled with the next of ``labels`` (the
    '&' of a shortcut left out); a box beyond them fails the test. Returns the boxes shown."""
    shown: list[Asked] = []
    left = list(labels)

    def run(box: QMessageBox) -> QMessageBox.StandardButton:
        box.grab()  # painted as it would be on screen
        names = {button.text().replace("&", ""): button for button in box.buttons()}
        shown.append(
            Asked(
                box.windowTitle(),
                box.text(),
                box.informativeText(),
                list(names),
                box.textFormat() == Qt.TextFormat.PlainText,
            )
        )
        if not left:
            pytest.fail(f"an unexpected message box: {box.windowTitle()}: {box.text()}")
        label = left.pop(0)
        assert label in names, f"no button {label!r} in {box.windowTitle()!r}: {list(names)}"
        names[label].click()
        return box.standardButton(box.clickedButton())

    monkeypatch.setattr(message_boxes, "run_box", run)
    return shown


def save_dialog_answers(monkeypatch, *names: str) -> list[str]:
    """The Save as dialog returns the next of ``names`` ('' for Cancel); returns its captions."""
    captions: list[str] = []
    left = list(names)

    def dialog(parent, caption, *args, **kwargs):
        captions.append(caption)
        return (left.pop(0) if left else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return captions


@pytest.fixture
def window(qtbot):
    win = MainWindow(Document())
    qtbot.addWidget(win)
    return win


def second_window(qtbot) -> MainWindow:
    win = MainWindow(Document())
    qtbot.addWidget(win)
    return win


def colleague_saves(path: Path, title: str = COLLEAGUES_TITLE) -> None:
    """Another app (a colleague, a sync client) rewrites the plan file."""
    from omplanner.fileio import save_plan

    plan = load_plan(path)
    plan.details.title = title
    save_plan(plan, path)


def edit_title(window: MainWindow, title: str = OUR_TITLE) -> None:
    window.document.execute(SetFields("details", {"title": title}))


# -- (a) the file changed on disk since it was opened or saved here ------------------------------


def test_a_file_changed_by_someone_else_is_not_overwritten_without_asking(window, example_file, monkeypatch):
    assert window.files.open_path(example_file)
    edit_title(window)
    colleague_saves(example_file)

    asked = click_in_boxes(monkeypatch, "Cancel")
    assert window.files.save() is False
    assert [box.title for box in asked] == ["The plan file changed on disk"]
    assert sorted(asked[0].buttons) == ["Cancel", "Compare…", "Overwrite", "Save as a copy…"]
    assert "was changed by someone or something else" in asked[0].text
    assert load_plan(example_file).details.title == COLLEAGUES_TITLE  # their work is still there
    assert window.document.dirty and window.isWindowModified()  # and ours is still open

    click_in_boxes(monkeypatch, "Overwrite")
    assert window.files.save() is True
    assert load_plan(example_file).details.title == OUR_TITLE
    assert not window.document.dirty

    edit_title(window, "Edited again")
    click_in_boxes(monkeypatch)  # our own last save is not someone else's change: no question
    assert window.files.save() is True
    assert load_plan(example_file).details.title == "Edited again"


def test_saving_a_copy_keeps_both_versions(window, example_file, tmp_path, monkeypatch):
    assert window.files.open_path(example_file)
    edit_title(window)
    colleague_saves(example_file)
    copy = tmp_path / "our copy.omplan"
    click_in_boxes(monkeypatch, "Save as a copy…")
    save_dialog_answers(monkeypatch, str(copy))

    assert window.files.save() is True
    assert load_plan(example_file).details.title == COLLEAGUES_TITLE
    assert load_plan(copy).details.title == OUR_TITLE
    assert window.document.path == copy


def test_a_file_only_touched_or_rewritten_with_the_same_bytes_is_saved_without_asking(
    window, example_file, monkeypatch
):
    assert window.files.open_path(example_file)
    edit_title(window)
    example_file.write_bytes(example_file.read_bytes())  # a sync client rewrites the same content
    later = example_file.stat().st_mtime + 60
    os.utime(example_file, (later, later))
    click_in_boxes(monkeypatch)  # no box may be shown
    assert window.files.save() is True
    assert load_plan(example_file).details.title == OUR_TITLE


def _crash_with_autosave(qtbot, example_file: Path) -> None:
    """An app opens the plan, edits it, autosaves, and dies: its copy is left for recovery."""
    first = second_window(qtbot)
    first.autosaver = Autosaver(first.document, parent=first)
    assert first.files.open_path(example_file)
    edit_title(first)
    assert first.autosaver.save_now()
    first.autosaver.timer.stop()
    first.autosaver.lock.unlock()  # as if its process were gone
    first.files.release_lock()
    first.autosaver = None  # the dead app's window is closed with a Discard when the test ends


@pytest.mark.parametrize("changed_meanwhile", [False, True])
def test_after_crash_recovery_a_save_asks_only_if_the_file_changed_meanwhile(
    qtbot, example_file, monkeypatch, changed_meanwhile
):
    _crash_with_autosave(qtbot, example_file)
    if changed_meanwhile:
        colleague_saves(example_file)  # the sync client brought a colleague's version during the crash
    monkeypatch.setattr(app_module, "ask_recovery", lambda parent, recovery: "restore")
    window = app_module.open_main_window([])
    qtbot.addWidget(window)
    assert window.document.path == example_file
    assert window.document.plan.details.title == OUR_TITLE

    asked = click_in_boxes(monkeypatch, *(["Cancel"] if changed_meanwhile else []))
    saved = window.files.save()
    if changed_meanwhile:
        assert saved is False
        assert [box.title for box in asked] == ["The plan file changed on disk"]
        assert load_plan(example_file).details.title == COLLEAGUES_TITLE
        assert window.autosaver.file.exists()  # the recovered edits are still kept
    else:
        assert saved is True
        assert load_plan(example_file).details.title == OUR_TITLE
    window.autosaver.close()


# -- (b) a plan open in another window or app ----------------------------------------------------


def test_a_plan_open_elsewhere_is_said_before_it_opens(qtbot, window, example_file, monkeypatch):
    assert window.files.open_path(example_file)
    other = second_window(qtbot)

    asked = click_in_boxes(monkeypatch, "Cancel")
    assert other.files.open_path(example_file) is False
    assert [box.title for box in asked] == ["The plan is open elsewhere"]
    assert sorted(asked[0].buttons) == ["Cancel", "Open anyway", "Open read-only"]
    assert "is open in OM Planner by" in asked[0].text
    assert other.document.path is None

    click_in_boxes(monkeypatch, "Open anyway")
    assert other.files.open_path(example_file) is True
    assert other.document.path == example_file
    assert other.warning_label.text().startswith("Also open by")
    assert not other.warning_label.isHidden()

    # both save: the second save is asked about instead of replacing the first one's work
    edit_title(other, "Saved in the other window")
    assert other.files.save() is True
    edit_title(window)
    asked = click_in_boxes(monkeypatch, "Cancel")
    assert window.files.save() is False
    assert [box.title for box in asked] == ["The plan file changed on disk"]
    assert load_plan(example_file).details.title == "Saved in the other window"

    window.document.undo_stack.setClean()
    window.show()
    window.close()  # the first window closes: the next save in the other one takes the plan over
    edit_title(other, "Saved once the first had closed")
    assert other.files.save() is True
    assert other.warning_label.isHidden()
    third = second_window(qtbot)
    asked = click_in_boxes(monkeypatch, "Cancel")
    assert third.files.open_path(example_file) is False
    assert "The plan is open elsewhere" in [box.title for box in asked]


def test_a_plan_opened_read_only_is_saved_under_another_name(qtbot, window, example_file, tmp_path, monkeypatch):
    assert window.files.open_path(example_file)
    other = second_window(qtbot)
    click_in_boxes(monkeypatch, "Open read-only")
    assert other.files.open_path(example_file) is True
    assert other.warning_label.text().startswith("Opened read-only")
    edit_title(other)

    captions = save_dialog_answers(monkeypatch, "")  # Ctrl+S asks for a name; the user cancels
    other.action_map["file.save"].trigger()
    assert captions == ["Save your edits under another name (opened read-only)"]
    assert load_plan(example_file).details.title != OUR_TITLE

    copy = tmp_path / "mine.omplan"
    save_dialog_answers(monkeypatch, str(copy))
    assert other.files.save() is True
    assert load_plan(copy).details.title == OUR_TITLE
    assert load_plan(example_file).details.title != OUR_TITLE
    assert other.warning_label.isHidden()  # the copy is ours alone

    other.show()
    other.close()  # the read-only window never claimed the plan: the first still holds it
    third = second_window(qtbot)
    asked = click_in_boxes(monkeypatch, "Cancel")
    assert third.files.open_path(example_file) is False
    assert [box.title for box in asked] == ["The plan is open elsewhere"]


# -- (c) a read-only file ----------------------------------------------------------------------


def test_a_read_only_file_is_not_replaced_and_save_as_is_offered(window, example_file, tmp_path, monkeypatch):
    assert window.files.open_path(example_file)
    before = example_file.read_bytes()
    example_file.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    edit_title(window)

    asked = click_in_boxes(monkeypatch, "Cancel")
    window.action_map["file.save"].trigger()
    assert [box.title for box in asked] == ["The plan file is read-only"]
    assert "is marked read-only, so it was not changed" in asked[0].text
    assert sorted(asked[0].buttons) == ["Cancel", "Save as…"]
    assert example_file.read_bytes() == before
    assert not os.access(example_file, os.W_OK) or os.geteuid() == 0
    assert stat.S_IMODE(example_file.stat().st_mode) & stat.S_IWUSR == 0  # still read-only
    assert window.document.dirty

    copy = tmp_path / "writable.omplan"
    click_in_boxes(monkeypatch, "Save as…")
    save_dialog_answers(monkeypatch, str(copy))
    assert window.files.save() is True
    assert load_plan(copy).details.title == OUR_TITLE
    assert example_file.read_bytes() == before


# -- (d) any error while saving --------------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        UnicodeEncodeError("utf-8", "a\udcff", 1, 2, "surrogates not allowed"),
        RuntimeError("something nobody foresaw"),
        KeyError("lane"),
    ],
    ids=["disk-full", "surrogate", "runtime", "key"],
)
def test_any_error_while_saving_keeps_the_window_the_edits_and_the_autosave(
    qtbot, window, example_file, monkeypatch, error
):
    import omplanner.fileio

    window.autosaver = Autosaver(window.document, parent=window)
    assert window.files.open_path(example_file)
    before = example_file.read_bytes()
    edit_title(window)

    def fail(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(omplanner.fileio, "save_revision", fail)  # what Save writes with (autosave keeps its own)
    asked = click_in_boxes(monkeypatch, "OK", "OK", "Cancel")
    window.show()
    window.action_map["file.save"].trigger()
    assert [box.title for box in asked] == ["Could not save the plan"]
    assert asked[0].text.startswith("“plan.omplan” was not saved: ")
    assert "Your edits are still open here and kept in the autosave copy" in asked[0].informative
    assert example_file.read_bytes() == before
    assert window.isVisible() and window.document.dirty
    assert load_plan(window.autosaver.file).details.title == OUR_TITLE

    # closing with the unsaved edits: the save fails again, and the window stays open
    monkeypatch.setattr("ui.files.ask_save_changes", lambda *args: "save")
    window.close()
    assert window.isVisible()
    assert [box.title for box in asked] == ["Could not save the plan"] * 2
    assert window.autosaver.file.exists()
    monkeypatch.setattr("ui.files.ask_save_changes", lambda *args: "discard")
    window.autosaver.close()


def test_the_reason_is_said_in_plain_words():
    from ui.file_questions import describe_save_error

    assert describe_save_error(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"
    assert describe_save_error(OSError(errno.EROFS, "Read-only file system")) == "the disk is read-only"
    surrogate = describe_save_error(UnicodeEncodeError("utf-8", "a\udcff", 1, 2, "surrogates not allowed"))
    assert "character that cannot be written" in surrogate and "U+DCFF" in surrogate
    assert describe_save_error(RuntimeError("x" * 5000)).endswith("…)")  # never a wall of text


# -- (e) an autosave that cannot be written ----------------------------------------------------------


def test_an_autosave_that_cannot_be_written_shows_in_the_status_bar_until_it_works(
    qtbot, window, example_file, monkeypatch
):
    import omplanner.fileio

    window.autosaver = Autosaver(window.document, parent=window)
    assert window.files.open_path(example_file)
    edit_title(window)
    real_save = omplanner.fileio.save_plan  # the autosave asks the package for it at each save

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(omplanner.fileio, "save_plan", disk_full)
    assert window.autosaver.save_now() is False
    assert window.warning_label.text() == "Autosave failed: the disk is full. Save your work to keep it."
    assert not window.warning_label.isHidden()

    monkeypatch.setattr(omplanner.fileio, "save_plan", real_save)  # space was freed
    edit_title(window, "Edited again")
    assert window.autosaver.save_now() is True
    assert window.warning_label.text() == ""
    assert window.warning_label.isHidden()
    assert load_plan(window.autosaver.file).details.title == "Edited again"
    window.autosaver.close()


def test_an_autosave_folder_that_became_read_only_is_shown(qtbot, window, example_file, tmp_path, monkeypatch):
    folder = tmp_path / "autosave"
    folder.mkdir()
    window.autosaver = Autosaver(window.document, folder=folder, parent=window)
    assert window.files.open_path(example_file)
    edit_title(window)
    import omplanner.fileio

    real_save = omplanner.fileio.save_plan
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.access(folder, os.W_OK):  # root writes anywhere: make the disk refuse like a read-only one

        def read_only(*_args, **_kwargs):
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(omplanner.fileio, "save_plan", read_only)
    try:
        assert window.autosaver.save_now() is False
        assert "Autosave failed: " in window.warning_label.text()
    finally:
        folder.chmod(stat.S_IRWXU)
    monkeypatch.setattr(omplanner.fileio, "save_plan", real_save)
    window.autosaver.discard()  # nothing left to keep (e.g. the plan was saved): the warning goes
    assert window.warning_label.isHidden()
