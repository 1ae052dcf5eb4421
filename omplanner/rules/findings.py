"""What a rule says about a plan: a finding, the elements it concerns, and a fix where one exists."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..commands import Command
from ..model import Component, Severity


@dataclass(frozen=True)
class ElementRef:
    """A plan element a finding is about: its id, what kind it is, and its name for display."""

    id: str
    kind: str
    name: str


@dataclass(frozen=True)
class Fix:
    """A proposed repair: a sentence for the user and the command that makes it (one undo step)."""

    description: str
    command: Command = field(compare=False)


@dataclass(frozen=True)
class Relation:
    """An order between two pieces of work a finding says is broken: ``item`` must come after
    ``follows`` ends (after it starts, with ``starts``). The roadmap draws it from this alone."""

    item: str
    follows: str
    starts: bool = False


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    title: str
    message: str
    elements: tuple[ElementRef, ...] = ()
    component: Component | None = None
    use_case_id: str | None = None
    fix: Fix | None = None
    relations: tuple[Relation, ...] = ()
    """The orders between roadmap items this finding is about, for the roadmap to draw."""
    field: str | None = None
    """The field of its first element the finding is about ("validation", "owner_role"), so that a
    table marks that cell without knowing which rule looks at which field."""

    @property
    def element_ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.elements)
