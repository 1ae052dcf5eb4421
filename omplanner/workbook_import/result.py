"""What importing a workbook would do: changes, conflicts, rows to add, rows gone, row errors.

Nothing here touches the plan: ``command`` builds the one undoable edit (a ``Macro`` of core
commands) that applies the changes and the additions, and the deletions the user ticked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..commands import AddEntity, Command, Macro, SetFields, remove_cascade
from ..model import Entity, Plan
from ..model.index import indexed


@dataclass(frozen=True)
class CellChange:
    sheet: str
    row: int
    entity_id: str
    entity: str
    """The entity's kind and name, as the preview lists it: roadmap item 'Select the tool'."""
    column: str
    path: str
    old: Any
    """The cell's value as the plan has it now (as the workbook shows it)."""
    new: Any
    """The workbook's value, as the workbook shows it."""
    value: Any = None
    """The value the plan's field takes."""


@dataclass(frozen=True)
class Conflict:
    sheet: str
    row: int
    entity_id: str
    entity: str
    column: str
    plan_value: Any
    workbook_value: Any


@dataclass(frozen=True)
class Addition:
    sheet: str
    row: int
    plan_field: str
    entity: Entity
    label: str


@dataclass(frozen=True)
class Missing:
    sheet: str
    entity_id: str
    entity: str


@dataclass(frozen=True)
class RowError:
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet}, row {self.row}" if self.row else self.sheet
        if self.column:
            where += f", {self.column}"
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    workbook: str
    changes: list[CellChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    additions: list[Addition] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    kept: int = 0
    """Cells the plan changed since the export and the workbook did not: the plan's value stays."""
    notes: list[str] = field(default_factory=list)
    """Things the user should know that change nothing (a column renamed, the plan edited since)."""

    @property
    def can_apply(self) -> bool:
        return not self.errors

    @property
    def empty(self) -> bool:
        return not (self.changes or self.additions)

    def command(self, plan: Plan, delete: Iterable[str] = ()) -> Command | None:
        """One edit for everything this import changes, or None when it changes nothing.
        ``delete``: ids of missing rows the user ticked for deletion."""
        if self.errors:
            raise ValueError("a workbook with row errors is not applied")
        commands: list[Command] = []
        grouped: dict[str, dict[str, Any]] = {}
        for change in self.changes:
            grouped.setdefault(change.entity_id, {})[change.path] = change.value
        for entity_id, values in grouped.items():
            commands.append(SetFields(entity_id, values))
        for addition in self.additions:
            commands.append(AddEntity(None, addition.plan_field, addition.entity))
        missing = {m.entity_id for m in self.missing}
        with indexed(plan):  # one index for every deletion's cascade when the plan has none
            for entity_id in delete:
                if entity_id in missing:
                    commands.append(remove_cascade(plan, entity_id))
        if not commands:
            return None
        parts = []
        if self.changes:
            parts.append(f"{len(self.changes)} change{'s' if len(self.changes) != 1 else ''}")
        if self.additions:
            parts.append(f"{len(self.additions)} new row{'s' if len(self.additions) != 1 else ''}")
        deleted = len([d for d in delete if d in missing])
        if deleted:
            parts.append(f"{deleted} deletion{'s' if deleted != 1 else ''}")
        return Macro(f"Import {', '.join(parts)} from {self.workbook}", commands)
