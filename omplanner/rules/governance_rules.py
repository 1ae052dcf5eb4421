"""Governance rules: a use case in pilot or on its way to deployment has a named owner,
thresholds, an escalation path and a statement of what the AI may decide on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..commands import SetFields
from ..model import Component, RoleKind, Severity, UseCase
from .context import PlanIndex, ref
from .engine import Hit, rule
from .findings import ElementRef, Fix
from .words import figure

FAMILY = "Governance"


def _governed(index: PlanIndex) -> Iterator[tuple[UseCase, str]]:
    """Use cases that need governance now, with why (``PlanIndex.governed``)."""
    return iter(index.governed)


def _hit(uc: UseCase, why: str, missing: str, fix: Fix | None = None) -> Hit:
    return Hit(
        f"'{uc.name}' {why}, but its governance {missing}.",
        (ref(uc), ElementRef(uc.governance.id, "governance", f"Governance of '{uc.name}'")),
        use_case_id=uc.id,
        fix=fix,
    )


def _escalation_fix(index: PlanIndex, uc: UseCase) -> Fix | None:
    """Start the path with the governance owner and whoever is accountable for the use case's decisions."""
    path = [uc.governance.owner_role] if uc.governance.owner_role else []
    for decision in index.decisions_by_use_case.get(uc.id, ()):
        path.extend(decision.accountable)
    path = [r for r in dict.fromkeys(path) if index.is_human(r)][:3]
    if not path:
        return None
    names = " then ".join(index.role_name(r) for r in path)
    text = f"Escalate to {names}"
    return Fix(text, SetFields(uc.governance.id, {"escalation_path": path}, text=text))


@rule(
    "GOV-001",
    "A named senior owner",
    Severity.ERROR,
    Component.GOVERNANCE,
    """Each use case in use has one named senior person (not a committee) who answers for its
    results and can pause it.""",
    FAMILY,
)
def owner_named(index: PlanIndex) -> Iterator[Hit]:
    for uc, why in _governed(index):
        if not uc.governance.owner_name.strip():
            yield _hit(uc, why, "names no owner")


@rule(
    "GOV-002",
    "Performance thresholds",
    Severity.ERROR,
    Component.GOVERNANCE,
    """Thresholds (a metric, its acceptable range, how often it is reviewed) are what reveal drift
    before customers or auditors do.""",
    FAMILY,
)
def thresholds_set(index: PlanIndex) -> Iterator[Hit]:
    for uc, why in _governed(index):
        if not uc.governance.thresholds:
            yield _hit(uc, why, "sets no thresholds to watch it by")


@rule(
    "GOV-003",
    "An escalation path",
    Severity.WARNING,
    Component.GOVERNANCE,
    """When a threshold is breached or someone challenges the AI, the plan says who hears it first
    and who decides next.""",
    FAMILY,
)
def escalation_path(index: PlanIndex) -> Iterator[Hit]:
    for uc, why in _governed(index):
        if not uc.governance.escalation_path:
            yield _hit(uc, why, "has no escalation path", _escalation_fix(index, uc))


@rule(
    "GOV-004",
    "An autonomy statement",
    Severity.WARNING,
    Component.GOVERNANCE,
    """A plain statement of what the AI may and may not decide on its own is what people check an
    odd result against.""",
    FAMILY,
)
def autonomy_statement(index: PlanIndex) -> Iterator[Hit]:
    for uc, why in _governed(index):
        if not uc.governance.autonomy_statement.strip():
            yield _hit(uc, why, "does not say what the AI may decide on its own")


@rule(
    "GOV-005",
    "The owner is a senior person, not a committee",
    Severity.ERROR,
    Component.GOVERNANCE,
    """In a business of this size, governance sits with one named senior leader who can answer whether
    the AI still works within the limits set for it, and whether those limits still fit. A committee,
    a system or someone without the seniority to pause the use case cannot.""",
    FAMILY,
)
def owner_is_senior(index: PlanIndex) -> Iterator[Hit]:
    for uc, why in _governed(index):
        gov = uc.governance
        role = index.roles.get(gov.owner_role) if gov.owner_role else None
        if role is None:
            if gov.owner_name.strip():  # no name at all is GOV-001's finding
                yield _hit(uc, why, f"names {gov.owner_name.strip()} without a role, so nothing shows they are senior")
        elif role.kind is not RoleKind.HUMAN:
            yield _hit(uc, why, f"is owned by {role.name}, {_kind(role)}, not one senior person")
        elif not role.senior:
            yield _hit(uc, why, f"is owned by {role.name}, a role not marked senior")


def _kind(role) -> str:
    label = role.kind.label
    return f"an {label}" if label[:1] in "AEIOU" else f"a {label.lower()}"


@rule(
    "GOV-006",
    "Each threshold has an acceptable range",
    Severity.WARNING,
    Component.GOVERNANCE,
    """A threshold detects drift only against a range: the lowest or highest value still acceptable.
    A metric with no bound is watched without anyone knowing when to act.""",
    FAMILY,
)
def threshold_range(index: PlanIndex) -> Iterator[Hit]:
    for uc in index.plan.use_cases:
        for t in uc.governance.thresholds:
            if t.lower is None and t.upper is None:
                problem = "has no acceptable range: neither a lowest nor a highest value"
            elif t.lower is not None and t.upper is not None and t.lower > t.upper:
                problem = f"has a lowest value ({figure(t.lower)}) above its highest ({figure(t.upper)})"
            else:
                continue
            yield Hit(
                f"Threshold '{t.metric}' of '{uc.name}' {problem}.",
                (ref(uc), ref(t)),
                use_case_id=uc.id,
            )
