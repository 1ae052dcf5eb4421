"""Taking, renaming and deleting a baseline: undoable edits like any other.

Each is one of the generic commands, with the name checked when it runs (not only when it was
built): a redo after other edits still never leaves two baselines of one name.
"""

from __future__ import annotations

from ..commands import AddEntity, Command, CommandError, RemoveEntity, SetFields
from ..model import Baseline, Plan
from ..model.base import short_name
from .snapshot import name_problem


class _AddBaseline(AddEntity):
    def perform(self, plan: Plan):
        problem = name_problem(plan, self.entity.name)
        if problem is not None:
            raise CommandError(problem)
        return super().perform(plan)


class _RenameBaseline(SetFields):
    def perform(self, plan: Plan):
        problem = name_problem(plan, self.new["name"], keep=self.entity_id)
        if problem is not None:
            raise CommandError(problem)
        return super().perform(plan)


def take_baseline(baseline: Baseline) -> Command:
    """Add ``baseline`` (made by ``make_baseline``) to the plan."""
    return _AddBaseline(None, "baselines", baseline, text=f"Save baseline '{short_name(baseline.name)}'")


def rename_baseline(plan: Plan, baseline_id: str, name: str) -> Command:
    baseline = _baseline(plan, baseline_id)
    name = " ".join(name.split())
    return _RenameBaseline(
        baseline_id, {"name": name}, text=f"Rename baseline '{short_name(baseline.name)}' to '{short_name(name)}'"
    )


def delete_baseline(plan: Plan, baseline_id: str) -> Command:
    baseline = _baseline(plan, baseline_id)
    return RemoveEntity(baseline_id, text=f"Delete baseline '{short_name(baseline.name)}'")


def _baseline(plan: Plan, baseline_id: str) -> Baseline:
    baseline = next((b for b in plan.baselines if b.id == baseline_id), None)
    if baseline is None:
        raise CommandError("that baseline is no longer in the plan")
    return baseline
