"""Overview: the plan's details, the use cases in the order to take them, and the findings.

The ranking, the integration figures and the findings come from the core's analysis; they
are imported when first needed so that the app starts without loading the rule engine.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..widgets.bindings import FormBinder
from ..widgets.style import SPACING, apply_page_font
from ..widgets.table_view import page_header, page_layout


class OverviewPage(QWidget):
    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        apply_page_font(self)
        self.binder = FormBinder(document, self)
        details = QGroupBox("Plan")
        form = QFormLayout(details)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(SPACING)
        self.title_edit = self.binder.line(QLineEdit(), lambda: "details", "title", "title")
        self.client_edit = self.binder.line(QLineEdit(), lambda: "details", "client", "client")
        self.facilitator_edit = self.binder.line(QLineEdit(), lambda: "details", "facilitator", "facilitator")
        self.start_edit = QDateEdit()
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("d MMM yyyy")
        self.binder.date(self.start_edit, lambda: "details", "start_date", "start date")
        self.notes_edit = self.binder.text(QPlainTextEdit(), lambda: "details", "notes", "notes")
        self.notes_edit.setPlaceholderText("Context the room agreed on: size, ambitions, constraints.")
        form.addRow("Title", self.title_edit)
        form.addRow("Client", self.client_edit)
        form.addRow("Facilitator", self.facilitator_edit)
        form.addRow("Start", self.start_edit)
        form.addRow("Notes", self.notes_edit)

        layout = page_layout(self)
        layout.addWidget(page_header("Overview", "The engagement at a glance: what to start with, and why."))
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(details, 2)
        self.side = QLabel("")
        row.addWidget(self.side, 3)
        layout.addLayout(row, 1)

    def select_element(self, element_id: str) -> bool:
        if element_id == "details":
            self.title_edit.setFocus()
            return True
        return False
