"""``omplanner check PLAN`` and ``omplanner rules``: the rule findings and the rule catalogue."""

from __future__ import annotations

import argparse
import json
import textwrap
from collections import defaultdict
from pathlib import Path

from ..model import Component, Plan, Severity
from ..rules import Finding, applied_settings, catalogue, check_plan
from . import EXIT_OK, EXIT_PROBLEMS, load


def register(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser("check", help="check a plan against the sequencing principles and the seams")
    check.add_argument("plan", type=Path)
    check.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    check.set_defaults(run=run_check)

    rules = sub.add_parser("rules", help="list the rules the check applies, with why each exists")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--plan", type=Path, help="also show how this plan sets each rule, and why")
    rules.set_defaults(run=run_rules)


def run_check(args: argparse.Namespace) -> int:
    plan = load(args.plan)
    findings = check_plan(plan)
    if args.format == "json":
        print(json.dumps(findings_json(plan, findings), indent=2, ensure_ascii=False))
    else:
        print(findings_text(plan, findings))
    return EXIT_PROBLEMS if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def findings_json(plan: Plan, findings: list[Finding]) -> dict:
    counts = {s.value: sum(1 for f in findings if f.severity is s) for s in Severity}
    return {
        "plan": plan.details.title,
        "counts": counts,
        "rule_settings": [
            {"code": a.code, "severity": a.setting.severity.value, "reason": a.setting.reason}
            for a in applied_settings(plan)
        ],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "title": f.title,
                "message": f.message,
                "use_case": f.use_case_id,
                "component": f.component.value if f.component else None,
                "elements": list(f.element_ids),
                "fix": f.fix.description if f.fix else None,
            }
            for f in findings
        ],
    }


def findings_text(plan: Plan, findings: list[Finding]) -> str:
    lines = _findings_lines(plan, findings)
    applied = applied_settings(plan)
    if applied:
        lines += ["", "Rules this plan applies differently:"]
        lines += [f"  {a.describe()}" for a in applied]
    return "\n".join(lines)


def _findings_lines(plan: Plan, findings: list[Finding]) -> list[str]:
    if not findings:
        return [f'"{plan.details.title}": no findings. The plan follows every rule that is switched on.']
    names = {uc.id: uc.name for uc in plan.use_cases}
    groups: dict[str | None, dict[Component | None, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for f in findings:
        groups[f.use_case_id][f.component].append(f)
    component_order = [None, *Component]
    order = [None] + [uc.id for uc in plan.use_cases]
    lines = [_count_line(plan, findings)]
    for uc_id in [u for u in order if u in groups]:
        lines.append("")
        lines.append(f"== {names.get(uc_id, 'Whole programme') if uc_id else 'Whole programme'} ==")
        for component in sorted(groups[uc_id], key=component_order.index):
            items = groups[uc_id][component]
            lines.append(f"  {component.label if component else 'Roadmap'}")
            for f in items:
                lines.append(f"    {f.severity.value.upper():7} {f.code}  {f.message}")
                if f.fix:
                    lines.append(f"            Fix: {f.fix.description}")
    return lines


def _count_line(plan: Plan, findings: list[Finding]) -> str:
    parts = []
    for s in Severity:
        n = sum(1 for f in findings if f.severity is s)
        if n:
            parts.append(f"{n} {s.label.lower()}{'' if n == 1 else 's'}")
    return f'"{plan.details.title}": {", ".join(parts)}.'


def run_rules(args: argparse.Namespace) -> int:
    infos = catalogue()
    settings = load(args.plan).rule_settings if args.plan else {}
    if args.format == "json":
        rows = [
            {
                "code": i.code,
                "title": i.title,
                "severity": i.default_severity.value,
                "component": i.component.value if i.component else None,
                "explanation": i.explanation,
            }
            | (
                {"in_plan": settings[i.code].severity.value, "reason": settings[i.code].reason}
                if i.code in settings
                else {}
            )
            for i in infos
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    family = None
    for info in infos:
        if info.family != family:
            family = info.family
            print(f"\n{family}" if family else "")
        print(f"  {info.code}  {info.title}  [{info.default_severity.value}]{_in_plan(settings.get(info.code))}")
        print(textwrap.fill(info.explanation, width=100, initial_indent=" " * 11, subsequent_indent=" " * 11))
    return EXIT_OK


def _in_plan(setting) -> str:
    if setting is None:
        return ""
    reason = " ".join(setting.reason.split()) or "no reason given"
    return f"  this plan: {setting.severity.value} ({reason})"
