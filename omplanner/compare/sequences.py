"""Merging lists of ids three ways: as sets (RACI roles, dependencies) or as sequences (lanes,
the escalation path, the entities of a list in file order)."""

from __future__ import annotations

from collections.abc import Collection, Sequence


def merge_set(base: Sequence, mine: Sequence, theirs: Sequence) -> list:
    """What both kept, and what either added; in your order, then their additions in theirs."""
    base_set, mine_set, theirs_set = set(base), set(mine), set(theirs)
    kept = {x for x in mine_set | theirs_set if (x in mine_set and x in theirs_set) or x not in base_set}
    return merge_order(base, mine, theirs, kept)


def merge_order(base: Sequence, mine: Sequence, theirs: Sequence, members: Collection) -> list:
    """``members`` in the order the copies give them: the order of the copy that reordered (yours
    when both did), each element the other copy added placed after the one it follows there."""
    members = set(members)
    base_order = [x for x in base if x in members]
    common = set(mine) & set(base_order)
    mine_reordered = [x for x in mine if x in common] != [x for x in base_order if x in common]
    first, second = (mine, theirs) if mine_reordered else (theirs, mine)
    result = [x for x in dict.fromkeys(first) if x in members]
    placed = set(result)
    for index, item in enumerate(second):
        if item in placed or item not in members:
            continue
        before = next((second[j] for j in range(index - 1, -1, -1) if second[j] in placed), None)
        at = 0 if before is None else result.index(before) + 1
        result.insert(at, item)
        placed.add(item)
    result.extend(x for x in dict.fromkeys([*base, *mine, *theirs]) if x in members and x not in placed)
    return result
