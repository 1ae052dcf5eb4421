"""The view of a map: zoom (Ctrl+wheel, Ctrl+= / Ctrl+-, F to fit), pan (space-drag, middle button),
drops from the palette, renaming in place, and lane names pinned to the left edge while the map
scrolls sideways."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import QGraphicsView, QLineEdit

from omplanner.model import StepKind

from ..keymap import canvas_action
from .arrows import ArrowItem
from .items import LANE_HEADER_WIDTH, LANE_LEFT, StepItem

STEP_KIND_MIME = "application/x-omplanner-step-kind"
MIN_ZOOM, MAX_ZOOM = 0.2, 4.0


class ProcessView(QGraphicsView):
    zoom_changed = Signal(float)
    context_menu_requested = Signal(QPointF, QPoint)
    other_map_requested = Signal()
    """V: the user asked for the other map (current <-> redesigned)."""
    """A right click: the scene position and the global position for the menu."""

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Process map")
        self._space = False
        self._pan_from: QPointF | None = None
        self._editor_line: QLineEdit | None = None
        editor = getattr(scene, "editor", None)
        if editor is not None:
            editor.rename_requested.connect(self.start_rename)
        self._scroll_x = 0
        self.horizontalScrollBar().valueChanged.connect(self._scrolled_sideways)
        self.empty_hint = ""

    # -- lane names pinned to the left edge ---------------------------------------------------
    def pinned_lanes(self) -> float | None:
        """The scene x where pinned lane headers start, or None while the lanes' own headers show."""
        lanes = getattr(self.scene(), "lanes", None)
        if not lanes:
            return None
        left = self.mapToScene(QPoint(0, 0)).x()
        return left if left > LANE_LEFT - LANE_HEADER_WIDTH + 0.5 else None

    def set_empty_hint(self, text: str) -> None:
        """What an empty map says in its middle: how to start drawing it."""
        if text != self.empty_hint:
            self.empty_hint = text
            self.viewport().update()

    def _draw_empty_hint(self, painter) -> None:
        painter.save()
        painter.resetTransform()  # viewport pixels: the hint stays put whatever the zoom
        area = self.viewport().rect().adjusted(40, 20, -40, -20)
        colour = self.palette().color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(colour)
        painter.setFont(self.font())
        painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_hint)
        painter.restore()

    def drawForeground(self, painter, rect) -> None:
        if self.empty_hint and not getattr(self.scene(), "steps", True):
            self._draw_empty_hint(painter)
            return
        # On a wide map scrolled sideways the lane names went off screen with their headers, and
        # nobody in the room could tell the bands apart: they are drawn again at the left edge.
        left = self.pinned_lanes()
        if left is None:
            return
        painter.save()
        for lane in self.scene().lanes.values():
            top = lane.pos().y()
            if top < rect.bottom() and top + lane.boundingRect().height() > rect.top():
                painter.save()
                painter.translate(0, top)
                lane.paint_header(painter, left)
                painter.restore()
        painter.restore()

    def reveal(self, item) -> None:
        """Scroll just enough to show ``item``, clear of the lane names pinned at the left edge
        (a plain ensureVisible could leave a step under them)."""
        left = round(LANE_HEADER_WIDTH * self.zoom()) + 24 if getattr(self.scene(), "lanes", None) else 40
        self.ensureVisible(item, left, 40)

    def _scrolled_sideways(self, value: int) -> None:
        # Scrolling moves the viewport's pixels: the pinned strip moved with them and must be
        # painted again where it was and where it belongs.
        moved, self._scroll_x = abs(value - self._scroll_x), value
        width = round(LANE_HEADER_WIDTH * self.zoom()) + moved + 2
        self.viewport().update(QRect(0, 0, width, self.viewport().height()))

    def drawBackground(self, painter, rect) -> None:  # noqa: N802 - Qt's name
        # the scene paints no background of its own (see ProcessScene.__init__)
        canvas = getattr(self.scene(), "canvas_colour", None)
        if canvas is not None:
            painter.fillRect(rect, canvas())
        else:
            super().drawBackground(painter, rect)

    @property
    def editor(self):
        return getattr(self.scene(), "editor", None)

    # -- zoom -----------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, value: float) -> None:
        value = max(MIN_ZOOM, min(MAX_ZOOM, value))
        if abs(value - self.zoom()) < 1e-6:
            return
        self.resetTransform()
        self.scale(value, value)
        self.zoom_changed.emit(value)

    def show_corner(self, corner: QPointF) -> None:
        """Scroll so that the scene point ``corner`` sits at the viewport's top left."""
        shown = self.viewport().size()
        zoom = self.zoom()
        self.centerOn(corner.x() + shown.width() / zoom / 2, corner.y() + shown.height() / zoom / 2)

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom() * factor)

    def _map_rect(self):
        scene = self.scene()
        return scene.map_rect() if hasattr(scene, "map_rect") else scene.itemsBoundingRect()

    def fit_zoom(self) -> float:
        """The zoom at which the whole map fits the viewport (never above 100 %)."""
        rect = self._map_rect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.isEmpty():
            return 1.0
        return max(MIN_ZOOM, min(1.0, (viewport.width() - 4) / rect.width(), (viewport.height() - 4) / rect.height()))

    def fit_width_zoom(self, largest: float = 1.0) -> float:
        """The zoom at which the map's width fills the viewport's (never above ``largest``): a
        taller map then scrolls down, and the scroll bar that takes is allowed for."""
        rect = self._map_rect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.isEmpty():
            return 1.0
        width = viewport.width() + (self.verticalScrollBar().width() if self.verticalScrollBar().isVisible() else 0)
        zoom = (width - 4) / rect.width()
        if rect.height() * zoom > viewport.height() - 4:
            zoom = (width - 4 - self.verticalScrollBar().sizeHint().width()) / rect.width()
        return max(MIN_ZOOM, min(largest, zoom))

    def fit(self, zoom: float | None = None) -> None:
        """Show the whole map (at ``zoom`` if given, e.g. a zoom shared with another view)."""
        self.set_zoom(self.fit_zoom() if zoom is None else zoom)
        self.centerOn(self._map_rect().center())

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    # -- keys -----------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        action = canvas_action("process", event)
        if action.startswith("leave."):
            # past the steps, on to the next widget (the inspector): Qt's own chain, not select_next
            super().focusNextPrevChild(action == "leave.next")
        elif event.matches(QKeySequence.StandardKey.ZoomIn) or (
            ctrl and event.key() in (Qt.Key.Key_Equal, Qt.Key.Key_Plus)
        ):
            self.zoom_by(1.25)
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or (ctrl and event.key() == Qt.Key.Key_Minus):
            self.zoom_by(0.8)
        elif action == "fit":
            self.fit()  # not Ctrl+0: the window binds Ctrl+0 to a page (ui.keymap)
        elif action == "other_map":
            self.other_map_requested.emit()
        elif event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif event.key() == Qt.Key.Key_Space:
            pass
        elif self.editor is not None and self.editor.key_press(event):
            pass
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusNextPrevChild(self, next_: bool) -> bool:
        # Tab moves between steps on the canvas rather than out of it (Ctrl+Tab leaves).
        if self.editor is not None and self.scene().steps:
            self.editor.select_next(backwards=not next_)
            return True
        return super().focusNextPrevChild(next_)

    # -- pan ------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event) -> None:
        self.context_menu_requested.emit(self.mapToScene(event.pos()), event.globalPos())
        event.accept()

    # -- drops from the palette -----------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(STEP_KIND_MIME) and self.editor is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(STEP_KIND_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        if event.mimeData().hasFormat(STEP_KIND_MIME) and self.editor is not None:
            kind = StepKind(bytes(event.mimeData().data(STEP_KIND_MIME)).decode())
            self.editor.add_step(kind, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
            return
        super().dropEvent(event)

    # -- rename in place ------------------------------------------------------------------
    def start_rename(self, item) -> None:
        if isinstance(item, StepItem):
            element_id, text = item.step_id, item.name
        elif isinstance(item, ArrowItem) and item.flow_id:
            element_id, text = item.flow_id, item.label
        else:
            return
        self.finish_rename(commit=False)
        line = QLineEdit(text, self.viewport())
        line.setAccessibleName("New name" if isinstance(item, StepItem) else "Flow label")
        if not isinstance(item, StepItem):
            line.setPlaceholderText("e.g. no · 25 %")
            line.setToolTip(
                "A branch's share of cases, written as a percentage in its label ('no · 25 %'), weights its "
                "steps' minutes in the minutes per case; branches without one share what is left evenly."
            )
        line.setProperty("element_id", element_id)
        rect = self.mapFromScene(item.sceneBoundingRect()).boundingRect()
        width = max(160, rect.width())
        line.setGeometry(rect.center().x() - width // 2, rect.center().y() - 14, width, 28)
        line.selectAll()
        line.returnPressed.connect(lambda: self.finish_rename(commit=True))
        line.editingFinished.connect(lambda: self.finish_rename(commit=True))
        line.installEventFilter(self)
        self._editor_line = line
        line.show()
        line.setFocus()

    def finish_rename(self, commit: bool) -> None:
        line, self._editor_line = self._editor_line, None
        if line is None:
            return
        if commit and self.editor is not None:
            self.editor.rename(line.property("element_id"), line.text())
        line.hide()
        line.deleteLater()
        self.setFocus()

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self._editor_line and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.finish_rename(commit=False)
            return True
        return super().eventFilter(watched, event)
