"""The page machinery: portrait and landscape templates, header and footer, contents, outline.

"Page x of y" and the contents' page numbers are known only after the last page; they are drawn
as forms defined at the end (deferred.py), so the document is laid out once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageTemplate

from . import styles as st
from .deferred import ContentsTable, Deferred, entries_match
from .fonts import BOLD, REGULAR
from .safe import Para
from .short_page import PackFrame
from .textfit import clip

PORTRAIT = A4
LANDSCAPE = landscape(A4)
PAPER_SIZES = {"a4": A4, "letter": LETTER}
P_MARGIN = dict(left=20 * mm, right=20 * mm, top=24 * mm, bottom=20 * mm)
COVER_BAND = 0.38
"""The navy band covers the cover page from this fraction of its height upwards."""
L_MARGIN = dict(left=15 * mm, right=15 * mm, top=21 * mm, bottom=17 * mm)


class Heading(Para):
    """A heading that lands in the contents and the PDF outline.

    ``toc_text`` is already-escaped markup (the contents renders it as a Paragraph too)."""

    def __init__(self, markup: str, style, level: int, toc_text: str | None = None):
        super().__init__(markup, style)
        self.level = level
        self.toc_text = toc_text if toc_text is not None else markup


def page_size(orientation: str, paper: str = "a4") -> tuple[float, float]:
    size = PAPER_SIZES[paper]
    return size if orientation == "portrait" else landscape(size)


def frame_size(orientation: str, paper: str = "a4") -> tuple[float, float]:
    size = page_size(orientation, paper)
    m = P_MARGIN if orientation == "portrait" else L_MARGIN
    return size[0] - m["left"] - m["right"] - 12, size[1] - m["top"] - m["bottom"] - 12


def _cover_margins(paper: str = "a4") -> tuple[dict, dict]:
    height = PAPER_SIZES[paper][1]
    band = height * COVER_BAND
    cover_top = dict(left=24 * mm, right=24 * mm, top=30 * mm, bottom=band + 10 * mm)
    cover_bottom = dict(left=24 * mm, right=24 * mm, top=height - band + 12 * mm, bottom=20 * mm)
    return cover_top, cover_bottom


def cover_bottom_size(paper: str = "a4") -> tuple[float, float]:
    """Room inside the cover's white area (the facts and the context notes), frame padding off."""
    m = _cover_margins(paper)[1]
    size = PAPER_SIZES[paper]
    return size[0] - m["left"] - m["right"] - 12, size[1] - m["top"] - m["bottom"] - 12


def _frame(size, m, name: str) -> PackFrame:
    return PackFrame(
        m["left"], m["bottom"], size[0] - m["left"] - m["right"], size[1] - m["top"] - m["bottom"], id=name
    )


@dataclass(frozen=True)
class Marks:
    """What every page says besides the content: the running header and footer, the
    confidentiality mark, the draft watermark and the logo on the cover."""

    header_left: str = ""
    header_right: str = ""
    footer_left: str = ""
    confidentiality: str = ""
    draft: bool = False
    logo: Any = None
    """PNG bytes or a reportlab ``Drawing`` (an SVG logo), drawn on the cover."""


LOGO_BOX = (46 * mm, 20 * mm)
"""The most room a logo takes on the cover; it keeps its proportions inside."""


def _cover_background(canvas: Canvas, doc: BoardPackTemplate) -> None:
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(st.NAVY)
    canvas.rect(0, height * COVER_BAND, width, height * (1 - COVER_BAND), stroke=0, fill=1)
    canvas.setFillColor(st.TEAL)
    canvas.rect(0, height * COVER_BAND - 6, width, 6, stroke=0, fill=1)
    marks = doc.marks
    if marks.logo:
        _draw_logo(canvas, marks.logo, width - 24 * mm, height - 14 * mm)
    if marks.confidentiality:
        canvas.setFont(BOLD, 9)
        canvas.setFillColor(st.WHITE)
        canvas.drawString(24 * mm, height - 18 * mm, _fit(marks.confidentiality.upper(), BOLD, 9, width / 2))
    canvas.restoreState()
    _watermark(canvas, doc)


def _draw_logo(canvas: Canvas, logo: Any, right: float, top: float) -> None:
    """The logo on a white tile, top right of the cover, within ``LOGO_BOX``."""
    from io import BytesIO

    from reportlab.lib.utils import ImageReader

    image = ImageReader(BytesIO(logo)) if isinstance(logo, bytes) else None
    iw, ih = image.getSize() if image else (logo.width, logo.height)
    pad = 3 * mm
    scale = min((LOGO_BOX[0] - 2 * pad) / iw, (LOGO_BOX[1] - 2 * pad) / ih)
    w, h = iw * scale, ih * scale
    canvas.setFillColor(st.WHITE)
    canvas.roundRect(right - w - 2 * pad, top - h - 2 * pad, w + 2 * pad, h + 2 * pad, 2, stroke=0, fill=1)
    if image:
        canvas.drawImage(image, right - w - pad, top - h - pad, w, h, mask="auto")
        return
    from reportlab.graphics import renderPDF

    canvas.saveState()
    canvas.translate(right - w - pad, top - h - pad)
    canvas.scale(scale, scale)
    renderPDF.draw(logo, canvas, 0, 0)
    canvas.restoreState()


def _watermark(canvas: Canvas, doc: BoardPackTemplate) -> None:
    if not doc.marks.draft:
        return
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(st.MUTED)
    canvas.setFillAlpha(0.12)
    canvas.setFont(BOLD, 110)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35 if width < height else 20)
    canvas.drawCentredString(0, -38, "DRAFT")
    canvas.restoreState()


class BoardPackTemplate(BaseDocTemplate):
    def __init__(
        self,
        filename: str,
        title: str,
        marks: Marks | None = None,
        on_flowable: Callable[[], None] | None = None,
        paper: str = "a4",
        **kw,
    ):
        portrait, wide = page_size("portrait", paper), page_size("landscape", paper)
        super().__init__(filename, pagesize=portrait, title=title, creator="OM Planner", initialFontName=REGULAR, **kw)
        self._on_flowable = on_flowable
        self._heading_count = 0
        self.marks = marks or Marks()
        self.deferred = Deferred()
        self._final_pages: dict[str, int] = {}
        # The cover: one frame on the navy band (title, client), one below it (facts, context),
        # so the facts sit in the white area however long the title is.
        cover_top, cover_bottom = _cover_margins(paper)
        self.addPageTemplates(
            [
                PageTemplate(
                    "cover",
                    [_frame(portrait, cover_top, "cover_top"), _frame(portrait, cover_bottom, "cover_bottom")],
                    onPage=_cover_background,
                    pagesize=portrait,
                ),
                PageTemplate(
                    "portrait", [_frame(portrait, P_MARGIN, "portrait")], onPageEnd=_decorate, pagesize=portrait
                ),
                PageTemplate("landscape", [_frame(wide, L_MARGIN, "landscape")], onPageEnd=_decorate, pagesize=wide),
            ]
        )

    def build_pack(self, story: list, max_passes: int = 4) -> None:
        """Like ``multiBuild``, but normally one pass: the contents is seeded with every heading,
        so it has its final length from the start, and every number that depends on later pages
        is deferred. Another pass follows only if the headings laid out differ from the seed."""
        contents = [f for f in story if isinstance(f, ContentsTable)]
        self._indexingFlowables = [f for f in story if f.isIndexing()]
        for toc in contents:
            _seed_contents(toc, story)
            toc.deferred = self.deferred
            toc.pages = self._final_pages.__getitem__
        self._doSave = 0
        edits: list = []
        self._multiBuildEdits = edits.append
        try:
            for _ in range(max_passes):
                self.deferred.pending.clear()
                self._one_pass(story)
                while edits:  # e.g. forget which flowables a pass postponed to the next page
                    edit = edits.pop(0)
                    edit[0](*edit[1:])
                if all(entries_match(toc._lastEntries, toc._entries) for toc in contents):
                    for toc in contents:
                        self._final_pages.update((key, page) for _level, _text, page, key in toc._entries)
                    self.deferred.define_all(self.canv)
                    _save_binary(self.canv)
                    return
            raise RuntimeError("the contents page did not settle")
        finally:
            del self._multiBuildEdits

    def _one_pass(self, story: list) -> None:
        for flowable in self._indexingFlowables:
            flowable.beforeBuild()
        self.build(list(story))
        for flowable in self._indexingFlowables:
            flowable.afterBuild()

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


def _save_binary(canvas: Canvas) -> None:
    """Write the PDF with its streams deflated but not also ASCII85-encoded (reportlab's default).

    ASCII85 only matters for 7-bit channels; it made the file a quarter larger and, in pure
    Python, encoding it took a tenth of the export time. The pages read exactly the same."""
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        canvas.save()
    finally:
        rl_config.useA85 = before


def _headings(flowables):
    for flowable in flowables:
        if isinstance(flowable, Heading):
            yield flowable
        else:
            yield from _headings(getattr(flowable, "_content", ()))


def _seed_contents(toc: ContentsTable, story: list) -> None:
    """Give the contents one line per heading before the first pass, so that pass already
    lays out a contents of its final length; page numbers are filled in by the next."""
    toc._entries = [(h.level, h.toc_text, 999, f"h{k}") for k, h in enumerate(_headings(story), start=1)]


def _decorate(canvas: Canvas, doc: BoardPackTemplate) -> None:
    """Header and footer, painted as each page ends (not on the cover).

    The page count is drawn as a deferred form (deferred.py): pages are still written as they
    end, which keeps bookmarks and the outline pointing at the right pages."""
    marks = doc.marks
    width, height = canvas._pagesize
    m = P_MARGIN if width < height else L_MARGIN
    left, right = m["left"], width - m["right"]
    canvas.saveState()
    canvas.setStrokeColor(st.RULE)
    canvas.setLineWidth(0.5)
    top = height - m["top"] + 16
    canvas.line(left, top - 5, right, top - 5)
    canvas.setFont(BOLD, 7.5)
    canvas.setFillColor(st.NAVY)
    room = right - left
    if marks.confidentiality:
        mark = marks.confidentiality.upper()
        mark_width = min(stringWidth(mark, BOLD, 7.5), room * 0.25)
        canvas.setFillColor(st.RED)
        canvas.drawCentredString((left + right) / 2, top, _fit(mark, BOLD, 7.5, mark_width))
        canvas.setFillColor(st.NAVY)
        side = (room - mark_width) / 2 - 12
    else:
        side = room * 0.6
    canvas.drawString(left, top, _fit(marks.header_left, BOLD, 7.5, side))
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(st.MUTED)
    canvas.drawRightString(right, top, _fit(marks.header_right, REGULAR, 7.5, min(side, room * 0.38)))
    bottom = m["bottom"] - 22
    canvas.line(left, bottom + 10, right, bottom + 10)
    canvas.drawString(left, bottom, _fit(marks.footer_left, REGULAR, 7, room * 0.7))
    page = doc.page

    def page_x_of_y(form: Canvas) -> None:
        form.setFont(REGULAR, 7.5)
        form.setFillColor(st.MUTED)
        form.drawRightString(right, bottom, f"Page {page} of {doc.page}")

    doc.deferred.use(canvas, f"page_{page}", page_x_of_y)
    canvas.restoreState()
    _watermark(canvas, doc)


def _fit(text: str, font: str, size: float, width: float) -> str:
    return clip(text, font, size, width)
