"""A rotated header remembers each name's lines by name and font: a renamed role or a larger
type (presentation mode) is split and measured afresh."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QStandardItemModel
from PySide6.QtWidgets import QTableView

from ui.widgets.rotated_header import PADDING, RotatedHeader, split_two_lines


def _expected(header, section):
    metrics = QFontMetrics(header.font())
    return len(split_two_lines(header._text(section), metrics)) * metrics.height() + PADDING // 2


def test_a_renamed_column_and_a_larger_type_are_measured_afresh(qtbot):
    model = QStandardItemModel(3, 3)
    model.setHorizontalHeaderLabels(["Decision", "Clerk", "Finance"])
    view = QTableView()
    qtbot.addWidget(view)
    header = RotatedHeader(1, view)
    view.setHorizontalHeader(header)
    view.setModel(model)
    assert header.narrowest(2) == _expected(header, 2)
    one_line = header.narrowest(2)

    model.setHorizontalHeaderLabels(["Decision", "Clerk", "Head of finance operations and treasury"])
    assert header.narrowest(2) == _expected(header, 2) > one_line  # two lines now
    assert header._lines(2, QFontMetrics(header.font())) == split_two_lines(
        "Head of finance operations and treasury", QFontMetrics(header.font())
    )

    before = header.narrowest(2)
    font = header.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    header.setFont(font)
    assert header.narrowest(2) == _expected(header, 2) > before
