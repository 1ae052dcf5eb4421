"""A horizontal header whose later sections are written upwards, for narrow matrix columns.

A decision-rights matrix has a column per role; role names are long and the cells hold one
or two letters. Writing the names at a slant upwards keeps every column narrow and every
name whole, as printed RACI charts do.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

PADDING = 10
MAX_LINE_WIDTH = 130
"""Longer names are written on two lines, so the header stays short enough to leave room for rows."""


def split_two_lines(text: str, metrics: QFontMetrics) -> list[str]:
    if metrics.horizontalAdvance(text) <= MAX_LINE_WIDTH or " " not in text:
        return [text]
    words = text.split(" ")
    best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return [" ".join(words[:best]), " ".join(words[best:])]


class RotatedHeader(QHeaderView):
    def __init__(self, first_rotated: int, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.first_rotated = first_rotated
        self.setSectionsClickable(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)

    def _text(self, section: int) -> str:
        model = self.model()
        value = model.headerData(section, Qt.Orientation.Horizontal) if model is not None else None
        return "" if value is None else str(value)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = QFontMetrics(self.font())
        count = self.model().columnCount() if self.model() is not None else 0
        longest = max(
            (
                metrics.horizontalAdvance(line)
                for s in range(self.first_rotated, count)
                for line in split_two_lines(self._text(s), metrics)
            ),
            default=0,
        )
        return QSize(hint.width(), max(hint.height(), longest + 2 * PADDING))

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        if section < self.first_rotated:
            super().paintSection(painter, rect, section)
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = section
        option.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        metrics = QFontMetrics(self.font())
        lines = split_two_lines(self._text(section), metrics)
        block = metrics.height() * len(lines)
        painter.save()
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        # After rotating, x runs up the column and y runs across it, left to right.
        painter.translate(rect.left() + (rect.width() - block) / 2, rect.bottom() - PADDING)
        painter.rotate(-90)
        for n, line in enumerate(lines):
            painter.drawText(0, metrics.ascent() + n * metrics.height(), line)
        painter.restore()
