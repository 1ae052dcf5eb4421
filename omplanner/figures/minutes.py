"""Expected minutes per case: each step's minutes weighted by how often a case passes through it.

A case enters at the map's start (split evenly over several starts) and follows the flows:
- where a step has several outgoing flows, the case takes one of them (a branch). A branch's share
  is entered as a percentage in its flow's label ("complaint · 10 %"); branches without one share
  what is left evenly, and the figure says so ("even shares assumed at 1 branch point");
- an AI step with an exception route sends its exception rate of cases there and the rest on
  its flows; a route without a rate sends none there (said too);
- loops (rework) count each pass: the expected number of visits is solved, not walked once.
A step no flow reaches at all (a map drawn without flows) counts once, as a plain sum would.

People's time is the steps in people's lanes that no AI does (a step where AI surfaces information
is still a person's work); the rest is AI and systems' time. The plain sum of every step's
minutes is kept, and may only be shown labelled as such.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field

from ..model import AiIntervention, Plan, ProcessMap, Step, StepKind

_SHARE = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")
_AI_WORKS = (AiIntervention.AUTOMATE, AiIntervention.ROUTE_EXCEPTIONS)


@dataclass(frozen=True)
class ExpectedMinutes:
    people: float
    """People's expected minutes per case."""
    machine: float
    """AI and systems' expected minutes per case."""
    plain_sum: float
    """Every step's minutes once, whatever the branches: only ever shown as "sum of step times"."""
    visits: dict[str, float] = field(default_factory=dict)
    """Step id -> expected passes of one case through it (0.1 for a branch taken by 10 %)."""
    assumed: tuple[str, ...] = ()
    """What the figure had to assume, in words, for a note beside it."""

    @property
    def total(self) -> float:
        return self.people + self.machine


def branch_share(label: str) -> float | None:
    """The share (0-1) a flow's label gives its branch ("yes · 85 %"), or None."""
    found = _SHARE.search(label or "")
    return min(1.0, float(found.group(1).replace(",", ".")) / 100) if found else None


def is_people_time(plan: Plan | None, step: Step) -> bool:
    role = plan.role(step.lane) if plan is not None else None
    in_people_lane = role is None or role.is_people
    return in_people_lane and step.ai not in _AI_WORKS


def people_lanes(plan: Plan | None) -> dict[str, bool]:
    """Role id -> whether its lane is people's: ``is_people_time`` for every step of a map with
    one look at the roles (a lane naming no role is people's)."""
    return {} if plan is None else {r.id: r.is_people for r in plan.roles}


def is_people_step(lanes: dict[str, bool], step: Step) -> bool:
    """``is_people_time`` with the roles read once by ``people_lanes``."""
    return lanes.get(step.lane, True) and step.ai not in _AI_WORKS


def _transitions(pmap: ProcessMap, steps: list[Step], ids: set[str]) -> tuple[list[tuple[str, str, float]], list[str]]:
    outgoing: dict[str, list] = {}
    for flow in pmap.flows:
        if flow.source in ids and flow.target in ids:
            outgoing.setdefault(flow.source, []).append(flow)
    edges: list[tuple[str, str, float]] = []
    assumed: list[str] = []
    even = no_rate = 0
    for step in steps:
        flows = outgoing.get(step.id, [])
        leave = 1.0
        if step.exception_route in ids and step.exception_route != step.id:
            if step.exception_rate is None:
                no_rate += 1
            else:
                rate = step.exception_rate / 100
                edges.append((step.id, step.exception_route, rate))
                leave -= rate
        if not flows:
            continue
        shares = [branch_share(f.label) if len(flows) > 1 else 1.0 for f in flows]
        given = sum(s for s in shares if s is not None)
        open_ = sum(1 for s in shares if s is None)
        if open_:
            even += 1
            rest = max(0.0, 1.0 - given) / open_
            shares = [rest if s is None else s for s in shares]
        elif given > 0 and abs(given - 1.0) > 1e-9:
            shares = [s / given for s in shares]  # shares that do not add up to 100 % are scaled to it
        edges += [(step.id, f.target, leave * s) for f, s in zip(flows, shares, strict=True)]
    if even:
        assumed.append(f"even shares assumed at {even} branch point{'s' if even > 1 else ''}")
    if no_rate:
        assumed.append(f"no exception rate on {no_rate} exception route{'s' if no_rate > 1 else ''} (counted as none)")
    return edges, assumed


def _flow_order(entries: list[str], edges: list[tuple[str, str, float]], every: list[str]) -> list[str]:
    """Steps in the order the flows run from the entries (reverse post-order), then the rest."""
    after: dict[str, list[str]] = {}
    for source, target, _p in edges:
        after.setdefault(source, []).append(target)
    seen: set[str] = set()
    post: list[str] = []
    for root in entries:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(after.get(root, ())))]
        while stack:
            node, children = stack[-1]
            child = next((c for c in children if c not in seen), None)
            if child is None:
                post.append(node)
                stack.pop()
            else:
                seen.add(child)
                stack.append((child, iter(after.get(child, ()))))
    order = post[::-1]
    return order + [i for i in every if i not in seen]


_SOLVED: dict[str, tuple[tuple, dict[str, float], list[str], int]] = {}
"""Map id -> (what the visits depend on, the visits, what was assumed, steps no flow reaches): a
re-check after an edit that changed no flow, route or share (a name, a minute, a step just
dropped on the map and not joined yet) reads the last answer."""
_SOLVED_KEPT = 256


def expected_visits(pmap: ProcessMap) -> tuple[dict[str, float], list[str]]:
    """Step id -> expected passes of one case, and what was assumed.

    On a map with a start, a step no flow or exception route touches (one just dropped on the
    map) counts once and changes nothing else: it is left out of the solve, so adding or
    removing one reads the last answer instead of solving the map again."""
    linked = _linked(pmap)
    steps = [s for s in pmap.steps if s.id in linked]
    alone = [s.id for s in pmap.steps if s.id not in linked]
    shape = (
        tuple((s.id, s.kind, s.exception_route, s.exception_rate) for s in steps),
        tuple((f.source, f.target, f.label) for f in pmap.flows),
    )
    known = _SOLVED.get(pmap.id)
    if known is not None and known[0] == shape:
        visits, assumed, apart = dict(known[1]), list(known[2]), known[3]
    else:
        visits, assumed, apart = _expected_visits(pmap, steps)
        if len(_SOLVED) >= _SOLVED_KEPT:
            _SOLVED.pop(next(iter(_SOLVED)))
        _SOLVED[pmap.id] = (shape, dict(visits), list(assumed), apart)
    if alone:
        visits.update(dict.fromkeys(alone, 1.0))
        apart += len(alone)
    if apart:
        assumed.append(f"{apart} step{'s' if apart > 1 else ''} no flow reaches counted once")
    return visits, assumed


def _linked(pmap: ProcessMap) -> set[str]:
    """The ids of the steps the solve needs: all of them on a map without a start (there, the
    steps no flow reaches are where cases enter); else the start and every step a flow or an
    exception route touches."""
    if not any(s.kind is StepKind.START for s in pmap.steps):
        return {s.id for s in pmap.steps}
    linked = {f.source for f in pmap.flows} | {f.target for f in pmap.flows}
    for step in pmap.steps:
        if step.kind is StepKind.START or step.exception_route:
            linked.add(step.id)
            if step.exception_route:
                linked.add(step.exception_route)
    return linked


def _expected_visits(pmap: ProcessMap, steps: list[Step]) -> tuple[dict[str, float], list[str], int]:
    """The visits of ``steps`` (the map's, or those the solve needs), what was assumed, and how
    many of them no flow reaches (counted once each)."""
    ids = {s.id for s in steps}
    if not ids:
        return {}, [], 0
    edges, assumed = _transitions(pmap, steps, ids)
    after: dict[str, list[str]] = {}
    for source, target in {(f.source, f.target) for f in pmap.flows if f.source in ids and f.target in ids} | {
        (s.id, s.exception_route) for s in steps if s.exception_route in ids
    }:
        after.setdefault(source, []).append(target)
    starts = [s.id for s in steps if s.kind is StepKind.START]
    if starts:  # a case enters at one of them
        entries, enter = starts, {i: 1.0 / len(starts) for i in starts}
    else:  # without a start, each step no flow reaches counts once, as a plain sum would
        into = {t for targets in after.values() for t in targets}
        entries = [s.id for s in steps if s.id not in into] or [steps[0].id]
        enter = dict.fromkeys(entries, 1.0)
        if len(entries) > 1:
            assumed.append(f"{len(entries)} steps no flow reaches counted once")
    incoming: dict[str, list[tuple[str, float]]] = {}
    for source, target, p in edges:
        if p > 0:
            incoming.setdefault(target, []).append((source, p))
    order = _flow_order(entries, edges, [s.id for s in steps])
    visits, endless = _solve(order, enter, incoming)
    if endless:
        assumed.append("a loop no case leaves: each of its steps counted once")
    reached = set(entries)
    frontier = list(entries)
    while frontier:
        for target in after.get(frontier.pop(), ()):
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    apart = [i for i in ids if i not in reached]
    for i in apart:
        visits[i] = 1.0
    return {i: visits.get(i, 0.0) for i in ids}, assumed, len(apart)


def _solve(
    order: list[str], enter: dict[str, float], incoming: dict[str, list[tuple[str, float]]]
) -> tuple[dict[str, float], bool]:
    """Visits = entries + the visits each transition carries, solved exactly, one loop at a time.

    Steps outside loops take one pass each, in the order the flows run. A loop (a strongly
    connected group of steps) is a small linear system, solved by elimination in flow order
    (the matrix is diagonally dominant, so no pivoting is needed); a rework loop many cases go
    round costs no more than one few go round. A loop no case leaves has no solution: its steps
    count once each, and True says so."""
    visits = dict.fromkeys(order, 0.0)
    endless = False
    for group in _loops_in_flow_order(order, incoming):
        if len(group) == 1 and not any(source == group[0] for source, _p in incoming.get(group[0], ())):
            i = group[0]
            visits[i] = enter.get(i, 0.0) + sum(p * visits[source] for source, p in incoming.get(i, ()))
        elif not _eliminate(group, enter, incoming, visits):
            endless = True
    return visits, endless


def _eliminate(group: list[str], enter, incoming, visits: dict[str, float]) -> bool:
    """Solve the loop's visits into ``visits``; False (and each step counted once) if no case leaves."""
    at = {i: n for n, i in enumerate(group)}
    reduced: list[tuple[float, dict[int, float]]] = []  # step n = constant + sum(coef * step j), j > n
    entered = 0.0
    for n, i in enumerate(group):
        constant = enter.get(i, 0.0)
        row: dict[int, float] = {}
        for source, p in incoming.get(i, ()):
            k = at.get(source)
            if k is None:
                constant += p * visits[source]  # from outside the loop: already known
            else:
                row[k] = row.get(k, 0.0) + p
        entered += constant
        earlier = [k for k in row if k < n]
        heapq.heapify(earlier)
        while earlier:
            k = heapq.heappop(earlier)
            coef = row.pop(k)
            k_constant, k_row = reduced[k]
            constant += coef * k_constant
            for j, c in k_row.items():
                if j in row:
                    row[j] += coef * c
                else:
                    row[j] = coef * c
                    if j < n:
                        heapq.heappush(earlier, j)
        keep = 1.0 - row.pop(n, 0.0)
        if keep <= 1e-12:
            for i2 in group:
                visits[i2] = 1.0 if entered > 0 or constant > 0 else 0.0
            return False
        reduced.append((constant / keep, {j: c / keep for j, c in row.items()}))
    values = [0.0] * len(group)
    for n in range(len(group) - 1, -1, -1):
        constant, row = reduced[n]
        values[n] = constant + sum(c * values[j] for j, c in row.items())
    for n, i in enumerate(group):
        visits[i] = values[n]
    return True


def _loops_in_flow_order(order: list[str], incoming: dict[str, list[tuple[str, float]]]) -> list[list[str]]:
    """The steps grouped into loops (strongly connected components, Tarjan's algorithm without
    recursion), groups in the order cases reach them and steps in each in flow order."""
    position = {i: n for n, i in enumerate(order)}
    after: dict[str, list[str]] = {}
    for target, sources in incoming.items():
        for source, _p in sources:
            after.setdefault(source, []).append(target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    for root in order:
        if root in index:
            continue
        work = [(root, iter(after.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(after.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(sorted(group, key=position.__getitem__))
    groups.reverse()  # Tarjan finds a group after every group it leads to
    return groups


def expected_minutes(plan: Plan | None, pmap: ProcessMap) -> ExpectedMinutes:
    """``plan`` gives the lanes' roles; without it every lane is taken as people's."""
    visits, assumed = expected_visits(pmap)
    lanes = people_lanes(plan)
    people = machine = plain = 0.0
    for step in pmap.steps:
        minutes = step.minutes
        plain += minutes
        weighted = visits.get(step.id, 0.0) * minutes
        if is_people_step(lanes, step):
            people += weighted
        else:
            machine += weighted
    return ExpectedMinutes(people, machine, plain, visits, tuple(assumed))


def per_case_words(found: ExpectedMinutes) -> str:
    """The expected people's minutes in words, with how they were found and the plain sum labelled:
    the same sentence under the PDF's maps and in the workbook's Processes sheet."""
    from .format import number

    how = "each step weighted by the share of cases that reach it"
    if found.assumed:
        how += "; " + "; ".join(found.assumed)
    return (
        f"{number(found.people)} minutes of people's time per case expected ({how}); "
        f"sum of all step times {number(found.plain_sum)}"
    )
