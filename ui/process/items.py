"""The steps of a process map (lanes: lanes.py, flows: arrows.py and flows.py). Display only.

An item knows its id and what it shows (kind, name, AI badge, finding, difference mark), never
a model object, and never edits the plan: gestures do that through the document. Geometry is
computed when the state changes, not while painting; shapes of each step kind are shared.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPen, QPolygonF, QStaticText, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from omplanner.model import AiIntervention, Severity, StepKind
from omplanner.process.layout import STEP_HEIGHT, STEP_WIDTH
from omplanner.vocabulary import ai_badge, change_word

from ..widgets.plain_text import plain_tooltip
from .style import CanvasStyle

W, H = STEP_WIDTH, STEP_HEIGHT
LANE_HEADER_WIDTH = 150.0
LANE_LEFT = -30.0
"""Where the lane bands start; their headers sit to the left of this."""
HANDLE_RADIUS = 6.0
TEXT_LOD = 0.3
"""Below this scale the wrapped name is too small to read: the name is drawn at a glance size
instead, one line of larger type cut short, so that a whole map on a wall still says what each
step is (never empty boxes)."""
GLANCE_PIXELS = 10.0
"""How tall, in screen pixels, the one-line name of a small map is drawn."""
DETAIL_LOD = 0.55
"""Below this scale the small print (badge words, minutes, arrow labels) is not drawn. Kept
below the page's readable zoom (0.6): the level of detail computed per item varies in the last digits."""
_STEP_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
_SHAPES: dict[StepKind, QPainterPath] = {}
STEP_BOX = QRectF(-W / 2, -H / 2, W, H)
_NO_PEN = QPen(Qt.PenStyle.NoPen)


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


def step_look(style: CanvasStyle, kind, ai, threshold, minutes) -> tuple:
    """A step's badge, brush, pen, outline fills, minutes text and its placement."""
    if ai != AiIntervention.NONE:
        words = ai_badge(ai, threshold)
        left = -W / 2 + (20 if kind == StepKind.DECISION else 8)
        badge = style.badge(words, left, -H / 2 + 4)
        brush, pen = style.ai_brush, style.ai_pens[ai]
    else:
        badge = None
        brush = style.kind_brushes.get(kind, style.step_brush)
        pen = style.end_pen if kind == StepKind.END else style.step_pen
    minutes_text = f"{minutes:g} min" if minutes else ""
    placed = style.small_text(minutes_text, W / 2 - 4, H / 2 + 12) if minutes_text else None
    return badge, brush, pen, style.outline_fills(kind, pen, brush), minutes_text, placed


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


MARKED = ("removed", "added", "reworked")
"""Difference marks drawn around a step: the redesign's, and another copy's (File › Compare with…)."""


class StepItem(QGraphicsRectItem):
    """One step: its shape by kind, its name, an AI badge, a finding marker, a difference mark.

    A rectangle item only for its bounding rectangle: Qt asks every item for it a dozen times
    while building and painting a map, and a rectangle item answers in C++ rather than calling
    into Python. It paints itself (paint) and hit-tests by its outline (shape).
    """

    Type = QGraphicsItem.UserType + 1
    _BOUNDS = QRectF(-W / 2 - 10, -H / 2 - 12, W + 22, H + 32)
    _DIFF_RECT = QRectF(-W / 2 - 5, -H / 2 - 5, W + 10, H + 10)
    _MARKER_RECT = QRectF(W / 2 - 12, -H / 2 - 10, 18, 18)

    # Defaults live on the class: a 500-step map builds 500 items, and every attribute set on
    # a Qt wrapper costs; an instance overrides only what differs from them.
    kind = StepKind.TASK
    name = ""
    ai = AiIntervention.NONE
    lane_id = ""
    minutes = 0.0
    severity: Severity | None = None
    diff_state: str | None = None
    _lines: tuple | None = None
    _badge: tuple[QPainterPath, QPointF, QStaticText] | None = None
    _minutes_text = ""
    _finding_text = ""
    _tip_stale = False
    _hovered = False

    def __init__(self, step_id: str, style: CanvasStyle):
        super().__init__(self._BOUNDS)
        self.setPen(_NO_PEN)  # the bounding rectangle is the rectangle itself, no pen around it
        self.step_id = step_id
        self.style = style
        self.setFlags(_STEP_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)

    def type(self) -> int:
        return self.Type

    def set_state(self, *, kind, name, ai, threshold, minutes, lane_id, exception_rate=None) -> None:
        self.kind, self.name, self.ai, self.minutes, self.lane_id = kind, name, ai, minutes, lane_id
        self._lines = None  # laid out on first paint close enough to read it (see _layout_name)
        # what the kind, intervention, threshold and minutes decide is worked out once per map
        # style (a big map has a handful of combinations), see step_look
        look_key = (kind, ai, threshold, minutes)
        look = self.style.step_looks.get(look_key)
        if look is None:
            look = step_look(self.style, kind, ai, threshold, minutes)
            if len(self.style.step_looks) >= 5000:  # thresholds and minutes edited over a long session
                self.style.step_looks.clear()
            self.style.step_looks[look_key] = look
        self._badge, self._brush, self._pen, self._fills, self._minutes_text, self._minutes = look
        # the tooltip is written when it may be shown (hover) or asked for, not for every step built
        self._tip_args = (threshold, exception_rate)
        self._tip_stale = True
        if self.scene() is not None:
            self.update()

    def _tooltip_text(self) -> str:
        threshold, exception_rate = self._tip_args
        tip = [f"{self.kind.label}: {self.name}"]
        if self.minutes:
            tip.append(f"{self.minutes:g} minutes of work")
        if self.ai != AiIntervention.NONE:
            extra = f", confident from {threshold:.0f}%" if threshold is not None else ""
            tip.append(f"{self.ai.label}{extra}")
            if exception_rate is not None:
                tip.append(f"{exception_rate:g}% of cases go to the exception route")
        text = "\n".join(tip)
        if self._finding_text:
            text = f"{self._finding_text}\n\n{text}"
        return text

    def toolTip(self) -> str:  # noqa: N802 - Qt's name
        self._refresh_tooltip()
        return super().toolTip()

    def _layout_name(self) -> tuple:
        """Wrap the name into the shape, under the AI badge if there is one.

        Layouts are kept by the shared style, keyed by what decides them: a map rebuilt after
        an edit (or the other pane showing the same steps) reuses every unchanged name's lines,
        already shaped as static text, which draws several times faster than drawText.
        """
        style, kind = self.style, self.kind
        inset = 14 if kind in (StepKind.TASK, StepKind.START, StepKind.END) else 26
        shift = 4 if kind == StepKind.HANDOFF else 0
        has_badge = self.ai != AiIntervention.NONE
        text = self.name or "(unnamed)"
        key = (text, inset, shift, has_badge)
        cached = style.name_layouts.get(key)
        if cached is None:
            font, metrics, cache = style.font, style.metrics, style.word_widths
            lines = wrap_text(text, metrics, W - 2 * inset, 2 if has_badge else 3, cache)
            if has_badge and lines[-1].endswith("…"):
                # under the badge there is room for two lines of the normal size or three small ones
                font, metrics, cache = style.small_font, style.small_metrics, style.small_word_widths
                lines = wrap_text(text, metrics, W - 2 * inset, 3, cache)
            height = metrics.height()
            top = (8 if has_badge else 0) - len(lines) * height / 2
            laid_out = []
            for i, line in enumerate(lines):
                static = QStaticText(line)
                static.setTextFormat(Qt.TextFormat.PlainText)
                x = -_line_width(line, metrics, cache) / 2 - shift
                laid_out.append((QPointF(x, top + i * height), static))
            cached = style.remember_layout(key, (font, laid_out))
        self._lines = cached
        return cached

    def set_finding(self, severity: Severity | None, text: str = "") -> None:
        if (severity, text) != (self.severity, self._finding_text):
            self.severity, self._finding_text = severity, text
            self._tip_stale = True
            self.update()

    def set_diff(self, state: str | None) -> None:
        if state != self.diff_state:
            self.diff_state = state
            self.update()

    def _refresh_tooltip(self) -> None:
        if self._tip_stale:
            self._tip_stale = False
            self.setToolTip(plain_tooltip(self._tooltip_text()))

    def shape(self) -> QPainterPath:
        return step_outline(self.kind)

    def handle_rect(self) -> QRectF:
        """Where a drag starts a new flow: the right-hand edge of the step."""
        return QRectF(W / 2 - 14, -H / 2, 14 + HANDLE_RADIUS, H)

    def is_on_handle(self, scene_pos: QPointF) -> bool:
        return self.handle_rect().contains(self.mapFromScene(scene_pos))

    def hoverEnterEvent(self, event) -> None:
        self._hovered = True
        self._refresh_tooltip()  # before the scene asks for it: Qt reads the C++ tooltip
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self._hovered = False
        self.update()

    def paint(self, painter, option, widget=None) -> None:
        s = self.style
        diff = self.diff_state
        badge = self._badge
        world = painter.worldTransform()
        dx, dy = world.dx(), world.dy()
        if (
            dx == int(dx)
            and dy == int(dy)
            and not world.isRotating()  # translated and scaled only
            and diff not in MARKED  # their mark goes between outline and badge
            and painter.deviceTransform() == world
        ):
            # at a whole-pixel place (a map at rest): the outline and pill, drawn once for all steps
            sx, sy = world.m11(), world.m22()
            pill = badge[0] if badge is not None else None
            image, left, top = s.outline_image(self._fills, pill, s.badge_brushes.get(self.ai), sx, sy)
            painter.setWorldTransform(QTransform.fromTranslate(dx + left, dy + top))
            painter.drawImage(0, 0, image)
            painter.setWorldTransform(world)
            badge_drawn = True
            lod = math.sqrt(sx * sy)  # as QStyleOptionGraphicsItem.levelOfDetailFromTransform
        else:
            # filled twice rather than stroked (see CanvasStyle.outline_fills)
            (first, first_brush), (second, second_brush) = self._fills
            painter.fillPath(first, first_brush)
            painter.fillPath(second, second_brush)
            badge_drawn = False
            lod = option.levelOfDetailFromTransform(world)
        if diff in MARKED:
            painter.setBrush(s.removed_brush if diff == "removed" else Qt.BrushStyle.NoBrush)
            painter.setPen(s.diff_pens[diff])
            painter.drawRoundedRect(self._DIFF_RECT, 8, 8)
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(s.selection_pen)
            painter.drawPath(step_outline(self.kind))
        # text too small to read (the whole of a big map in view) is not drawn at all
        if lod >= TEXT_LOD:
            font, lines = self._lines if self._lines is not None else self._layout_name()
            painter.setFont(font)
            painter.setPen(s.text_pen)
            for point, static in lines:
                painter.drawStaticText(point, static)
        elif lod > 0:
            pixels = int(min(GLANCE_PIXELS / lod, H * 0.7))
            font, line = s.glance_name(self.name or "(unnamed)", pixels, W - 12)
            painter.setFont(font)
            painter.setPen(s.text_pen)
            painter.drawText(STEP_BOX.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignCenter, line)
        details = lod >= DETAIL_LOD
        if details and self._minutes_text:
            painter.setFont(s.small_font)
            painter.setPen(s.muted_pen)
            painter.drawStaticText(*self._minutes)
        if diff in MARKED:
            painter.setFont(s.small_font)
            painter.setPen(s.diff_text_pens[diff])
            painter.drawText(QPointF(-W / 2, H / 2 + 12), change_word(diff))
        if badge is not None:
            pill, point, static = badge
            if not badge_drawn:
                painter.fillPath(pill, s.badge_brushes[self.ai])
            if details:
                painter.setFont(s.badge_font)
                painter.setPen(s.badge_text_pens[self.ai])
                painter.drawStaticText(point, static)
        if self.severity is not None:
            marker = self._MARKER_RECT
            painter.setPen(s.no_pen)
            painter.setBrush(s.severity_brushes[self.severity])
            painter.drawEllipse(marker)
            painter.setFont(s.badge_font)
            painter.setPen(s.severity_text_pens[self.severity])
            painter.drawText(marker, Qt.AlignmentFlag.AlignCenter, "!")
        if self._hovered:
            painter.setPen(s.no_pen)
            painter.setBrush(s.handle_brush)
            painter.drawEllipse(QPointF(W / 2, 0), HANDLE_RADIUS, HANDLE_RADIUS)
