"""Swimlanes: one horizontal band per role, with the role's name in a header on the left."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem

from omplanner.process.layout import LANE_HEIGHT

from .items import GLANCE_PIXELS, LANE_HEADER_WIDTH, LANE_LEFT, TEXT_LOD, wrap_text
from .style import CanvasStyle


class LaneItem(QGraphicsItem):
    """A swimlane: a band across the map with the role's name in a header on the left."""

    Type = QGraphicsItem.UserType + 3

    def __init__(self, role_id: str, style: CanvasStyle):
        super().__init__()
        self.role_id = role_id
        self.style = style
        self.index = 0
        self.width = 800.0
        self.is_ai = False
        self.active = False
        self._name_lines: list[str] = []
        self._name = ""
        self._kind_text = ""
        self.setZValue(-10)

    def type(self) -> int:
        return self.Type

    def set_state(self, *, name: str, kind_label: str, is_ai: bool, index: int, width: float) -> None:
        self.prepareGeometryChange()
        self.index, self.width, self.is_ai = index, width, is_ai
        self._name = name
        self._name_lines = wrap_text(name, self.style.lane_metrics, LANE_HEADER_WIDTH - 20, 3)
        self._kind_text = kind_label
        self.setPos(0, index * LANE_HEIGHT)
        self.update()

    def set_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            self.update()

    def header_rect(self) -> QRectF:
        return QRectF(LANE_LEFT - LANE_HEADER_WIDTH, 0, LANE_HEADER_WIDTH, LANE_HEIGHT)

    def boundingRect(self) -> QRectF:
        return QRectF(LANE_LEFT - LANE_HEADER_WIDTH, 0, LANE_HEADER_WIDTH + self.width, LANE_HEIGHT)

    def paint(self, painter, option, widget=None) -> None:
        s = self.style
        body = QRectF(LANE_LEFT, 0, self.width, LANE_HEIGHT)
        painter.setPen(s.no_pen)
        brush = s.ai_lane_brush if self.is_ai else s.lane_brushes[self.index % 2]
        if brush.color() != s.canvas:  # a band the colour of the canvas needs no second coat
            painter.setBrush(brush)
            painter.drawRect(body)
        header = self.header_rect()
        # borders as thin filled rectangles: stroking long lines is slow in the raster engine
        painter.setBrush(s.lane_border_brush)
        painter.drawRect(QRectF(header.right(), LANE_HEIGHT - 0.5, self.width, 1))
        painter.drawRect(QRectF(header.right(), -0.5, self.width, 1))
        self.paint_header(painter, header.left())

    def paint_header(self, painter, left: float) -> None:
        """The header with the role's name, its left edge at ``left`` (item coordinates): where
        the lane puts it, or pinned to the view's left edge once the map scrolls past it."""
        s = self.style
        header = QRectF(left, 0, LANE_HEADER_WIDTH, LANE_HEIGHT)
        painter.setPen(s.no_pen)
        painter.setBrush(s.lane_header_brush)
        painter.drawRect(header)
        painter.setBrush(s.lane_border_brush)
        painter.drawRect(QRectF(header.left(), LANE_HEIGHT - 0.5, header.width(), 1))
        painter.drawRect(QRectF(header.left(), -0.5, header.width(), 1))
        painter.drawRect(QRectF(header.right() - 0.5, 0, 1, LANE_HEIGHT))
        if self.active:
            painter.setPen(s.selection_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(header.adjusted(1.5, 1.5, -1.5, -1.5))
        painter.setPen(s.text_pen)
        lod = math.sqrt(abs(painter.worldTransform().determinant()))
        if 0 < lod < TEXT_LOD:
            # too small to read: the name alone, in type that stays legible, as the steps do
            font, _line = s.glance_name(self._name, int(min(GLANCE_PIXELS / lod, 40)), LANE_HEADER_WIDTH)
            painter.setFont(font)
            painter.save()
            painter.setClipRect(header)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(header.adjusted(6, 4, -6, -4), int(flags), self._name)
            painter.restore()
            return
        painter.setFont(s.lane_font)
        line_h = s.lane_metrics.height()
        y = (LANE_HEIGHT - line_h * (len(self._name_lines) + 1)) / 2 + s.lane_metrics.ascent()
        for line in self._name_lines:
            painter.drawText(QPointF(header.left() + 10, y), line)
            y += line_h
        painter.setFont(s.small_font)
        painter.setPen(s.muted_pen)
        painter.drawText(QPointF(header.left() + 10, y + 2), self._kind_text)
