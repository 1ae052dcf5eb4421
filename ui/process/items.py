"""The items of a process map: lanes, steps and arrows. Display only.

An item knows its id and what it shows (kind, name, AI badge, finding, difference mark), never
a model object, and never edits the plan: gestures do that through the document. Geometry is
computed when the state changes, not while painting; shapes of each step kind are shared.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from omplanner.model import AiIntervention, Severity, StepKind
from omplanner.process.layout import STEP_HEIGHT, STEP_WIDTH

from .style import AI_BADGE_WORDS, CanvasStyle

W, H = STEP_WIDTH, STEP_HEIGHT
LANE_HEADER_WIDTH = 150.0
LANE_LEFT = -30.0
"""Where the lane bands start; their headers sit to the left of this."""
HANDLE_RADIUS = 6.0
_SHAPES: dict[StepKind, QPainterPath] = {}


def step_outline(kind: StepKind) -> QPainterPath:
    """The outline of a step of this kind, centred on (0, 0); one path shared by every item."""
    if kind not in _SHAPES:
        path = QPainterPath()
        rect = QRectF(-W / 2, -H / 2, W, H)
        if kind in (StepKind.START, StepKind.END):
            path.addRoundedRect(rect, H / 2, H / 2)
        elif kind == StepKind.DECISION:
            notch = 18
            path.addPolygon(
                QPolygonF(
                    [
                        QPointF(-W / 2, 0),
                        QPointF(-W / 2 + notch, -H / 2),
                        QPointF(W / 2 - notch, -H / 2),
                        QPointF(W / 2, 0),
                        QPointF(W / 2 - notch, H / 2),
                        QPointF(-W / 2 + notch, H / 2),
                    ]
                )
            )
            path.closeSubpath()
        elif kind == StepKind.HANDOFF:
            point = 16
            path.addPolygon(
                QPolygonF(
                    [
                        QPointF(-W / 2, -H / 2),
                        QPointF(W / 2 - point, -H / 2),
                        QPointF(W / 2, 0),
                        QPointF(W / 2 - point, H / 2),
                        QPointF(-W / 2, H / 2),
                    ]
                )
            )
            path.closeSubpath()
        else:
            path.addRoundedRect(rect, 6, 6)
        _SHAPES[kind] = path
    return _SHAPES[kind]


def wrap_text(text: str, metrics, width: float, max_lines: int, cache: dict | None = None) -> list[str]:
    """Greedy word wrap, eliding the last line when the text does not fit.

    Word widths are summed (kerning across a space is negligible at these sizes) and kept in
    ``cache``, so that laying out hundreds of step names measures each word once.
    """
    cache = {} if cache is None else cache
    space = cache.get(" ")
    if space is None:
        space = cache[" "] = metrics.horizontalAdvance(" ")
    lines: list[str] = []
    current, current_width = "", 0.0
    for word in text.split():
        word_width = cache.get(word)
        if word_width is None:
            word_width = cache[word] = metrics.horizontalAdvance(word)
        if not current:
            current, current_width = word, word_width
        elif current_width + space + word_width <= width:
            current, current_width = f"{current} {word}", current_width + space + word_width
        else:
            lines.append(current)
            current, current_width = word, word_width
    if current_width > width:  # a single word longer than the line
        current = metrics.elidedText(current, Qt.TextElideMode.ElideRight, width)
    lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = metrics.elidedText(lines[-1] + " …", Qt.TextElideMode.ElideRight, width)
    return lines


def _line_width(line: str, metrics, cache: dict) -> float:
    words = line.split()
    if all(w in cache for w in words):
        return sum(cache[w] for w in words) + cache.get(" ", 0.0) * (len(words) - 1)
    return metrics.horizontalAdvance(line)


class StepItem(QGraphicsItem):
    """One step: its shape by kind, its name, an AI badge, a finding marker, a difference mark."""

    Type = QGraphicsItem.UserType + 1
    _BOUNDS = QRectF(-W / 2 - 10, -H / 2 - 12, W + 22, H + 32)
    _DIFF_RECT = QRectF(-W / 2 - 5, -H / 2 - 5, W + 10, H + 10)
    _MARKER_RECT = QRectF(W / 2 - 12, -H / 2 - 10, 18, 18)

    def __init__(self, step_id: str, style: CanvasStyle):
        super().__init__()
        self.step_id = step_id
        self.style = style
        self.kind = StepKind.TASK
        self.name = ""
        self.ai = AiIntervention.NONE
        self.lane_id = ""
        self.minutes = 0.0
        self.severity: Severity | None = None
        self.diff_state: str | None = None
        self._lines: list[tuple[QPointF, str]] = []
        self._badge: tuple[QRectF, str] | None = None
        self._minutes_text = ""
        self._tooltip_base = ""
        self._finding_text = ""
        self._hovered = False
        self._brush = style.step_brush
        self._pen = style.step_pen
        self._font = style.font
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)

    def type(self) -> int:
        return self.Type

    def set_state(self, *, kind, name, ai, threshold, minutes, lane_id, exception_rate=None) -> None:
        self.kind, self.name, self.ai, self.minutes, self.lane_id = kind, name, ai, minutes, lane_id
        style = self.style
        self._lines = None  # laid out on first paint close enough to read it (see _layout_name)
        self._badge = None
        if ai != AiIntervention.NONE:
            words = AI_BADGE_WORDS[ai] + (f" ≥{threshold:.0f}%" if threshold is not None else "")
            width = style.badge_metrics.horizontalAdvance(words) + 12
            left = -W / 2 + (20 if kind == StepKind.DECISION else 8)
            self._badge = (QRectF(left, -H / 2 + 4, width, 15), words)
        self._minutes_text = f"{minutes:g} min" if minutes else ""
        if self._minutes_text:
            advance = style.small_metrics.horizontalAdvance(self._minutes_text)
            self._minutes_pos = QPointF(W / 2 - advance - 4, H / 2 + 12)
        if ai != AiIntervention.NONE:
            self._brush, self._pen = style.ai_brush, style.ai_pens[ai]
        else:
            self._brush = {
                StepKind.START: style.start_brush,
                StepKind.END: style.end_brush,
                StepKind.DECISION: style.decision_brush,
                StepKind.HANDOFF: style.handoff_brush,
            }.get(kind, style.step_brush)
            self._pen = style.end_pen if kind == StepKind.END else style.step_pen
        tip = [f"{kind.label}: {name}"]
        if minutes:
            tip.append(f"{minutes:g} minutes of work")
        if ai != AiIntervention.NONE:
            extra = f", confident from {threshold:.0f}%" if threshold is not None else ""
            tip.append(f"{ai.label}{extra}")
            if exception_rate is not None:
                tip.append(f"{exception_rate:g}% of cases go to the exception route")
        self._tooltip_base = "\n".join(tip)
        self._refresh_tooltip()
        self.update()

    def _layout_name(self) -> list[tuple[QPointF, str]]:
        """Wrap the name into the shape, under the AI badge if there is one."""
        style, kind = self.style, self.kind
        inset = 14 if kind in (StepKind.TASK, StepKind.START, StepKind.END) else 26
        has_badge = self.ai != AiIntervention.NONE
        text = self.name or "(unnamed)"
        font, metrics, cache = style.font, style.metrics, style.word_widths
        lines = wrap_text(text, metrics, W - 2 * inset, 2 if has_badge else 3, cache)
        if has_badge and lines[-1].endswith("…"):
            # under the badge there is room for two lines of the normal size or three small ones
            font, metrics, cache = style.small_font, style.small_metrics, style.small_word_widths
            lines = wrap_text(text, metrics, W - 2 * inset, 3, cache)
        self._font = font
        height = metrics.height()
        middle = 8 if has_badge else 0
        top = middle - len(lines) * height / 2 + metrics.ascent()
        laid_out = []
        for i, line in enumerate(lines):
            x = -_line_width(line, metrics, cache) / 2 - (4 if kind == StepKind.HANDOFF else 0)
            laid_out.append((QPointF(x, top + i * height), line))
        self._lines = laid_out
        return laid_out

    def set_finding(self, severity: Severity | None, text: str = "") -> None:
        if (severity, text) != (self.severity, self._finding_text):
            self.severity, self._finding_text = severity, text
            self._refresh_tooltip()
            self.update()

    def set_diff(self, state: str | None) -> None:
        if state != self.diff_state:
            self.diff_state = state
            self.update()

    def _refresh_tooltip(self) -> None:
        text = self._tooltip_base
        if self._finding_text:
            text = f"{self._finding_text}\n\n{text}"
        self.setToolTip(text)

    def boundingRect(self) -> QRectF:
        return self._BOUNDS

    def shape(self) -> QPainterPath:
        return step_outline(self.kind)

    def handle_rect(self) -> QRectF:
        """Where a drag starts a new flow: the right-hand edge of the step."""
        return QRectF(W / 2 - 14, -H / 2, 14 + HANDLE_RADIUS, H)

    def is_on_handle(self, scene_pos: QPointF) -> bool:
        return self.handle_rect().contains(self.mapFromScene(scene_pos))

    def hoverEnterEvent(self, event) -> None:
        self._hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self._hovered = False
        self.update()

    def paint(self, painter, option, widget=None) -> None:
        s = self.style
        kind = self.kind
        outline = step_outline(kind)
        painter.setBrush(self._brush)
        painter.setPen(self._pen)
        painter.drawPath(outline)
        if self.diff_state in ("removed", "added"):
            if self.diff_state == "removed":
                painter.setBrush(s.removed_brush)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(s.diff_pens[self.diff_state])
            painter.drawRoundedRect(self._DIFF_RECT, 8, 8)
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(s.selection_pen)
            painter.drawPath(outline)
        # text too small to read (the whole of a big map in view) is not drawn at all
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod >= 0.3:
            lines = self._lines if self._lines is not None else self._layout_name()
            painter.setFont(self._font)
            painter.setPen(s.text_pen)
            for point, line in lines:
                painter.drawText(point, line)
        details = lod >= 0.36
        painter.setFont(s.small_font)
        if self._minutes_text and details:
            painter.setPen(s.muted_pen)
            painter.drawText(self._minutes_pos, self._minutes_text)
        if self.diff_state in ("removed", "added"):
            painter.setPen(s.diff_pens[self.diff_state])
            painter.drawText(QPointF(-W / 2, H / 2 + 12), "removed" if self.diff_state == "removed" else "new")
        if self._badge is not None:
            rect, words = self._badge
            painter.setPen(s.no_pen)
            painter.setBrush(s.badge_brushes[self.ai])
            painter.drawRoundedRect(rect, 8, 8)
            if details:
                painter.setFont(s.badge_font)
                painter.setPen(s.badge_text_pen)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, words)
        if self.severity is not None:
            marker = self._MARKER_RECT
            painter.setPen(s.no_pen)
            painter.setBrush(s.severity_brushes[self.severity])
            painter.drawEllipse(marker)
            painter.setFont(s.badge_font)
            painter.setPen(s.badge_text_pen)
            painter.drawText(marker, Qt.AlignmentFlag.AlignCenter, "!")
        if self._hovered:
            painter.setPen(s.no_pen)
            painter.setBrush(s.handle_brush)
            painter.drawEllipse(QPointF(W / 2, 0), HANDLE_RADIUS, HANDLE_RADIUS)


class ArrowItem(QGraphicsItem):
    """A flow between two steps (solid), or an exception route (dashed, coloured)."""

    Type = QGraphicsItem.UserType + 2

    def __init__(self, key: str, source_id: str, target_id: str, style: CanvasStyle, *, exception: bool = False):
        super().__init__()
        self.key = key
        """The flow's id; for an exception route, 'exception:' and the AI step's id."""
        self.source_id = source_id
        self.target_id = target_id
        self.style = style
        self.exception = exception
        self.label = ""
        self._line = QPolygonF()
        self._head = QPolygonF()
        self._shape: QPainterPath | None = None
        self._bounds = QRectF()
        self._label_rect = QRectF()
        # above the steps: a label squeezed between two close steps stays readable
        self.setZValue(2.5 if exception else 2)
        if not exception:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)

    @property
    def flow_id(self) -> str | None:
        return None if self.exception else self.key

    def type(self) -> int:
        return self.Type

    def set_label(self, label: str) -> None:
        if label or self.label:
            self.setToolTip(label)
        self.label = label

    def set_route(self, points: list[tuple[float, float]], label_at: tuple[tuple[float, float], str]) -> None:
        if self.scene() is not None:
            self.prepareGeometryChange()
        # a polyline, not a path: stroking a few points as a polyline is much cheaper to paint
        line = QPolygonF([QPointF(x, y) for x, y in points])
        (x1, y1), (x2, y2) = points[-2], points[-1]
        angle = math.atan2(y2 - y1, x2 - x1)
        size = 10.0
        tip = QPointF(x2, y2)
        self._head = QPolygonF(
            [
                tip,
                QPointF(x2 - size * math.cos(angle - 0.42), y2 - size * math.sin(angle - 0.42)),
                QPointF(x2 - size * math.cos(angle + 0.42), y2 - size * math.sin(angle + 0.42)),
            ]
        )
        self._line = line
        self._label_rect = QRectF()
        if self.label:
            metrics = self.style.small_metrics
            width, height = metrics.horizontalAdvance(self.label) + 8, metrics.height() + 2
            (lx, ly), side = label_at
            if side == "above":
                self._label_rect = QRectF(lx - width / 2, ly - height - 2, width, height)
            elif side == "below":
                self._label_rect = QRectF(lx - width / 2, ly + 2, width, height)
            else:
                self._label_rect = QRectF(lx + 4, ly - height / 2, width, height)
        self._shape = None  # built on first hit test: most arrows are never hit-tested
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(-12, -12, 12, 12)
        if not self._label_rect.isNull():
            bounds = bounds.united(self._label_rect)
        self._bounds = bounds
        if self.scene() is not None:
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
            head.addPolygon(self._head)
            shape = shape.united(head)
            if not self._label_rect.isNull():
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
        painter.drawPolygon(self._head)
        if not self._label_rect.isNull() and option.levelOfDetailFromTransform(painter.worldTransform()) >= 0.36:
            painter.setBrush(s.label_brush)
            painter.drawRoundedRect(self._label_rect, 3, 3)
            painter.setFont(s.small_font)
            painter.setPen(s.exception_text_pen if self.exception else s.text_pen)
            painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self.label)
