"""The rule registry: each rule is a small named function with a stable code.

A rule module declares its rules with ``@rule(...)``; each check receives the per-call
``PlanIndex`` and yields ``Hit``s. The engine turns hits into ``Finding``s with the rule's
code, title and severity (or the severity the plan's rule settings give it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import Component, RuleSetting, RuleSeverity, Severity
from ..vocabulary import severity_rank
from .findings import ElementRef, Finding, Fix, Relation

_UNSET = object()


@dataclass(frozen=True)
class Hit:
    """What a check found: the engine adds the rule's code, title and severity."""

    message: str
    elements: tuple[ElementRef, ...] = ()
    use_case_id: str | None = None
    fix: Fix | None = None
    component: object = field(default=_UNSET)
    relations: tuple[Relation, ...] = ()
    """Leave unset to use the rule's component; set (even to None) to override it."""
    field: str | None = None
    """The field of the first element the hit is about (``Finding.field``)."""


@dataclass(frozen=True)
class RuleInfo:
    """A rule as the catalogue shows it."""

    code: str
    title: str
    default_severity: Severity
    component: Component | None
    explanation: str
    family: str = ""
    """The family the rule belongs to, for grouping in a list: Sequencing, Process, ..."""


@dataclass(frozen=True)
class Rule:
    info: RuleInfo
    check: Callable[..., Iterable[Hit]]


RULES: dict[str, Rule] = {}


def rule(code: str, title: str, severity: Severity, component: Component | None, explanation: str, family: str):
    """Register a check as the rule ``code``."""

    def register(check: Callable[..., Iterable[Hit]]) -> Callable[..., Iterable[Hit]]:
        if code in RULES:
            raise ValueError(f"rule {code} is declared twice")
        RULES[code] = Rule(RuleInfo(code, title, severity, component, " ".join(explanation.split()), family), check)
        return check

    return register


def effective_severity(info: RuleInfo, settings: dict[str, RuleSetting]) -> Severity | None:
    """The severity a plan gives a rule, or None when the plan switched it off."""
    setting = settings.get(info.code)
    if setting is None:
        return info.default_severity
    if setting.severity is RuleSeverity.OFF:
        return None
    return Severity(setting.severity.value)


def to_finding(info: RuleInfo, severity: Severity, hit: Hit) -> Finding:
    component = info.component if hit.component is _UNSET else hit.component
    return Finding(
        code=info.code,
        severity=severity,
        title=info.title,
        message=hit.message,
        elements=hit.elements,
        component=component,
        use_case_id=hit.use_case_id,
        fix=hit.fix,
        relations=hit.relations,
        field=hit.field,
    )


SEVERITY_ORDER = {s: severity_rank(s) for s in Severity}
"""Worst first, as ``omplanner.vocabulary`` orders them."""


# --- What each family reads, so that a re-check after an edit re-runs only what it touched ---

_MAPS = frozenset({"UseCase", "ProcessMap", "Step", "Flow"})
FAMILY_READS: dict[str, frozenset[str]] = {
    # Roadmap dates and kinds, the use cases' names and order, the agreed readiness scores.
    "Sequencing": frozenset({"RoadmapItem", "UseCase", "Score"}),
    "Process": _MAPS | {"Role", "CapabilityRequirement", "Decision"},
    "Decision rights": _MAPS | {"Decision", "Role", "Governance", "Threshold"},
    "Governance": frozenset({"UseCase", "Governance", "Threshold", "Role", "RoadmapItem", "Decision"}),
    "Data": _MAPS | {"DataSource", "Role"},
    "Capability": _MAPS | {"CapabilityRequirement", "Role", "Decision", "Governance"},
    "Integration": _MAPS | {"Role"},
    # What a use case in use must have: which use cases deploy comes from the roadmap.
    "Readiness": _MAPS | {"RoadmapItem", "Decision", "DataSource", "CapabilityRequirement"},
}
"""Entity types (class names, as a ``Change`` names them) whose edits can change a family's
findings. A family missing here is re-run after every edit."""

CONTAINS: dict[str, frozenset[str]] = {
    "UseCase": frozenset({"ProcessMap", "Step", "Flow", "Governance", "Threshold"}),
    "ProcessMap": frozenset({"Step", "Flow"}),
    "Governance": frozenset({"Threshold"}),
}
"""Adding, removing or replacing an owner touches everything it holds."""

NOT_READ = frozenset({"PlanDetails", "RuleSetting"})
"""Entity types no rule reads: editing the plan's title re-runs nothing. A rule setting's
severity is compared on its own (``PlanCheck.settings``): a change of it re-runs every rule,
a change of its reason alone none."""

KNOWN_TYPES = NOT_READ | frozenset().union(*FAMILY_READS.values(), *CONTAINS.values())


UNREAD_FIELDS = frozenset({"rationale", "notes", "description", "evidence", "team", "breach_process"})
"""Free-text fields no rule reads: an edit of these alone re-runs no family, so typing in them
costs no check. tests/core/test_rules_incremental.py proves that changing them changes no
finding; a rule that starts reading one must take it out of this set."""


def touched_types(changes) -> set[str] | None:
    """The entity types a run of ChangeSets touched, owners expanded; None when it cannot tell."""
    touched: set[str] = set()
    for change in changes:
        if change.kind == "modified" and change.fields and UNREAD_FIELDS.issuperset(change.fields):
            continue
        kind = change.entity_type
        if kind not in KNOWN_TYPES:
            return None  # something no family declares (the plan itself): re-run everything
        touched.add(kind)
        touched |= CONTAINS.get(kind, frozenset())
    return touched


def family_touched(family: str, touched: set[str] | None) -> bool:
    reads = FAMILY_READS.get(family)
    return touched is None or reads is None or not reads.isdisjoint(touched)


PER_USE_CASE_FAMILIES = frozenset({"Process", "Capability", "Integration"})
"""Families whose findings about a use case read only that use case's maps (and entities no map
holds: roles, decisions, capabilities...). After an edit of steps, flows or maps alone, they run
again over the use cases whose maps changed, and keep their findings about the others
(``map_local_use_cases``). A family whose rules compare use cases must not be listed here:
tests/core/test_rules_incremental.py compares the result with a full check after random edits."""

MAP_PARTS = frozenset({"Step", "Flow"})


def map_local_use_cases(plan, changes) -> set[str] | None:
    """The use cases whose maps a run of changes touched, when the changes touched only steps,
    flows and maps (each found by its owner, the map, or the map's use case); else None."""
    owners: dict[str, str] | None = None
    found: set[str] = set()
    for change in changes:
        if change.kind == "modified" and change.fields and UNREAD_FIELDS.issuperset(change.fields):
            continue
        if change.entity_type == "ProcessMap" and change.kind in ("modified", "moved"):
            use_case = change.parent
        elif change.entity_type in MAP_PARTS:
            if owners is None:
                owners = {m.id: uc.id for uc in plan.use_cases for m in (uc.current, uc.redesigned)}
            use_case = owners.get(change.parent)
        else:
            return None
        if use_case is None or plan.use_case(use_case) is None:
            return None
        found.add(use_case)
    return found or None
