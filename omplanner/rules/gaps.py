"""What a plan has not been given yet, in words: so that "no findings" is never said of a plan
the rules have had nothing to judge (no scores, no maps, no roadmap)."""

from __future__ import annotations

from ..model import Component, Plan


def plan_gaps(plan: Plan) -> list[str]:
    """Short phrases, most basic first; empty when every use case is scored, mapped and on the roadmap."""
    if not plan.use_cases:
        return ["no use cases yet"]
    gaps = []
    components = len(Component)
    agreed: dict[str, set] = {}
    for score in plan.scores:
        if not score.participant:
            agreed.setdefault(score.use_case, set()).add(score.component)
    unscored = sum(1 for uc in plan.use_cases if len(agreed.get(uc.id, ())) < components)
    if unscored:
        gaps.append(_count(unscored, "use case", "not scored on all five components"))
    unmapped = sum(1 for uc in plan.use_cases if not uc.current.steps)
    if unmapped:
        gaps.append(_count(unmapped, "use case", "without a current process map"))
    unredesigned = sum(1 for uc in plan.use_cases if uc.current.steps and not uc.redesigned.steps)
    if unredesigned:
        gaps.append(_count(unredesigned, "use case", "not redesigned yet"))
    if not plan.roadmap:
        gaps.append("no roadmap yet")
    return gaps


def _count(n: int, noun: str, what: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''} {what}"


def no_findings_text(plan: Plan) -> str:
    """What to say when the rules find nothing: praise only for a plan they could judge."""
    gaps = plan_gaps(plan)
    if not gaps:
        return "No findings: the plan passes every rule"
    return "No findings yet: " + "; ".join(gaps)
