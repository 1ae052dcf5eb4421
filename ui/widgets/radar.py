"""A radar chart of the five components, one outline per use case, drawn with QPainter.

It is a plain view: the diagnostic page hands it series (label, colour, values 1-5 or None
per axis) and it repaints. Colours of text and grid come from the palette, so the chart reads
the same on a light or a dark theme.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from .style import body_font

MAX_VALUE = 5


@dataclass(frozen=True)
class Series:
    label: str
    color: QColor
    values: tuple[float | None, ...]
    emphasised: bool = False


def ring_labels(ring_gap: float, text_height: float) -> tuple[int, ...]:
    """The rings that get their number: all when the rings are a line apart, else every other
    one, else the outer ring alone (on a small chart the five numbers ran into each other)."""
    if ring_gap >= text_height:
        return tuple(range(1, MAX_VALUE + 1))
    if 2 * ring_gap >= text_height:
        return tuple(range(1, MAX_VALUE + 1, 2))
    return (MAX_VALUE,)


class RadarChart(QWidget):
    def __init__(self, axes: Sequence[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.axes = list(axes)
        self.series: list[Series] = []
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Diagnostic radar chart")

    def sizeHint(self) -> QSize:
        return QSize(440, 440)

    def set_series(self, series: Sequence[Series]) -> None:
        self.series = list(series)
        self.update()

    def _point(self, center: QPointF, radius: float, axis: int, value: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * axis / len(self.axes)
        r = radius * max(0.0, min(value, MAX_VALUE)) / MAX_VALUE
        return QPointF(center.x() + r * math.cos(angle), center.y() + r * math.sin(angle))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        grid_color = QColor(text_color)
        grid_color.setAlpha(60)
        # Beside the findings dock on a laptop the chart is narrow: the labels step down in size
        # until the rings get a fair share of the space, rather than the chart shrinking to a dot.
        for step in (0, -1, -2, -3):
            font = body_font(self.font(), step)
            metrics = QFontMetrics(font)
            legend_height = (metrics.height() + 6) * len(self.series) + 8
            label_margin = metrics.height() * 1.6
            widest = max((metrics.horizontalAdvance(line) for a in self.axes for line in a.split("\n")), default=0)
            area = QRectF(self.rect()).adjusted(8, 8, -8, -8 - legend_height)
            # Side labels stick out by about their width; top and bottom ones by a line.
            radius = max(10.0, min(area.width() / 2 - widest - 16, area.height() / 2 - label_margin * 1.5))
            if radius >= min(area.width(), area.height()) * 0.25:
                break
        painter.setFont(font)
        center = area.center()
        count = len(self.axes)

        # Rings 1..5 and the spokes.
        painter.setPen(QPen(grid_color, 1))
        for level in range(1, MAX_VALUE + 1):
            ring = QPolygonF([self._point(center, radius, a, level) for a in range(count)])
            painter.drawPolygon(ring)
        for axis in range(count):
            painter.drawLine(center, self._point(center, radius, axis, MAX_VALUE))
        small = body_font(self.font(), -2)
        painter.setFont(small)
        painter.setPen(grid_color.darker(80) if grid_color.lightness() > 128 else text_color)
        # The ring numbers sit between the first two spokes: on the first spoke they ran into its
        # label and under the series' points.
        between = -math.pi / 2 + math.pi / count
        small_metrics = QFontMetrics(small)
        for level in ring_labels(radius / MAX_VALUE, small_metrics.height()):
            r = radius * level / MAX_VALUE
            x, y = center.x() + r * math.cos(between), center.y() + r * math.sin(between)
            text = str(level)
            half = small_metrics.horizontalAdvance(text) / 2
            painter.drawText(QPointF(x - half, y + small_metrics.ascent() / 2), text)

        # Axis labels, outside the outer ring.
        painter.setFont(font)
        painter.setPen(text_color)
        for axis, label in enumerate(self.axes):
            lines = label.split("\n")
            p = self._point(center, radius + label_margin * 0.7, axis, MAX_VALUE)
            width = max(metrics.horizontalAdvance(line) for line in lines)
            height = metrics.height() * len(lines)
            # Labels on the sides grow outwards, so they never cover the chart.
            dx = p.x() - center.x()
            left = p.x() - width / 2 if abs(dx) < radius * 0.3 else (p.x() if dx > 0 else p.x() - width)
            box = QRectF(left - 4, p.y() - height / 2, width + 8, height)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

        # One outline per series; the emphasised one last, on top.
        for series in sorted(self.series, key=lambda s: s.emphasised):
            points = [self._point(center, radius, a, v or 0) for a, v in enumerate(series.values)]
            path = QPainterPath()
            path.addPolygon(QPolygonF(points))
            path.closeSubpath()
            fill = QColor(series.color)
            fill.setAlpha(70 if series.emphasised else 25)
            painter.fillPath(path, fill)
            painter.setPen(QPen(series.color, 3.5 if series.emphasised else 1.8))
            painter.drawPath(path)
            painter.setBrush(series.color)
            for point, value in zip(points, series.values):
                if value is not None:
                    painter.drawEllipse(point, 4 if series.emphasised else 2.5, 4 if series.emphasised else 2.5)
            painter.setBrush(Qt.BrushStyle.NoBrush)

        # Legend, one use case per line.
        y = self.height() - legend_height + 4
        column_width = self.width() - 16
        for n, series in enumerate(self.series):
            x = 8 + max(0.0, (self.width() - 16) / 2 - 160)
            row_y = y + n * (metrics.height() + 6)
            painter.setPen(QPen(series.color, 4))
            painter.drawLine(QPointF(x, row_y + metrics.height() / 2), QPointF(x + 22, row_y + metrics.height() / 2))
            font.setBold(series.emphasised)
            painter.setFont(font)
            painter.setPen(text_color)
            # elided to the room right of where the line starts: a long name ran off the chart
            room = min(column_width - 36, self.width() - x - 30 - 8)
            text = metrics.elidedText(series.label, Qt.TextElideMode.ElideRight, int(room))
            painter.drawText(QPointF(x + 30, row_y + metrics.ascent()), text)
        painter.end()
