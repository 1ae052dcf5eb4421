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
    ahead, the business case should use the process figure.""",
    FAMILY,
)
def pilot_gap(index: PlanIndex) -> Iterator[Hit]:
    for uc in index.plan.use_cases:
        if uc.pilot_kpi.value is None or not uc.redesigned.steps:
            continue
        figures = integration_figures(index.plan, uc)
        if figures.gap_pct is None or figures.gap_pct < GAP_POINTS:
            continue
        yield Hit(
            f"'{uc.name}': {_lower_first(pilot_sentence(uc.pilot_kpi))}, but the redesigned process "
            f"releases {figure(figures.capacity_released_pct)} % of capacity once exceptions and checks are counted; "
            "base the business case on the process figure.",
            (ref(uc),),
            use_case_id=uc.id,
        )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
