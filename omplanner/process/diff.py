"""What changed between a use case's current map and its redesign, told through lineage.

A redesigned step that carries ``derived_from`` continues that current step; a current step
that no redesigned step continues was removed; a redesigned step without lineage is new.
A handoff is a flow whose two steps sit in different lanes: the work changes hands there.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..figures import expected_minutes, number
from ..model import AiIntervention, Plan, ProcessMap, StepKind


def handoff_count(pmap: ProcessMap) -> int:
    lane = {s.id: s.lane for s in pmap.steps}
    return sum(1 for f in pmap.flows if f.source in lane and f.target in lane and lane[f.source] != lane[f.target])


def _work_steps(pmap: ProcessMap):
    return [s for s in pmap.steps if s.kind not in (StepKind.START, StepKind.END)]


@dataclass(frozen=True)
class MapDiff:
    removed: tuple[str, ...]
    """Current steps that no redesigned step continues."""
    added: tuple[str, ...]
    """Redesigned steps without lineage."""
    automated: tuple[str, ...]
    """Redesigned steps the AI performs."""
    assisted: tuple[str, ...]
    """Redesigned steps where the AI surfaces information or routes exceptions."""
    handoffs_before: int
    handoffs_after: int
    steps_before: int
    steps_after: int
    minutes_before: float
    minutes_after: float
    """People's expected minutes per case (``figures.minutes``), as the PDF and the workbook print them."""

    def summary(self) -> str:
        """The line the overlay shows, e.g. '7 → 4 handoffs, 3 steps automated'."""
        parts = [
            f"{self.handoffs_before} → {self.handoffs_after} handoffs",
            _count(len(self.automated), "step automated", "steps automated"),
        ]
        if self.assisted:
            parts.append(_count(len(self.assisted), "step AI-assisted", "steps AI-assisted"))
        if self.removed:
            parts.append(f"{len(self.removed)} removed")
        if self.added:
            parts.append(f"{len(self.added)} new")
        parts.append(
            f"{number(self.minutes_before)} → {number(self.minutes_after)} min of people's time per case (expected)"
        )
        return ", ".join(parts)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def diff_maps(current: ProcessMap, redesigned: ProcessMap, plan: Plan | None = None) -> MapDiff:
    """``plan`` tells people's lanes from AI and systems' ones; without it every lane counts as people's."""
    continued = {s.derived_from for s in redesigned.steps if s.derived_from}
    return MapDiff(
        removed=tuple(s.id for s in _work_steps(current) if s.id not in continued),
        added=tuple(s.id for s in _work_steps(redesigned) if not s.derived_from),
        automated=tuple(s.id for s in redesigned.steps if s.ai == AiIntervention.AUTOMATE),
        assisted=tuple(
            s.id for s in redesigned.steps if s.ai in (AiIntervention.SURFACE, AiIntervention.ROUTE_EXCEPTIONS)
        ),
        handoffs_before=handoff_count(current),
        handoffs_after=handoff_count(redesigned),
        steps_before=len(_work_steps(current)),
        steps_after=len(_work_steps(redesigned)),
        minutes_before=expected_minutes(plan, current).people,
        minutes_after=expected_minutes(plan, redesigned).people,
    )
