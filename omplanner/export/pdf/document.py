"""The page machinery: portrait and landscape templates, header and footer, contents, outline.

"Page x of y" and the contents' page numbers are known only after the last page; they are drawn
as forms defined at the end (deferred.py), so the document is laid out once.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from . import styles as st
from .deferred import ContentsTable, Deferred, entries_match
from .fonts import BOLD, REGULAR
from .safe import Para
from .textfit import clip

PORTRAIT = A4
LANDSCAPE = landscape(A4)
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


def frame_size(orientation: str) -> tuple[float, float]:
    size, m = (PORTRAIT, P_MARGIN) if orientation == "portrait" else (LANDSCAPE, L_MARGIN)
    return size[0] - m["left"] - m["right"] - 12, size[1] - m["top"] - m["bottom"] - 12


def _cover_margins() -> tuple[dict, dict]:
    band = PORTRAIT[1] * COVER_BAND
    cover_top = dict(left=24 * mm, right=24 * mm, top=30 * mm, bottom=band + 10 * mm)
    cover_bottom = dict(left=24 * mm, right=24 * mm, top=PORTRAIT[1] - band + 12 * mm, bottom=20 * mm)
    return cover_top, cover_bottom


def cover_bottom_size() -> tuple[float, float]:
    """Room inside the cover's white area (the facts and the context notes), frame padding off."""
    m = _cover_margins()[1]
    return PORTRAIT[0] - m["left"] - m["right"] - 12, PORTRAIT[1] - m["top"] - m["bottom"] - 12


def _frame(size, m, name: str) -> Frame:
    return Frame(m["left"], m["bottom"], size[0] - m["left"] - m["right"], size[1] - m["top"] - m["bottom"], id=name)


def _cover_background(canvas: Canvas, doc) -> None:
    width, height = PORTRAIT
    canvas.saveState()
    canvas.setFillColor(st.NAVY)
    canvas.rect(0, height * COVER_BAND, width, height * (1 - COVER_BAND), stroke=0, fill=1)
    canvas.setFillColor(st.TEAL)
    canvas.rect(0, height * COVER_BAND - 6, width, 6, stroke=0, fill=1)
    canvas.restoreState()


class BoardPackTemplate(BaseDocTemplate):
    def __init__(
        self,
        filename: str,
        title: str,
        running: tuple[str, str, str] = ("", "", ""),
        on_flowable: Callable[[], None] | None = None,
        **kw,
    ):
        super().__init__(filename, pagesize=PORTRAIT, title=title, creator="OM Planner", initialFontName=REGULAR, **kw)
        self._on_flowable = on_flowable
        self._heading_count = 0
        self.running = running
        """Header left, header right, footer left."""
        self.deferred = Deferred()
        self._final_pages: dict[str, int] = {}
        # The cover: one frame on the navy band (title, client), one below it (facts, context),
        # so the facts sit in the white area however long the title is.
        cover_top, cover_bottom = _cover_margins()
        self.addPageTemplates(
            [
                PageTemplate(
                    "cover",
                    [_frame(PORTRAIT, cover_top, "cover_top"), _frame(PORTRAIT, cover_bottom, "cover_bottom")],
                    onPage=_cover_background,
                    pagesize=PORTRAIT,
                ),
                PageTemplate(
                    "portrait", [_frame(PORTRAIT, P_MARGIN, "portrait")], onPageEnd=_decorate, pagesize=PORTRAIT
                ),
                PageTemplate(
                    "landscape", [_frame(LANDSCAPE, L_MARGIN, "landscape")], onPageEnd=_decorate, pagesize=LANDSCAPE
                ),
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
    header_left, header_right, footer_left = doc.running
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
    canvas.drawString(left, top, _fit(header_left, BOLD, 7.5, (right - left) * 0.6))
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(st.MUTED)
    canvas.drawRightString(right, top, _fit(header_right, REGULAR, 7.5, (right - left) * 0.38))
    bottom = m["bottom"] - 22
    canvas.line(left, bottom + 10, right, bottom + 10)
    canvas.drawString(left, bottom, _fit(footer_left, REGULAR, 7, (right - left) * 0.7))
    page = doc.page

    def page_x_of_y(form: Canvas) -> None:
        form.setFont(REGULAR, 7.5)
        form.setFillColor(st.MUTED)
        form.drawRightString(right, bottom, f"Page {page} of {doc.page}")

    doc.deferred.use(canvas, f"page_{page}", page_x_of_y)
    canvas.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> str:
    return clip(text, font, size, width)
