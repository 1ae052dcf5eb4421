"""A one-pixel border in the palette's mid tone around one view, drawn without a style sheet.

The findings list and the edit history sit in docks beside the page; Fusion's own frame is a
shade darker than the window, which the dark theme's window swallows. A style sheet on the view
would draw the border, but Qt then styles the view and every row it paints through its
style-sheet engine: the findings list took about twice as long to repaint.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QVBoxLayout


class Framed(QFrame):
    def __init__(self, view: QAbstractScrollArea):
        super().__init__()
        self.view = view
        view.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(view)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
