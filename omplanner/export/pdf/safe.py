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


class Para(Paragraph):
    """A Paragraph that answers a repeated wrap at the same width from its last answer.

    Tables ask every cell again when they measure rows, split across pages and draw, and the
    layout runs more than once: breaking the same lines again was most of the export time."""

    _wrapped_at: float | None = None
    _size: tuple[float, float] = (0, 0)

    def wrap(self, availWidth, availHeight):
        # The height asked for plays no part in where the lines break.
        if availWidth == self._wrapped_at:
            return self._size
        self._wrapped_at = None
        self._size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return self._size

    def split(self, availWidth, availHeight):
        self._wrapped_at = None  # splitting re-wraps this paragraph's state in reportlab
        return super().split(availWidth, availHeight)


def para(text: object, style) -> Paragraph:
    """A Paragraph holding user text shown literally."""
    return Para(esc(text), style)
