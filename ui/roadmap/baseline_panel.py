"""The roadmap's baseline picker and its "What slipped" list.

"Baseline:" in the page's toolbar (none, or a baseline by name) picks one of the plan's
baselines (Plan › Save baseline… takes them): its bars are drawn as dashed ghosts behind the current ones, where they
differ (the roadmap's ghosts, ``ui.roadmap.ghosts``, as for another copy), and the list under
the timeline says what slipped since, in plain words (``omplanner.baselines.slipped``). Both
follow every edit, undo and redo; "none" hides them. A baseline that cannot be read is named in
the page's status line and the picker goes back to none.

While a baseline is picked, its ghosts take the roadmap's place for them: another copy's
differences (File › Compare with…) stay on the process maps, and come back on the roadmap when
the picker is set to none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..widgets.plain_text import plain_label

if TYPE_CHECKING:
    from omplanner.commands import ChangeSet
    from omplanner.model import Plan

NONE_TEXT = "none"
LIST_HEIGHT = 130
"""Five or six rows under the timeline: the list scrolls rather than take the bars' room."""


class BaselinePanel(QWidget):
    """The list under the timeline; ``picker_box`` is the toolbar's part (a label and a combo)."""

    row_activated = Signal(str)
    """The id a row names (a roadmap item, or a use case for a go-live)."""
    message = Signal(str)

    def __init__(self, document, scene, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self._read: dict[str, Plan] = {}
        """Baselines read so far, by id: a snapshot never changes, so each is read once."""
        self.rows_shown = []
        self.picker_box = QWidget()
        box = QHBoxLayout(self.picker_box)
        box.setContentsMargins(6, 0, 0, 0)
        box.setSpacing(4)
        self.picker_label = plain_label("Base&line:")  # Alt+L: the picker from anywhere on the page
        self.picker = QComboBox()
        self.picker.setAccessibleName("Compare with baseline")
        self.picker.setToolTip("Show a baseline's bars behind the current ones, and what slipped since it was taken")
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(16)
        self.picker_label.setBuddy(self.picker)
        box.addWidget(self.picker_label)
        box.addWidget(self.picker)

        self.summary = plain_label()
        self.summary.setAccessibleName("What slipped")
        self.summary.setWordWrap(True)
        self.rows = QListWidget()
        self.rows.setAccessibleName("What slipped since the baseline")
        self.rows.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.summary)
        layout.addWidget(self.rows)
        self.hide()

        self.picker.currentIndexChanged.connect(self._picked)
        self.rows.itemActivated.connect(self._activated)
        self.rows.itemClicked.connect(self._activated)
        document.changed.connect(self._document_changed)
        document.plan_replaced.connect(self._plan_replaced)
        self._fill_picker()

    # -- the picker -----------------------------------------------------------------------------
    @property
    def picked(self) -> str | None:
        """The id of the baseline shown, or None."""
        return self.picker.currentData()

    def pick(self, baseline_id: str | None) -> bool:
        """Show the baseline ``baseline_id`` (None: none). False if the plan has no such baseline."""
        index = self.picker.findData(baseline_id) if baseline_id is not None else 0
        if index < 0:
            return False
        if index == self.picker.currentIndex():
            self._picked()
        else:
            self.picker.setCurrentIndex(index)
        return self.picked == baseline_id

    def _fill_picker(self) -> None:
        plan = self.document.plan
        keep = self.picked
        with QSignalBlocker(self.picker):
            self.picker.clear()
            self.picker.addItem(NONE_TEXT, None)
            for baseline in plan.baselines:
                self.picker.addItem(baseline.name, baseline.id)
            index = self.picker.findData(keep) if keep is not None else 0
            self.picker.setCurrentIndex(max(index, 0))
        self.picker_box.setToolTip("" if plan.baselines else "Plan › Save baseline… takes one")
        self.picker.setEnabled(bool(plan.baselines))
        if keep is not None and index < 0:
            self._picked()  # the baseline shown went (deleted, or its save undone)

    def _plan_replaced(self) -> None:
        self._read.clear()
        with QSignalBlocker(self.picker):
            self.picker.setCurrentIndex(0)
        self._fill_picker()
        self._picked()

    def _document_changed(self, changes: ChangeSet) -> None:
        if changes.touches("Baseline"):
            self._fill_picker()
        if self.picked is not None and changes.touches("Baseline", "RoadmapItem", "UseCase", "PlanDetails"):
            self._refresh()

    def _picked(self, _index: int = 0) -> None:
        if self.picked is None:
            self.scene.set_baseline(None)
            self.rows_shown = []
            self.rows.clear()
            self.hide()
            return
        if self._refresh():
            self.show()

    # -- what slipped ---------------------------------------------------------------------------
    def _baseline_plan(self) -> Plan | None:
        from omplanner.baselines import BaselineError, read_baseline

        baseline_id = self.picked
        baseline = next((b for b in self.document.plan.baselines if b.id == baseline_id), None)
        if baseline is None:
            return None
        if baseline_id not in self._read:
            try:
                self._read[baseline_id] = read_baseline(baseline)
            except BaselineError as exc:
                self.message.emit(str(exc))
                return None
        return self._read[baseline_id]

    def _refresh(self) -> bool:
        """Ghosts and rows for the picked baseline against the plan as it is now."""
        from omplanner.baselines import slip_summary, what_slipped
        from omplanner.compare.overlay import weeks_moved

        then = self._baseline_plan()
        if then is None:
            with QSignalBlocker(self.picker):
                self.picker.setCurrentIndex(0)
            self._picked()
            return False
        plan = self.document.plan
        name = self.picker.currentText()
        self.scene.set_baseline(weeks_moved(plan, then, f"the baseline '{name}'"))
        rows = what_slipped(then, plan)
        self.rows_shown = rows
        self.summary.setText(
            f"What slipped since the baseline '{name}': {slip_summary(rows)}. "
            "Dashed outlines are its weeks, where they differ."
            if rows
            else f"Nothing on the roadmap moved since the baseline '{name}'."
        )
        self.rows.clear()
        for row in rows:
            entry = QListWidgetItem(row.text)
            entry.setData(Qt.ItemDataRole.UserRole, row.item_id)
            if row.slipped:
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
            self.rows.addItem(entry)
        self.rows.setVisible(bool(rows))
        self._fit_rows()
        return True

    def _fit_rows(self) -> None:
        """As tall as its rows, up to ``LIST_HEIGHT``: the timeline keeps the rest."""
        count = self.rows.count()
        need = sum(max(self.rows.sizeHintForRow(i), 0) for i in range(count)) + 2 * self.rows.frameWidth() + 2
        self.rows.setFixedHeight(min(max(need, 24), LIST_HEIGHT))

    def _activated(self, entry: QListWidgetItem) -> None:
        ident = entry.data(Qt.ItemDataRole.UserRole)
        if ident:
            self.row_activated.emit(ident)
