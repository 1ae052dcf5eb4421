"""Where a process map's steps sit on paper, and how flows between them are routed.

The canvas stores free x/y positions; on paper we keep the user's left-to-right order but snap
steps to columns of fixed width and lanes to rows, so every label keeps a legible size.
Routes are orthogonal and avoid the boxes of other steps where they can.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import ProcessMap, Step

BOX_W, BOX_H = 76.0, 40.0
GAP = 20.0
PITCH = BOX_W + GAP
ROW_H = 52.0
COLUMN_TOLERANCE = 45.0


@dataclass(frozen=True)
class Geometry:
    """The size of a map's step boxes, the gap between columns and the height of a row, in map
    units. A map too wide for its page at these sizes may narrow its boxes (names then wrap over
    more lines in taller boxes) rather than be cut into parts."""

    box_w: float = BOX_W
    box_h: float = BOX_H
    gap: float = GAP
    row_h: float = ROW_H

    @property
    def pitch(self) -> float:
        return self.box_w + self.gap


DEFAULT = Geometry()


@dataclass
class Placed:
    step: Step
    col: int
    row: int  # global row index from the top
    geo: Geometry = DEFAULT

    @property
    def x(self) -> float:
        return self.col * self.geo.pitch

    @property
    def y(self) -> float:  # top edge, measured downwards from the top of the lanes
        return self.row * self.geo.row_h + (self.geo.row_h - self.geo.box_h) / 2

    @property
    def cy(self) -> float:
        return self.y + self.geo.box_h / 2


@dataclass
class Layout:
    lanes: list[tuple[str, int, int]]  # (lane role id, first row, row count)
    placed: dict[str, Placed]
    columns: int
    rows: int
    geo: Geometry = DEFAULT
    by_col: dict[int, list[tuple[str, float, float]]] = field(default_factory=dict, repr=False)
    """Boxes per column as (step id, top, bottom), built on first use: routing asks about
    every flow, and a large map has thousands of boxes that a segment mostly cannot touch."""

    def boxes(self, lo_x: float, hi_x: float):
        """The boxes whose column overlaps the open x range (lo_x, hi_x)."""
        g = self.geo
        if not self.by_col:
            for pid, p in self.placed.items():
                self.by_col.setdefault(p.col, []).append((pid, p.y, p.y + g.box_h))
        first = max(0, int(lo_x // g.pitch) - 1)
        last = int(hi_x // g.pitch) + 1
        for col in range(first, last + 1):
            x = col * g.pitch
            if lo_x < x + g.box_w and hi_x > x:
                yield from self.by_col.get(col, ())


def layout(pmap: ProcessMap, geo: Geometry = DEFAULT) -> Layout:
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
                    placed[step.id] = Placed(step, c, row + k, geo)
        row += depth
    return Layout(lanes, placed, col + 1, row, geo)


def hits(lay: Layout, points: list[tuple[float, float]], ends: set[str]) -> bool:
    """Whether an orthogonal path runs through a box other than its own two ends."""
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        lo_x, hi_x, lo_y, hi_y = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
        for pid, top, bottom in lay.boxes(lo_x, hi_x):
            if lo_y < bottom and hi_y > top and pid not in ends:
                return True
    return False


def route(lay: Layout, a: Placed, b: Placed) -> list[tuple[float, float]]:
    ends = {a.step.id, b.step.id}
    g = lay.geo
    if b.col > a.col:
        sx, tx = a.x + g.box_w, b.x
        options = [
            [(sx, a.cy), (tx - g.gap / 2, a.cy), (tx - g.gap / 2, b.cy), (tx, b.cy)],
            [(sx, a.cy), (sx + g.gap / 2, a.cy), (sx + g.gap / 2, b.cy), (tx, b.cy)],
        ]
        channel = (a.row + 1) * g.row_h if b.row >= a.row else a.row * g.row_h
        options.append(
            [
                (sx, a.cy),
                (sx + g.gap / 2, a.cy),
                (sx + g.gap / 2, channel),
                (tx - g.gap / 2, channel),
                (tx - g.gap / 2, b.cy),
                (tx, b.cy),
            ]
        )
    elif b.col == a.col:
        cx = a.x + g.box_w / 2
        if b.row > a.row:
            options = [[(cx, a.y + g.box_h), (cx, b.y)]]
        else:
            options = [[(cx, a.y), (cx, b.y + g.box_h)]]
        side = a.x + g.box_w + g.gap / 2
        options.append([(a.x + g.box_w, a.cy), (side, a.cy), (side, b.cy), (a.x + g.box_w, b.cy)])
    else:  # a loop back to an earlier column: under the source row, then up into the target
        channel = (max(a.row, b.row) + 1) * g.row_h - 4
        sx, tx = a.x + g.box_w / 2, b.x + g.box_w / 2
        options = [[(sx, a.y + g.box_h), (sx, channel), (tx, channel), (tx, b.y + g.box_h)]]
    for path in options:
        if not hits(lay, path, ends):
            return path
    return options[-1]


def exception_route(lay: Layout, a: Placed, b: Placed) -> list[tuple[float, float]]:
    """Exception routes leave from the bottom (or top) of the AI step, never its right side,
    so they read apart from the normal flow even where they share a corridor."""
    g = lay.geo
    sx = a.x + g.box_w / 2 + 12
    tx = b.x + g.box_w / 2 + 12
    if b.row == a.row:
        channel = (a.row + 1) * g.row_h - 5
        return [(sx, a.y + g.box_h), (sx, channel), (tx, channel), (tx, b.y + g.box_h)]
    down = b.row > a.row
    start_y = a.y + g.box_h if down else a.y
    end_y = b.y if down else b.y + g.box_h
    if a.col == b.col:
        return [(sx, start_y), (sx, end_y)]
    channel = (a.row + 1) * g.row_h if down else a.row * g.row_h
    channel += -4 if down else 4
    return [(sx, start_y), (sx, channel), (tx, channel), (tx, end_y)]
