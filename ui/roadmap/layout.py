"""Where everything on the roadmap goes: lanes, rows inside a lane, and the week <-> x mapping.

Kept free of Qt so the same layout serves the canvas, the PNG/SVG render and the tests. Labels
that do not fit inside their bar are drawn to its right, so the packing reserves room for them:
two items share a row only when neither bar nor label would overlap.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from omplanner.model import ItemKind, Plan, RoadmapItem
from omplanner.model.base import short_name
from omplanner.vocabulary import lane_title

BY_COMPONENT = "component"
BY_USE_CASE = "use_case"

ZOOMS: dict[str, float] = {"weeks": 44.0, "months": 22.0, "quarters": 9.0}
"""Pixels per week at each time scale."""

LANE_LABEL_W = 150.0
HEADER_H = 44.0
ROW_H = 30.0
BAR_H = 18.0
LANE_PAD = 8.0
MIN_LANE_PAD = 2.0
MIN_ROW_H = BAR_H + 3
"""Compacted rows keep at least this much: bars still clear each other and their labels."""
LANE_TITLE_TOP = 4.0
LANE_TITLE_LINES = 2
"""A lane keeps room for this many lines of its title however short the view (longer ones are cut)."""
LABEL_GAP = 6.0
LABEL_DX = 17.0
"""Labels outside a bar start this far right of it, beyond the dependency handle."""
LANE_TITLE_CHARS = 200
"""Characters of a use case's name kept as a lane title: more than the lane-name column shows."""
MIN_WEEKS = 26
"""The timeline shows at least half a year, so a short plan does not look cramped."""

COMPONENT_LANES: list[tuple[str, str, tuple[ItemKind, ...]]] = [
    (key, lane_title(kind), (kind,))
    for key, kind in (
        ("diagnostic", ItemKind.DIAGNOSTIC),
        ("process", ItemKind.PROCESS_REDESIGN),
        ("data", ItemKind.DATA_READINESS),
        ("decision_rights", ItemKind.DECISION_RIGHTS),
        ("capability", ItemKind.CAPABILITY),
        ("governance", ItemKind.GOVERNANCE),
        ("tools", ItemKind.TOOL_SELECTION),
        ("deployment", ItemKind.DEPLOYMENT),
        ("other", ItemKind.OTHER),
    )
]
"""Lanes in the order the work usually flows, each with the kinds of item it holds, titled as the
board pack and the workbook name them (``vocabulary.lane_title``)."""

_KIND_LANE = {kind: key for key, _title, kinds in COMPONENT_LANES for kind in kinds}
_LANE_KIND = {key: kinds[0] for key, _title, kinds in COMPONENT_LANES}
CROSS_CUTTING = "__cross__"


@dataclass(frozen=True)
class Lane:
    key: str
    title: str
    kind: ItemKind | None = None
    """The kind a new item drawn in this lane gets (lanes by component)."""
    use_case: str | None = None
    """The use case a new item drawn in this lane gets (lanes by use case)."""


def lanes_for(plan: Plan, mode: str) -> list[Lane]:
    if mode == BY_USE_CASE:
        lanes = [Lane(CROSS_CUTTING, "Cross-cutting", ItemKind.OTHER, None)]
        # the lane-name column is narrow: a name longer than it could ever show is cut first, so
        # no repaint lays out a 10,000-character name
        lanes += [
            Lane(uc.id, short_name(uc.name, LANE_TITLE_CHARS), ItemKind.PROCESS_REDESIGN, uc.id)
            for uc in plan.use_cases
        ]
        return lanes
    return [Lane(key, title, kinds[0], None) for key, title, kinds in COMPONENT_LANES]


def lane_key(item: RoadmapItem, mode: str) -> str:
    if mode == BY_USE_CASE:
        return item.use_case or CROSS_CUTTING
    return _KIND_LANE.get(item.kind, "other")


@dataclass(frozen=True)
class Spacing:
    """How tall a row of bars is and how much room a lane keeps above and below its rows."""

    row_h: float = ROW_H
    lane_pad: float = LANE_PAD


NORMAL = Spacing()


@dataclass
class Layout:
    """The computed place of every lane and item at one zoom."""

    ppw: float
    lanes: list[Lane]
    lane_top: dict[str, float] = field(default_factory=dict)
    lane_height: dict[str, float] = field(default_factory=dict)
    item_row_y: dict[str, float] = field(default_factory=dict)
    """The y of the top of each item's bar."""
    weeks: int = MIN_WEEKS
    start: date = field(default_factory=date.today)
    packs: dict[str, LanePack] = field(default_factory=dict)
    spacing: Spacing = NORMAL

    def x(self, week: float) -> float:
        return LANE_LABEL_W + week * self.ppw

    def week_at(self, x: float) -> float:
        return (x - LANE_LABEL_W) / self.ppw

    @property
    def width(self) -> float:
        return self.x(self.weeks)

    @property
    def height(self) -> float:
        if not self.lanes:
            return HEADER_H
        last = self.lanes[-1].key
        return self.lane_top[last] + self.lane_height[last]

    def lane_at(self, y: float) -> Lane | None:
        for lane in self.lanes:
            top = self.lane_top[lane.key]
            if top <= y < top + self.lane_height[lane.key]:
                return lane
        return None

    def week_date(self, week: float) -> date:
        return self.start + timedelta(days=round(week * 7))


@dataclass
class LanePack:
    rows: dict[str, int]
    right: float
    """Where the last bar or label in the lane ends, in pixels from week 0."""

    @property
    def n_rows(self) -> int:
        return max(1, max(self.rows.values(), default=-1) + 1)


def compute_layout(plan: Plan, mode: str, ppw: float, label_width: Callable[[RoadmapItem], float]) -> Layout:
    """Pack each lane's items into rows, first-fit by start week, reserving room for labels."""
    lanes = lanes_for(plan, mode)
    by_lane: dict[str, list[RoadmapItem]] = {lane.key: [] for lane in lanes}
    for item in plan.roadmap:
        by_lane.setdefault(lane_key(item, mode), []).append(item)
    packs = {lane.key: pack_lane(by_lane[lane.key], ppw, label_width) for lane in lanes}
    last = max((i.end_week for i in plan.roadmap), default=0)
    return assemble(lanes, packs, ppw, plan.details.start_date, last)


def assemble(
    lanes: list[Lane],
    packs: dict[str, LanePack],
    ppw: float,
    start: date,
    last_end: int,
    fit: LaneFit | None = None,
    drag_room: bool = True,
) -> Layout:
    """Stack the packed lanes under the header: cheap, so it runs after every edit.

    With ``fit`` the rows are compacted as far as needed (and legible) for every lane to show
    in the room the view has; without, they take their normal height (exported images). With
    ``drag_room`` (the canvas) the timeline runs on past the last item, and half a year at least,
    for work to be dragged into; without (a slide), it ends where the last item or label does.
    """
    weeks = max(MIN_WEEKS, last_end + 4) if drag_room else max(1, last_end)
    layout = Layout(ppw, lanes, weeks=weeks, start=start)
    layout.packs = packs
    rows = [packs[lane.key].n_rows for lane in lanes]
    titles = [fit.title_h.get(lane.key, 0.0) for lane in lanes] if fit else [0.0] * len(lanes)
    spacing = layout.spacing = fit_spacing(rows, titles, fit.room, fit.min_row_h) if fit else NORMAL
    y = HEADER_H
    right = 0.0
    offset = spacing.lane_pad + (spacing.row_h - BAR_H) / 2
    for lane, n_rows, title_h in zip(lanes, rows, titles, strict=True):
        pack = packs[lane.key]
        right = max(right, pack.right)
        layout.lane_top[lane.key] = y
        layout.lane_height[lane.key] = lane_height(n_rows, title_h, spacing)
        for item_id, row in pack.rows.items():
            layout.item_row_y[item_id] = y + offset + row * spacing.row_h
        y += layout.lane_height[lane.key]
    layout.weeks = max(layout.weeks, math.ceil(right / ppw) + (1 if drag_room else 0))  # room for the last labels
    return layout


@dataclass(frozen=True)
class LaneFit:
    """What compacting the lanes to a view's height needs to know."""

    room: float | None
    """Pixels under the time header; None: as tall as the lanes need."""
    title_h: dict[str, float]
    """Lane key -> the height its title takes (up to ``LANE_TITLE_LINES`` lines) with its margins."""
    min_row_h: float = MIN_ROW_H
    """The least a row may take: a bar, or a label in the canvas's type, whichever is taller."""


def lane_height(n_rows: int, title_h: float, spacing: Spacing) -> float:
    return max(n_rows * spacing.row_h + 2 * spacing.lane_pad, title_h)


def fit_spacing(rows: list[int], title_h: list[float], room: float | None, min_row_h: float) -> Spacing:
    """The roomiest spacing, from the normal one down to rows of ``min_row_h``, at which lanes of
    ``rows`` rows (and titles ``title_h`` tall) stack within ``room`` pixels.

    The padding shrinks with the rows, whole pixels at a time so bars stay crisp. When even the
    tightest spacing does not fit, the view scrolls rather than the text becoming unreadable.
    """
    if room is None:
        return NORMAL
    least = math.ceil(min(ROW_H, max(MIN_ROW_H, min_row_h)))
    steps = int(ROW_H - least)
    for step in range(steps + 1):
        share = step / steps if steps else 1.0
        spacing = Spacing(ROW_H - step, round(LANE_PAD - share * (LANE_PAD - MIN_LANE_PAD)))
        if sum(lane_height(n, t, spacing) for n, t in zip(rows, title_h, strict=True)) <= room:
            return spacing
    return Spacing(float(least), MIN_LANE_PAD)


def pack_lane(items: Iterable[RoadmapItem], ppw: float, label_width: Callable[[RoadmapItem], float]) -> LanePack:
    row_ends: list[float] = []
    rows: dict[str, int] = {}
    for item in sorted(items, key=lambda i: (i.start_week, i.id)):
        left = item.start_week * ppw
        bar_w = item.duration_weeks * ppw
        text_w = label_width(item)
        inside = item.kind != ItemKind.DEPLOYMENT and text_w + 12 <= bar_w
        right = left + bar_w + (0 if inside else LABEL_DX + text_w) + LABEL_GAP
        for row, end in enumerate(row_ends):
            if end <= left:
                row_ends[row] = right
                rows[item.id] = row
                break
        else:
            rows[item.id] = len(row_ends)
            row_ends.append(right)
    return LanePack(rows, max(row_ends, default=0.0))


def month_starts(start: date, weeks: int) -> list[date]:
    """The first day of every month the timeline touches, beginning with the start's month."""
    end = start + timedelta(weeks=weeks)
    months = []
    d = date(start.year, start.month, 1)
    while d <= end:
        months.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return months


def weeks_between(start: date, day: date) -> float:
    return (day - start).days / 7.0
