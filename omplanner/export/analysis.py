"""What the exporters show beyond the plan itself, computed once per export.

The rule findings, the roadmap's critical path and slack, the tractability ranking and the
integration figures come from their own packages; this adapter gathers them in one object so
that each exporter (Excel, PDF) asks for them the same way and computes them only once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..model import Plan, UseCase
from ..rules import Finding


@dataclass
class PlanAnalysis:
    findings: list[Finding]
    critical: set[str]
    """Ids of the roadmap items on the critical path."""
    slack: dict[str, int]
    """Roadmap item id -> weeks it may slip without delaying the end of the roadmap."""
    ranked: list[Any]
    """``RankedUseCase(use_case, score, rank, reason)`` in tractability order, best first."""
    figures: dict[str, Any]
    """Use case id -> its integration figures (pilot KPI beside process-level capacity released)."""
    findings_by_element: dict[str, list[Finding]] = field(default_factory=dict)

    def findings_for(self, element_id: str) -> list[Finding]:
        return self.findings_by_element.get(element_id, [])


def ranked_use_case(plan: Plan, ranked: Any) -> UseCase:
    """The use case a ranking entry stands for."""
    use_case = ranked.use_case
    return use_case if isinstance(use_case, UseCase) else plan.use_case(use_case)


def analyse_plan(plan: Plan) -> PlanAnalysis:
    # Imported here: the sequencing pulls in networkx, which the app must not pay for at start-up.
    from ..integration import integration_figures
    from ..ranking import rank_use_cases
    from ..rules import check_plan
    from ..sequencing import analyse_roadmap

    findings = check_plan(plan)
    roadmap = analyse_roadmap(plan)
    by_element: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        for element_id in dict.fromkeys(finding.element_ids):
            by_element[element_id].append(finding)
    return PlanAnalysis(
        findings=findings,
        critical=set(roadmap.critical),
        slack=dict(roadmap.slack),
        ranked=list(rank_use_cases(plan)),
        figures={uc.id: integration_figures(plan, uc) for uc in plan.use_cases},
        findings_by_element=dict(by_element),
    )
