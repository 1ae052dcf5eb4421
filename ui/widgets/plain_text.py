"""The plan's words shown as written, never read as markup.

Qt guesses whether a label's, a tooltip's or a message box's text is rich text
(``Qt::mightBeRichText``), and rich text's ``<img src>`` makes Qt read that file: a use case
named ``<img src="/dev/zero">`` took the app down, one naming a FIFO hung it. Labels that show
plan text are plain; rich text composed around plan text escapes it; tooltips, which have no
plain mode, get the escaped text in a paragraph.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows ``text`` character for character."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def literal_html(text: str) -> str:
    """``text`` as rich text that reads as written: for a bold title followed by the user's words."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as written.

    Escaping alone is not enough: a tooltip is rich text only when Qt guesses so, and escaped
    text after a line break is guessed plain and shows its ``&lt;``. A paragraph
    is always rich; white-space keeps the text's own line breaks and spaces."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"
