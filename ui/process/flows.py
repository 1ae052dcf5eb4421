"""Flows as routes, and plain flows drawn in bulk: one set of lines per band of the map.

A 500-step map has some 500 flows. Most are plain (no label, not an exception route, not
selected): they are kept as a ``FlowRoute`` (the points of their route, in plain numbers) and
drawn per band of ``BAND`` scene units, one drawLines and one fill (the heads) per band. Only a flow
that must draw or hit-test on its own gets an ``ArrowItem``: a labelled flow, an exception
route, and a plain flow the pointer or a rubber band comes near (``ProcessScene.flow_items_near``)
or that is asked for by id (``ProcessScene.arrows``). Building a map therefore creates no item
per plain flow, and a drag re-draws only the bands of the flows it moved.

The segments of a band are drawn as separate lines, not as one stroked path: the raster engine
draws straight anti-aliased lines about three times faster than it strokes polylines with round
joins. The only difference is at a bend, where a 1.6-unit line gets a square outer corner
instead of a round one (one edge pixel, invisible at any zoom the page offers).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem

from .arrows import FlowIdentity, placed_head
from .style import CanvasStyle

BAND = 1500.0
MARGIN = 12.0
"""How far an arrow's item reaches beyond its route's points (see ArrowItem.set_route)."""
_NOTHING = QPainterPath()


class FlowRoute(FlowIdentity):
    """One flow (or exception route) of the scene: its ends, label and route; its item if it has one."""

    __slots__ = ("key", "source_id", "target_id", "exception", "label", "points", "anchor", "bounds", "band", "item")

    def __init__(self, key: str, source_id: str, target_id: str, *, exception: bool = False, label: str = ""):
        self.key = key
        """The flow's id; for an exception route, 'exception:' and the AI step's id."""
        self.source_id = source_id
        self.target_id = target_id
        self.exception = exception
        self.label = label
        self.points: list[tuple[float, float]] = []
        self.anchor = None
        """Where a label goes (see routing.label_anchor); None while there is no label."""
        self.bounds = (0.0, 0.0, 0.0, 0.0)
        """Left, top, right, bottom of the route's points."""
        self.band: FlowBand | None = None
        self.item = None
        """The ArrowItem, once the flow needs one."""

    def set_route(self, points: list[tuple[float, float]], anchor) -> None:
        self.points, self.anchor = points, anchor
        left, top = right, bottom = points[0]
        for x, y in points[1:]:
            if x < left:
                left = x
            elif x > right:
                right = x
            if y < top:
                top = y
            elif y > bottom:
                bottom = y
        self.bounds = (left, top, right, bottom)

    def near(self, rect: QRectF) -> bool:
        """Could the flow's item (its route grown by its margin) touch this rectangle?"""
        left, top, right, bottom = self.bounds
        return (
            left - MARGIN <= rect.right()
            and rect.left() <= right + MARGIN
            and top - MARGIN <= rect.bottom()
            and rect.top() <= bottom + MARGIN
        )


class FlowBand(QGraphicsItem):
    """The plain flows whose routes start in one band of the map, as lines and one path of heads."""

    def __init__(self, style: CanvasStyle):
        super().__init__()
        self.style = style
        self.routes: dict[FlowRoute, None] = {}
        """The band's flows, in the order they came (a set's order would vary the overlaps' pixels)."""
        self._lines: list[QLineF] | None = None
        self._heads = QPainterPath()
        self._bounds = QRectF()
        self.setZValue(2)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def invalidate(self) -> None:
        if self._lines is not None and self.scene() is not None:
            self.prepareGeometryChange()
        self._lines = None

    def _build(self) -> None:
        lines, heads = [], QPainterPath()
        line = lines.append
        for route in self.routes:
            points = route.points
            a = points[0]
            for b in points[1:]:
                line(QLineF(a[0], a[1], b[0], b[1]))  # four numbers: the cheapest constructor to pick
                a = b
            heads.addPolygon(placed_head(points))
        self._lines, self._heads = lines, heads
        self._bounds = heads.boundingRect().adjusted(-3, -3, 3, 3)
        if self.routes:
            left = min(r.bounds[0] for r in self.routes)
            top = min(r.bounds[1] for r in self.routes)
            right = max(r.bounds[2] for r in self.routes)
            bottom = max(r.bounds[3] for r in self.routes)
            self._bounds = self._bounds.united(QRectF(left - 3, top - 3, right - left + 6, bottom - top + 6))

    def boundingRect(self) -> QRectF:
        if self._lines is None:
            self._build()
        return self._bounds

    def shape(self) -> QPainterPath:
        return _NOTHING  # clicks and rubber bands find the flows' own items

    def paint(self, painter, option, widget=None) -> None:
        if self._lines is None:
            self._build()
        s = self.style
        painter.setPen(s.flow_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawLines(self._lines)
        painter.fillPath(self._heads, s.flow_brush)


class FlowBands:
    """The bands of one scene, and which band each plain flow is drawn in."""

    def __init__(self, scene, style: CanvasStyle):
        self.scene = scene
        self.style = style
        self.bands: dict[int, FlowBand] = {}
        self._painting_selected: set = set()

    def place(self, route: FlowRoute) -> None:
        """After a flow's route or label changed: draw it in its band, or let its item draw it."""
        old = route.band
        if route.is_plain:
            index = int((route.bounds[0] - MARGIN) // BAND)
            band = self.bands.get(index)
            if band is None:
                band = self.bands[index] = FlowBand(self.style)
                self.scene.addItem(band)
            if old is not band:
                if old is not None:
                    old.routes.pop(route, None)
                    old.invalidate()
                band.routes[route] = None
                route.band = band
            band.invalidate()
        elif old is not None:
            old.routes.pop(route, None)
            old.invalidate()
            route.band = None
        item = route.item
        if item is not None:
            item.set_draws_itself(not route.is_plain or item.isSelected())

    def forget(self, route: FlowRoute) -> None:
        if route.band is not None:
            route.band.routes.pop(route, None)
            route.band.invalidate()
            route.band = None

    def selection_changed(self, selected: set) -> None:
        """A selected plain flow draws itself, highlighted, over its band."""
        for arrow in self._painting_selected - selected:
            arrow.set_draws_itself(not arrow.is_plain)
        for arrow in selected - self._painting_selected:
            arrow.set_draws_itself(True)
        self._painting_selected = selected

    def clear(self) -> None:
        """The scene was cleared: its bands went with it."""
        self.bands.clear()
        self._painting_selected = set()


class ArrowItems(Mapping):
    """The scene's flows by key, as items: an item is made when a flow is asked for."""

    def __init__(self, scene):
        self._scene = scene

    def __getitem__(self, key: str):
        return self._scene.arrow_item(key)

    def __contains__(self, key) -> bool:
        return key in self._scene.flows

    def __iter__(self) -> Iterator[str]:
        return iter(self._scene.flows)

    def __len__(self) -> int:
        return len(self._scene.flows)
