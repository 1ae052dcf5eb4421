"""The steps of one map as a table, for keyboard users: a thin adapter over the plan.

Reads through the plan's queries; an edit in a cell is a command through the document.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, Qt

from omplanner.commands import SetFields
from omplanner.model import AiIntervention

COLUMNS = ("Step", "Kind", "Lane", "Minutes", "AI", "Exceptions go to")


class StepsTableModel(QAbstractTableModel):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.map_id: str | None = None
        self._ids: list[str] = []
        document.changed.connect(lambda _c: self.reload())
        document.plan_replaced.connect(lambda: self.set_map(None))

    def set_map(self, map_id: str | None) -> None:
        self.map_id = map_id
        self.reload()

    def _map(self):
        return self.document.places.entity(self.map_id)

    def reload(self) -> None:
        pmap = self._map()
        ids = [s.id for s in pmap.steps] if pmap is not None else []
        if ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
        elif ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(COLUMNS) - 1))

    def step_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, step_id: str) -> int:
        return self._ids.index(step_id) if step_id in self._ids else -1

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._ids)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        pmap = self._map()
        if pmap is None or not index.isValid():
            return None
        step = pmap.step(self._ids[index.row()])
        if step is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        plan = self.document.plan
        column = index.column()
        if column == 0:
            return step.name
        if column == 1:
            return step.kind.label
        if column == 2:
            role_ = plan.role(step.lane)
            return role_.name if role_ else step.lane
        if column == 3:
            return step.minutes if role == Qt.ItemDataRole.EditRole else f"{step.minutes:g}"
        if column == 4:
            if step.ai == AiIntervention.NONE:
                return ""
            return step.ai.label + (
                f" (from {step.confidence_threshold:.0f}%)" if step.confidence_threshold is not None else ""
            )
        if column == 5:
            target = pmap.step(step.exception_route) if step.exception_route else None
            return target.name if target else ("not designed" if step.is_ai else "")
        return None

    def flags(self, index):
        flags = super().flags(index)
        if index.column() in (0, 3):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in (0, 3):
            return False
        step_id = self._ids[index.row()]
        if index.column() == 0:
            text = str(value).strip()
            return bool(text) and self.document.execute(SetFields(step_id, {"name": text}))
        try:
            minutes = float(value)
        except (TypeError, ValueError):
            return False
        if not math.isfinite(minutes):
            return False
        return self.document.execute(SetFields(step_id, {"minutes": minutes}))
