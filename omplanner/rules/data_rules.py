"""Data rules: every source an AI step reads has an owner, a validation and a known latency.

Each of the four data questions is answered with how well it is known and a note. Only a
"known" answer that says something counts: "partly known" is the structured form of "it
depends" or "usually fine", the sign that nobody has looked closely yet.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import AiIntervention, Component, DataAnswer, DataSource, Knowledge, Severity
from .context import PlanIndex, ref
from .engine import Hit, rule
from .words import quoted

FAMILY = "Data"


def _ai_sources(index: PlanIndex) -> Iterator[tuple[DataSource, list]]:
    """Each data source with the AI steps that read it (sources no AI step reads are left alone)."""
    for source in index.plan.data_sources:
        steps = []
        for step_id in source.used_by:
            step = index.step(step_id)
            if step is not None and step.ai is not AiIntervention.NONE:
                steps.append(step)
        if steps:
            yield source, steps


def unsettled(answer: DataAnswer) -> bool:
    """Not yet an answer: unknown, partly known, or "known" with nothing written down."""
    return not answer.settled


def _stated(answer: DataAnswer, question: str) -> str:
    """How the room answered ``question`` ('how it is validated'), in a clause of a sentence."""
    note = " ".join(answer.note.split())
    said = f' (the note says "{note}")' if note else ""
    if answer.status is Knowledge.KNOWN:
        return f"{question} is marked known but nothing is written down"
    if answer.status is Knowledge.PARTLY:
        return f"{question} is only partly known{said}"
    return f"nobody knows {question}{said}"


def _unsettled_hits(index: PlanIndex, field: str, question: str) -> Iterator[Hit]:
    """A hit for each source an AI step reads whose answer in ``field`` is not settled."""
    for source, steps in _ai_sources(index):
        answer = getattr(source, field)
        if unsettled(answer):
            yield _hit(index, source, steps, _stated(answer, question), field)


def _hit(index: PlanIndex, source: DataSource, steps: list, problem: str, field: str) -> Hit:
    """A hit about ``source``'s ``field`` (the Data page marks that cell)."""
    first = index.step_map[steps[0].id]
    names = quoted((s.name for s in steps), limit=3)
    return Hit(
        f"Data source '{source.name}'{f' ({source.system})' if source.system else ''} feeds the AI at "
        f"{names} in '{first.use_case.name}', but {problem}.",
        (ref(source),) + tuple(ref(s) for s in steps),
        use_case_id=first.use_case.id,
        field=field,
    )


@rule(
    "DAT-001",
    "Data an AI step reads has an owner",
    Severity.ERROR,
    Component.DATA,
    """When the AI's input degrades, someone must notice and fix it at the source. A data source
    without an owner has nobody whose job that is.""",
    FAMILY,
)
def source_owner(index: PlanIndex) -> Iterator[Hit]:
    for source, steps in _ai_sources(index):
        if not source.owner_role or source.owner_role not in index.roles:
            yield _hit(index, source, steps, "nobody owns its quality", "owner_role")
        elif source.ownership.status is Knowledge.UNKNOWN:
            owner = index.role_name(source.owner_role)
            yield _hit(
                index, source, steps, f"nobody knows how {owner}, its named owner, looks after its quality", "ownership"
            )


@rule(
    "DAT-002",
    "Data an AI step reads is validated",
    Severity.WARNING,
    Component.DATA,
    """The AI is only as good as what it reads. Each source needs a stated check that catches bad
    input before it reaches the AI; an answer that is only partly known, or blank, is not one.""",
    FAMILY,
)
def source_validation(index: PlanIndex) -> Iterator[Hit]:
    yield from _unsettled_hits(index, "validation", "how it is validated")


@rule(
    "DAT-003",
    "Data an AI step reads arrives in a known time",
    Severity.WARNING,
    Component.DATA,
    """If nobody knows how late a source can be, the AI will decide on stale data without anyone
    noticing. Each source needs a stated latency.""",
    FAMILY,
)
def source_latency(index: PlanIndex) -> Iterator[Hit]:
    yield from _unsettled_hits(index, "latency", "how fast it arrives")


@rule(
    "DAT-004",
    "Where the data an AI step reads comes from is known",
    Severity.WARNING,
    Component.DATA,
    """Production data is later and messier than the curated set a pilot ran on. Knowing which system
    or party produces each source is the first step to knowing what will reach the AI at scale.""",
    FAMILY,
)
def source_origin(index: PlanIndex) -> Iterator[Hit]:
    yield from _unsettled_hits(index, "origin", "where it comes from")


@rule(
    "DAT-005",
    "A person or team owns the data's quality",
    Severity.ERROR,
    Component.DATA,
    """Keeping a source clean is a standing job for people who can be asked about it: a role or a team.
    A system, an AI agent or a committee named as owner means the job is nobody's.""",
    FAMILY,
)
def owner_can_answer(index: PlanIndex) -> Iterator[Hit]:
    for source, steps in _ai_sources(index):
        role = index.roles.get(source.owner_role) if source.owner_role else None
        if role is not None and not role.can_answer:
            what = role.kind.label
            what = f"an {what}" if what[:1] in "AEIOU" else f"a {what.lower()}"
            yield _hit(index, source, steps, f"its quality owner, {role.name}, is {what}", "owner_role")
