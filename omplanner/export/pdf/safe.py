"""User text made safe for reportlab's Paragraph, which parses a small XML dialect.

Unescaped, ``R&D <b`` aborts the whole export (unclosed tag), ``&`` can be eaten as an entity,
and ``<img src='...'/>`` embeds a local file in the PDF. Every name, note and label a user typed
goes through ``esc`` before it reaches a Paragraph; our own markup is added around it afterwards.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

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


_MARKUP = frozenset('&<>"\n\r')
_FRAGS: dict[int, tuple[object, object]] = {}


def _plain_frag(style):
    """The one fragment reportlab's parser makes of plain text in ``style``, kept per style."""
    known = _FRAGS.get(id(style))
    if known is None or known[0] is not style:
        known = (style, Paragraph("x", style).frags[0])
        _FRAGS[id(style)] = known
    return known[1]


def para(text: object, style) -> Paragraph:
    """A Paragraph holding user text shown literally.

    Most cells hold plain words: for those the fragment the markup parser would produce is
    made directly (the same fragment, from a parse of this style done once), which skips the
    parse that cost more than the layout of the cell."""
    raw = "" if text is None else str(text)
    if raw and not style.textTransform and _MARKUP.isdisjoint(raw) and raw.isprintable():
        clean = cleanBlockQuotedText(raw)
        if clean:
            return Para(clean, style, frags=[_plain_frag(style).clone(text=clean)])
    return Para(esc(raw), style)
