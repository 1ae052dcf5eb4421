"""The page machinery: portrait and landscape templates, header and footer, contents, outline.

"Page x of y" needs the page count before the first page is finished, so the canvas keeps every
page's state and paints the header and footer at save time, when the total is known.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from . import styles as st
from .fonts import BOLD, REGULAR
from .textfit import clip

PORTRAIT = A4
LANDSCAPE = landscape(A4)
P_MARGIN = dict(left=20 * mm, right=20 * mm, top=24 * mm, bottom=20 * mm)
L_MARGIN = dict(left=15 * mm, right=15 * mm, top=21 * mm, bottom=17 * mm)


class Heading(Paragraph):
    """A heading that lands in the contents and the PDF outline.

    ``toc_text`` is already-escaped markup (the contents renders it as a Paragraph too)."""

    def __init__(self, markup: str, style, level: int, toc_text: str | None = None):
        super().__init__(markup, style)
        self.level = level
        self.toc_text = toc_text if toc_text is not None else markup


def frame_size(orientation: str) -> tuple[float, float]:
    size, m = (PORTRAIT, P_MARGIN) if orientation == "portrait" else (LANDSCAPE, L_MARGIN)
    return size[0] - m["left"] - m["right"] - 12, size[1] - m["top"] - m["bottom"] - 12


def _frame(size, m, name: str) -> Frame:
    return Frame(m["left"], m["bottom"], size[0] - m["left"] - m["right"], size[1] - m["top"] - m["bottom"], id=name)


def _cover_background(canvas: Canvas, doc) -> None:
    width, height = PORTRAIT
    canvas.saveState()
    canvas.setFillColor(st.NAVY)
    canvas.rect(0, height * 0.38, width, height * 0.62, stroke=0, fill=1)
    canvas.setFillColor(st.TEAL)
    canvas.rect(0, height * 0.38 - 6, width, 6, stroke=0, fill=1)
    canvas.restoreState()


class BoardPackTemplate(BaseDocTemplate):
    def __init__(self, filename: str, title: str, on_flowable: Callable[[], None] | None = None, **kw):
        super().__init__(filename, pagesize=PORTRAIT, title=title, creator="OM Planner", initialFontName=REGULAR, **kw)
        self._on_flowable = on_flowable
        self._heading_count = 0
        cover_margin = dict(left=24 * mm, right=24 * mm, top=30 * mm, bottom=24 * mm)
        self.addPageTemplates(
            [
                PageTemplate(
                    "cover", [_frame(PORTRAIT, cover_margin, "cover")], onPage=_cover_background, pagesize=PORTRAIT
                ),
                PageTemplate("portrait", [_frame(PORTRAIT, P_MARGIN, "portrait")], pagesize=PORTRAIT),
                PageTemplate("landscape", [_frame(LANDSCAPE, L_MARGIN, "landscape")], pagesize=LANDSCAPE),
            ]
        )

    def beforeDocument(self) -> None:
        self._heading_count = 0

    def afterFlowable(self, flowable) -> None:
        if self._on_flowable is not None:
            self._on_flowable()
        if isinstance(flowable, Heading):
            self._heading_count += 1
            key = f"h{self._heading_count}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=flowable.level, closed=flowable.level > 0)
            self.notify("TOCEntry", (flowable.level, flowable.toc_text, self.page, key))


def numbered_canvas(header_left: str, header_right: str, footer_left: str):
    """A canvas class painting header and footer with 'Page x of y' on every page but the cover."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if number > 1:
                    self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = self._pagesize
            m = P_MARGIN if width < height else L_MARGIN
            left, right = m["left"], width - m["right"]
            self.saveState()
            self.setStrokeColor(st.RULE)
            self.setLineWidth(0.5)
            top = height - m["top"] + 16
            self.line(left, top - 5, right, top - 5)
            self.setFont(BOLD, 7.5)
            self.setFillColor(st.NAVY)
            self.drawString(left, top, _fit(header_left, BOLD, 7.5, (right - left) * 0.6))
            self.setFont(REGULAR, 7.5)
            self.setFillColor(st.MUTED)
            self.drawRightString(right, top, _fit(header_right, REGULAR, 7.5, (right - left) * 0.38))
            bottom = m["bottom"] - 22
            self.line(left, bottom + 10, right, bottom + 10)
            self.drawString(left, bottom, _fit(footer_left, REGULAR, 7, (right - left) * 0.7))
            self.drawRightString(right, bottom, f"Page {number} of {total}")
            self.restoreState()

    return NumberedCanvas


def _fit(text: str, font: str, size: float, width: float) -> str:
    return clip(text, font, size, width)
