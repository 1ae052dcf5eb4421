"""The open plan: one plan, one undo stack, one change signal.

Widgets never write to the plan. They call ``Document.execute`` with a core command; the
document applies it, pushes it on the undo stack and emits ``changed`` with the record of
what changed, so that every view refreshes only what it names.

The core is imported only when a plan is first needed: the app paints its window before the
plan model (pydantic) is built, so that start-up feels as quick as a bare Qt window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from .findings_cache import FindingsCache

if TYPE_CHECKING:
    from omplanner.commands import ChangeSet, Command
    from omplanner.model import Plan
    from omplanner.model.index import PlaceIndex


class _StackEntry(QUndoCommand):
    """Wraps one core command. The first redo is skipped: ``execute`` applied it already,
    so that an invalid edit is refused before it reaches the stack."""

    def __init__(self, document: Document, command: Command):
        super().__init__(command.text)
        self.document = document
        self.command = command
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.document._emit(self.command.apply(self.document.plan))

    def undo(self) -> None:
        self.document._emit(self.command.revert(self.document.plan))

    def id(self) -> int:
        key = getattr(self.command, "merge_key", None)
        return (hash(key) & 0x7FFFFFFF) if key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, _StackEntry) and self.command.merge_with(other.command):
            return True
        return False


class Document(QObject):
    changed = Signal(object)
    """A ChangeSet: an edit, an undo or a redo touched these entities."""
    plan_replaced = Signal()
    """A different plan is now open (new, open, recover): views rebuild from scratch."""
    path_changed = Signal(object)
    saved = Signal(object)
    """The plan was written to this Path (a save, not an autosave)."""
    edit_refused = Signal(str)
    """An edit could not be made; the message says why, in plain words."""

    def __init__(self, plan: Plan | None = None, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._plan = plan
        """None until a plan is opened or first asked for (then a blank one): see ``has_plan``."""
        self._path = path
        self.file_identity = None
        """The file at ``path`` as last read or written here (``omplanner.fileio.FileIdentity``):
        Save checks that nobody changed it since. Set by ``ui.files``; a new plan clears it."""
        self.undo_stack = QUndoStack(self)
        self.findings = FindingsCache(lambda: self.plan)
        """The rule check of the plan as it is now, shared by every view (one check per edit)."""

    @property
    def plan(self) -> Plan:
        if self._plan is None:
            from omplanner.model import Plan

            self._plan = Plan()
        return self._plan

    @property
    def places(self) -> PlaceIndex:
        """Where each entity of the plan sits, by id, kept current by every edit and undo."""
        from omplanner.model.index import attach

        return attach(self.plan)

    @property
    def has_plan(self) -> bool:
        """False only in the moment between the first paint and the first plan opened at start."""
        return self._plan is not None

    @property
    def path(self) -> Path | None:
        return self._path

    def set_path(self, path: Path | None) -> None:
        self._path = path
        self.path_changed.emit(path)

    def replace_plan(self, plan: Plan, path: Path | None, dirty: bool = False) -> None:
        """Open another plan. ``dirty`` marks it unsaved (a recovered autosave is not on disk yet)."""
        self._plan = plan
        self.file_identity = None
        self.undo_stack.clear()
        if dirty:
            self.undo_stack.resetClean()
        else:
            self.undo_stack.setClean()
        self.set_path(path)
        self.findings.reset()
        self.plan_replaced.emit()

    def mark_saved(self, path: Path) -> None:
        """The plan is now on disk at ``path``: it becomes the document's file and the clean state."""
        if path != self._path:
            self.set_path(path)
        self.undo_stack.setClean()
        self.saved.emit(path)

    def execute(self, command: Command) -> bool:
        """Apply an edit and put it on the undo stack. False (and ``edit_refused``) if refused."""
        from omplanner.commands import CommandError

        try:
            changes = command.apply(self.plan)
        except CommandError as exc:
            self.edit_refused.emit(str(exc))
            return False
        self.undo_stack.push(_StackEntry(self, command))
        self._emit(changes)
        return True

    def _emit(self, changes: ChangeSet) -> None:
        self.findings.note_changes(changes)
        self.changed.emit(changes)

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()
