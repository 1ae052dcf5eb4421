"""Plain flows drawn in bulk: one stroked path per band of the map instead of one item each.

A 500-step map has some 500 flows. Drawn item by item, each costs a call into Python and a
painter set-up per frame; drawn as one path per band of ``BAND`` scene units, a band costs one
stroke and one fill. The ``ArrowItem`` of each flow stays in the scene for hit tests,
selection and tooltips, but paints nothing while it is plain (no label, not selected, not an
exception route); a drag re-draws only the bands of the flows it moved.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem

from .style import CanvasStyle

BAND = 1500.0
_NOTHING = QPainterPath()


class FlowBand(QGraphicsItem):
    """The plain flows whose routes start in one band of the map, as one path."""

    def __init__(self, style: CanvasStyle):
        super().__init__()
        self.style = style
        self.arrows: set = set()
        self._lines: QPainterPath | None = None
        self._heads = QPainterPath()
        self._bounds = QRectF()
        self.setZValue(2)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def invalidate(self) -> None:
        if self._lines is not None and self.scene() is not None:
            self.prepareGeometryChange()
        self._lines = None

    def _build(self) -> None:
        lines, heads = QPainterPath(), QPainterPath()
        for arrow in self.arrows:
            lines.addPolygon(arrow.polyline)  # an open subpath: stroked, never filled
            heads.addPolygon(arrow.head_polygon)
        self._lines, self._heads = lines, heads
        self._bounds = lines.boundingRect().united(heads.boundingRect()).adjusted(-3, -3, 3, 3)

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
        painter.drawPath(self._lines)
        painter.fillPath(self._heads, s.flow_brush)


class FlowBands:
    """The bands of one scene, and which band each plain flow is drawn in."""

    def __init__(self, scene, style: CanvasStyle):
        self.scene = scene
        self.style = style
        self.bands: dict[int, FlowBand] = {}
        self._painting_selected: set = set()

    def place(self, arrow) -> None:
        """After an arrow's route or label changed: draw it in its band, or let it draw itself."""
        old = arrow.band
        if arrow.is_plain:
            index = int(arrow.boundingRect().left() // BAND)
            band = self.bands.get(index)
            if band is None:
                band = self.bands[index] = FlowBand(self.style)
                self.scene.addItem(band)
            if old is not band:
                if old is not None:
                    old.arrows.discard(arrow)
                    old.invalidate()
                band.arrows.add(arrow)
                arrow.band = band
            band.invalidate()
        elif old is not None:
            old.arrows.discard(arrow)
            old.invalidate()
            arrow.band = None
        arrow.set_draws_itself(not arrow.is_plain or arrow.isSelected())

    def forget(self, arrow) -> None:
        if arrow.band is not None:
            arrow.band.arrows.discard(arrow)
            arrow.band.invalidate()
            arrow.band = None

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
