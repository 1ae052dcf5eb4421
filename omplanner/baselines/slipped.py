"""What slipped since a baseline: the roadmap's changes in weeks, as rows a person reads.

Items are matched by id, as everywhere else in comparing copies. An item that ends later than in
the baseline slipped ("'Pilot triage' ends 3 weeks later (week 14 → 17)"); so did one that starts
later and ends when it did. Items new since the baseline, items gone, items now earlier, a moved
start date of the plan and every use case's go-live that moved are rows too. Go-live is read from
``omplanner.figures`` (the week a deployment finishes): the same figure every page prints.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from ..figures import go_live_date, go_live_week, go_lives
from ..model import Plan, RoadmapItem
from ..model.base import short_name

GO_LIVE, START, LATER, ADDED, REMOVED, EARLIER = "go-live", "start", "later", "added", "removed", "earlier"
ORDER = (GO_LIVE, START, LATER, ADDED, REMOVED, EARLIER)
"""How the rows are listed: what moved the board's dates first, then the slips, largest first."""


@dataclass(frozen=True)
class Slip:
    kind: str
    """One of ``ORDER``."""
    text: str
    """The row, in plain words (the plan's names quoted as they are)."""
    item_id: str | None = None
    """The roadmap item (in the plan, or in the baseline for a removed one); a use case's id for a go-live."""
    weeks: int = 0
    """How far it moved, in weeks (positive: later)."""

    @property
    def slipped(self) -> bool:
        """Later than agreed: a go-live, the start or an item."""
        return self.weeks > 0 and self.kind in (GO_LIVE, START, LATER)


def _weeks(n: int) -> str:
    n = abs(n)
    return f"{n} week{'s' if n != 1 else ''}"


def _days(n: int) -> str:
    n = abs(n)
    return _weeks(n // 7) if n % 7 == 0 else f"{n} day{'s' if n != 1 else ''}"


def _span(item: RoadmapItem) -> str:
    return (
        f"week {item.first_week}" if item.first_week == item.last_week else f"weeks {item.first_week}–{item.last_week}"
    )


def _spans(before: RoadmapItem, after: RoadmapItem) -> str:
    if before.duration_weeks == 1 and after.duration_weeks == 1:
        return f"week {before.first_week} → {after.first_week}"
    return f"weeks {before.first_week}–{before.last_week} → {after.first_week}–{after.last_week}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _when(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _item_row(before: RoadmapItem, after: RoadmapItem) -> Slip | None:
    start = after.start_week - before.start_week
    end = after.end_week - before.end_week
    if not start and not end:
        return None
    title = f"'{short_name(after.title)}'"
    way = lambda n: "later" if n > 0 else "earlier"  # noqa: E731 - two words, used four times
    if start == end:
        words = f"starts and ends {_weeks(end)} {way(end)} ({_spans(before, after)})"
    elif not start:
        words = f"ends {_weeks(end)} {way(end)} (week {before.last_week} → {after.last_week})"
    elif not end:
        words = f"starts {_weeks(start)} {way(start)} (week {before.first_week} → {after.first_week})"
    else:
        words = f"starts {_weeks(start)} {way(start)} and ends {_weeks(end)} {way(end)} ({_spans(before, after)})"
    moved = end or start  # the end is what the next piece of work waits for
    return Slip(LATER if moved > 0 else EARLIER, f"{title} {words}", after.id, moved)


def _first_go_lives(plan: Plan) -> dict[str | None, RoadmapItem]:
    """Each use case's first go-live (None: cross-cutting deployments)."""
    firsts: dict[str | None, RoadmapItem] = {}
    for item in go_lives(plan):  # earliest first
        firsts.setdefault(item.use_case, item)
    return firsts


def _use_case_words(key: str | None, plan: Plan, baseline: Plan) -> str:
    if key is None:
        return "the cross-cutting deployment"
    use_case = plan.use_case(key) or baseline.use_case(key)
    return f"'{short_name(use_case.name)}'" if use_case is not None else "a use case no longer in the plan"


def _go_live_rows(baseline: Plan, plan: Plan) -> list[Slip]:
    rows = []
    before, after = _first_go_lives(baseline), _first_go_lives(plan)
    start_then, start_now = baseline.details.start_date, plan.details.start_date
    for key in [*after, *(k for k in before if k not in after)]:
        who = _use_case_words(key, plan, baseline)
        then, now = before.get(key), after.get(key)
        if then is None:
            day = go_live_date(now, start_now)
            text = f"{_capital(who)} now goes live in week {go_live_week(now)} ({_when(day)}); the baseline had none"
            rows.append(Slip(GO_LIVE, text, key or now.id))
            continue
        if now is None:
            text = f"{_capital(who)} no longer has a go-live (it was week {go_live_week(then)})"
            rows.append(Slip(GO_LIVE, text, key or then.id))
            continue
        day_then, day_now = go_live_date(then, start_then), go_live_date(now, start_now)
        days = (day_now - day_then).days
        if not days:
            continue
        week_then, week_now = go_live_week(then), go_live_week(now)
        weeks = f"week {week_then} → {week_now}" if week_then != week_now else f"still week {week_now}"
        text = (
            f"Go-live of {who} is {_days(days)} {'later' if days > 0 else 'earlier'} "
            f"({weeks}, {_when(day_then)} → {_when(day_now)})"
        )
        rows.append(Slip(GO_LIVE, text, key or now.id, round(days / 7)))
    return rows


def what_slipped(baseline: Plan, plan: Plan) -> list[Slip]:
    """The roadmap's changes since ``baseline``, what slipped first (see the module)."""
    rows: list[Slip] = _go_live_rows(baseline, plan)
    start_then, start_now = baseline.details.start_date, plan.details.start_date
    if start_then != start_now:
        days = (start_now - start_then).days
        text = (
            f"The plan starts {_days(days)} {'later' if days > 0 else 'earlier'} ({_when(start_then)} → "
            f"{_when(start_now)}): every week of the roadmap falls as much {'later' if days > 0 else 'earlier'}"
        )
        rows.append(Slip(START, text, None, round(days / 7)))
    then = {item.id: item for item in baseline.roadmap}
    now_ids = {item.id for item in plan.roadmap}
    for item in plan.roadmap:
        before = then.get(item.id)
        if before is None:
            rows.append(Slip(ADDED, f"'{short_name(item.title)}' is new since the baseline ({_span(item)})", item.id))
            continue
        row = _item_row(before, item)
        if row is not None:
            rows.append(row)
    for item in baseline.roadmap:
        if item.id not in now_ids:
            text = f"'{short_name(item.title)}' is no longer on the roadmap (it was {_span(item)})"
            rows.append(Slip(REMOVED, text, item.id))
    rank = {kind: index for index, kind in enumerate(ORDER)}
    return sorted(rows, key=lambda r: (rank[r.kind], -abs(r.weeks) if r.kind in (LATER, EARLIER) else 0))


def slip_summary(rows: list[Slip]) -> str:
    """One line over the rows: "2 items later, 1 new; go-live later for 'AP invoice matching'"."""
    if not rows:
        return "Nothing on the roadmap moved since the baseline."
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.kind] += 1
    words = {LATER: "later", EARLIER: "earlier", ADDED: "new", REMOVED: "removed"}
    parts = []
    for kind in (LATER, ADDED, REMOVED, EARLIER):
        n = counts.get(kind, 0)
        if n:
            parts.append(f"{n} item{'s' if n != 1 else ''} {words[kind]}")
    later = sum(1 for r in rows if r.kind == GO_LIVE and r.weeks > 0)
    if later:
        parts.append(f"{later} go-live{'s' if later != 1 else ''} later")
    if counts.get(START):
        parts.append("the start date moved")
    if not parts:
        parts.append("go-lives moved")
    return _capital(", ".join(parts))
