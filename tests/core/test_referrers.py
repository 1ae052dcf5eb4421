"""The entities that may name a removed kind, found without the walk, are those the walk finds."""

from __future__ import annotations

from itertools import combinations

import pytest

from omplanner.commands import CommandError, RemoveEntity, remove_cascade
from omplanner.model.integrity import REF_KINDS
from omplanner.model.referrers import referrers
from omplanner.model.walk import iter_entities, ref_values

KINDS = [*REF_KINDS, "any"]


def _walked(plan, kinds):
    found = []
    for entity in iter_entities(plan):
        fields = tuple(f for f, kind in entity.refs.items() if kind in kinds)
        if fields:
            found.append((entity, fields))
    return found


def _walked_naming(plan, kinds, ids):
    found = []
    for entity, fields in _walked(plan, kinds):
        hit = tuple(f for f in fields if ids.intersection(ref_values(entity, f)))
        if hit:
            found.append((entity, hit))
    return found


def _same(a, b):
    return [(id(e), f) for e, f in a] == [(id(e), f) for e, f in b]


@pytest.mark.parametrize("size", [1, 2, 7])
def test_every_set_of_kinds_finds_what_the_walk_finds_in_file_order(example_plan, size):
    for kinds in combinations(KINDS, size):
        assert _same(referrers(example_plan, kinds), _walked(example_plan, kinds)), kinds


def test_the_cascade_and_the_check_after_a_removal_are_those_of_the_walk(example_plan, monkeypatch):
    """Removing each role, use case and decision with its cascade mends the same fields, in the
    same order, as when every entity of the plan is read; and the check after it refuses the
    same dangling reference."""
    from omplanner.commands import cascade, verify

    found = {}
    for walk in (False, True):
        if walk:
            monkeypatch.setattr(cascade, "naming", _walked_naming)
            monkeypatch.setattr(verify, "referrers", _walked)
            monkeypatch.setattr(verify, "naming", _walked_naming)
        for entity in [*example_plan.roles, *example_plan.use_cases, *example_plan.decisions]:
            command = remove_cascade(example_plan, entity.id)
            command.apply(example_plan)
            command.revert(example_plan)
            found.setdefault(entity.id, []).append(_commands(command))
            left = RemoveEntity(entity.id)  # without the cascade: refused, naming the same reference
            try:
                left.apply(example_plan)
            except CommandError as refused:
                found[entity.id].append(str(refused))
            else:
                left.revert(example_plan)
                found[entity.id].append(None)
    for entity_id, (plain, plain_refusal, walked, walked_refusal) in found.items():
        assert plain == walked and plain_refusal == walked_refusal, entity_id
    assert sum(refusal is not None for _p, refusal, _w, _r in found.values()) >= 10  # most are named somewhere


def _commands(command):
    parts = getattr(command, "commands", [command])
    return [(type(c).__name__, c.entity_id, repr(getattr(c, "new", None))) for c in parts]


@pytest.mark.parametrize("size", [1, 2, 7])
def test_the_entities_naming_some_ids_are_those_the_walk_finds_naming_them(example_plan, size):
    """``naming`` keeps, in file order, the entities (and their fields) that name one of the ids."""
    from omplanner.model.referrers import naming

    every = [e.id for e in iter_entities(example_plan)]
    named = 0
    for n, kinds in enumerate(combinations(KINDS, size)):
        ids = set(every[n % 7 :: 11]) | {example_plan.roles[n % len(example_plan.roles)].id}
        expected = _walked_naming(example_plan, kinds, ids)
        assert _same(naming(example_plan, kinds, ids), expected), kinds
        named += bool(expected)
    assert named >= 1
