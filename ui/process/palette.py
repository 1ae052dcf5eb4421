"""The palette of step kinds: drag one onto the map, or click it and then click the map."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from omplanner.model import StepKind

from .items import W, step_outline
from .style import canvas_style
from .view import STEP_KIND_MIME

HINTS = {
    StepKind.START: "Where the work comes in",
    StepKind.TASK: "A piece of work done by one role",
    StepKind.DECISION: "A choice that splits the flow",
    StepKind.HANDOFF: "The work passes to another role",
    StepKind.END: "Where the work is finished",
}


def kind_icon(kind: StepKind, size: int = 36) -> QIcon:
    style = canvas_style()
    pixmap = QPixmap(size * 2, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(size, size / 2)
    scale = (size * 2 - 6) / W
    painter.scale(scale, scale)
    painter.setPen(style.end_pen if kind == StepKind.END else style.step_pen)
    brush = {
        StepKind.START: style.start_brush,
        StepKind.END: style.end_brush,
        StepKind.DECISION: style.decision_brush,
        StepKind.HANDOFF: style.handoff_brush,
    }.get(kind, style.step_brush)
    painter.setBrush(brush)
    painter.drawPath(step_outline(kind))
    painter.end()
    return QIcon(pixmap)


class StepPalette(QListWidget):
    kind_chosen = Signal(object)
    """A kind was clicked: the next click on a map places a step of it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Step palette")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setIconSize(QSize(56, 28))
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListWidget.Movement.Static)
        self.setSpacing(2)
        for kind in (StepKind.START, StepKind.TASK, StepKind.DECISION, StepKind.HANDOFF, StepKind.END):
            item = QListWidgetItem(kind_icon(kind), kind.label)
            item.setData(Qt.ItemDataRole.UserRole, kind.value)
            item.setToolTip(f"{HINTS[kind]}. Drag onto the map, or click here and then on the map.")
            self.addItem(item)
        self.itemClicked.connect(lambda item: self.kind_chosen.emit(StepKind(item.data(Qt.ItemDataRole.UserRole))))
        self._fit_to_labels()

    def _fit_to_labels(self) -> None:
        # Sized by the labels, not fixed: in presentation mode's larger type a fixed 74 pixels
        # cut 'Decision' and 'Handoff' to 'Deci…' and 'Hand…'.
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.item(i).text()) for i in range(self.count()))
        cell = max(68, widest + 12)
        self.setGridSize(QSize(cell, 28 + metrics.height() + 8))
        self.setFixedWidth(cell + 6)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_to_labels()
        elif event.type() == QEvent.Type.PaletteChange:
            # Light to dark (or back) while the app runs: the shapes take the map's new colours.
            for row in range(self.count()):
                item = self.item(row)
                item.setIcon(kind_icon(StepKind(item.data(Qt.ItemDataRole.UserRole))))

    def item_for(self, kind: StepKind) -> QListWidgetItem:
        return next(
            self.item(i) for i in range(self.count()) if self.item(i).data(Qt.ItemDataRole.UserRole) == kind.value
        )

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(STEP_KIND_MIME, items[0].data(Qt.ItemDataRole.UserRole).encode())
        return data

    def mimeTypes(self) -> list[str]:
        return [STEP_KIND_MIME]

    def startDrag(self, actions) -> None:
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        drag.setPixmap(item.icon().pixmap(56, 28))
        drag.exec(Qt.DropAction.CopyAction)
