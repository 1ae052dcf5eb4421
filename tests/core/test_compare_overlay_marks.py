"""What the canvases mark when another copy's differences are shown (omplanner.compare.overlay)."""

from __future__ import annotations

from omplanner.commands import SetFields, remove_cascade
from omplanner.compare.overlay import WeeksMoved, overlay_marks
from omplanner.fileio import load_plan
from omplanner.paths import example_path


def test_the_same_plan_marks_nothing():
    plan = load_plan(example_path("distributor"))
    assert overlay_marks(plan, plan.model_copy(deep=True)).count() == 0


def test_a_removed_use_case_marks_no_step_and_a_moved_step_is_reworked():
    mine = load_plan(example_path("distributor"))
    theirs = mine.model_copy(deep=True)
    remove_cascade(theirs, "uc-email").apply(theirs)
    SetFields("ap-r1", {"x": 80.0}).apply(theirs)
    marks = overlay_marks(mine, theirs)
    assert {m: found.states for m, found in marks.maps.items()} == {"map-ap-redesigned": {"ap-r1": "reworked"}}
    assert marks.roadmap == {}  # items they dropped with the use case are no weeks moved


def test_the_weeks_are_worded_both_ways():
    assert WeeksMoved("i", 6, 3, 3, 0).words() == "In the other copy: 3 weeks later (weeks 7–9)"
    assert WeeksMoved("i", 2, 1, -1, -2).words() == "In the other copy: 1 week earlier, 2 weeks shorter (week 3)"
