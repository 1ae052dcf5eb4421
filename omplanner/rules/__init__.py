"""Rules that coach the plan: sequencing principles and the seams between components.

``check_plan(plan)`` runs every rule once over a per-call index of the plan and returns the
findings, with the plan's rule settings applied (a changed severity, or the rule switched off),
sorted by severity, then use case (cross-cutting first, then in the plan's order), then code.
``catalogue()`` lists every rule with its explanation.

After an edit the app does not run them all again: ``check(plan)`` keeps the findings per rule
(a ``PlanCheck``), and ``PlanCheck.update(plan, changes)`` re-runs only the families that read
an entity type the edit's ChangeSets name (``engine.FAMILY_READS``); the result is exactly
what a full check returns (tests/core/test_rules_incremental.py holds it to that).
"""

from __future__ import annotations

import copy
import gc
from dataclasses import dataclass

from ..model import Plan, RuleSetting, RuleSeverity
from . import (  # noqa: F401  (importing a family registers its rules)
    capability_rules,
    data_rules,
    decision_rules,
    governance_rules,
    integration_rules,
    process_rules,
    readiness_rules,
    sequencing_gates,
    sequencing_rules,
)
from .context import PlanIndex
from .engine import (
    PER_USE_CASE_FAMILIES,
    RULES,
    SEVERITY_ORDER,
    RuleInfo,
    effective_severity,
    family_touched,
    map_local_use_cases,
    to_finding,
    touched_types,
)
from .findings import ElementRef, Finding, Fix, Relation


def catalogue() -> list[RuleInfo]:
    """Every rule, in code order (families in the order of the operating-model story)."""
    return [RULES[code].info for code in sorted(RULES, key=_code_key)]


@dataclass(frozen=True)
class AppliedSetting:
    """A rule this plan applies other than as the catalogue says: for check output and exports."""

    code: str
    info: RuleInfo | None
    """None for a code no rule of this version has (a plan from a newer or older OM Planner)."""
    setting: RuleSetting

    @property
    def title(self) -> str:
        return self.info.title if self.info else "a rule this version does not have"

    @property
    def change(self) -> str:
        """'switched off', 'info instead of warning' (or the severity alone for an unknown rule)."""
        if self.setting.severity is RuleSeverity.OFF:
            return "switched off"
        if self.info is not None:
            return f"{self.setting.severity.value} instead of {self.info.default_severity.value}"
        return self.setting.severity.value

    def describe(self) -> str:
        """'SEQ-006 One use case first: info instead of warning. Why: ...' in one line."""
        title = f"{self.code} {self.info.title}" if self.info else f"{self.code} ({self.title})"
        reason = " ".join(self.setting.reason.split()) or "no reason given"
        return f"{title}: {self.change}. Why: {reason}"


def applied_settings(plan: Plan) -> list[AppliedSetting]:
    """The plan's rule settings, in catalogue order, with the rule each concerns."""
    return [
        AppliedSetting(code, RULES[code].info if code in RULES else None, plan.rule_settings[code])
        for code in sorted(plan.rule_settings, key=_code_key)
    ]


FAMILY_ORDER = {prefix: n for n, prefix in enumerate(["SEQ", "RDY", "PRO", "DEC", "GOV", "DAT", "CAP", "INT"])}


def _code_key(code: str) -> tuple[int, str]:
    return (FAMILY_ORDER.get(code.split("-")[0], len(FAMILY_ORDER)), code)


class PlanCheck:
    """One check of a plan, kept per rule so that the next check can reuse what an edit left alone.

    ``findings`` is exactly what a full check of the plan returns. ``update(plan, changes)``
    returns the check after an edit: only the families that read an entity type the ChangeSets
    name run again; a change of a rule's severity (or a change no family declares) runs them all,
    a change of a setting's reason alone runs none.
    """

    def __init__(self, by_rule: dict[str, list[Finding]], settings: dict, use_case_order: tuple[str, ...]):
        self.by_rule = by_rule
        self.settings = settings
        """The severity the plan gave each rule it sets (code to RuleSeverity), reasons left out."""
        self.use_case_order = use_case_order
        uc_order = {uc_id: i + 1 for i, uc_id in enumerate(use_case_order)}
        # Decorated once per rule rather than per finding: the same order as sorting the
        # concatenation (in code order) by severity, use case, code; the sort is stable.
        keyed = []
        for code in sorted(by_rule, key=_code_key):
            code_key = _code_key(code)
            keyed.extend(
                ((SEVERITY_ORDER[f.severity], uc_order.get(f.use_case_id, 0), code_key), n, f)
                for n, f in enumerate(by_rule[code], len(keyed))
            )
        keyed.sort()  # (key, position) is unique: findings themselves are never compared
        self.findings = [entry[2] for entry in keyed]
        self.reran: set[str] = set(by_rule)
        """The rule codes this check ran (the others were reused), for tests and benchmarks."""
        self.partly: set[str] = set()
        """Of ``reran``, the rules run again only over the use cases whose maps the edit changed."""

    def update(self, plan: Plan, changes) -> PlanCheck:
        return _run(plan, self, changes)


def _run(plan: Plan, previous: PlanCheck | None, changes) -> PlanCheck:
    # The cyclic garbage collector is paused for the check: a check allocates thousands of small
    # objects, and each collection it triggers walks every object of the plan (tens of
    # thousands on a large plan), so the check grew faster than the plan. A check makes no
    # cycles that must die before it ends; any it makes are collected once it is done.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _run_rules(plan, previous, changes)
    finally:
        if paused:
            gc.enable()


def _run_rules(plan: Plan, previous: PlanCheck | None, changes) -> PlanCheck:
    settings = dict(plan.rule_settings)
    # Compared by severity alone: a rule setting's reason changes no finding, so typing a
    # reason in the Rules view re-runs no rule ("RuleSetting" is in ``engine.NOT_READ``).
    severities = {code: setting.severity for code, setting in settings.items()}
    touched = None
    if previous is not None and changes is not None and previous.settings == severities:
        touched = touched_types(c for change_set in changes for c in change_set)
    index = PlanIndex(plan)
    order = tuple(uc.id for uc in plan.use_cases)
    local = None
    if touched is not None and previous.use_case_order == order:
        local = map_local_use_cases(plan, (c for change_set in changes for c in change_set))
    local_index: PlanIndex | None = None
    by_rule: dict[str, list[Finding]] = {}
    reran: set[str] = set()
    partly: set[str] = set()
    for code in sorted(RULES, key=_code_key):
        rule = RULES[code]
        severity = effective_severity(rule.info, settings)
        if severity is None:
            continue
        if touched is not None and not family_touched(rule.info.family, touched):
            by_rule[code] = previous.by_rule[code]
            continue
        if local is not None and rule.info.family in PER_USE_CASE_FAMILIES:
            kept = _other_use_cases(previous.by_rule.get(code), set(order), local)
            if kept is not None:
                if local_index is None:
                    local_index = PlanIndex(_only_use_cases(plan, local))
                fresh = [to_finding(rule.info, severity, hit) for hit in rule.check(local_index)]
                if all(f.use_case_id is not None for f in fresh):
                    by_rule[code] = kept + [f for f in fresh if f.use_case_id in local]
                    reran.add(code)
                    partly.add(code)
                    continue
        by_rule[code] = [to_finding(rule.info, severity, hit) for hit in rule.check(index)]
        reran.add(code)
    if not reran and previous is not None and previous.use_case_order == order:
        # Nothing the rules read changed (typing a rationale): the same findings, the same list,
        # so that views can tell at once that they have nothing to redraw.
        result = copy.copy(previous)
        result.reran = set()
        return result
    result = PlanCheck(by_rule, severities, order)
    result.reran = reran
    result.partly = partly
    return result


def _other_use_cases(findings: list[Finding] | None, use_cases: set[str], local: set[str]) -> list[Finding] | None:
    """A rule's findings about the use cases an edit left alone, or None when one of them is
    about no use case, or one gone: then the rule runs over the whole plan again."""
    if findings is None:
        return None
    kept = []
    for finding in findings:
        if finding.use_case_id is None or finding.use_case_id not in use_cases:
            return None
        if finding.use_case_id not in local:
            kept.append(finding)
    return kept


def _only_use_cases(plan: Plan, ids: set[str]) -> Plan:
    """The plan as the per-use-case families see it for a re-check: only the use cases an edit
    touched, everything else (roles, decisions, capabilities...) shared, nothing copied."""
    return plan.model_copy(update={"use_cases": [uc for uc in plan.use_cases if uc.id in ids]})


def check_plan(plan: Plan, previous: PlanCheck | None = None, changes=None) -> list[Finding]:
    """Every finding, sorted. With ``previous`` (a ``PlanCheck`` of the plan before the edits) and
    ``changes`` (the ChangeSets since), rules whose inputs the edits left alone are not re-run."""
    return _run(plan, previous, changes).findings


def check(plan: Plan, previous: PlanCheck | None = None, changes=None) -> PlanCheck:
    """Like ``check_plan`` but keeps the per-rule results for the next incremental check."""
    return _run(plan, previous, changes)


__all__ = [
    "applied_settings",
    "AppliedSetting",
    "catalogue",
    "check",
    "check_plan",
    "ElementRef",
    "Finding",
    "Fix",
    "PlanCheck",
    "Relation",
    "RuleInfo",
]
