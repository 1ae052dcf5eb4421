"""A horizontal header whose later sections are written upwards, for narrow matrix columns.

A decision-rights matrix has a column per role; role names are long and the cells hold one
or two letters. Writing the names at a slant upwards keeps every column narrow and every
name whole, as printed RACI charts do.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

ELLIPSIS = "…"

PADDING = 10
MAX_LINE_WIDTH = 130
"""Longer names are written on two lines, so the header stays short enough to leave room for rows."""
LONGEST_LINE = 2 * MAX_LINE_WIDTH
"""No line is wider: a longer name is cut with an ellipsis (the model admits 10,000 characters)."""
MAX_CHARS = 400
"""Characters of a name looked at: more than two lines of ``LONGEST_LINE`` hold in any font, so
a header never measures or splits a whole 10,000-character name on every repaint."""


def split_two_lines(text: str, metrics: QFontMetrics) -> list[str]:
    """One line, or two of about equal length split at a space; each at most ``LONGEST_LINE``.

    Linear in the length of the name: the split is found from running lengths, not by joining
    the words again for every place it could go."""
    if len(text) > MAX_CHARS:
        text = text[: MAX_CHARS - 1] + ELLIPSIS
    if metrics.horizontalAdvance(text) <= MAX_LINE_WIDTH or " " not in text:
        return [_elide(text, metrics)]
    text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, 2 * LONGEST_LINE)
    words = text.split(" ")
    best, best_gap, first = 1, len(text) + 1, -1
    for i, word in enumerate(words[:-1], start=1):
        first += len(word) + 1  # the length of " ".join(words[:i])
        gap = abs(first - (len(text) - first - 1))
        if gap < best_gap:
            best, best_gap = i, gap
    return [_elide(" ".join(words[:best]), metrics), _elide(" ".join(words[best:]), metrics)]


def _elide(line: str, metrics: QFontMetrics) -> str:
    return metrics.elidedText(line, Qt.TextElideMode.ElideRight, LONGEST_LINE)


class RotatedHeader(QHeaderView):
    def __init__(self, first_rotated: int, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.first_rotated = first_rotated
        self.setSectionsClickable(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self._split: dict[tuple[str, str], tuple[list[str], int]] = {}
        self._hint: tuple[tuple, QSize] | None = None

    LINES_KEPT = 2000
    """Names split into lines remembered, by name and font."""

    def _lines(self, section: int, metrics: QFontMetrics) -> list[str]:
        """``split_two_lines`` of the section's name, remembered by name and font: the table sizes
        its columns (each asks its name's width) and paints the header again after every edit of
        the roles, each time splitting and measuring every role's name."""
        return self._split_name(section, metrics)[0]

    def _split_name(self, section: int, metrics: QFontMetrics) -> tuple[list[str], int]:
        """The name's lines and the width of its longest line, remembered by name and font."""
        key = (self._text(section), self.font().key())
        split = self._split.get(key)
        if split is None:
            if len(self._split) >= self.LINES_KEPT:
                self._split.clear()
            lines = split_two_lines(key[0], metrics)
            split = self._split[key] = (lines, max((metrics.horizontalAdvance(line) for line in lines), default=0))
        return split

    def _text(self, section: int) -> str:
        model = self.model()
        value = model.headerData(section, Qt.Orientation.Horizontal) if model is not None else None
        return "" if value is None else str(value)

    def narrowest(self, section: int) -> int:
        """The width a section needs: its title on one line, or a rotated name's line heights."""
        metrics = QFontMetrics(self.font())
        if section < self.first_rotated:
            return metrics.horizontalAdvance(self._text(section)) + PADDING
        return len(self._lines(section, metrics)) * metrics.height() + PADDING // 2

    def sizeHint(self) -> QSize:
        """As tall as the longest rotated name. Asked several times per edit of the roles (each
        column removed or inserted, each geometry update): remembered by the names and font."""
        count = self.model().columnCount() if self.model() is not None else 0
        key = (self.font().key(), self.first_rotated, tuple(self._text(s) for s in range(count)))
        if self._hint is not None and self._hint[0] == key:
            return QSize(self._hint[1])
        hint = super().sizeHint()
        metrics = QFontMetrics(self.font())
        longest = max((self._split_name(s, metrics)[1] for s in range(self.first_rotated, count)), default=0)
        size = QSize(hint.width(), max(hint.height(), longest + 2 * PADDING))
        self._hint = (key, size)
        return QSize(size)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._hint = None  # a style or font change measures again
        super().changeEvent(event)

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
        lines = self._lines(section, metrics)
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
