"""Colours, pens and fonts of the process canvas, built once per theme and shared by every item.

Items never create a pen or a font while painting: a 500-step map would allocate thousands
of them per frame. They read these instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QStaticText,
    QTransform,
)

from omplanner.model import AiIntervention, StepKind
from omplanner.vocabulary import AI, CHANGE, EXCEPTION, SEVERITY, STEP_KIND, mix

AI_KINDS = (AiIntervention.AUTOMATE, AiIntervention.SURFACE, AiIntervention.ROUTE_EXCEPTIONS)


def _pen(colour: str | QColor, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCosmetic(False)
    return pen


@dataclass
class CanvasStyle:
    dark: bool = False
    canvas: QColor = field(init=False)
    text: QColor = field(init=False)
    muted: QColor = field(init=False)

    def __post_init__(self) -> None:
        d = self.dark
        self.canvas = QColor("#1e1f22" if d else "#ffffff")
        self.text = QColor("#e9ecef" if d else "#1f2933")
        self.muted = QColor("#adb5bd" if d else "#616e7c")
        self.lane_brushes = (
            QBrush(QColor("#26282c" if d else "#f5f7fa")),
            QBrush(QColor("#222327" if d else "#ffffff")),
        )
        self.ai_lane_brush = QBrush(QColor(mix(AI[AiIntervention.AUTOMATE].pale(d), self.canvas.name(), 0.6)))
        self.lane_header_brush = QBrush(QColor("#303238" if d else "#e9edf2"))
        self.lane_pen = _pen("#3a3d44" if d else "#cfd6de", 1)
        self.lane_border_brush = QBrush(self.lane_pen.color())
        self.step_brush = QBrush(QColor("#2b2d31" if d else "#ffffff"))
        self.step_pen = _pen("#adb5bd" if d else "#52606d", 1.4)
        self.start_brush = QBrush(QColor(STEP_KIND[StepKind.START].pale(d)))
        self.end_brush = QBrush(QColor(STEP_KIND[StepKind.END].pale(d)))
        self.end_pen = _pen("#adb5bd" if d else "#52606d", 3)
        self.decision_brush = QBrush(QColor(STEP_KIND[StepKind.DECISION].pale(d)))
        self.handoff_brush = QBrush(QColor(STEP_KIND[StepKind.HANDOFF].pale(d)))
        self.ai_brush = QBrush(QColor(mix(AI[AiIntervention.AUTOMATE].pale(d), self.canvas.name(), 0.4)))
        self.kind_brushes = {
            StepKind.START: self.start_brush,
            StepKind.END: self.end_brush,
            StepKind.DECISION: self.decision_brush,
            StepKind.HANDOFF: self.handoff_brush,
        }
        self.ai_pens = {k: _pen(AI[k].colour(d), 2.4) for k in AI_KINDS}
        self.badge_brushes = {k: QBrush(QColor(AI[k].colour(d))) for k in AI_KINDS}
        self.badge_text_pens = {k: _pen(AI[k].ink(d)) for k in AI_KINDS}
        """Words on a badge: dark on the light colours, light on the dark ones."""
        self.text_pen = _pen(self.text)
        self.muted_pen = _pen(self.muted)
        self.selection_pen = _pen("#4dabf7" if d else "#1c7ed6", 3)
        self.handle_brush = QBrush(QColor("#4dabf7" if d else "#1c7ed6"))
        self.flow_pen = _pen("#ced4da" if d else "#3e4c59", 1.6)
        self.flow_brush = QBrush(self.flow_pen.color())
        self.flow_selected_pen = _pen("#4dabf7" if d else "#1c7ed6", 2.6)
        self.exception_pen = _pen(EXCEPTION.colour(d), 2.2, Qt.PenStyle.DashLine)
        self.exception_brush = QBrush(QColor(EXCEPTION.colour(d)))
        self.exception_text_pen = _pen(EXCEPTION.text(d))
        self.label_brush = QBrush(self.canvas)
        self.severity_brushes = {k: QBrush(QColor(v.colour(d))) for k, v in SEVERITY.items()}
        self.severity_text_pens = {k: _pen(v.ink(d)) for k, v in SEVERITY.items()}
        diffs = ("removed", "added", "automated", "reworked")
        self.diff_pens = {k: _pen(CHANGE[k].colour(d), 2.4, Qt.PenStyle.DashLine) for k in diffs}
        self.diff_brushes = {k: QBrush(QColor(CHANGE[k].colour(d))) for k in diffs}
        self.diff_text_pens = {k: _pen(CHANGE[k].text(d)) for k in diffs}
        removed = QColor(CHANGE["removed"].colour(d))
        removed.setAlpha(40)
        self.removed_brush = QBrush(removed)
        self.no_pen = QPen(Qt.PenStyle.NoPen)
        self.font = QFont()
        self.font.setPointSizeF(9)
        self.small_font = QFont(self.font)
        self.small_font.setPointSizeF(7.5)
        self.badge_font = QFont(self.font)
        self.badge_font.setPointSizeF(7.5)
        self.badge_font.setBold(True)
        self.lane_font = QFont(self.font)
        self.lane_font.setBold(True)
        self.metrics = QFontMetricsF(self.font)
        self.small_metrics = QFontMetricsF(self.small_font)
        self.badge_metrics = QFontMetricsF(self.badge_font)
        self.lane_metrics = QFontMetricsF(self.lane_font)
        self.word_widths: dict[str, float] = {}
        self.small_word_widths: dict[str, float] = {}
        """Widths of words in ``font``, measured once (see items.wrap_text)."""
        self._badges: dict[tuple, tuple] = {}
        self._small: dict[tuple, tuple] = {}
        self._strokes: dict[tuple, tuple] = {}
        self._outline_images: dict[tuple, tuple] = {}
        self.step_looks: dict[tuple, tuple] = {}
        """(kind, intervention, threshold, minutes) -> what a step shows for them (items.step_look)."""
        self.name_layouts: dict[tuple, tuple] = {}
        self.glance_names: dict[tuple[str, int], tuple[QFont, str]] = {}
        """Names as shown when the map is too small for the wrapped name: one line, large type."""
        """Step names laid out for drawing (see items.StepItem._layout_name)."""

    def glance_name(self, text: str, pixels: int, width: float) -> tuple[QFont, str]:
        """The name in one line of type ``pixels`` high (scene units), cut to ``width``."""
        key = (text, pixels)
        found = self.glance_names.get(key)
        if found is None:
            if len(self.glance_names) >= 20000:
                self.glance_names.clear()
            font = QFont(self.font)
            font.setPixelSize(max(1, pixels))
            font.setBold(True)
            line = QFontMetricsF(font).elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight, width)
            found = self.glance_names[key] = (font, line)
        return found

    def remember_layout(self, key: tuple, layout: tuple) -> tuple:
        if len(self.name_layouts) >= 20000:  # names of deleted or renamed steps pile up: start afresh
            self.name_layouts.clear()
        self.name_layouts[key] = layout
        return layout

    # The same few strings and shapes recur on every step ("AI automates ≥90%", "5 min", the pill
    # behind a badge, the stroke of an outline): each is measured, laid out or stroked once and
    # shared, so that building and painting a big map does that work a handful of times.
    def badge(self, words: str, left: float, top: float) -> tuple:
        """The pill (a path), where its words go and the words as static text."""
        key = (words, left, top)
        found = self._badges.get(key)
        if found is None:
            width = self.badge_metrics.horizontalAdvance(words) + 12
            pill = QPainterPath()
            pill.addRoundedRect(QRectF(left, top, width, 15), 7.5, 7.5)
            point = QPointF(left + 6, top + (15 - self.badge_metrics.height()) / 2)
            found = self._badges[key] = (pill, point, _static(words))
        return found

    def small_text(self, text: str, right: float, baseline: float) -> tuple:
        """Small print ending at ``right``: its top-left corner and the text as static text."""
        key = (text, right, baseline)
        found = self._small.get(key)
        if found is None:
            advance = self.small_metrics.horizontalAdvance(text)
            point = QPointF(right - advance, baseline - self.small_metrics.ascent())
            found = self._small[key] = (point, _static(text))
        return found

    def outline_fills(self, kind, pen: QPen, brush: QBrush) -> tuple:
        """A step's outline and fill as two paths to fill, in order, with their brushes.

        Filling is cheaper than stroking. A rounded shape is its outline grown by half the pen
        in the pen's colour under the same shape shrunk by half the pen in the fill; a pointed
        one is its fill under its stroke, computed once here.
        """
        key = (kind, id(pen), id(brush))
        found = self._strokes.get(key)
        if found is None:
            from .items import STEP_BOX, step_outline

            half = pen.widthF() / 2
            pen_brush = QBrush(pen.color())
            if kind in (StepKind.DECISION, StepKind.HANDOFF):
                stroke = QPainterPathStroker(pen).createStroke(step_outline(kind))
                found = ((step_outline(kind), brush), (stroke, pen_brush))
            else:
                radius = STEP_BOX.height() / 2 if kind in (StepKind.START, StepKind.END) else 6.0
                outer, inner = QPainterPath(), QPainterPath()
                outer.addRoundedRect(STEP_BOX.adjusted(-half, -half, half, half), radius + half, radius + half)
                inner.addRoundedRect(STEP_BOX.adjusted(half, half, -half, -half), radius - half, radius - half)
                found = ((outer, pen_brush), (inner, brush))
            self._strokes[key] = found
        return found

    def outline_image(self, fills: tuple, pill, pill_brush, sx: float, sy: float) -> tuple:
        """A step's outline (``fills``, see outline_fills) and its badge's pill, drawn once at
        this scale into a transparent image: the image, and where its top-left corner goes in
        device pixels from the step's origin.

        Hundreds of steps share a few of these. Drawn at a whole-pixel offset, the image gives
        the pixels that filling the same paths there would give, at a fraction of the cost.
        """
        key = (id(fills), id(pill), id(pill_brush), sx, sy)
        found = self._outline_images.get(key)
        if found is None:
            if len(self._outline_images) >= 256:  # zoom levels come and go: start afresh
                self._outline_images.clear()
            bounds = fills[0][0].boundingRect().united(fills[1][0].boundingRect())
            left, top = math.floor(bounds.left() * sx) - 1, math.floor(bounds.top() * sy) - 1
            width = math.ceil(bounds.right() * sx) + 1 - left
            height = math.ceil(bounds.bottom() * sy) + 1 - top
            image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(0)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setTransform(QTransform(sx, 0, 0, sy, -left, -top))
            for path, brush in fills:
                painter.fillPath(path, brush)
            if pill is not None:
                painter.fillPath(pill, pill_brush)
            painter.end()
            found = self._outline_images[key] = (image, left, top)
        return found


def _static(text: str) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    return static


def app_is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


_STYLES: dict[bool, CanvasStyle] = {}


def canvas_style(dark: bool | None = None) -> CanvasStyle:
    """The shared style for a theme (the application's, unless told)."""
    dark = app_is_dark() if dark is None else dark
    if dark not in _STYLES:
        _STYLES[dark] = CanvasStyle(dark)
    return _STYLES[dark]
