"""The law of edits: whatever a user does, the plan saved after it opens again.

Random runs of commands, valid and deliberately invalid (an entity in the wrong list, a
reference to nothing or to the wrong kind, an id used twice, a value out of range, steps pasted
into another use case's map, runs of typing and nudging that merge), go through an undo stack
that behaves as the app's (``QUndoStack``: an edit is applied, then pushed; one with the same
merge key as the top merges into it). After every edit the plan is saved to JSON and read back
as the loader reads a file; at the end, undoing everything gives the example back exactly, and
redoing everything gives the end state.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omplanner.commands import (
    AddEntity,
    Command,
    CommandError,
    MoveEntity,
    RemoveEntity,
    SetFields,
    remove_cascade,
)
from omplanner.fileio import load_plan, parse_plan, plan_to_json
from omplanner.model import Decision, Entity, Flow, Plan, RoadmapItem, Role, Step, Threshold, iter_places
from omplanner.model.index import attach
from omplanner.model.walk import find_place
from omplanner.paths import example_path
from omplanner.process import nudge_command, paste_command

EXAMPLE = load_plan(example_path("distributor"))
_fresh = itertools.count()

RUNS = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
"""A fixed set of runs (derandomized, so that CI sees the same ones every time), a few seconds."""


class UndoStack:
    """What the app's undo stack does with core commands (ui/document.py over QUndoStack)."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.done: list[Command] = []
        self.undone: list[Command] = []

    def push(self, command: Command) -> bool:
        before = self.plan.model_dump()
        try:
            command.apply(self.plan)
        except CommandError as exc:
            assert self.plan.model_dump() == before, f"a refused edit changed the plan: {exc}"
            assert str(exc) and "Traceback" not in str(exc)
            return False
        self.undone.clear()
        key = getattr(command, "merge_key", None)
        top = self.done[-1] if self.done else None
        if key is not None and top is not None and getattr(top, "merge_key", None) == key and top.merge_with(command):
            return True
        self.done.append(command)
        return True

    def undo(self) -> None:
        command = self.done.pop()
        command.revert(self.plan)
        self.undone.append(command)

    def redo(self) -> None:
        command = self.undone.pop()
        command.apply(self.plan)
        self.done.append(command)


def reopens(plan: Plan) -> str:
    """The plan saved as the app saves it, then read back as the app opens a file."""
    text = plan_to_json(plan)
    assert plan_to_json(parse_plan(text.encode("utf-8"))) == text
    return text


def value_of(plan: Plan, entity_id: str, field: str):
    place = find_place(plan, entity_id)
    return None if place is None else getattr(place.entity, field)


def new_id(prefix: str) -> str:
    return f"{prefix}-prop-{next(_fresh)}"


# -- what a command may be built from ------------------------------------------------------------
def _ids(plan: Plan) -> list[str]:
    return [place.entity.id for place in iter_places(plan)]


def _any_ref(draw, plan: Plan) -> str:
    """An id of the plan, of any kind, or one that is in no plan."""
    return draw(st.sampled_from([*_ids(plan), "nothing-here"]))


def _new_entity(draw, plan: Plan) -> Entity:
    """An entity of some kind with references drawn from the whole plan (right or wrong)."""
    ident = draw(st.sampled_from([new_id("el"), new_id("el"), *_ids(plan)[:: max(1, len(_ids(plan)) // 8)]]))
    kind = draw(st.sampled_from(["role", "step", "flow", "item", "decision", "threshold"]))
    if kind == "role":
        return Role(id=ident, name="Auditor")
    if kind == "step":
        return Step(id=ident, name="New", lane=_any_ref(draw, plan), x=draw(st.floats(-100, 900)))
    if kind == "flow":
        return Flow(id=ident, source=_any_ref(draw, plan), target=_any_ref(draw, plan))
    if kind == "item":
        return RoadmapItem(id=ident, title="Item", depends_on=[_any_ref(draw, plan)], owner=draw(st.none()))
    if kind == "decision":
        return Decision(id=ident, name="Decide", use_case=_any_ref(draw, plan))
    return Threshold(id=ident, metric="Precision", covers=[_any_ref(draw, plan)])


def add_entity(draw, plan: Plan, stack: UndoStack) -> None:
    owners = [(None, f) for f in ("roles", "decisions", "roadmap", "use_cases")]
    for uc in plan.use_cases:
        owners += [(uc.current.id, "steps"), (uc.redesigned.id, "flows"), (uc.governance.id, "thresholds")]
    owner_id, field = draw(st.sampled_from(owners))
    entity = _new_entity(draw, plan)
    if draw(st.booleans()):  # a value out of range, in an entity built without validation
        entity = entity.model_copy(update={"id": new_id("el"), "x": 2e6} if isinstance(entity, Step) else {})
    stack.push(AddEntity(owner_id, field, entity, index=draw(st.none() | st.integers(-2, 50))))


REFERENCE_OWNERS = (Step, Flow, Decision, RoadmapItem, Threshold)


def set_reference(draw, plan: Plan, stack: UndoStack) -> None:
    entities = [p.entity for p in iter_places(plan) if p.entity.refs]
    entity = draw(st.sampled_from(entities))
    field = draw(st.sampled_from(sorted(entity.refs)))
    current = getattr(entity, field)
    if isinstance(current, list):
        value = draw(st.lists(st.sampled_from([*_ids(plan), "nothing-here"]), max_size=3))
    else:
        value = _any_ref(draw, plan)
    stack.push(SetFields(entity.id, {field: value}))


def set_value(draw, plan: Plan, stack: UndoStack) -> None:
    """A field set to a value in or out of its range."""
    choices = []
    for uc in plan.use_cases:
        choices.append((uc.id, "tractability.definition", st.integers(0, 6)))
        choices.append((uc.id, "name", st.sampled_from(["", "Renamed"])))
        for _uc, _v, pmap in plan.maps():
            for step in pmap.steps[:3]:
                choices.append((step.id, "minutes", st.floats(-5, 2e5, allow_nan=False)))
                choices.append((step.id, "confidence_threshold", st.none() | st.floats(-5, 105)))
    for item in plan.roadmap[:4]:
        choices.append((item.id, "start_week", st.integers(-1, 600)))
    entity_id, field, values = draw(st.sampled_from(choices))
    stack.push(SetFields(entity_id, {field: draw(values)}))


def type_text(draw, plan: Plan, stack: UndoStack) -> None:
    """Typing in a free-text field: one command a keystroke, merging into one undo step."""
    targets = [(d.id, "rationale") for d in plan.decisions] + [
        (s.id, "name") for _, _, m in plan.maps() for s in m.steps
    ]
    if not targets:
        return
    entity_id, field = draw(st.sampled_from(targets))
    key = f"typing:{entity_id}:{field}"
    top = stack.done[-1] if stack.done else None
    fresh_run = getattr(top, "merge_key", None) != key
    before = value_of(plan, entity_id, field)
    word = draw(st.text(alphabet="abc é", min_size=1, max_size=5))
    accepted = [stack.push(SetFields(entity_id, {field: word[:end]}, merge_key=key)) for end in range(1, len(word) + 1)]
    typed = value_of(plan, entity_id, field)
    if all(accepted):
        assert typed == word
    if fresh_run and any(accepted):
        # the run is one undo step: undo gives back what was there before the first keystroke,
        # and redo the newest text, not the first keystroke the command was made with
        stack.undo()
        assert value_of(plan, entity_id, field) == before
        stack.redo()
        assert value_of(plan, entity_id, field) == typed


def nudge(draw, plan: Plan, stack: UndoStack) -> None:
    maps = [m for _, _, m in plan.maps() if m.steps]
    if not maps:
        return
    pmap = draw(st.sampled_from(maps))
    ids = draw(st.lists(st.sampled_from([s.id for s in pmap.steps]), min_size=1, max_size=3, unique=True))
    for _ in range(draw(st.integers(1, 4))):
        stack.push(nudge_command(pmap, ids, draw(st.sampled_from([-10.0, 10.0, 1e6])), 0))


def remove(draw, plan: Plan, stack: UndoStack) -> None:
    listed = [p.entity.id for p in iter_places(plan) if p.index is not None]
    target = draw(st.sampled_from(listed))
    stack.push(remove_cascade(plan, target) if draw(st.booleans()) else RemoveEntity(target))


def move(draw, plan: Plan, stack: UndoStack) -> None:
    listed = [p.entity.id for p in iter_places(plan) if p.index is not None]
    stack.push(MoveEntity(draw(st.sampled_from(listed)), draw(st.integers(-3, 30))))


def copy_steps(draw, plan: Plan, clipboard: list) -> None:
    maps = [m for _, _, m in plan.maps() if m.steps]
    pmap = draw(st.sampled_from(maps))
    ids = set(draw(st.lists(st.sampled_from([s.id for s in pmap.steps]), min_size=1, max_size=4, unique=True)))
    steps = [s.model_copy(deep=True) for s in pmap.steps if s.id in ids]
    flows = [f.model_copy() for f in pmap.flows if f.source in ids and f.target in ids]
    clipboard[:] = [(steps, flows)]


def paste(draw, plan: Plan, stack: UndoStack, clipboard: list) -> None:
    if not clipboard:
        copy_steps(draw, plan, clipboard)
    steps, flows = clipboard[0]
    target = draw(st.sampled_from([m for _, _, m in plan.maps()]))
    stack.push(paste_command(plan, target, steps, flows, 20, 20))


ACTIONS = ["add", "reference", "value", "typing", "nudge", "remove", "move", "copy", "paste", "undo", "redo"]


@RUNS
@given(st.data(), st.booleans())
def test_every_edit_leaves_a_plan_that_opens_and_undo_all_restores_it(data, indexed):
    plan = EXAMPLE.model_copy(deep=True)
    if indexed:
        attach(plan)  # as the app has it: lookups answered by the open plan's id index
    original = reopens(plan)
    stack = UndoStack(plan)
    clipboard: list = []
    draw = data.draw
    for _ in range(draw(st.integers(1, 10))):
        action = draw(st.sampled_from(ACTIONS))
        if action == "add":
            add_entity(draw, plan, stack)
        elif action == "reference":
            set_reference(draw, plan, stack)
        elif action == "value":
            set_value(draw, plan, stack)
        elif action == "typing":
            type_text(draw, plan, stack)
        elif action == "nudge":
            nudge(draw, plan, stack)
        elif action == "remove":
            remove(draw, plan, stack)
        elif action == "move":
            move(draw, plan, stack)
        elif action == "copy":
            copy_steps(draw, plan, clipboard)
        elif action == "paste":
            paste(draw, plan, stack, clipboard)
        elif action == "undo" and stack.done:
            stack.undo()
        elif action == "redo" and stack.undone:
            stack.redo()
        reopens(plan)
    end, at = plan_to_json(plan), len(stack.done)
    while stack.done:
        stack.undo()
        reopens(plan)
    assert plan_to_json(plan) == original
    while len(stack.done) < at:  # back to where the run ended; edits undone then stay undone
        stack.redo()
        reopens(plan)
    assert plan_to_json(plan) == end
