"""Decision rights: a decisions × roles matrix of R/A/C/I, with each decision's autonomy.

Typing R, A, C or I on a cell toggles that letter for its role (on every selected cell at
once, as one undoable edit); Delete clears. A decision with no accountable role, or with
several, is marked as you type. A selection of decisions can get one autonomy level in one
step. The form under the matrix edits the focused decision's step, override and audit trail.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from omplanner.commands import AddEntity, ChangeSet, Command, Macro, SetFields, remove_cascade
from omplanner.model import Autonomy, Decision, new_id

from ..theme import style_widget
from ..widgets.bindings import FormBinder
from ..widgets.choices import NOBODY, role_choices, step_choices, use_case_choices
from ..widgets.comments import scrolled_comments
from ..widgets.page_header import page_header, page_layout
from ..widgets.rotated_header import RotatedHeader
from ..widgets.style import SPACING, apply_page_font, compact
from ..widgets.table_model import Column, EntityTableModel
from ..widgets.table_view import EntityTableView

LETTERS = {"R": "responsible", "A": "accountable", "C": "consulted", "I": "informed"}
ROLE_COLUMN_WIDTH = 58
FIXED_COLUMNS = 2
ALL = "__all__"


def letters(decision: Decision, role_id: str) -> str:
    """The role's letters on the decision, in the order of ``LETTERS`` (each cell of the matrix
    is read when it is painted and when its column is measured: spelled out, not looped)."""
    return (
        ("R" if role_id in decision.responsible else "")
        + ("A" if role_id in decision.accountable else "")
        + ("C" if role_id in decision.consulted else "")
        + ("I" if role_id in decision.informed else "")
    )


def accountability_problem(plan, decision: Decision) -> str | None:
    """The gap the matrix marks on a decision: nobody accountable, or more than one."""
    if not decision.accountable:
        return "Nobody is accountable: give one role the A."
    if len(decision.accountable) > 1:
        names = ", ".join(r.name if (r := plan.role(i)) else i for i in decision.accountable)
        return f"{len(decision.accountable)} roles are accountable ({names}): keep one A."
    return None


class MatrixView(EntityTableView):
    """Letters typed on role cells toggle R/A/C/I; other keys behave as in any table."""

    def __init__(self, page: DecisionsPage, model: EntityTableModel):
        super().__init__(model, page, header=RotatedHeader(FIXED_COLUMNS))
        self.name_widest = 130  # every role column in sight matters more than a whole decision name
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:
        letter = event.text().upper()
        if self.currentIndex().column() >= FIXED_COLUMNS:
            if letter in LETTERS:
                self.page.toggle_letter(letter)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.page.clear_cells()
                return
        super().keyPressEvent(event)


class DecisionsPage(QWidget):
    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        apply_page_font(self)
        self._filter: str | None = None
        self._role_ids: list[str] = []
        self.model = EntityTableModel(document, self._rows, [], self)
        self.table = MatrixView(self, self.model)
        self.table.setAccessibleName("Decision rights matrix")
        self.table.doubleClicked.connect(self._double_clicked)

        self.filter_combo = compact(QComboBox(), 10)  # with the autonomy tools, fits presentation type at 1366
        self.filter_combo.setAccessibleName("Use case filter")
        self.filter_combo.activated.connect(lambda _i: self.set_filter(self.filter_combo.currentData()))
        self.show_all_roles = QCheckBox("All roles")
        style_widget(self.show_all_roles, "check")
        self.show_all_roles.toggled.connect(lambda _on: self._rebuild_columns())
        self.bulk_autonomy = QComboBox()
        self.bulk_autonomy.setAccessibleName("Set autonomy of the selected decisions")
        for level in Autonomy:
            self.bulk_autonomy.addItem(level.label, level)
        self.bulk_apply = QPushButton("Set for selected")
        self.bulk_apply.clicked.connect(self._bulk_autonomy_chosen)
        self.add_button = QPushButton("Add decision")
        self.add_button.clicked.connect(self.add_decision)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_selected)

        self.binder = FormBinder(document, self)
        current = self.table.current_id
        plan = lambda: self.document.plan  # noqa: E731 - the plan may be replaced
        detail = QGroupBox("Selected decision")
        detail_layout = QHBoxLayout(detail)
        detail_layout.setSpacing(SPACING * 2)
        left = QFormLayout()
        left.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        left.setVerticalSpacing(6)
        self.use_case_combo = self.binder.combo(QComboBox(), current, "use_case", lambda: use_case_choices(plan()))
        self.step_combo = self.binder.combo(
            QComboBox(), current, "step", lambda: step_choices(plan(), self._current_use_case(), NOBODY)
        )
        self.override_combo = self.binder.combo(
            QComboBox(), current, "override_authority", lambda: role_choices(plan(), NOBODY), "override authority"
        )
        self.audit_check = self.binder.check(
            QCheckBox("Record why, and by whom"), current, "audit_trail", "audit trail"
        )
        left.addRow("Use case", self.use_case_combo)
        left.addRow("Step", self.step_combo)
        left.addRow("May override", self.override_combo)
        left.addRow("Audit trail", self.audit_check)
        self.rationale_edit = self.binder.text(QPlainTextEdit(), current, "rationale", "rationale")
        self.rationale_edit.setPlaceholderText("Why this level of autonomy: volume, value, reversibility.")
        self.rationale_edit.setMaximumHeight(120)
        right = QFormLayout()
        right.addRow("Rationale", self.rationale_edit)
        detail_layout.addLayout(left, 1)
        detail_layout.addLayout(right, 1)
        self.comments, comments_area = scrolled_comments(document)
        detail_layout.addWidget(comments_area, 1)
        self.table.current_entity_changed.connect(lambda _id: self.binder.refresh())
        self.table.current_entity_changed.connect(self.comments.set_element)

        legend = QLabel("On a role cell, keys R A C I toggle the letter · Delete clears")
        tools = QHBoxLayout()
        tools.setSpacing(SPACING)
        tools.addWidget(QLabel("Show"))
        tools.addWidget(self.filter_combo)
        tools.addWidget(self.show_all_roles)
        tools.addSpacing(SPACING * 2)
        tools.addWidget(QLabel("Autonomy"))
        tools.addWidget(self.bulk_autonomy)
        tools.addWidget(self.bulk_apply)
        tools.addStretch(1)
        layout = page_layout(self)
        layout.addWidget(
            page_header(
                "Decision rights",
                "Who decides what, and how far the AI may act alone. One accountable role per decision.",
                self.add_button,
                self.remove_button,
            )
        )
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        layout.addWidget(detail, 0)
        document.changed.connect(self._changed)
        document.plan_replaced.connect(self._plan_replaced)
        self._plan_replaced()

    def _select_first(self) -> None:
        first = self.model.entity(0)
        if first is not None and self.table.current_id() is None:
            self.table.select_id(first.id)

    # Rows and columns --------------------------------------------------------------------
    def _rows(self) -> list[Decision]:
        return [d for d in self.document.plan.decisions if self._filter is None or d.use_case == self._filter]

    def _current_use_case(self) -> str | None:
        decision = self.document.plan.decision(self.table.current_id())
        return decision.use_case if decision else None

    def _needed_roles(self) -> list[str]:
        plan = self.document.plan
        if self.show_all_roles.isChecked():
            return [r.id for r in plan.roles]
        wanted: set[str] = set()
        use_cases = {self._filter} if self._filter else set()
        for decision in self._rows():  # the four lists of LETTERS, in one call per decision
            use_cases.add(decision.use_case)
            wanted.update(decision.responsible, decision.accountable, decision.consulted, decision.informed)
        # the roles of the maps a decision belongs to: a new decision has its columns at once
        for use_case_id in use_cases:
            use_case = plan.use_case(use_case_id)
            if use_case is not None:
                wanted.update(use_case.redesigned.lanes or use_case.current.lanes)
        needed = [r.id for r in plan.roles if r.id in wanted]
        if not needed and self._rows():
            return [r.id for r in plan.roles]  # no map yet to say which roles: offer them all
        return needed

    def _rebuild_columns(self, keep: bool = False) -> None:
        needed = self._needed_roles()
        if keep:  # while editing, never take away a column under the user's hands
            needed = [r.id for r in self.document.plan.roles if r.id in set(needed) | set(self._role_ids)]
        self._role_ids = needed
        self.model.set_columns(self._columns())

    def _columns(self) -> list[Column]:
        plan = lambda: self.document.plan  # noqa: E731
        autonomy = [(a, a.label) for a in Autonomy]
        columns = [
            Column("Decision", "name", flag=lambda d: accountability_problem(plan(), d), key="name"),
            Column("Autonomy", "autonomy", editor="choice", choices=lambda: autonomy, width=190, key="autonomy"),
        ]
        for role_id in self._role_ids:
            role = plan().role(role_id)
            columns.append(
                Column(
                    role.name if role else role_id,
                    editor="readonly",
                    get=lambda d, r=role_id: letters(d, r),
                    display=lambda d, r=role_id: letters(d, r),  # the text at once: cells are read often
                    width=ROLE_COLUMN_WIDTH,
                    center=True,
                    bold=True,
                    flag=lambda d, r=role_id: (
                        "Several roles are accountable here" if r in d.accountable and len(d.accountable) > 1 else None
                    ),
                    tooltip=role.name if role else role_id,
                    key=role_id,
                )
            )
        return columns

    def _changed(self, changes: ChangeSet) -> None:
        if changes.touches("Role"):
            self._rebuild_columns(keep=True)
        elif changes.touches("Decision") and set(self._needed_roles()) - set(self._role_ids):
            self._rebuild_columns(keep=True)
        if changes.touches("UseCase"):
            self._fill_filter()

    def _plan_replaced(self) -> None:
        self._filter = None
        self._fill_filter()
        self._rebuild_columns()
        self._select_first()

    def _fill_filter(self) -> None:
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        self.filter_combo.addItem("All use cases", None)
        for use_case in self.document.plan.use_cases:
            self.filter_combo.addItem(use_case.name, use_case.id)
        self.filter_combo.setCurrentIndex(max(self.filter_combo.findData(self._filter), 0))
        self.filter_combo.blockSignals(False)

    def set_filter(self, use_case_id: str | None) -> None:
        self._filter = use_case_id
        self.filter_combo.setCurrentIndex(max(self.filter_combo.findData(use_case_id), 0))
        self._rebuild_columns()
        self._select_first()

    # Editing -----------------------------------------------------------------------------
    def _selected_cells(self) -> list[tuple[str, str]]:
        """(decision id, role id) of the selected role cells, else of the focused one."""
        indexes = [i for i in self.table.selectionModel().selectedIndexes() if i.column() >= FIXED_COLUMNS]
        if not indexes and self.table.currentIndex().column() >= FIXED_COLUMNS:
            indexes = [self.table.currentIndex()]
        cells = []
        for index in indexes:
            decision = self.model.entity_at(index)
            if decision is not None:
                cells.append((decision.id, self._role_ids[index.column() - FIXED_COLUMNS]))
        return cells

    def _edit_cells(self, cells: list[tuple[str, str]], change, text: str) -> bool:
        plan = self.document.plan
        new_lists: dict[str, dict[str, list[str]]] = {}
        for decision_id, role_id in cells:
            decision = plan.decision(decision_id)
            if decision is None:
                continue
            lists = new_lists.setdefault(decision_id, {f: list(getattr(decision, f)) for f in LETTERS.values()})
            change(lists, role_id)
        commands: list[Command] = []
        for decision_id, lists in new_lists.items():
            decision = plan.decision(decision_id)
            changed = {f: v for f, v in lists.items() if v != getattr(decision, f)}
            if changed:
                commands.append(SetFields(decision_id, changed, text=text))
        if not commands:
            return False
        return self.document.execute(commands[0] if len(commands) == 1 else Macro(text, commands))

    def toggle_letter(self, letter: str, cells: list[tuple[str, str]] | None = None) -> bool:
        cells = self._selected_cells() if cells is None else cells
        field = LETTERS[letter]
        plan = self.document.plan
        all_have = all(role_id in getattr(plan.decision(d), field) for d, role_id in cells if plan.decision(d))

        def change(lists: dict[str, list[str]], role_id: str) -> None:
            if all_have:
                lists[field] = [r for r in lists[field] if r != role_id]
            elif role_id not in lists[field]:
                lists[field].append(role_id)

        verb = "Remove" if all_have else "Set"
        return self._edit_cells(cells, change, f"{verb} {field} in decision rights")

    def clear_cells(self) -> bool:
        def change(lists: dict[str, list[str]], role_id: str) -> None:
            for field in LETTERS.values():
                lists[field] = [r for r in lists[field] if r != role_id]

        return self._edit_cells(self._selected_cells(), change, "Clear decision rights")

    def _double_clicked(self, index) -> None:
        if index.column() < FIXED_COLUMNS:
            return
        from PySide6.QtWidgets import QMenu

        decision = self.model.entity_at(index)
        role_id = self._role_ids[index.column() - FIXED_COLUMNS]
        menu = QMenu(self)
        for letter, field in LETTERS.items():
            action = menu.addAction(f"{letter}  {field.capitalize()}")
            action.setCheckable(True)
            action.setChecked(role_id in getattr(decision, field))
            action.triggered.connect(lambda _on, l=letter: self.toggle_letter(l, [(decision.id, role_id)]))  # noqa: E741
        rect = self.table.visualRect(index)
        menu.exec(self.table.viewport().mapToGlobal(rect.bottomLeft()))

    def set_autonomy(self, decision_ids: list[str], autonomy: Autonomy) -> bool:
        plan = self.document.plan
        commands: list[Command] = [
            SetFields(d, {"autonomy": autonomy})
            for d in decision_ids
            if (dec := plan.decision(d)) and dec.autonomy != autonomy
        ]
        if not commands:
            return False
        text = f"Set autonomy '{autonomy.label}' for {len(commands)} decision{'s' if len(commands) > 1 else ''}"
        return self.document.execute(Macro(text, commands))

    def _bulk_autonomy_chosen(self) -> None:
        autonomy = self.bulk_autonomy.currentData()
        if autonomy is not None:
            self.set_autonomy(self.table.selected_ids(), Autonomy(autonomy))

    def add_decision(self) -> None:
        plan = self.document.plan
        use_case_id = self._filter or self._current_use_case() or (plan.use_cases[0].id if plan.use_cases else None)
        if use_case_id is None:
            self.document.edit_refused.emit("Add a use case first: every decision belongs to one.")
            return
        decision = Decision(id=new_id("dec"), name="New decision", use_case=use_case_id)
        if self.document.execute(AddEntity(None, "decisions", decision)):
            self.table.select_id(decision.id)
            self.table.edit(self.table.currentIndex())

    def remove_selected(self) -> None:
        plan = self.document.plan
        ids = self.table.selected_ids()
        if len(ids) == 1:
            self.document.execute(remove_cascade(plan, ids[0]))
        elif ids:
            # Each removal is computed on the plan as the previous ones leave it.
            self.document.undo_stack.beginMacro(f"Delete {len(ids)} decisions")
            for decision_id in ids:
                self.document.execute(remove_cascade(self.document.plan, decision_id))
            self.document.undo_stack.endMacro()

    def select_element(self, element_id: str) -> bool:
        decision = self.document.plan.decision(element_id)
        if decision is None:
            return False
        if self._filter is not None and decision.use_case != self._filter:
            self.set_filter(None)
        return self.table.select_id(element_id)
