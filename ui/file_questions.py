"""What the app asks or tells before and after it touches a plan file: read-only, changed by
someone else, open elsewhere, a save that failed, a plan that stopped the last start.

Each question is one small function returning a word, so that tests answer it by patching the
function. Plan paths and names are the user's text: every box is built and run by
``ui.widgets.message_boxes``, which shows plain text only.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

_ERRNO_WORDS = {
    getattr(errno, name, None): words
    for name, words in [
        ("ENOSPC", "the disk is full"),
        ("EDQUOT", "your share of the disk is used up (disk quota)"),
        ("EROFS", "the disk is read-only"),
        ("EACCES", "you do not have permission to write there"),
        ("EPERM", "you do not have permission to write there"),
        ("ENOENT", "the folder is no longer there (was a USB stick or network drive removed?)"),
        ("ENAMETOOLONG", "the file name is too long"),
        ("EIO", "the disk reported an error while writing"),
    ]
}


def describe_save_error(exc: BaseException) -> str:
    """What went wrong, in a facilitator's words (any exception, not only OSError)."""
    from omplanner.fileio import ReadOnlyFileError

    if isinstance(exc, ReadOnlyFileError):
        return "the file is marked read-only"
    if isinstance(exc, UnicodeEncodeError):
        character = exc.object[exc.start : exc.end] if isinstance(exc.object, str) else ""
        code = f" (U+{ord(character[0]):04X})" if character else ""
        return f"the plan holds a character that cannot be written to a file{code}; retype the text that holds it"
    if isinstance(exc, OSError):
        return _ERRNO_WORDS.get(exc.errno or 0) or exc.strerror or str(exc) or type(exc).__name__
    said = str(exc)
    said = said if len(said) <= 200 else said[:199] + "…"
    return f"an unexpected problem stopped the save ({type(exc).__name__}: {said})"


def _box(parent: QWidget | None, icon: str, title: str, text: str, details: str = "") -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    from .widgets.message_boxes import Button, message_box

    return message_box(parent, getattr(QMessageBox.Icon, icon), title, text, details, Button.NoButton)


def _ask(box: QMessageBox, buttons: list[tuple[str, str, str]], default: str, escape: str) -> str:
    """Add (answer, label, role) buttons, run the box, return the answer clicked."""
    from PySide6.QtWidgets import QMessageBox

    from .widgets.message_boxes import run_box

    made = {}
    for answer, label, role in buttons:
        made[answer] = box.addButton(label, getattr(QMessageBox.ButtonRole, role))
    box.setDefaultButton(made[default])
    box.setEscapeButton(made[escape])
    run_box(box)
    clicked = box.clickedButton()
    return next((answer for answer, button in made.items() if button is clicked), escape)


def ask_read_only(parent: QWidget, path: Path) -> str:
    """'save_as' or 'cancel': the plan's file is marked read-only."""
    box = _box(
        parent,
        "Warning",
        "The plan file is read-only",
        f"“{path.name}” is marked read-only, so it was not changed.",
        f"{path}\n\nSave your edits under another name with Save as; they stay open here meanwhile.",
    )
    return _ask(box, [("save_as", "Save &as…", "AcceptRole"), ("cancel", "Cancel", "RejectRole")], "save_as", "cancel")


def ask_changed_on_disk(parent: QWidget, path: Path, known: bool = True) -> str:
    """'overwrite', 'copy', 'compare' or 'cancel': the file changed since this app opened or saved it."""
    if known:
        text = f"“{path.name}” was changed by someone or something else since you opened or saved it here."
    else:
        text = f"OM Planner cannot tell whether “{path.name}” was changed since these edits began."
    box = _box(
        parent,
        "Warning",
        "The plan file changed on disk",
        text,
        f"{path}\n\nOverwriting replaces that version with yours. Saving a copy keeps both. "
        "Compare lists what that version holds that yours does not (nothing is saved).",
    )
    return _ask(
        box,
        [
            ("overwrite", "&Overwrite", "DestructiveRole"),
            ("copy", "Save as a &copy…", "AcceptRole"),
            ("compare", "Co&mpare…", "ActionRole"),
            ("cancel", "Cancel", "RejectRole"),
        ],
        "copy",
        "cancel",
    )


def ask_open_locked(parent: QWidget, path: Path, owner: str) -> str:
    """'read_only', 'open' or 'cancel': another app (another person, or another window) has the plan open."""
    box = _box(
        parent,
        "Warning",
        "The plan is open elsewhere",
        f"“{path.name}” is open in OM Planner by {owner}.",
        "If you both save, one of you could replace the other's edits.\n\n"
        "Open read-only to look at it: your edits are then saved under another name. "
        "Open anyway to work on it too: a save then asks first if the file has changed.",
    )
    return _ask(
        box,
        [
            ("read_only", "Open &read-only", "AcceptRole"),
            ("open", "Open &anyway", "DestructiveRole"),
            ("cancel", "Cancel", "RejectRole"),
        ],
        "read_only",
        "cancel",
    )


def show_save_failed(parent: QWidget, path: Path, reason: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from .widgets.message_boxes import run_box

    box = _box(
        parent,
        "Critical",
        "Could not save the plan",
        f"“{path.name}” was not saved: {reason}.",
        f"{path}\n\nThe file on disk is as it was before. Your edits are still open here and kept in "
        "the autosave copy; try again, or save to another folder with Save as.",
    )
    box.addButton(QMessageBox.StandardButton.Ok)
    run_box(box)


def ask_reopen_after_crash(parent: QWidget | None, path: Path) -> bool:
    """True to open the plan that was opening when OM Planner last stopped without closing."""
    box = _box(
        parent,
        "Question",
        "Open the last plan?",
        f"OM Planner stopped while opening “{path.name}” last time.",
        f"{path}\n\nOpen it again, or start with a blank plan (the file is not changed)?",
    )
    answer = _ask(box, [("open", "&Open it", "AcceptRole"), ("blank", "Start &blank", "RejectRole")], "blank", "blank")
    return answer == "open"
