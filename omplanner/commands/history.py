"""Replacing the plan's history (its revision and ancestors) as part of an edit: a merge.

Saving mints a revision outside the undo stack (it is not an edit); a merge is one, and the
ancestors it adds (their copy's revisions) must go when the merge is undone: a plan that still
named their revisions without their changes would pass their copy off as the common base.
"""

from __future__ import annotations

from ..model import History, Plan
from .base import Change, ChangeSet, Command

HISTORY_FIELD = "history"


def history_change() -> Change:
    return Change("modified", "History", "plan:history", None, (HISTORY_FIELD,))


class SetHistory(Command):
    def __init__(self, history: History, text: str = "Record the merged copies"):
        self.new = history.model_copy(deep=True)
        self.old: History | None = None
        self.text = text

    def perform(self, plan: Plan) -> ChangeSet:
        self.old = plan.history
        plan.history = self.new.model_copy(deep=True)
        return ChangeSet([history_change()])

    def revert(self, plan: Plan) -> ChangeSet:
        assert self.old is not None, "revert before apply"
        plan.history = self.old
        return ChangeSet([history_change()])
