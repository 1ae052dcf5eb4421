"""Another copy's differences kept on the process and roadmap canvases while the user browses.

Turned on from the compare view (File › Compare with…, "Show on the maps and roadmap"): on every
process map, the steps the other copy removed or reworked are marked as the redesign's
differences are, and the steps only it has are drawn as ghosts where it put them; on the
roadmap, an item whose weeks differ has the other copy's bar as a ghost outline behind it. The
marks follow edits (they are worked out again against the other copy after each one). Esc (when
no canvas gesture takes it), the banner's Hide button or the same toggle turn them off; a plan
opened or replaced turns them off too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from omplanner.compare.overlay import OverlayMarks
    from omplanner.model import Plan

    from .document import Document


class OverlayBanner(QWidget):
    """In the status bar while the overlay is on: what is shown, and how to hide it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.hide_button = QPushButton("Hide (Esc)", self)
        self.hide_button.setAccessibleName("Hide the other copy's differences")
        layout.addWidget(self.label)
        layout.addWidget(self.hide_button)


class CompareOverlay(QObject):
    shown = Signal(bool)
    """The overlay was turned on, or on for another copy (True), or off (False)."""

    def __init__(self, window, document: Document):
        super().__init__(window)
        self.window = window
        self.document = document
        self.other: Plan | None = None
        self.name = ""
        self.marks: OverlayMarks | None = None
        self.banner: OverlayBanner | None = None
        document.plan_replaced.connect(self.hide)

    @property
    def active(self) -> bool:
        return self.other is not None

    def show(self, other: Plan, name: str) -> None:
        """Keep ``other``'s differences from the open plan on the maps and the roadmap."""
        first = self.other is None
        self.other, self.name = other, name
        # the pages are made now, before this connects, so that they follow an edit first
        self.window.page("processes")
        baselines = getattr(self.window.page("roadmap"), "baselines", None)
        if baselines is not None:
            baselines.pick(None)  # what was just asked for takes the roadmap from a baseline shown there
        if first:
            self.document.changed.connect(self._refresh)
            self.window.installEventFilter(self)
        self._refresh()
        self._show_banner()
        self.shown.emit(True)

    def hide(self) -> None:
        if self.other is None:
            return
        self.other, self.marks = None, None
        self.document.changed.disconnect(self._refresh)
        self.window.removeEventFilter(self)
        self._apply()
        if self.banner is not None:
            self.window.statusBar().removeWidget(self.banner)
            self.banner.deleteLater()
            self.banner = None
        self.window.show_message("The other copy's differences are hidden")
        self.shown.emit(False)

    def _refresh(self, _changes=None) -> None:
        from omplanner.compare.overlay import overlay_marks

        self.marks = overlay_marks(self.document.plan, self.other)
        self._apply()

    def _apply(self) -> None:
        # a page that failed to load is a placeholder without canvases
        for pane in getattr(self.window.page("processes"), "panes", {}).values():
            pane.scene.set_other_copy(self.marks)
        roadmap = getattr(self.window.page("roadmap"), "scene", None)
        if roadmap is not None:
            roadmap.set_other_copy(self.marks.roadmap if self.marks is not None else {})

    def _show_banner(self) -> None:
        if self.banner is None:
            self.banner = OverlayBanner(self.window)
            self.banner.hide_button.clicked.connect(self.hide)
            self.window.statusBar().addWidget(self.banner)
            self.banner.show()
        count = self.marks.count() if self.marks is not None else 0
        self.banner.label.setText(f"Showing the differences of “{self.name}” on the maps and roadmap ({count} marked)")

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # an Esc no canvas gesture or field took reaches the window: it hides the overlay
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and self.active:
            self.hide()
            return True
        return False
