"""Routes for the lines between bars that keep clear of the words on the roadmap.

A dependency arrow and a "breaks a sequencing principle" arc both cross the rows between their
two ends. Run straight, they cut through whatever labels and bars lie there. Between two rows of
bars there is always a gap where nothing is written, so a route runs along the gaps and crosses
rows only where a column is free: the nearest one to where the line would naturally go.

Obstacles are plain ``(left, top, right, bottom, is_label)`` tuples in scene coordinates, so that
testing a route costs arithmetic, not Qt calls: the canvas re-routes on every step of a drag.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

Point = tuple[float, float]
Obstacle = tuple[float, float, float, float, bool]
"""left, top, right, bottom, and whether it is a label's text (worse to cross than a bar)."""

CLEARANCE = 3.0
"""Pixels a line running past a label or bar keeps from it."""
DETOUR = 240.0
"""How far sideways a line goes to find a free column before it settles for crossing less."""
FAR_DETOUR = 3 * DETOUR
"""How far it goes, when nothing nearer is free, to cross no label at all."""
HOPELESS = 3
"""An arc crossing more labels and bars than this is not worth bending a little: the route
along the gaps is tried at once."""
CORNER = 6.0
"""Radius of an arc's rounded corners where it follows the gaps between rows."""


class Obstacles:
    """The labels and bars of a roadmap, sorted by their top, to look up those in a band of rows."""

    def __init__(self, rects: Iterable[Obstacle], extra: Sequence[Obstacle] = ()):
        self.rects = sorted(rects, key=lambda r: r[1])
        self._tops = [r[1] for r in self.rects]
        self._tallest = max((r[3] - r[1] for r in self.rects), default=0.0)
        self.extra = list(extra)
        """A few more, unsorted: the runs of lines already routed, which others keep off."""

    def between(self, y0: float, y1: float, extra: bool = True) -> list[Obstacle]:
        """Those overlapping the band from ``y0`` to ``y1`` (either order); with ``extra``, the
        runs of other lines too."""
        lo, hi = min(y0, y1), max(y0, y1)
        first = bisect_left(self._tops, lo - self._tallest)
        last = bisect_right(self._tops, hi)
        found = [r for r in self.rects[first:last] if r[3] > lo and r[1] < hi]
        if not (extra and self.extra):
            return found
        return found + [r for r in self.extra if r[3] > lo and r[1] < hi]

    def plus(self, extra: Sequence[Obstacle]) -> Obstacles:
        """These obstacles and ``extra``, sharing the sorted ones (cheap)."""
        copy = Obstacles.__new__(Obstacles)
        copy.rects, copy._tops, copy._tallest = self.rects, self._tops, self._tallest
        copy.extra = [*self.extra, *extra]
        return copy


NOTHING = Obstacles(())


def _segment_hits(x0: float, y0: float, x1: float, y1: float, rect: Obstacle) -> bool:
    """Whether the segment from (x0, y0) to (x1, y1), whose bounding box the caller has found
    to overlap ``rect``, passes through its inside (touching an edge does not count: a line may
    end on a bar's edge)."""
    if x0 == x1 or y0 == y1:
        return True  # upright or level, and overlapping: it crosses
    dx, dy = x1 - x0, y1 - y0
    u0, u1 = 0.0, 1.0
    for p, q in ((-dx, x0 - rect[0]), (dx, rect[2] - x0), (-dy, y0 - rect[1]), (dy, rect[3] - y0)):
        u = q / p
        if p < 0:
            if u > u0:
                u0 = u
        elif u < u1:
            u1 = u
        if u0 >= u1:
            return False
    return True


def crossings(points: Sequence[Point], obstacles: Obstacles, enough: tuple[int, int] | None = None) -> tuple[int, int]:
    """How many labels and how many bars the polyline through ``points`` runs through; counting
    stops once it reaches ``enough`` (a route already found crosses no more).

    Each segment is tested only against the obstacles in its own band of rows, so a long line
    across a crowded roadmap costs about one look at each obstacle near it."""
    hit: set[Obstacle] = set()
    labels = 0
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        lo_x, hi_x = (x0, x1) if x0 < x1 else (x1, x0)
        lo_y, hi_y = (y0, y1) if y0 < y1 else (y1, y0)
        for rect in obstacles.between(lo_y, hi_y, extra=False):  # crossing another line is fine
            if rect[2] <= lo_x or rect[0] >= hi_x or rect[3] <= lo_y or rect[1] >= hi_y or rect in hit:
                continue
            if _segment_hits(x0, y0, x1, y1, rect):
                hit.add(rect)
                labels += rect[4]
                if enough is not None and (labels, len(hit) - labels) >= enough:
                    return (labels, len(hit) - labels)
    return (labels, len(hit) - labels)


def _free_x(rects: list[Obstacle], want: float, lowest: float, reach: float = DETOUR) -> float | None:
    """The x nearest ``want`` (not left of ``lowest``, within ``reach``) that none of ``rects``
    covers, keeping ``CLEARANCE`` from each; None when there is none."""
    blocked: list[list[float]] = []
    for left, _top, right, *_ in sorted(rects):
        left, right = left - CLEARANCE, right + CLEARANCE
        if blocked and left <= blocked[-1][1]:
            if right > blocked[-1][1]:
                blocked[-1][1] = right
        else:
            blocked.append([left, right])
    at = bisect_right([span[0] for span in blocked], want) - 1
    if want >= lowest and (at < 0 or want >= blocked[at][1]):
        return want  # in no blocked span
    # the edges of the merged spans are free by construction
    edges = [x for span in blocked for x in span if x >= lowest and abs(x - want) <= reach]
    return min(edges, key=lambda x: abs(x - want), default=None)


def _least_crossed_x(rects: list[Obstacle], want: float, lowest: float) -> float:
    """Where an upright line crosses the fewest labels, then bars, near ``want``: just beside a
    label's edge (or at ``want``), as no other place crosses fewer labels."""
    options = [want] + [e for r in rects if r[4] for e in (r[0] - CLEARANCE, r[2] + CLEARANCE)]
    options = sorted({x for x in options if x >= lowest and abs(x - want) <= DETOUR} or {want})
    spans = {True: ([], []), False: ([], [])}
    for r in rects:
        spans[r[4]][0].append(r[0])
        spans[r[4]][1].append(r[2])
    for lefts, rights in spans.values():
        lefts.sort()
        rights.sort()

    def covering(x: float, label: bool) -> int:
        lefts, rights = spans[label]
        return bisect_left(lefts, x) - bisect_right(rights, x)  # l < x, less those with r <= x

    labels = {x: covering(x, True) for x in options}
    fewest = min(labels.values())
    return min((x for x in options if labels[x] == fewest), key=lambda x: (covering(x, False), abs(x - want)))


def column(y0: float, y1: float, want: float, lowest: float, obstacles: Obstacles, quick: bool = False) -> float:
    """The x at which to run upright from ``y0`` to ``y1``: ``want`` if nothing is in the way,
    else the nearest free column (free of other lines' runs too, if one is near), else the one
    crossing the fewest labels. ``quick`` (during a drag) looks for a column free of labels only."""
    lo, hi = want - DETOUR - CLEARANCE, want + DETOUR + CLEARANCE  # none further off matters
    rects = [r for r in obstacles.between(y0, y1, extra=False) if r[2] > lo and r[0] < hi]
    if quick:
        x = _free_x([r for r in rects if r[4]], want, lowest)
        return want if x is None else x
    top, bottom = min(y0, y1), max(y0, y1)
    runs = rects + [r for r in obstacles.extra if r[2] > lo and r[0] < hi and r[3] > top and r[1] < bottom]
    if not runs:
        return want
    # free of everything, else of labels and bars (running along another line), else of labels
    for chosen in (runs, rects, [r for r in rects if r[4]]):
        x = _free_x(chosen, want, lowest)
        if x is not None:
            return x
    # a longer way round rather than through the words
    far = FAR_DETOUR + CLEARANCE
    labels = [r for r in obstacles.between(y0, y1, extra=False) if r[4] and r[2] > want - far and r[0] < want + far]
    x = _free_x(labels, want, lowest, FAR_DETOUR)
    return x if x is not None else _least_crossed_x(rects, want, lowest)


def _tidy(points: list[Point]) -> list[Point]:
    """Drop repeated points and points in the middle of a straight run."""
    out: list[Point] = []
    for p in points:
        if out and abs(p[0] - out[-1][0]) < 0.01 and abs(p[1] - out[-1][1]) < 0.01:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (abs(ax - bx) < 0.01 and abs(bx - p[0]) < 0.01) or (abs(ay - by) < 0.01 and abs(by - p[1]) < 0.01):
                out[-1] = p
                continue
        out.append(p)
    return out


def elbow_points(
    start: Point, end: Point, half_gap: float, lowest: float, obstacles: Obstacles = NOTHING
) -> list[Point]:
    """An orthogonal route from the end of one bar (``start``, mid-height) to the start of
    another (``end``).

    It leaves the source, steps into the gap beside its row (``half_gap`` from its middle), runs
    along it to a column where no label or bar lies in the rows between, crosses them there, and
    runs along the gap beside the target's row before stepping into the target's start. With no
    obstacles the column is the one just right of the source: the plain elbow.
    """
    sx, sy = start
    ex, ey = end
    if abs(ey - sy) < 1 and ex - sx >= 8:
        straight = [start, end]
        if crossings(straight, obstacles) == (0, 0):
            return straight
    if ey > sy + 0.5:
        gap_s, gap_e = sy + half_gap, ey - half_gap
    elif ey < sy - 0.5:
        gap_s, gap_e = sy - half_gap, ey + half_gap
    else:
        gap_s = gap_e = sy + half_gap  # the same row: under it and back
    out_x, in_x = sx + 6, ex - 8
    x = column(gap_s, gap_e, out_x, lowest, obstacles) if abs(gap_e - gap_s) > 0.5 else out_x
    return _tidy([start, (out_x, sy), (out_x, gap_s), (x, gap_s), (x, gap_e), (in_x, gap_e), (in_x, ey), end])


def polyline_path(points: Sequence[Point]) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    for p in points[1:]:
        path.lineTo(*p)
    return path


def rounded_path(points: Sequence[Point], radius: float = CORNER) -> QPainterPath:
    """A path through ``points`` with its corners rounded, each by at most half its shorter leg."""
    path = QPainterPath(QPointF(*points[0]))
    for i in range(1, len(points) - 1):
        (ax, ay), (bx, by), (cx, cy) = points[i - 1], points[i], points[i + 1]
        leg_in = abs(bx - ax) + abs(by - ay)
        leg_out = abs(cx - bx) + abs(cy - by)
        r = min(radius, leg_in / 2, leg_out / 2)
        if r <= 0.1:
            path.lineTo(bx, by)
            continue
        path.lineTo(bx - (bx - ax) / leg_in * r, by - (by - ay) / leg_in * r)
        path.quadTo(bx, by, bx + (cx - bx) / leg_out * r, by + (cy - by) / leg_out * r)
    path.lineTo(*points[-1])
    return path


def _quad_points(a: Point, ctrl: Point, b: Point, steps: int = 10) -> list[Point]:
    out = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        out.append(
            (u * u * a[0] + 2 * u * t * ctrl[0] + t * t * b[0], u * u * a[1] + 2 * u * t * ctrl[1] + t * t * b[1])
        )
    return out


def upright_runs(points: Sequence[Point], width: float = 10.0) -> list[Obstacle]:
    """The upright stretches of a route, as thin obstacles another line should not run along."""
    return [
        (a[0] - width / 2, min(a[1], b[1]), a[0] + width / 2, max(a[1], b[1]), False)
        for a, b in zip(points, points[1:], strict=False)
        if abs(a[0] - b[0]) < 0.01 and abs(a[1] - b[1]) > 8
    ]


def arc_route(
    start: Point, end: Point, half_gap: float, lowest: float, obstacles: Obstacles = NOTHING, quick: bool = False
) -> tuple[QPainterPath, list[Point]]:
    """A line from the top of one bar (``start``) to the top of another (``end``) that avoids
    the labels and bars between.

    It is an arc over the two ends when one clears them (the plain arc first, then, unless
    ``quick``, higher and wider ones). Otherwise it follows the gap above the start's row to a
    free column, crosses the rows there and comes down onto the end from the gap above its row,
    corners rounded. When every route crosses something, the one crossing the fewest labels,
    then bars, wins. ``quick`` (each step of a drag) tries only the plain arc and that route:
    the full search runs when the bar is dropped. Returns the path and the points it was
    judged by.
    """
    sx, sy = start
    ex, ey = end
    top = min(sy, ey)
    mid = (sx + ex) / 2
    wide = max(40.0, abs(ex - sx) / 2)
    controls = [(mid, top - 18)]
    if not quick:
        controls += [(mid, top - 40), (mid - wide, top - 18), (mid + wide, top - 18), (sx, top - 30), (ex, top - 30)]
    best: tuple[tuple[int, int], QPointF, list[Point]] | None = None
    for ctrl in controls:
        points = _quad_points(start, ctrl, end)
        # quick: only whether it is clear; then the other route wins if it crosses no label
        cost = crossings(points, obstacles, (0, 1) if quick else best[0] if best else None)
        if best is None or cost < best[0]:
            best = (cost, QPointF(*ctrl), points)
        if cost == (0, 0) or sum(best[0]) > HOPELESS:
            break  # clear; or so crowded that a slightly other arc will not be
    if best[0] != (0, 0):
        gap_s, gap_e = sy - half_gap, ey - half_gap
        x = column(gap_s, gap_e, mid, lowest, obstacles, quick) if abs(gap_e - gap_s) > 0.5 else mid
        points = _tidy([start, (sx, gap_s), (x, gap_s), (x, gap_e), (ex, gap_e), end])
        if crossings(points, obstacles, (1, 0) if quick else best[0]) < best[0]:
            return rounded_path(points), points
    path = QPainterPath(QPointF(*start))
    path.quadTo(best[1], QPointF(*end))
    return path, best[2]
