"""Page numbers known only when the last page is laid out, drawn in one layout pass.

The contents page (page 2) lists the pages of headings that come later, and every footer says
"page x of y". Laying the whole document out twice to learn those numbers cost a fifth of the
export. Instead, each such number is drawn as a reference to a PDF form XObject (a named,
reusable piece of page content) that is defined only after the last page, when the numbers are
known. PDF allows a page to use a form defined anywhere in the file, and the text reads and
extracts exactly as if it had been drawn in place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.tableofcontents import TableOfContents

BIG = 100_000
"""Forms clip to their bounding box; these hold text drawn anywhere on a page."""


@dataclass
class Deferred:
    """The forms a layout pass referred to, and how to draw each once the numbers are known."""

    pending: dict[str, Callable[[Canvas], None]] = field(default_factory=dict)

    def use(self, canvas: Canvas, name: str, draw: Callable[[Canvas], None]) -> None:
        canvas.doForm(name)
        self.pending[name] = draw

    def define_all(self, canvas: Canvas) -> None:
        """Define every referenced form; call after the last page, before saving."""
        for name, draw in self.pending.items():
            canvas.beginForm(name, lowerx=-BIG, lowery=-BIG, upperx=BIG, uppery=BIG)
            draw(canvas)
            canvas.endForm()
        self.pending.clear()


def entries_match(seeded: list, laid_out: list) -> bool:
    """True when a pass found the headings the contents was laid out with (pages aside)."""
    strip = lambda entries: [(e[0], e[1], e[3]) for e in entries]  # noqa: E731
    return strip(seeded) == strip(laid_out)


class ContentsTable(TableOfContents):
    """reportlab's contents, with the dots and page number of each line drawn as a deferred form.

    ``deferred`` and ``pages`` (heading key -> final page) are set by the document template."""

    deferred: Deferred | None = None
    pages: Callable[[str], int] = staticmethod(lambda key: 0)

    def wrap(self, availWidth, availHeight):
        size = super().wrap(availWidth, availHeight)
        self.canv.setNamedCB("drawTOCEntryEnd", lambda canvas, kind, label: self._entry_end(canvas, label, availWidth))
        return size

    def _entry_end(self, canvas: Canvas, label: str, avail_width: float) -> None:
        from ast import literal_eval

        _page, level, key = label.split(",", 2)
        key = literal_eval(key)
        style = self.getLevelStyle(int(level))
        x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
        dots = self.dotsMinLevel >= 0 and int(level) >= self.dotsMinLevel
        # The link covers the dots and the number: their exact width is not known yet.
        canvas.linkRect("", key, (x, y, avail_width, y + style.leading), relative=1)
        pages = self.pages

        def draw(form: Canvas) -> None:
            _draw_page_number(form, style, str(pages(key)), x, y, avail_width, " . " if dots else "")

        self.deferred.use(canvas, f"toc_{key}", draw)


def _draw_page_number(canvas: Canvas, style: ParagraphStyle, pagestr: str, x, y, avail_width, dot: str) -> None:
    """What reportlab's ``tableofcontents.drawPageNumbers`` draws, without its link."""
    font_size = style.fontSize
    pagestrw = stringWidth(pagestr, style.fontName, font_size)
    while pagestrw > avail_width - x and font_size >= 1.0:
        font_size = 0.9 * font_size
        pagestrw = stringWidth(pagestr, style.fontName, font_size)
    if dot:
        dotw = stringWidth(dot, style.fontName, font_size)
        dotsn = int((avail_width - x - pagestrw) / dotw)
    else:
        dotsn = dotw = 0
    tx = canvas.beginText(avail_width - dotsn * dotw - pagestrw, y)
    tx.setFont(style.fontName, font_size)
    tx.setFillColor(style.textColor)
    tx.textLine(f"{dotsn * dot}{pagestr}")
    canvas.drawText(tx)
