"""User text made safe for reportlab's Paragraph, which parses a small XML dialect.

Unescaped, ``R&D <b`` aborts the whole export (unclosed tag), ``&`` can be eaten as an entity,
and ``<img src='...'/>`` embeds a local file in the PDF. Every name, note and label a user typed
goes through ``esc`` before it reaches a Paragraph; our own markup is added around it afterwards.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph

# Control characters other than tab and newline make the XML parser fail.
_CONTROL = {c: None for c in range(32) if c not in (9, 10)}
_CONTROL[13] = None


def esc(text: object) -> str:
    """Escape text for Paragraph markup, keeping the user's line breaks."""
    if text is None:
        return ""
    clean = str(text).replace("\r\n", "\n").translate(_CONTROL)
    return escape(clean, {'"': "&quot;"}).replace("\n", "<br/>")


def para(text: object, style) -> Paragraph:
    """A Paragraph holding user text shown literally."""
    return Paragraph(esc(text), style)
