"""The findings panel folded to a rail, for a window short of room and for presentation mode.

The rail is a narrow strip of count badges (errors, warnings, info) in the findings dock, so the
page beside it gets the width. A click on it, Enter on a badge, or F6 into the findings pane
opens the whole panel as an overlay over the right of the page; Esc, a found element shown, or
the keyboard going to another pane folds it back.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

from .icons import icon

BADGES = [("error", "error", "errors"), ("warning", "warning", "warnings"), ("info", "info", "info")]
"""Severity, and the words that name one and several findings of it: the vocabulary's
(``count_words``, held equal by a test), written here so that the rail is built before the core loads."""
RAIL_MARGIN = 4
OVERLAY_SHARE = 0.32
"""The open overlay's share of the window's width: wide enough for the findings' wrapped text in
presentation mode's larger type, narrow enough to leave the page's left part in view."""
OVERLAY_WIDTH = (300, 480)


class FindingsRail(QWidget):
    """Count badges, one above the other; any of them opens the panel."""

    expand_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Findings rail")
        self.setToolTip("Findings: click, or press F6 to come here, to open the list (Esc folds it back)")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(RAIL_MARGIN, RAIL_MARGIN, RAIL_MARGIN, RAIL_MARGIN)
        layout.setSpacing(RAIL_MARGIN)
        self.badges: dict[str, QToolButton] = {}
        for severity, _one, _many in BADGES:
            badge = self.badges[severity] = QToolButton()
            badge.setIcon(icon(severity))
            badge.setIconSize(QSize(16, 16))
            badge.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            badge.setAutoRaise(True)
            badge.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            badge.clicked.connect(self.expand_requested)
            layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.set_counts(0, 0, 0)

    def set_counts(self, errors: int, warnings: int, infos: int) -> None:
        for (severity, one, many), count in zip(BADGES, (errors, warnings, infos), strict=True):
            badge = self.badges[severity]
            badge.setText(str(count))
            words = f"{count} {one if count == 1 else many}"
            badge.setAccessibleName(words)
            badge.setToolTip(f"{words}: open the findings list")
        self.updateGeometry()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.expand_requested.emit()  # anywhere on the strip, not only on a badge
        super().mousePressEvent(event)


class FindingsOverlay(QFrame):
    """The opened panel, laid over the right of the page beside the rail; Esc folds it back."""

    collapse_requested = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("findings_overlay")
        self.setAccessibleName("Findings")
        self.setFrameShape(QFrame.Shape.Box)
        self.setForegroundRole(QPalette.ColorRole.Mid)  # a thin edge between the page and the panel
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 4, 1, 1)
        layout.setSpacing(0)
        title = QLabel("Findings (Esc folds them back)")
        title.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(title)
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.collapse_requested.emit()
            return
        super().keyPressEvent(event)

    def owns(self, widget: QWidget | None) -> bool:
        return widget is not None and self.isVisible() and (widget is self or self.isAncestorOf(widget))


def overlay_width(window_width: int) -> int:
    low, high = OVERLAY_WIDTH
    return max(low, min(high, round(window_width * OVERLAY_SHARE)))


def focus_left(overlay: FindingsOverlay, now: QWidget | None) -> bool:
    """True when the keyboard went from the open overlay to somewhere else in the window (not to a
    drop-down list the overlay opened, not to another application)."""
    return now is not None and not overlay.owns(now) and QApplication.activePopupWidget() is None
