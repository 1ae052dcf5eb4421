"""Another copy's weeks for a roadmap item, drawn as a ghost outline behind the item's bar.

Shown while File › Compare with… keeps the other copy's differences on the canvases: a dashed
outline where the other copy has the item, and the difference in weeks in its tooltip (and the
bar's), as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from omplanner.vocabulary import OTHER_COPY

from ..widgets.plain_text import plain_tooltip
from .items import BAR_H, Theme

GHOST_MARGIN = 3.0


class GhostBarItem(QGraphicsRectItem):
    def __init__(self, item_id: str, width: float, words: str, theme: Theme):
        # a little taller than the bar: where the bar covers it (an item now longer), the dashed
        # edges still show above and below it
        super().__init__(QRectF(0, -GHOST_MARGIN, width, BAR_H + 2 * GHOST_MARGIN))
        self.item_id = item_id
        self.words = words
        pen = QPen(QColor(OTHER_COPY.colour(theme.dark)), 2, Qt.PenStyle.DashLine)
        self.setPen(pen)
        fill = QColor(OTHER_COPY.colour(theme.dark))
        fill.setAlpha(40)
        self.setBrush(fill)
        self.setZValue(5)  # behind the bars (10), above the lanes
        self.setToolTip(plain_tooltip(words))
