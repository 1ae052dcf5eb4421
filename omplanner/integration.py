"""Measure integration, not the pilot: the pilot's task-level saving beside the capacity the
redesigned process releases once exceptions, checks and handoffs are counted.

The figures come from the two process maps, per case, as *expected* people's minutes
(``figures.minutes``: each step weighted by the share of cases that pass through it):
- the current and redesigned minutes are the two maps' expected people's time;
- the exception load is the expected minutes of the steps AI steps route their exceptions to;
- checks and handoffs are new steps of the redesigned map (not derived from a current step):
  handoffs, and steps right after an AI step that check its output, at their expected minutes;
- the AI saving is what is left: current - (redesigned - exception load - checks and handoffs).
Capacity released = (current - redesigned) / current; hours a month = (current - redesigned) x
monthly volume / 60. Every figure is stored rounded as ``figures.format.rounded`` shows it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .figures import capacity_missing, hours_missing, pilot_is_time_saving, pilot_sentence
from .figures.format import number as _number
from .figures.format import rounded
from .figures.minutes import expected_minutes, is_people_step, people_lanes
from .model import PilotKpi, Plan, StepKind, UseCase


@dataclass(frozen=True)
class IntegrationFigures:
    pilot_metric: str
    pilot_value: float | None
    pilot_unit: str
    current_minutes_per_case: float
    """Expected people's minutes per case (``figures.minutes``), rounded as shown."""
    redesigned_minutes_per_case: float
    monthly_volume: int
    hours_released_per_month: float | None
    """None when unknown (never 0): ``hours_unknown_reason`` says what is missing."""
    capacity_released_pct: float | None
    """Process level: minutes released per case as a share of the current minutes; None when
    unknown, with the missing input in ``capacity_unknown_reason``."""
    gap_pct: float | None
    """Pilot value minus the process-level share, in points, when the pilot measured time saved in %
    (a forecast error reduced by 20 % is not comparable with capacity released)."""
    summary: str
    ai_saving_minutes: float = 0.0
    exception_minutes: float = 0.0
    check_minutes: float = 0.0
    capacity_unknown_reason: str | None = None
    hours_unknown_reason: str | None = None


def _redesign_parts(plan: Plan, uc: UseCase, visits: dict[str, float]) -> tuple[float, float]:
    """The redesigned map's expected people's minutes on exception routes, and on new checks and handoffs."""
    ai_ids = {s.id for s in uc.redesigned.steps if s.is_ai}
    after_ai = {f.target for f in uc.redesigned.flows if f.source in ai_ids}
    routes = {s.exception_route for s in uc.redesigned.steps if s.is_ai and s.exception_route}
    exceptions = checks = 0.0
    lanes = people_lanes(plan)
    for step in uc.redesigned.steps:
        if not is_people_step(lanes, step):
            continue
        minutes = visits.get(step.id, 0.0) * step.minutes
        if step.id in routes:
            exceptions += minutes
        elif step.derived_from is None and (
            step.kind is StepKind.HANDOFF or (step.id in after_ai and step.kind is not StepKind.END)
        ):
            checks += minutes
    return exceptions, checks


def integration_figures(plan: Plan, use_case: UseCase) -> IntegrationFigures:
    kpi = use_case.pilot_kpi
    volume = use_case.tractability.monthly_volume
    current = expected_minutes(plan, use_case.current).people
    after = expected_minutes(plan, use_case.redesigned)
    redesigned = after.people
    exceptions, checks = _redesign_parts(plan, use_case, after.visits)
    saving = current - (redesigned - exceptions - checks)
    released = current - redesigned
    pct_missing, hours_unknown = capacity_missing(use_case), hours_missing(use_case)
    if pct_missing is None and current <= 0:
        pct_missing = "no people's time on the current process map"
    exact_pct = released / current * 100.0 if pct_missing is None else None
    if exact_pct is not None and not math.isfinite(exact_pct):  # a current time of 1e-320 minutes
        exact_pct, pct_missing = None, "people's time on the current process map too small to compare with"
    hours_unknown = hours_unknown or pct_missing
    pct = rounded(exact_pct) if exact_pct is not None else None
    hours = rounded(released * volume / 60.0) if hours_unknown is None else None
    gap = None
    if exact_pct is not None and pilot_is_time_saving(kpi):
        gap = rounded(kpi.value - exact_pct)
    return IntegrationFigures(
        pilot_metric=kpi.metric,
        pilot_value=kpi.value,
        pilot_unit=kpi.unit,
        current_minutes_per_case=rounded(current),
        redesigned_minutes_per_case=rounded(redesigned),
        monthly_volume=volume,
        hours_released_per_month=hours,
        capacity_released_pct=pct,
        gap_pct=gap,
        summary=_summary(kpi, pct, hours, released, hours_unknown),
        ai_saving_minutes=rounded(saving),
        exception_minutes=rounded(exceptions),
        check_minutes=rounded(checks),
        capacity_unknown_reason=pct_missing,
        hours_unknown_reason=hours_unknown,
    )


def _summary(kpi: PilotKpi, pct: float | None, hours: float | None, released: float, missing: str | None) -> str:
    pilot_part = pilot_sentence(kpi)
    if pct is None:
        return f"{pilot_part}; the process-level figure is unknown: {missing}."
    if released <= 0:
        return (
            f"{pilot_part}; at process level no capacity is released once exceptions and checks "
            f"are counted ({_number(-pct)} % more work per case)."
        )
    per_month = f"about {_number(hours)} hours a month" if hours is not None else f"hours a month unknown: {missing}"
    return (
        f"{pilot_part}; at process level {_number(pct)} % of capacity is released "
        f"({per_month}) once exceptions and checks are counted."
    )
