"""Capabilities: what each role must be able to do once the AI is in, and how it gets there.

Rows are grouped by role (in the order of the role catalogue). A requirement built through
training alone is marked: a skill that the job, hiring and performance reviews do not ask for
fades, which is why the plan records how each one is built. The mark is the rules' finding about
how the requirement is built, the same one ``omplanner check`` and the exports show.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit, QWidget

from omplanner.commands import AddEntity
from omplanner.model import BuildMethod, CapabilityKind, CapabilityRequirement, new_id

from ..finding_marks import FindingMarks
from ..widgets.bindings import FormBinder
from ..widgets.choices import role_choices, use_case_choices
from ..widgets.page_header import page_button, page_header, page_layout
from ..widgets.style import apply_page_font
from ..widgets.table_model import Column, EntityTableModel
from ..widgets.table_view import EntityTableView

ALL_USE_CASES = "All use cases"


class CapabilitiesPage(QWidget):
    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        apply_page_font(self)
        plan = lambda: self.document.plan  # noqa: E731 - the plan may be replaced
        self.marks = marks = FindingMarks(document)
        kinds = [(k, k.label) for k in CapabilityKind]
        methods = [(m, m.label) for m in BuildMethod]
        columns = [
            Column("Role", "role", editor="choice", choices=lambda: role_choices(plan()), width=240),
            Column("Capability", "capability", editor="choice", choices=lambda: kinds, width=210),
            Column("Use case", "use_case", editor="choice", choices=lambda: use_case_choices(plan(), ALL_USE_CASES)),
            Column("Now", "current_level", editor="level", width=70, tooltip="Level today, 1 to 5"),
            Column("Needed", "required_level", editor="level", width=85, tooltip="Level the redesigned work needs"),
            Column(
                "Built through",
                "built_through",
                editor="multi",
                choices=lambda: methods,
                width=330,
                flag=lambda c: marks.message(c.id, "built_through"),
                tooltip="Double-click or press Space to choose",
            ),
        ]
        self.model = EntityTableModel(document, self._rows, columns, self)
        self.table = EntityTableView(self.model, self)
        self.table.setAccessibleName("Capability requirements")
        self.add_button = page_button("Add requirement", self.add_requirement)
        self.remove_button = page_button("Remove", self.remove_selected)

        self.binder = FormBinder(document, self)
        detail = QGroupBox("Selected requirement")
        form = QFormLayout(detail)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.wording_edit = self.binder.line(QLineEdit(), self.table.current_id, "name", "wording")
        self.wording_edit.setPlaceholderText("The capability in the room's own words (optional)")
        form.addRow("Wording", self.wording_edit)
        self.notes_edit = self.binder.text(QPlainTextEdit(), self.table.current_id, "notes", "notes")
        self.notes_edit.setPlaceholderText("What the role will do differently, day to day.")
        self.notes_edit.setMaximumHeight(120)
        form.addRow("Notes", self.notes_edit)
        self.table.current_entity_changed.connect(lambda _id: self.binder.refresh())

        layout = page_layout(self)
        layout.addWidget(
            page_header(
                "Capabilities",
                "New skills per role, from today's level to the level the redesigned work needs.",
                self.add_button,
                self.remove_button,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(detail)
        self.table.select_first()

    def _rows(self) -> list[CapabilityRequirement]:
        order = {r.id: i for i, r in enumerate(self.document.plan.roles)}
        return sorted(self.document.plan.capabilities, key=lambda c: order.get(c.role, len(order)))

    def add_requirement(self) -> None:
        plan = self.document.plan
        current = next((c for c in plan.capabilities if c.id == self.table.current_id()), None)
        role_id = current.role if current else (plan.roles[0].id if plan.roles else None)
        if role_id is None:
            self.document.edit_refused.emit("Add a role first: every capability belongs to one.")
            return
        requirement = CapabilityRequirement(
            id=new_id("cap"), role=role_id, use_case=current.use_case if current else None
        )
        if self.document.execute(AddEntity(None, "capabilities", requirement)):
            self.table.select_id(requirement.id, 1)

    def remove_selected(self) -> None:
        self.table.remove_selected_cascading()

    def select_element(self, element_id: str) -> bool:
        return self.table.select_id(element_id)
