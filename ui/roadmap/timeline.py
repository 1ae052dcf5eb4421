"""The backdrop of the roadmap: lane bands and names, the time header and the today line.

Painted by one item so a zoom or a change of lanes repaints one thing; the view reuses its
header and lane-name painting to keep both in sight while the timeline scrolls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from .items import Theme
from .layout import HEADER_H, LANE_LABEL_W, LANE_TITLE_TOP, Layout, month_starts, weeks_between

_PAD = 4.0
"""Space between a header label and the line it starts at, and before the next label."""
_SMALL_PAD = 2.0
"""The same for the small labels of the second row."""


@dataclass(frozen=True)
class HeaderLabel:
    rect: QRectF
    """Where the text goes: as wide as the text, so labels that would touch can be told apart."""
    text: str
    font: QFont
    colour: QColor


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

    def paint_header(self, painter: QPainter, top: float, with_background: bool = True, left: float = 0.0) -> None:
        """The month (or quarter) row and the week (or month) row, ``top`` pixels down.

        ``left`` is where the view's pinned lane-name column starts: labels begin to its right,
        so the month scrolled partly out of sight still names itself.
        """
        layout, theme = self.layout, self.theme
        if layout is None:
            return
        if with_background:
            painter.fillRect(QRectF(left, top, layout.width - left, HEADER_H), theme.background)
            painter.setPen(QPen(theme.grid, 1))
            painter.drawLine(QPointF(left, top + HEADER_H), QPointF(layout.width, top + HEADER_H))
            if self.scale_name != "quarters":
                for w in range(layout.weeks + 1):
                    painter.drawLine(QPointF(layout.x(w), top + HEADER_H - 8), QPointF(layout.x(w), top + HEADER_H))
            for x in self._month_xs():
                painter.drawLine(QPointF(x, top + HEADER_H / 2), QPointF(x, top + HEADER_H))
        for label in self.header_labels(top, left):
            painter.setFont(label.font)
            painter.setPen(label.colour)
            painter.drawText(label.rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label.text)

    def _month_xs(self) -> list[float]:
        layout = self.layout
        return [layout.x(weeks_between(layout.start, m)) for m in month_starts(layout.start, layout.weeks)]

    def header_labels(self, top: float = 0.0, left: float = 0.0) -> list[HeaderLabel]:
        """Every header label with the rectangle its text takes, measured in the font it is drawn in.

        A label that would run into the next one is shortened (the year goes) or left out, at
        every scale and text size; "Today" keeps the week numbers clear of itself.
        """
        layout, theme = self.layout, self.theme
        if layout is None:
            return []
        x_min = left + LANE_LABEL_W
        months = month_starts(layout.start, layout.weeks)
        quarters = self.scale_name == "quarters"
        labels: list[HeaderLabel] = []
        # top row: months (or quarters); the year shows on the first label and at each new year
        # (a timeline that starts mid-quarter names that quarter too)
        top_row = [m for i, m in enumerate(months) if not quarters or i == 0 or (m.month - 1) % 3 == 0]
        font = theme.font(8.5)
        metrics = QFontMetricsF(font)
        need_year = True
        free = x_min  # where the last label drawn ends
        for i, m in enumerate(top_row):
            x0 = max(x_min, layout.x(weeks_between(layout.start, m)))
            x1 = layout.x(weeks_between(layout.start, top_row[i + 1])) if i + 1 < len(top_row) else layout.width
            need_year = need_year or m.month == 1
            if x1 <= x0:
                continue  # scrolled away under the pinned column
            if x0 + _PAD < free:
                continue  # the previous label (one with its year) runs over this month
            short = f"Q{(m.month - 1) // 3 + 1}" if quarters else m.strftime("%b")
            # a label keeps within its month, except one that carries the year: that may run over
            # the next months' labels (which then step aside), so the year is never lost
            full = f"{short} {m.year}"
            room = [(full, layout.width - x0), (short, x1 - x0)] if need_year else [(short, x1 - x0)]
            text = next((t for t, r in room if metrics.horizontalAdvance(t) + _PAD + 2 <= r), None)
            if text is None:
                continue
            rect = self._text_rect(metrics, text, x0 + _PAD, top + 2)
            labels.append(HeaderLabel(rect, text, font, theme.text))
            free = rect.right() + 2 * _PAD
            need_year = need_year and str(m.year) not in text
        # bottom row: "Today", then the month names (quarters) or week start dates that keep clear of it
        small = theme.font(7.5)
        metrics = QFontMetricsF(small)
        second = top + HEADER_H / 2
        taken: list[QRectF] = []
        if self.today is not None and 0 <= weeks_between(layout.start, self.today) <= layout.weeks:
            x = layout.x(weeks_between(layout.start, self.today))
            if x + 3 >= x_min:
                rect = self._text_rect(metrics, "Today", x + 3, second)
                labels.append(HeaderLabel(rect, "Today", small, theme.today))
                taken.append(rect)
        if quarters:
            spots = [
                (max(x_min, layout.x(weeks_between(layout.start, m))), m.strftime("%b"), end)
                for m, end in zip(months, self._month_xs()[1:] + [layout.width], strict=True)
            ]
        else:
            widest = metrics.horizontalAdvance("28") + 1 + 2 * _SMALL_PAD
            step = next((s for s in (1, 2, 4, 8, 13) if layout.ppw * s >= widest), 26)
            spots = [
                (layout.x(w), str(layout.week_date(w).day), layout.x(w + step))  # the date each week starts
                for w in range(0, layout.weeks, step)
            ]
        for x0, text, x1 in spots:
            if x0 < x_min:
                continue
            rect = self._text_rect(metrics, text, x0 + _SMALL_PAD, second)
            if rect.right() + _SMALL_PAD > min(x1, layout.width) or any(rect.intersects(t) for t in taken):
                continue
            labels.append(HeaderLabel(rect, text, small, theme.muted))
        return labels

    @staticmethod
    def _text_rect(metrics: QFontMetricsF, text: str, x: float, top: float) -> QRectF:
        return QRectF(x, top, metrics.horizontalAdvance(text) + 1, HEADER_H / 2 - 2)

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
            # as many lines as the lane has room for: presentation mode's larger type wraps to two
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            title_rect = QRectF(left + 10, top + LANE_TITLE_TOP, LANE_LABEL_W - 18, h - LANE_TITLE_TOP - 2)
            painter.drawText(title_rect, flags, lane.title)
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
        painter.drawLine(QPointF(x, HEADER_H / 2), QPointF(x, height))  # its label is in the header
