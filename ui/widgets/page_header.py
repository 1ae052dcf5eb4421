"""The strip at the top of every page (title, what the page is for, its buttons) and the page's
margins. Apart from the table view, so that a page without a table (the overview, the first
page shown) does not import the table's modules before it can show.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .style import BODY_POINT_SIZE, MARGIN, SPACING, TITLE_POINT_SIZE, body_font


def page_header(title: str, blurb: str = "", *widgets: QWidget) -> QWidget:
    """The strip at the top of a page: a large title, one line saying what the page is for,
    and the page's buttons on the right."""
    strip = QWidget()
    layout = QHBoxLayout(strip)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(SPACING)
    texts = QVBoxLayout()
    texts.setSpacing(2)
    title_label = QLabel(title)
    title_label.setObjectName("pageTitle")
    title_label.setFont(body_font(strip.font(), TITLE_POINT_SIZE - BODY_POINT_SIZE, bold=True))
    texts.addWidget(title_label)
    if blurb:
        blurb_label = QLabel(blurb)
        blurb_label.setObjectName("pageBlurb")
        palette = blurb_label.palette()
        text, window = palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
        muted = QColor(
            (text.red() * 2 + window.red()) // 3,
            (text.green() * 2 + window.green()) // 3,
            (text.blue() * 2 + window.blue()) // 3,
        )
        palette.setColor(QPalette.ColorRole.WindowText, muted)
        blurb_label.setPalette(palette)
        blurb_label.setWordWrap(True)
        texts.addWidget(blurb_label)
    layout.addLayout(texts, 1)
    for widget in widgets:
        layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignBottom)
    return strip


def page_button(text: str, slot) -> QPushButton:
    """A button for a page's header strip, already wired to what it does."""
    button = QPushButton(text)
    button.clicked.connect(slot)
    return button


def page_layout(page: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
    layout.setSpacing(SPACING)
    return layout
