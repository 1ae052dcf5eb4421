"""Governance, per use case: a named owner, what the AI may decide alone, the thresholds that
catch drift, who to escalate to (in order) and what happens when a threshold is breached."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from omplanner.commands import AddEntity, ChangeSet, SetFields, remove_cascade
from omplanner.model import Cadence, Governance, Threshold, UseCase, new_id

from ..widgets.bindings import FormBinder
from ..widgets.choices import NOBODY, role_choices
from ..widgets.page_header import page_header, page_layout
from ..widgets.style import SPACING, apply_page_font, compact
from ..widgets.table_model import Column, EntityTableModel
from ..widgets.table_view import EntityTableView


class GovernancePage(QWidget):
    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        apply_page_font(self)
        self._use_case_id: str | None = None
        plan = lambda: self.document.plan  # noqa: E731 - the plan may be replaced

        self.use_case_combo = compact(QComboBox(), 20)
        self.use_case_combo.setAccessibleName("Use case")
        self.use_case_combo.setMinimumWidth(260)
        self.use_case_combo.activated.connect(lambda _i: self.show_use_case(self.use_case_combo.currentData()))

        self.binder = FormBinder(document, self)
        gov = self.governance_id
        owner_box = QGroupBox("Owner")
        form = QFormLayout(owner_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.owner_edit = self.binder.line(QLineEdit(), gov, "owner_name", "owner")
        self.owner_edit.setPlaceholderText("A named person, not a committee")
        self.owner_role_combo = self.binder.combo(
            QComboBox(), gov, "owner_role", lambda: role_choices(plan(), NOBODY), "owner's role"
        )
        form.addRow("Name", self.owner_edit)
        form.addRow("Role", self.owner_role_combo)
        statement_box = QGroupBox("What the AI may decide on its own")
        self.statement_edit = self.binder.text(QPlainTextEdit(), gov, "autonomy_statement", "autonomy statement")
        self.statement_edit.setPlaceholderText("Limits in plain words: what it may do alone, what it may never do.")
        QVBoxLayout(statement_box).addWidget(self.statement_edit)
        breach_box = QGroupBox("When a threshold is breached")
        self.breach_edit = self.binder.text(QPlainTextEdit(), gov, "breach_process", "breach process")
        self.breach_edit.setPlaceholderText("Who does what, by when.")
        QVBoxLayout(breach_box).addWidget(self.breach_edit)

        cadences = [(c, c.label) for c in Cadence]
        columns = [
            Column("Threshold metric", "metric"),
            Column("Unit", "unit", width=90),
            Column("Lowest", "lower", editor="optional_float", width=90, tooltip="Blank: no lower limit"),
            Column("Highest", "upper", editor="optional_float", width=90, tooltip="Blank: no upper limit"),
            Column("Review", "cadence", editor="choice", choices=lambda: cadences, width=130),
            Column(
                "Watches",
                "covers",
                editor="multi",
                choices=self._decision_choices,
                display=lambda t: f"{len(t.covers)} decision{'s' if len(t.covers) != 1 else ''}",
                width=140,
                tooltip="The decisions whose quality this threshold watches (double-click to choose)",
            ),
        ]
        self.thresholds = EntityTableModel(document, self._thresholds, columns, self)
        self.threshold_table = EntityTableView(self.thresholds, self)
        self.threshold_table.name_widest = 200  # a metric reads from its start; "Watches" must stay in sight
        self.threshold_table.setAccessibleName("Thresholds")
        add_threshold = QPushButton("Add threshold")
        add_threshold.clicked.connect(self.add_threshold)
        remove_threshold = QPushButton("Remove")
        remove_threshold.clicked.connect(self.remove_thresholds)
        threshold_box = QGroupBox("Thresholds that detect drift")
        threshold_layout = QVBoxLayout(threshold_box)
        threshold_layout.addWidget(self.threshold_table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(add_threshold)
        buttons.addWidget(remove_threshold)
        threshold_layout.addLayout(buttons)

        escalation_box = QGroupBox("Escalation path, first to last")
        escalation_layout = QHBoxLayout(escalation_box)
        self.escalation_list = QListWidget()
        self.escalation_list.setAccessibleName("Escalation path")
        escalation_layout.addWidget(self.escalation_list, 1)
        side = QVBoxLayout()
        self.escalation_add = compact(QComboBox(), 14)
        self.escalation_add.setAccessibleName("Add a role to the escalation path")
        self.escalation_add_button = QPushButton("Add to path")
        self.escalation_add_button.clicked.connect(self.add_escalation)
        up, down, remove = QPushButton("Up"), QPushButton("Down"), QPushButton("Remove")
        up.clicked.connect(lambda: self.move_escalation(-1))
        down.clicked.connect(lambda: self.move_escalation(+1))
        remove.clicked.connect(self.remove_escalation)
        for widget in (self.escalation_add, self.escalation_add_button, up, down, remove):
            side.addWidget(widget)
        side.addStretch(1)
        escalation_layout.addLayout(side)

        grid = QGridLayout()
        grid.setSpacing(SPACING)
        grid.addWidget(owner_box, 0, 0)
        grid.addWidget(escalation_box, 0, 1)
        grid.addWidget(statement_box, 1, 0)
        grid.addWidget(breach_box, 1, 1)
        grid.addWidget(threshold_box, 2, 0, 1, 2)
        grid.setRowStretch(1, 2)
        grid.setRowStretch(2, 3)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        layout = page_layout(self)
        layout.addWidget(
            page_header(
                "Governance",
                "Per use case: who owns it, what the AI may do alone, and how drift is caught.",
                QLabel("Use case"),
                self.use_case_combo,
            )
        )
        layout.addLayout(grid, 1)
        document.changed.connect(self._changed)
        document.plan_replaced.connect(self._plan_replaced)
        self._plan_replaced()

    # What is shown -----------------------------------------------------------------------
    def use_case(self) -> UseCase | None:
        return self.document.plan.use_case(self._use_case_id)

    def governance(self) -> Governance | None:
        use_case = self.use_case()
        return use_case.governance if use_case else None

    def governance_id(self) -> str | None:
        governance = self.governance()
        return governance.id if governance else None

    def _thresholds(self) -> list[Threshold]:
        governance = self.governance()
        return list(governance.thresholds) if governance else []

    def _decision_choices(self) -> list[tuple[str, str]]:
        return [(d.id, d.name) for d in self.document.plan.decisions if d.use_case == self._use_case_id]

    def show_use_case(self, use_case_id: str | None) -> None:
        self._use_case_id = use_case_id
        self.use_case_combo.setCurrentIndex(max(self.use_case_combo.findData(use_case_id), 0))
        self.thresholds.reload()
        self.binder.refresh()
        self._refresh_escalation()

    def _fill_use_cases(self) -> None:
        self.use_case_combo.blockSignals(True)
        self.use_case_combo.clear()
        for use_case in self.document.plan.use_cases:
            self.use_case_combo.addItem(use_case.name, use_case.id)
        self.use_case_combo.setCurrentIndex(max(self.use_case_combo.findData(self._use_case_id), 0))
        self.use_case_combo.blockSignals(False)

    def _plan_replaced(self) -> None:
        use_cases = self.document.plan.use_cases
        self._use_case_id = use_cases[0].id if use_cases else None
        self._fill_use_cases()
        self.show_use_case(self._use_case_id)

    def _changed(self, changes: ChangeSet) -> None:
        if changes.touches("UseCase"):
            if self.use_case() is None:
                use_cases = self.document.plan.use_cases
                self._use_case_id = use_cases[0].id if use_cases else None
                self.thresholds.reload()
                self.binder.refresh()
            self._fill_use_cases()
        if changes.touches("Governance", "Role", "UseCase"):
            self._refresh_escalation()

    def _refresh_escalation(self) -> None:
        governance = self.governance()
        plan = self.document.plan
        row = self.escalation_list.currentRow()
        self.escalation_list.clear()
        path = governance.escalation_path if governance else []
        for n, role_id in enumerate(path, start=1):
            role = plan.role(role_id)
            self.escalation_list.addItem(f"{n}.  {role.name if role else role_id}")
        self.escalation_list.setCurrentRow(min(row, len(path) - 1))
        self.escalation_add.clear()
        for role_id, name in role_choices(plan):
            if role_id not in path:
                self.escalation_add.addItem(name, role_id)
        self.escalation_add.setEnabled(governance is not None and self.escalation_add.count() > 0)
        self.escalation_add_button.setEnabled(self.escalation_add.isEnabled())

    # Editing -----------------------------------------------------------------------------
    def _set_path(self, path: list[str], text: str) -> bool:
        governance = self.governance()
        if governance is None or path == governance.escalation_path:
            return False
        return self.document.execute(SetFields(governance.id, {"escalation_path": path}, text=text))

    def add_escalation(self) -> None:
        role_id = self.escalation_add.currentData()
        governance = self.governance()
        if role_id and governance is not None:
            self._set_path(governance.escalation_path + [role_id], "Add a role to the escalation path")
            self.escalation_list.setCurrentRow(self.escalation_list.count() - 1)

    def move_escalation(self, step: int) -> None:
        governance = self.governance()
        row = self.escalation_list.currentRow()
        if governance is None or row < 0 or not 0 <= row + step < len(governance.escalation_path):
            return
        path = list(governance.escalation_path)
        path[row], path[row + step] = path[row + step], path[row]
        if self._set_path(path, "Reorder the escalation path"):
            self.escalation_list.setCurrentRow(row + step)

    def remove_escalation(self) -> None:
        governance = self.governance()
        row = self.escalation_list.currentRow()
        if governance is not None and 0 <= row < len(governance.escalation_path):
            path = list(governance.escalation_path)
            del path[row]
            self._set_path(path, "Remove a role from the escalation path")

    def add_threshold(self) -> None:
        governance = self.governance()
        if governance is None:
            return
        threshold = Threshold(id=new_id("thr"), metric="New threshold")
        if self.document.execute(AddEntity(governance.id, "thresholds", threshold)):
            self.threshold_table.select_id(threshold.id)
            self.threshold_table.edit(self.threshold_table.currentIndex())

    def remove_thresholds(self) -> None:
        for threshold_id in self.threshold_table.selected_ids():
            self.document.execute(remove_cascade(self.document.plan, threshold_id))

    def select_element(self, element_id: str) -> bool:
        plan = self.document.plan
        if self.document.places.place(element_id) is None:
            return False
        for use_case in plan.use_cases:
            governance = use_case.governance
            if element_id in (use_case.id, governance.id) or any(t.id == element_id for t in governance.thresholds):
                self.show_use_case(use_case.id)
                if element_id not in (use_case.id, governance.id):
                    return self.threshold_table.select_id(element_id)
                self.owner_edit.setFocus()
                return True
        return False
