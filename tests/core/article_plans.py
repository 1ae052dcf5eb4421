"""Plans for the article's scenario suite, made from the example plan: one that follows every
principle the rules can check, and small edits that each break one principle once.

The compliant plan keeps the example's first use case (AP invoice matching) and repairs the
example's deliberate mistakes the way a facilitator would: the roadmap in the right order,
one accountable role per decision, every data question answered, exceptions shared between two
roles.
"""

from __future__ import annotations

import copy

from omplanner.fileio import load_plan
from omplanner.model import (
    BuildMethod,
    CapabilityKind,
    CapabilityRequirement,
    DataAnswer,
    Knowledge,
    Plan,
    Role,
    RoleKind,
)
from omplanner.paths import example_path

_CACHE: dict[str, Plan] = {}


def known(note: str) -> DataAnswer:
    return DataAnswer(status=Knowledge.KNOWN, note=note)


def _build() -> Plan:
    plan = load_plan(example_path("distributor"), notices=[])
    keep = {"uc-ap"}
    plan.use_cases = [u for u in plan.use_cases if u.id in keep]
    plan.decisions = [d for d in plan.decisions if d.use_case in keep]
    plan.capabilities = [c for c in plan.capabilities if c.use_case in keep or c.use_case is None]
    plan.scores = [s for s in plan.scores if s.use_case in keep]
    plan.roadmap = [i for i in plan.roadmap if i.use_case in keep or i.use_case is None]
    items = {i.id for i in plan.roadmap}
    for item in plan.roadmap:
        item.depends_on = [d for d in item.depends_on if d in items]
    steps = {s.id for u in plan.use_cases for m in (u.current, u.redesigned) for s in m.steps}
    for source in plan.data_sources:
        source.used_by = [s for s in source.used_by if s in steps]
    plan.data_sources = [d for d in plan.data_sources if d.used_by]

    # The roadmap in the order the principles ask: the tool after the data work, capability work
    # starting with the deployment, governance in place before go-live.
    plan.item("item-4").start_week = 9
    plan.item("item-6").start_week = 12
    capability = plan.item("item-7")
    capability.start_week, capability.depends_on = 11, ["item-5"]
    governance = plan.item("item-8")
    governance.start_week = 8

    writeoff = plan.decision("dec-ap-writeoff")
    writeoff.accountable = ["role-controller"]
    writeoff.override_authority = "role-controller"
    writeoff.audit_trail = True
    gov = plan.use_case("uc-ap").governance
    gov.thresholds[0].covers = sorted({*gov.thresholds[0].covers, writeoff.id})

    grn = plan.data_source("data-grn")
    grn.validation = known("Receipts matched to delivery notes daily")
    grn.latency = known("Within 4 hours of delivery")
    grn.ownership = known("Warehouse supervisor reconciles open receipts each morning")
    suppliers = plan.data_source("data-suppliers")
    suppliers.owner_role = "role-data-steward"
    suppliers.validation = known("Bank details and terms checked on every change by a second person")
    suppliers.ownership = known("Data steward reviews changes weekly")

    # Low-confidence captures go to the AP team lead, mismatches to the clerks.
    ap = plan.use_case("uc-ap")
    ap.redesigned.step("ap-r5").lane = "role-ap-lead"
    for kind in (CapabilityKind.OUTPUT_VALIDATION, CapabilityKind.EXCEPTION_JUDGEMENT):
        plan.capabilities.append(
            CapabilityRequirement(
                id=f"cap-lead-{kind.value}",
                role="role-ap-lead",
                capability=kind,
                use_case="uc-ap",
                current_level=2,
                required_level=3,
                built_through=[BuildMethod.JOB_DESIGN, BuildMethod.TRAINING],
            )
        )
    return plan


def compliant() -> Plan:
    """A fresh copy of the compliant plan (built once per test run)."""
    if "plan" not in _CACHE:
        _CACHE["plan"] = _build()
    return copy.deepcopy(_CACHE["plan"])


def add_role(plan: Plan, role_id: str, name: str, kind: RoleKind, senior: bool = False) -> str:
    plan.roles.append(Role(id=role_id, name=name, kind=kind, senior=senior))
    return role_id
