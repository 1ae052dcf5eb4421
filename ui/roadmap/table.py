"""The roadmap as a table: the same items, for keyboard users and bulk edits.

A thin adapter over ``plan.roadmap``: ``data`` reads the plan, ``setData`` pushes a command.
Editing a cell while several rows are selected applies the value to every selected row as one
undoable edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QStyledItemDelegate, QTableView

from omplanner.commands import ChangeSet, Macro, SetFields
from omplanner.model import ItemKind, ItemStatus, Plan

COLUMNS = ["Title", "Kind", "Use case", "Owner", "Starts in week", "Weeks", "Ends in week", "Follows", "Status"]
_FIELDS = {0: "title", 1: "kind", 2: "use_case", 3: "owner", 4: "start_week", 5: "duration_weeks", 8: "status"}
_CHOICE_COLUMNS = {1, 2, 3, 8}
_ROOT = QModelIndex()


class RoadmapTableModel(QAbstractTableModel):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.selected_rows: Callable[[], list[int]] = list
        self._ids: list[str] = [i.id for i in document.plan.roadmap]

    @property
    def plan(self) -> Plan:
        return self.document.plan

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def item_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, item_id: str) -> int:
        return self._ids.index(item_id) if item_id in self._ids else -1

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in _FIELDS else base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        item = self.plan.item(self._ids[index.row()]) if index.isValid() else None
        if item is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.EditRole:
            value = getattr(item, _FIELDS[col]) if col in _FIELDS else None
            if col == 4:
                return item.first_week
            return value.value if isinstance(value, (ItemKind, ItemStatus)) else value
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            return item.title
        if col == 1:
            return item.kind.label
        if col == 2:
            uc = self.plan.use_case(item.use_case)
            return uc.name if uc else "Cross-cutting"
        if col == 3:
            role_ = self.plan.role(item.owner)
            return role_.name if role_ else ""
        if col == 4:
            return item.first_week
        if col == 5:
            return item.duration_weeks
        if col == 6:
            return item.last_week
        if col == 7:
            return ", ".join(self.plan.item(d).title if self.plan.item(d) else d for d in item.depends_on)
        return item.status.label

    def choices(self, col: int) -> list[tuple[str, object]]:
        if col == 1:
            return [(k.label, k.value) for k in ItemKind]
        if col == 8:
            return [(s.label, s.value) for s in ItemStatus]
        if col == 2:
            return [("Cross-cutting", None), *[(uc.name, uc.id) for uc in self.plan.use_cases]]
        return [("No owner", None), *[(r.name, r.id) for r in self.plan.roles]]

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in _FIELDS:
            return False
        col = index.column()
        field = _FIELDS[col]
        if col == 0:
            value = str(value).strip()
            if not value:
                return False
        elif col == 1:
            value = ItemKind(value)
        elif col == 8:
            value = ItemStatus(value)
        elif col == 4:
            value = int(value) - 1  # shown from week 1, stored as an offset from the start
        elif col == 5:
            value = int(value)
        rows = self.selected_rows()
        rows = sorted(set(rows)) if index.row() in rows and len(set(rows)) > 1 else [index.row()]
        commands = [
            SetFields(self._ids[r], {field: value})
            for r in rows
            if getattr(self.plan.item(self._ids[r]), field) != value
        ]
        if not commands:
            return False
        command = (
            commands[0]
            if len(commands) == 1
            else Macro(f"Change {COLUMNS[col].lower()} of {len(commands)} items", commands)
        )
        return self.document.execute(command)

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Reset on added/removed items; otherwise repaint only the rows that changed."""
        ids = [i.id for i in self.plan.roadmap]
        if changes is None or ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
            return
        for item_id in changes.ids:
            row = self.row_of(item_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        if changes.touches("Role", "UseCase"):
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(COLUMNS) - 1))


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the columns that pick from a list (kind, use case, owner, status)."""

    def createEditor(self, parent, option, index):
        if index.column() not in _CHOICE_COLUMNS:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for label, data in index.model().choices(index.column()):
            combo.addItem(label, data)
        return combo

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class RoadmapTable(QTableView):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.model_ = RoadmapTableModel(document, self)
        self.setModel(self.model_)
        self.model_.selected_rows = lambda: [i.row() for i in self.selectionModel().selectedRows()]
        self.setItemDelegate(ChoiceDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setAccessibleName("Roadmap items")
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((300, 120, 150, 150, 100, 60, 95, 220, 90)):
            self.setColumnWidth(col, width)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
