"""Data sources: where each input of a process comes from, how it is checked, how fresh it
is, who owns its quality, and which steps use it.

Each of the four questions (where it comes from, how it is validated, how fast it arrives, who
looks after its quality) is answered known, partly known or unknown, with a note. A cell is
tinted where a data rule has a finding about it (the same findings ``omplanner check`` prints):
in a workshop that is the cue to ask one more question before moving on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from omplanner.commands import AddEntity, ChangeSet
from omplanner.model import DATA_QUESTIONS, DataSource, Knowledge, new_id

from ..finding_marks import FindingMarks
from ..widgets.bindings import FormBinder
from ..widgets.choices import NOBODY, all_step_choices, role_choices
from ..widgets.page_header import page_button, page_header, page_layout
from ..widgets.plain_text import plain_label
from ..widgets.style import SPACING, apply_page_font
from ..widgets.table_model import Column, EntityTableModel
from ..widgets.table_view import EntityTableView

ANSWER_CHOICES = [(k, k.label) for k in Knowledge]


def answer_column(header: str, field: str, marks: FindingMarks, tooltip: str, width: int = 150) -> Column:
    """A column for one data question: its status, chosen in the cell (the note is in the form
    below: "Known: capture confidence per field; below 90 %…" cut to "Kno…" said nothing)."""
    return Column(
        header,
        f"{field}.status",
        editor="choice",
        choices=lambda: ANSWER_CHOICES,
        display=lambda s: getattr(s, field).status.label,
        flag=lambda s: marks.message(s.id, field),
        tooltip=tooltip,
        width=width,
        whole=True,
    )


class DataSourcesPage(QWidget):
    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        apply_page_font(self)
        plan = lambda: self.document.plan  # noqa: E731 - the plan may be replaced
        self.marks = marks = FindingMarks(document)
        columns = [
            Column("Source", "name", width=170),
            Column("System", "system", width=130),
            Column(
                "Quality owner",
                "owner_role",
                editor="choice",
                choices=lambda: role_choices(plan(), NOBODY),
                width=170,
                flag=lambda s: marks.message(s.id, "owner_role"),
            ),
            answer_column("Validation", "validation", marks, "How it is checked before the AI reads it", width=120),
            answer_column("Latency", "latency", marks, "How fast it arrives", width=120),
            Column("Quality", "quality", editor="optional_level", width=90, tooltip="1 (poor) to 5 (excellent)"),
            Column(
                "Used by",
                "used_by",
                editor="multi",
                choices=lambda: all_step_choices(plan()),
                display=lambda s: _steps_text(len(s.used_by)),
                width=110,
                tooltip="Double-click or press Space to choose the steps",
            ),
            # Where it comes from and how its owner keeps it clean come last: on a narrow screen
            # with the findings open, the columns the room compares most stay in sight.
            answer_column("Origin", "origin", marks, "Where it comes from", width=120),
            answer_column("Ownership", "ownership", marks, "How the owner looks after its quality", 120),
        ]
        self.model = EntityTableModel(document, lambda: self.document.plan.data_sources, columns, self)
        self.table = EntityTableView(self.model, self)
        self.table.setAccessibleName("Data sources")
        self.add_button = page_button("Add source", self.add_source)
        self.remove_button = page_button("Remove", self.remove_selected)

        self.binder = FormBinder(document, self)
        detail = QGroupBox("Selected source")
        detail_layout = QHBoxLayout(detail)
        detail_layout.setSpacing(SPACING * 2)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.structured_check = self.binder.check(
            QCheckBox("Structured (fields and records, not free text)"),
            self.table.current_id,
            "structured",
            "structured",
        )
        self.used_by_label = plain_label()
        self.used_by_label.setWordWrap(True)
        self.used_by_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_edits: dict[str, QLineEdit] = {}
        for field, question in DATA_QUESTIONS:
            edit = self.binder.line(QLineEdit(), self.table.current_id, f"{field}.note", f"{field} note")
            edit.setPlaceholderText(f"{question}: what the room said")
            edit.setAccessibleName(f"{question}, note")
            self.note_edits[field] = edit
            form.addRow(question, edit)
        form.addRow("Shape", self.structured_check)
        form.addRow("Used by", self.used_by_label)
        detail_layout.addLayout(form)
        self.table.current_entity_changed.connect(lambda _id: self._refresh_detail())
        document.changed.connect(self._changed)
        document.plan_replaced.connect(self._refresh_detail)

        layout = page_layout(self)
        layout.addWidget(
            page_header(
                "Data",
                "For every source a process uses: where it comes from, how it is checked, how fresh, who owns it.",
                self.add_button,
                self.remove_button,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(detail)
        self.table.select_first()
        self._refresh_detail()

    def _changed(self, changes: ChangeSet) -> None:
        if self.table.current_id() in changes.ids or changes.touches("Step"):
            self._refresh_detail()

    def _refresh_detail(self) -> None:
        self.binder.refresh()
        source = self.document.plan.data_source(self.table.current_id())
        if source is None:
            self.used_by_label.setText("")
            return
        names = dict(all_step_choices(self.document.plan))
        steps = [names.get(s, s) for s in source.used_by]
        self.used_by_label.setText(
            "\n".join(steps) if steps else "No step uses it yet (choose in the table's Used by column)."
        )

    def add_source(self) -> None:
        source = DataSource(id=new_id("data"), name="New source")
        if self.document.execute(AddEntity(None, "data_sources", source)):
            self.table.select_id(source.id)
            self.table.edit(self.table.currentIndex())

    def remove_selected(self) -> None:
        self.table.remove_selected_cascading()

    def select_element(self, element_id: str) -> bool:
        return self.table.select_id(element_id)


def _steps_text(count: int) -> str:
    if count == 0:
        return "none"
    return "1 step" if count == 1 else f"{count} steps"
