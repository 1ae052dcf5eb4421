"""The full rule check against the load, its growth when the plan doubles, and re-checking after a drag."""

from __future__ import annotations

import importlib
from pathlib import Path

from omplanner.commands import SetFields
from omplanner.fileio import load_plan, parse_plan

from .common import NotAvailable, Row, median_time

FRAME_MS = 16.0


def _check_plan():
    from omplanner.paths import example_path

    check_plan = importlib.import_module("omplanner.rules").check_plan
    # The example carries deliberate mistakes: a check that finds none is the stub that stands
    # in until the rules land, and timing it would report a meaningless PASS.
    if not check_plan(load_plan(example_path("distributor"))):
        raise NotAvailable("the rules are not on main yet")
    return check_plan


def _roadmap_recheck(plan):
    """What the app runs after a drag: the document's shared check, updated for the edit (only
    the rule families the edit touched run again), then the roadmap's shaping of its findings.
    Falls back to the full check where those are not on main."""
    try:
        from omplanner.rules import check
        from ui.roadmap.checking import check_findings
    except ImportError:
        return (lambda changes: _check_plan()(plan)), "check_plan"
    state = {"check": check(plan)}

    def recheck(changes) -> None:
        state["check"] = state["check"].update(plan, [changes])
        check_findings(plan, state["check"].findings)

    return recheck, "incremental check + ui.roadmap.checking.check_findings"


def run(large: Path, double: Path, repeats: int) -> list[Row]:
    check_plan = _check_plan()
    raw = large.read_bytes()
    plan = load_plan(large)
    plan2 = load_plan(double)
    findings = len(check_plan(plan))
    load = median_time(lambda: parse_plan(raw, large), repeats)
    check = median_time(lambda: check_plan(plan), repeats)
    check2 = median_time(lambda: check_plan(plan2), repeats)
    item = plan.roadmap[len(plan.roadmap) // 2]
    weeks = iter(range(1, 10**6))
    recheck, how = _roadmap_recheck(plan)

    def drag() -> None:
        # What the roadmap canvas does on release: one command moving the bar, then its re-check.
        command = SetFields(item.id, {"start_week": item.start_week % 400 + next(weeks) % 3 + 1})
        recheck(command.apply(plan))

    # A drag is short: more repeats than the slow rows, so the median is not one unlucky frame.
    dragged = median_time(drag, max(repeats, 5) * 4)
    return [
        Row("rule check, large plan (vs its load)", check, load, 1.0, note=f"{findings} findings"),
        Row("rule check growth, plan doubled (vs 1x)", check2, check, 2.0),
        Row("re-check after one roadmap drag (vs 16 ms frame)", dragged, FRAME_MS, 1.0, note=how),
    ]
