"""Adding or deleting steps changes only their items on the map, and shows what a rebuild shows."""

from __future__ import annotations

import pytest

from omplanner.commands import AddEntity, remove_cascade
from omplanner.model import Flow, Step
from omplanner.process.edits import delete_command
from ui.document import Document
from ui.process.items import StepItem
from ui.process.scene import ProcessScene


def picture(scene: ProcessScene) -> dict:
    """What the map shows: each step where it is, each arrow between which steps, the lanes."""
    return {
        "steps": {sid: (item.pos().x(), item.pos().y(), item.name) for sid, item in scene.steps.items()},
        "flows": {key: (r.source_id, r.target_id, r.label) for key, r in scene.flows.items()},
        "lanes": sorted(scene.lanes),
        "items": sum(1 for i in scene.items() if isinstance(i, StepItem)),
    }


@pytest.fixture
def mapped(qapp, example_plan):
    document = Document(example_plan)
    uc = next(u for u in example_plan.use_cases if len(u.redesigned.steps) > 3)
    scene = ProcessScene()
    scene.show_map(document.plan, uc.redesigned.id)
    document.changed.connect(lambda changes: scene.refresh(document.plan, changes))
    rebuilt = ProcessScene()

    def same_as_rebuilt():
        rebuilt.show_map(document.plan, uc.redesigned.id)
        assert picture(scene) == picture(rebuilt)

    return document, uc.redesigned, scene, same_as_rebuilt


def test_adding_a_step_and_a_flow_adds_their_items_only(mapped):
    document, pmap, scene, same_as_rebuilt = mapped
    kept = scene.steps[pmap.steps[0].id]
    step = Step(id="step-new", name="Check the match", lane=pmap.lanes[0], x=900.0, y=40.0)
    assert document.execute(AddEntity(pmap.id, "steps", step))
    assert document.execute(AddEntity(pmap.id, "flows", Flow(id="flow-new", source=pmap.steps[0].id, target=step.id)))
    assert scene.steps[pmap.steps[0].id] is kept  # not rebuilt
    assert "step-new" in scene.steps and "flow-new" in scene.flows
    same_as_rebuilt()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert "step-new" not in scene.steps and "flow-new" not in scene.flows
    same_as_rebuilt()


def test_deleting_steps_with_their_flows_and_undo(mapped):
    document, pmap, scene, same_as_rebuilt = mapped
    doomed = [pmap.steps[1].id, pmap.steps[2].id]
    assert document.execute(delete_command(document.plan, doomed))
    assert not set(doomed) & set(scene.steps)
    assert all(r.source_id not in doomed and r.target_id not in doomed for r in scene.flows.values())
    same_as_rebuilt()
    document.undo_stack.undo()
    same_as_rebuilt()
    document.undo_stack.redo()
    same_as_rebuilt()


def test_removing_the_step_that_takes_an_ai_steps_exceptions(qapp, example_plan):
    document = Document(example_plan)
    pmap, routed = next(
        (u.redesigned, s) for u in example_plan.use_cases for s in u.redesigned.steps if s.exception_route
    )
    scene, rebuilt = ProcessScene(), ProcessScene()
    scene.show_map(document.plan, pmap.id)
    document.changed.connect(lambda changes: scene.refresh(document.plan, changes))
    assert f"exception:{routed.id}" in scene.flows
    assert document.execute(remove_cascade(document.plan, routed.exception_route))
    assert f"exception:{routed.id}" not in scene.flows
    rebuilt.show_map(document.plan, pmap.id)
    assert picture(scene) == picture(rebuilt)
    document.undo_stack.undo()
    assert f"exception:{routed.id}" in scene.flows
    rebuilt.show_map(document.plan, pmap.id)
    assert picture(scene) == picture(rebuilt)


def test_a_role_that_is_no_lane_of_the_map_changes_nothing_drawn(mapped):
    """Removing a role named only in decisions (and undoing it) keeps every item of the map:
    on a large plan the rebuild it caused cost more than the removal itself."""
    document, pmap, scene, same_as_rebuilt = mapped
    role = next(r for r in document.plan.roles if r.id not in pmap.lanes)
    items = dict(scene.steps)
    document.execute(remove_cascade(document.plan, role.id))
    assert all(scene.steps[sid] is item for sid, item in items.items())
    document.undo_stack.undo()
    assert all(scene.steps[sid] is item for sid, item in items.items())
    same_as_rebuilt()
    lane = pmap.lanes[0]
    document.execute(remove_cascade(document.plan, lane))  # a lane's role: the map is redrawn
    same_as_rebuilt()
