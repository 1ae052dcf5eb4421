"""Process maps as vector drawings: lanes, steps by kind, flows, AI badges, exception routes.

A map is drawn at a size where step names read at 7 pt or more and minutes and flow labels at
6 pt or more (``MIN_SCALE`` of the sizes below). One that is too wide for the page first has
its boxes narrowed, names wrapping over more lines (``fitted_geometry``), then is cut into parts
of equal column ranges, stacked where they fit one landscape page; one too tall is cut into
lane bands. A flow that crosses a cut ends in a lettered connector that the other part picks
up (``_marker_places``). Flow labels go where they touch no box, line or other label
(``place_labels``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

from ...model import AiIntervention, Plan, ProcessMap, StepKind
from ...vocabulary import exception_words
from . import styles as st
from .fonts import BOLD, REGULAR, register_fonts
from .map_layout import (
    DEFAULT,
    GAP,
    PITCH,
    Geometry,
    Layout,
    Placed,
    exception_route,
    layout,
    route,
)
from .textfit import clip, fit, fits
from .vector import Circle, Line, Polygon, PolyLine, Rect, String, Vector, drawing

LANE_W = 66.0
PAD = 6.0
NAME_SIZES = (8.2, 7.8)
"""Step names, in map units; at ``MIN_SCALE`` the smaller is still 7 pt."""
NAME_LINES = 3
SMALL = 6.8
"""Minutes, flow labels and badges, in map units: 6 pt or more at ``MIN_SCALE``."""
MIN_SCALE = 0.9
PART_CAPTION = 14.0
"""Room a part's caption ("Part 2 of 3 ...") takes above it when a map is cut."""
INF = float("inf")
MOST_LINES = 9
"""The most flow lines a label may cross; on a map crowded past that it is left off."""


@dataclass
class Part:
    drawing: Vector
    first_col: int
    last_col: int
    first_lane: str = ""
    last_lane: str = ""
    labels_left_off: int = 0
    """Flow labels of the whole map that found no place clear of words (on the first part)."""


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


def _shape(d: Vector, kind: StepKind, x: float, y: float, w: float, h: float, fill, stroke, width: float) -> float:
    """A step's outline, as the map and its legend draw it; returns the inset its text keeps."""
    if kind in (StepKind.START, StepKind.END):
        r = min(h / 2, w / 2, 20.0)  # a pill; a tall narrowed box keeps the usual box's ends
        d.add(Rect(x, y, w, h, rx=r, ry=r, fillColor=fill, strokeColor=stroke, strokeWidth=width))
        return min(10.0, h / 4)
    if kind is StepKind.DECISION:
        k = min(9.0, w / 4)
        pts = [x, y + h / 2, x + k, y + h, x + w - k, y + h, x + w, y + h / 2, x + w - k, y, x + k, y]
        d.add(Polygon(pts, fillColor=fill, strokeColor=stroke, strokeWidth=width))
        return k
    if kind is StepKind.HANDOFF:
        k = min(9.0, w / 4)
        pts = [x, y, x + w - k, y, x + w, y + h / 2, x + w - k, y + h, x, y + h]
        d.add(Polygon(pts, fillColor=fill, strokeColor=stroke, strokeWidth=width))
        return k / 2
    d.add(Rect(x, y, w, h, rx=3, ry=3, fillColor=fill, strokeColor=stroke, strokeWidth=width))
    return 0.0


MINUTES_ROOM = SMALL * 1.17 + 1.2
"""The strip at the foot of a step box that its minutes take."""
BADGE_H = SMALL * 1.17 + 2.0
BADGE_ROOM = BADGE_H + 1.5
LINE_GAP = 0.3
"""An AI step's badge sits inside the box along its top edge, so that the lines entering the box
from above (at and right of its centre) stay in sight; ``BADGE_ROOM`` is what it takes from the
name's room."""


def _tag_at_foot(step, tagged: bool, geo: Geometry) -> bool:
    """Whether a tagged AI step's box is too narrow for its tag beside its badge: the tag then
    sits in the box's bottom-left corner, left of the minutes."""
    return tagged and step.is_ai and geo.box_w < badge_width(step.ai) + 2 * TAG_R + 4


def _strips(step, tagged: bool, geo: Geometry) -> tuple[float, float]:
    """The strips a step's badge or tag (at the top) and its minutes or tag (at the foot) take
    from its name's room."""
    foot = _tag_at_foot(step, tagged, geo)
    top = BADGE_ROOM if step.is_ai or (tagged and not foot) else 0.0
    bottom = MINUTES_ROOM if step.minutes else 0.0
    return top, max(bottom, TAG_FOOT) if foot else bottom


def _name_room(step, tagged: bool = False, geo: Geometry = DEFAULT) -> tuple[float, int]:
    """Width and the most lines a step's name has in its box, at the smaller name size (a
    number tag, like an AI badge, takes a strip at the top)."""
    inset = {StepKind.START: 10.0, StepKind.END: 10.0, StepKind.DECISION: 9.0, StepKind.HANDOFF: 4.5}
    width = geo.box_w - 2 * inset.get(step.kind, 0.0) - 5
    size = NAME_SIZES[-1]
    top, bottom = _strips(step, tagged, geo)
    height = geo.box_h - 2 - top - bottom
    return width, max(1, 1 + int((height - 1.17 * size) // (size + LINE_GAP)))


def name_is_shortened(step, geo: Geometry = DEFAULT) -> bool:
    """Whether the map shows the step's name cut (the pack then gives it in full)."""
    width, lines = _name_room(step, geo=geo)
    return not fits(step.name or step.kind.label, REGULAR, NAME_SIZES[-1], width, lines)


def shortened_steps(pmap: ProcessMap, lay: Layout | None = None, geo: Geometry = DEFAULT) -> list:
    """The steps whose names the map shows cut, in reading order (column by column, top down):
    the map tags each with its number, and the step table after the map gives the full name.
    ``geo``: the box sizes the map is drawn at (``fitted_geometry``), when no ``lay`` is given."""
    register_fonts()  # names are measured before any drawing exists
    lay = lay or layout(pmap, geo)
    placed = sorted(lay.placed.values(), key=lambda p: (p.col, p.row))
    return [p.step for p in placed if name_is_shortened(p.step, lay.geo)]


TAG_R = 5.2
"""The radius of the number tag on a shortened step's top-left corner."""
TAG_FOOT = 2 * TAG_R + 1.4
"""The strip a number tag takes at the foot of a box too narrow for it beside the AI badge."""


def _tag(d: Vector, x: float, y: float, number: int) -> None:
    d.add(Circle(x, y, TAG_R, fillColor=st.NAVY, strokeColor=st.WHITE, strokeWidth=0.8))
    size = SMALL if number < 10 else SMALL - 1 if number < 100 else SMALL - 2.2
    d.add(
        String(x, y - size * 0.35, str(number), fontName=BOLD, fontSize=size, fillColor=st.WHITE, textAnchor="middle")
    )


def _step_box(c: _Canvas, p: Placed, number: int | None = None) -> None:
    s, g = p.step, p.geo
    x, y = c.X(p.x), c.Y(p.y) - g.box_h
    fill = st.STEP_FILL.get(s.kind, st.WHITE)
    stroke, width = (st.AI_COLOURS[s.ai], 1.6) if s.is_ai else (st.NAVY, 0.8)
    _shape(c.d, s.kind, x, y, g.box_w, g.box_h, fill, stroke, width)
    room, most = _name_room(s, number is not None, g)
    lines, size = fit(s.name or s.kind.label, REGULAR, room, NAME_SIZES, most)
    leading = size + LINE_GAP
    top_strip, foot_strip = _strips(s, number is not None, g)
    bottom = y + 1 + foot_strip
    top = y + g.box_h - 1 - top_strip
    block = (len(lines) - 1) * leading + 1.17 * size
    first = (top + bottom) / 2 + block / 2 - 0.93 * size
    for i, line in enumerate(lines):
        c.d.add(
            String(
                x + g.box_w / 2,
                first - i * leading,
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
                x + g.box_w / 2,
                y + 1.5 + 0.24 * SMALL,
                f"{s.minutes:g}\u00a0min",
                fontName=REGULAR,
                fontSize=SMALL,
                fillColor=st.MUTED,
                textAnchor="middle",
            )
        )
    foot = _tag_at_foot(s, number is not None, g)
    if s.is_ai:
        left = (g.box_w - badge_width(s.ai)) / 2
        if number is not None and not foot:  # a narrowed box: the badge moves right of the tag
            left = max(left, 2 * TAG_R + 2)
        _badge(c.d, x + left, y + g.box_h - BADGE_ROOM, s.ai)
    if number is not None and foot:
        _tag(c.d, x + TAG_R + 1, y + 0.7 + TAG_R, number)
    elif number is not None:
        _tag(c.d, x + TAG_R + 1, y + g.box_h - BADGE_ROOM + BADGE_H / 2, number)


def badge_width(ai: AiIntervention) -> float:
    """An AI badge's width: its words (the vocabulary's short label) and a little room."""
    return stringWidth(st.AI_BADGES[ai], BOLD, SMALL) + 6


def _badge(d: Vector, x: float, y: float, ai: AiIntervention) -> None:
    colour = st.AI_COLOURS[ai]
    w = badge_width(ai)
    d.add(Rect(x, y, w, BADGE_H, rx=BADGE_H / 2, ry=BADGE_H / 2, fillColor=colour, strokeColor=None))
    d.add(
        String(
            x + w / 2,
            y + 1.0 + 0.24 * SMALL,
            st.AI_BADGES[ai],
            fontName=BOLD,
            fontSize=SMALL,
            fillColor=st.AI_INKS[ai],
            textAnchor="middle",
        )
    )


CONNECTOR_R = 5.2


def _connector(c: _Canvas, x: float, y: float, letter: str, colour) -> None:
    c.d.add(Circle(x, y, CONNECTOR_R, fillColor=st.WHITE, strokeColor=colour, strokeWidth=0.9))
    size = 6 if len(letter) == 1 else 4.6
    c.d.add(String(x, y - size * 0.35, letter, fontName=BOLD, fontSize=size, fillColor=colour, textAnchor="middle"))


def _draw_path(c: _Canvas, points, box, colour, dashed: bool, markers: dict | None = None, drawn: dict | None = None):
    """A route's pieces inside ``box``. Its connectors where it is cut go into ``drawn``, for
    the part to draw over all its lines (``_draw_connectors``): ``markers`` says where each
    stands and its letter (``_marker_places``); routes that share a crossing share one."""
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
            place = (markers or {}).get(_key(point), (*point, "·"))
            if drawn is None:
                _draw_connectors(c, {place: (point, colour)})
            else:
                drawn.setdefault(place, (point, colour))


def _draw_connectors(c: _Canvas, drawn: dict) -> None:
    """Connectors over the lines: each joined by a short stroke to its crossing where it stands
    off it (another connector or a label was there)."""
    for (x, y, _letter), (point, colour) in drawn.items():
        if (x, y) != point:
            c.d.add(Line(c.X(point[0]), c.Y(point[1]), c.X(x), c.Y(y), strokeColor=colour, strokeWidth=0.6))
    for (x, y, letter), (_point, colour) in drawn.items():
        _connector(c, c.X(x), c.Y(y), letter, colour)


def _key(point) -> tuple[float, float]:
    return round(point[0], 3), round(point[1], 3)


def _marker_places(lay: Layout, routes: list, cuts: list[float], rows: list[float], labels) -> dict:
    """Each route's connectors, by route and crossing: (x, y, letter). Routes of one colour
    that cross a cut at one point (exception routes share channels) share one connector. It
    stands on the crossing unless another connector or a label is there; then at the nearest
    free place along the cut, so that no two connectors overlap and none covers a label.
    Letters run down each cut in turn (then along each row cut), and each connector carries the
    same letter in the parts on both sides of its cut."""
    r = CONNECTOR_R
    spacing = 2 * r + 1.0
    pad = r + 0.6
    rects = [(lab.left, lab.top, lab.left + lab.width, lab.top + LABEL_H) for lab in labels]
    out: dict[int, dict] = {}
    letters = _letters()
    lines = [(x, True) for x in cuts] + [(y, False) for y in rows]
    for at, upright in lines:
        groups: dict[tuple, list] = {}
        for k, (points, colour) in enumerate(routes):
            for point in _crossings(points, [at] if upright else [], [] if upright else [at]):
                groups.setdefault((_key(point), id(colour)), []).append((k, point))
        if not groups:
            continue
        # A connector stays in the part its crossing is in: between the cuts across this one.
        if upright:
            ends = [0.0, *rows, lay.rows * lay.geo.row_h]
            blocked = [(y0 - pad, y1 + pad) for x0, y0, x1, y1 in rects if x0 - pad < at < x1 + pad]
        else:
            ends = [-lay.geo.gap / 2, *cuts, lay.columns * lay.geo.pitch - lay.geo.gap / 2]
            blocked = [(x0 - pad, x1 + pad) for x0, y0, x1, y1 in rects if y0 - pad < at < y1 + pad]
        taken: list[float] = []
        for (key, _colour), members in sorted(groups.items(), key=lambda g: (g[0][0][1 if upright else 0], g[1][0][0])):
            want = key[1] if upright else key[0]
            lo = max([e for e in ends if e <= want] or [ends[0]])
            hi = min([e for e in ends if e > want] or [ends[-1]])
            spot = _nearest_free(want, lo + r + 1.0, hi - r - 1.0, taken, spacing, blocked)
            taken.append(spot)
            place = (at, spot, next(letters)) if upright else (spot, at, next(letters))
            for k, point in members:
                out.setdefault(k, {})[_key(point)] = place
    return out


def _nearest_free(want: float, lo: float, hi: float, taken: list[float], spacing: float, blocked) -> float:
    """The place nearest ``want`` within [lo, hi] at least ``spacing`` from every taken one and
    outside every blocked range; ``want`` itself when there is none (a cut crowded end to end)."""

    def free(v: float) -> bool:
        return (
            lo <= v <= hi and all(abs(v - t) >= spacing for t in taken) and not any(b0 < v < b1 for b0, b1 in blocked)
        )

    if free(want):
        return want
    edges = {want}
    for t in taken:
        edges |= {t - spacing, t + spacing}
    for b0, b1 in blocked:
        edges |= {b0, b1}
    edges |= {lo, hi}
    for v in sorted(edges, key=lambda v: abs(v - want)):
        if free(v):
            return v
    return want


LABEL_H = SMALL * 1.2
"""A label's height as a reader's tools measure it (ascent and descent of the font)."""
LABEL_MAX = PITCH + GAP
"""A flow label longer than this is cut (with an ellipsis); "yes", "no", "exception 5 %" fit."""


@dataclass(frozen=True)
class PlacedLabel:
    left: float
    top: float
    """Map coordinates (y down) of the label's box."""
    text: str
    width: float
    colour: object

    @property
    def centre(self) -> tuple[float, float]:
        return self.left + self.width / 2, self.top + LABEL_H / 2


def _candidates(points, width: float, cuts: tuple[float, ...] = ()):
    """Where a label may sit beside its path, nearest the source first: above and below each
    horizontal run, left and right of each vertical one, at its start, middle and end; then
    the same a little further out (clear of a connector on the run)."""
    for away in (1.6, CONNECTOR_R + 0.8):
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            if y1 == y2:
                lo, hi = min(x1, x2), max(x1, x2)
                start = x1 + 3 if x2 > x1 else x1 - 3 - width
                end = x2 - 7 - width if x2 > x1 else x2 + 7
                beside_cuts = [x for c in cuts if lo < c < hi for x in (c + 0.6, c - 0.6 - width)]
                for x in (start, (lo + hi - width) / 2, end, *beside_cuts):
                    for top in (y1 - away - LABEL_H, y1 + away):
                        yield x, top
            else:
                lo, hi = min(y1, y2), max(y1, y2)
                start = y1 + 2 if y2 > y1 else y1 - 2 - LABEL_H
                end = y2 - 6 - LABEL_H if y2 > y1 else y2 + 6
                for y in (start, (lo + hi - LABEL_H) / 2, end):
                    for left in (x1 + away + 0.6, x1 - away - 0.6 - width):
                        yield left, y


def _crossings(points, cuts_x: list[float], cuts_y: list[float]):
    """Where a path crosses a cut between parts: a connector is drawn there."""
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        # Ends included: a route often turns right on a cut, which runs down the gap's middle.
        if y1 == y2:
            yield from ((x, y1) for x in cuts_x if min(x1, x2) <= x <= max(x1, x2))
        else:
            yield from ((x1, y) for y in cuts_y if min(y1, y2) <= y <= max(y1, y2))


class _Grid:
    """Rectangles bucketed by area, so that asking what a label meets looks at its
    neighbourhood only: a map of 500 steps has thousands of boxes and line pieces."""

    CELL = 64.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list] = {}
        self.endless: list = []
        """Cut lines, which run across the whole map."""

    def _span(self, rect):
        c = self.CELL
        return range(int(rect[0] // c), int(rect[2] // c) + 1), range(int(rect[1] // c), int(rect[3] // c) + 1)

    def add(self, rect) -> None:
        if INF in (abs(v) for v in rect):
            self.endless.append(rect)
            return
        xs, ys = self._span(rect)
        for i in xs:
            for j in ys:
                self.cells.setdefault((i, j), []).append(rect)

    def count(self, rect, most: float = INF) -> int:
        """How many rectangles ``rect`` overlaps; once that is more than ``most``, some number
        more than ``most`` (the caller has a place at least that good already).

        The hot loop of label placement, inlined. A rectangle in several cells is counted in
        one only: the cell holding the lower-left corner of where it and ``rect`` overlap."""
        x0, y0, x1, y1 = rect
        c = self.CELL
        total = 0
        i0, i1, j0, j1 = int(x0 // c), int(x1 // c), int(y0 // c), int(y1 // c)
        cells = self.cells
        if i0 == i1 and j0 == j1:
            for o in cells.get((i0, j0), ()):
                if x0 < o[2] and o[0] < x1 and y0 < o[3] and o[1] < y1:
                    total += 1
                    if total > most:
                        return total
        else:
            for i in range(i0, i1 + 1):
                # In a cell right of the first, the overlap starts in it only if ``o`` does.
                left = i * c if i > i0 else -INF
                for j in range(j0, j1 + 1):
                    top = j * c if j > j0 else -INF
                    for o in cells.get((i, j), ()):
                        if x0 < o[2] and o[0] < x1 and y0 < o[3] and o[1] < y1 and o[0] >= left and o[1] >= top:
                            total += 1
                            if total > most:
                                return total
        for o in self.endless:
            if x0 < o[2] and o[0] < x1 and y0 < o[3] and o[1] < y1:
                total += 1
        return total


def place_labels(lay: Layout, routes: list, cuts: list[float] = (), rows: list[float] = ()) -> dict[int, PlacedLabel]:
    """Each labelled route's label, where it touches no box, badge, line or earlier label.

    ``cuts`` and ``rows``: x and y positions where the map is cut into parts (connectors sit
    there, and no label may straddle a cut). A label with no free place goes where it meets
    the fewest lines; one that could only sit on a box, a badge or another label is left off
    (a crowded map: words over words are read by no one), and the map says how many were."""
    if not any(r[3] for r in routes):
        return {}
    solid, lines, g = _Grid(), _Grid(), lay.geo
    box_at = {}
    for p in lay.placed.values():
        box = (p.x - 0.5, p.y - 0.5, p.x + g.box_w + 0.5, p.y + g.box_h + 0.5)  # badges are inside
        solid.add(box)
        box_at[p.col, p.row] = box
    r = CONNECTOR_R + 0.6
    for points, *_ in routes:
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            lines.add((min(x1, x2) - 0.7, min(y1, y2) - 0.7, max(x1, x2) + 0.7, max(y1, y2) + 0.7))
        for x, y in _crossings(points, list(cuts), list(rows)):
            solid.add((x - r, y - r, x + r, y + r))
    for x in cuts:
        solid.add((x - 0.5, -INF, x + 0.5, INF))
    for y in rows:
        solid.add((-INF, y - 0.5, INF, y + 0.5))
    x_lo, x_hi = -g.gap / 2 + 1, lay.columns * g.pitch - g.gap / 2 - 1
    y_lo, y_hi = 1.0, lay.rows * g.row_h - 1
    placed: dict[int, PlacedLabel] = {}
    pitch, row_h = g.pitch, g.row_h
    for k, (points, colour, dashed, label, _crosses) in enumerate(routes):
        if not label:
            continue
        # The fewest lines crossed, then the shortest form, then the first place found. A place
        # touching a box, badge, connector, cut or label is never taken (words over words are
        # read by no one), so it is not weighed; nor is one crossing more than MOST_LINES.
        best, choice = (MOST_LINES, INF), None
        for text, width in _label_forms(label):
            for left, top in _candidates(points, width, tuple(cuts)):
                right, bottom = left + width, top + LABEL_H
                if left < x_lo or right > x_hi or top < y_lo or bottom > y_hi:
                    continue
                # Nine in ten places touch a box, most of them the box in whose column and row
                # the place's left or right end lies: a look-up, before the search of ``solid``.
                row = int((top + LABEL_H / 2) // row_h)
                o = box_at.get((int(left // pitch), row))
                if o and left < o[2] and o[0] < right and top < o[3] and o[1] < bottom:
                    continue
                o = box_at.get((int(right // pitch), row))
                if o and left < o[2] and o[0] < right and top < o[3] and o[1] < bottom:
                    continue
                rect = (left, top, right, bottom)
                if solid.count(rect, 0):
                    continue
                # Counting stops once the place is sure to be worse than one already found.
                meets = lines.count(rect, best[0])
                if (meets, width) < best:
                    best, choice = (meets, width), (left, top, text, width)
                    if not meets:
                        break
            if best[0] == 0:
                break
        if choice is None:
            continue
        left, top, text, width = choice
        choice = (left, top)
        solid.add((choice[0] - 1, choice[1] - 0.5, choice[0] + width + 1, choice[1] + LABEL_H + 0.5))
        placed[k] = PlacedLabel(choice[0], choice[1], text, width, colour if dashed else st.MUTED)
    return placed


@lru_cache(maxsize=4096)
def _label_forms(label: str) -> tuple[tuple[str, float], ...]:
    """A flow label as written, then shorter where the map is crowded: "complaint · 10 %" becomes
    "complaint 10%", then "complaint" (the share is in the app and the workbook); each with its
    width. Remembered: "yes", "no" and the exception words recur on every map."""
    full = clip(label, REGULAR, SMALL, LABEL_MAX)
    compact = clip(re.sub(r"\s*·\s*", " ", label).replace("\u00a0%", "%").replace(" %", "%"), REGULAR, SMALL, LABEL_MAX)
    bare = clip(re.sub(r"\s*·?\s*\d+(?:[.,]\d+)?\s*%\s*$", "", label).strip() or label, REGULAR, SMALL, LABEL_MAX)
    return tuple((text, stringWidth(text, REGULAR, SMALL)) for text in dict.fromkeys((full, compact, bare)))


def forget_measurements() -> None:
    """Start an export with empty caches (see ``build.export_pdf``)."""
    _label_forms.cache_clear()


def _draw_label(c: _Canvas, label: PlacedLabel) -> None:
    baseline = c.Y(label.top + LABEL_H) + 0.26 * SMALL
    c.d.add(String(c.X(label.left), baseline, label.text, fontName=REGULAR, fontSize=SMALL, fillColor=label.colour))


def _lanes(c: _Canvas, plan: Plan, lay: Layout, width: float, rows: tuple[int, int]) -> None:
    row_h = lay.geo.row_h
    for i, (lane, first, depth) in enumerate(lay.lanes):
        top_row, bottom_row = max(first, rows[0]), min(first + depth, rows[1])
        if top_row >= bottom_row:
            continue
        y_top, h = c.Y(top_row * row_h), (bottom_row - top_row) * row_h
        band = st.PALE if i % 2 == 0 else st.WHITE
        c.d.add(Rect(0, y_top - h, width, h, fillColor=band, strokeColor=None))
        c.d.add(Rect(0, y_top - h, LANE_W, h, fillColor=st.colors.HexColor("#E6EBF1"), strokeColor=None))
        c.d.add(Line(0, y_top - h, width, y_top - h, strokeColor=st.RULE, strokeWidth=0.6))
        role = plan.role(lane)
        name = role.name if role else lane
        lines, size = fit(name, BOLD, LANE_W - 9, NAME_SIZES, 3)
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
                    fontSize=SMALL,
                    fillColor=st.MUTED,
                )
            )
    top = c.Y(rows[0] * row_h)
    c.d.add(Line(0, top, width, top, strokeColor=st.RULE, strokeWidth=0.6))


def _bands(lay: Layout, avail_height: float) -> list[tuple[int, int]]:
    """Row ranges that fit the page height, cut between lanes where possible."""
    if avail_height == INF:
        return [(0, lay.rows)]
    most = max(1, int((avail_height - 2) // lay.geo.row_h))
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


def _arrange(lay: Layout, avail_width: float, avail_height: float) -> tuple[int, float]:
    """Columns per part and the scale: the fewest parts that, stacked, fit one page at a
    legible scale; failing that, parts as wide as the page at a legible scale, which then
    follow one another down the pages."""
    cols, tall, pitch = lay.columns, lay.rows * lay.geo.row_h + 2, lay.geo.pitch

    def part_width(n: int) -> float:
        return LANE_W + 2 * PAD + n * pitch

    for n in range(1, cols + 1):
        per = -(-cols // n)
        count = -(-cols // per)
        captions = PART_CAPTION * count if count > 1 else 0.0
        scale = min(1.0, avail_width / part_width(per), (avail_height - captions) / (count * tall))
        if scale >= MIN_SCALE:
            return per, scale
        if avail_width >= part_width(per):  # narrower parts would only stack taller
            break
    per = max(1, min(cols, int((avail_width / MIN_SCALE - LANE_W - 2 * PAD) // pitch)))
    # A part a little taller than the page shrinks to fit it, down to the legible scale,
    # rather than be cut into lane bands.
    fits_height = max(MIN_SCALE, (avail_height - PART_CAPTION) / tall)
    return per, min(1.0, avail_width / part_width(per), fits_height)


MIN_BOX_W = 46.0
"""The narrowest a step box gets to keep a map whole on its page (about 41 pt on paper: nine
letters or so a line at 7 pt); narrower, the map is cut into parts at the usual box size."""
NARROW_GAP = 14.0
WIDEST_GAP = 44.0
"""The widest gap between columns a whole map takes to find its flow labels a place."""
"""The narrowest gap between columns: room for an arrow and a short flow label."""
MORE_LINES = 3
"""The most lines a narrowed box adds to the usual three of a step's name (rows grow with it)."""


def _narrowest_box(pmap: ProcessMap) -> float:
    """How narrow a map's boxes may be: an AI step's badge fits, and no word of a name that
    the usual box keeps whole is broken."""
    need = [MIN_BOX_W, *(badge_width(s.ai) + 2 for s in pmap.steps if s.is_ai)]
    for step in pmap.steps:
        room, _lines = _name_room(step)
        words = re.findall(r"[^\s-]+-?", str(step.name or step.kind.label))  # a break after a hyphen is fine
        longest = max((stringWidth(w, REGULAR, NAME_SIZES[-1]) for w in words), default=0.0)
        if longest <= room:
            need.append(DEFAULT.box_w - room + longest)
    return max(need)


def fitted_geometry(pmap: ProcessMap, avail_width: float, avail_height: float = INF, table: float = 0.0) -> Geometry:
    """The box sizes a map is drawn at in ``avail_width`` x ``avail_height``.

    The usual sizes where the map fits whole at a legible scale, taller where that brings
    shortened names back whole and the page has the room. Otherwise boxes narrowed (down
    to ``MIN_BOX_W``, or an AI badge's width) so that the map is cut into fewer parts than at
    the usual sizes, none where it can: each part's columns fill the page's width at the
    smallest legible scale, and the boxes are taller, where the page has the room, by as many
    lines as bring the most names back whole (leaving ``table`` points on the last page for the
    step table while some name is still shortened). The usual sizes again where narrowing saves
    no page, or where a part is taller than a page (the map is then cut into lane bands)."""
    register_fonts()  # names and badges are measured before any drawing exists
    lay = layout(pmap)
    if not lay.placed:
        return DEFAULT
    cols = lay.columns
    per, scale = _arrange(lay, avail_width, avail_height)
    usual = -(-cols // per)
    if usual == 1:
        return _taller(pmap, lay.rows, DEFAULT, avail_height, scale, table)
    room = (avail_width - 0.5) / MIN_SCALE - LANE_W - 2 * PAD
    narrowest = _narrowest_box(pmap)
    base = lay.rows * DEFAULT.row_h + 2

    def budget(n: int) -> float:
        """The height each of ``n`` parts has: a page shared by all, if they fit one, else a page."""
        stacked = avail_height / n - PART_CAPTION  # all the parts on one page
        return stacked if base * MIN_SCALE <= stacked else avail_height - PART_CAPTION

    def pages(n: int) -> int:
        """About how many pages ``n`` parts take, as many to a page as fit one."""
        if avail_height == INF:
            return 1
        each = max(1, int(avail_height // (base * MIN_SCALE + PART_CAPTION)))
        return -(-n // each)

    if base * MIN_SCALE > budget(usual):
        return DEFAULT  # taller than a page: cut into lane bands at the usual sizes
    for n in range(1, usual):
        if n > 1 and pages(n) >= pages(usual):
            break  # narrower boxes would save parts but no page
        per = -(-cols // n)
        pitch = room / per
        gap = _clamp(pitch * 0.2, NARROW_GAP, GAP)
        box_w = min(DEFAULT.box_w, pitch - gap)
        if box_w < narrowest:
            continue
        room_h = avail_height if n == 1 else budget(n)
        if base * MIN_SCALE > room_h:
            return DEFAULT
        return _taller(pmap, lay.rows, Geometry(box_w, DEFAULT.box_h, gap, DEFAULT.row_h), room_h, MIN_SCALE, table)
    return _taller(pmap, lay.rows, DEFAULT, budget(usual), MIN_SCALE, table)


def _taller(pmap: ProcessMap, rows: int, geo: Geometry, budget: float, scale: float, table: float) -> Geometry:
    """``geo`` with up to ``MORE_LINES`` more lines a box, as many as bring the most names back
    whole while its ``rows`` fit ``budget`` points at ``scale``, less ``table`` points for the
    step table where some name is still shortened (it shares the map's last page)."""
    if not any(name_is_shortened(step, geo) for step in pmap.steps):
        return geo
    line = NAME_SIZES[-1] + LINE_GAP
    best = None
    for extra in range(MORE_LINES + 1):
        box_h = DEFAULT.box_h + extra * line
        taller = Geometry(geo.box_w, box_h, geo.gap, box_h + DEFAULT.row_h - DEFAULT.box_h)
        height = (rows * taller.row_h + 2.5) * scale
        if height > budget:
            break
        cut = sum(1 for step in pmap.steps if name_is_shortened(step, taller))
        if cut and height > budget - table:
            continue
        if best is None or cut < best[0]:
            best = (cut, taller)
        if not cut:
            break
    return best[1] if best else geo


def map_parts(
    plan: Plan, pmap: ProcessMap, avail_width: float, avail_height: float = INF, geo: Geometry | None = None
) -> list[Part]:
    """The map as drawings of at most ``avail_width`` x ``avail_height``, in reading order.

    All parts of a map share one scale, so a step reads the same size in each. ``geo``: the
    box sizes (``fitted_geometry`` for the page when not given)."""
    if geo is None:
        geo = fitted_geometry(pmap, avail_width, avail_height)
    lay = layout(pmap, geo)
    if not lay.placed:
        return []
    numbers = {step.id: k for k, step in enumerate(shortened_steps(pmap, lay), start=1)}
    per_part, scale = _arrange(lay, avail_width, avail_height)
    n_chunks = -(-lay.columns // per_part)
    per_part = -(-lay.columns // n_chunks)  # balance the parts
    bands = _bands(lay, avail_height / scale - PART_CAPTION)

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
    pitch, gap, row_h = geo.pitch, geo.gap, geo.row_h
    cuts = [k * per_part * pitch - gap / 2 for k in range(1, n_chunks)]
    labels = place_labels(lay, routes, cuts, [r0 * row_h for r0, _ in bands[1:]])
    left_off = sum(1 for r in routes if r[3]) - len(labels)
    if left_off and n_chunks == 1 and len(bands) == 1 and geo.gap < WIDEST_GAP:
        # A map whole on its page with room to spare leaves no label off for want of a gap
        # between two boxes ("complaint · 10 %" between neighbours): its columns part a little
        # more, as long as it stays whole at a legible size.
        wider = map_parts(plan, pmap, avail_width, avail_height, replace(geo, gap=min(WIDEST_GAP, geo.gap + 8)))
        if len(wider) == 1 and wider[0].labels_left_off < left_off:
            return wider
    with_bounds = [(*r[:3], _bounds(r[0])) for r in routes]
    markers = _marker_places(lay, [r[:2] for r in routes], cuts, [r0 * row_h for r0, _ in bands[1:]], labels.values())
    parts = []
    for k in range(n_chunks):
        first, last = k * per_part, min(lay.columns, (k + 1) * per_part) - 1
        x_lo, x_hi = first * pitch - gap / 2, (last + 1) * pitch - gap / 2
        for b, (r0, r1) in enumerate(bands):
            width = LANE_W + 2 * PAD + (x_hi - x_lo)
            height = (r1 - r0) * row_h + 2
            d = drawing(width, height)
            c = _Canvas(d, x_lo, r0 * row_h, height - 1)
            _lanes(c, plan, lay, width, (r0, r1))
            box = (
                x_lo if k else -INF,
                x_hi if k < n_chunks - 1 else INF,
                r0 * row_h if b else -INF,
                r1 * row_h if b < len(bands) - 1 else INF,
            )
            drawn: dict = {}
            for k_route, (points, colour, dashed, (px_lo, px_hi, py_lo, py_hi)) in enumerate(with_bounds):
                # A route wholly outside this part has no piece in it (see _clip); skip it.
                if px_hi < box[0] or px_lo >= box[1] or py_hi < box[2] or py_lo >= box[3]:
                    continue
                _draw_path(c, points, box, colour, dashed, markers.get(k_route), drawn)
            _draw_connectors(c, drawn)
            for p in lay.placed.values():
                if first <= p.col <= last and r0 <= p.row < r1:
                    _step_box(c, p, numbers.get(p.step.id))
            for label in labels.values():
                cx, cy = label.centre
                if box[0] <= cx < box[1] and box[2] <= cy < box[3]:
                    _draw_label(c, label)
            if scale < 1.0:
                d.scale(scale, scale)
                d.width, d.height = width * scale, height * scale
            parts.append(Part(d, first, last, _lane_at(lay, r0), _lane_at(lay, r1 - 1), left_off if not parts else 0))
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


def symbols_used(pmap: ProcessMap, split: bool, geo: Geometry = DEFAULT) -> set:
    """What a map's legend explains: the step kinds, AI badges and line styles it shows, at
    the box sizes ``geo`` it is drawn at."""
    used: set = {step.kind for step in pmap.steps}
    used |= {step.ai for step in pmap.steps if step.is_ai}
    if any(step.exception_route for step in pmap.steps):
        used.add("exception")
    if split:
        used.add("connector")
    register_fonts()
    if any(name_is_shortened(step, geo) for step in pmap.steps):
        used.add("tag")
    return used


LEGEND_KINDS = (
    (StepKind.START, "Start or end"),
    (StepKind.TASK, "Task"),
    (StepKind.DECISION, "Decision"),
    (StepKind.HANDOFF, "Handoff"),
)


def legend(width: float, used: set | None = None) -> Vector:
    """One line explaining the shapes, badges and line styles a map uses, drawn as the map
    draws them, and only those (``used`` from ``symbols_used``; None: all of them); a second
    line when they do not fit one."""
    size = 7.0
    items: list[tuple[float, object, str]] = []  # (symbol width, draw(d, x, y), label)

    def add(symbol_w: float, draw, label: str) -> None:
        items.append((symbol_w, draw, label))

    for kind, label in LEGEND_KINDS:
        shown = {kind, StepKind.END} if kind is StepKind.START else {kind}
        if used is not None and not (shown & used):
            continue
        add(26, lambda d, x, y, k=kind: _shape(d, k, x, y, 22, 12, st.STEP_FILL[k], st.NAVY, 0.6), label)
    for ai in (AiIntervention.AUTOMATE, AiIntervention.SURFACE, AiIntervention.ROUTE_EXCEPTIONS):
        if used is not None and ai not in used:
            continue
        # the full words beside the badge only where the badge shortens them
        words = ai.label if ai.label != st.AI_BADGES[ai] else ""
        add(badge_width(ai) + 4, lambda d, x, y, a=ai: _badge(d, x, y + 1, a), words)
    if used is None or "exception" in used:
        add(
            24,
            lambda d, x, y: d.add(
                Line(x, y + 6, x + 20, y + 6, strokeColor=st.EXCEPTION, strokeWidth=1.1, strokeDashArray=[3, 2])
            ),
            "Exception route",
        )
    if used is None or "connector" in used:

        def connector(d, x, y):
            d.add(Circle(x + 5.5, y + 6, 5.5, fillColor=st.WHITE, strokeColor=st.NAVY, strokeWidth=0.8))
            d.add(String(x + 5.5, y + 3.8, "A", fontName=BOLD, fontSize=6.4, fillColor=st.NAVY, textAnchor="middle"))

        add(15, connector, "Continues in the next part")
    if used is None or "tag" in used:
        add(2 * TAG_R + 4, lambda d, x, y: _tag(d, x + TAG_R, y + 6, 1), "Step named in full in the table below")
    rows: list[list] = [[]]
    x = 0.0
    for item in items:
        w = item[0] + stringWidth(item[2], REGULAR, size)
        if rows[-1] and x + w > width:
            rows.append([])
            x = 0.0
        rows[-1].append(item)
        x += w + 14
    d = drawing(width, 20 + 16 * (len(rows) - 1))
    for r, row in enumerate(rows):
        x, y = 0.0, 4.0 + 16 * (len(rows) - 1 - r)
        for symbol_w, draw, label in row:
            draw(d, x, y)
            d.add(String(x + symbol_w, y + 3, label, fontName=REGULAR, fontSize=size, fillColor=st.INK))
            x += symbol_w + stringWidth(label, REGULAR, size) + 14
    return d
