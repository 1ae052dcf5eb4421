"""A horizontal header whose texts wrap at spaces when a column is narrower than its title.

Beside the findings panel on a laptop, or in presentation mode's larger type, a table's columns
share less width than their one-line titles need: "Team willing" over a column of single digits
reads as well on two lines, where a cut "Team w" does not read at all. The header grows a line
taller instead; a single word is never broken (``narrowest`` is its width).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

MARGIN = 6
"""Each side of a title: Fusion's header margin and a little air."""
MAX_LINES = 3


def wrap_words(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """``text`` in lines no wider than ``width`` where it can be, broken at spaces only."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}" if line else word
            if line and metrics.horizontalAdvance(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines[:MAX_LINES]


class WrappingHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)

    def title(self, section: int) -> str:
        model = self.model()
        value = model.headerData(section, self.orientation()) if model is not None else None
        return "" if value is None else str(value)

    def narrowest(self, section: int) -> int:
        """The width below which a word of the title would be cut."""
        metrics = QFontMetrics(self.font())
        words = self.title(section).split()
        return max((metrics.horizontalAdvance(w) for w in words), default=0) + 2 * MARGIN

    def lines(self, section: int, width: int | None = None) -> list[str]:
        width = self.sectionSize(section) if width is None else width
        return wrap_words(self.title(section), QFontMetrics(self.font()), width - 2 * MARGIN)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        count = self.count()
        most = max((len(self.lines(s)) for s in range(count) if not self.isSectionHidden(s)), default=1)
        metrics = QFontMetrics(self.font())
        return QSize(hint.width(), max(hint.height(), most * metrics.lineSpacing() + 2 * MARGIN))

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:  # noqa: N802 (Qt override)
        lines = self.lines(section, rect.width())
        if len(lines) <= 1:
            super().paintSection(painter, rect, section)
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, section)
        option.rect = rect
        option.text = "\n".join(lines)
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()
