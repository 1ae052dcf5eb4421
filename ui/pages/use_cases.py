"""Use cases: the candidates, their tractability inputs, status and pilot KPI, in the plan's order.

The table holds what the room compares across use cases (the five tractability inputs); the
form under it holds what is read one use case at a time (description, pilot KPI).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from omplanner.commands import AddEntity, MoveEntity
from omplanner.model import UseCaseStatus
from omplanner.model.factories import make_use_case

from ..widgets.bindings import FormBinder
from ..widgets.comments import scrolled_comments
from ..widgets.naming import unused_name
from ..widgets.page_header import page_button, page_header, page_layout
from ..widgets.style import SPACING, apply_page_font
from ..widgets.table_model import Column, EntityTableModel
from ..widgets.table_view import EntityTableView

LEVEL_TIP = "1 (poor) to 5 (excellent)"


class UseCasesPage(QWidget):
    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        apply_page_font(self)
        statuses = [(s, s.label) for s in UseCaseStatus]
        columns = [
            Column("Use case", "name"),
            Column("Status", "status", editor="choice", choices=lambda: statuses, width=130),
            Column("Volume / month", "tractability.monthly_volume", editor="int", width=150,
                   display=lambda uc: f"{uc.tractability.monthly_volume:,}"),
            Column("Well defined", "tractability.definition", editor="level", width=125, tooltip=LEVEL_TIP),
            Column("Data rich", "tractability.data_richness", editor="level", width=105, tooltip=LEVEL_TIP),
            Column("Team willing", "tractability.team_willingness", editor="level", width=125, tooltip=LEVEL_TIP),
            Column("Strategic value", "tractability.strategic_value", editor="level", width=140, tooltip=LEVEL_TIP),
        ]  # fmt: skip
        self.model = EntityTableModel(document, lambda: self.document.plan.use_cases, columns, self)
        self.table = EntityTableView(self.model, self)
        self.table.setAccessibleName("Use cases")

        self.add_button = page_button("Add use case", self.add_use_case)
        self.remove_button = page_button("Remove", self.remove_selected)
        self.up_button = page_button("Move up", lambda: self.move_selected(-1))
        self.down_button = page_button("Move down", lambda: self.move_selected(+1))

        self.binder = FormBinder(document, self)
        current = self.table.current_id
        detail = QGroupBox("Selected use case")
        columns_layout = QHBoxLayout(detail)
        columns_layout.setSpacing(SPACING * 2)
        left = QFormLayout()
        left.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.description_edit = self.binder.text(QPlainTextEdit(), current, "description", "description")
        self.description_edit.setPlaceholderText("What the process is, who does it today, what hurts.")
        self.description_edit.setTabChangesFocus(True)  # Tab goes on to the pilot KPI, not into the text
        left.addRow("Description", self.description_edit)
        right = QFormLayout()
        right.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.kpi_metric_edit = self.binder.line(QLineEdit(), current, "pilot_kpi.metric", "pilot KPI")
        self.kpi_metric_edit.setPlaceholderText("e.g. handling time saved per invoice")
        self.kpi_value_edit = self.binder.optional_float(QLineEdit(), current, "pilot_kpi.value", "pilot KPI value")
        self.kpi_unit_edit = self.binder.line(QLineEdit(), current, "pilot_kpi.unit", "pilot KPI unit")
        self.kpi_unit_edit.setMaximumWidth(120)
        self.kpi_value_edit.setMaximumWidth(120)
        right.addRow("Pilot KPI", self.kpi_metric_edit)
        right.addRow("Pilot result", self.kpi_value_edit)
        right.addRow("Unit", self.kpi_unit_edit)
        outcome = QFormLayout()
        outcome.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.outcome_name_edit = self.binder.line(QLineEdit(), current, "outcome.name", "outcome measure")
        self.outcome_name_edit.setPlaceholderText("e.g. AP capacity released across the process")
        self.outcome_name_edit.setToolTip("What the whole process delivers at scale, not the pilot's task figure")
        self.outcome_baseline_edit = self.binder.optional_float(QLineEdit(), current, "outcome.baseline", "baseline")
        self.outcome_target_edit = self.binder.optional_float(QLineEdit(), current, "outcome.target", "target")
        self.outcome_unit_edit = self.binder.line(QLineEdit(), current, "outcome.unit", "outcome unit")
        for edit in (self.outcome_baseline_edit, self.outcome_target_edit, self.outcome_unit_edit):
            edit.setMaximumWidth(120)
        outcome.addRow("Outcome measure", self.outcome_name_edit)
        outcome.addRow("Baseline", self.outcome_baseline_edit)
        outcome.addRow("Target", self.outcome_target_edit)
        outcome.addRow("Unit", self.outcome_unit_edit)
        columns_layout.addLayout(left, 3)
        columns_layout.addLayout(right, 2)
        columns_layout.addLayout(outcome, 2)
        self.comments, comments_area = scrolled_comments(document)
        columns_layout.addWidget(comments_area, 2)
        self.table.current_entity_changed.connect(lambda _id: self.binder.refresh())
        self.table.current_entity_changed.connect(self.comments.set_element)

        layout = page_layout(self)
        layout.addWidget(
            page_header(
                "Use cases",
                "Candidates for AI, in the order the plan takes them. Rate each input from 1 to 5.",
                self.add_button,
                self.up_button,
                self.down_button,
                self.remove_button,
            )
        )
        layout.addWidget(self.table, 3)
        layout.addWidget(detail, 2)
        # Tab in reading order: the header's buttons, the table, then the selected use case's form
        chain = [self.add_button, self.up_button, self.down_button, self.remove_button, self.table]
        chain += [self.description_edit, self.kpi_metric_edit, self.kpi_value_edit, self.kpi_unit_edit]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        self.table.select_first()

    def add_use_case(self) -> None:
        use_case = make_use_case(unused_name("New use case", (u.name for u in self.document.plan.use_cases)))
        if self.document.execute(AddEntity(None, "use_cases", use_case)):
            self.table.select_id(use_case.id)
            self.table.edit(self.table.currentIndex())

    def remove_selected(self) -> None:
        self.table.remove_selected_cascading()

    def move_selected(self, step: int) -> None:
        use_case_id = self.table.current_id()
        if use_case_id is None:
            return
        row = self.model.row_of(use_case_id)
        target = row + step
        if 0 <= target < self.model.rowCount():
            self.document.execute(MoveEntity(use_case_id, target))
            self.table.select_id(use_case_id, max(self.table.currentIndex().column(), 0))

    def select_element(self, element_id: str) -> bool:
        return self.table.select_id(element_id)
