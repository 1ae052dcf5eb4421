"""A fix never leaves the plan worse (issue 15): every fix a sequencing rule offers, applied to
many generated plans, clears its finding and brings no new error. A rule that cannot promise
that for a plan offers no fix there.

The offer goes through ``fix_trial``, as in the app: the trial applies the fix to a copy of the
plan and checks the copy.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omplanner.fileio import load_plan
from omplanner.model import ItemStatus
from omplanner.paths import example_path
from omplanner.rules import check_plan
from omplanner.rules.fix_trial import try_fix

from .strategies import plans
from .test_auto_sequence import roadmaps_under_way
from .test_sequencing import roadmaps

EXAMPLE = load_plan(example_path("distributor"))


def assert_every_fix_is_sound(plan) -> int:
    findings = check_plan(plan)
    tried = 0
    for finding in findings:
        if not finding.code.startswith("SEQ-") or finding.fix is None:
            continue
        trial = try_fix(plan, finding, findings)
        tried += 1
        assert trial.clears, f"{finding.fix.description} does not clear: {finding.message}\n{_roadmap(plan)}"
        assert not trial.new_errors, (
            f"{finding.fix.description} (for: {finding.message}) brings: {[f.message for f in trial.new_errors]}"
            f"\n{_roadmap(plan)}"
        )
    return tried


def _roadmap(plan) -> str:
    """The roadmap in a line per item, for a failure message a person can replay."""
    return "\n".join(
        f"{i.id} {i.kind.value} {i.use_case} start={i.start_week} weeks={i.duration_weeks} "
        f"deps={i.depends_on} {i.status.value}"
        for i in plan.roadmap
    )


@st.composite
def example_variations(draw):
    """The example plan with its roadmap shaken: starts, lengths and statuses redrawn."""
    plan = EXAMPLE.model_copy(deep=True)
    for item in plan.roadmap:
        item.start_week = max(0, item.start_week + draw(st.integers(-8, 8)))
        item.duration_weeks = draw(st.sampled_from([item.duration_weeks, 1, 2, 6, 16]))
        item.status = draw(st.sampled_from([ItemStatus.PLANNED] * 4 + list(ItemStatus)))
    return plan


SLOW = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@pytest.mark.slow
@SLOW
@given(example_variations())
def test_fixes_on_variations_of_the_example_are_sound(plan):
    assert_every_fix_is_sound(plan)


@pytest.mark.slow
@SLOW
@given(roadmaps())
def test_fixes_on_generated_roadmaps_are_sound(plan):
    assert_every_fix_is_sound(plan)


@pytest.mark.slow
@SLOW
@given(roadmaps_under_way())
def test_fixes_around_done_and_in_progress_work_are_sound(plan):
    assert_every_fix_is_sound(plan)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans())
def test_fixes_on_generated_plans_are_sound(plan):
    assert_every_fix_is_sound(plan)


def test_the_example_offers_its_sequencing_fixes():
    assert assert_every_fix_is_sound(EXAMPLE.model_copy(deep=True)) >= 3
