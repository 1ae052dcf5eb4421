"""Readiness rules: what a use case in use must have before its AI runs at scale.

A use case is "in use" once it is in pilot or beyond, or has a deployment on the roadmap
(``PlanIndex.governed``). For those, each missing piece of the operating model is an error, not
advice: a current map and a redesign, decision rights for every AI step, traced input data,
skills built into the roles and a process-level outcome measure. They are one family because
they all read the roadmap (which use cases deploy), so that editing a map re-runs them and a
roadmap drag re-runs them, but they do not make the other families re-run on every drag.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import BuildMethod, Component, Severity
from .context import PlanIndex, ref
from .engine import Hit, rule
from .words import listed, quoted

FAMILY = "Readiness"

ROLE_CHANGE = frozenset({BuildMethod.JOB_DESIGN, BuildMethod.HIRING, BuildMethod.PERFORMANCE})
"""Ways of building a skill that change the role itself, not only what people were taught."""


def _ai_steps_of(index: PlanIndex, use_case) -> list:
    return [s for s in use_case.redesigned.steps if s.is_ai]


def _unmapped(index: PlanIndex, variant: str, problem: str) -> Iterator[Hit]:
    """A hit for each use case in use whose ``variant`` map has no steps."""
    for uc, why in index.governed:
        if not getattr(uc, variant).steps:
            yield Hit(f"'{uc.name}' {why}, but {problem}.", (ref(uc),), use_case_id=uc.id)


@rule(
    "RDY-001",
    "A use case in use has its current process mapped",
    Severity.ERROR,
    Component.PROCESS,
    """Redesign starts from how the work flows today: without the current map nobody can show what
    the redesign changes, or that the AI was not simply added to the old way of working.""",
    FAMILY,
)
def current_mapped(index: PlanIndex) -> Iterator[Hit]:
    yield from _unmapped(index, "current", "its current process is not mapped: nothing shows how the work flows today")


@rule(
    "RDY-002",
    "A use case in use has its redesigned process mapped",
    Severity.ERROR,
    Component.PROCESS,
    """The work is redesigned around the AI before the AI goes in: where it intervenes, who checks it,
    and where its exceptions go. A use case deploying without a redesigned map is the AI bolted on.""",
    FAMILY,
)
def redesign_mapped(index: PlanIndex) -> Iterator[Hit]:
    yield from _unmapped(
        index, "redesigned", "it has no redesigned process: nothing shows how the work changes around the AI"
    )


@rule(
    "RDY-003",
    "Every AI step's decision is in the register",
    Severity.ERROR,
    Component.DECISION_RIGHTS,
    """Where the AI acts or recommends, something is decided: who may act on its output without review,
    who confirms, who signs off. A use case in use whose AI steps have no entry in the decision register
    leaves that authority informal, with whoever has the most experience overruling the system.""",
    FAMILY,
)
def ai_steps_registered(index: PlanIndex) -> Iterator[Hit]:
    for uc, why in index.governed:
        missing = [s for s in _ai_steps_of(index, uc) if not index.decisions_by_step.get(s.id)]
        if missing:
            names = listed((f"'{s.name or s.id}'" for s in missing), limit=4)
            plural = "s" if len(missing) > 1 else ""
            yield Hit(
                f"'{uc.name}' {why}, but no decision in the register is taken at its AI step{plural} {names}: "
                "nobody has said who may act on the AI's output there.",
                (ref(uc),) + tuple(ref(s) for s in missing[:10]),
                use_case_id=uc.id,
            )


@rule(
    "RDY-004",
    "Every AI step's input data is mapped to a source",
    Severity.ERROR,
    Component.DATA,
    """The data strategy of a process is settled before its AI runs at scale. An AI step in a use case
    in use that no data source feeds has input nobody has traced: where it comes from, how it is
    checked and who keeps it clean are all unanswered.""",
    FAMILY,
)
def inputs_mapped(index: PlanIndex) -> Iterator[Hit]:
    fed = index.steps_with_data
    for uc, why in index.governed:
        unfed = [s for s in uc.redesigned.steps if s.is_ai and s.id not in fed]
        if unfed:
            names = quoted((s.name or s.id for s in unfed), limit=4)
            yield Hit(
                f"'{uc.name}' {why}, but no data source is mapped to its AI step{'s' if len(unfed) > 1 else ''} "
                f"{names}: nothing says what the AI reads there.",
                (ref(uc),) + tuple(ref(s) for s in unfed[:10]),
                use_case_id=uc.id,
            )


@rule(
    "RDY-005",
    "New skills are built into the roles, not only taught",
    Severity.ERROR,
    Component.CAPABILITY,
    """Checking the AI's output, judging its exceptions and watching for drift change what people are
    responsible for. Taught in a course but left out of job design, hiring and performance reviews,
    they stay optional: the tool is used as a better version of the old way, and the gains stay small.""",
    FAMILY,
)
def built_into_roles(index: PlanIndex) -> Iterator[Hit]:
    for uc, why in index.governed:
        caps = [c for c in index.plan.capabilities if c.use_case in (uc.id, None)]
        if caps and not any(ROLE_CHANGE & set(c.built_through) for c in caps):
            yield Hit(
                f"'{uc.name}' {why}, but its capability changes ({quoted((c.display_name for c in caps), limit=3)}) "
                "are built through training alone: no job design, hiring or performance management.",
                tuple(ref(c) for c in caps[:10]),
                use_case_id=uc.id,
            )


@rule(
    "RDY-006",
    "A use case in use is measured at the process level",
    Severity.ERROR,
    Component.PROCESS,
    """A pilot figure says what the technology does on one task in a controlled setting. What the
    business gets is what the whole process delivers at scale, with its exceptions, handoffs, checks
    and governance. A use case in use needs an outcome measure at that level, with a target: without
    one, the plan reports on the AI instead of capturing its value.""",
    FAMILY,
)
def outcome_measured(index: PlanIndex) -> Iterator[Hit]:
    for uc, why in index.governed:
        if uc.outcome.is_set:
            continue
        missing = "names no process-level outcome measure" if not uc.outcome.name.strip() else "sets no target for it"
        pilot = f" (only the pilot's '{uc.pilot_kpi.metric}')" if uc.pilot_kpi.metric.strip() else ""
        yield Hit(f"'{uc.name}' {why}, but {missing}{pilot}.", (ref(uc),), use_case_id=uc.id)
