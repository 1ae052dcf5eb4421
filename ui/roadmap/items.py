"""What the roadmap canvas draws: bars, milestones, arrows, broken relations and the timeline.

Items know an id and their display state only (title, owner name, weeks, marker, critical,
slack); they never hold a model object and never push commands. The scene sets their state;
gestures read it to preview a drag.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem

from omplanner.model import ItemKind, Severity
from omplanner.model.base import short_name
from omplanner.vocabulary import ITEM_KIND, SEVERITY

from ..widgets.plain_text import plain_tooltip
from .layout import BAR_H, LABEL_DX, LANE_LABEL_W, ROW_H
from .routing import NOTHING, Obstacles, arc_route, elbow_points, polyline_path, upright_runs

LINK_HANDLE_R = 4.5
LINK_HANDLE_DX = 9.0
"""The dependency handle sits just right of a bar; labels outside a bar start beyond it."""
RESIZE_ZONE = 6.0
ROW_GAP = ROW_H - BAR_H
MAX_LABEL_W = 360.0
"""Pixels (at normal text size) a title takes beside its bar, an owner's name half of it: longer
ones end in an ellipsis. A 10,000-character title once stretched the timeline by decades."""
MAX_LABEL_CHARS = 400
"""Characters of a title or name measured at all: more than ``MAX_LABEL_W`` holds in any font."""
TOOLTIP_CHARS = 300


@dataclass(frozen=True)
class Theme:
    """Colours for one appearance. The canvas follows the widget palette (light or dark)."""

    dark: bool = False
    text_scale: float = 1.0
    """Presentation mode enlarges the type of the whole app: the canvas follows by as much."""

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setPointSizeF(points * self.text_scale)
        font.setBold(bold)
        return font

    def kind(self, kind: ItemKind) -> QColor:
        return QColor(ITEM_KIND[kind].colour(self.dark))

    def kind_ink(self, kind: ItemKind) -> QColor:
        """Words written on a bar of ``kind``."""
        return QColor(ITEM_KIND[kind].ink(self.dark))

    @property
    def background(self) -> QColor:
        return QColor("#1f2226" if self.dark else "#ffffff")

    @property
    def band(self) -> QColor:
        return QColor("#25292e" if self.dark else "#f4f6f8")

    @property
    def grid(self) -> QColor:
        return QColor("#353a41" if self.dark else "#e1e5ea")

    @property
    def text(self) -> QColor:
        return QColor("#e6e8eb" if self.dark else "#1f2933")

    @property
    def muted(self) -> QColor:
        return QColor("#9aa3ad" if self.dark else "#66717d")

    @property
    def arrow(self) -> QColor:
        return QColor("#7d8793" if self.dark else "#9aa5b1")

    @property
    def error(self) -> QColor:
        return QColor(SEVERITY[Severity.ERROR].colour(self.dark))

    @property
    def warning(self) -> QColor:
        return QColor(SEVERITY[Severity.WARNING].colour(self.dark))

    @property
    def critical(self) -> QColor:
        return QColor("#f5f5f5" if self.dark else "#111827")

    @property
    def highlight(self) -> QColor:
        return QColor("#ffd54f" if self.dark else "#ffb300")

    @property
    def today(self) -> QColor:
        return QColor("#4fc3f7" if self.dark else "#0277bd")


class BarItem(QGraphicsItem):
    """One roadmap item: a bar coloured by kind (a diamond and a thin bar for a deployment)."""

    def __init__(self, item_id: str, theme: Theme):
        super().__init__()
        self.item_id = item_id
        self.theme = theme
        self.title = ""
        self.weeks = ""
        """When, as people count weeks: "weeks 7-9"."""
        self.owner = ""
        self.kind = ItemKind.OTHER
        self.width = 10.0
        self.marker: str | None = None
        """None, "error" or "warning": the worst finding about this item."""
        self.marker_text = ""
        self.other_copy_text = ""
        """Where another copy has this item, while its differences are shown (ui.roadmap.ghosts)."""
        self.critical = False
        self.slack: int | None = None
        self.slack_px = 0.0
        self.phase: int | None = None
        self.flash = False
        self.show_phase = False
        self.hovered = False
        self.label_inside = False
        self._label_w = 0.0
        self._label_texts = ("", "")
        """The title and owner as written on the canvas: cut to ``MAX_LABEL_W``."""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(10)

    # -- state, set by the scene -------------------------------------------------------------
    def set_content(self, title: str, owner: str, kind: ItemKind, width: float, weeks: str = "") -> None:
        self.prepareGeometryChange()
        self.title, self.owner, self.kind, self.width = title, owner, kind, max(4.0, width)
        self.weeks = weeks or self.weeks
        self._label_texts = self.fitted(title, owner)
        self._label_w = self.text_width(title, owner)
        self.label_inside = not self.is_milestone and self._label_w + 12 <= self.width
        self._refresh_tooltip()
        self.update()

    def set_width(self, width: float) -> None:
        self.set_content(self.title, self.owner, self.kind, width, self.weeks)

    def set_analysis(self, marker: str | None, marker_text: str, critical: bool, slack: int | None, phase, ppw: float):
        self.prepareGeometryChange()
        self.marker, self.marker_text, self.critical = marker, marker_text, critical
        self.slack, self.phase = slack, phase
        self.slack_px = (slack or 0) * ppw
        self._refresh_tooltip()
        self.update()

    def analysis_state(self) -> tuple:
        return (self.marker, self.marker_text, self.critical, self.slack, self.phase)

    def set_flash(self, on: bool) -> None:
        self.flash = on
        self.update()

    def label_font(self) -> QFont:
        return self.theme.font(9.0)

    def owner_font(self) -> QFont:
        return self.theme.font(8.0)

    def fitted(self, title: str, owner: str) -> tuple[str, str]:
        """The title and owner's name as the canvas writes them, each cut to its width."""
        limit = MAX_LABEL_W * self.theme.text_scale
        elide = Qt.TextElideMode.ElideRight
        title = short_name(title, MAX_LABEL_CHARS)
        owner = short_name(owner, MAX_LABEL_CHARS // 2)
        return (
            QFontMetricsF(self.label_font()).elidedText(title, elide, limit),
            QFontMetricsF(self.owner_font()).elidedText(owner, elide, limit / 2) if owner else "",
        )

    def text_width(self, title: str, owner: str) -> float:
        title, owner = self.fitted(title, owner)
        width = QFontMetricsF(self.label_font()).horizontalAdvance(title)
        if owner:
            width += QFontMetricsF(self.owner_font()).horizontalAdvance(f"   {owner}")
        return width

    @property
    def is_milestone(self) -> bool:
        return self.kind == ItemKind.DEPLOYMENT

    def _refresh_tooltip(self) -> None:
        title = short_name(self.title, TOOLTIP_CHARS)
        lines = [f"<b>{html.escape(title, quote=False)}</b>", html.escape(self.kind.label, quote=False)]
        if self.weeks:
            lines.append(self.weeks.capitalize())
        if self.owner:
            lines.append(f"Owner: {html.escape(short_name(self.owner, TOOLTIP_CHARS), quote=False)}")
        if self.critical:
            lines.append("On the critical path: any delay moves the end date.")
        elif self.slack is not None:
            lines.append(f"Slack: {self.slack} week{'s' if self.slack != 1 else ''} before it delays the end")
        if self.phase is not None:
            lines.append(f"Phase {self.phase + 1}")
        if self.marker_text:
            lines.append(html.escape(self.marker_text, quote=False).replace("\n", "<br>"))
        if self.other_copy_text:
            lines.append(html.escape(self.other_copy_text, quote=False))
        self.setToolTip("<br>".join(lines))

    def refresh_tooltip(self) -> None:
        self._refresh_tooltip()

    # -- geometry ----------------------------------------------------------------------------
    def bar_rect(self) -> QRectF:
        if self.is_milestone:
            return QRectF(0, BAR_H / 2 - 3, self.width, 6)
        return QRectF(0, 0, self.width, BAR_H)

    def go_live_diamond(self) -> QPolygonF:
        """A deployment's go-live mark: at the end of its bar, the week it finishes (omplanner.figures)."""
        x, y, d = self.width, BAR_H / 2, BAR_H / 2 + 1
        return QPolygonF([QPointF(x, y - d), QPointF(x + d, y), QPointF(x, y + d), QPointF(x - d, y)])

    def link_handle_centre(self) -> QPointF:
        return QPointF(self.width + LINK_HANDLE_DX, BAR_H / 2)

    def label_rect(self) -> QRectF:
        if self.label_inside:
            return QRectF(6, 0, self.width - 8, BAR_H)
        return QRectF(self.width + LABEL_DX, 0, self._label_w + 4, BAR_H)

    def boundingRect(self) -> QRectF:
        right = self.width + max(LABEL_DX + self._label_w + 6, self.slack_px + 4, LINK_HANDLE_DX + 6)
        return QRectF(-10, -8, right + 10, BAR_H + 14)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        # overlapping rectangles (a label inside its bar) must add up, not cancel out under the
        # default odd-even fill: else a click on the middle of a wide bar misses it
        path.setFillRule(Qt.FillRule.WindingFill)
        path.addRect(QRectF(-9, -2, self.width + 9 + LINK_HANDLE_DX + LINK_HANDLE_R + 2, BAR_H + 4))
        path.addRect(self.label_rect())
        return path

    def zone_at(self, local: QPointF) -> str:
        """Which part of the bar a press lands on: "link", "resize" or "body"."""
        handle = self.link_handle_centre()
        if (local - handle).manhattanLength() <= LINK_HANDLE_R * 2 and local.x() > self.width:
            return "link"
        if self.width - RESIZE_ZONE <= local.x() <= self.width + 2 and 0 <= local.y() <= BAR_H:
            return "resize"
        return "body"

    # -- painting ----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        theme = self.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = theme.kind(self.kind)
        selected = self.isSelected()
        if self.hovered and self.slack_px > 0:
            painter.setPen(QPen(colour, 2, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(self.width, BAR_H - 1), QPointF(self.width + self.slack_px, BAR_H - 1))
        if self.flash:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.highlight)
            painter.drawRoundedRect(QRectF(-4, -4, self.width + 8, BAR_H + 8), 5, 5)
        outline = QPen(theme.critical, 2.0) if self.critical else QPen(colour.darker(125), 1.0)
        if selected:
            outline = QPen(theme.today, 2.5)
        painter.setPen(outline)
        painter.setBrush(colour)
        if self.is_milestone:
            painter.drawRoundedRect(self.bar_rect(), 2, 2)
            painter.drawPolygon(self.go_live_diamond())
        else:
            painter.drawRoundedRect(self.bar_rect(), 3, 3)
        self._paint_label(painter)
        if self.show_phase and self.phase is not None:
            self._paint_phase(painter)
        if self.hovered or selected:
            painter.setPen(QPen(theme.muted, 1.2))
            painter.setBrush(theme.background)
            painter.drawEllipse(self.link_handle_centre(), LINK_HANDLE_R, LINK_HANDLE_R)
        if self.marker:
            self._paint_marker(painter)

    def _paint_label(self, painter: QPainter) -> None:
        rect = self.label_rect()
        inside = self.label_inside
        painter.setFont(self.label_font())
        ink = self.theme.kind_ink(self.kind)
        painter.setPen(ink if inside else self.theme.text)
        title, owner = self._label_texts
        fm = QFontMetricsF(self.label_font())
        title_w = fm.horizontalAdvance(title)
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
        if owner:
            painter.setFont(self.owner_font())
            muted = QColor(ink.red(), ink.green(), ink.blue(), 200) if inside else self.theme.muted
            painter.setPen(muted)
            owner_rect = QRectF(rect.left() + title_w, rect.top(), rect.width() - title_w, rect.height())
            painter.drawText(owner_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, f"   {owner}")

    def _paint_phase(self, painter: QPainter) -> None:
        """A small badge under the start of the bar: the phase it belongs to."""
        font = self.theme.font(6.5, bold=True)
        painter.setFont(font)
        text = f"P{self.phase + 1}"
        rect = QRectF(-1, BAR_H - 2, QFontMetricsF(font).horizontalAdvance(text) + 6, 10)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.text)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(self.theme.background)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_marker(self, painter: QPainter) -> None:
        colour = self.theme.error if self.marker == "error" else self.theme.warning
        centre = QPointF(-1, -1)
        painter.setPen(QPen(self.theme.background, 1.5))
        painter.setBrush(colour)
        painter.drawEllipse(centre, 6.5, 6.5)
        font = self.theme.font(7.5, bold=True)
        painter.setFont(font)
        severity = Severity.ERROR if self.marker == "error" else Severity.WARNING
        painter.setPen(QColor(SEVERITY[severity].ink(self.theme.dark)))
        painter.drawText(QRectF(centre.x() - 6.5, centre.y() - 6.5, 13, 13), Qt.AlignmentFlag.AlignCenter, "!")

    def hoverEnterEvent(self, event) -> None:
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.update()


def _arrow_head(tip: QPointF, pointing_right: bool = True, size: float = 5.0) -> QPolygonF:
    s = size if pointing_right else -size
    return QPolygonF([tip, QPointF(tip.x() - s, tip.y() - size * 0.7), QPointF(tip.x() - s, tip.y() + size * 0.7)])


def _elbow_points(start: QPointF, end: QPointF, row_gap: float, obstacles: Obstacles) -> list[tuple[float, float]]:
    """An orthogonal route from the end of one bar to the start of another: it leaves the
    source, turns towards the target's row and runs along the gap beside that row, where no
    label sits, before stepping into the target's start. Where labels or bars of the rows
    between (``obstacles``) stand in its way, it crosses those rows at the nearest free column
    instead (``routing.elbow_points``)."""
    return elbow_points(
        (start.x(), start.y()), (end.x(), end.y()), row_gap / 2 + BAR_H / 2, LANE_LABEL_W + 4, obstacles
    )


class DependencyArrow(QGraphicsPathItem):
    """``target`` depends on ``source``: drawn from the end of source to the start of target."""

    def __init__(self, source_id: str, target_id: str, theme: Theme):
        super().__init__()
        self.source_id = source_id
        self.target_id = target_id
        self.theme = theme
        self.violated = False
        self.runs: list = []
        """The upright stretches of its route (``routing.upright_runs``): arcs keep off them."""
        self.setZValue(5)

    def set_ends(self, start: QPointF, end: QPointF, row_gap: float = ROW_GAP, obstacles: Obstacles = NOTHING) -> None:
        self.violated = end.x() < start.x() - 0.5
        points = _elbow_points(start, end, row_gap, obstacles)
        self.runs = upright_runs(points, width=4.0)
        path = polyline_path(points)
        path.addPolygon(_arrow_head(end))
        path.closeSubpath()
        self.setPath(path)
        colour = self.theme.error if self.violated else self.theme.arrow
        self.setPen(QPen(colour, 1.3, Qt.PenStyle.DashLine if self.violated else Qt.PenStyle.SolidLine))
        self.setBrush(Qt.BrushStyle.NoBrush)

    def paint(self, painter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        super().paint(painter, option, widget)


class BrokenRelationItem(QGraphicsPathItem):
    """A relation a sequencing rule requires and the roadmap breaks: a dashed line from the
    offending bar to the bar it must follow, red for an error and amber for a warning."""

    def __init__(self, after_id: str, before_id: str, severity: str, message: str, theme: Theme):
        super().__init__()
        self.after_id = after_id
        self.before_id = before_id
        self.severity = severity
        self.theme = theme
        self.text = message
        self.start_to_start = False
        """True when the offending item must start no earlier than the other starts (not ends)."""
        self.setZValue(8)
        self.setToolTip(plain_tooltip(message))
        colour = theme.error if severity == "error" else theme.warning
        self.setPen(QPen(colour, 2.0, Qt.PenStyle.DashLine))
        self._colour = colour
        self.runs: list = []
        """The upright stretches of its route (``routing.upright_runs``): other arcs keep off them."""

    def set_ends(
        self,
        start: QPointF,
        end: QPointF,
        row_gap: float = ROW_GAP,
        obstacles: Obstacles = NOTHING,
        quick: bool = False,
    ) -> None:
        """``start`` on the offending bar, ``end`` where the bar it must follow ends (both on
        the top edge); the arc keeps clear of the labels and bars in ``obstacles`` (searching
        less when ``quick``: during a drag)."""
        path, points = arc_route(
            (start.x(), start.y()), (end.x(), end.y()), row_gap / 2, LANE_LABEL_W + 4, obstacles, quick
        )
        self.runs = upright_runs(points)
        self.setPath(path)

    def paint(self, painter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        super().paint(painter, option, widget)
        end = self.path().pointAtPercent(1.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawEllipse(end, 3.5, 3.5)


class PreviewRect(QGraphicsPathItem):
    """The dashed outline of an item being drawn, or the rubber line of a dependency."""

    def __init__(self, theme: Theme):
        super().__init__()
        self.setZValue(20)
        self.setPen(QPen(theme.today, 1.5, Qt.PenStyle.DashLine))
        self.setBrush(QBrush(QColor(theme.today.red(), theme.today.green(), theme.today.blue(), 40)))
