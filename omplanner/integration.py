"""Measure integration, not the pilot: the pilot's task-level saving beside the capacity the
redesigned process releases once exceptions, checks and handoffs are counted.

The figures come from the two process maps, per case:
- the current minutes are every step of the current map (maps carry no branch frequencies,
  so every step counts once);
- the AI saving is, for each AI step of the redesigned map, the minutes of the current step it
  derives from less its own minutes;
- the exception load is, for each AI step, its exception rate times the minutes of the step
  its exceptions go to;
- checks and handoffs are new steps of the redesigned map (not derived from a current step):
  handoffs, and steps right after an AI step that check its output.
Redesigned minutes = current - AI saving + exception load + checks and handoffs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .figures import capacity_missing, hours_missing, pilot_is_time_saving, pilot_sentence
from .figures.pilot import number as _number
from .model import PilotKpi, Plan, ProcessMap, StepKind, UseCase


@dataclass(frozen=True)
class IntegrationFigures:
    pilot_metric: str
    pilot_value: float | None
    pilot_unit: str
    current_minutes_per_case: float
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


def _work_minutes(pmap: ProcessMap) -> float:
    return sum(s.minutes for s in pmap.steps if s.kind not in (StepKind.START, StepKind.END))


def _redesign_parts(plan: Plan, uc: UseCase) -> tuple[float, float, float]:
    current = {s.id: s for s in uc.current.steps}
    steps = {s.id: s for s in uc.redesigned.steps}
    ai_ids = {s.id for s in uc.redesigned.steps if s.is_ai}
    after_ai = {f.target for f in uc.redesigned.flows if f.source in ai_ids}
    routes = {s.exception_route for s in uc.redesigned.steps if s.is_ai and s.exception_route}
    saving = exceptions = checks = 0.0
    for step in uc.redesigned.steps:
        if step.is_ai:
            origin = current.get(step.derived_from) if step.derived_from else None
            if origin is not None:
                saving += max(0.0, origin.minutes - step.minutes)
            route = steps.get(step.exception_route) if step.exception_route else None
            if route is not None and step.exception_rate:
                exceptions += step.exception_rate / 100.0 * route.minutes
        elif (
            step.derived_from is None
            and step.id not in routes
            and (step.kind is StepKind.HANDOFF or (step.id in after_ai and step.kind is not StepKind.END))
        ):
            checks += step.minutes
    return saving, exceptions, checks


def integration_figures(plan: Plan, use_case: UseCase) -> IntegrationFigures:
    kpi = use_case.pilot_kpi
    volume = use_case.tractability.monthly_volume
    current = _work_minutes(use_case.current)
    saving, exceptions, checks = _redesign_parts(plan, use_case)
    redesigned = max(0.0, current - saving + exceptions + checks)
    released = current - redesigned
    pct_missing, hours_unknown = capacity_missing(use_case), hours_missing(use_case)
    pct = round(released / current * 100.0, 1) if pct_missing is None else None
    hours = round(released * volume / 60.0, 1) if hours_unknown is None else None
    gap = None
    if pct is not None and pilot_is_time_saving(kpi):
        gap = round(kpi.value - pct, 1)
    return IntegrationFigures(
        pilot_metric=kpi.metric,
        pilot_value=kpi.value,
        pilot_unit=kpi.unit,
        current_minutes_per_case=round(current, 2),
        redesigned_minutes_per_case=round(redesigned, 2),
        monthly_volume=volume,
        hours_released_per_month=hours,
        capacity_released_pct=pct,
        gap_pct=gap,
        summary=_summary(kpi, pct, hours, released, hours_unknown),
        ai_saving_minutes=round(saving, 2),
        exception_minutes=round(exceptions, 2),
        check_minutes=round(checks, 2),
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
