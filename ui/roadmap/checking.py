"""What the rules and the sequencer say about the roadmap, shaped for the canvas.

The findings come from ``omplanner.rules.check_plan`` and the schedule facts (critical path,
slack, phases, the relations the principles imply) from ``omplanner.sequencing``; nothing here
invents a finding. The sequencer uses networkx, so it is imported only when first needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from omplanner.model import Plan
from omplanner.rules import Finding, check_plan
from omplanner.vocabulary import severity_rank


@dataclass
class RoadmapCheck:
    findings: list[Finding] = field(default_factory=list)
    by_item: dict[str, list[Finding]] = field(default_factory=dict)
    """Findings that name each roadmap item, worst first."""
    markers: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Item id -> (worst severity, the explanations): items that break a principle."""
    broken: dict[tuple[str, str, str], tuple[str, str, bool]] = field(default_factory=dict)
    """(item that starts too early, item it must follow, code) -> (severity, explanation,
    start-to-start): the relations a principle requires that the roadmap breaks."""
    critical: set[str] = field(default_factory=set)
    slack: dict[str, int] = field(default_factory=dict)
    phase_of: dict[str, int] = field(default_factory=dict)
    phases: list[list[str]] = field(default_factory=list)

    def schedule_text(self, item_id: str) -> str:
        parts = []
        if item_id in self.critical:
            parts.append("On the critical path: a delay here moves the end date.")
        elif item_id in self.slack:
            weeks = self.slack[item_id]
            parts.append(f"Slack: {weeks} week{'s' if weeks != 1 else ''} before it delays the end date.")
        if item_id in self.phase_of:
            phase = self.phase_of[item_id]
            others = len(self.phases[phase]) - 1
            parts.append(
                f"Phase {phase + 1} of {len(self.phases)}"
                + (f", alongside {others} other item{'s' if others != 1 else ''}." if others else ".")
            )
        return " ".join(parts)


def check_roadmap(plan: Plan) -> RoadmapCheck:
    """The findings and the schedule facts together (exports, first display)."""
    result = check_findings(plan)
    add_schedule(result, plan)
    return result


def check_findings(plan: Plan, findings: list[Finding] | None = None) -> RoadmapCheck:
    """Run the rules; mark the item each finding is about and draw the relations findings carry.

    ``findings``: the document's shared check of this plan, when the caller has it.
    A finding about an order between two pieces of work carries it (``Finding.relations``), so
    the broken relation is read straight from the finding: no rule code is known here.
    """
    result = RoadmapCheck(findings=check_plan(plan) if findings is None else findings)
    items = {i.id for i in plan.roadmap}
    for finding in result.findings:
        named = [e.id for e in finding.elements if e.id in items]
        if not named:
            continue
        for item_id in named:
            result.by_item.setdefault(item_id, []).append(finding)
        severity = finding.severity.value
        if severity not in ("error", "warning"):
            continue
        target = named[0]
        old = result.markers.get(target)
        text = f"{finding.title}: {finding.message}"
        if old is None:
            result.markers[target] = (severity, text)
        else:
            worst = old[0] if severity_rank(old[0]) <= severity_rank(severity) else severity
            result.markers[target] = (worst, f"{old[1]}\n{text}")
        for relation in finding.relations:  # the orders the finding says are broken, as it says them
            if relation.item in items and relation.follows in items:
                result.broken[(relation.item, relation.follows, finding.code)] = (severity, text, relation.starts)
    for findings in result.by_item.values():
        findings.sort(key=lambda f: severity_rank(f.severity))
    return result


def add_schedule(result: RoadmapCheck, plan: Plan) -> None:
    """Critical path, slack and phases from the sequencer (networkx, imported on first use)."""
    from omplanner.sequencing import analyse_roadmap

    analysis = analyse_roadmap(plan)
    result.critical = set(analysis.critical)
    result.slack = dict(analysis.slack)
    result.phases = [list(p) for p in analysis.phases]
    result.phase_of = {item_id: n for n, phase in enumerate(result.phases) for item_id in phase}


SHOWN_MOVES = 2
"""Moves the status line spells out after Auto-sequence; the rest are counted."""


def auto_sequence_report(moves) -> str:
    """What Auto-sequence moved and why, in the status line: the first few moves with their
    reasons (earlier ones first: they are what kept a go-live), then how many more."""
    ordered = sorted(moves, key=lambda m: not m.earlier)
    parts = [m.describe() for m in ordered[:SHOWN_MOVES]]
    more = len(ordered) - SHOWN_MOVES
    tail = f"; and {more} more" if more > 0 else ""
    count = len(ordered)
    return (
        f"Auto-sequence moved {count} item{'s' if count != 1 else ''}: {'; '.join(parts)}{tail}. Undo puts them back."
    )
