"""The id index of an open plan answers what a walk of the plan would, after every edit and undo."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omplanner.commands import AddEntity, MoveEntity, SetFields, remove_cascade
from omplanner.fileio import parse_plan, plan_to_json
from omplanner.model import Flow, Role, Step, index_places
from omplanner.model.factories import make_use_case
from omplanner.model.index import attach, index_of
from omplanner.model.walk import find_place, iter_places

from .strategies import plans


def same_as_a_walk(plan) -> None:
    index = attach(plan)
    walked = index_places(plan)
    for entity_id, place in walked.items():
        found = index.place(entity_id)
        assert found is not None, entity_id
        assert (found.entity, found.owner, found.field, found.index) == (
            place.entity,
            place.owner,
            place.field,
            place.index,
        ), entity_id
    assert index.place("no-such-id") is None


def edits(plan, rng: random.Random):
    """A mix of the edits the app makes, each built against the plan as it is now."""
    uc = rng.choice(plan.use_cases)
    pmap = uc.redesigned
    n = rng.randrange(10**9)
    choice = rng.randrange(7)
    if choice == 0 and pmap.lanes:
        return AddEntity(pmap.id, "steps", Step(id=f"s-{n}", name=f"Step {n}", lane=pmap.lanes[0]))
    if choice == 1 and pmap.steps:
        return remove_cascade(plan, rng.choice(pmap.steps).id)
    if choice == 2 and plan.roles:
        return remove_cascade(plan, rng.choice(plan.roles).id)
    if choice == 3:
        return AddEntity(None, "roles", Role(id=f"r-{n}", name=f"Role {n}"))
    if choice == 4 and len(plan.use_cases) > 1:
        return MoveEntity(uc.id, rng.randrange(len(plan.use_cases)))
    if choice == 5:
        return AddEntity(None, "use_cases", make_use_case(f"Use case {n}"), index=0)
    if choice == 6 and len(pmap.steps) > 1:
        a, b = pmap.steps[0], pmap.steps[-1]
        return AddEntity(pmap.id, "flows", Flow(id=f"f-{n}", source=a.id, target=b.id))
    return SetFields(uc.id, {"name": f"Renamed {n}"})


@pytest.mark.parametrize("seed", range(4))
def test_the_index_follows_edits_undo_and_redo(example_plan, seed):
    rng = random.Random(seed)
    plan = example_plan
    attach(plan).rebuild()
    done = []
    for _ in range(25):
        command = edits(plan, rng)
        command.apply(plan)
        done.append(command)
        same_as_a_walk(plan)
    for command in reversed(done):
        command.revert(plan)
        same_as_a_walk(plan)
    for command in done:
        command.apply(plan)
    same_as_a_walk(plan)


def test_find_place_answers_from_the_index_without_walking(example_plan, monkeypatch):
    import omplanner.model.walk as walk

    step = next(uc for uc in reversed(example_plan.use_cases) if uc.redesigned.steps).redesigned.steps[-1]
    attach(example_plan).rebuild()
    monkeypatch.setattr(walk, "_walk", lambda *a, **k: pytest.fail("walked the plan"))
    assert find_place(example_plan, step.id).entity is step
    SetFields(step.id, {"name": "Checked"}).apply(example_plan)
    assert step.name == "Checked"


def test_an_index_that_missed_a_change_still_answers_right(example_plan):
    """Code that changes the plan around the commands (a test, an importer) does not make the
    index answer wrong: a removed entity is not found, a moved one is found where it is now."""
    index = attach(example_plan)
    index.rebuild()
    uc = example_plan.use_cases[0]
    gone = uc.redesigned.steps.pop(0)
    assert index.place(gone.id) is None
    example_plan.use_cases.reverse()
    assert index.place(uc.redesigned.id).owner is uc
    same_as_a_walk(example_plan)


def test_a_plan_without_an_index_is_walked(example_plan):
    from omplanner.model.index import index_of

    assert index_of(example_plan) is None
    step = example_plan.use_cases[0].current.steps[0]
    assert find_place(example_plan, step.id).entity is step


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans(), data=st.data())
def test_a_cascade_without_an_index_removes_what_one_with_it_does(plan, data):
    """The command line, an import and a scratch copy remove with their cascade on a plan with no
    index: they borrow one for the cascade and the macro, and end where the app's edit ends."""
    ids = [place.entity.id for place in iter_places(plan) if place.index is not None]
    if not ids:
        return
    target = data.draw(st.sampled_from(ids))
    bare, indexed_plan = plan.model_copy(deep=True), plan.model_copy(deep=True)
    attach(indexed_plan)
    command = remove_cascade(bare, target)
    assert index_of(bare) is None  # the borrowed index does not outlive the cascade
    changes = command.apply(bare)
    assert index_of(bare) is None
    assert changes == remove_cascade(indexed_plan, target).apply(indexed_plan)
    assert bare.model_dump() == indexed_plan.model_dump()
    assert find_place(bare, target) is None
    parse_plan(plan_to_json(bare).encode("utf-8"))  # the file still opens
    command.revert(bare)
    assert bare.model_dump() == plan.model_dump()


def test_removing_a_role_used_as_a_lane_without_an_index_walks_the_plan_a_few_times(example_plan, monkeypatch):
    """A role that is the lane of many steps takes them and their flows with it: without an index
    each of them was found by a walk of the whole plan (21 s on the large plan)."""
    import omplanner.model.walk as walk

    plan = example_plan
    lanes = [s.lane for uc in plan.use_cases for m in (uc.current, uc.redesigned) for s in m.steps]
    role = max(set(lanes), key=lanes.count)
    walks = []
    real = walk._walk
    monkeypatch.setattr(walk, "_walk", lambda model, *a, **k: (walks.append(model is plan), real(model, *a, **k))[1])
    command = remove_cascade(plan, role)
    command.apply(plan)
    assert lanes.count(role) > 5 and len(command.commands) > lanes.count(role)
    assert walks.count(True) <= 2, walks.count(True)
    assert all(s.lane != role for uc in plan.use_cases for m in (uc.current, uc.redesigned) for s in m.steps)
