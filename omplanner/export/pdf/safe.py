"""User text made safe for reportlab's Paragraph, which parses a small XML dialect.

Unescaped, ``R&D <b`` aborts the whole export (unclosed tag), ``&`` can be eaten as an entity,
and ``<img src='...'/>`` embeds a local file in the PDF. Every name, note and label a user typed
goes through ``esc`` before it reaches a Paragraph; our own markup is added around it afterwards.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from .fastdraw import draw_plain

# Control characters other than tab and newline make the XML parser fail. Every way of
# ending a line (a lone CR from old Mac text, Unicode's line and paragraph separators) becomes
# a newline first: deleting a lone CR glued "one\rtwo" into "onetwo".
_CONTROL: dict[int, str | None] = {c: None for c in range(32) if c not in (9, 10)}
_CONTROL.update({13: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n"})


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
    _plain = False
    """Set by ``para`` on one fragment of plain words: such lines break by ``_break_plain``."""
    _parse_key: tuple[str, int] | None = None
    """(markup, style id) when the fragments are those of a parse kept in ``_PARSED``."""

    def __init__(self, text, style=None, bulletText=None, frags=None, **kw):
        # Markup repeats (an autonomy label, a finding's title and code, "Suggested fix:"):
        # parse each text once per style and give every paragraph its own copy of the fragments.
        if frags is not None or bulletText is not None or style is None or kw or not isinstance(text, str):
            super().__init__(text, style, bulletText, frags, **kw)
            return
        key = (text, id(style))
        known = _PARSED.get(key)
        if known is not None and known[0] is style:
            super().__init__(known[1], style, frags=[_clone(f) for f in known[2]])
            self._parse_key = key
            return
        super().__init__(text, style)
        if self.style is style and not getattr(style, "bulletText", None):
            if len(_PARSED) > 20_000:
                _PARSED.clear()
            _PARSED[key] = (style, self.text, [_clone(f) for f in self.frags])
            self._parse_key = key

    def wrap(self, availWidth, availHeight):
        # The height asked for plays no part in where the lines break.
        if availWidth == self._wrapped_at:
            return self._size
        self._wrapped_at = None
        self._size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return self._size

    def breakLines(self, width):
        if self._plain and self.bulletText is None:
            broken = _break_plain(self, width if isinstance(width, (list, tuple)) else [width])
            if broken is not None:
                return broken
        if self._parse_key is None or self.bulletText is not None:
            return super().breakLines(width)
        # The same markup in the same style at the same width breaks the same way: an autonomy
        # label or a finding's title appears hundreds of times. Only one-line results are
        # shared: reportlab's split edits the words of the lines it cuts between.
        key = (*self._parse_key, tuple(width) if isinstance(width, (list, tuple)) else width)
        known = _BROKEN.get(key)
        if known is not None and known[0] is self.style:
            _, broken, self._width_max, self._splitLongWordCount, self._hyphenations = known
            self.height = 0
            return broken
        broken = super().breakLines(width)
        if len(broken.lines) == 1:
            if len(_BROKEN) > 20_000:
                _BROKEN.clear()
            _BROKEN[key] = (self.style, broken, self._width_max, self._splitLongWordCount, self._hyphenations)
        return broken

    def draw(self):
        if not draw_plain(self):
            super().draw()

    def split(self, availWidth, availHeight):
        self._wrapped_at = None  # splitting re-wraps this paragraph's state in reportlab
        return super().split(availWidth, availHeight)


def _clone(frag, **changes):
    """``frag.clone(**changes)`` (reportlab's ABag) without passing every attribute through
    keyword arguments twice; tens of thousands of fragments are copied per export."""
    copy = object.__new__(frag.__class__)
    copy.__dict__.update(frag.__dict__)
    if changes:
        copy.__dict__.update(changes)
    return copy


_PARSED: dict[tuple[str, int], tuple[object, str, list]] = {}
_BROKEN: dict[tuple, tuple] = {}
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
            p = Para(clean, style, frags=[_clone(_plain_frag(style), text=clean)])
            p._plain = "\xad" not in clean and _simple_style(style)
            return p
    return Para(esc(raw), style)


_HOLES = frozenset(chr(0xE000 + k) for k in range(16))
_HOLE_LIST = sorted(_HOLES)
_TEMPLATES: dict[tuple[str, int], tuple[object, list]] = {}


def marked(template: str, values: list[object], style) -> Paragraph:
    """``Para(template.format(*escaped values))``: our markup around user text, shown literally.

    Parsing markup costs more than laying it out. When every value is plain words (no markup
    characters, single spaces), the template is parsed once with placeholders and each
    paragraph gets copies of those fragments with the values put in, which is what parsing the
    whole text gives (tests compare the two). Anything else is parsed as usual."""
    texts = ["" if v is None else str(v) for v in values]
    markup = template.format(*(esc(t) for t in texts))
    if len(texts) > len(_HOLES) or not all(_fits_a_hole(t) for t in texts):
        return Para(markup, style)
    key = (template, id(style))
    known = _TEMPLATES.get(key)
    if known is None or known[0] is not style:
        parsed = Paragraph(template.format(*_HOLE_LIST[: len(texts)]), style)
        if parsed.style is not style:
            return Para(markup, style)
        if len(_TEMPLATES) > 1_000:
            _TEMPLATES.clear()
        known = _TEMPLATES[key] = (style, parsed.frags)
    frags = []
    for frag in known[1]:
        text = getattr(frag, "text", None)
        if text and not _HOLES.isdisjoint(text):
            for k, value in enumerate(texts):
                text = text.replace(_HOLE_LIST[k], value)
            frags.append(_clone(frag, text=text))
        else:
            frags.append(_clone(frag))
    return Para(cleanBlockQuotedText(markup), style, frags=frags)


def _fits_a_hole(text: str) -> bool:
    return (
        bool(text)
        and _MARKUP.isdisjoint(text)
        and text.isprintable()
        and text == " ".join(text.split())
        and _HOLES.isdisjoint(text)
    )


def _simple_style(style) -> bool:
    """Styles whose line breaking is reportlab's plain greedy loop (no hyphenation, shaping,
    bidi, dot leaders or indents), which ``_break_plain`` reproduces."""
    return not (
        style.wordWrap
        or style.endDots
        or getattr(style, "shaping", 0)
        or getattr(style, "hyphenationLang", "")
        or style.uriWasteReduce
        or style.embeddedHyphenation
        or style.firstLineIndent
        or getattr(style, "bulletText", None)
    )


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def _break_plain(p: Para, max_widths: list[float]):
    """The simple case of reportlab's ``breakLines`` (one fragment of plain words), the same lines
    and numbers, with each word measured once per font and size for the whole export.

    Returns None (reportlab then breaks the lines itself) when a word is wider than a line:
    splitting long words is left to reportlab."""
    frag = p.frags[0]
    font, size = frag.fontName, frag.fontSize
    known = _WIDTHS.get((font, size))
    if known is None:
        if len(_WIDTHS) > 64:
            _WIDTHS.clear()
        known = _WIDTHS[(font, size)] = {}
    words = frag.text.split()
    widths = []
    for word in words:
        w = known.get(word)
        if w is None:
            if len(known) > 50_000:
                known.clear()
            w = known[word] = stringWidth(word, font, size, p.encoding)
        widths.append(w)
    if not words or max(widths) > min(max_widths):
        return None
    space = stringWidth(" ", font, size, p.encoding)
    shrink = p.style.spaceShrinkage * space
    last = len(max_widths) - 1
    lines: list = []
    line: list = []
    lineno = 0
    max_width = max_widths[0]
    current = -space
    widest = 0
    for word, w in zip(words, widths):
        new = current + space + w
        if new <= max_width + shrink * len(line) or not line:
            line.append(word)
            current = new
        else:
            widest = max(widest, current)
            lines.append((max_width - current, line))
            line, current = [word], w
            lineno += 1
            max_width = max_widths[min(last, lineno)]
    if line:
        widest = max(widest, current)
        lines.append((max_width - current, line))
    p.height = 0
    p._width_max = widest
    p._splitLongWordCount = p._hyphenations = 0
    ascent, descent = getAscentDescent(font, size)
    return _clone(frag, kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)


def forget_measurements() -> None:
    """Start an export with empty caches (see ``build.export_pdf``)."""
    for cache in (_PARSED, _BROKEN, _FRAGS, _TEMPLATES, _WIDTHS):
        cache.clear()
