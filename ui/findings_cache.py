"""One rule check per edit, shared by every view that shows findings.

The findings panel, the roadmap, the process maps and the overview all show what the rules
say about the same plan. Each used to run the whole check after every edit; now the document
keeps one ``FindingsCache``: the first view to ask after an edit gets the check run (only the
rule families the edit touched, see ``omplanner.rules.PlanCheck.update``), the others reuse it.

The document feeds the cache every ChangeSet *before* it emits ``changed``, so a view asking
from its own ``changed`` handler never sees the findings of the plan before the edit.
Qt-free, and the rules are imported on first use (they are not on the start-up path).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from omplanner.commands import ChangeSet
    from omplanner.model import Plan
    from omplanner.rules import Finding, PlanCheck


class FindingsCache:
    def __init__(self, plan: Callable[[], Plan]):
        self._plan = plan
        self._check: PlanCheck | None = None
        self._pending: list[ChangeSet] = []
        self.runs = 0
        """How many checks ran (full or incremental): tests count them."""

    def note_changes(self, changes: ChangeSet) -> None:
        """An edit, undo or redo touched these entities: the next request re-checks them."""
        if self._check is not None:
            self._pending.append(changes)

    def reset(self) -> None:
        """Another plan is open (or the plan changed behind the commands): check it all again."""
        self._check = None
        self._pending.clear()

    def check(self) -> PlanCheck:
        from omplanner.rules import check

        if self._check is None:
            self._check = check(self._plan())
            self.runs += 1
        elif self._pending:
            self._check = self._check.update(self._plan(), self._pending)
            self._pending = []
            self.runs += 1
        return self._check

    def findings(self) -> list[Finding]:
        """The findings of the plan as it is now, sorted as ``check_plan`` sorts them."""
        return self.check().findings
