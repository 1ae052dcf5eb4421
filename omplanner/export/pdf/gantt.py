"""The roadmap as a Gantt chart for landscape pages.

Lanes by operating-model component, bars coloured by kind of work, elbow arrows for
dependencies, the critical path outlined, deployments marked as go-live milestones, a month band
over a week axis. A roadmap with more rows than a page holds continues on the next page (the
axis repeats); one longer than a page is wide continues in week windows, so bars never get
thinner than a legible minimum.
"""

from __future__ import annotations

from datetime import date, timedelta

from reportlab.pdfbase.pdfmetrics import stringWidth

from ...figures import go_live_offset
from ...model import ITEM_COMPONENT, Component, ItemKind, ItemStatus, Plan, RoadmapItem
from . import styles as st
from .fonts import BOLD, REGULAR
from .textfit import clip
from .vector import Line, Polygon, PolyLine, Rect, String, Vector, drawing

LABEL_W = 200.0
ROW_H = 15.5
COMPACT_ROW_H = 12.5
"""Rows are this tall when that keeps the whole roadmap on one chart (a chart split in two is
harder to read than rows three points closer)."""
BAR_H = 9.0
GUTTER = 34.0
"""Room right of the axis for the last go-live's label: the axis itself ends at the last item."""
GO_LIVE = "go-live"
GO_LIVE_SIZE = 5.8
DIAMOND = 5.0
"""Half the go-live diamond's height."""
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


def _rows(items: list[RoadmapItem]) -> list[tuple[str, object]]:
    """The chart's rows in order: ('lane', component) headers and ('item', item) bars."""
    rows: list[tuple[str, object]] = []
    for comp, members in _lanes(items):
        rows.append(("lane", comp))
        rows += [("item", i) for i in members]
    return rows


def _month_starts(start: date, weeks: int):
    first = date(start.year, start.month, 1)
    end = start + timedelta(weeks=weeks)
    while first <= end:
        yield first
        first = date(first.year + first.month // 12, first.month % 12 + 1, 1)


def gantt_pages(
    plan: Plan, width: float, height: float, critical: set[str] | None = None, first_height: float | None = None
) -> list[Vector]:
    """Drawings of at most ``width`` x ``height``, in reading order; the first at most
    ``first_height`` tall when given (it shares its page with the chapter's opening)."""
    if not plan.roadmap:
        return []
    critical = critical or set()
    total_weeks = max(i.end_week for i in plan.roadmap)  # the axis ends with the last item's last week
    chart_w = width - LABEL_W - GUTTER
    per_window = max(4, int(chart_w // MIN_WEEK_W))
    if total_weeks * MIN_WEEK_W * 0.9 <= chart_w:
        per_window = total_weeks  # a little narrower rather than a second chart of a few weeks
    count = -(-total_weeks // per_window)
    per_window = -(-total_weeks // count)  # windows of equal length: no short last one
    windows = [(w, min(total_weeks, w + per_window)) for w in range(0, total_weeks, per_window)]
    # Years with no work in them are left out: an item fifteen years on is one more chart, not
    # a dozen empty ones.
    windows = [(w0, w1) for w0, w1 in windows if any(i.start_week < w1 and i.end_week >= w0 for i in plan.roadmap)]
    pages = []
    for first_week, last_week in windows:
        # A stretch of weeks shows the work in it: a long roadmap's later years are not pages
        # of empty rows for the work that ended before them.
        items = plan.roadmap
        if len(windows) > 1:
            items = [i for i in items if i.start_week < last_week and i.end_week > first_week]
        rows = _rows(items)
        first = first_height if first_height is not None and not pages else None
        # Rows three points closer where that makes fewer charts: a chart split is harder to
        # read than rows a little tighter.
        row_h, charts = ROW_H, _charts(rows, ROW_H, height, first)
        tighter = _charts(rows, COMPACT_ROW_H, height, first)
        if len(tighter) < len(charts):
            row_h, charts = COMPACT_ROW_H, tighter
        for chunk in charts:
            pages.append(_page(plan, chunk, first_week, last_week, width, critical, row_h))
    return pages


def _charts(rows: list, row_h: float, height: float, first_height: float | None) -> list[list]:
    """Rows cut into charts of ``row_h`` rows: the first at most ``first_height`` tall when
    given, the others ``height``, all but the first the same size (no thin last one)."""
    most = max(3, int((height - AXIS_H - 6) // row_h))
    charts = []
    if first_height is not None:
        fit = max(3, int((first_height - AXIS_H - 6) // row_h))
        if fit < len(rows):
            charts.append(_chunks(rows, fit, fit)[0])
            rows = rows[len(charts[0]) :]
        else:
            most = fit
    count = -(-len(rows) // most)
    per_page = -(-len(rows) // max(1, count))
    return charts + _chunks(rows, per_page, most)


def _chunks(rows: list, per_page: int, most: int) -> list[list]:
    """Rows cut into charts of about ``per_page`` rows (never more than ``most``), none ending
    with a lane's heading: a heading goes to the chart its items are on."""
    chunks, k = [], 0
    while k < len(rows):
        end = min(len(rows), k + per_page)
        while end < len(rows) and end - k > 1 and rows[end - 1][0] == "lane":
            end -= 1
        if end < len(rows) and rows[end][0] == "item" and end - k < most and end + 1 == len(rows):
            end += 1  # one item alone on a last chart: keep it with the rest
        chunks.append(rows[k:end])
        k = end
    return chunks


def _page(plan, rows, w0: int, w1: int, width: float, critical: set[str], row_h: float = ROW_H) -> Vector:
    n = w1 - w0
    week_w = (width - LABEL_W - GUTTER) / n
    height = AXIS_H + len(rows) * row_h + 4
    d = drawing(width, height)
    top = height - AXIS_H

    def wx(week: float) -> float:
        return LABEL_W + (week - w0) * week_w

    _axis(d, plan.details.start_date, w0, w1, wx, top, height)
    row_y: dict[str, float] = {}
    lives: list[tuple[float, float]] = []
    for k, (kind, value) in enumerate(rows):
        y = top - (k + 1) * row_h
        text_y = y + (row_h - 7) / 2 + 1.2
        if kind == "lane":
            d.add(Rect(0, y, width, row_h, fillColor=st.PALE, strokeColor=None))
            d.add(Rect(0, y, 3, row_h, fillColor=st.COMPONENT_COLOURS[value], strokeColor=None))
            d.add(String(8, text_y, LANE_NAMES[value], fontName=BOLD, fontSize=7.5, fillColor=st.NAVY))
            continue
        item: RoadmapItem = value
        row_y[item.id] = y + row_h / 2
        d.add(Line(0, y, width, y, strokeColor=st.RULE, strokeWidth=0.3))
        label = clip(item.title, REGULAR, 7, LABEL_W - 22)
        d.add(String(12, text_y, label, fontName=REGULAR, fontSize=7, fillColor=st.INK))
        mark = STATUS_MARKS.get(item.status)
        if mark is not None:
            glyph, size = mark
            d.add(
                String(
                    LABEL_W - 8,
                    text_y,
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
                    y + (row_h - BAR_H) / 2,
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
            lives.append((wx(edge), y + row_h / 2))
    labels = [_label_box(x, y) for x, y in lives]
    for x, y in lives:
        _milestone(d, x, y, top, labels)
    _dependencies(d, plan, row_y, wx, w0, w1, row_h, labels)
    return d


Box = tuple[float, float, float, float]
"""x0, y0, x1, y1 of a text in chart coordinates."""


def _label_box(x: float, y: float) -> Box:
    """Where a go-live's word sits: right of its diamond, on the row's middle."""
    x0 = x + DIAMOND + 3
    return (x0 - 1, y - 4, x0 + stringWidth(GO_LIVE, BOLD, GO_LIVE_SIZE) + 1, y + 5)


def _milestone(d: Vector, x: float, y: float, top: float, labels: list[Box]) -> None:
    # The dashed line down the chart breaks where another go-live's word sits.
    y_top = top
    for x0, y0, x1, y1 in sorted(labels, key=lambda b: -b[3]):
        if x0 <= x <= x1 and y0 < y_top:
            if y1 < y_top:
                d.add(Line(x, y1, x, y_top, strokeColor=st.RED, strokeWidth=0.6, strokeDashArray=[2, 2]))
            y_top = y0
    if y_top > 4:
        d.add(Line(x, 4, x, y_top, strokeColor=st.RED, strokeWidth=0.6, strokeDashArray=[2, 2]))
    r = DIAMOND - 1
    d.add(
        Polygon(
            [x, y + r + 1, x + r + 1, y, x, y - r - 1, x - r - 1, y],
            fillColor=st.RED,
            strokeColor=st.WHITE,
            strokeWidth=0.6,
        )
    )
    d.add(String(x + DIAMOND + 3, y - 2.5, GO_LIVE, fontName=BOLD, fontSize=GO_LIVE_SIZE, fillColor=st.RED))


def _crosses(x: float, ya: float, yb: float, labels: list[Box]) -> bool:
    low, high = min(ya, yb), max(ya, yb)
    return any(x0 <= x <= x1 and y0 < high and low < y1 for x0, y0, x1, y1 in labels)


def _clear_x(candidates, ya: float, yb: float, labels: list[Box]) -> float:
    """The first x of ``candidates`` where a vertical run from ``ya`` to ``yb`` meets no label."""
    candidates = list(candidates)
    return next((x for x in candidates if not _crosses(x, ya, yb, labels)), candidates[0])


def _dependencies(d: Vector, plan: Plan, row_y: dict[str, float], wx, w0: int, w1: int, row_h: float, labels) -> None:
    """Elbow arrows from each predecessor's end to its successor's start (both on this page).

    A successor that starts before its predecessor ends shows as a red arrow running backwards.
    Every run avoids the go-live words: a backward arrow, and any arrow from a go-live diamond
    (from its tip, under or over its word), runs along the line between two rows, where no word
    sits; a vertical run is moved sideways along its successor's bar past a word in its way.
    """
    for item in plan.roadmap:
        for dep_id in item.depends_on:
            dep = plan.item(dep_id)
            if dep is None or dep.id not in row_y or item.id not in row_y:
                continue
            if not (w0 <= dep.end_week <= w1 and w0 <= item.start_week <= w1):
                continue
            x1, y1 = wx(dep.end_week), row_y[dep.id]
            x2, y2 = wx(item.start_week), row_y[item.id]
            sign = -1 if y2 < y1 else 1  # -1: the successor's row is below
            edge = y2 - sign * BAR_H / 2
            base = edge - sign * 3
            bar_end = wx(min(item.end_week, w1))
            own_line = y1 + sign * row_h / 2  # the line between rows on the successor's side
            labelled = any(_beside(b, x1, y1) for b in labels)
            colour = st.MUTED if x2 >= x1 else st.RED
            if x2 >= x1 and not labelled:
                xm = _clear_x(_span(x2 + 3, bar_end - 2), y1, base, labels)
                pts = [x1, y1, xm, y1, xm, base]
            else:
                xm = _clear_x(_span(x2 + 3, bar_end - 2), own_line, base, labels)
                leave = [x1, y1 + sign * DIAMOND, x1, own_line] if labelled else [x1, y1, x1 + 3, y1, x1 + 3, own_line]
                pts = [*leave, xm, own_line, xm, base]
            d.add(PolyLine(pts, strokeColor=colour, strokeWidth=0.6))
            d.add(Polygon([xm, edge, xm - 2, base, xm + 2, base], fillColor=colour, strokeColor=None))


def _beside(box: Box, x: float, y: float) -> bool:
    """Whether ``box`` is the go-live word of a diamond at ``x``, ``y``."""
    return abs(box[0] + 1 - (x + DIAMOND + 3)) < 0.5 and box[1] <= y <= box[3]


def _span(first: float, last: float, step: float = 2.0):
    x = first
    yield x
    while x + step <= last:
        x += step
        yield x


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
