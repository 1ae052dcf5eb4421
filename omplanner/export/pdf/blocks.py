"""Building blocks the chapters share: headings, tables of user text, empty-state notes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table
from reportlab.platypus.doctemplate import NullActionFlowable

from ...model import Plan
from ..pack_options import PackOptions
from . import styles as st
from .document import Heading
from .safe import Para, esc, para


def _first_by_id(entities) -> dict:
    index: dict = {}
    for entity in entities:
        index.setdefault(entity.id, entity)
    return index


class IndexedPlan:
    """The plan, read only, with its look-ups by id answered from dictionaries.

    The model's look-ups scan lists, which suits an editor; the board pack of a large plan
    asks tens of thousands of them while nothing changes. Everything else is the plan's own."""

    def __init__(self, plan: Plan):
        self._plan = plan
        self._roles = _first_by_id(plan.roles)
        self._use_cases = _first_by_id(plan.use_cases)
        self._items = _first_by_id(plan.roadmap)
        self._decisions = _first_by_id(plan.decisions)
        self._steps: dict = {}
        for uc, variant, pmap in plan.maps():
            for step in pmap.steps:
                self._steps.setdefault(step.id, (uc, variant, step))

    def __getattr__(self, name: str):
        return getattr(self._plan, name)

    def role(self, role_id):
        return self._roles.get(role_id)

    def use_case(self, use_case_id):
        return self._use_cases.get(use_case_id)

    def item(self, item_id):
        return self._items.get(item_id)

    def decision(self, decision_id):
        return self._decisions.get(decision_id)

    def find_step(self, step_id):
        return self._steps.get(step_id) if step_id else None


class Ctx:
    """What every chapter needs: the plan, the styles, and the frame widths."""

    def __init__(
        self,
        plan: Plan,
        styles: st.Styles,
        portrait_width: float,
        landscape_size: tuple[float, float],
        options: PackOptions | None = None,
    ):
        self.plan = IndexedPlan(plan)
        self.options = options or PackOptions()
        self.board = self.options.board
        """Written for the board: plain language, no rule codes."""
        self.s = styles
        self.width = portrait_width
        self.l_width, self.l_height = landscape_size


HEADING_CHARS = 160
"""User text in a heading, a contents line or a caption is cut to this many characters: a
3,000-character use-case name would fill the contents page and then some. The section shows
the full name once (see ``short``'s callers)."""
TALL_ROW = 240.0
"""A table row taller than this may be split across pages; shorter rows move whole."""
MIN_PIECE = 30
"""The least height (two lines of a cell) a split row leaves on either page."""


def short(text: object, limit: int = HEADING_CHARS) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters with an ellipsis."""
    flat = " ".join(str(text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-") + "…"


def heading(text: str, style, level: int, number: str = "") -> Heading:
    """A heading from user text; ``number`` is ours (e.g. '3.'), prefixed unescaped.

    Headings never split across pages, so overlong user text is shortened (``short``)."""
    markup = f"{number} {esc(short(text))}".strip()
    return Heading(markup, style, level)


class HouseTable(Table):
    """A Table whose very tall rows split across pages instead of failing the export.

    reportlab gives up on a row taller than the page (a facilitator's long rationale or note).
    In-row splitting is allowed only for rows taller than ``TALL_ROW``, so ordinary rows still
    move whole to the next page and the usual tables look as they always did."""

    def __init__(self, *args, **kw):
        kw.setdefault("splitInRow", MIN_PIECE)
        super().__init__(*args, **kw)

    def _splitRows(self, availHeight, doInRowSplit=0):
        if doInRowSplit:
            n = self._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans=1)
            if n >= len(self._rowHeights) or self._rowHeights[n] <= TALL_ROW:
                return []
        return super()._splitRows(availHeight, doInRowSplit)


class FirstThatFits(Flowable):
    """The first of some ways to show the same thing that fits the room left on the page (a
    table two entries to a row, then three); when none does, the first, which then splits."""

    def __init__(self, options: list[Flowable]):
        super().__init__()
        self.options = options
        self.chosen = options[0]

    def wrap(self, availWidth, availHeight):
        canv, frame = getattr(self, "canv", None), getattr(self, "_frame", None)
        for option in self.options:
            if canv is not None:  # a KeepTogether asks its document while measuring
                option.canv = canv
            if frame is not None:
                option._frame = frame
        for option in self.options:
            width, height = option.wrap(availWidth, availHeight)
            if height <= availHeight + 1e-6:
                self.chosen = option
                return width, height
        self.chosen = self.options[0]
        return self.chosen.wrap(availWidth, availHeight)

    def split(self, availWidth, availHeight):
        self.wrap(availWidth, availHeight)
        return self.chosen.split(availWidth, availHeight)

    def drawOn(self, canvas, x, y, _sW=0):
        self.chosen.drawOn(canvas, x, y, _sW)

    def getSpaceBefore(self):
        return self.chosen.getSpaceBefore()

    def getSpaceAfter(self):
        return self.chosen.getSpaceAfter()


def cell(text: object, style) -> Paragraph:
    return para(text, style)


def table(
    ctx: Ctx,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    widths: Sequence[float],
    style=None,
    width: float | None = None,
    compact: bool = False,
) -> Flowable:
    """A house table. Plain values are escaped into Paragraphs; flowables pass through.

    Text longer than ``LONG_CELL`` is shown in part, and in full in a note after the table."""
    body_style = style or ctx.s.cell
    data = [[para(h, ctx.s.cell_head) for h in header]]
    notes: list = []
    for row in rows:
        data.append(
            [
                v if hasattr(v, "wrapOn") else cell(_preview(ctx, header, row, j, v, notes), body_style)
                for j, v in enumerate(row)
            ]
        )
    total = sum(widths)
    full = width or ctx.width
    t = HouseTable(data, colWidths=[w * full / total for w in widths], repeatRows=1, hAlign="LEFT")
    t.setStyle(st.table_style())
    if compact:  # long registers (the roadmap): tighter rows, so a page holds more of them
        t.setStyle([("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)])
    if notes:
        return InSequence([t, Spacer(1, 2), *notes, Spacer(1, 6)])
    return t


class InSequence(KeepTogether):
    """Flowables laid out one after another as if listed in the story (no keeping together):
    lets ``table`` hand back a table and its notes where callers expect one flowable."""

    def split(self, aW, aH):
        # A leading action hands the pieces back to the story one by one (reportlab insists
        # that the first piece of a split fits where the whole did not).
        return [NullActionFlowable(), *self._content]


LONG_CELL = 700
"""Text longer than this (a long rationale or note) is not poured into a narrow column, where
it would run for pages a few words to a line: the cell shows its start and the full text
follows the table as a numbered note at full width."""
PREVIEW = 240


def _preview(ctx: Ctx, header: Sequence[str], row: Sequence[object], j: int, value: object, notes: list) -> object:
    if not isinstance(value, str) or len(value) <= LONG_CELL:
        return "" if value is None else value
    k = len(notes) + 1
    label = row[0] if j and isinstance(row[0], str) else ""
    where = " · ".join(esc(short(x, 80)) for x in (label, header[j]) if x)
    notes.append(Para(f"<b>Note {k}</b> · {where}<br/>{esc(value)}", ctx.s.note))
    return f"{short(value, PREVIEW)} (in full in note {k} below the table)"


def empty(ctx: Ctx, text: str) -> Paragraph:
    """A gap in the plan, said plainly: the board should see what is not defined yet."""
    return Paragraph(f"<i>{esc(text)}</i>", ctx.s.muted)


LISTED = 25
"""Names a cell lists before "and N more": a list may hold a thousand references, which no
reader takes in from a page and which made one decision's row take seconds to lay out. The
workbook lists them all."""


def listed(names: Iterable[str], sep: str = ", ", limit: int = LISTED) -> str:
    """``names`` joined, the first ``limit`` of them and then how many more there are."""
    names = list(names)
    if len(names) <= limit:
        return sep.join(names)
    return f"{sep.join(names[:limit])} and {len(names) - limit} more"


def role_names(plan: Plan, ids: Iterable[str | None], sep: str = ", ") -> str:
    names = []
    for role_id in ids:
        if role_id:
            role = plan.role(role_id)
            names.append(role.name if role else role_id)
    return listed(names, sep)


def kv_table(ctx: Ctx, pairs: Sequence[tuple[str, object]], label_width: float = 120) -> Table:
    """Label/value pairs as a quiet two-column table (labels are ours, values the user's)."""
    data = [
        [
            para(label, ctx.s.kicker),
            v if hasattr(v, "wrapOn") else cell(v if v not in (None, "") else "—", ctx.s.cell),
        ]
        for label, v in pairs
    ]
    t = HouseTable(data, colWidths=[label_width, ctx.width - label_width], hAlign="LEFT")
    t.setStyle(
        [
            st.BASE_FONT,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, st.RULE),
        ]
    )
    return t


class Card(Flowable):
    """Paragraphs on a pale panel with a coloured bar on the left (findings, the recommendation).

    Drawn directly rather than as a one-cell Table: a plan can hold hundreds of findings, and a
    Table per card made them most of the export time."""

    def __init__(self, parts: list, colour, pad: float = 8, bar: float = 4):
        super().__init__()
        self.parts, self.colour, self.pad, self.bar = parts, colour, pad, bar
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, avail_width, avail_height):
        if self._sizes and avail_width == self.width:  # layout asks again and again: same answer
            return self.width, self.height
        inner = avail_width - self.bar - 2 * self.pad - 2
        self._sizes = [p.wrap(inner, avail_height) for p in self.parts]
        self.width = avail_width
        self.height = sum(h for _, h in self._sizes) + 2 * self.pad + self._gaps()
        return self.width, self.height

    def split(self, avail_width, avail_height):
        """Cards are short and move whole; one taller than the space (a long name or message
        in a finding) is cut between or inside its paragraphs, the rest on a card below."""
        self.wrap(avail_width, avail_height)
        if self.height <= avail_height:
            return [self]
        if self.height <= TALL_ROW:  # an ordinary card moves whole to the next page
            return []
        inner = avail_width - self.bar - 2 * self.pad - 2
        room = avail_height - 2 * self.pad
        head: list = []
        for k, (part, (_, h)) in enumerate(zip(self.parts, self._sizes)):
            if h <= room:
                head.append(part)
                room -= h + 2.0
                continue
            pieces = part.split(inner, room) if room > MIN_PIECE else []
            if len(pieces) == 2:
                head.append(pieces[0])
                rest = [pieces[1], *self.parts[k + 1 :]]
            else:
                rest = list(self.parts[k:])
            if not head:
                return []
            return [Card(head, self.colour, self.pad, self.bar), Card(rest, self.colour, self.pad, self.bar)]
        return [self]

    def _gaps(self) -> float:
        return 2.0 * max(0, len(self.parts) - 1)

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(st.PALE)
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        c.setFillColor(self.colour)
        c.rect(0, 0, self.bar, self.height, stroke=0, fill=1)
        c.restoreState()
        y = self.height - self.pad
        for part, (_, h) in zip(self.parts, self._sizes):
            y -= h
            part.drawOn(c, self.bar + self.pad + 2, y)
            y -= 2.0
