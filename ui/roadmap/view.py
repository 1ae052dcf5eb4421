"""The roadmap view: time-scale zoom and fit, and the dispatch of mouse presses to gestures.

Zooming changes the pixels per week and lays the scene out again rather than scaling the
painter, so that labels stay at a readable size at every time scale.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from omplanner.commands import SetFields
from omplanner.model import Plan

from ..keymap import canvas_action
from .gestures import CreateGesture, Gesture, LinkGesture, MoveGesture, Outcome, ResizeGesture
from .layout import HEADER_H, LANE_LABEL_W, ZOOMS
from .scene import RoadmapScene

MIN_FIT_PPW = 14.0
"""Below this many pixels a week, fitting the labels too would make the bars hard to read."""

NUDGES = {
    "move.earlier": ("start_week", -1),
    "move.later": ("start_week", 1),
    "resize.shorter": ("duration_weeks", -1),
    "resize.longer": ("duration_weeks", 1),
}
"""What the arrow keys (ui.keymap) change on the selected bar, and by how many weeks."""

_CURSORS = {
    "resize": Qt.CursorShape.SizeHorCursor,
    "link": Qt.CursorShape.CrossCursor,
    "body": Qt.CursorShape.OpenHandCursor,
}


class RoadmapView(QGraphicsView):
    gesture_finished = Signal(object)
    """An Outcome: a command to execute, or a refusal to show."""
    delete_requested = Signal()
    released = Signal()
    """The mouse button went up (a press that selected a bar may now open the inspector)."""
    scale_changed = Signal(str)
    """The time scale now shown: weeks, months or quarters (the nearest, after a fit)."""

    def __init__(self, scene: RoadmapScene, plan_source: Callable[[], Plan], parent=None):
        super().__init__(scene, parent)
        self.roadmap = scene
        self.plan_source = plan_source
        self.gesture: Gesture | None = None
        self.pressing = False
        """True from a left-button press to its release."""
        self._fitted = False
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setMouseTracking(True)
        self.setAccessibleName("Roadmap timeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- time scale ---------------------------------------------------------------------------
    def set_scale(self, name: str) -> None:
        self.roadmap.set_scale(self.plan_source(), name)
        self.scale_changed.emit(name)

    def fit(self) -> None:
        """Choose the pixels per week that shows the whole timeline in the view's width.

        Room is kept for the labels of the last items too, unless that would squeeze the bars
        below a readable scale: then the bars fit and the last labels are a scroll away.
        """
        layout = self.roadmap.layout
        if layout is None:
            return
        plan = self.plan_source()
        available = self.viewport().width() - LANE_LABEL_W - 8
        last_end = max((i.end_week for i in plan.roadmap), default=0)
        bars_only = max(4.0, min(80.0, available / max(4, last_end + 1)))
        ppw = available / max(1, layout.weeks)
        for _ in range(6):  # the room the last labels need depends on the scale: settle it
            ppw = max(4.0, min(80.0, ppw))
            if ppw < MIN_FIT_PPW and bars_only > ppw:
                ppw = bars_only
                break
            self.roadmap.set_scale(plan, self._nearest(ppw), ppw)
            needed = self.roadmap.layout.width - LANE_LABEL_W
            if needed <= available + 1:
                break
            ppw *= available / needed
        self.roadmap.set_scale(plan, self._nearest(ppw), ppw)
        self.scale_changed.emit(self.roadmap.scale_name)
        self.centerOn(0, 0)

    def fit_height(self) -> None:
        """Compact the lanes so that all of them show in the view's height, as far as their text
        stays legible (a short laptop screen, presentation mode's larger type)."""
        room = self.viewport().height() - HEADER_H - 2
        self.roadmap.set_room(self.plan_source(), float(room) if room > 0 else None)

    @staticmethod
    def _nearest(ppw: float) -> str:
        return min(ZOOMS, key=lambda n: abs(ZOOMS[n] - ppw))

    def centre_on_item(self, item_id: str) -> bool:
        """Bring a bar and its label to the middle of the part of the view left in the clear."""
        return self.reveal_item(item_id, centre=True)

    def reveal_item(self, item_id: str, centre: bool = False) -> bool:
        """Scroll so that a bar and the start of its label show clear of the pinned lane names
        and time header (which cover the left and top of the viewport once it scrolls).

        With ``centre`` the bar goes to the middle of the clear part; without, the view scrolls
        only as far as it must (after a nudge with the arrow keys, say).
        """
        bar = self.roadmap.bars.get(item_id)
        if bar is None:
            return False
        self.reveal_rect(bar.sceneBoundingRect(), centre)
        return True

    def reveal_rect(self, rect: QRectF, centre: bool = False, margin: float = 0.0) -> None:
        clear = self.clear_rect().adjusted(margin, margin, -margin, -margin)
        target = self.mapFromScene(rect).boundingRect()
        hbar, vbar = self.horizontalScrollBar(), self.verticalScrollBar()
        hbar.setValue(hbar.value() + round(_shift(target.left(), target.right(), clear.left(), clear.right(), centre)))
        vbar.setValue(vbar.value() + round(_shift(target.top(), target.bottom(), clear.top(), clear.bottom(), centre)))

    # Qt's own ensureVisible and centerOn know nothing of the pinned column: callers get the
    # same clear-of-the-column scrolling as the page's own selection.
    def ensureVisible(self, *args) -> None:
        first = args[0]
        if isinstance(first, QGraphicsItem):
            rect, rest = first.sceneBoundingRect(), args[1:]
        elif isinstance(first, QRectF):
            rect, rest = first, args[1:]
        else:
            rect, rest = QRectF(*args[:4]), args[4:]
        margin = min(rest) if rest else 8.0
        self.reveal_rect(rect, margin=min(margin, 8.0))

    def centerOn(self, *args) -> None:
        first = args[0]
        if isinstance(first, QGraphicsItem):
            rect = first.sceneBoundingRect()
        else:
            point = first if isinstance(first, QPointF) else QPointF(*args[:2])
            rect = QRectF(point, point)
        self.reveal_rect(rect, centre=True)

    def clear_rect(self) -> QRectF:
        """The part of the viewport that the pinned lane names and header never cover."""
        scale = self.transform()
        margin = 8.0
        left = LANE_LABEL_W * scale.m11() + margin
        top = HEADER_H * scale.m22() + 4
        view = self.viewport().rect()
        return QRectF(left, top, max(1.0, view.width() - left - margin), max(1.0, view.height() - top - 4))

    # -- gestures -----------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.pressing = True
        if event.button() != Qt.MouseButton.LeftButton or self.gesture is not None:
            super().mousePressEvent(event)
            return
        pos = self.mapToScene(event.position().toPoint())
        plan = self.plan_source()
        bar = self.roadmap.bar_at(pos)
        if bar is not None:
            zone = bar.zone_at(bar.mapFromScene(pos))
            self.scene().clearSelection()
            bar.setSelected(True)
            if zone == "link" or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.gesture = LinkGesture(self.roadmap, plan, bar.item_id, pos)
            elif zone == "resize":
                self.gesture = ResizeGesture(self.roadmap, plan, bar.item_id, pos)
            else:
                self.gesture = MoveGesture(self.roadmap, plan, bar.item_id, pos)
            event.accept()
            return
        layout = self.roadmap.layout
        lane = layout.lane_at(pos.y()) if layout else None
        self.scene().clearSelection()
        if lane is not None and pos.x() > LANE_LABEL_W:
            self.gesture = CreateGesture(self.roadmap, lane, pos)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        pos = self.mapToScene(event.position().toPoint())
        if self.gesture is not None:
            self.gesture.move(pos)
            event.accept()
            return
        bar = self.roadmap.bar_at(pos)
        if bar is None:
            self.viewport().unsetCursor()
        else:
            self.viewport().setCursor(_CURSORS[bar.zone_at(bar.mapFromScene(pos))])
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.pressing = False
        if self.gesture is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            self.released.emit()
            return
        gesture, self.gesture = self.gesture, None
        outcome: Outcome = gesture.finish(self.mapToScene(event.position().toPoint()))
        event.accept()
        if outcome.command is not None or outcome.message:
            self.gesture_finished.emit(outcome)
        self.released.emit()

    def keyPressEvent(self, event) -> None:
        action = canvas_action("roadmap", event)
        if action.startswith("leave."):
            self.focusNextPrevChild(action == "leave.next")  # on to the inspector, past the bars
            return
        if action == "cancel" and self.gesture is not None:
            self.gesture.cancel()
            self.gesture = None
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.scene().selectedItems():
            self.delete_requested.emit()
            return
        if action in NUDGES and self._nudge(*NUDGES[action]):
            return
        if action in ("select.next", "select.previous") and self.select_next(action == "select.previous"):
            return
        super().keyPressEvent(event)

    def _nudge(self, field: str, step: int) -> bool:
        """Arrow keys move the selected bar a week (with Shift: lengthen or shorten it).

        A run of presses merges into one undo step, like one drag.
        """
        item_id = self.selected_item_id()
        item = self.plan_source().item(item_id) if item_id else None
        if item is None:
            return False
        if field == "duration_weeks":
            value = max(1, item.duration_weeks + step)
            text = f"Change the length of '{item.title}'"
        else:
            value = max(0, item.start_week + step)
            text = f"Move '{item.title}'"
        if value != getattr(item, field):
            command = SetFields(item.id, {field: value}, text=text, merge_key=f"roadmap-nudge:{field}:{item.id}")
            self.gesture_finished.emit(Outcome(command))
        return True

    def selected_item_id(self) -> str | None:
        bars = [i for i in self.scene().selectedItems() if hasattr(i, "item_id")]
        return bars[0].item_id if bars else None

    def select_next(self, backwards: bool = False) -> bool:
        """Up and Down: the selection moves to the bar above or below, in reading order (lane by
        lane, row by row, then by start); with nothing selected, to the first or last bar."""
        bars = sorted(self.roadmap.bars.values(), key=lambda b: (b.pos().y(), b.pos().x()))
        if not bars:
            return False
        ids = [b.item_id for b in bars]
        current = self.selected_item_id()
        if current in ids:
            index = max(0, min(len(ids) - 1, ids.index(current) + (-1 if backwards else 1)))
        else:
            index = len(ids) - 1 if backwards else 0
        if ids[index] != current:
            self.scene().clearSelection()
            self.roadmap.bars[ids[index]].setSelected(True)
        self.reveal_item(ids[index])
        return True

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            names = list(ZOOMS)
            i = names.index(self.roadmap.scale_name) if self.roadmap.scale_name in names else 1
            i = max(0, min(len(names) - 1, i + (-1 if event.angleDelta().y() > 0 else 1)))
            self.set_scale(names[i])
            return
        super().wheelEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_height()
        if not self._fitted and self.viewport().width() > LANE_LABEL_W + 100 and self.isVisible():
            self._fitted = True  # open showing the whole roadmap; later zooms are the user's
            self.fit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.viewport().update()  # the sticky header and lane names do not scroll with the rest

    def drawForeground(self, painter: QPainter, rect) -> None:
        """Keep the lane names and the time header in view while the timeline scrolls."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        timeline = self.roadmap.timeline
        if visible.left() > 1:
            timeline.paint_lane_labels(painter, visible.left())
        if visible.left() > 1 or visible.top() > 1:
            timeline.paint_header(painter, max(0.0, visible.top()), left=max(0.0, visible.left()))
            # the header scrolls under the pinned corner: cover it, or a cut-off label shows there
            corner = QRectF(visible.left(), max(0.0, visible.top()), LANE_LABEL_W, HEADER_H)
            painter.fillRect(corner, self.roadmap.theme.background)

    def anchor_point(self, item_id: str, where: str = "middle") -> QPointF:
        """The viewport point of a bar (tests and keyboard helpers)."""
        bar = self.roadmap.bars[item_id]
        rect = bar.sceneBoundingRect()
        x = {"start": bar.pos().x() + 3, "middle": bar.pos().x() + bar.width / 2, "end": bar.pos().x() + bar.width - 2}[
            where
        ]
        return self.mapFromScene(QPointF(x, bar.pos().y() + 9)).toPointF() if rect else QPointF()


def _shift(low: float, high: float, clear_low: float, clear_high: float, centre: bool) -> float:
    """How far to scroll along one axis so that [low, high] shows inside [clear_low, clear_high].

    What does not fit keeps its start in the clear: a bar's start and the start of its label
    matter more than the end of a long label.
    """
    if high - low > clear_high - clear_low:
        return low - clear_low
    if centre:
        return (low + high) / 2 - (clear_low + clear_high) / 2
    if low < clear_low:
        return low - clear_low
    if high > clear_high:
        return high - clear_high
    return 0.0
