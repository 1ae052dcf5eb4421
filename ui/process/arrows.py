"""The arrows of a process map: a flow between two steps, or an exception route. Display only.

Plain flows are drawn in bulk by their band (see flows.py); an ArrowItem is made for a flow that
draws a label, an exception route, or a flow that is selected or hit-tested.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from ..widgets.plain_text import plain_tooltip
from .items import DETAIL_LOD
from .style import CanvasStyle


def _head(dx: float, dy: float, size: float = 10.0) -> QPolygonF:
    """An arrow head with its tip at (0, 0), pointing along (dx, dy)."""
    angle = math.atan2(dy, dx)
    return QPolygonF(
        [
            QPointF(0, 0),
            QPointF(-size * math.cos(angle - 0.42), -size * math.sin(angle - 0.42)),
            QPointF(-size * math.cos(angle + 0.42), -size * math.sin(angle + 0.42)),
        ]
    )


_HEADS = {(1, 0): _head(1, 0), (-1, 0): _head(-1, 0), (0, 1): _head(0, 1), (0, -1): _head(0, -1)}
"""Routes are orthogonal: their last segment points one of four ways, so four heads serve all."""


def arrow_head(points: list[tuple[float, float]]) -> tuple[QPolygonF, QPointF]:
    """The head of an arrow along this route (tip at (0, 0)) and where its tip goes."""
    (x2, y2) = points[-1]
    return _head_of(points), QPointF(x2, y2)


def placed_head(points: list[tuple[float, float]]) -> QPolygonF:
    """The head of an arrow along this route, at the route's end."""
    (x2, y2) = points[-1]
    return _head_of(points).translated(x2, y2)


def _head_of(points: list[tuple[float, float]]) -> QPolygonF:
    (x1, y1), (x2, y2) = points[-2], points[-1]
    dx, dy = x2 - x1, y2 - y1
    if abs(dx) < 1e-6 or abs(dy) < 1e-6:
        return _HEADS[((dx > 0) - (dx < 0), (dy > 0) - (dy < 0))] if (dx or dy) else _HEADS[(1, 0)]
    return _head(dx, dy)


class FlowIdentity:
    """What a flow's route and its item share: which flow it is, and whether its band draws it.
    Needs ``key``, ``exception`` and ``label``."""

    __slots__ = ()

    @property
    def flow_id(self) -> str | None:
        return None if self.exception else self.key

    @property
    def is_plain(self) -> bool:
        """Drawn by its band rather than by an item of its own: a flow without a label."""
        return not self.exception and not self.label


class ArrowItem(FlowIdentity, QGraphicsItem):
    """A flow between two steps (solid), or an exception route (dashed, coloured).

    A plain flow is drawn by its band and gets an item only when it must hit-test or draw
    itself highlighted (see ui.process.flows).
    """

    Type = QGraphicsItem.UserType + 2
    label = ""
    _line = QPolygonF()
    _head = _HEADS[(1, 0)]
    _tip = QPointF()
    _shape: QPainterPath | None = None
    _bounds = QRectF()
    _label_rect: QRectF | None = None
    _draws_itself = True

    def __init__(self, key: str, source_id: str, target_id: str, style: CanvasStyle, *, exception: bool = False):
        super().__init__()
        self.key = key
        """The flow's id; for an exception route, 'exception:' and the AI step's id."""
        self.source_id = source_id
        self.target_id = target_id
        self.style = style
        self.exception = exception
        # above the steps: a label squeezed between two close steps stays readable
        if exception:
            self.setZValue(2.5)
        else:
            self.setZValue(2)
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)

    @property
    def polyline(self) -> QPolygonF:
        return self._line

    @property
    def head_polygon(self) -> QPolygonF:
        return self._head.translated(self._tip)

    def set_draws_itself(self, draws: bool) -> None:
        if draws != self._draws_itself:
            self._draws_itself = draws
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, not draws)

    def type(self) -> int:
        return self.Type

    def set_label(self, label: str) -> None:
        if label or self.label:
            self.setToolTip(plain_tooltip(label))
        self.label = label

    def set_route(self, points: list[tuple[float, float]], label_at: tuple[tuple[float, float], str] | None) -> None:
        in_scene = self.scene() is not None
        if in_scene:
            self.prepareGeometryChange()
        # a polyline, not a path: stroking a few points as a polyline is much cheaper to paint
        self._line = QPolygonF([QPointF(x, y) for x, y in points])
        self._head, self._tip = arrow_head(points)
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        left, top = min(xs), min(ys)
        bounds = QRectF(left - 12, top - 12, max(xs) - left + 24, max(ys) - top + 24)
        self._label_rect = None
        if self.label:
            metrics = self.style.small_metrics
            width, height = metrics.horizontalAdvance(self.label) + 8, metrics.height() + 2
            (lx, ly), side = label_at
            if side == "above":
                rect = QRectF(lx - width / 2, ly - height - 2, width, height)
            elif side == "below":
                rect = QRectF(lx - width / 2, ly + 2, width, height)
            else:
                rect = QRectF(lx + 4, ly - height / 2, width, height)
            self._label_rect = rect
            bounds = bounds.united(rect)
        self._shape = None  # built on first hit test: most arrows are never hit-tested
        self._bounds = bounds
        if in_scene:
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(8)
            path = QPainterPath()
            path.addPolygon(self._line)
            shape = stroker.createStroke(path)
            head = QPainterPath()
            head.addPolygon(self._head.translated(self._tip))
            shape = shape.united(head)
            if self._label_rect is not None:
                shape.addRect(self._label_rect)
            self._shape = shape
        return self._shape

    def paint(self, painter, option, widget=None) -> None:
        s = self.style
        if self.exception:
            pen, brush = s.exception_pen, s.exception_brush
        elif self.isSelected():
            pen, brush = s.flow_selected_pen, s.flow_brush
        else:
            pen, brush = s.flow_pen, s.flow_brush
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen)
        painter.drawPolyline(self._line)
        painter.setPen(s.no_pen)
        painter.setBrush(brush)
        tip = self._tip
        painter.translate(tip)
        painter.drawPolygon(self._head)
        painter.translate(-tip)
        rect = self._label_rect
        if rect is not None and option.levelOfDetailFromTransform(painter.worldTransform()) >= DETAIL_LOD:
            painter.setBrush(s.label_brush)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setFont(s.small_font)
            painter.setPen(s.exception_text_pen if self.exception else s.text_pen)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label)
