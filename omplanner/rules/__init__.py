"""Rules that coach the plan: sequencing principles and the seams between components.

``check_plan(plan)`` runs every rule once over a per-call index of the plan and returns the
findings, with the plan's rule settings applied (a changed severity, or the rule switched off),
sorted by severity, then use case (cross-cutting first, then in the plan's order), then code.
``catalogue()`` lists every rule with its explanation.
"""

from __future__ import annotations

from ..model import Plan
from . import (  # noqa: F401  (importing a family registers its rules)
    capability_rules,
    data_rules,
    decision_rules,
    governance_rules,
    integration_rules,
    process_rules,
    sequencing_gates,
    sequencing_rules,
)
from .context import PlanIndex
from .engine import RULES, SEVERITY_ORDER, RuleInfo, effective_severity, to_finding
from .findings import ElementRef, Finding, Fix


def catalogue() -> list[RuleInfo]:
    """Every rule, in code order (families in the order of the operating-model story)."""
    return [RULES[code].info for code in sorted(RULES, key=_code_key)]


FAMILY_ORDER = {prefix: n for n, prefix in enumerate(["SEQ", "PRO", "DEC", "GOV", "DAT", "CAP", "INT"])}


def _code_key(code: str) -> tuple[int, str]:
    return (FAMILY_ORDER.get(code.split("-")[0], len(FAMILY_ORDER)), code)


def check_plan(plan: Plan) -> list[Finding]:
    index = PlanIndex(plan)
    findings: list[Finding] = []
    for code in sorted(RULES, key=_code_key):
        rule = RULES[code]
        severity = effective_severity(rule.info, plan.rule_settings)
        if severity is None:
            continue
        findings.extend(to_finding(rule.info, severity, hit) for hit in rule.check(index))
    uc_order = {uc.id: i + 1 for i, uc in enumerate(plan.use_cases)}
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], uc_order.get(f.use_case_id, 0), _code_key(f.code)))
    return findings


__all__ = ["ElementRef", "Finding", "Fix", "RuleInfo", "catalogue", "check_plan"]
