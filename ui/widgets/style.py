"""The look every editing page shares, tuned for a plan projected on a wall.

One place for sizes and the few signal colours, so that pages stay consistent and a later
theme change touches one file. Colours are chosen to read on both light and dark palettes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

MARGIN = 18
SPACING = 12
ROW_HEIGHT = 40
BODY_POINT_SIZE = 11
TITLE_POINT_SIZE = 17

PROBLEM = QColor(214, 69, 65)
"""Something the plan is missing or has twice: a gap in the decision matrix, an empty owner."""
CAUTION = QColor(230, 150, 30)
"""Worth a look, not wrong: the room disagrees on a score."""
GOOD = QColor(46, 160, 90)

SERIES = [
    QColor(33, 118, 199),
    QColor(222, 110, 40),
    QColor(60, 160, 90),
    QColor(150, 80, 190),
    QColor(200, 60, 110),
    QColor(20, 150, 160),
]
"""Colours for overlaid series (use cases on the radar chart), in order."""


def tint(color: QColor, alpha: int = 70) -> QColor:
    """A see-through version of a signal colour, for cell backgrounds under text."""
    tinted = QColor(color)
    tinted.setAlpha(alpha)
    return tinted


def is_dark(widget: QWidget | None = None) -> bool:
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def body_font(base: QFont | None = None, delta: float = 0, bold: bool = False) -> QFont:
    font = QFont(base) if base is not None else QFont(QApplication.font())
    font.setPointSizeF(BODY_POINT_SIZE + delta)
    font.setBold(bold)
    return font


def apply_page_font(widget: QWidget) -> None:
    """Pages read from the back of a room: a larger body font than a desktop default."""
    widget.setFont(body_font(widget.font()))


def compact(combo: QComboBox, characters: int = 14) -> QComboBox:
    """A drop-down whose width does not follow its longest choice (step names run long)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo
