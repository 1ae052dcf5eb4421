"""Go-live: the week a deployment item finishes.

A deployment of weeks 11-14 goes live in week 14, on the last day of that week: the work of
deploying is done then, not when it starts. The model has no go-live field of its own; every
output (PDF, workbook, roadmap canvas and render, rule messages) reads go-live from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from ..model import ItemKind, Plan, RoadmapItem

GO_LIVE_RULE = "Go-live is the week a deployment item finishes."


def go_live_week(item: RoadmapItem) -> int:
    """The go-live week as people count it (the plan's first week is week 1)."""
    return item.last_week


def go_live_offset(item: RoadmapItem) -> int:
    """The go-live week as an offset from the plan's start (week 1 is offset 0), for timelines."""
    return item.end_week - 1


def go_live_date(item: RoadmapItem, start: date) -> date:
    """The last day of the go-live week, for a plan that starts on ``start``."""
    return start + timedelta(weeks=item.end_week, days=-1)


def go_lives(plan: Plan, use_case: str | None = None) -> list[RoadmapItem]:
    """The plan's deployments (of one use case, if given), earliest go-live first."""
    items: Iterable[RoadmapItem] = (i for i in plan.roadmap if i.kind is ItemKind.DEPLOYMENT)
    if use_case is not None:
        items = (i for i in items if i.use_case == use_case)
    return sorted(items, key=lambda i: (i.end_week, i.start_week))
