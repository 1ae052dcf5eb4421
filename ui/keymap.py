"""Every key sequence of the app, in one place.

A standard key is used wherever Qt has one, so that each platform gets its own convention
(Cmd on macOS, F1 for help on Windows...). Where the platform has no binding for a standard
key (Quit on Windows, Preferences on Linux and Windows), the fallback written here is used.
Pages add no window-wide shortcuts of their own: a shortcut that is not listed here is not
checked for clashes.
"""

from __future__ import annotations

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

SK = QKeySequence.StandardKey

KEYS: dict[str, tuple[SK | None, str]] = {
    # action id: (standard key or None, fallback written by hand)
    "file.new": (SK.New, "Ctrl+N"),
    "file.open": (SK.Open, "Ctrl+O"),
    "file.save": (SK.Save, "Ctrl+S"),
    "file.save_as": (SK.SaveAs, "Ctrl+Shift+S"),
    "file.export_pdf": (None, "Ctrl+Shift+E"),
    "file.quit": (SK.Quit, "Ctrl+Q"),
    "edit.undo": (SK.Undo, "Ctrl+Z"),
    "edit.redo": (SK.Redo, "Ctrl+Shift+Z"),
    "edit.preferences": (SK.Preferences, "Ctrl+,"),
    "edit.add": (None, "Ins"),
    "view.next_pane": (None, "F6"),
    "view.previous_pane": (None, "Shift+F6"),
    "view.findings": (None, "Ctrl+Shift+F"),
    "view.history": (None, "Ctrl+Shift+H"),
    "view.comments": (None, "Ctrl+Shift+M"),
    "view.presentation": (None, "F5"),
    "view.fullscreen": (SK.FullScreen, "F11"),
    "help.about": (None, ""),
}


def page_key(index: int) -> str:
    """Ctrl+1 ... Ctrl+9, Ctrl+0 for the first ten pages of the sidebar; none after that."""
    if index < 9:
        return f"Ctrl+{index + 1}"
    return "Ctrl+0" if index == 9 else ""


def shortcuts(action_id: str) -> list[QKeySequence]:
    """The platform's bindings for an action (the standard ones first), or the fallback."""
    if action_id.startswith("go.page."):
        from .pages import PAGES

        index = next((i for i, p in enumerate(PAGES) if f"go.page.{p.id}" == action_id), 99)
        key = page_key(index)
        return [QKeySequence(key)] if key else []
    standard, fallback = KEYS.get(action_id, (None, ""))
    if standard is not None:
        bound = [k for k in QKeySequence.keyBindings(standard) if not k.isEmpty()]
        if bound:
            return bound
    return [QKeySequence(fallback)] if fallback else []


SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")
"""Submit a dialog whose main field takes several lines (Enter there starts a new line)."""


CANVAS_KEYS: dict[str, dict[str, str]] = {
    # Keys a canvas reads while it has the focus, by canvas ("canvas" holds those of every
    # canvas). A window shortcut on one of these keys would reach the window first and the
    # canvas would never see it: the duplicate-shortcut test checks both lists together.
    "canvas": {
        "leave.next": "Ctrl+Tab",  # Tab stays on the canvas (next step); Ctrl+Tab goes on to the inspector
        "leave.previous": "Ctrl+Shift+Tab",
    },
    "process": {
        "fit": "F",
        "other_map": "V",  # alone: the other map; in Both: the other pane
        "select.next": "Tab",
        "select.previous": "Shift+Tab",
        "rename": "F2",
        "cancel": "Esc",
        "nudge.left": "Left",
        "nudge.right": "Right",
        "nudge.up": "Up",
        "nudge.down": "Down",
        "nudge.column_left": "Shift+Left",
        "nudge.column_right": "Shift+Right",
    },
    "roadmap": {
        "cancel": "Esc",
        "move.earlier": "Left",
        "move.later": "Right",
        "resize.shorter": "Shift+Left",
        "resize.longer": "Shift+Right",
        "select.previous": "Up",
        "select.next": "Down",
    },
}
"""Delete, Backspace, copy, paste, select all and zoom are the platform's standard keys, read
with ``QKeyEvent.matches``; the window binds none of them."""


def canvas_action(canvas: str, event: QKeyEvent) -> str:
    """The name in ``CANVAS_KEYS`` of the key just pressed on ``canvas`` (or on any canvas), or ''."""
    pressed = pressed_key(event)
    for scope in (canvas, "canvas"):
        for name, key in CANVAS_KEYS[scope].items():
            if QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText) == pressed:
                return name
    return ""


def pressed_key(event: QKeyEvent) -> str:
    """A key press as portable text, as the keymap writes it ("Ctrl+Shift+Tab", "Left").

    Shift+Tab arrives as Backtab, and arrows may carry the keypad flag: both are read as written.
    """
    key, mods = Qt.Key(event.key()), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if key == Qt.Key.Key_Backtab:
        key, mods = Qt.Key.Key_Tab, mods | Qt.KeyboardModifier.ShiftModifier
    return QKeySequence(QKeyCombination(mods, key)).toString(QKeySequence.SequenceFormat.PortableText)
