"""What every edit is: a command with apply and revert, each returning what changed."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Literal

from ..model import Plan
from ..model.index import index_of, indexed

ChangeKind = Literal["added", "removed", "modified", "moved"]


@dataclass(frozen=True)
class Change:
    """One entity that an edit touched. ``parent`` is the id of its owner (None: the plan)."""

    kind: ChangeKind
    entity_type: str
    id: str
    parent: str | None = None
    fields: tuple[str, ...] = ()


class ChangeSet(tuple):
    """The record of an apply or revert, for views to refresh only what it names."""

    def __new__(cls, changes: Iterable[Change] = ()):
        return super().__new__(cls, tuple(changes))

    def __add__(self, other: Iterable[Change]) -> ChangeSet:
        return ChangeSet(tuple(self) + tuple(other))

    @property
    def ids(self) -> set[str]:
        return {c.id for c in self}

    @property
    def entity_types(self) -> set[str]:
        return {c.entity_type for c in self}

    def touches(self, *entity_types: str) -> bool:
        return any(c.entity_type in entity_types for c in self)

    @property
    def structural(self) -> bool:
        """True when entities were added, removed or reordered, not only edited."""
        return any(c.kind != "modified" for c in self)


class Command(ABC):
    """An edit of the plan. ``apply`` then ``revert`` leaves the plan as it was.

    ``apply`` makes the edit (``perform``) and then checks that the entities it touched still
    keep the file's rules (``verify``): an edit that would leave a plan no file of it can open
    again is reverted and refused with a ``CommandError`` that says why in plain words.
    """

    text: str = ""

    def apply(self, plan: Plan) -> ChangeSet:
        from .verify import first_fault  # verify reads the model's rules; base stays a leaf

        changes = self.perform(plan)
        fault = first_fault(plan, changes)
        if fault is not None:
            self.revert(plan)
            index = index_of(plan)
            if index is not None:
                index.invalidate()  # an id that was briefly there twice confuses what it followed
            raise CommandError(fault)
        return changes

    @abstractmethod
    def perform(self, plan: Plan) -> ChangeSet:
        """Make the edit without the check: a macro checks once, after all of its parts."""

    @abstractmethod
    def revert(self, plan: Plan) -> ChangeSet: ...

    def merge_with(self, other: Command) -> bool:
        """Absorb ``other`` (applied just after this one) into this command, if they merge."""
        return False


class CommandError(Exception):
    """An edit that cannot be made on this plan (the id is gone, the value is invalid)."""


class Macro(Command):
    """Several commands as one edit: applied in order, reverted in reverse. Its parts may pass
    through a state the file would refuse (a flow removed before its step): the check is of the
    whole."""

    def __init__(self, text: str, commands: Iterable[Command]):
        self.text = text
        self.commands = list(commands)

    def perform(self, plan: Plan) -> ChangeSet:
        changes: list[Change] = []
        done: list[Command] = []
        with self._lookups(plan):
            try:
                for command in self.commands:
                    changes.extend(command.perform(plan))
                    done.append(command)
            except Exception:
                for command in reversed(done):
                    command.revert(plan)
                raise
        return ChangeSet(changes)

    def revert(self, plan: Plan) -> ChangeSet:
        changes: list[Change] = []
        with self._lookups(plan):
            for command in reversed(self.commands):
                changes.extend(command.revert(plan))
        return ChangeSet(changes)

    def _lookups(self, plan: Plan):
        """Each part looks its entity up by id: many parts on a plan without an index (the
        command line, a scratch copy) share one index for the macro instead of a walk each."""
        return indexed(plan) if len(self.commands) > _PARTS_WALKED else nullcontext()


_PARTS_WALKED = 8
"""Up to this many parts, a macro on a plan without an index lets each part walk the plan."""
