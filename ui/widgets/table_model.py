"""One table model for every list of entities in the plan, declared as columns.

A page says which entities are its rows and, per column, how to read a cell, how to show it,
and which field an edit writes. The model turns an edit into a core command (``SetFields``
unless the column builds its own) executed on the document, so undo, the change record and
the findings follow. It never writes to the plan itself; it only re-reads it when the
document says something changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from omplanner.commands import ChangeSet, Command, SetFields
from omplanner.model import Entity

from .plain_text import plain_tooltip
from .style import tint

Index = QModelIndex | QPersistentModelIndex
Choices = Callable[[], Sequence[tuple[Any, str]]]

EDITORS = ("text", "int", "float", "optional_float", "level", "optional_level", "choice", "check", "multi", "readonly")
"""Editor kinds a column can ask for; ``ui.widgets.delegates`` builds the widget for each."""
NUMERIC = ("int", "float", "optional_float", "level", "optional_level")


@dataclass(frozen=True)
class Column:
    """How one column reads, shows and edits a field of its row's entity.

    ``field`` is a (possibly dotted) field path: the default getter reads it and an edit
    becomes ``SetFields(entity.id, {field: value})``. ``command`` overrides that, for an edit
    that is more than one field (returning None refuses the edit quietly).
    """

    header: str
    field: str | None = None
    editor: str = "text"
    get: Callable[[Any], Any] | None = None
    display: Callable[[Any], str] | None = None
    command: Callable[[Any, Any], Command | None] | None = None
    choices: Choices | None = None
    width: int | None = None
    """Pixels; None stretches the column over the space left."""
    flag: Callable[[Any], str | None] | None = None
    """A problem with this cell, in words: the cell is tinted and the words become its tooltip."""
    tooltip: str = ""
    center: bool = False
    bold: bool = False
    key: str | None = None
    """What the column stands for, where a page's columns come and go (a role's id): a role
    removed then takes its column away instead of resetting the table."""
    whole: bool = False
    """Cells read whole, never under an ellipsis: a few short answers ("Partly known") that a
    cut would make unreadable, where other columns can give the room."""

    def value(self, entity: Any) -> Any:
        if self.get is not None:
            return self.get(entity)
        if self.field is None:
            return None
        target = entity
        for name in self.field.split("."):
            target = getattr(target, name)
        return target

    def text(self, entity: Any) -> str:
        if self.display is not None:
            return self.display(entity)
        value = self.value(entity)
        if self.editor == "check":
            return ""
        if self.choices is not None and self.editor in ("choice", "multi"):
            labels = dict(self.choices())
            if isinstance(value, list):
                return ", ".join(labels.get(v, str(v)) for v in value)
            return labels.get(value, "" if value is None else str(value))
        if value is None:
            return "—"
        if isinstance(value, float):
            return f"{value:g}"
        label = getattr(value, "label", None)
        return label if isinstance(label, str) else str(value)

    @property
    def editable(self) -> bool:
        return self.editor != "readonly" and (self.field is not None or self.command is not None)


_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.UserRole,
    }
)
"""The roles ``EntityTableModel.data`` answers (and the font of a bold column): every other one
is None at once."""

_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_CHECKABLE = _READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
"""Each painted cell asks its flags twice and its alignment once: combined once here (an
operation on Qt's flags in Python costs about as much as the rest of the answer)."""

_BOLD = QFont()
_BOLD.setBold(True)
"""Bold and nothing else: Qt lays it over the view's font (``QFont.resolve``), as the type grows."""


class EntityTableModel(QAbstractTableModel):
    """Rows are entities returned by ``rows()``; columns are ``Column`` specs."""

    def __init__(self, document, rows: Callable[[], Sequence[Entity]], columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.document = document
        self._rows_fn = rows
        self.columns = list(columns)
        self._rows: list[Entity] = list(rows())
        document.changed.connect(self.refresh)
        document.plan_replaced.connect(self.reload)

    # Reading ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def entity(self, row: int) -> Entity | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def entity_at(self, index: Index) -> Entity | None:
        return self.entity(index.row()) if index.isValid() else None

    def row_of(self, entity_id: str) -> int:
        return next((i for i, e in enumerate(self._rows) if e.id == entity_id), -1)

    def column(self, index: Index | int) -> Column:
        return self.columns[index if isinstance(index, int) else index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].tooltip:
                return self.columns[section].tooltip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole:  # a bold column: the view's font, made bold
            return _BOLD if index.isValid() and self.columns[index.column()].bold else None
        if role not in _ANSWERED:
            return None  # a painted cell asks a dozen roles (font, colours, icon...) this model never sets
        entity = self.entity_at(index)
        if entity is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(entity)
        if role == Qt.ItemDataRole.EditRole:
            return column.value(entity)
        if role == Qt.ItemDataRole.CheckStateRole and column.editor == "check":
            return Qt.CheckState.Checked if column.value(entity) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and (column.center or column.editor in NUMERIC):
            return _CENTRED
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole) and column.flag is not None:
            problem = column.flag(entity)
            if problem:
                return (
                    QBrush(tint(QColor(214, 69, 65)))
                    if role == Qt.ItemDataRole.BackgroundRole
                    else plain_tooltip(problem)
                )
        if role == Qt.ItemDataRole.UserRole:
            return entity.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        column = self.columns[index.column()]
        if column.editable:
            if column.editor == "check":
                return _CHECKABLE
            if column.editor != "multi":
                return _EDITABLE
        return _READ_ONLY

    # Editing ------------------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        entity = self.entity_at(index)
        if entity is None:
            return False
        column = self.columns[index.column()]
        if column.editor == "check":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        command = self.command_for(entity, column, value)
        return command is not None and self.document.execute(command)

    def command_for(self, entity: Entity, column: Column, value: Any) -> Command | None:
        """The edit that puts ``value`` in this cell, or None when nothing would change."""
        if value == column.value(entity):
            return None
        if column.command is not None:
            return column.command(entity, value)
        assert column.field is not None
        text = f"Change {column.header.lower()} of '{entity.display_name}'"
        return SetFields(entity.id, {column.field: value}, text=text)

    # Following the document ---------------------------------------------------------------
    def set_columns(self, columns: Sequence[Column]) -> None:
        """New columns (a matrix whose columns are roles). Where every column has a key and the
        rows are the same, columns that went are removed and new ones inserted (the view keeps
        its focus and the widths it measured); otherwise a reset, views restore their focus."""
        columns = list(columns)
        rows = list(self._rows_fn())
        if not self._same_rows(rows) or not self._move_columns(columns):
            self.beginResetModel()
            self.columns = columns
            self._rows = rows
            self.endResetModel()

    def _same_rows(self, rows: list[Entity]) -> bool:
        return len(rows) == len(self._rows) and all(a is b for a, b in zip(rows, self._rows))

    def _move_columns(self, columns: list[Column]) -> bool:
        old = [c.key for c in self.columns]
        new = [c.key for c in columns]
        if None in old or None in new or len(set(new)) != len(new) or len(set(old)) != len(old):
            return False
        kept = [k for k in old if k in set(new)]
        if kept != [k for k in new if k in set(old)]:
            return False  # columns changed order: a reset says so more simply
        for section in reversed(range(len(old))):
            if old[section] not in set(new):
                self.beginRemoveColumns(QModelIndex(), section, section)
                del self.columns[section]
                self.endRemoveColumns()
        for section, column in enumerate(columns):
            if column.key not in set(old):
                self.beginInsertColumns(QModelIndex(), section, section)
                self.columns.insert(section, column)
                self.endInsertColumns()
        self.columns = columns  # the kept ones read their role's name afresh
        if columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(columns) - 1)
        return True

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = list(self._rows_fn())
        self.endResetModel()

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Re-read after an edit: reset when rows came or went, else repaint what changed."""
        rows = list(self._rows_fn())
        if [e.id for e in rows] != [e.id for e in self._rows] or any(a is not b for a, b in zip(rows, self._rows)):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        if not self._rows or not self.columns:
            return
        row_types = {type(e).__name__ for e in self._rows}
        if changes is not None and changes.entity_types <= row_types:
            # Only our own rows changed: repaint just those.
            for row, entity in enumerate(self._rows):
                if entity.id in changes.ids:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
            return
        # Something the cells may show changed (a role renamed): repaint all, it is cheap.
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))
