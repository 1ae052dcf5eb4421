"""Decision-rights rules: one accountable role per decision, and AI-taken decisions that are
watched, recorded and can be overruled.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..commands import AddEntity, SetFields
from ..model import AiIntervention, Autonomy, Cadence, Component, Decision, RoleKind, Severity, Threshold, new_id
from ..model.base import short_name
from .context import PlanIndex, ref
from .engine import Hit, rule
from .findings import Fix
from .words import FIX_NAME_LIMIT, listed

FAMILY = "Decision rights"


def _where(index: PlanIndex, decision: Decision) -> str:
    uc = index.use_case_name(decision.use_case)
    step = index.step(decision.step)
    return f"at '{step.name}' in '{uc}'" if step else f"in '{uc}'"


def _hit(index: PlanIndex, decision: Decision, message: str, fix: Fix | None = None) -> Hit:
    elements = (ref(decision),)
    step = index.step(decision.step)
    if step is not None:
        elements += (ref(step),)
    return Hit(message, elements, use_case_id=decision.use_case, fix=fix)


def _set(decision: Decision, changes: dict, text: str) -> Fix:
    return Fix(text, SetFields(decision.id, changes, text=text))


def at_ai_step(index: PlanIndex, decision: Decision) -> bool:
    step = index.step(decision.step)
    if step is None:
        return False
    role = index.roles.get(step.lane)
    return step.ai in (AiIntervention.AUTOMATE, AiIntervention.ROUTE_EXCEPTIONS) or (
        role is not None and role.kind is RoleKind.AI_AGENT
    )


@rule(
    "DEC-001",
    "Exactly one accountable role",
    Severity.ERROR,
    Component.DECISION_RIGHTS,
    """A decision with no accountable role belongs to nobody; one with several belongs to nobody in
    practice. Exactly one role answers for it.""",
    FAMILY,
)
def one_accountable(index: PlanIndex) -> Iterator[Hit]:
    for d in index.plan.decisions:
        count = len(d.accountable)
        if count == 1:
            continue
        if count == 0:
            yield _hit(index, d, f"Decision '{d.name}' {_where(index, d)} has no accountable role.")
            continue
        names = listed(index.role_name(r) for r in d.accountable)
        keep = d.accountable[0]
        yield _hit(
            index,
            d,
            f"Decision '{d.name}' {_where(index, d)} has {count} accountable roles ({names}); one must answer for it.",
            _set(d, {"accountable": [keep]}, f"Make {index.role_name(keep)} the only accountable role"),
        )


@rule(
    "DEC-002",
    "AI-taken decisions are watched by a threshold",
    Severity.WARNING,
    Component.GOVERNANCE,
    """A decision the AI takes alone needs a governance threshold that watches its quality;
    otherwise drift shows up only as complaints.""",
    FAMILY,
)
def watched(index: PlanIndex) -> Iterator[Hit]:
    covered = {dec for uc in index.plan.use_cases for t in uc.governance.thresholds for dec in t.covers}
    for d in index.plan.decisions:
        if d.autonomy is Autonomy.AI_ALONE and d.id not in covered:
            yield _hit(
                index,
                d,
                f"The AI takes decision '{d.name}' {_where(index, d)} alone, but no governance threshold watches it.",
                _threshold_fix(index, d),
            )


def _threshold_fix(index: PlanIndex, decision: Decision) -> Fix | None:
    """A starting threshold the team then tunes: how often a sampled decision is overturned."""
    uc = index.use_cases.get(decision.use_case)
    if uc is None:
        return None
    threshold = Threshold(
        id=new_id("thr"),
        metric=f"'{short_name(decision.name, FIX_NAME_LIMIT)}' overturned on review",
        unit="%",
        upper=2,
        cadence=Cadence.WEEKLY,
        covers=[decision.id],
    )
    text = f"Add a threshold for '{uc.name}' that watches '{decision.name}' (overturned on review, at most 2 %)"
    return Fix(text, AddEntity(uc.governance.id, "thresholds", threshold, text=text, copy=False))


@rule(
    "DEC-003",
    "AI-taken decisions leave an audit trail",
    Severity.ERROR,
    Component.DECISION_RIGHTS,
    """When the AI decides alone, the record of what it decided and why is the only way to explain
    or reverse a decision afterwards.""",
    FAMILY,
)
def audit_trail(index: PlanIndex) -> Iterator[Hit]:
    for d in index.plan.decisions:
        if d.autonomy is Autonomy.AI_ALONE and not d.audit_trail:
            yield _hit(
                index,
                d,
                f"The AI takes decision '{d.name}' {_where(index, d)} alone, with no audit trail of why.",
                _set(d, {"audit_trail": True}, f"Require an audit trail for '{d.name}'"),
            )


@rule(
    "DEC-004",
    "Never-AI decisions stay with people",
    Severity.ERROR,
    Component.DECISION_RIGHTS,
    """A decision the team reserved for people must not sit at a step the AI performs: the design
    would hand it to the AI anyway.""",
    FAMILY,
)
def never_ai(index: PlanIndex) -> Iterator[Hit]:
    for d in index.plan.decisions:
        if d.autonomy is Autonomy.NEVER_AI and at_ai_step(index, d):
            step = index.step(d.step)
            yield _hit(
                index,
                d,
                f"Decision '{d.name}' is marked never-AI, but it is taken at '{step.name}', a step the AI "
                f"performs ({index.role_name(step.lane)}).",
            )


@rule(
    "DEC-005",
    "Someone can overrule the AI",
    Severity.WARNING,
    Component.DECISION_RIGHTS,
    """Where the AI decides or recommends, a named role must be able to overrule it, and own the
    result when they do.""",
    FAMILY,
)
def override_authority(index: PlanIndex) -> Iterator[Hit]:
    for d in index.plan.decisions:
        if d.override_authority or d.autonomy in (Autonomy.NEVER_AI, Autonomy.SENIOR_SIGNOFF):
            continue
        step = index.step(d.step)
        if d.autonomy is not Autonomy.AI_ALONE and (step is None or not step.is_ai):
            continue
        fix = None
        if d.accountable:
            owner = d.accountable[0]
            fix = _set(d, {"override_authority": owner}, f"Give {index.role_name(owner)} authority to overrule")
        how = "takes" if d.autonomy is Autonomy.AI_ALONE else "recommends"
        message = f"The AI {how} decision '{d.name}' {_where(index, d)}, but nobody has authority to overrule it."
        yield _hit(index, d, message, fix)


@rule(
    "DEC-006",
    "A decision sits in its own use case's redesigned process",
    Severity.WARNING,
    Component.DECISION_RIGHTS,
    """A decision links to the step where it is taken, and that step belongs to the redesigned process
    of the same use case; a link to the current process or another use case means the register and the
    map no longer describe the same work.""",
    FAMILY,
)
def decision_step_matches(index: PlanIndex) -> Iterator[Hit]:
    for d in index.plan.decisions:
        m = index.step_map.get(d.step) if d.step else None
        if m is None:
            continue
        if m.use_case.id != d.use_case:
            where = f"the '{m.use_case.name}' use case"
        elif m.variant != "redesigned":
            where = "the current process, which the redesign replaces"
        else:
            continue
        step = m.steps[d.step]
        yield _hit(
            index,
            d,
            f"Decision '{d.name}' belongs to '{index.use_case_name(d.use_case)}', but its step '{step.name}' is in "
            f"{where}.",
        )


@rule(
    "DEC-007",
    "A person answers for each decision and can overrule",
    Severity.ERROR,
    Component.DECISION_RIGHTS,
    """Accountability and the authority to overrule sit with people who can be asked afterwards why:
    a named role or a team. An AI agent or a system cannot answer for an outcome, and a committee
    spreads the answer until nobody gives it.""",
    FAMILY,
)
def people_answer(index: PlanIndex) -> Iterator[Hit]:
    for d in index.plan.decisions:
        wrong = []
        for role_id in d.accountable:
            role = index.roles.get(role_id)
            if role is not None and not role.can_answer:
                wrong.append(f"accountable role {role.name} is {_kind(role)}")
        role = index.roles.get(d.override_authority) if d.override_authority else None
        if role is not None and not role.can_answer:
            wrong.append(f"the authority to overrule sits with {role.name}, {_kind(role)}")
        if wrong:
            yield _hit(index, d, f"Decision '{d.name}' {_where(index, d)}: {listed(wrong)}.")


def _kind(role) -> str:
    label = role.kind.label
    return f"an {label}" if label[:1] in "AEIOU" else f"a {label.lower()}"
