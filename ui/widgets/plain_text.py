"""The plan's words shown as written, never read as markup.

Qt guesses whether a label's, a tooltip's or a message box's text is rich text
(``Qt::mightBeRichText``), and rich text's ``<img src>`` makes Qt read that file: a use case
named ``<img src="/dev/zero">`` took the app down, one naming a FIFO hung it. Labels that show
plan text are plain; rich text composed around plan text escapes it; tooltips, which have no
plain mode, get the escaped text in a paragraph.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def _escaped(text: str) -> str:
    """``html.escape`` without quotes, as plain replacements: the ``html`` module (and its table
    of entities) is not imported before the window's first paint for three characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows ``text`` character for character."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def literal_html(text: str) -> str:
    """``text`` as rich text that reads as written: for a bold title followed by the user's words."""
    return _escaped(text).replace("\n", "<br>")


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as written.

    Escaping alone is not enough: a tooltip is rich text only when Qt guesses so, and escaped
    text after a line break is guessed plain and shows its ``&lt;``. A paragraph
    is always rich; white-space keeps the text's own line breaks and spaces."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{_escaped(text)}</p>"


_LONG_RUN = re.compile(r"\S{40,}")
BREAK = "\u200b"
"""A zero-width space: where Qt may break a line, drawn as nothing."""


def breakable(text: str, every: int = 20) -> str:
    """``text`` with a line-break opportunity every ``every`` characters inside any run of 40 or
    more without a space: a word-wrapped label holds an unbroken 9,000-character name at its
    full length on one line, wider than the window, and cuts it at the edge."""
    if len(text) < 40 or not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(lambda m: BREAK.join(m[0][i : i + every] for i in range(0, len(m[0]), every)), text)
