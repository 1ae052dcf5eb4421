"""Auto-sequencing: a schedule that satisfies every dependency and principle, moving little.

Items that already comply stay where they are. When an item starts before work it must follow,
the enabling work moves earlier first, as far as its own dependencies allow, so that the item
and its go-live keep their weeks; only what still cannot be met moves later, and what waits for
it follows. Deployments never move earlier (a go-live is not brought forward to make room), and
done or in-progress items never move at all. Capability work may move either way: it should
start no later than the first deployment and overlap it.

Every move comes with its reason, for the status line and the command line.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..commands import ChangeSet, Command, CommandError, Macro, SetFields
from ..model import ItemKind, ItemStatus, Plan
from .graph import PreparedRoadmap, prepare, topological_order

LAST_WEEK = 520
"""The latest start a roadmap item accepts (ten years): a schedule never proposes beyond it."""

FIXED_STATUSES = frozenset({ItemStatus.DONE, ItemStatus.IN_PROGRESS})
"""Work that has happened or is under way: a schedule plans around it and never moves it."""

PRINCIPLES = {
    "SEQ-001": "the diagnostic comes before any tool",
    "SEQ-002": "process and data readiness come before the tool",
    "SEQ-003": "decision rights are agreed before deployment",
    "SEQ-004": "capability work runs alongside the first deployment",
    "SEQ-005": "the first use case is governed before the next one deploys",
    "SEQ-006": "one use case goes live first",
    "SEQ-007": "it depends on it",
    "SEQ-012": "governance is designed before go-live",
}
"""Each constraint's reason in a few words, for the moves' explanations."""


@dataclass(frozen=True)
class Move:
    item_id: str
    title: str
    start: int
    """The week offset it started at."""
    to: int
    """The week offset it starts at now."""
    reason: str
    """Why, in a sentence a facilitator reads: which item it makes room for or waits for."""

    @property
    def earlier(self) -> bool:
        return self.to < self.start

    def describe(self) -> str:
        """'Fix the data': week 9 → week 6, earlier, so that ... (the principle)."""
        way = "earlier" if self.earlier else "later"
        return f"'{self.title}': week {self.start + 1} → week {self.to + 1}, {way}, {self.reason}"


@dataclass
class Schedule:
    start: dict[str, int]
    moves: list[Move] = field(default_factory=list)
    prepared: PreparedRoadmap | None = None
    stuck: list[str] = field(default_factory=list)
    """Done or in-progress items that still break a constraint: only the user can settle them."""
    unmet: list[tuple[str, str]] = field(default_factory=list)
    """(before, after) of every constraint the schedule leaves broken."""


def _edges(prepared: PreparedRoadmap) -> dict[tuple[str, str], tuple[int, str]]:
    """(before, after) -> (the largest lag, the code of the constraint that sets it)."""
    edges: dict[tuple[str, str], tuple[int, str]] = {}
    for c in prepared.usable:
        lag = c.lag(prepared.items)
        key = (c.before, c.after)
        if key not in edges or lag > edges[key][0]:
            edges[key] = (lag, c.code)
    return edges


def solve(
    plan: Plan,
    lower: dict[str, int] | None = None,
    follow: set[str] | None = None,
    broken: set[tuple[str, str]] | None = None,
) -> Schedule:
    """The schedule for ``plan``. ``lower`` gives items an earliest start of their own (a fix that
    moves one item later). With ``follow`` (a fix), only those items and what must follow them
    may move, and only later: nothing is pulled earlier; the orders in ``broken`` (by default
    those the plan breaks now) are left as they are.

    Which use case goes first follows from the dates, so a schedule can change the principles'
    constraints (another use case's deployment now starts first); it is solved again on the
    moved roadmap until the constraints it meets are those of its own dates."""
    if not plan.roadmap:
        return Schedule({})
    original = {i.id: i.start_week for i in plan.roadmap}
    current = plan
    for _ in range(4):
        start, context = _round(current, lower or {}, follow, broken)
        if all(start[i.id] == i.start_week for i in current.roadmap):
            break
        current = plan.model_copy(
            update={"roadmap": [i.model_copy(update={"start_week": start[i.id]}) for i in plan.roadmap]}
        )
    prepared, preds, succs, edges, aligned, fixed = context
    items = prepared.items
    moves = [_move(items, items[i], original[i], start, preds, succs, edges, aligned) for i in prepared.order]
    # Orders the schedule breaks that held before it (those broken already are the user's).
    unmet = [
        (u, v)
        for v, ps in preds.items()
        for u, lag in ps
        if start[v] < start[u] + lag and original[v] >= original[u] + lag
    ]
    return Schedule(start, [m for m in moves if m is not None], prepared, _stuck(items, fixed, start, preds), unmet)


def _keeping_dependencies(prepared: PreparedRoadmap, edges, aligned):
    """The edges and alignments of a fix, which keeps every dependency the user drew: those that
    contradict a principle come back, and the principles' constraints they knot with (already
    broken by the user's order) give way, as does capability work's overlap with a deployment
    it was told to wait for."""
    import networkx as nx

    edges = dict(edges)
    items = prepared.items
    # Only the dependencies that hold now: one the plan breaks already is the user's to settle,
    # and keeping it out lets the principle it contradicts keep its order.
    kept = [(u, v) for u, v in prepared.contradicting if items[v].start_week >= items[u].end_week]
    for before, after in kept:
        lag = items[before].duration_weeks
        if (before, after) not in edges or edges[(before, after)][0] < lag:
            edges[(before, after)] = (lag, "SEQ-007")
    touched = {i for pair in kept for i in pair}
    aligned = {cap: deploy for cap, deploy in aligned.items() if cap not in touched}
    while True:
        graph = nx.DiGraph(list(edges))
        knot_of = {n: k for k, scc in enumerate(nx.strongly_connected_components(graph)) if len(scc) > 1 for n in scc}
        knotted = [
            pair
            for pair, (_lag, code) in edges.items()
            if code != "SEQ-007" and pair[0] in knot_of and knot_of[pair[0]] == knot_of.get(pair[1])
        ]
        if not knotted:
            return edges, aligned
        for pair in knotted:
            del edges[pair]


def _following(seeds: set[str], succs, aligned) -> set[str]:
    """``seeds`` and every item that must follow one of them, with the capability work that must
    stay beside a deployment among them."""
    beside: dict[str, list[str]] = defaultdict(list)
    for cap, deploy in aligned.items():
        beside[deploy].append(cap)
    seen = set(seeds)
    stack = list(seeds)
    while stack:
        node = stack.pop()
        for nxt in [s for s, _lag in succs.get(node, ())] + beside.get(node, []):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def _round(plan: Plan, lower: dict[str, int], follow: set[str] | None, broken: set[tuple[str, str]] | None):
    import networkx as nx

    prepared = prepare(plan)
    items = prepared.items
    edges = _edges(prepared)
    aligned = dict(prepared.constraints.alignments)
    if follow is not None and prepared.contradicting:  # a fix keeps the user's order
        edges, aligned = _keeping_dependencies(prepared, edges, aligned)
    graph = nx.DiGraph()
    graph.add_nodes_from(items)
    graph.add_edges_from(edges)
    order = topological_order(graph, prepared)
    preds: dict[str, list[tuple[str, int]]] = defaultdict(list)
    succs: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (before, after), (lag, _code) in edges.items():
        preds[after].append((before, lag))
        succs[before].append((after, lag))
    fixed = {i for i, item in items.items() if item.status in FIXED_STATUSES}
    if follow is not None:
        fixed |= set(items) - _following(follow & set(items), succs, aligned)
    original = {i: item.start_week for i, item in items.items()}
    # Planned work is never pulled before work already under way: that week has passed.
    now = max((original[i] for i in fixed if items[i].status is ItemStatus.IN_PROGRESS), default=0)

    # 1. The earliest each item could start, with fixed items where they are.
    earliest: dict[str, int] = {}
    for node in order:
        if node in fixed:
            earliest[node] = original[node]
        else:
            bound = max((earliest[u] + lag for u, lag in preds.get(node, ())), default=0)
            earliest[node] = max(bound, lower.get(node, 0))

    # 2. Pull enabling work earlier, latest first, so that what needs it keeps its week.
    start = dict(original)
    for node in reversed(order):
        if follow is not None or node in fixed or node in aligned or items[node].kind is ItemKind.DEPLOYMENT:
            continue  # capability work is placed beside its deployment below
        target = min((start[s] - lag for s, lag in succs.get(node, ())), default=start[node])
        if target < start[node]:
            start[node] = max(target, min(max(earliest[node], now), start[node]))

    # 3. Push what still starts too early later, and what waits for it after it. The capability
    # alignment reads the deployment's start from the previous pass; a few passes settle it.
    pulled = dict(start)
    if follow is not None:
        # A fix keeps the orders that hold and leaves those already broken to the user: settling
        # one of them in passing could break another (capability work beside its deployment).
        if broken is None:
            broken = {(u, v) for v, ps in preds.items() for u, lag in ps if original[v] < original[u] + lag}
    else:
        broken = set()
    for _ in range(len(items) + 2):
        changed = False
        for node in order:
            if node in fixed:
                continue
            # An order already broken is kept only once the fix moves the work it waits for.
            bound = max(
                (
                    start[u] + lag
                    for u, lag in preds.get(node, ())
                    if (u, node) not in broken or start[u] != original[u]
                ),
                default=0,
            )
            if follow is not None and node in lower:
                bound = lower[node]  # a fix moves its item to the week it names, no further
            else:
                bound = max(bound, lower.get(node, 0))
            if node in aligned and follow is not None:
                # A fix only moves work later: capability work that ends before its deployment
                # starts follows it into an overlap; work that starts after it is left as it was.
                earliest_overlap = start[aligned[node]] - items[node].duration_weeks + 1
                proposed = max(pulled[node], bound, earliest_overlap)
            elif node in aligned:
                deploy = start[aligned[node]]
                earliest_overlap = deploy - items[node].duration_weeks + 1
                proposed = max(min(max(pulled[node], earliest_overlap), deploy), bound, 0)
            else:
                proposed = max(pulled[node], bound)
            if proposed != start[node]:
                start[node] = proposed
                changed = True
        if not changed:
            break

    # 4. Give back pulls the pushes made useless: an item pulled for a go-live that slipped anyway
    # returns towards its own week, as far as what follows it allows.
    for node in reversed(order):
        if node in fixed or start[node] >= original[node] or node in aligned:
            continue
        # A pull cannot help work that may not move and still starts too early: it is not counted.
        latest = min(
            (start[s] - lag for s, lag in succs.get(node, ()) if s not in fixed or start[s] - lag >= start[node]),
            default=original[node],
        )
        start[node] = max(start[node], min(original[node], latest))

    start = {i: min(week, LAST_WEEK) for i, week in start.items()}
    return start, (prepared, preds, succs, edges, aligned, fixed)


def _move(items, item, was: int, start, preds, succs, edges, aligned) -> Move | None:
    now = start[item.id]
    if now == was:
        return None

    def why(code: str) -> str:
        return f"({PRINCIPLES.get(code, 'it depends on it')})"

    if item.id in aligned:
        deploy = aligned[item.id]
        return Move(item.id, item.title, was, now, f"to run alongside '{items[deploy].title}' {why('SEQ-004')}")
    if now < was and succs.get(item.id):
        # The item that needed it earliest, and keeps its week thanks to the move.
        after, lag = min(succs[item.id], key=lambda pair: start[pair[0]] - pair[1])
        code = edges[(item.id, after)][1]
        return Move(
            item.id, item.title, was, now, f"so that '{items[after].title}' keeps week {start[after] + 1} {why(code)}"
        )
    if now > was and preds.get(item.id):
        before, lag = max(preds[item.id], key=lambda pair: start[pair[0]] + pair[1])
        code = edges[(before, item.id)][1]
        return Move(item.id, item.title, was, now, f"to wait for '{items[before].title}' {why(code)}")
    return Move(item.id, item.title, was, now, "to keep the order the principles set")


def _stuck(items, fixed, start, preds) -> list[str]:
    return [
        i
        for i in items
        if i in fixed
        and items[i].status in FIXED_STATUSES
        and any(start[i] < start[u] + lag for u, lag in preds.get(i, ()))
    ]


def propose_schedule(plan: Plan) -> dict[str, int]:
    """Item id -> proposed start week, for the items that move."""
    return {m.item_id: m.to for m in solve(plan).moves}


def schedule_command(plan: Plan, schedule: Schedule, text: str) -> Command | None:
    """One undoable edit that applies ``schedule``, or None when nothing changes.

    A dependency the user drew that contradicts a principle (capability work waiting for its
    deployment to finish) cannot be kept; the edit drops it, and its text says so.
    """
    prepared = schedule.prepared
    if prepared is None:
        return None
    moves = {m.item_id: m for m in schedule.moves}
    commands: list[Command] = []
    for item in plan.roadmap:
        changes: dict[str, object] = {}
        words = []
        if item.id in moves:
            changes["start_week"] = moves[item.id].to
            words.append(f"move to week {moves[item.id].to + 1}, {moves[item.id].reason}")
        dropped = [d for d in item.depends_on if (d, item.id) in prepared.contradicting]
        if dropped and (item.id in moves or item.status not in FIXED_STATUSES):
            changes["depends_on"] = [d for d in item.depends_on if d not in dropped]
            words.append(f"stop waiting for {', '.join(repr(prepared.items[d].title) for d in dropped)}")
        if changes:
            commands.append(SetFields(item.id, changes, text=f"'{item.title}': {'; '.join(words)}"))
    return Macro(text, commands) if commands else None


def auto_sequence_command(plan: Plan) -> Command | None:
    """One undoable edit that applies the proposed schedule, or None when nothing moves."""
    if not plan.roadmap:
        return None
    return schedule_command(plan, solve(plan), "Auto-sequence the roadmap")


def push_command(
    plan: Plan,
    weeks: dict[str, int],
    text: str,
    follow: set[str] | None = None,
    broken: set[tuple[str, str]] | None = None,
) -> Command | None:
    """The moves of a fix: each item of ``weeks`` starts no earlier than its week, the items of
    ``follow`` start no earlier than the work they wait for, and what must follow any of them
    moves along, so that the fix breaks no order it did not find broken.

    None when that cannot be done: work that is done or in progress stands in the way.
    """
    seeds = set(weeks) | (follow or set())
    schedule = solve(plan, lower=weeks, follow=seeds, broken=broken)
    if any(schedule.start.get(i, -1) < week for i, week in weeks.items()):
        return None
    moved = {m.item_id for m in schedule.moves} | seeds
    if any(u in moved or v in moved for u, v in schedule.unmet):
        return None
    return Macro(text, [SetFields(m.item_id, {"start_week": m.to}, text=m.describe()) for m in schedule.moves])


class MoveAlong(Command):
    """A fix's edit that moves items later together with everything that must follow them.

    What must follow depends on the plan when the fix is applied, and working it out costs a
    schedule, far too much to do for every finding of every check: the moves are worked out
    when the edit is made (a fix's trial makes it on a copy first). ``first`` is an edit made
    before (a dependency dropped). The edit is refused when work that is done or in progress
    stands in the way.
    """

    def __init__(
        self,
        text: str,
        weeks: dict[str, int],
        follow: set[str] | None = None,
        first: Command | None = None,
        settle: set[str] | None = None,
    ):
        self.text = text
        self.weeks = dict(weeks)
        self.follow = set(follow or ())
        self.first = first
        self.settle = set(settle or ())
        """Items whose every order is settled, broken before or not (a cycle being untied)."""
        self._done: list[Command] = []

    def perform(self, plan: Plan) -> ChangeSet:
        from .constraints import build_constraints

        changes = ChangeSet()
        self._done = []
        items = {i.id: i for i in plan.roadmap}
        # The orders broken before the edit stay the user's; those the edit makes (work it adds)
        # and those of the items it settles are kept.
        broken = {
            (c.before, c.after)
            for c in build_constraints(plan, items).all
            if c.after not in self.settle and not c.holds(items)
        }
        if self.first is not None:
            changes = changes + self.first.perform(plan)
            self._done.append(self.first)
        moves = push_command(plan, self.weeks, self.text, self.follow, broken)
        if moves is None:
            self.revert(plan)
            raise CommandError("Work that is done or in progress would have to move: change the plan by hand.")
        changes = changes + moves.perform(plan)
        self._done.append(moves)
        return changes

    def revert(self, plan: Plan) -> ChangeSet:
        changes = ChangeSet()
        for command in reversed(self._done):
            changes = changes + command.revert(plan)
        self._done = []
        return changes
