"""A step only another copy of the plan has, drawn as a ghost where that copy put it.

Shown while File › Compare with… keeps the other copy's differences on the canvases: a dashed
outline in the "new" colour, the step's name and the word "new" under it. It is not part of the
map: it cannot be selected or moved, and the editor never sees it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem

from omplanner.process.layout import STEP_HEIGHT, STEP_WIDTH
from omplanner.vocabulary import change_word

from ..widgets.plain_text import plain_tooltip
from .style import CanvasStyle

W, H = STEP_WIDTH, STEP_HEIGHT


class GhostStepItem(QGraphicsItem):
    _BOX = QRectF(-W / 2, -H / 2, W, H)
    _BOUNDS = QRectF(-W / 2 - 4, -H / 2 - 4, W + 8, H + 24)

    def __init__(self, step_id: str, name: str, style: CanvasStyle):
        super().__init__()
        self.step_id = step_id
        self.name = name
        self.style = style
        self.setZValue(0.5)  # under the open plan's steps
        self.setOpacity(0.75)
        self.setToolTip(plain_tooltip(f"New in the other copy: {name or '(unnamed)'}"))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._BOUNDS

    def paint(self, painter, option, widget=None) -> None:
        s = self.style
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(s.diff_pens["added"])
        painter.drawRoundedRect(self._BOX, 8, 8)
        painter.setFont(s.font)
        painter.setPen(s.muted_pen)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(self._BOX.adjusted(10, 4, -10, -4), flags, self.name or "(unnamed)")
        painter.setFont(s.small_font)
        painter.setPen(s.diff_text_pens["added"])
        painter.drawText(QPointF(-W / 2, H / 2 + 14), change_word("added"))
