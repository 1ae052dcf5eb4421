"""Measure integration, not the pilot: a pilot figure well above what the process releases."""

from __future__ import annotations

from collections.abc import Iterator

from ..figures import pilot_sentence
from ..integration import integration_figures
from ..model import Component, Severity
from .context import PlanIndex, ref
from .engine import Hit, rule
from .words import figure

FAMILY = "Integration"

GAP_POINTS = 10
"""How far (in percentage points) the pilot may run ahead of the process-level figure unremarked."""


@rule(
    "INT-001",
    "Plan on the process-level figure, not the pilot's",
    Severity.INFO,
    Component.PROCESS,
    f"""A pilot measures one task; the business gets what the whole process releases once
    exceptions, checks and handoffs are counted. When the pilot runs more than {GAP_POINTS} points
    ahead, the business case should use the process figure; a process-level outcome measure with a
    target is how the plan shows it does.""",
    FAMILY,
)
def pilot_gap(index: PlanIndex) -> Iterator[Hit]:
    for uc in index.plan.use_cases:
        if uc.pilot_kpi.value is None or not uc.redesigned.steps or uc.outcome.is_set:
            continue
        figures = integration_figures(index.plan, uc)
        if figures.gap_pct is None or figures.gap_pct < GAP_POINTS:
            continue
        yield Hit(
            f"'{uc.name}': {_lower_first(pilot_sentence(uc.pilot_kpi))}, but the redesigned process "
            f"releases {figure(figures.capacity_released_pct)} % of capacity once exceptions and checks are counted; "
            "base the business case on the process figure, and set a process-level outcome measure to hold it to.",
            (ref(uc),),
            use_case_id=uc.id,
        )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@rule(
    "INT-002",
    "The outcome measure is not the pilot's",
    Severity.WARNING,
    Component.PROCESS,
    """The outcome measure is the process-level figure; when it is the pilot's task metric under
    another heading, the plan still measures the pilot.""",
    FAMILY,
)
def outcome_not_pilot(index: PlanIndex) -> Iterator[Hit]:
    for uc in index.plan.use_cases:
        name = " ".join(uc.outcome.name.lower().split())
        if name and name == " ".join(uc.pilot_kpi.metric.lower().split()):
            yield Hit(
                f"The outcome measure of '{uc.name}' is the pilot's own metric, '{uc.pilot_kpi.metric}': measure "
                "what the whole process delivers instead.",
                (ref(uc),),
                use_case_id=uc.id,
            )
