"""Sequencing rules: the roadmap against the seven sequencing principles.

The timing rules read the constraints built once per check (``PlanIndex.constraints``), so
each rule only groups the constraints it owns that do not hold. Messages name the item that
starts too early, the work it should wait for, and the weeks.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..commands import SetFields
from ..model import ITEM_COMPONENT, Component, ItemKind, ItemStatus, RoadmapItem, Severity
from ..sequencing.schedule import LAST_WEEK, MoveAlong
from .context import PlanIndex, ref
from .engine import Hit, rule
from .findings import Fix, Relation
from .words import quoted

FAMILY = "Sequencing"


WORK_NAMES = {
    ItemKind.DIAGNOSTIC: "The diagnostic",
    ItemKind.PROCESS_REDESIGN: "Process redesign",
    ItemKind.DATA_READINESS: "Data readiness work",
    ItemKind.DECISION_RIGHTS: "Decision-rights work",
    ItemKind.TOOL_SELECTION: "Tool selection",
    ItemKind.CAPABILITY: "Capability work",
    ItemKind.GOVERNANCE: "Governance work",
    ItemKind.DEPLOYMENT: "Deployment",
}


def what(item: RoadmapItem, index: PlanIndex) -> str:
    """'Tool selection for 'AP invoice matching' ('Select the tool')'."""
    kind = WORK_NAMES.get(item.kind, "Work")
    where = f" for '{index.use_case_name(item.use_case)}'" if item.use_case else ""
    return f"{kind}{where} ('{item.title}')"


FIXED = frozenset({ItemStatus.DONE, ItemStatus.IN_PROGRESS})


def blocked(index: PlanIndex, seeds) -> bool:
    """Whether moving ``seeds`` later could have to move work that is done or in progress."""
    return index.tangled(seeds) or any(seed in index.fixed_reachers for seed in seeds)


def _chain_weeks(index: PlanIndex, item: RoadmapItem) -> int:
    """An upper bound of how far after the item's new start what follows it may have to start:
    only near the ten-year horizon does it matter, so a cheap bound serves."""
    if item.id not in index.constraint_successors:
        return 0
    return sum(index.items[i].duration_weeks for i in index.following(item.id) if i in index.items)


def move_fix(item: RoadmapItem, week: int, index: PlanIndex) -> Fix | None:
    """Move ``item`` later, and what must follow it along, so that the fix breaks no order."""
    if blocked(index, {item.id}) or week + _chain_weeks(index, item) > LAST_WEEK:
        return None  # work that may not move, or a chain pushed past the last week an item may start
    text = f"Move '{item.title}' to start in week {week + 1}"
    if index.constraint_successors.get(item.id):
        text += "; what must follow it moves along"
    return Fix(text, MoveAlong(text, {item.id: week}))


def _late_starts(index: PlanIndex, code: str) -> Iterator[tuple[RoadmapItem, RoadmapItem]]:
    """Per item starting too early for ``code``: (that item, the latest-ending item it should follow)."""
    starts, ends = index.item_weeks
    latest: dict[str, str] = {}
    for c in index.constraints_by_code.get(code, ()):
        if c.scheduling_only or c.start_to_start:
            continue
        end = ends[c.before]
        if starts[c.after] < end:
            current = latest.get(c.after)
            if current is None or end > ends[current]:
                latest[c.after] = c.before
    for after_id, before_id in latest.items():
        yield index.items[after_id], index.items[before_id]


def _timing_hits(index: PlanIndex, code: str, phrase: str) -> Iterator[Hit]:
    """One finding per item that starts too early; ``phrase`` names the earlier work and may say
    ``{kind}`` for the kind of the item it waits on."""
    for after, before in _late_starts(index, code):
        earlier = phrase.format(kind=before.kind.label.lower())
        yield Hit(
            f"{what(after, index)} starts in week {after.first_week}, before {earlier} ('{before.title}') "
            f"ends in week {before.last_week}.",
            (ref(after), ref(before)),
            use_case_id=after.use_case,
            fix=move_fix(after, before.end_week, index),
            component=ITEM_COMPONENT.get(before.kind),
            relations=(Relation(after.id, before.id),),
        )


@rule(
    "SEQ-001",
    "Diagnostic before tool selection",
    Severity.ERROR,
    None,
    """A short structured review of the operating model comes before any tool is chosen or
    deployed: it is what tells you which use case to start with and what it lacks.""",
    FAMILY,
)
def diagnostic_first(index: PlanIndex) -> Iterator[Hit]:
    yield from _timing_hits(index, "SEQ-001", "the diagnostic")


@rule(
    "SEQ-002",
    "Process and data readiness before tool selection",
    Severity.ERROR,
    None,
    """Choosing the tool before the process is redesigned and its data is settled means buying
    before designing: the tool then shapes the process instead of serving it.""",
    FAMILY,
)
def design_before_buying(index: PlanIndex) -> Iterator[Hit]:
    yield from _timing_hits(index, "SEQ-002", "its {kind} work")


@rule(
    "SEQ-003",
    "Decision rights before deployment",
    Severity.ERROR,
    Component.DECISION_RIGHTS,
    """Who may act on the AI's output, who confirms and who signs off must be settled before go-live,
    not worked out after the first complaint.""",
    FAMILY,
)
def rights_before_rollout(index: PlanIndex) -> Iterator[Hit]:
    yield from _timing_hits(index, "SEQ-003", "its decision-rights work")


@rule(
    "SEQ-004",
    "Capability alongside the first deployment",
    Severity.ERROR,
    Component.CAPABILITY,
    """The new skills (checking the AI's output, judging exceptions, watching for drift) are built
    into roles while the first deployment happens: starting no later than it and running into it.
    Training that starts once the AI is in use leaves people doing new work the old way.""",
    FAMILY,
)
def capability_with_deployment(index: PlanIndex) -> Iterator[Hit]:
    for uc_id, deploy_id in index.constraints.first_deployment.items():
        deploy = index.items[deploy_id]
        caps = [i for i in index.items_by_use_case[uc_id] if i.kind is ItemKind.CAPABILITY]
        if not caps or any(c.start_week <= deploy.start_week < c.end_week for c in caps):
            continue
        cap = min(caps, key=lambda c: c.start_week)
        if cap.start_week > deploy.start_week:
            keep = [d for d in cap.depends_on if d not in index.items or index.items[d].kind is not ItemKind.DEPLOYMENT]
            changes: dict = {"start_week": deploy.start_week}
            text = f"Start '{cap.title}' in week {deploy.first_week}, with the deployment"
            if keep != cap.depends_on:
                changes["depends_on"] = keep
                text += ", no longer waiting for it to finish"
            waits = max((index.items[d].end_week for d in keep if d in index.items), default=0)
            fix = None
            if cap.status not in FIXED and waits <= deploy.start_week:
                fix = Fix(text, SetFields(cap.id, changes, text=text))
            message = (
                f"{what(cap, index)} starts in week {cap.first_week}, after the first deployment "
                f"('{deploy.title}') starts in week {deploy.first_week}: people would work beside the AI "
                "before they have learnt their new role."
            )
        else:
            changes = {"duration_weeks": deploy.start_week - cap.start_week + 1}
            text = f"Extend '{cap.title}' into week {deploy.first_week}, when the deployment starts"
            # Work that waits for the capability work to end moves along with its new end.
            fix = None
            after = index.constraint_successors.get(cap.id, set()) - {cap.id}
            if not blocked(index, after):
                fix = Fix(text, MoveAlong(text, {}, after, first=SetFields(cap.id, changes, text=text)))
            message = (
                f"{what(cap, index)} ends in week {cap.last_week}, before the first deployment "
                f"('{deploy.title}') starts in week {deploy.first_week}: build the skills while the "
                "new way of working goes live, not only before it."
            )
        yield Hit(
            message,
            (ref(cap), ref(deploy)),
            use_case_id=uc_id,
            fix=fix,
            relations=(Relation(cap.id, deploy.id, starts=True),),
        )


@rule(
    "SEQ-005",
    "First use case governed before the next deploys",
    Severity.ERROR,
    Component.GOVERNANCE,
    """The first use case's governance (a named owner, thresholds, what happens on a breach) is in
    place before a second use case goes live; otherwise problems multiply before anyone watches them.""",
    FAMILY,
)
def govern_before_second(index: PlanIndex) -> Iterator[Hit]:
    first = index.constraints.first_use_case
    for after, before in _late_starts(index, "SEQ-005"):
        yield Hit(
            f"{what(after, index)} starts in week {after.first_week}, before the governance of the first "
            f"use case, '{index.use_case_name(first)}' ('{before.title}'), is in place: "
            f"that work ends in week {before.last_week}.",
            (ref(after), ref(before)),
            use_case_id=after.use_case,
            fix=move_fix(after, before.end_week, index),
            relations=(Relation(after.id, before.id),),
        )


@rule(
    "SEQ-006",
    "One use case goes first",
    Severity.WARNING,
    None,
    """Start with one tractable use case and prove its operating model; the others follow once it
    is governed. Use cases that go live together leave none of them governed before the next.""",
    FAMILY,
)
def one_first(index: PlanIndex) -> Iterator[Hit]:
    firsts = index.constraints.first_deployment
    if len(firsts) < 2:
        return
    week = min(index.items[d].start_week for d in firsts.values())
    together = [uc for uc, d in firsts.items() if index.items[d].start_week == week]
    if len(together) < 2:
        return
    lead = index.constraints.first_use_case
    names = quoted(index.use_case_name(uc) for uc in together)
    governed = [i.end_week for i in index.items_by_use_case[lead] if i.kind is ItemKind.GOVERNANCE]
    target = max([week + 1, *governed])
    others = [index.items[firsts[uc]] for uc in together if uc != lead]
    text = f"Let '{index.use_case_name(lead)}' go first: start the other deployments in week {target + 1}"
    fix = None if blocked(index, {i.id for i in others}) else Fix(text, MoveAlong(text, {i.id: target for i in others}))
    yield Hit(
        f"{names} {'both' if len(together) == 2 else 'all'} start deploying in week {week + 1}: no use case "
        "proves its operating model before the others follow.",
        tuple(ref(index.items[firsts[uc]]) for uc in together),
        fix=fix,
        relations=tuple(Relation(firsts[uc], firsts[together[0]], starts=True) for uc in together[1:]),
    )


@rule(
    "SEQ-007",
    "Dependencies respected",
    Severity.ERROR,
    None,
    """An item that depends on another cannot start before that one ends.""",
    FAMILY,
)
def dependencies_respected(index: PlanIndex) -> Iterator[Hit]:
    knotted = index.dependency_cycles[1]  # a knot is reported once, as a cycle (SEQ-008)
    beside = dict(index.constraints.alignments)
    for after, before in _late_starts(index, "SEQ-007"):
        if (before.id, after.id) in knotted:
            continue
        deploy = beside.get(after.id)
        # Capability work kept beside a deployment cannot also wait for it (or for what follows
        # it): moving it would break SEQ-004, so the fix is SEQ-004's, which drops the wait.
        contradicts = deploy is not None and (deploy == before.id or before.id in index.following(deploy))
        yield Hit(
            f"'{after.title}' starts in week {after.first_week}, before '{before.title}', which it depends on, "
            f"ends in week {before.last_week}.",
            (ref(after), ref(before)),
            use_case_id=after.use_case,
            fix=None if contradicts else move_fix(after, before.end_week, index),
            component=ITEM_COMPONENT.get(after.kind),
        )


DIAGNOSTIC_WEEKS = 4
"""The longest a diagnostic should run: a few weeks of structured review surface what blocks each
use case; a longer one turns into a reason to wait."""


@rule(
    "SEQ-011",
    "A short diagnostic",
    Severity.WARNING,
    None,
    f"""The diagnostic is a quick structured review, a matter of weeks (up to about
    {DIAGNOSTIC_WEEKS}): enough to see which use case is ready and what the others lack. One that
    runs for months defers the work instead of sequencing it.""",
    FAMILY,
)
def short_diagnostic(index: PlanIndex) -> Iterator[Hit]:
    for diag in index.items_by_kind.get(ItemKind.DIAGNOSTIC, ()):
        if diag.duration_weeks <= DIAGNOSTIC_WEEKS or diag.status is ItemStatus.DONE:
            continue  # a finished diagnostic is history: nothing left to shorten
        text = f"Shorten '{diag.title}' to {DIAGNOSTIC_WEEKS} weeks"
        yield Hit(
            f"{what(diag, index)} runs for {diag.duration_weeks} weeks: a review of {DIAGNOSTIC_WEEKS} weeks "
            "at most is enough to decide what to do first; sequence what it finds rather than study it longer.",
            (ref(diag),),
            use_case_id=diag.use_case,
            fix=Fix(text, SetFields(diag.id, {"duration_weeks": DIAGNOSTIC_WEEKS}, text=text)),
        )


@rule(
    "SEQ-012",
    "Governance designed in, not retrofitted",
    Severity.ERROR,
    Component.GOVERNANCE,
    """A use case's governance (its owner, thresholds and breach process) is designed while it is
    deployed, not added once it is live: controls fitted to a running AI cost far more than
    controls designed with it, and the first problem arrives before them.""",
    FAMILY,
)
def governance_designed_in(index: PlanIndex) -> Iterator[Hit]:
    starts, ends = index.item_weeks
    for c in index.constraints_by_code.get("SEQ-012", ()):
        gov, deploy = index.items[c.before], index.items[c.after]
        if starts[gov.id] <= starts[deploy.id] + deploy.duration_weeks - 1:
            continue
        waits = max((ends[d] for d in gov.depends_on if d in ends and d != gov.id), default=0)
        week = max(waits, deploy.start_week)
        fix = None
        if week < deploy.end_week and gov.status not in FIXED:
            text = f"Start '{gov.title}' in week {week + 1}, while '{deploy.title}' is deployed"
            fix = Fix(text, SetFields(gov.id, {"start_week": week}, text=text))
        yield Hit(
            f"{what(gov, index)} starts in week {gov.first_week}, after '{index.use_case_name(deploy.use_case)}' "
            f"has gone live ('{deploy.title}' ends in week {deploy.last_week}): its governance would be "
            "fitted to a running process instead of designed with it.",
            (ref(gov), ref(deploy)),
            use_case_id=deploy.use_case,
            fix=fix,
        )
