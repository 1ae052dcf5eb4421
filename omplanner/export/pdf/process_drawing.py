"""Process maps as vector drawings: lanes, steps by kind, flows, AI badges, exception routes.

A map larger than the page is never shrunk below a legible size (up to ``MIN_SCALE`` at most):
it is split into parts, by column ranges when too wide and by lane bands when too tall, and a
flow that crosses a cut ends in a lettered connector that the other part picks up.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import AiIntervention, Plan, ProcessMap, StepKind
from ...vocabulary import exception_words
from . import styles as st
from .fonts import BOLD, REGULAR
from .map_layout import (
    BOX_H,
    BOX_W,
    GAP,
    PITCH,
    ROW_H,
    Layout,
    Placed,
    exception_route,
    layout,
    route,
)
from .textfit import clip, fit
from .vector import Circle, Line, Polygon, PolyLine, Rect, String, Vector, drawing

LANE_W = 78.0
PAD = 8.0
MIN_SCALE = 0.86
INF = float("inf")


@dataclass
class Part:
    drawing: Vector
    first_col: int
    last_col: int
    first_lane: str = ""
    last_lane: str = ""


class _Canvas:
    """Draws in map coordinates (x right, y down from the lane top) into a vector flowable."""

    def __init__(self, drawing: Vector, x0: float, y0: float, top: float):
        self.d, self.x0, self.y0, self.top = drawing, x0, y0, top

    def X(self, x: float) -> float:
        return LANE_W + PAD + x - self.x0

    def Y(self, y: float) -> float:
        return self.top - (y - self.y0)


def _arrowhead(c: _Canvas, p1, p2, colour, size=4.2) -> None:
    (x1, y1), (x2, y2) = p1, p2
    dx, dy = x2 - x1, y2 - y1
    length = max((dx * dx + dy * dy) ** 0.5, 0.001)
    ux, uy = dx / length, dy / length
    bx, by = x2 - ux * size, y2 - uy * size
    pts = [x2, y2, bx - uy * size * 0.55, by + ux * size * 0.55, bx + uy * size * 0.55, by - ux * size * 0.55]
    c.d.add(Polygon(pts, fillColor=colour, strokeColor=colour, strokeWidth=0.3))


def _clamp(v: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, v))


def _simplify(points):
    """Drop repeated points and points in the middle of a straight run."""
    out = []
    for point in points:
        if out and point == out[-1]:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (ax == bx == point[0]) or (ay == by == point[1]):
                out[-1] = point
                continue
        out.append(point)
    return out


def _clip(points, box):
    """Pieces of an orthogonal polyline inside ``box`` (x_lo, x_hi, y_lo, y_hi), each with the
    points where it was cut. Lines on a shared edge belong to the part below or to the right."""
    x_lo, x_hi, y_lo, y_hi = box
    points = _simplify(points)
    pieces, current, cuts = [], [], set()
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        seg = None
        if y1 == y2 and y_lo <= y1 < y_hi:
            a, b = _clamp(x1, x_lo, x_hi), _clamp(x2, x_lo, x_hi)
            if a != b:
                seg = ((a, y1), (b, y2))
        elif x1 == x2 and x_lo <= x1 < x_hi:
            a, b = _clamp(y1, y_lo, y_hi), _clamp(y2, y_lo, y_hi)
            if a != b:
                seg = ((x1, a), (x2, b))
        if seg is None:
            if current:
                if current[-1] == (x1, y1):  # the path turned out of the box right on its edge
                    cuts.add(current[-1])
                pieces.append((current, cuts))
                current, cuts = [], set()
            continue
        if current and current[-1] == seg[0]:
            current.append(seg[1])
        else:
            if current:
                pieces.append((current, cuts))
            current, cuts = [seg[0], seg[1]], set()
            if seg[0] != (x1, y1):
                cuts.add(seg[0])
        if seg[1] != (x2, y2):
            cuts.add(seg[1])
            pieces.append((current, cuts))
            current, cuts = [], set()
    if current:
        pieces.append((current, cuts))
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
        String(
            x + 12,
            y + 2.6,
            st.AI_BADGES[ai],
            fontName=BOLD,
            fontSize=5.6,
            fillColor=st.AI_INKS[ai],
            textAnchor="middle",
        )
    )


def _connector(c: _Canvas, x: float, y: float, letter: str, colour) -> None:
    c.d.add(Circle(x, y, 5.2, fillColor=st.WHITE, strokeColor=colour, strokeWidth=0.9))
    size = 6 if len(letter) == 1 else 4.6
    c.d.add(String(x, y - size * 0.35, letter, fontName=BOLD, fontSize=size, fillColor=colour, textAnchor="middle"))


def _draw_path(c: _Canvas, points, box, colour, dashed: bool, letter: str, label: str) -> None:
    end = points[-1]
    for piece, cuts in _clip(points, box):
        pts = [(c.X(x), c.Y(y)) for x, y in piece]
        flat = [v for pt in pts for v in pt]
        c.d.add(
            PolyLine(
                flat,
                strokeColor=colour,
                strokeWidth=1.1 if dashed else 0.9,
                strokeDashArray=[3, 2] if dashed else None,
            )
        )
        if piece[-1] == end:
            _arrowhead(c, pts[-2], pts[-1], colour)
        for point in cuts:
            _connector(c, c.X(point[0]), c.Y(point[1]), letter or "·", colour)
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


def _lanes(c: _Canvas, plan: Plan, lay: Layout, width: float, rows: tuple[int, int]) -> None:
    for i, (lane, first, depth) in enumerate(lay.lanes):
        top_row, bottom_row = max(first, rows[0]), min(first + depth, rows[1])
        if top_row >= bottom_row:
            continue
        y_top, h = c.Y(top_row * ROW_H), (bottom_row - top_row) * ROW_H
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
        if role is not None and not role.is_people:
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
    top = c.Y(rows[0] * ROW_H)
    c.d.add(Line(0, top, width, top, strokeColor=st.RULE, strokeWidth=0.6))


def _bands(lay: Layout, avail_height: float) -> list[tuple[int, int]]:
    """Row ranges that fit the page height, cut between lanes where possible."""
    if avail_height == INF:
        return [(0, lay.rows)]
    most = max(1, int((avail_height - 2) // ROW_H))
    bands, start = [], 0
    for _, first, depth in lay.lanes:
        end = first + depth
        if end - start > most and first > start:
            bands.append((start, first))
            start = first
        while end - start > most:  # one lane deeper than a page
            bands.append((start, start + most))
            start += most
    bands.append((start, lay.rows))
    return bands


def _lane_at(lay: Layout, row: int) -> str:
    return next((lane for lane, first, depth in lay.lanes if first <= row < first + depth), "")


def map_parts(plan: Plan, pmap: ProcessMap, avail_width: float, avail_height: float = INF) -> list[Part]:
    """The map as drawings of at most ``avail_width`` x ``avail_height``, in reading order."""
    lay = layout(pmap)
    if not lay.placed:
        return []
    # Up to MIN_SCALE we shrink rather than split: a map in one piece reads better.
    per_part = max(1, int((avail_width / MIN_SCALE - LANE_W - 2 * PAD) // PITCH))
    n_chunks = -(-lay.columns // per_part)
    per_part = -(-lay.columns // n_chunks)  # balance the parts
    bands = _bands(lay, avail_height)

    def where(p: Placed) -> tuple[int, int]:
        band = next(k for k, (r0, r1) in enumerate(bands) if r0 <= p.row < r1)
        return p.col // per_part, band

    routes = []
    for flow in pmap.flows:
        a, b = lay.placed.get(flow.source), lay.placed.get(flow.target)
        if a and b:
            routes.append((route(lay, a, b), st.NAVY, False, flow.label, where(a) != where(b)))
    for p in lay.placed.values():
        target = lay.placed.get(p.step.exception_route or "")
        if target is not None:
            words = exception_words(p.step.confidence_threshold, p.step.exception_rate)
            routes.append((exception_route(lay, p, target), st.EXCEPTION, True, words, where(p) != where(target)))
    letters = _letters()
    lettered = [(*r[:4], next(letters) if r[4] else "", _bounds(r[0])) for r in routes]
    parts = []
    for k in range(n_chunks):
        first, last = k * per_part, min(lay.columns, (k + 1) * per_part) - 1
        x_lo, x_hi = first * PITCH - GAP / 2, (last + 1) * PITCH - GAP / 2
        for b, (r0, r1) in enumerate(bands):
            width = LANE_W + 2 * PAD + (x_hi - x_lo)
            height = (r1 - r0) * ROW_H + 2
            d = drawing(width, height)
            c = _Canvas(d, x_lo, r0 * ROW_H, height - 1)
            _lanes(c, plan, lay, width, (r0, r1))
            box = (
                x_lo if k else -INF,
                x_hi if k < n_chunks - 1 else INF,
                r0 * ROW_H if b else -INF,
                r1 * ROW_H if b < len(bands) - 1 else INF,
            )
            for points, colour, dashed, label, letter, (px_lo, px_hi, py_lo, py_hi) in lettered:
                # A route wholly outside this part has no piece in it (see _clip); skip it.
                if px_hi < box[0] or px_lo >= box[1] or py_hi < box[2] or py_lo >= box[3]:
                    continue
                _draw_path(c, points, box, colour, dashed, letter, label)
            for p in lay.placed.values():
                if first <= p.col <= last and r0 <= p.row < r1:
                    _step_box(c, p)
            scale = min(1.0, avail_width / width)
            if scale < 1.0:
                d.scale(scale, scale)
                d.width, d.height = width * scale, height * scale
            parts.append(Part(d, first, last, _lane_at(lay, r0), _lane_at(lay, r1 - 1)))
    return parts


def _bounds(points) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), max(xs), min(ys), max(ys)


def _letters():
    """A, B, ... Z, then A2, B2, ...: connector names, unique within a map."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    n = 1
    while True:
        for ch in alphabet:
            yield ch if n == 1 else f"{ch}{n}"
        n += 1


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
