"""Sequencing rules about the roadmap's shape rather than its dates: dependency cycles, the
readiness gate, and groundwork missing from the roadmap altogether.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..commands import AddEntity, Macro, SetFields
from ..model import Component, ItemKind, RoadmapItem, Severity, new_id
from ..model.base import short_name
from ..ranking import rank_use_cases
from ..sequencing.schedule import MoveAlong
from .context import PlanIndex, ref
from .engine import Hit, rule
from .findings import Fix
from .words import FIX_NAME_LIMIT

FAMILY = "Sequencing"

READINESS_THRESHOLD = 3
"""The agreed process and data scores (of 5) a use case needs before choosing a tool or deploying."""


@rule(
    "SEQ-008",
    "No dependency cycles",
    Severity.ERROR,
    None,
    """Items that wait for each other in a circle can never start; one of the dependencies is wrong.""",
    FAMILY,
)
def dependency_cycles(index: PlanIndex) -> Iterator[Hit]:
    for cycle in index.dependency_cycles[0]:
        items = [index.items[i] for i in cycle]
        chain = ", which depends on ".join(f"'{i.title}'" for i in items + items[:1])
        last, first = items[-1], items[0]
        text = f"Let '{last.title}' no longer wait for '{first.title}'"
        untie = SetFields(last.id, {"depends_on": [d for d in last.depends_on if d != first.id]}, text=text)
        # Once untied, the rest of the chain is an order again: items now starting before what
        # they wait for move later, with what follows them.
        command = MoveAlong(text, {}, set(cycle), first=untie, settle=set(cycle))
        yield Hit(
            f"These items wait for each other, so none of them can start: {chain}.",
            tuple(ref(i) for i in items),
            use_case_id=first.use_case if all(i.use_case == first.use_case for i in items) else None,
            fix=None if _blocked(index, cycle, knotted=True) else Fix(text, command),
        )


def _blocked(index: PlanIndex, seeds, knotted: bool = False) -> bool:
    """Whether moving ``seeds`` later could have to move work that is done or in progress, or
    run into a knot of constraints (``knotted``: the seeds are a knot being untied)."""
    if not knotted and index.tangled(seeds):
        return True
    return any(seed in index.fixed_reachers for seed in seeds)


@rule(
    "SEQ-009",
    "Readiness gate",
    Severity.WARNING,
    None,
    f"""A use case whose agreed process or data score is below {READINESS_THRESHOLD} of 5 is not
    ready for a tool: choosing or deploying one then automates a process nobody has settled.
    Raise the scores first, or plan the redesign or data work that closes the gap so that it ends
    before the tool is chosen.""",
    FAMILY,
)
def readiness_gate(index: PlanIndex) -> Iterator[Hit]:
    for uc in index.plan.use_cases:
        gated = [
            i
            for i in index.items_by_use_case.get(uc.id, ())
            if i.kind in (ItemKind.TOOL_SELECTION, ItemKind.DEPLOYMENT)
        ]
        if not gated:
            continue
        low = []
        gate = min(i.start_week for i in gated)
        for component, remedy in (
            (Component.PROCESS, ItemKind.PROCESS_REDESIGN),
            (Component.DATA, ItemKind.DATA_READINESS),
        ):
            value = index.agreed_scores.get((uc.id, component))
            # A low score whose remedial work is planned to end before the tool is chosen is the
            # diagnostic doing its job: the gap is being closed in the right order.
            remedied = any(i.kind is remedy and i.end_week <= gate for i in index.items_by_use_case.get(uc.id, ()))
            if value is not None and value < READINESS_THRESHOLD and not remedied:
                low.append(f"{'process' if component is Component.PROCESS else 'data'} score is {value} of 5")
        if not low:
            continue
        kinds = " and ".join(sorted({i.kind.label.lower() for i in gated}, reverse=True))
        yield Hit(
            f"'{uc.name}' has {kinds} planned, but its {' and its '.join(low)} (the gate is "
            f"{READINESS_THRESHOLD}): raise the scores before committing to a tool.",
            (ref(uc),) + tuple(ref(i) for i in gated),
            use_case_id=uc.id,
        )


def _new_item(title: str, kind: ItemKind, uc_id: str | None, start: int, duration: int) -> RoadmapItem:
    return RoadmapItem(
        id=new_id("item"),
        title=short_name(title, FIX_NAME_LIMIT),
        kind=kind,
        use_case=uc_id,
        start_week=max(0, start),
        duration_weeks=max(1, duration),
    )


def _ending_by(title: str, kind: ItemKind, uc_id: str | None, week: int, length: int = 3) -> RoadmapItem:
    start = max(0, week - length)
    return _new_item(title, kind, uc_id, start, week - start if week > start else length)


def _add(index: PlanIndex, items: list[RoadmapItem], text: str, gated: list[RoadmapItem]) -> Fix | None:
    """Add ``items``; the ``gated`` work (tools, deployments) they must come before moves later
    where it starts too soon for them, with what follows it. None when that would move work that
    is done or in progress."""
    follow = {i.id for i in gated}
    if _blocked(index, follow):
        return None
    adds = Macro(text, [AddEntity(None, "roadmap", i) for i in items])
    return Fix(text, MoveAlong(text, {}, follow, first=adds))


@rule(
    "SEQ-010",
    "Groundwork on the roadmap",
    Severity.ERROR,
    None,
    """Every use case that chooses a tool or goes live needs its groundwork on the roadmap: a
    diagnostic, process redesign and data readiness before the tool, decision rights and
    capability work with the deployment, and governance for the first use case before the next.""",
    FAMILY,
)
def missing_groundwork(index: PlanIndex) -> Iterator[Hit]:
    kinds_by_uc: dict[str | None, set[ItemKind]] = {}
    for uc_id, items in index.items_by_use_case.items():
        kinds_by_uc[uc_id] = {i.kind for i in items}
    gated = index.items_by_kind.get(ItemKind.TOOL_SELECTION, []) + index.items_by_kind.get(ItemKind.DEPLOYMENT, [])
    if gated and not index.items_by_kind.get(ItemKind.DIAGNOSTIC):
        item = _new_item("Operating-model diagnostic", ItemKind.DIAGNOSTIC, None, 0, 3)
        yield Hit(
            "The roadmap selects tools or deploys, but has no diagnostic: nothing checks the operating "
            "model before the first tool is chosen.",
            tuple(ref(i) for i in gated[:5]),
            fix=_add(index, [item], "Add a 3-week diagnostic at the start of the roadmap", gated),
        )
    constraints = index.constraints
    for uc in index.plan.use_cases:
        # work for no one use case (a shared decision-rights workshop) is groundwork for every one
        have = kinds_by_uc.get(uc.id, set()) | kinds_by_uc.get(None, set())
        own = index.items_by_use_case.get(uc.id, [])
        tools = [i for i in own if i.kind is ItemKind.TOOL_SELECTION]
        deploy = index.items.get(constraints.first_deployment.get(uc.id, ""))
        missing: list[RoadmapItem] = []
        if tools:
            week = min(t.start_week for t in tools)
            for kind in (ItemKind.PROCESS_REDESIGN, ItemKind.DATA_READINESS):
                if kind not in have:
                    missing.append(_ending_by(f"{kind.label} for {uc.name}", kind, uc.id, week))
        if deploy is not None:
            for kind in (ItemKind.PROCESS_REDESIGN, ItemKind.DATA_READINESS):
                if not tools and kind not in have:
                    missing.append(_ending_by(f"{kind.label} for {uc.name}", kind, uc.id, deploy.start_week))
            if ItemKind.DECISION_RIGHTS not in have:
                missing.append(
                    _ending_by(f"Decision rights for {uc.name}", ItemKind.DECISION_RIGHTS, uc.id, deploy.start_week, 2)
                )
            if ItemKind.CAPABILITY not in have:
                missing.append(_new_item(f"Capability for {uc.name}", ItemKind.CAPABILITY, uc.id, deploy.start_week, 4))
            if uc.id == constraints.first_use_case and ItemKind.GOVERNANCE not in have:
                others = [index.items[d] for u, d in constraints.first_deployment.items() if u != uc.id]
                if others:
                    # Designed while the first use case deploys (not after it is live), and in
                    # place before the next one deploys: that one moves later if it must.
                    room = min(i.start_week for i in others) - deploy.start_week
                    weeks = room if 1 <= room < 4 else 4
                    missing.append(
                        _new_item(f"Governance for {uc.name}", ItemKind.GOVERNANCE, uc.id, deploy.start_week, weeks)
                    )
                    following = [
                        i
                        for u in constraints.first_deployment
                        if u != uc.id
                        for i in index.items_by_use_case[u]
                        if i.kind is ItemKind.DEPLOYMENT
                    ]
        if not missing:
            continue
        gated_here = tools + [i for i in own if i.kind is ItemKind.DEPLOYMENT]
        if any(i.kind is ItemKind.GOVERNANCE for i in missing):
            gated_here += following
        words = [i.kind.label.lower() for i in missing]
        names = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
        yield Hit(
            f"'{uc.name}' has no {names} work on the roadmap, yet it "
            f"{'selects a tool' if tools else 'deploys'}{' and deploys' if tools and deploy else ''}.",
            (ref(uc),) + tuple(ref(i) for i in tools + ([deploy] if deploy else [])),
            use_case_id=uc.id,
            fix=_add(
                index, missing, f"Add {names.replace(' or ', ' and ')} work for '{uc.name}' to the roadmap", gated_here
            ),
        )


GROUNDWORK = frozenset({ItemKind.PROCESS_REDESIGN, ItemKind.DATA_READINESS, ItemKind.DECISION_RIGHTS})
"""The readiness work a use case needs before it deploys. (Its capability and governance work run
with its own deployment, after the first use case's, so they are not what the first waits for.)"""

READY_BEFORE_DEPLOYMENT = frozenset(
    {ItemKind.PROCESS_REDESIGN, ItemKind.DATA_READINESS, ItemKind.DECISION_RIGHTS, ItemKind.TOOL_SELECTION}
)
"""A use case's own work that must end before it deploys (capability and governance run with it)."""

IDLE_WEEKS = 2
"""Weeks a first deployment may sit ready before its wait for the other use cases is a finding."""


@rule(
    "SEQ-013",
    "The first use case does not wait for the rest",
    Severity.WARNING,
    None,
    """The first use case goes live on a good-enough operating model of its own; the other use
    cases' groundwork runs in parallel and follows it. A first deployment held until every use
    case is ready turns the redesign into the reason nothing happens.""",
    FAMILY,
)
def first_does_not_wait(index: PlanIndex) -> Iterator[Hit]:
    first_uc = index.constraints.first_use_case
    if first_uc is None:
        return
    deploy = index.items[index.constraints.first_deployment[first_uc]]
    others = [
        i
        for uc_id, items in index.items_by_use_case.items()
        if uc_id not in (None, first_uc)
        for i in items
        if i.kind in GROUNDWORK
    ]
    if not others:
        return
    last = max(others, key=lambda i: i.end_week)
    if deploy.start_week < last.end_week:
        return
    own = [i.end_week for i in index.items_by_use_case[first_uc] if i.kind in READY_BEFORE_DEPLOYMENT]
    own += [i.end_week for i in index.items_by_kind.get(ItemKind.DIAGNOSTIC, ()) if i.use_case in (None, first_uc)]
    own += [
        index.items[d].end_week
        for d in deploy.depends_on
        if d in index.items and index.items[d].use_case in (None, first_uc)
    ]
    ready = max(own, default=0)
    if last.end_week - ready < IDLE_WEEKS:
        return
    yield Hit(
        f"The first deployment, '{deploy.title}', starts in week {deploy.first_week}, after the groundwork of "
        f"every other use case (the last, '{last.title}', ends in week {last.last_week}), although its own "
        f"groundwork is done by week {max(ready, 1)}: let '{index.use_case_name(first_uc)}' go live on its own "
        "operating model and prepare the others in parallel.",
        (ref(deploy), ref(last)),
        use_case_id=first_uc,
    )


@rule(
    "SEQ-014",
    "The most tractable use case goes first",
    Severity.WARNING,
    None,
    """The first use case to go live should be the most tractable candidate (high volume, well
    defined, rich in data, a team willing to redesign its own work), not the most strategic: it
    is where the operating model is learnt. Switch the rule off with a reason when the room chose
    otherwise on purpose.""",
    FAMILY,
)
def most_tractable_first(index: PlanIndex) -> Iterator[Hit]:
    first_uc = index.constraints.first_use_case
    if first_uc is None:
        return
    ranked = rank_use_cases(index.plan)
    best = ranked[0]
    first = next(r for r in ranked if r.use_case.id == first_uc)
    if first.rank == 1 or first.score >= best.score:
        return
    deploy = index.items[index.constraints.first_deployment[first_uc]]
    yield Hit(
        f"'{first.use_case.name}' goes live first ('{deploy.title}', week {deploy.first_week}), but it ranks "
        f"{first.rank} of {len(ranked)} on tractability ({first.score:g} of 5); '{best.use_case.name}' ranks first "
        f"({best.score:g}): start where the operating model is easiest to get right.",
        (ref(first.use_case), ref(deploy), ref(best.use_case)),
        use_case_id=first_uc,
    )
