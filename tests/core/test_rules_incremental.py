"""The incremental check: after any run of edits it returns exactly what a full check returns.

The app re-checks the plan after every edit by re-running only the rule families whose inputs
the edit touched (``PlanCheck.update``). If a family's declared inputs missed an entity type,
a finding would linger or fail to appear: these tests apply random edits of every kind
(fields of every entity type, deletions with their cascades, reorders, undos) and compare.
"""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omplanner.commands import CommandError, MoveEntity, SetFields, remove_cascade
from omplanner.model import ItemKind, RuleSetting, RuleSeverity
from omplanner.model.walk import iter_places
from omplanner.rules import check, check_plan
from tests.benchmarks.generate import generate_data

from .strategies import plans

SKIP_FIELDS = {"id", "x", "y"}


def normalised(findings) -> list[tuple]:
    """What a user sees of a finding (a fix's command object is new on every check)."""
    return [
        (
            f.code,
            f.severity,
            f.title,
            f.message,
            f.elements,
            f.component,
            f.use_case_id,
            f.fix.description if f.fix else None,
            type(f.fix.command).__name__ if f.fix else None,
        )
        for f in findings
    ]


def _borrowed_value(rng: random.Random, entity, others, field: str):
    """A value this field holds elsewhere in the plan (so it is valid), or a nearby number."""
    value = getattr(entity, field)
    if isinstance(value, int) and not isinstance(value, bool) and rng.random() < 0.5:
        return max(1, min(5, value + rng.choice([-2, -1, 1, 2]))) if value <= 5 else value + rng.choice([-3, 2, 5])
    donors = [o for o in others if getattr(o, field) != value]
    return getattr(rng.choice(donors), field) if donors else value


def random_edit(plan, rng: random.Random):
    """One random command, applied; None when the drawn edit is refused or changes nothing."""
    places = list(iter_places(plan))
    by_type: dict[type, list] = {}
    for p in places:
        by_type.setdefault(type(p.entity), []).append(p)
    # Every entity type as likely as any other: steps must not crowd out the rest.
    place = rng.choice(by_type[rng.choice(list(by_type))])
    entity = place.entity
    roll = rng.random()
    try:
        if roll < 0.12 and place.index is not None and type(entity).__name__ not in ("ProcessMap", "Governance"):
            command = remove_cascade(plan, entity.id)
        elif roll < 0.2 and place.index is not None:
            command = MoveEntity(entity.id, rng.randrange(0, 6))
        else:
            fields = [f for f in type(entity).model_fields if f not in SKIP_FIELDS]
            if not fields:
                return None
            field = rng.choice(fields)
            others = [p.entity for p in places if type(p.entity) is type(entity)]
            command = SetFields(entity.id, {field: _borrowed_value(rng, entity, others, field)})
        return command, command.apply(plan)
    except (CommandError, KeyError, ValueError):
        return None


def run_edits(plan, rng: random.Random, edits: int, batch: int = 3) -> int:
    """Apply random edits (and undos) in small batches, comparing incremental and full checks."""
    previous = check(plan)
    done: list = []
    compared = 0
    for _ in range(edits):
        pending = edit_batch(plan, rng, done, random_edit, batch)
        previous = previous.update(plan, pending)
        assert normalised(previous.findings) == normalised(check_plan(plan)), [str(c) for c in pending]
        compared += 1
    return compared


def test_random_edits_on_the_example_match_a_full_check(example_plan):
    for seed in range(10):
        plan = example_plan.model_copy(deep=True)
        assert run_edits(plan, random.Random(seed), 30) == 30


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.integers(0, 10**6))
def test_random_edits_on_generated_plans_match_a_full_check(plan, seed):
    run_edits(plan, random.Random(seed), 8)


def test_random_edits_on_a_generated_large_plan_match_a_full_check():
    run_edits(large_plan_part(use_cases=2, seed=3), random.Random(1), 10)


def large_plan_part(use_cases: int, seed: int):
    """The first use cases of a benchmark-sized plan, with their roadmap items: a part keeps the
    full checks the incremental ones are compared against quick."""
    from omplanner.model import Plan

    data = generate_data(1, seed=seed)
    data["use_cases"] = data["use_cases"][:use_cases]
    ucs = {uc["id"] for uc in data["use_cases"]}
    data["roadmap"] = [i for i in data["roadmap"] if i.get("use_case") in ucs or i.get("use_case") is None][:60]
    return Plan.model_validate(data)


def test_a_roadmap_drag_reruns_only_the_rules_that_read_the_roadmap(example_plan):
    previous = check(example_plan)
    item = next(i for i in example_plan.roadmap if i.kind is ItemKind.TOOL_SELECTION)
    changes = SetFields(item.id, {"start_week": 0}).apply(example_plan)
    after = previous.update(example_plan, [changes])
    # Sequencing, governance and readiness (a candidate use case deploying on the roadmap needs an
    # owner, a redesign, decision rights...), and no other family.
    assert {code.split("-")[0] for code in after.reran} == {"SEQ", "GOV", "RDY"}
    assert normalised(after.findings) == normalised(check_plan(example_plan))
    assert normalised(after.findings) != normalised(previous.findings)  # the drag broke a principle


def test_editing_the_plan_title_reruns_nothing(example_plan):
    previous = check(example_plan)
    changes = SetFields("details", {"title": "Another title"}).apply(example_plan)
    after = previous.update(example_plan, [changes])
    assert after.reran == set()
    assert after.findings == previous.findings


def test_changed_rule_settings_rerun_every_rule(example_plan):
    previous = check(example_plan)
    code = previous.findings[0].code
    example_plan.rule_settings[code] = RuleSetting(severity=RuleSeverity.OFF)
    after = previous.update(example_plan, [])
    assert code not in {f.code for f in after.findings}
    assert normalised(after.findings) == normalised(check_plan(example_plan))
    example_plan.rule_settings[code] = RuleSetting(severity=RuleSeverity.INFO)
    again = after.update(example_plan, [])
    assert {f.severity.value for f in again.findings if f.code == code} == {"info"}
    assert normalised(again.findings) == normalised(check_plan(example_plan))


def test_a_rule_settings_reason_reruns_nothing_its_severity_everything(example_plan):
    from omplanner.commands.rule_settings import SetRuleSetting
    from omplanner.rules import catalogue

    code = check(example_plan).findings[0].code
    off = SetRuleSetting(code, RuleSeverity.OFF, "Agreed with the sponsor")
    previous = check(example_plan)
    after = previous.update(example_plan, [off.apply(example_plan)])
    assert after.reran == {info.code for info in catalogue()} - {code}  # every rule still on
    assert code not in {f.code for f in after.findings}
    reworded = SetRuleSetting(code, RuleSeverity.OFF, "Agreed with the sponsor on 3 March")
    again = after.update(example_plan, [reworded.apply(example_plan)])
    assert again.reran == set()
    assert normalised(again.findings) == normalised(check_plan(example_plan))
    back = after.update(example_plan, [reworded.revert(example_plan), off.revert(example_plan)])
    assert code in {f.code for f in back.findings}
    assert normalised(back.findings) == normalised(check_plan(example_plan))


def test_check_plan_with_previous_and_changes_equals_a_full_check(example_plan):
    previous = check(example_plan)
    item = example_plan.roadmap[3]
    changes = SetFields(item.id, {"duration_weeks": item.duration_weeks + 4}).apply(example_plan)
    assert normalised(check_plan(example_plan, previous, [changes])) == normalised(check_plan(example_plan))


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def _candidate_values(entity, others, field: str, ids_of_kind: dict[str, list[str]], rng: random.Random) -> list:
    value = getattr(entity, field)
    values = []
    kind = type(entity).refs.get(field)
    if kind:  # a reference: point it at other entities of the kind it names
        fresh = [i for i in ids_of_kind.get(kind, []) if i != value and not (isinstance(value, list) and i in value)]
        fresh = rng.sample(fresh, min(3, len(fresh)))
        values += [value + [i] for i in fresh] if isinstance(value, list) else fresh
    for other in others:
        v = getattr(other, field)
        if v != value and v not in values:
            values.append(v)
    if isinstance(value, int) and not isinstance(value, bool):
        values += [v for v in (1, 2, 4, value + 6) if v != value and v not in values]
    if isinstance(value, list) and value:
        values.append(value[:-1])
    if isinstance(value, str) and value:
        values.append("")
    return values[:6]


def test_every_field_of_every_entity_type_edited_matches_a_full_check(example_plan):
    """A sweep rather than a sample: each field of up to four entities of each type takes a few
    other values; after each edit and its undo the incremental check equals a full one."""
    plan = example_plan
    previous = check(plan)
    by_type: dict[type, list] = {}
    for place in iter_places(plan):
        by_type.setdefault(type(place.entity), []).append(place.entity)
    rng = random.Random(5)
    ids_of_kind = {_snake(kind.__name__): [e.id for e in entities] for kind, entities in by_type.items()}
    swept = set()
    for kind, entities in by_type.items():
        for entity in rng.sample(entities, min(4, len(entities))):
            for field in type(entity).model_fields:
                if field in SKIP_FIELDS:
                    continue
                for value in _candidate_values(entity, entities, field, ids_of_kind, rng):
                    command = SetFields(entity.id, {field: value})
                    try:
                        changes = command.apply(plan)
                    except CommandError:
                        continue
                    previous = previous.update(plan, [changes])
                    assert normalised(previous.findings) == normalised(check_plan(plan)), (kind.__name__, field, value)
                    previous = previous.update(plan, [command.revert(plan)])
                    assert normalised(previous.findings) == normalised(check_plan(plan)), (kind.__name__, field)
                    swept.add(kind.__name__)
    assert {"RoadmapItem", "Step", "Flow", "Decision", "Role", "Score", "Threshold", "UseCase"} <= swept


def test_no_rule_reads_the_free_text_fields_an_edit_of_which_reruns_nothing(example_plan):
    """Typing in a rationale or notes re-runs no rule (engine.UNREAD_FIELDS): prove that whatever
    those fields hold, every finding stays as it was."""
    from omplanner.rules.engine import UNREAD_FIELDS

    before = normalised(check_plan(example_plan))
    texts = ["", "not sure, it depends", "TBD ???", "Owner: nobody. Validation: none. Latency: unknown. " * 40]
    fields_seen = set()
    for n, text in enumerate(texts):
        for place in iter_places(example_plan):
            for field in UNREAD_FIELDS & set(type(place.entity).model_fields):
                setattr(place.entity, field, f"{text} {n}" if text else "")
                fields_seen.add(field)
        example_plan.details.notes = text
        assert normalised(check_plan(example_plan)) == before, text[:30]
    assert fields_seen == UNREAD_FIELDS - {"notes"} or fields_seen == UNREAD_FIELDS


def map_edit(plan, rng: random.Random):
    """One random edit of a map alone (a step or flow added, changed, moved or removed), applied;
    None when refused. Removing a step can reach beyond its map (a decision's step, a data
    source's users): then the check runs the rules over the whole plan, as it must."""
    from omplanner.commands import AddEntity
    from omplanner.model import Flow, Step

    uc = rng.choice(plan.use_cases)
    pmap = rng.choice([uc.current, uc.redesigned])
    n = rng.randrange(10**9)
    roll = rng.random()
    try:
        if roll < 0.25 and pmap.lanes:
            command = AddEntity(pmap.id, "steps", Step(id=f"s-{n}", name=f"Step {n}", lane=rng.choice(pmap.lanes)))
        elif roll < 0.45 and len(pmap.steps) > 1:
            a, b = rng.sample(pmap.steps, 2)
            command = AddEntity(pmap.id, "flows", Flow(id=f"f-{n}", source=a.id, target=b.id))
        elif roll < 0.55 and pmap.flows:
            command = remove_cascade(plan, rng.choice(pmap.flows).id)
        elif roll < 0.6 and pmap.steps:
            command = remove_cascade(plan, rng.choice(pmap.steps).id)
        elif roll < 0.65 and pmap.steps:
            command = MoveEntity(rng.choice(pmap.steps).id, rng.randrange(0, len(pmap.steps)))
        elif pmap.steps:
            step = rng.choice(pmap.steps)
            field = rng.choice(["ai", "kind", "lane", "exception_route", "exception_rate", "minutes", "name"])
            others = [s for m in (uc.current, uc.redesigned) for s in m.steps]
            command = SetFields(step.id, {field: _borrowed_value(rng, step, others, field)})
        else:
            return None
        return command, command.apply(plan)
    except (CommandError, KeyError, ValueError):
        return None


def run_map_edits(plan, rng: random.Random, edits: int) -> tuple[int, int]:
    """Map edits (and undos) one to three at a time, each re-check compared with a full check;
    returns how many re-checks ran some rules over the touched use cases alone, and how many ran."""
    previous = check(plan)
    done: list = []
    partly = compared = 0
    for _ in range(edits):
        pending = edit_batch(plan, rng, done, map_edit, 3)
        previous = previous.update(plan, pending)
        assert normalised(previous.findings) == normalised(check_plan(plan)), [str(c) for c in pending]
        partly += bool(previous.partly)
        compared += 1
    return partly, compared


def test_map_edits_rerun_the_map_families_over_the_touched_use_cases_alone_and_match_a_full_check(example_plan):
    """After an edit of a map alone, the process, capability and integration rules run again over
    that use case only, keep their findings about the others, and the result is a full check's."""
    partly = 0
    for seed in range(12):
        plan = example_plan.model_copy(deep=True)
        ran, compared = run_map_edits(plan, random.Random(seed), 25)
        assert compared == 25
        partly += ran
    assert partly >= 100  # most re-checks reused the untouched use cases' findings


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(max_use_cases=3), st.integers(0, 10**6))
def test_map_edits_on_generated_plans_match_a_full_check(plan, seed):
    if plan.use_cases:
        run_map_edits(plan, random.Random(seed), 8)


def test_map_edits_on_a_generated_large_plan_match_a_full_check():
    partly, compared = run_map_edits(large_plan_part(use_cases=3, seed=5), random.Random(2), 12)
    assert partly >= 6


def edit_batch(plan, rng: random.Random, done: list, make_edit, most: int) -> list:
    """One run of edits before a re-check: new ones from ``make_edit``, and now and then the
    undo of an earlier one; returns the change records of the run."""
    pending = []
    for _ in range(rng.randint(1, most)):
        if done and rng.random() < 0.2:
            pending.append(done.pop().revert(plan))
            continue
        edit = make_edit(plan, rng)
        if edit is not None:
            done.append(edit[0])
            pending.append(edit[1])
    return pending
