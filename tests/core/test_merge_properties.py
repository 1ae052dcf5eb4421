"""The laws of merging, over generated plans and random runs of the core's edits on two copies:

- a copy merged with an unchanged one is that copy, whichever side it is on, and a copy merged
  with itself is itself, without conflicts;
- the conflicts are the same whichever copy is "mine";
- every edit of either copy that no conflict names is in the merged plan (a field's new value,
  an element added, an element removed);
- every choice for every conflict gives a plan that loads and keeps the file's rules.
"""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from omplanner.commands import AddEntity, SetFields, remove_cascade
from omplanner.compare import compare_plans
from omplanner.compare.apply import edit_towards
from omplanner.compare.diff import required_refs
from omplanner.compare.merge import merge_plans
from omplanner.compare.records import ROOT, take_apart
from omplanner.fileio import parse_plan, plan_to_json
from omplanner.model import Plan, Step, check_integrity
from omplanner.model.index import attach

from .strategies import plans
from .test_command_properties import (
    EXAMPLE,
    UndoStack,
    add_entity,
    move,
    new_id,
    nudge,
    paste,
    remove,
    set_reference,
    set_value,
    type_text,
)

RUNS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
"""A fixed set of runs, without shrinking: a failing run of edits shrinks for minutes, and its
draws, printed as they are, already name the edits."""
EDITS = ["add", "reference", "value", "typing", "nudge", "remove", "move", "paste"]
CONTESTED = ["rename", "drop", "lane step", "raci", "drag"]
"""Edits of a few elements both copies are likely to touch, so that runs meet conflicts."""


def contested(draw, plan: Plan, stack: UndoStack, action: str) -> None:
    """An edit of the first few roles, steps, decisions and roadmap items of the example."""
    steps = [s.id for s in plan.use_cases[0].current.steps[:3] + plan.use_cases[0].redesigned.steps[:3]]
    roles = [r.id for r in plan.roles[:3]]
    if action == "rename" and steps:
        stack.push(SetFields(draw(st.sampled_from(steps)), {"name": draw(st.sampled_from(["Check", "Verify"]))}))
    elif action == "drop":
        pool = roles + steps[:2] + [i.id for i in plan.roadmap[:2]] + [d.id for d in plan.decisions[:2]]
        if pool:
            stack.push(remove_cascade(plan, draw(st.sampled_from(pool))))
    elif action == "lane step":
        pmap = draw(st.sampled_from([plan.use_cases[0].current, plan.use_cases[0].redesigned]))
        if pmap.lanes:
            step = Step(id=new_id("step"), name="Added", lane=draw(st.sampled_from(pmap.lanes[:2])))
            stack.push(AddEntity(pmap.id, "steps", step))
    elif action == "raci" and plan.decisions and roles:
        decision = draw(st.sampled_from(plan.decisions[:2]))
        stack.push(
            SetFields(decision.id, {"accountable": draw(st.lists(st.sampled_from(roles), max_size=2, unique=True))})
        )
    elif action == "drag" and steps:
        stack.push(SetFields(draw(st.sampled_from(steps)), {"x": draw(st.sampled_from([10.0, 20.0]))}))


def edited(draw, base: Plan) -> Plan:
    """A copy of ``base`` after a few random edits through the core's commands (some refused)."""
    plan = base.model_copy(deep=True)
    stack = UndoStack(plan)
    clipboard: list = []
    for _ in range(draw(st.integers(0, 8))):
        action = draw(st.sampled_from(EDITS + CONTESTED * 3))
        if action in CONTESTED:
            contested(draw, plan, stack, action)
            continue
        {
            "add": lambda: add_entity(draw, plan, stack),
            "reference": lambda: set_reference(draw, plan, stack),
            "value": lambda: set_value(draw, plan, stack),
            "typing": lambda: type_text(draw, plan, stack),
            "nudge": lambda: nudge(draw, plan, stack),
            "remove": lambda: remove(draw, plan, stack),
            "move": lambda: move(draw, plan, stack),
            "paste": lambda: paste(draw, plan, stack, clipboard),
        }[action]()
    return plan


def loads(plan: Plan) -> str:
    text = plan_to_json(plan)
    assert check_integrity(plan) == []
    assert plan_to_json(parse_plan(text.encode("utf-8"))) == text
    return text


@RUNS
@given(plans())
def test_a_generated_plan_merged_with_itself_is_itself(base):
    result = merge_plans(base, base, base)
    assert result.conflicts == [] and result.taken.differences == []
    assert loads(result.plan) == plan_to_json(base)


@RUNS
@given(st.data())
def test_merging_with_an_unchanged_copy_or_the_same_copy_gives_that_copy(data):
    changed = edited(data.draw, EXAMPLE)
    expected = plan_to_json(changed)
    for mine, theirs in ((changed, EXAMPLE), (EXAMPLE, changed), (changed, changed)):
        result = merge_plans(EXAMPLE, mine, theirs)
        assert result.conflicts == []
        assert loads(result.plan) == expected


@RUNS
@given(st.data())
def test_conflicts_are_the_same_whichever_copy_is_mine(data):
    x, y = edited(data.draw, EXAMPLE), edited(data.draw, EXAMPLE)
    one, other = merge_plans(EXAMPLE, x, y), merge_plans(EXAMPLE, y, x)
    assert sorted(c.key for c in one.conflicts) == sorted(c.key for c in other.conflicts)
    for conflict in one.conflicts:
        twin = next(c for c in other.conflicts if c.key == conflict.key)
        assert (conflict.mine, conflict.theirs) == (twin.theirs, twin.mine)
        if conflict.kind == "edit":  # the choices are "mine" and "theirs": each side's own value
            assert conflict.choice_words("mine") == twin.choice_words("theirs").replace("Theirs", "Yours")
        else:
            assert (conflict.mine_choice, conflict.theirs_choice) == (twin.theirs_choice, twin.mine_choice)


def _named(conflicts, ident: str) -> bool:
    return any(ident in c.key[1:] for c in conflicts)


@RUNS
@given(st.data())
def test_every_edit_of_either_copy_that_no_conflict_names_is_in_the_merged_plan(data):
    x, y = edited(data.draw, EXAMPLE), edited(data.draw, EXAMPLE)
    result = merge_plans(EXAMPLE, x, y)
    base, merged = take_apart(EXAMPLE), take_apart(loads(result.plan) and result.plan)
    for side in (take_apart(x), take_apart(y)):
        for ident, record in side.items():
            if _named(result.conflicts, ident) or any(_named(result.conflicts, o) for o in _owners(side, ident)):
                continue
            if ident not in base:
                assert ident in merged, f"{record.name}, added in a copy, is lost"
                continue
            before = base[ident]
            if ident not in merged:
                continue  # removed by the other copy, not changed in this one (checked below)
            refs = getattr(record.cls, "refs", {})
            for key, value in record.values.items():
                if value != before.values.get(key) and key[0] not in refs and not isinstance(value, list):
                    if ident == ROOT or key == ("modified",):
                        continue
                    assert merged[ident].values[key] == value, f"{record.name}: {key} lost"
        for ident in base:
            if ident not in side and not _explained(result.conflicts, base, ident):
                assert ident not in merged, f"{base[ident].name}, removed in a copy, came back"


def _explained(conflicts, base, ident: str, depth: int = 0) -> bool:
    """A conflict names the element, what holds it, or what it cannot exist without (kept, it
    brings back what its removal took)."""
    if depth > 20:
        return False
    if _named(conflicts, ident) or any(_named(conflicts, owner) for owner in _owners(base, ident)):
        return True
    record = base[ident]
    targets = [record.values.get((name,)) for name in required_refs(record.cls)]
    return any(t in base and _explained(conflicts, base, t, depth + 1) for t in targets)


def _owners(records, ident):
    record = records.get(ident)
    while record is not None and record.owner is not None:
        yield record.owner
        record = records.get(record.owner)


@RUNS
@given(st.data())
def test_every_choice_for_every_conflict_gives_a_plan_that_loads(data):
    x, y = edited(data.draw, EXAMPLE), edited(data.draw, EXAMPLE)
    first = merge_plans(EXAMPLE, x, y)
    for take in ("mine", "theirs"):
        loads(merge_plans(EXAMPLE, x, y, take=take).plan)
    choices = {c.key: data.draw(st.sampled_from([key for key, _ in c.choices])) for c in first.conflicts}
    result = merge_plans(EXAMPLE, x, y, choices=choices)
    loads(result.plan)
    # the changes taken are what a comparison of your copy with the merged plan lists
    assert result.taken.to_json() == compare_plans(x, result.plan).to_json()
    for conflict in result.conflicts:
        if conflict.key in choices:
            assert conflict.decided and conflict.chosen == choices[conflict.key]


@RUNS
@given(st.data())
def test_the_edit_that_applies_a_merge_gives_the_merged_plan_and_undoes_to_the_plan_before(data):
    x, y = edited(data.draw, EXAMPLE), edited(data.draw, EXAMPLE)
    merged = merge_plans(EXAMPLE, x, y).plan
    plan = x.model_copy(deep=True)
    if data.draw(st.booleans()):
        attach(plan)  # as the app has it
    command = edit_towards(plan, merged, "Merge their copy")
    changes = command.apply(plan)
    assert plan_to_json(plan) == plan_to_json(merged)
    # every element the merge changed is named (which of a reordered list "moved" is a matter of view)
    assert set(changes.ids) >= {r.id for r in compare_plans(x, merged).differences if r.id and r.field != "order"}
    command.revert(plan)
    assert plan_to_json(plan) == plan_to_json(x)
