"""Overview: the plan's details, the use cases in the order to take them, and the findings.

The ranking, the integration figures and the findings come from the core's analysis. They are
imported when first needed (the rule engine pulls in networkx, which must stay off start-up)
and recomputed shortly after an edit, only while the page is visible.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from omplanner.model.enums import Severity
from omplanner.vocabulary import SEVERITY, SEVERITY_ORDER

from ..widgets.bindings import FormBinder
from ..widgets.page_header import page_header, page_layout
from ..widgets.plain_text import breakable, plain_label
from ..widgets.style import SPACING, apply_page_font, body_font, is_dark, text_colour

REFRESH_DELAY_MS = 250
"""Typing fires an edit per key; the analysis runs once the typing pauses."""


# The figures (and the model they read) are imported when the use cases are shown: the page's
# form first shows the start plan's details before the model is built (see ``show_preview``).


def pilot_text(use_case) -> str:
    from omplanner.figures import pilot_sentence

    return pilot_sentence(use_case.pilot_kpi) + "."


def process_text(figures) -> str:
    from omplanner.figures import number as _number
    from omplanner.figures import unknown_text

    if figures.capacity_released_pct is None:
        return unknown_text(figures.capacity_unknown_reason or "")
    text = f"{_number(figures.capacity_released_pct)} % of capacity released"
    if figures.hours_released_per_month is not None:
        text += f", about {_number(figures.hours_released_per_month)} hours a month"
    else:
        text += f"; hours a month {unknown_text(figures.hours_unknown_reason or '')}"
    return text


class UseCaseCard(QFrame):
    """One ranked use case: why it sits where it does, and its pilot figure beside the process one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QGridLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.setHorizontalSpacing(SPACING * 2)
        layout.setVerticalSpacing(4)
        self.title = plain_label()
        self.title.setFont(body_font(self.font(), 3, bold=True))
        self.title.setWordWrap(True)
        self.meta = plain_label()
        self.meta.setFont(body_font(self.font(), 0, bold=True))
        self.meta.setWordWrap(True)
        self.reason = plain_label()
        self.reason.setWordWrap(True)
        self.pilot = plain_label()
        self.pilot.setWordWrap(True)
        self.process = plain_label()
        self.process.setWordWrap(True)
        self.gap = plain_label()
        self.gap.setWordWrap(True)
        self.readiness = plain_label()
        self.readiness.setWordWrap(True)
        # The name gets the whole width: beside the score it wrapped word by word when the
        # findings dock narrows the page on a 1366-pixel laptop.
        layout.addWidget(self.title, 0, 0, 1, 2)
        layout.addWidget(self.meta, 1, 0, 1, 2)
        layout.addWidget(self.reason, 2, 0, 1, 2)
        layout.addWidget(_caption("Pilot (task level)"), 3, 0)
        layout.addWidget(_caption("Process level, all work counted"), 3, 1)
        layout.addWidget(self.pilot, 4, 0)
        layout.addWidget(self.process, 4, 1)
        layout.addWidget(self.gap, 5, 0, 1, 2)
        layout.addWidget(_caption("Readiness from the diagnostic"), 6, 0, 1, 2)
        layout.addWidget(self.readiness, 7, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)

    def show_ranked(self, ranked, figures, readiness: str = "") -> None:
        from omplanner.figures import number as _number

        use_case = ranked.use_case
        self.readiness.setText(readiness.removeprefix("Readiness (1–5): ").removeprefix("Readiness: "))
        self.title.setText(breakable(f"{ranked.rank}.  {use_case.name}"))
        self.meta.setText(f"tractability {ranked.score:.1f} / 5  ·  {use_case.status.label}")
        self.reason.setText(breakable(ranked.reason))
        self.pilot.setText(pilot_text(use_case))
        self.process.setText(process_text(figures))
        if figures.gap_pct is not None and figures.gap_pct > 0:
            self.gap.setText(
                f"The pilot figure overstates the process-level release by {_number(figures.gap_pct)} points."
            )
            self.gap.show()
        else:
            self.gap.hide()


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setFont(body_font(label.font(), -1, bold=True))
    label.setWordWrap(True)  # in presentation mode's larger type it held the card wider than the page
    return label


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

        findings = QGroupBox("Findings")
        findings_layout = QVBoxLayout(findings)
        counts = QHBoxLayout()
        self.count_labels: dict[Severity, QLabel] = {}
        for severity in SEVERITY_ORDER:
            box = QVBoxLayout()
            number = QLabel("–")
            number.setFont(body_font(number.font(), 15, bold=True))
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text_colour(number, SEVERITY[severity].text(is_dark()))
            word = QLabel(SEVERITY[severity].plural)
            word.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(number)
            box.addWidget(word)
            counts.addLayout(box)
            self.count_labels[severity] = number
        findings_layout.addLayout(counts)
        self.by_component = plain_label()
        self.by_component.setWordWrap(True)
        self.by_component.setAlignment(Qt.AlignmentFlag.AlignTop)
        findings_layout.addWidget(self.by_component, 1)

        self.cards_box = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(SPACING)
        self.no_use_cases = QLabel(
            "No use cases yet. Add the candidates on the Use cases page and rate them: the most "
            "tractable one comes first here, with the pilot figure beside the process-level one."
        )
        self.no_use_cases.setWordWrap(True)
        self.no_use_cases.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.no_use_cases.hide()
        self.cards_layout.addWidget(self.no_use_cases)
        self.cards_layout.addStretch(1)
        self.cards: list[UseCaseCard] = []
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.cards_box)
        start_box = QGroupBox("Where to start: use cases by tractability")
        QVBoxLayout(start_box).addWidget(scroll)

        left = QVBoxLayout()
        left.setSpacing(SPACING)
        left.addWidget(details, 3)
        left.addWidget(findings, 2)
        body = QHBoxLayout()
        body.setSpacing(SPACING)
        body.addLayout(left, 2)
        body.addWidget(start_box, 3)
        layout = page_layout(self)
        layout.addWidget(
            page_header("Overview", "The engagement at a glance: where to start, and what still needs work.")
        )
        layout.addLayout(body, 1)

        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_analysis)
        document.changed.connect(lambda _changes: self._schedule())
        document.plan_replaced.connect(self._schedule)

    def _schedule(self) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            # After the first paint: this page opens with the app, and the window comes first.
            self._timer.start()

    def show_preview(self, preview) -> None:
        """Show the start plan's details (``omplanner.fileio.preview.DetailsPreview``), read-only
        until the plan itself is open (``plan_replaced``)."""
        self.binder.preview("details", preview.values())

    def refresh_analysis(self) -> None:
        if not self.document.has_plan:
            return  # still stale: the plan opening at start schedules this again
        # Imported here: the rule engine loads networkx, which must not slow the app's start.
        from omplanner.integration import integration_figures
        from omplanner.ranking import agreed_scores, rank_use_cases, readiness_text
        from omplanner.rules.gaps import no_findings_text

        plan = self.document.plan
        self._stale = False
        ranked = rank_use_cases(plan)
        while len(self.cards) < len(ranked):
            card = UseCaseCard(self.cards_box)
            self.cards_layout.insertWidget(len(self.cards), card)
            self.cards.append(card)
        agreed = agreed_scores(plan)
        for card, item in zip(self.cards, ranked):
            readiness = readiness_text(plan, item.use_case.id, agreed)
            card.show_ranked(item, integration_figures(plan, item.use_case), readiness)
            card.show()
        for card in self.cards[len(ranked) :]:
            card.hide()
        self.no_use_cases.setVisible(not ranked)

        findings = self.document.findings.findings()
        by_severity = Counter(f.severity for f in findings)
        for severity, label in self.count_labels.items():
            label.setText(str(by_severity.get(severity, 0)))
        by_component = Counter(f.component.label if f.component else "Sequencing and other" for f in findings)
        lines = [f"{count}  {name}" for name, count in sorted(by_component.items(), key=lambda kv: -kv[1])]
        self.by_component.setText("\n".join(lines) if lines else no_findings_text(plan))

    def select_element(self, element_id: str) -> bool:
        if element_id == "details":
            self.title_edit.setFocus()
            return True
        return False
