"""Orthogonal routes for arrows between two steps, in plain numbers (no Qt).

A route leaves the source from a side and enters the target on a side, with at most one
bend. Where two routes are possible, the caller's ``blocked`` test (does this route cross
another step?) picks the clear one; a decision prefers to branch vertically, other steps to
carry on horizontally, which is how people read a swimlane map.
"""

from __future__ import annotations

from collections.abc import Callable

Point = tuple[float, float]
Route = list[Point]


def route(
    source: Point,
    target: Point,
    half_w: float,
    half_h: float,
    *,
    prefer_vertical: bool = False,
    blocked: Callable[[Route], bool] | None = None,
) -> Route:
    sx, sy = source
    tx, ty = target
    if abs(sy - ty) < 1:
        # back along the same row, or over steps in between: loop underneath them
        low = sy + half_h + 22
        under = [(sx, sy + half_h), (sx, low), (tx, low), (tx, ty + half_h)]
        if tx > sx:
            straight = [(sx + half_w, sy), (tx - half_w, ty)]
            return under if blocked is not None and blocked(straight) and not blocked(under) else straight
        if tx < sx:
            return under
        return [(sx, sy), (tx, ty)]
    down = ty > sy
    if abs(sx - tx) < 1:
        return [(sx, sy + half_h if down else sy - half_h), (tx, ty - half_h if down else ty + half_h)]
    right = tx > sx
    vertical_first = [
        (sx, sy + half_h if down else sy - half_h),
        (sx, ty),
        (tx - half_w if right else tx + half_w, ty),
    ]
    horizontal_first = [
        (sx + half_w if right else sx - half_w, sy),
        (tx, sy),
        (tx, ty - half_h if down else ty + half_h),
    ]
    first, second = (vertical_first, horizontal_first) if prefer_vertical else (horizontal_first, vertical_first)
    if blocked is not None and blocked(first) and not blocked(second):
        return second
    return first


def label_anchor(points: Route) -> tuple[Point, str]:
    """Where a label goes: the middle of the longest segment, and on which side of it
    ('above' a horizontal segment, 'below' one that loops under steps, 'right' of a vertical one)."""
    best, best_len, side = points[0], -1.0, "above"
    for i, ((x1, y1), (x2, y2)) in enumerate(zip(points, points[1:])):
        length = abs(x2 - x1) + abs(y2 - y1)
        if length > best_len:
            best, best_len = ((x1 + x2) / 2, (y1 + y2) / 2), length
            if abs(y2 - y1) >= 1:
                side = "right"
            elif 0 < i and i + 2 < len(points) and points[i - 1][1] < y1 and points[i + 2][1] < y1:
                side = "below"
            else:
                side = "above"
    return best, side


def offset_route(points: Route, dx: float = 25, dy: float = 12) -> Route:
    """The same route moved off the centre lines of the steps (right of vertical segments, below
    horizontal ones), so that an exception route never runs on top of a flow."""
    shifted = []
    for i, (x, y) in enumerate(points):
        neighbours = [points[j] for j in (i - 1, i + 1) if 0 <= j < len(points)]
        on_vertical = any(abs(nx - x) < 1 for nx, _ in neighbours)
        on_horizontal = any(abs(ny - y) < 1 for _, ny in neighbours)
        shifted.append((x + dx if on_vertical else x, y + dy if on_horizontal else y))
    return shifted
