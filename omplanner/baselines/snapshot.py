"""Taking a baseline of a plan, and reading one back as a plan.

A baseline holds the plan as its file would (format, version and all) without the plan's own
baselines: a snapshot holding snapshots would double the file with every baseline taken. It is
read back through the loader, with every limit a file from a stranger meets, and migrated when an
older OM Planner took it: a baseline is part of a file that came by e-mail, so a broken or
hostile one is refused with a sentence that names it, never a crash.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from ..fileio import MAX_BYTES, PlanFileError, parse_plan, plan_to_json
from ..model import Baseline, Plan
from ..model.base import new_id, short_name

EXTRA_INDENT = 4
"""Spaces the file's indentation adds to each line of a snapshot (it sits three levels in), and one to spare."""


class BaselineError(Exception):
    """A baseline that cannot be taken or read: ``str()`` is one sentence naming it."""

    def __init__(self, name: str, problem: str, reading: bool = True):
        self.name = name
        self.problem = problem
        shown = short_name(name)
        head = f"The baseline '{shown}' cannot be read" if reading else f"The baseline '{shown}' cannot be saved"
        super().__init__(f"{head}: {problem[:1].lower()}{problem[1:].rstrip('.')}.")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def find_baseline(plan: Plan, name: str) -> Baseline | None:
    """The plan's baseline called ``name``: spelt exactly, or else the one whose name differs only
    in capitals and spaces."""
    exact = next((b for b in plan.baselines if b.name == name), None)
    if exact is not None:
        return exact
    return next((b for b in plan.baselines if _key(b.name) == _key(name)), None)


def name_problem(plan: Plan, name: str, keep: str | None = None) -> str | None:
    """Why ``name`` cannot name a new baseline of ``plan`` (or baseline ``keep``, renamed), or None.

    Names are compared without regard to capitals and spaces: "Workshop 2" and "workshop  2"
    would be told apart by nobody reading a list of them."""
    if not name.strip():
        return "A baseline needs a name."
    for baseline in plan.baselines:
        if baseline.id != keep and _key(baseline.name) == _key(name):
            return f"This plan already has a baseline called '{short_name(baseline.name)}': give this one another name."
    return None


def default_name(plan: Plan, today: date | None = None) -> str:
    """What the name box starts with: "Agreed on 5 Dec 2026", numbered if that is taken."""
    today = today or date.today()
    name = f"Agreed on {today.day} {today:%b %Y}"
    number = 2
    candidate = name
    while name_problem(plan, candidate) is not None:
        candidate = f"{name} ({number})"
        number += 1
    return candidate


def snapshot_of(plan: Plan) -> dict:
    """The plan as its file holds it, without its baselines."""
    return plan.model_dump(mode="json", exclude={"baselines"})


def make_baseline(plan: Plan, name: str, taken_by: str = "", taken_at: datetime | None = None) -> Baseline:
    """A baseline of ``plan`` as it is now, not yet added to it. Refuses (``BaselineError``) a name
    the plan already has, and a snapshot that would take the file past the size a plan file may
    have: the plan would save, and never open again."""
    name = " ".join(name.split())
    problem = name_problem(plan, name)
    if problem is not None:
        raise BaselineError(name or "(no name)", problem, reading=False)
    snapshot = snapshot_of(plan)
    text = json.dumps(snapshot, indent=1, ensure_ascii=False)
    size = len(plan_to_json(plan).encode("utf-8")) + len(text.encode("utf-8")) + EXTRA_INDENT * text.count("\n")
    if size > MAX_BYTES:
        raise BaselineError(
            name,
            f"with it the plan file would be {size / 2**20:.0f} MB, past the {MAX_BYTES // 2**20} MB a plan file "
            "may hold; delete an older baseline first",
            reading=False,
        )
    return Baseline(
        id=new_id(Baseline.id_prefix),
        name=name,
        taken_at=taken_at or datetime.now(UTC).replace(microsecond=0),
        taken_by=" ".join(taken_by.split()),
        snapshot=snapshot,
    )


def read_baseline(baseline: Baseline) -> Plan:
    """The plan the baseline holds, read as a plan file is read: checked, limited and migrated.

    The snapshot is written out as JSON and parsed again, so that it meets the loader's every
    check (size, nesting, values, references) and the baseline itself is never changed by a
    migration. Its own baselines, should a hostile file give it some, are not read."""
    data = baseline.snapshot
    if isinstance(data, dict) and "baselines" in data:
        data = {key: value for key, value in data.items() if key != "baselines"}
    try:
        raw = json.dumps(data, ensure_ascii=True, allow_nan=False).encode("ascii")
    except (TypeError, ValueError, RecursionError):
        raise BaselineError(baseline.name, "its snapshot holds values no plan file can") from None
    try:
        return parse_plan(raw)
    except PlanFileError as exc:
        where = " → ".join(exc.location)
        problem = exc.problem.replace("this JSON is not", "its snapshot is not")
        raise BaselineError(baseline.name, f"{where}: {problem}" if where else problem) from None
    except RecursionError:
        raise BaselineError(baseline.name, "its snapshot is nested too deep to be a plan") from None


def without_baselines(plan: Plan, like: Plan | None = None) -> Plan:
    """The plan with no baselines of its own, to compare with a baseline (which has none); with
    ``like``'s history, when given: which save a file is, is no change to the plan."""
    update: dict = {"baselines": []}
    if like is not None:
        update["history"] = like.history
    return plan.model_copy(update=update)


def taken_words(baseline: Baseline) -> str:
    """When and by whom, for lists: "taken 5 Dec 2026 at 14:03 by Ana Ruiz" (local time)."""
    when = baseline.taken_at
    if when.tzinfo is not None:
        when = when.astimezone()
    words = f"taken {when.day} {when:%b %Y} at {when:%H:%M}"
    return f"{words} by {baseline.taken_by}" if baseline.taken_by.strip() else words
