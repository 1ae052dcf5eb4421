"""The inspector: the fields of the selected roadmap item, what the rules say about it, and Fix.

Every field edit becomes one command emitted through ``edit_requested``; model-to-widget updates
run under signal blockers so that showing an item never echoes back as an edit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from omplanner.commands import Command, SetFields
from omplanner.model import ItemKind, ItemStatus, Plan
from omplanner.rules import Finding
from omplanner.vocabulary import SEVERITY

from ..widgets.choices import enum_items
from ..widgets.plain_text import literal_html, plain_label, plain_tooltip
from ..widgets.type_ahead import type_ahead

HINT = "Select an item on the timeline to see and edit it here."


class RoadmapInspector(QWidget):
    edit_requested = Signal(object)
    """A Command to execute."""
    fix_requested = Signal(object)
    """A Finding whose fix to apply."""
    delete_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.item_id: str | None = None
        self._plan: Plan | None = None
        self.heading = QLabel(HINT)
        self.heading.setWordWrap(True)
        self.title = QLineEdit()
        self.kind = type_ahead(QComboBox())
        enum_items(self.kind, ItemKind)
        self.use_case = type_ahead(QComboBox())
        self.owner = type_ahead(QComboBox())
        self.start = QSpinBox()
        self.start.setRange(1, 521)  # people count weeks from 1; the plan stores offsets
        self.start.setPrefix("Week ")
        self.duration = QSpinBox()
        self.duration.setRange(1, 260)
        self.duration.setSuffix(" weeks")
        self.status = type_ahead(QComboBox())
        enum_items(self.status, ItemStatus)
        self.follows = QListWidget()
        self.follows.setMinimumHeight(44)
        self.follows.setMaximumHeight(64)
        self.follows.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.follows.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.unlink = QPushButton("Remove link")
        self.notes = QPlainTextEdit()
        self.notes.setMinimumHeight(56)
        self.notes.setMaximumHeight(80)
        self.schedule = plain_label()
        self.schedule.setWordWrap(True)
        self.findings_box = QVBoxLayout()
        self.delete = QPushButton("Delete item")

        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Title", self.title)
        form.addRow("Kind", self.kind)
        form.addRow("Use case", self.use_case)
        form.addRow("Owner", self.owner)
        form.addRow("Starts", self.start)
        form.addRow("Lasts", self.duration)
        form.addRow("Status", self.status)
        form.addRow("Follows", self.follows)
        form.addRow("", self.unlink)
        form.addRow("Notes", self.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.form)
        layout.addWidget(self.schedule)
        layout.addLayout(self.findings_box)
        self.comments = None
        """The comments on the item (``ui.widgets.comments.CommentsBox``), given by the page."""
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # scroll, never squeeze
        layout.addStretch(1)
        layout.addWidget(self.delete)
        self.fix_buttons: dict[str, QPushButton] = {}
        """The Fix button of each shown finding with a fix, by rule code."""

        self.title.editingFinished.connect(lambda: self._set("title", self.title.text().strip()))
        self.kind.activated.connect(lambda _i: self._set("kind", ItemKind(self.kind.currentData())))
        self.use_case.activated.connect(lambda _i: self._set("use_case", self.use_case.currentData()))
        self.owner.activated.connect(lambda _i: self._set("owner", self.owner.currentData()))
        self.start.editingFinished.connect(lambda: self._set("start_week", self.start.value() - 1))
        self.duration.editingFinished.connect(lambda: self._set("duration_weeks", self.duration.value()))
        self.status.activated.connect(lambda _i: self._set("status", ItemStatus(self.status.currentData())))
        self.unlink.clicked.connect(self._unlink)
        self.delete.clicked.connect(self.delete_requested)
        self.notes.installEventFilter(self)
        self.show_item(None, None)

    def add_comments(self, box) -> None:
        """Show the selected item's comments under its findings (the box needs the document,
        which the page holds)."""
        self.comments = box
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.delete) - 1, box)  # before the stretch
        box.set_element(self.item_id)

    def show_item(
        self,
        plan: Plan | None,
        item_id: str | None,
        findings: list[Finding] = (),
        schedule: str = "",
        trials: dict | None = None,
    ) -> None:
        """Show one item (or none) with the findings about it; never emits an edit. ``trials``:
        each fix tried (omplanner.rules.fix_trial) by rule code; a fix is offered only if sound."""
        self._plan, self.item_id = plan, item_id
        item = plan.item(item_id) if plan is not None and item_id else None
        self.form.setVisible(item is not None)
        self.schedule.setVisible(item is not None)
        self.delete.setVisible(item is not None)
        self._clear_findings()
        if self.comments is not None:
            self.comments.set_element(item.id if item is not None else None)
        if item is None:
            self.item_id = None
            self.heading.setText(HINT)
            return
        self.heading.setText(f"<b>{item.kind.label}</b>")
        blockers = [
            QSignalBlocker(w)
            for w in (
                self.title,
                self.kind,
                self.use_case,
                self.owner,
                self.start,
                self.duration,
                self.status,
                self.notes,
            )
        ]
        if not self.title.hasFocus():
            self.title.setText(item.title)
            self.title.setCursorPosition(0)
        self.kind.setCurrentIndex(self.kind.findData(item.kind.value))
        self.use_case.clear()
        self.use_case.addItem("Cross-cutting", None)
        for uc in plan.use_cases:
            self.use_case.addItem(uc.name, uc.id)
        self.use_case.setCurrentIndex(max(0, self.use_case.findData(item.use_case)))
        self.owner.clear()
        self.owner.addItem("No owner", None)
        for role in plan.roles:
            self.owner.addItem(role.name, role.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(item.owner)))
        self.start.setValue(item.first_week)
        self.duration.setValue(item.duration_weeks)
        self.status.setCurrentIndex(self.status.findData(item.status.value))
        if not self.notes.hasFocus():
            self.notes.setPlainText(item.notes)
        del blockers
        self.follows.clear()
        for dep in item.depends_on:
            other = plan.item(dep)
            entry = QListWidgetItem(other.title if other else dep)
            entry.setData(Qt.ItemDataRole.UserRole, dep)
            self.follows.addItem(entry)
        self.unlink.setEnabled(bool(item.depends_on))
        self.schedule.setText(schedule or "Not analysed yet.")
        for finding in findings:
            self._add_finding(finding, (trials or {}).get(finding.code))

    def _clear_findings(self) -> None:
        while self.findings_box.count():
            widget = self.findings_box.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # at once: deletion waits for the event loop
                widget.deleteLater()
        self.fix_buttons = {}

    def _add_finding(self, finding: Finding, trial=None) -> None:
        dark = self.palette().window().color().lightness() < 128
        colour = SEVERITY[finding.severity].text(dark)
        title = literal_html(f"{finding.severity.label}: {finding.title}")
        label = QLabel(f"<span style='color:{colour}'><b>{title}</b></span><br>{literal_html(finding.message)}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        self.findings_box.addWidget(label)
        if finding.fix is not None and trial is not None and not trial.sound:
            refused = QLabel(trial.refusal())  # our words only
            refused.setWordWrap(True)
            refused.setEnabled(False)
            self.findings_box.addWidget(refused)
        elif finding.fix is not None:
            proposal = QLabel(f"<i>Proposed: {literal_html(finding.fix.description)}</i>")
            proposal.setTextFormat(Qt.TextFormat.RichText)
            proposal.setWordWrap(True)
            self.findings_box.addWidget(proposal)
            button = QPushButton("Fix")
            button.setToolTip(plain_tooltip(finding.fix.description))
            button.clicked.connect(lambda _=False, f=finding: self.fix_requested.emit(f))
            self.findings_box.addWidget(button)
            self.fix_buttons.setdefault(finding.code, button)

    def _set(self, field: str, value) -> None:
        item = self._plan.item(self.item_id) if self._plan is not None and self.item_id else None
        if item is None or getattr(item, field) == value:
            return
        if field == "title" and not value:
            self.title.setText(item.title)
            return
        self.edit_requested.emit(SetFields(item.id, {field: value}))

    def _unlink(self) -> None:
        item = self._plan.item(self.item_id) if self._plan is not None and self.item_id else None
        entry = self.follows.currentItem() or self.follows.item(0)
        if item is None or entry is None:
            return
        dep = entry.data(Qt.ItemDataRole.UserRole)
        command: Command = SetFields(
            item.id, {"depends_on": [d for d in item.depends_on if d != dep]}, text=f"Remove a link of '{item.title}'"
        )
        self.edit_requested.emit(command)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self._set("notes", self.notes.toPlainText())
        return super().eventFilter(watched, event)
