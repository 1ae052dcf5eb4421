"""Diagnostic: each use case scored 1-5 on the five components, with the evidence behind it.

Scoring is built for speed in the room: arrows move, keys 1-5 score, Delete clears. Under the
grid, the focused cell's evidence, the plan elements it rests on, and a quick round where each
participant gives a score; the room's median and range show in the grid and are flagged when
people disagree. The radar chart overlays every use case, the focused one in bold.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from omplanner.commands import AddEntity, ChangeSet, Command, Macro, SetFields, remove_cascade
from omplanner.model import Component, Score, index_places, new_id

from ..widgets.bindings import FormBinder
from ..widgets.comments import CommentsBox
from ..widgets.page_header import page_header, page_layout
from ..widgets.radar import RadarChart, Series
from ..widgets.score_grid import (
    COMPONENTS,
    HEADERS,
    ScoreGridModel,
    ScoreGridView,
    agreed_score,
    participant_scores,
    room_round,
)
from ..widgets.style import SERIES, SPACING, apply_page_font, compact
from ..widgets.table_model import Column, EntityTableModel
from ..widgets.table_view import EntityTableView


def element_label(plan, element_id: str, use_case_id: str) -> str:
    known = dict(linkable_elements(plan, use_case_id))
    if element_id in known:
        return known[element_id]
    place = index_places(plan).get(element_id)
    if place is None:
        return element_id
    return " → ".join(place.path[-2:]) if len(place.path) > 1 else place.path[0]


def linkable_elements(plan, use_case_id: str) -> list[tuple[str, str]]:
    """What a score's evidence can point at: this use case's maps, decisions, capabilities,
    thresholds, and the plan's data sources and roles."""
    use_case = plan.use_case(use_case_id)
    if use_case is None:
        return []
    items = [
        (use_case.current.id, "Current process"),
        (use_case.redesigned.id, "Redesigned process"),
    ]
    items += [(d.id, f"Decision: {d.name}") for d in plan.decisions if d.use_case == use_case_id]
    items += [(t.id, f"Threshold: {t.metric}") for t in use_case.governance.thresholds]
    items += [(c.id, f"Capability: {c.display_name}") for c in plan.capabilities if c.use_case == use_case_id]
    items += [(s.id, f"Data source: {s.name}") for s in plan.data_sources]
    items += [(r.id, f"Role: {r.name}") for r in plan.roles]
    return items


ROOM_TAB = "Round in the room"
COMMENTS_TAB = "Comments"


class DiagnosticPage(QWidget):
    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        apply_page_font(self)
        self.grid_model = ScoreGridModel(document, self)
        self.grid = ScoreGridView(self.grid_model, self)
        self.grid.score_typed.connect(self.score_selection)
        self.grid.clear_requested.connect(self.clear_selection)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._refresh_detail())
        self.radar = RadarChart([HEADERS[c] for c in COMPONENTS], self)

        # The focused cell: evidence and links.
        self.binder = FormBinder(document, self)
        self.detail = QGroupBox("")
        # Evidence and the round in the room are tabs: side by side, with the radar beside them,
        # they did not fit a 1366-pixel laptop with the findings dock open.
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setDocumentMode(True)
        QVBoxLayout(self.detail).addWidget(self.detail_tabs)
        evidence_tab = QWidget()
        evidence_column = QVBoxLayout(evidence_tab)
        evidence_column.setContentsMargins(0, SPACING, 0, 0)
        self.evidence_edit = self.binder.text(QPlainTextEdit(), self._agreed_id, "evidence", "evidence")
        self.evidence_edit.setPlaceholderText("What the room saw that justifies the score.")
        evidence_column.addWidget(self.evidence_edit, 2)
        evidence_column.addWidget(QLabel("Rests on"))
        self.links_list = QListWidget()
        self.links_list.setAccessibleName("Linked plan elements")
        evidence_column.addWidget(self.links_list, 1)
        # Two lines each at least, not Qt's taller default: in presentation type at 1366×768 the
        # tab otherwise needs more height than the page has, and Link / Unlink were cut.
        for box in (self.evidence_edit, self.links_list):
            box.setMinimumHeight(box.fontMetrics().lineSpacing() * 2 + 2 * box.frameWidth() + 8)
        link_row = QHBoxLayout()
        self.link_combo = compact(QComboBox(), 12)
        self.link_combo.setAccessibleName("Link a plan element")
        self.link_button = QPushButton("Link")
        self.link_button.clicked.connect(self.link_chosen)
        self.unlink_button = QPushButton("Unlink")
        self.unlink_button.clicked.connect(self.unlink_selected)
        link_row.addWidget(self.link_combo, 1)
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)
        evidence_column.addLayout(link_row)
        self.detail_tabs.addTab(evidence_tab, "Evidence")

        # The focused cell: a round of participants' scores.
        room_tab = QWidget()
        room_column = QVBoxLayout(room_tab)
        room_column.setContentsMargins(0, SPACING, 0, 0)
        columns = [Column("Participant", "participant"), Column("Score", "value", editor="level", width=64)]
        self.room_model = EntityTableModel(document, self._room_rows, columns, self)
        self.room_table = EntityTableView(self.room_model, self)
        self.room_table.setAccessibleName("Participants' scores")
        # Short names: the score column must stay in view beside the findings dock on a laptop.
        self.room_table.stretch_min = 96
        room_column.addWidget(self.room_table, 1)
        add_row = QHBoxLayout()
        self.participant_edit = QLineEdit()
        self.participant_edit.setPlaceholderText("Name")
        self.participant_edit.returnPressed.connect(self.add_participant_score)
        # The same people score every cell of a round: offer the names already used.
        self.participant_names = QStringListModel(self)
        completer = QCompleter(self.participant_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.participant_edit.setCompleter(completer)
        self.participant_value = QSpinBox()
        self.participant_value.setRange(1, 5)
        self.participant_value.setValue(3)
        add_button = QPushButton("Add")
        add_button.clicked.connect(self.add_participant_score)
        add_row.addWidget(self.participant_edit, 1)
        add_row.addWidget(self.participant_value)
        add_row.addWidget(add_button)
        room_column.addLayout(add_row)
        room_buttons = QHBoxLayout()
        self.agree_button = QPushButton("Agree the median")
        self.agree_button.clicked.connect(self.agree_median)
        remove_button = QPushButton("Remove")
        remove_button.clicked.connect(self.remove_participant_scores)
        room_buttons.addWidget(self.agree_button, 1)
        room_buttons.addWidget(remove_button)
        room_column.addLayout(room_buttons)
        self.detail_tabs.addTab(room_tab, ROOM_TAB)

        # The focused cell's agreed score: the comments on it.
        self.comments = CommentsBox(document)
        self.comments_hint = QLabel("Score this cell first: comments are kept on its agreed score.")
        self.comments_hint.setWordWrap(True)
        self.comments_hint.setEnabled(False)
        comments_tab = QWidget()
        comments_column = QVBoxLayout(comments_tab)
        comments_column.setContentsMargins(0, SPACING, 0, 0)
        comments_column.addWidget(self.comments_hint)
        comments_column.addWidget(self.comments)
        comments_column.addStretch(1)
        comments_scroll = QScrollArea()
        comments_scroll.setWidget(comments_tab)
        comments_scroll.setWidgetResizable(True)
        comments_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        comments_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_tabs.addTab(comments_scroll, COMMENTS_TAB)
        self.comments.count_changed.connect(
            lambda n: self.detail_tabs.setTabText(2, f"{COMMENTS_TAB} ({n})" if n else COMMENTS_TAB)
        )

        # The grid across the page, the focused cell and the radar side by side under it: with
        # the radar beside the grid the page did not fit a 1366-pixel laptop with the findings dock.
        lower = QHBoxLayout()
        lower.setSpacing(SPACING)
        lower.addWidget(self.detail, 1)
        lower.addWidget(self.radar, 1)
        body = QVBoxLayout()
        body.setSpacing(SPACING)
        body.addWidget(self.grid)
        body.addLayout(lower, 1)
        layout = page_layout(self)
        layout.addWidget(
            page_header(
                "Diagnostic",
                "Score each use case 1 to 5 per component, with evidence. Arrows move, 1–5 score, Delete clears.",
            )
        )
        layout.addLayout(body, 1)
        document.changed.connect(self._changed)
        document.plan_replaced.connect(self._plan_replaced)
        self._plan_replaced()

    # The focused cell ---------------------------------------------------------------------
    def current_cell(self) -> tuple[str, Component] | None:
        return self.grid_model.cell(self.grid.currentIndex())

    def _agreed_id(self) -> str | None:
        cell = self.current_cell()
        score = agreed_score(self.document.plan, *cell) if cell else None
        return score.id if score else None

    def _room_rows(self) -> list[Score]:
        cell = self.current_cell()
        return participant_scores(self.document.plan, *cell) if cell else []

    def _selected_cells(self) -> list[tuple[str, Component]]:
        indexes = self.grid.selectionModel().selectedIndexes() or [self.grid.currentIndex()]
        return [c for i in indexes if (c := self.grid_model.cell(i)) is not None]

    # Scoring ------------------------------------------------------------------------------
    def score_cells(self, cells: list[tuple[str, Component]], value: int) -> bool:
        plan = self.document.plan
        commands: list[Command] = []
        for use_case_id, component in cells:
            score = agreed_score(plan, use_case_id, component)
            if score is None:
                new = Score(id=new_id("score"), use_case=use_case_id, component=component, value=value)
                commands.append(AddEntity(None, "scores", new))
            elif score.value != value:
                commands.append(SetFields(score.id, {"value": value}))
        if not commands:
            return False
        if len(cells) == 1:
            use_case = plan.use_case(cells[0][0])
            text = f"Score {cells[0][1].label} {value} for '{use_case.name if use_case else ''}'"
        else:
            text = f"Score {len(cells)} cells {value}"
        return self.document.execute(Macro(text, commands))

    def score_selection(self, value: int) -> None:
        self.score_cells(self._selected_cells(), value)

    def clear_selection(self) -> None:
        plan = self.document.plan
        scores = [s for cell in self._selected_cells() if (s := agreed_score(plan, *cell)) is not None]
        if scores:
            self.document.execute(Macro("Clear scores", [remove_cascade(plan, s.id) for s in scores]))

    # The round in the room ----------------------------------------------------------------
    def add_participant_score(self) -> None:
        cell = self.current_cell()
        name = self.participant_edit.text().strip()
        if cell is None or not name:
            return
        value = self.participant_value.value()
        existing = next((s for s in participant_scores(self.document.plan, *cell) if s.participant == name), None)
        if existing is not None:
            command: Command = SetFields(existing.id, {"value": value}, text=f"Change {name}'s score")
        else:
            score = Score(id=new_id("score"), use_case=cell[0], component=cell[1], value=value, participant=name)
            command = AddEntity(None, "scores", score, text=f"Add {name}'s score")
        if self.document.execute(command):
            self.participant_edit.clear()
            self.participant_edit.setFocus()

    def remove_participant_scores(self) -> None:
        ids = self.room_table.selected_ids()
        if ids:
            plan = self.document.plan
            self.document.execute(Macro("Remove participants' scores", [remove_cascade(plan, i) for i in ids]))

    def agree_median(self) -> None:
        cell = self.current_cell()
        room = room_round(self.document.plan, *cell) if cell else None
        if cell is not None and room is not None:
            self.score_cells([cell], int(math.floor(room.median + 0.5)))

    # Links to plan elements ---------------------------------------------------------------
    def link_chosen(self) -> None:
        element_id = self.link_combo.currentData()
        score_id = self._agreed_id()
        if element_id and score_id:
            score = next(s for s in self.document.plan.scores if s.id == score_id)
            if element_id not in score.elements:
                self.document.execute(
                    SetFields(score_id, {"elements": score.elements + [element_id]}, text="Link evidence")
                )

    def unlink_selected(self) -> None:
        item = self.links_list.currentItem()
        score_id = self._agreed_id()
        if item is None or score_id is None:
            return
        score = next(s for s in self.document.plan.scores if s.id == score_id)
        element_id = item.data(Qt.ItemDataRole.UserRole)
        remaining = [e for e in score.elements if e != element_id]
        self.document.execute(SetFields(score_id, {"elements": remaining}, text="Unlink evidence"))

    # Following the document ---------------------------------------------------------------
    def _plan_replaced(self) -> None:
        if self.grid_model.rowCount():
            self.grid.setCurrentIndex(self.grid_model.index(0, 0))
        self._refresh_detail()

    def _changed(self, changes: ChangeSet) -> None:
        if changes.touches("Score", "UseCase", "Decision", "DataSource", "Role", "CapabilityRequirement", "Threshold"):
            self._refresh_detail()

    def _refresh_detail(self) -> None:
        plan = self.document.plan
        cell = self.current_cell()
        use_case = plan.use_case(cell[0]) if cell else None
        self.detail.setTitle(f"{use_case.name} · {cell[1].label}" if use_case and cell else "Choose a cell")
        self.binder.refresh()
        agreed = agreed_score(plan, *cell) if cell else None
        if agreed is None:
            self.evidence_edit.setPlaceholderText(
                "Press 1 to 5 on the grid to score this cell, then note the evidence."
            )
        else:
            self.evidence_edit.setPlaceholderText("What the room saw that justifies the score.")
        self.links_list.clear()
        for element_id in agreed.elements if agreed else []:
            item = QListWidgetItem(element_label(plan, element_id, agreed.use_case))
            item.setData(Qt.ItemDataRole.UserRole, element_id)
            self.links_list.addItem(item)
        self.link_combo.clear()
        if cell is not None and agreed is not None:
            for element_id, label in linkable_elements(plan, cell[0]):
                if element_id not in agreed.elements:
                    self.link_combo.addItem(label, element_id)
        self.link_combo.setEnabled(agreed is not None)
        self.link_button.setEnabled(agreed is not None)
        self.unlink_button.setEnabled(agreed is not None and bool(agreed.elements))
        self.room_model.refresh(None)
        self.participant_names.setStringList(sorted({s.participant for s in plan.scores if s.participant}))
        room = room_round(plan, *cell) if cell else None
        self.agree_button.setEnabled(room is not None)
        count = self.room_model.rowCount()
        self.detail_tabs.setTabText(1, f"{ROOM_TAB} ({count})" if count else ROOM_TAB)
        self.comments.set_element(agreed.id if agreed is not None else None)
        self.comments_hint.setVisible(agreed is None)
        self._refresh_radar(cell[0] if cell else None)

    def _refresh_radar(self, focused_use_case: str | None) -> None:
        plan = self.document.plan
        series = []
        for n, use_case in enumerate(plan.use_cases):
            values = tuple(
                (s.value if (s := agreed_score(plan, use_case.id, c)) is not None else None) for c in COMPONENTS
            )
            series.append(Series(use_case.name, SERIES[n % len(SERIES)], values, use_case.id == focused_use_case))
        self.radar.set_series(series)

    def show_comments(self) -> None:
        """Bring the focused cell's comments to the front (a comment's row in the panel was activated)."""
        self.detail_tabs.setCurrentIndex(2)

    def select_element(self, element_id: str) -> bool:
        plan = self.document.plan
        score = next((s for s in plan.scores if s.id == element_id), None)
        if score is not None:
            row, column = self.grid_model.row_of(score.use_case), COMPONENTS.index(score.component)
        elif plan.use_case(element_id) is not None:
            row, column = self.grid_model.row_of(element_id), 0
        else:
            return False
        index: QModelIndex = self.grid_model.index(row, column)
        self.grid.setCurrentIndex(index)
        self.grid.setFocus()
        return True
