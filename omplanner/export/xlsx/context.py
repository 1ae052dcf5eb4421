"""What every sheet writer needs: the workbook, the plan, its analysis, and quick look-ups.

The plan's own queries scan lists, which is right for the app but quadratic over a whole
export of a large plan; the export builds its indexes once here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...model import Plan, Step, UseCase
from ..analysis import PlanAnalysis
from .cells import Styler
from .editable import Names
from .safe import sheet_title


@dataclass
class ExportContext:
    plan: Plan
    analysis: PlanAnalysis
    workbook: Workbook
    styler: Styler = field(default_factory=Styler)
    table_names: set[str] = field(default_factory=set)
    sheet_names: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        plan = self.plan
        self.role_names = {r.id: r.name for r in plan.roles}
        self.use_cases = {u.id: u for u in plan.use_cases}
        self.items = {i.id: i for i in plan.roadmap}
        self.decisions = {d.id: d for d in plan.decisions}
        self.successors = _successors(plan)
        self.names = Names(plan)
        self._element_names: dict[str, str] | None = None
        self.steps: dict[str, tuple[UseCase, str, Step]] = {}
        for uc, variant, pmap in plan.maps():
            for step in pmap.steps:
                self.steps[step.id] = (uc, variant, step)

    def new_sheet(self, name: str) -> Worksheet:
        ws = self.workbook.create_sheet(sheet_title(name, self.sheet_names))
        ws.sheet_view.showGridLines = False
        return ws

    @property
    def role_list(self) -> str:
        """The range of the Roles sheet's names, for dropdowns of owners and roles."""
        from .people import ROLES_FIRST_ROW, ROLES_SHEET

        last = ROLES_FIRST_ROW + max(len(self.plan.roles), 1) - 1
        return f"'{ROLES_SHEET}'!$A${ROLES_FIRST_ROW}:$A${last}"

    def role(self, role_id: str | None) -> str:
        return self.role_names.get(role_id, role_id or "") if role_id else ""

    def roles(self, role_ids) -> str:
        return ", ".join(self.role(r) for r in role_ids)

    def use_case_name(self, use_case_id: str | None) -> str:
        uc = self.use_cases.get(use_case_id) if use_case_id else None
        return uc.name if uc else ""

    def step_name(self, step_id: str | None) -> str:
        found = self.steps.get(step_id) if step_id else None
        if found is None:
            return ""
        return found[2].name or found[2].kind.label

    def step_label(self, step_id: str) -> str:
        """A step named with its use case, for lists that span several processes."""
        found = self.steps.get(step_id)
        if found is None:
            return step_id
        uc, _, step = found
        return f"{uc.name}: {step.name or step.kind.label}"

    def element_name(self, element_id: str) -> str:
        """Any element by its name (a step with its use case, a map as its use case's process)."""
        if element_id in self.steps:
            return self.step_label(element_id)
        if self._element_names is None:
            self._element_names = self._name_index()
        name = self._element_names.get(element_id)
        if name is None:  # a rarer kind (a flow, a score): its place in the plan, in words
            from ...model.walk import describe, find_place

            place = find_place(self.plan, element_id)
            name = describe(place.entity, place.index) if place else "(no longer in the plan)"
            self._element_names[element_id] = name
        return name

    def _name_index(self) -> dict[str, str]:
        # Only the kinds of element a score or a finding rests on; walking the whole plan's
        # places would cost the large plan's export a second.
        plan = self.plan
        names: dict[str, str] = {}
        for uc in plan.use_cases:
            # Maps and governance have no names of their own: they are their use case's.
            names[uc.id] = uc.name
            names[uc.current.id] = f"{uc.name}: current process"
            names[uc.redesigned.id] = f"{uc.name}: redesigned process"
            names[uc.governance.id] = f"{uc.name}: governance"
            for t in uc.governance.thresholds:
                names[t.id] = f"{uc.name}: {t.metric}"
        for entities in (plan.roles, plan.decisions, plan.data_sources, plan.capabilities, plan.roadmap):
            for entity in entities:
                names[entity.id] = entity.display_name
        return names

    def week_date(self, week: int) -> date:
        """The first day of a roadmap week (week 0 starts on the plan's start date)."""
        return self.plan.details.start_date + timedelta(weeks=week)


def _successors(plan: Plan) -> dict[str, list[tuple[str, bool, int | None]]]:
    """Item id -> (item that waits for it, after its end?, weeks after its start or None): the
    sequencing analysis's graph, for the slack formulas. A pair with both kinds of constraint
    takes the larger lag, as the analysis does."""
    if not plan.roadmap:
        return {}
    from ...sequencing.graph import prepare

    prepared = prepare(plan)
    lags: dict[tuple[str, str], tuple[bool, int | None]] = {}
    for c in prepared.usable:
        after_end, offset = lags.get((c.before, c.after), (False, None))
        if c.start_to_start:
            offset = c.offset if offset is None else max(offset, c.offset)
        else:
            after_end = True
        lags[(c.before, c.after)] = (after_end, offset)
    successors: dict[str, list[tuple[str, bool, int | None]]] = {}
    for (before, after), (after_end, offset) in lags.items():
        successors.setdefault(before, []).append((after, after_end, offset))
    return successors
