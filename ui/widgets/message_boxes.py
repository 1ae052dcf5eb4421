"""Message boxes and the one-question dialog, showing the plan's words as plain text.

A QMessageBox guesses whether its text is rich text, and a use case named
``<img src="/dev/zero">`` quoted in a question made Qt read that file. Every box here shows its
text and informative text as plain text. Each is run by ``run_box``: the one place tests
replace to answer boxes (``tests/ui/page_tools.answer_message_boxes``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> QMessageBox:
    """A box whose texts are plain (the informative text follows the text's format)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def run_box(box: QMessageBox) -> Button:
    """Show the box until the user answers; the standard button clicked (NoButton for a custom one)."""
    box.exec()
    return box.standardButton(box.clickedButton())


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.No,
    default: Button = Button.NoButton,
    informative: str = "",
) -> Button:
    return run_box(message_box(parent, QMessageBox.Icon.Question, title, text, informative, buttons, default))


def inform(parent: QWidget | None, title: str, text: str, informative: str = "") -> Button:
    return run_box(message_box(parent, QMessageBox.Icon.Information, title, text, informative))


def warn(parent: QWidget | None, title: str, text: str, informative: str = "") -> Button:
    return run_box(message_box(parent, QMessageBox.Icon.Warning, title, text, informative))


def alert(parent: QWidget | None, title: str, text: str, informative: str = "") -> Button:
    """Something failed and the user must know (a plan that could not be saved)."""
    return run_box(message_box(parent, QMessageBox.Icon.Critical, title, text, informative))


def choose_item(
    parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0, editable: bool = False
) -> tuple[str, bool]:
    """QInputDialog.getItem with a plain label: (the item chosen or typed, True), or ("", False)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    for child in dialog.findChildren(QLabel):
        child.setTextFormat(Qt.TextFormat.PlainText)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(editable)
    if 0 <= current < len(items):
        dialog.setTextValue(items[current])
    if not dialog.exec():
        return "", False
    return dialog.textValue(), True


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """QInputDialog.getText with a plain label: the text typed, or None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    for child in dialog.findChildren(QLabel):
        child.setTextFormat(Qt.TextFormat.PlainText)
    dialog.setTextValue(text)
    if not dialog.exec():
        return None
    return dialog.textValue()
