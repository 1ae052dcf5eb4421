"""What the canvases mark when another copy's differences are shown over the open plan.

Per process map (by id): the open plan's steps the other copy removed or changed, and the steps
only the other copy has, with where it put them (drawn as ghosts). Per roadmap item in both
copies whose weeks differ: the other copy's start and duration. Elements match by id, as in
``compare_plans``; the plan's words stay the plan's (the canvases show them as plain text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Plan, Step

REMOVED, ADDED, CHANGED = "removed", "added", "reworked"
"""The marks, named as the current/redesigned differences are (``vocabulary.CHANGE``)."""


@dataclass(frozen=True)
class Ghost:
    """A step only the other copy has, where that copy put it."""

    id: str
    name: str
    lane: str
    x: float
    y: float


@dataclass(frozen=True)
class WeeksMoved:
    """A roadmap item whose weeks differ in the other copy."""

    id: str
    start_week: int
    duration_weeks: int
    shift: int
    """Their start minus ours, in weeks (positive: later in their copy)."""
    stretch: int
    """Their duration minus ours."""
    source: str = "the other copy"
    """Where the weeks come from, as the tooltip names it ("the baseline 'Agreed at workshop 2'")."""

    def words(self) -> str:
        """The difference as a tooltip line: "In the other copy: 3 weeks later (weeks 8–10)"."""
        parts = []
        if self.shift:
            n = abs(self.shift)
            parts.append(f"{n} week{'s' if n != 1 else ''} {'later' if self.shift > 0 else 'earlier'}")
        if self.stretch:
            n = abs(self.stretch)
            parts.append(f"{n} week{'s' if n != 1 else ''} {'longer' if self.stretch > 0 else 'shorter'}")
        first, last = self.start_week + 1, self.start_week + self.duration_weeks
        weeks = f"week {first}" if first == last else f"weeks {first}–{last}"
        return f"In {self.source}: {', '.join(parts)} ({weeks})"


@dataclass
class MapMarks:
    states: dict[str, str] = field(default_factory=dict)
    """The open plan's step id -> REMOVED or CHANGED."""
    ghosts: list[Ghost] = field(default_factory=list)


@dataclass
class OverlayMarks:
    maps: dict[str, MapMarks] = field(default_factory=dict)
    roadmap: dict[str, WeeksMoved] = field(default_factory=dict)

    def for_map(self, map_id: str | None) -> MapMarks:
        return self.maps.get(map_id or "", MapMarks())

    def count(self) -> int:
        steps = sum(len(m.states) + len(m.ghosts) for m in self.maps.values())
        return steps + len(self.roadmap)


def _step_fields(step: Step) -> dict:
    return step.model_dump(mode="json")


def overlay_marks(mine: Plan, theirs: Plan) -> OverlayMarks:
    """What the other copy ``theirs`` added, removed or changed, placed on ``mine``'s canvases."""
    marks = OverlayMarks()
    their_maps = {pmap.id: pmap for _uc, _variant, pmap in theirs.maps()}
    for _uc, _variant, pmap in mine.maps():
        other = their_maps.get(pmap.id)
        if other is None:
            continue  # a whole map (use case) the other copy removed: the compare view lists it
        their_steps = {s.id: s for s in other.steps}
        my_ids = {s.id for s in pmap.steps}
        found = MapMarks()
        for step in pmap.steps:
            theirs_step = their_steps.get(step.id)
            if theirs_step is None:
                found.states[step.id] = REMOVED
            elif _step_fields(theirs_step) != _step_fields(step):
                found.states[step.id] = CHANGED
        for step in other.steps:
            if step.id not in my_ids:
                found.ghosts.append(Ghost(step.id, step.name, step.lane, step.x, step.y))
        if found.states or found.ghosts:
            marks.maps[pmap.id] = found
    marks.roadmap = weeks_moved(mine, theirs)
    return marks


def weeks_moved(mine: Plan, theirs: Plan, source: str = "the other copy") -> dict[str, WeeksMoved]:
    """Each roadmap item of ``mine`` whose weeks differ in ``theirs``, with ``theirs``' weeks."""
    moved: dict[str, WeeksMoved] = {}
    their_items = {i.id: i for i in theirs.roadmap}
    for item in mine.roadmap:
        other = their_items.get(item.id)
        if other is None:
            continue
        shift = other.start_week - item.start_week
        stretch = other.duration_weeks - item.duration_weeks
        if shift or stretch:
            moved[item.id] = WeeksMoved(item.id, other.start_week, other.duration_weeks, shift, stretch, source)
    return moved
