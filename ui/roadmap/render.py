"""The roadmap as an image (PNG or SVG by the file's suffix), as it would sit on a slide.

Builds the same scene the page shows, with its findings, then paints it under a title with a
legend of the kinds of work. Written through ``atomic_path`` so a failed render never leaves a
half-written file behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from omplanner.fileio import atomic_path
from omplanner.model import ItemKind, Plan

from .items import Theme
from .layout import BY_COMPONENT, LANE_LABEL_W
from .scene import RoadmapScene

TITLE_H = 56.0
LEGEND_H = 34.0
MARGIN = 16.0
_LEGEND = [
    ItemKind.DIAGNOSTIC,
    ItemKind.PROCESS_REDESIGN,
    ItemKind.DATA_READINESS,
    ItemKind.DECISION_RIGHTS,
    ItemKind.CAPABILITY,
    ItemKind.GOVERNANCE,
    ItemKind.TOOL_SELECTION,
    ItemKind.DEPLOYMENT,
    ItemKind.OTHER,
]


def _ensure_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["omplanner-render"])


def build_scene(plan: Plan, dark: bool = False, mode: str = BY_COMPONENT, width: float = 1600.0) -> RoadmapScene:
    """A scene of the whole roadmap, scaled so the timeline fits ``width`` pixels."""
    from .checking import check_roadmap

    _ensure_app()
    scene = RoadmapScene(Theme(dark=dark))
    scene.today = None  # an exported slide is not dated by the day it was made
    scene.mode = mode
    scene.drag_room = False  # the slide's time axis ends with the last item or its label
    scene.sync(plan)
    for _ in range(3):  # labels keep their size: at a smaller scale they take more weeks
        ppw = max(6.0, (width - LANE_LABEL_W - 2 * MARGIN) / scene.layout.weeks)
        scene.set_scale(plan, "months" if ppw < 40 else "weeks", ppw)
        if scene.layout.weeks * ppw <= width - LANE_LABEL_W - 2 * MARGIN + 0.5:
            break
    c = check_roadmap(plan)
    scene.apply_analysis(c.markers, c.critical, c.slack, c.phase_of, c.broken)
    return scene


def paint_slide(painter: QPainter, scene: RoadmapScene, plan: Plan, size: QSize) -> None:
    theme = scene.theme
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), theme.background)
    title = QFont()
    title.setPointSizeF(15)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(theme.text)
    painter.drawText(
        QRectF(MARGIN, 8, size.width() - 2 * MARGIN, 26), Qt.AlignmentFlag.AlignLeft, "Roadmap: sequencing the change"
    )
    sub = QFont()
    sub.setPointSizeF(9.5)
    painter.setFont(sub)
    painter.setPen(theme.muted)
    details = plan.details
    line = f"{details.client or details.title}  ·  from {details.start_date.strftime('%d %B %Y')}"
    painter.drawText(QRectF(MARGIN, 34, size.width() - 2 * MARGIN, 18), Qt.AlignmentFlag.AlignLeft, line)
    source = scene.sceneRect()
    target = QRectF(MARGIN, TITLE_H, source.width(), source.height())
    scene.render(painter, target, source)
    _paint_legend(
        painter, theme, QRectF(MARGIN, TITLE_H + source.height() + 8, size.width() - 2 * MARGIN, LEGEND_H - 8)
    )


def _paint_legend(painter: QPainter, theme: Theme, rect: QRectF) -> None:
    font = QFont()
    font.setPointSizeF(8.0)
    painter.setFont(font)
    x = rect.left()
    y = rect.top() + rect.height() / 2
    for kind in _LEGEND:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.kind(kind))
        painter.drawRoundedRect(QRectF(x, y - 5, 16, 10), 2, 2)
        painter.setPen(theme.text)
        text_w = painter.fontMetrics().horizontalAdvance(kind.label)
        painter.drawText(QPointF(x + 21, y + 4), kind.label)
        x += 21 + text_w + 16
    painter.setPen(QPen(theme.critical, 2))
    painter.setBrush(QColor(0, 0, 0, 0))
    painter.drawRoundedRect(QRectF(x, y - 5, 16, 10), 2, 2)
    painter.setPen(theme.text)
    painter.drawText(QPointF(x + 21, y + 4), "Critical path")
    x += 21 + painter.fontMetrics().horizontalAdvance("Critical path") + 16
    painter.setPen(QPen(theme.error, 2, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(x, y), QPointF(x + 18, y))
    painter.setPen(theme.text)
    painter.drawText(QPointF(x + 24, y + 4), "Breaks a sequencing principle")


class SlideItem(QGraphicsItem):
    """The whole slide (title, roadmap, legend) as one item, so the slide is itself a scene
    that any scene renderer (``omplanner render``) can draw."""

    def __init__(self, roadmap: RoadmapScene, plan: Plan):
        super().__init__()
        self.roadmap = roadmap
        self.plan = plan
        rect = roadmap.sceneRect()
        self.size = QSize(int(rect.width() + 2 * MARGIN), int(TITLE_H + rect.height() + LEGEND_H + MARGIN))

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.size.width(), self.size.height())

    def paint(self, painter: QPainter, option, widget=None) -> None:
        paint_slide(painter, self.roadmap, self.plan, self.size)


def slide_scene(plan: Plan, dark: bool = False, mode: str = BY_COMPONENT) -> tuple[QGraphicsScene, QRectF]:
    """A scene holding the roadmap slide, and the rectangle to draw: for scene renderers."""
    roadmap = build_scene(plan, dark=dark, mode=mode)
    slide = QGraphicsScene()
    slide.setBackgroundBrush(roadmap.theme.background)
    item = SlideItem(roadmap, plan)
    slide.addItem(item)
    slide._roadmap = roadmap  # keep the roadmap scene alive as long as the slide
    return slide, item.boundingRect()


def render_roadmap(plan: Plan, path, dark: bool = False, mode: str = BY_COMPONENT) -> Path:
    """Write the roadmap to ``path``: SVG when it ends in .svg, PNG otherwise."""
    path = Path(path)
    scene = build_scene(plan, dark=dark, mode=mode)
    size = SlideItem(scene, plan).size
    with atomic_path(path) as tmp:
        if path.suffix.lower() == ".svg":
            generator = QSvgGenerator()
            generator.setFileName(str(tmp))
            generator.setSize(size)
            generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
            generator.setTitle("Roadmap")
            painter = QPainter(generator)
            paint_slide(painter, scene, plan, size)
            painter.end()
        else:
            image = QImage(size * 2, QImage.Format.Format_ARGB32)
            image.setDevicePixelRatio(2.0)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            paint_slide(painter, scene, plan, size)
            painter.end()
            if not image.save(str(tmp), "PNG"):
                raise OSError(f"could not write {path}")
    scene.dispose()
    return path
