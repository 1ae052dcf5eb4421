"""Governance rules: a use case in pilot or on its way to deployment has a named owner,
thresholds, an escalation path and a statement of what the AI may decide on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..commands import SetFields
from ..figures import go_live_week
from ..model import Component, ItemKind, Severity, UseCase, UseCaseStatus
from .context import PlanIndex, ref
from .engine import Hit, rule
from .findings import ElementRef, Fix

FAMILY = "Governance"


def _governed(index: PlanIndex) -> Iterator[tuple[UseCase, str]]:
    """Use cases that need governance now, with why: in pilot or beyond, or deploying on the roadmap."""
    for uc in index.plan.use_cases:
        if uc.status is not UseCaseStatus.CANDIDATE:
            yield uc, f"is in {uc.status.label.lower()}"
            continue
        deploys = [i for i in index.items_by_use_case.get(uc.id, ()) if i.kind is ItemKind.DEPLOYMENT]
        if deploys:
            yield uc, f"goes live in week {min(go_live_week(i) for i in deploys)}"


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
