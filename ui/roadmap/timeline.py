"""The backdrop of the roadmap: lane bands and names, the time header and the today line.

Painted by one item so a zoom or a change of lanes repaints one thing; the view reuses its
header and lane-name painting to keep both in sight while the timeline scrolls.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from .items import Theme
from .layout import HEADER_H, LANE_LABEL_W, Layout, month_starts, weeks_between


class TimelineItem(QGraphicsItem):
    """The backdrop: lane bands and names, the month (or quarter) header, week lines, today."""

    def __init__(self, theme: Theme):
        super().__init__()
        self.theme = theme
        self.layout: Layout | None = None
        self.scale_name = "months"
        self.today: date | None = None
        self.setZValue(0)

    def set_layout(self, layout: Layout, scale_name: str, today: date | None) -> None:
        self.prepareGeometryChange()
        self.layout, self.scale_name, self.today = layout, scale_name, today
        self.update()

    def boundingRect(self) -> QRectF:
        if self.layout is None:
            return QRectF()
        return QRectF(0, 0, self.layout.width + 1, self.layout.height + 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        layout, theme = self.layout, self.theme
        if layout is None:
            return
        width, height = layout.width, layout.height
        painter.fillRect(QRectF(0, 0, width, height), theme.background)
        for i, lane in enumerate(layout.lanes):
            top, h = layout.lane_top[lane.key], layout.lane_height[lane.key]
            if i % 2 == 0:
                painter.fillRect(QRectF(0, top, width, h), theme.band)
        self._paint_grid(painter, layout, height)
        painter.setPen(QPen(theme.grid, 1))
        for lane in layout.lanes:
            top = layout.lane_top[lane.key]
            painter.drawLine(QPointF(0, top), QPointF(width, top))
        painter.drawLine(QPointF(LANE_LABEL_W, 0), QPointF(LANE_LABEL_W, height))
        self.paint_lane_labels(painter, 0.0)
        self._paint_today(painter, layout, height)

    def _paint_grid(self, painter: QPainter, layout: Layout, height: float) -> None:
        painter.setPen(QPen(self.theme.grid, 1))
        # Week lines (faint) at the week and month scales; month lines at every scale.
        if self.scale_name != "quarters":
            bottom = HEADER_H if self.scale_name == "months" else height
            for w in range(layout.weeks + 1):
                x = layout.x(w)
                painter.drawLine(QPointF(x, HEADER_H - 8), QPointF(x, bottom))
        for m in month_starts(layout.start, layout.weeks):
            x = max(LANE_LABEL_W, layout.x(weeks_between(layout.start, m)))
            painter.drawLine(QPointF(x, HEADER_H / 2), QPointF(x, height))
        self.paint_header(painter, 0.0, with_background=False)

    def paint_header(self, painter: QPainter, top: float, with_background: bool = True) -> None:
        """The month (or quarter) row and the week (or month) row, ``top`` pixels down."""
        layout, theme = self.layout, self.theme
        if layout is None:
            return
        if with_background:
            painter.fillRect(QRectF(LANE_LABEL_W, top, layout.width - LANE_LABEL_W, HEADER_H), theme.background)
            painter.setPen(QPen(theme.grid, 1))
            painter.drawLine(QPointF(LANE_LABEL_W, top + HEADER_H), QPointF(layout.width, top + HEADER_H))
        header_font = theme.font(8.5)
        small = theme.font(7.5)
        months = month_starts(layout.start, layout.weeks)
        quarters = self.scale_name == "quarters"
        top_row = [m for m in months if not quarters or (m.month - 1) % 3 == 0]
        end_x = layout.width
        painter.setPen(theme.text)
        painter.setFont(header_font)
        for i, m in enumerate(top_row):
            x0 = max(LANE_LABEL_W, layout.x(weeks_between(layout.start, m)))
            nxt = top_row[i + 1] if i + 1 < len(top_row) else None
            x1 = layout.x(weeks_between(layout.start, nxt)) if nxt else end_x
            if x1 - x0 < 24:
                continue
            if quarters:
                label = f"Q{(m.month - 1) // 3 + 1} {m.year}"
            else:
                label = m.strftime("%b %Y") if (m.month == 1 or i == 0) else m.strftime("%b")
            rect = QRectF(x0 + 5, top + 2, x1 - x0 - 6, HEADER_H / 2 - 2)
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
        painter.setFont(small)
        painter.setPen(theme.muted)
        second = top + HEADER_H / 2
        if quarters:
            for i, m in enumerate(months):
                x0 = max(LANE_LABEL_W, layout.x(weeks_between(layout.start, m)))
                x1 = layout.x(weeks_between(layout.start, months[i + 1])) if i + 1 < len(months) else end_x
                if x1 - x0 >= 22:
                    rect = QRectF(x0 + 3, second, x1 - x0 - 4, HEADER_H / 2 - 2)
                    painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, m.strftime("%b"))
            return
        step = 1 if layout.ppw >= 30 else 2 if layout.ppw >= 16 else 4
        for w in range(0, layout.weeks, step):
            x = layout.x(w)
            label = str(layout.week_date(w).day)  # the date each week starts, under its month
            rect = QRectF(x + 2, second, layout.ppw * step - 3, HEADER_H / 2 - 2)
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, label)

    def paint_lane_labels(self, painter: QPainter, left: float) -> None:
        """The lane names in a column ``left`` pixels across (kept in view when scrolled)."""
        layout, theme = self.layout, self.theme
        if layout is None:
            return
        font = theme.font(9.0, bold=True)
        painter.setFont(font)
        for i, lane in enumerate(layout.lanes):
            top, h = layout.lane_top[lane.key], layout.lane_height[lane.key]
            painter.fillRect(QRectF(left, top, LANE_LABEL_W, h), theme.band if i % 2 == 0 else theme.background)
            painter.setPen(theme.text)
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(QRectF(left + 10, top + 6, LANE_LABEL_W - 18, min(h - 6, 36)), flags, lane.title)
        painter.setPen(QPen(theme.grid, 1))
        painter.drawLine(QPointF(left + LANE_LABEL_W, HEADER_H), QPointF(left + LANE_LABEL_W, layout.height))

    def _paint_today(self, painter: QPainter, layout: Layout, height: float) -> None:
        if self.today is None:
            return
        week = weeks_between(layout.start, self.today)
        if not 0 <= week <= layout.weeks:
            return
        x = layout.x(week)
        painter.setPen(QPen(self.theme.today, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, HEADER_H - 6), QPointF(x, height))
        font = self.theme.font(7.5)
        painter.setFont(font)
        painter.setPen(self.theme.today)
        painter.drawText(QPointF(x + 3, HEADER_H - 1), "Today")
