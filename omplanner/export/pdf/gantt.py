"""The roadmap as a Gantt chart for landscape pages.

Lanes by operating-model component, bars coloured by kind of work, elbow arrows for
dependencies, the critical path outlined, deployments marked as go-live milestones, a month band
over a week axis. A roadmap with more rows than a page holds continues on the next page (the
axis repeats); one longer than a page is wide continues in week windows, so bars never get
thinner than a legible minimum.
"""

from __future__ import annotations

from datetime import date, timedelta

from ...figures import go_live_offset
from ...model import ITEM_COMPONENT, Component, ItemKind, ItemStatus, Plan, RoadmapItem
from . import styles as st
from .fonts import BOLD, REGULAR
from .textfit import clip
from .vector import Line, Polygon, PolyLine, Rect, String, Vector, drawing

LABEL_W = 200.0
ROW_H = 15.5
BAR_H = 9.0
AXIS_H = 30.0
MIN_WEEK_W = 7.0
LANE_ORDER: list[Component | None] = [None, *Component]
LANE_NAMES = {None: "Diagnostic, tools & deployment"} | {c: c.label for c in Component}
STATUS_MARKS = {ItemStatus.DONE: ("✓", 7), ItemStatus.AT_RISK: ("!", 7.5)}
"""The mark at the end of an item's label, in the status colour, and its size in points."""


def _lanes(items: list[RoadmapItem]) -> list[tuple[Component | None, list[RoadmapItem]]]:
    lanes = []
    for comp in LANE_ORDER:
        members = [i for i in items if ITEM_COMPONENT.get(i.kind) is comp]
        if members:
            lanes.append((comp, sorted(members, key=lambda i: (i.start_week, i.end_week))))
    return lanes


def _rows(plan: Plan) -> list[tuple[str, object]]:
    """The chart's rows in order: ('lane', component) headers and ('item', item) bars."""
    rows: list[tuple[str, object]] = []
    for comp, members in _lanes(plan.roadmap):
        rows.append(("lane", comp))
        rows += [("item", i) for i in members]
    return rows


def _month_starts(start: date, weeks: int):
    first = date(start.year, start.month, 1)
    end = start + timedelta(weeks=weeks)
    while first <= end:
        yield first
        first = date(first.year + first.month // 12, first.month % 12 + 1, 1)


def gantt_pages(plan: Plan, width: float, height: float, critical: set[str] | None = None) -> list[Vector]:
    """Drawings of at most ``width`` x ``height``, in reading order."""
    if not plan.roadmap:
        return []
    critical = critical or set()
    total_weeks = max(i.end_week for i in plan.roadmap) + 1
    chart_w = width - LABEL_W
    per_window = max(4, int(chart_w // MIN_WEEK_W))
    windows = [(w, min(total_weeks, w + per_window)) for w in range(0, total_weeks, per_window)]
    if len(windows) == 1:
        windows = [(0, total_weeks)]
    # Years with no work in them are left out: an item fifteen years on is one more chart, not
    # a dozen empty ones.
    windows = [(w0, w1) for w0, w1 in windows if any(i.start_week < w1 and i.end_week >= w0 for i in plan.roadmap)]
    rows = _rows(plan)
    per_page = max(3, int((height - AXIS_H - 6) // ROW_H))
    count = -(-len(rows) // per_page)
    per_page = -(-len(rows) // max(1, count))  # the same number of rows on each chart: no thin last one
    chunks = [rows[k : k + per_page] for k in range(0, len(rows), per_page)]
    pages = []
    for first_week, last_week in windows:
        for chunk in chunks:
            pages.append(_page(plan, chunk, first_week, last_week, width, critical))
    return pages


def _page(plan, rows, w0: int, w1: int, width: float, critical: set[str]) -> Vector:
    n = w1 - w0
    week_w = (width - LABEL_W) / n
    height = AXIS_H + len(rows) * ROW_H + 4
    d = drawing(width, height)
    top = height - AXIS_H

    def wx(week: float) -> float:
        return LABEL_W + (week - w0) * week_w

    _axis(d, plan.details.start_date, w0, w1, wx, top, height)
    row_y: dict[str, float] = {}
    for k, (kind, value) in enumerate(rows):
        y = top - (k + 1) * ROW_H
        if kind == "lane":
            d.add(Rect(0, y, width, ROW_H, fillColor=st.PALE, strokeColor=None))
            d.add(Rect(0, y, 3, ROW_H, fillColor=st.COMPONENT_COLOURS[value], strokeColor=None))
            d.add(String(8, y + 5, LANE_NAMES[value], fontName=BOLD, fontSize=7.5, fillColor=st.NAVY))
            continue
        item: RoadmapItem = value
        row_y[item.id] = y + ROW_H / 2
        d.add(Line(0, y, width, y, strokeColor=st.RULE, strokeWidth=0.3))
        label = clip(item.title, REGULAR, 7, LABEL_W - 22)
        d.add(String(12, y + 5.2, label, fontName=REGULAR, fontSize=7, fillColor=st.INK))
        mark = STATUS_MARKS.get(item.status)
        if mark is not None:
            glyph, size = mark
            d.add(
                String(
                    LABEL_W - 8,
                    y + 5.2,
                    glyph,
                    fontName=BOLD,
                    fontSize=size,
                    fillColor=st.STATUS_COLOURS[item.status],
                    textAnchor="end",
                )
            )
        start, end = max(item.start_week, w0), min(item.end_week, w1)
        if end > start:
            is_critical = item.id in critical
            d.add(
                Rect(
                    wx(start),
                    y + (ROW_H - BAR_H) / 2,
                    (end - start) * week_w,
                    BAR_H,
                    rx=2,
                    ry=2,
                    fillColor=st.KIND_COLOURS[item.kind],
                    strokeColor=st.INK if is_critical else None,
                    strokeWidth=1.8 if is_critical else 0,
                )
            )
        edge = go_live_offset(item) + 1  # the diamond sits at the end of the go-live week
        if item.kind is ItemKind.DEPLOYMENT and w0 <= edge <= w1:
            _milestone(d, wx(edge), y + ROW_H / 2, top, 4)
    _dependencies(d, plan, row_y, wx, w0, w1)
    return d


def _axis(d: Vector, start: date, w0: int, w1: int, wx, top: float, height: float) -> None:
    d.add(Rect(LABEL_W, top, wx(w1) - LABEL_W, AXIS_H, fillColor=st.NAVY, strokeColor=None))
    d.add(String(8, top + 8, "Work item", fontName=BOLD, fontSize=7.5, fillColor=st.MUTED))
    # The months may be too narrow to carry their year: the corner names the years shown.
    first, last = start + timedelta(weeks=w0), start + timedelta(weeks=w1, days=-1)
    years = str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    d.add(String(8, top + 19, years, fontName=BOLD, fontSize=7.5, fillColor=st.NAVY))
    week_w = wx(1) - wx(0)
    step = 1 if week_w >= 12 else 2 if week_w >= 7 else 4
    for week in range(w0, w1 + 1):
        x = wx(week)
        d.add(Line(x, 4, x, top, strokeColor=st.RULE, strokeWidth=0.25 if week % 4 else 0.5))
        if week < w1 and (week - w0) % step == 0:
            d.add(
                String(
                    x + week_w / 2,
                    top + 4,
                    str(week + 1),
                    fontName=REGULAR,
                    fontSize=5.8,
                    fillColor=st.WHITE,
                    textAnchor="middle",
                )
            )
    d.add(Line(LABEL_W, top + 14, wx(w1), top + 14, strokeColor=st.WHITE, strokeWidth=0.4))
    for month in _month_starts(start, w1):
        x0 = max(wx((month - start).days / 7), LABEL_W)
        nxt = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        x1 = min(wx((nxt - start).days / 7), wx(w1))
        if x1 - x0 < 14:
            continue
        if x0 > LABEL_W:
            d.add(Line(x0, top + 14, x0, height, strokeColor=st.WHITE, strokeWidth=0.6))
        label = month.strftime("%b %Y") if x1 - x0 > 40 else month.strftime("%b")
        d.add(
            String((x0 + x1) / 2, top + 19, label, fontName=BOLD, fontSize=7, fillColor=st.WHITE, textAnchor="middle")
        )


def _milestone(d: Vector, x: float, y: float, top: float, r: float) -> None:
    d.add(Line(x, 4, x, top, strokeColor=st.RED, strokeWidth=0.6, strokeDashArray=[2, 2]))
    d.add(
        Polygon(
            [x, y + r + 1, x + r + 1, y, x, y - r - 1, x - r - 1, y],
            fillColor=st.RED,
            strokeColor=st.WHITE,
            strokeWidth=0.6,
        )
    )
    d.add(String(x + r + 3, y - 2.5, "go-live", fontName=BOLD, fontSize=5.8, fillColor=st.RED))


def _dependencies(d: Vector, plan: Plan, row_y: dict[str, float], wx, w0: int, w1: int) -> None:
    """Elbow arrows from each predecessor's end to its successor's start (both on this page).
    A successor that starts before its predecessor ends shows as an arrow running backwards."""
    for item in plan.roadmap:
        for dep_id in item.depends_on:
            dep = plan.item(dep_id)
            if dep is None or dep.id not in row_y or item.id not in row_y:
                continue
            if not (w0 <= dep.end_week <= w1 and w0 <= item.start_week <= w1):
                continue
            x1, y1 = wx(dep.end_week), row_y[dep.id]
            x2, y2 = wx(item.start_week), row_y[item.id]
            down = y2 < y1
            edge = y2 + (BAR_H / 2 if down else -BAR_H / 2)
            base = edge + (3 if down else -3)
            if x2 >= x1:
                xm = max(x1, x2) + 3
                pts, colour = [x1, y1, xm, y1, xm, base], st.MUTED
            else:
                xm, ym = x2 + 3, (y1 + y2) / 2
                pts, colour = [x1, y1, x1 + 3, y1, x1 + 3, ym, xm, ym, xm, base], st.RED
            d.add(PolyLine(pts, strokeColor=colour, strokeWidth=0.6))
            d.add(Polygon([xm, edge, xm - 2, base, xm + 2, base], fillColor=colour, strokeColor=None))


def legend(width: float, with_critical: bool) -> Vector:
    d = drawing(width, 26)
    x, y = 0.0, 15.0
    for kind in ItemKind:
        d.add(Rect(x, y, 12, 7, rx=1.5, ry=1.5, fillColor=st.KIND_COLOURS[kind], strokeColor=None))
        d.add(String(x + 15, y + 1, kind.label, fontName=REGULAR, fontSize=6.5, fillColor=st.INK))
        x += 22 + len(kind.label) * 3.6
    x, y = 0.0, 2.0
    if with_critical:
        d.add(Rect(x, y, 12, 7, rx=1.5, ry=1.5, fillColor=st.PALE, strokeColor=st.INK, strokeWidth=1.6))
        d.add(String(x + 15, y + 1, "Critical path", fontName=REGULAR, fontSize=6.5, fillColor=st.INK))
        x += 75
    d.add(Polygon([x + 5, y + 8, x + 10, y + 3.5, x + 5, y - 1, x, y + 3.5], fillColor=st.RED, strokeColor=None))
    d.add(String(x + 14, y + 1, "Go-live of a deployment", fontName=REGULAR, fontSize=6.5, fillColor=st.INK))
    x += 105
    d.add(Line(x, y + 3.5, x + 14, y + 3.5, strokeColor=st.MUTED, strokeWidth=0.6))
    d.add(String(x + 18, y + 1, "Depends on", fontName=REGULAR, fontSize=6.5, fillColor=st.INK))
    x += 62
    d.add(Line(x, y + 3.5, x + 14, y + 3.5, strokeColor=st.RED, strokeWidth=0.6))
    d.add(
        String(
            x + 18,
            y + 1,
            "Starts before what it depends on has finished",
            fontName=REGULAR,
            fontSize=6.5,
            fillColor=st.INK,
        )
    )
    x += 170
    d.add(
        String(
            x,
            y + 1,
            "✓ done   ! at risk   Weeks numbered from 1 at the plan's start date",
            fontName=REGULAR,
            fontSize=6.5,
            fillColor=st.MUTED,
        )
    )
    return d
