"""Process maps as reportlab vector drawings: lanes, steps by kind, flows, AI badges, exceptions.

The canvas stores free x/y positions; on paper we keep the user's left-to-right order but snap
steps to columns of fixed width, so every label keeps a legible size. A map wider than the page
is never shrunk below that size: it is split into parts by column ranges, and a flow that
crosses the cut ends in a lettered connector that the next part picks up.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import AiIntervention, Plan, ProcessMap, RoleKind, Step, StepKind
from . import styles as st
from .fonts import BOLD, REGULAR
from .textfit import clip, fit
from .vector import Circle, Line, Polygon, PolyLine, Rect, String, Vector, drawing

BOX_W, BOX_H = 84.0, 40.0
GAP = 22.0
PITCH = BOX_W + GAP
ROW_H = 60.0
LANE_W = 78.0
PAD = 8.0
COLUMN_TOLERANCE = 45.0
MIN_SCALE = 0.86


@dataclass
class Placed:
    step: Step
    col: int
    row: int  # global row index from the top

    @property
    def x(self) -> float:
        return self.col * PITCH

    @property
    def y(self) -> float:  # top edge, measured downwards from the top of the lanes
        return self.row * ROW_H + (ROW_H - BOX_H) / 2

    @property
    def cy(self) -> float:
        return self.y + BOX_H / 2


@dataclass
class Layout:
    lanes: list[tuple[str, int, int]]  # (lane role id, first row, row count)
    placed: dict[str, Placed]
    columns: int
    rows: int


def layout(pmap: ProcessMap) -> Layout:
    lane_ids = list(pmap.lanes) + [s.lane for s in pmap.steps if s.lane not in pmap.lanes]
    lane_ids = list(dict.fromkeys(lane_ids))
    # Columns: the user's x order, with near-equal x values treated as one column.
    col_of: dict[str, int] = {}
    col, last_x = -1, None
    for step in sorted(pmap.steps, key=lambda s: (s.x, s.y)):
        if last_x is None or step.x - last_x > COLUMN_TOLERANCE:
            col += 1
            last_x = step.x
        col_of[step.id] = col
    # Two steps in one lane and one column get a row each inside the lane.
    cells: dict[tuple[str, int], list[Step]] = {}
    for step in sorted(pmap.steps, key=lambda s: s.y):
        cells.setdefault((step.lane, col_of[step.id]), []).append(step)
    lanes, placed, row = [], {}, 0
    for lane in lane_ids:
        depth = max([len(v) for (ln, _), v in cells.items() if ln == lane] or [1])
        lanes.append((lane, row, depth))
        for (ln, c), steps in cells.items():
            if ln == lane:
                for k, step in enumerate(steps):
                    placed[step.id] = Placed(step, c, row + k)
        row += depth
    return Layout(lanes, placed, col + 1, row)


# --- routing -------------------------------------------------------------------------------


def _hits(lay: Layout, points: list[tuple[float, float]], ends: set[str]) -> bool:
    """Whether an orthogonal path runs through a box other than its own two ends."""
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        lo_x, hi_x, lo_y, hi_y = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
        for pid, p in lay.placed.items():
            if pid in ends:
                continue
            if lo_x < p.x + BOX_W and hi_x > p.x and lo_y < p.y + BOX_H and hi_y > p.y:
                return True
    return False


def _route(lay: Layout, a: Placed, b: Placed) -> list[tuple[float, float]]:
    ends = {a.step.id, b.step.id}
    if b.col > a.col:
        sx, tx = a.x + BOX_W, b.x
        options = [
            [(sx, a.cy), (tx - GAP / 2, a.cy), (tx - GAP / 2, b.cy), (tx, b.cy)],
            [(sx, a.cy), (sx + GAP / 2, a.cy), (sx + GAP / 2, b.cy), (tx, b.cy)],
        ]
        channel = (a.row + 1) * ROW_H if b.row >= a.row else a.row * ROW_H
        options.append(
            [
                (sx, a.cy),
                (sx + GAP / 2, a.cy),
                (sx + GAP / 2, channel),
                (tx - GAP / 2, channel),
                (tx - GAP / 2, b.cy),
                (tx, b.cy),
            ]
        )
    elif b.col == a.col:
        cx = a.x + BOX_W / 2
        if b.row > a.row:
            options = [[(cx, a.y + BOX_H), (cx, b.y)]]
        else:
            options = [[(cx, a.y), (cx, b.y + BOX_H)]]
        side = a.x + BOX_W + GAP / 2
        options.append([(a.x + BOX_W, a.cy), (side, a.cy), (side, b.cy), (a.x + BOX_W, b.cy)])
    else:  # a loop back to an earlier column: under the source row, then up into the target
        channel = (max(a.row, b.row) + 1) * ROW_H - 4
        sx, tx = a.x + BOX_W / 2, b.x + BOX_W / 2
        options = [[(sx, a.y + BOX_H), (sx, channel), (tx, channel), (tx, b.y + BOX_H)]]
    for path in options:
        if not _hits(lay, path, ends):
            return path
    return options[-1]


def _exception_route(lay: Layout, a: Placed, b: Placed) -> list[tuple[float, float]]:
    """Exception routes leave from the bottom (or top) of the AI step, never its right side,
    so they read apart from the normal flow even where they share a corridor."""
    sx = a.x + BOX_W / 2 + 12
    tx = b.x + BOX_W / 2 + 12
    if b.row == a.row:
        channel = (a.row + 1) * ROW_H - 5
        return [(sx, a.y + BOX_H), (sx, channel), (tx, channel), (tx, b.y + BOX_H)]
    down = b.row > a.row
    start_y = a.y + BOX_H if down else a.y
    end_y = b.y if down else b.y + BOX_H
    if a.col == b.col:
        return [(sx, start_y), (sx, end_y)]
    channel = (a.row + 1) * ROW_H if down else a.row * ROW_H
    channel += -3 if down else 3
    return [(sx, start_y), (sx, channel), (tx, channel), (tx, end_y)]


# --- drawing -------------------------------------------------------------------------------


@dataclass
class Part:
    drawing: Vector
    first_col: int
    last_col: int


class _Canvas:
    """Draws in map coordinates (x right, y down from the lane top) into a vector flowable."""

    def __init__(self, drawing: Vector, x0: float, top: float):
        self.d, self.x0, self.top = drawing, x0, top

    def X(self, x: float) -> float:
        return LANE_W + PAD + x - self.x0

    def Y(self, y: float) -> float:
        return self.top - y


def _arrowhead(c: _Canvas, p1, p2, colour, size=4.2) -> None:
    (x1, y1), (x2, y2) = p1, p2
    dx, dy = x2 - x1, y2 - y1
    length = max((dx * dx + dy * dy) ** 0.5, 0.001)
    ux, uy = dx / length, dy / length
    bx, by = x2 - ux * size, y2 - uy * size
    pts = [x2, y2, bx - uy * size * 0.55, by + ux * size * 0.55, bx + uy * size * 0.55, by - ux * size * 0.55]
    c.d.add(Polygon(pts, fillColor=colour, strokeColor=colour, strokeWidth=0.3))


def _clip(points, lo: float, hi: float):
    """Pieces of an orthogonal polyline inside [lo, hi] in x, with where each piece was cut."""
    pieces, current = [], []
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        if y1 != y2 or (lo <= x1 <= hi and lo <= x2 <= hi):  # vertical or fully inside
            inside = lo <= x1 <= hi
            if inside:
                current = current or [(x1, y1)]
                current.append((x2, y2))
            continue
        a, b = max(min(x1, hi), lo), max(min(x2, hi), lo)
        if a == b:
            if current:
                pieces.append(current)
                current = []
            continue
        if not current:
            current = [(a, y1)]
        current.append((b, y2))
        if b != x2:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return pieces


def _step_box(c: _Canvas, p: Placed) -> None:
    s = p.step
    x, y = c.X(p.x), c.Y(p.y) - BOX_H
    fill = st.STEP_FILL.get(s.kind, st.WHITE)
    stroke, width = (st.AI_COLOURS[s.ai], 1.6) if s.is_ai else (st.NAVY, 0.8)
    inset = 0.0
    if s.kind in (StepKind.START, StepKind.END):
        c.d.add(
            Rect(x, y, BOX_W, BOX_H, rx=BOX_H / 2, ry=BOX_H / 2, fillColor=fill, strokeColor=stroke, strokeWidth=width)
        )
        inset = 10
    elif s.kind is StepKind.DECISION:
        k = 9
        pts = [
            x,
            y + BOX_H / 2,
            x + k,
            y + BOX_H,
            x + BOX_W - k,
            y + BOX_H,
            x + BOX_W,
            y + BOX_H / 2,
            x + BOX_W - k,
            y,
            x + k,
            y,
        ]
        c.d.add(Polygon(pts, fillColor=fill, strokeColor=stroke, strokeWidth=width))
        inset = 9
    elif s.kind is StepKind.HANDOFF:
        k = 9
        pts = [x, y, x + BOX_W - k, y, x + BOX_W, y + BOX_H / 2, x + BOX_W - k, y + BOX_H, x, y + BOX_H]
        c.d.add(Polygon(pts, fillColor=fill, strokeColor=stroke, strokeWidth=width))
        inset = 5
    else:
        c.d.add(Rect(x, y, BOX_W, BOX_H, rx=3, ry=3, fillColor=fill, strokeColor=stroke, strokeWidth=width))
    lines, size = fit(s.name or s.kind.label, REGULAR, BOX_W - 2 * inset - 6, (7.0, 6.4), 3)
    leading = size + 1.3
    text_top = y + BOX_H / 2 + (len(lines) * leading) / 2 - size + 1.2
    if s.minutes:
        text_top += 2.5
    for i, line in enumerate(lines):
        c.d.add(
            String(
                x + BOX_W / 2,
                text_top - i * leading,
                line,
                fontName=REGULAR,
                fontSize=size,
                fillColor=st.INK,
                textAnchor="middle",
            )
        )
    if s.minutes:
        c.d.add(
            String(
                x + BOX_W / 2,
                y + 3,
                f"{s.minutes:g} min",
                fontName=REGULAR,
                fontSize=5.2,
                fillColor=st.MUTED,
                textAnchor="middle",
            )
        )
    if s.is_ai:
        _badge(c.d, x + BOX_W - 21, y + BOX_H - 5, s.ai)


def _badge(d: Vector, x: float, y: float, ai: AiIntervention) -> None:
    colour = st.AI_COLOURS[ai]
    d.add(Rect(x, y, 24, 10, rx=5, ry=5, fillColor=colour, strokeColor=st.WHITE, strokeWidth=0.8))
    d.add(
        String(x + 12, y + 2.6, st.AI_BADGES[ai], fontName=BOLD, fontSize=5.6, fillColor=st.WHITE, textAnchor="middle")
    )


def _connector(c: _Canvas, x: float, y: float, letter: str, colour) -> None:
    c.d.add(Circle(x, y, 5.2, fillColor=st.WHITE, strokeColor=colour, strokeWidth=0.9))
    c.d.add(String(x, y - 2.1, letter, fontName=BOLD, fontSize=6, fillColor=colour, textAnchor="middle"))


def _draw_path(c: _Canvas, points, lo, hi, colour, dashed: bool, letter: str, label: str) -> None:
    pieces = _clip(points, lo, hi)
    end = points[-1]
    for piece in pieces:
        pts = [(c.X(x), c.Y(y)) for x, y in piece]
        flat = [v for pt in pts for v in pt]
        c.d.add(
            PolyLine(
                flat, strokeColor=colour, strokeWidth=1.1 if dashed else 0.9, strokeDashArray=[3, 2] if dashed else None
            )
        )
        if piece[-1] == end:
            _arrowhead(c, pts[-2], pts[-1], colour)
        for point in (piece[0], piece[-1]):
            if point[0] in (lo, hi) and point not in (points[0], end):
                _connector(c, c.X(point[0]), c.Y(point[1]), letter, colour)
        if label and piece[0] == points[0]:
            _label(c, pts, label, colour if dashed else st.MUTED, dashed)


def _label(c: _Canvas, pts, label: str, colour, dashed: bool) -> None:
    """Put a flow's label where it touches no line or box."""
    size = 5.8
    text = clip(label, REGULAR, size, GAP + 40)
    (x1, y1), (x2, y2) = pts[0], pts[1]
    anchor = "start"
    horizontal = [(a, b) for a, b in zip(pts, pts[1:]) if a[1] == b[1]]
    if dashed and horizontal:
        # Exception routes: on their run between the rows, on the side they travel to.
        a, b = max(horizontal, key=lambda seg: abs(seg[1][0] - seg[0][0]))
        lx, anchor = (a[0] + b[0]) / 2, "middle"
        ly = a[1] - 6.8 if pts[-1][1] < pts[0][1] else a[1] + 1.8
    elif len(pts) == 2 and y1 == y2:
        lx, ly, anchor = x2 - 5, y1 + 2.5, "end"  # a straight run: just before the arrowhead
    else:
        if y1 == y2 and len(pts) > 2:
            (x1, y1), (x2, y2) = pts[1], pts[2]
        lx, ly = x1 + 2.5, y1 + (-8 if y2 < y1 else 3)
        if len(pts) > 2 and pts[-1][0] > x1 + 1 and pts[2][0] > x1 + 1:
            lx, anchor = x1 - 2.5, "end"
    c.d.add(String(lx, ly, text, fontName=REGULAR, fontSize=size, fillColor=colour, textAnchor=anchor))


def _lanes(c: _Canvas, plan: Plan, lay: Layout, width: float) -> None:
    for i, (lane, first, depth) in enumerate(lay.lanes):
        y_top, h = c.Y(first * ROW_H), depth * ROW_H
        band = st.PALE if i % 2 == 0 else st.WHITE
        c.d.add(Rect(0, y_top - h, width, h, fillColor=band, strokeColor=None))
        c.d.add(Rect(0, y_top - h, LANE_W, h, fillColor=st.colors.HexColor("#E6EBF1"), strokeColor=None))
        c.d.add(Line(0, y_top - h, width, y_top - h, strokeColor=st.RULE, strokeWidth=0.6))
        role = plan.role(lane)
        name = role.name if role else lane
        lines, size = fit(name, BOLD, LANE_W - 10, (7.2, 6.5), 3)
        mid = y_top - h / 2 + (len(lines) - 1) * (size + 1.5) / 2 - size / 2 + 2
        for k, line in enumerate(lines):
            c.d.add(String(6, mid - k * (size + 1.5), line, fontName=BOLD, fontSize=size, fillColor=st.NAVY))
        if role is not None and role.kind is not RoleKind.HUMAN:
            c.d.add(
                String(
                    6,
                    mid - len(lines) * (size + 1.5),
                    role.kind.label,
                    fontName=REGULAR,
                    fontSize=5.8,
                    fillColor=st.MUTED,
                )
            )
    c.d.add(Line(0, c.Y(0), width, c.Y(0), strokeColor=st.RULE, strokeWidth=0.6))


def map_parts(plan: Plan, pmap: ProcessMap, avail_width: float) -> list[Part]:
    """The map as one or more drawings, each at most ``avail_width`` wide, split by columns."""
    lay = layout(pmap)
    if not lay.placed:
        return []
    # Up to MIN_SCALE we shrink rather than split: a map in one piece reads better.
    per_part = max(1, int((avail_width / MIN_SCALE - LANE_W - 2 * PAD) // PITCH))
    n_parts = -(-lay.columns // per_part)
    per_part = -(-lay.columns // n_parts)  # balance the parts
    # Letters for flows that cross a cut, shared by both parts.
    routes = []
    for flow in pmap.flows:
        a, b = lay.placed.get(flow.source), lay.placed.get(flow.target)
        if a and b:
            routes.append((_route(lay, a, b), st.NAVY, False, flow.label, {a.col, b.col}))
    for p in lay.placed.values():
        target = lay.placed.get(p.step.exception_route or "")
        if target is not None:
            rate = f" {p.step.exception_rate:g} %" if p.step.exception_rate is not None else ""
            routes.append(
                (_exception_route(lay, p, target), st.EXCEPTION, True, f"exception{rate}", {p.col, target.col})
            )
    letters = iter("ABCDEFGHJKLMNPQRSTUVWXYZ" * 4)
    lettered = []
    for route in routes:
        cols = route[4]
        crosses = len({c // per_part for c in cols}) > 1
        lettered.append((*route[:4], next(letters) if crosses else ""))
    height = lay.rows * ROW_H + 2
    parts = []
    for k in range(n_parts):
        first, last = k * per_part, min(lay.columns, (k + 1) * per_part) - 1
        lo, hi = first * PITCH - GAP / 2, (last + 1) * PITCH - GAP / 2
        width = LANE_W + 2 * PAD + (hi - lo)
        d = drawing(width, height)
        c = _Canvas(d, lo, height - 1)
        _lanes(c, plan, lay, width)
        for points, colour, dashed, label, letter in lettered:
            _draw_path(c, points, lo, hi, colour, dashed, letter, label)
        for p in lay.placed.values():
            if first <= p.col <= last:
                _step_box(c, p)
        scale = min(1.0, avail_width / width)
        if scale < 1.0:
            d.scale(scale, scale)
            d.width, d.height = width * scale, height * scale
        parts.append(Part(d, first, last))
    return parts


def legend(width: float) -> Vector:
    """One line explaining the shapes, badges and line styles used in the maps."""
    d = drawing(width, 20)
    x, y = 0.0, 5.0
    for kind in (StepKind.TASK, StepKind.DECISION, StepKind.HANDOFF):
        d.add(Rect(x, y, 14, 9, rx=2, ry=2, fillColor=st.STEP_FILL[kind], strokeColor=st.NAVY, strokeWidth=0.6))
        d.add(String(x + 17, y + 2, kind.label, fontName=REGULAR, fontSize=6.5, fillColor=st.INK))
        x += 60
    for ai in (AiIntervention.AUTOMATE, AiIntervention.SURFACE, AiIntervention.ROUTE_EXCEPTIONS):
        _badge(d, x, y, ai)
        d.add(String(x + 27, y + 2, ai.label, fontName=REGULAR, fontSize=6.5, fillColor=st.INK))
        x += 118
    d.add(Line(x, y + 4.5, x + 20, y + 4.5, strokeColor=st.EXCEPTION, strokeWidth=1.1, strokeDashArray=[3, 2]))
    d.add(String(x + 24, y + 2, "Exception route", fontName=REGULAR, fontSize=6.5, fillColor=st.INK))
    x += 80
    d.add(Circle(x + 5, y + 4.5, 5, fillColor=st.WHITE, strokeColor=st.NAVY, strokeWidth=0.8))
    d.add(String(x + 5, y + 2.3, "A", fontName=BOLD, fontSize=6, fillColor=st.NAVY, textAnchor="middle"))
    d.add(String(x + 14, y + 2, "Continues in the next part", fontName=REGULAR, fontSize=6.5, fillColor=st.INK))
    return d
