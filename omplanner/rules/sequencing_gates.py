"""Sequencing rules about the roadmap's shape rather than its dates: dependency cycles, the
readiness gate, and groundwork missing from the roadmap altogether.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..commands import AddEntity, Macro, SetFields
from ..model import Component, ItemKind, RoadmapItem, Severity, new_id
from ..model.base import short_name
from .context import PlanIndex, ref
from .engine import Hit, rule
from .findings import Fix
from .words import FIX_NAME_LIMIT

FAMILY = "Sequencing"

READINESS_THRESHOLD = 3
"""The agreed process and data scores (of 5) a use case needs before choosing a tool or deploying."""


@rule(
    "SEQ-008",
    "No dependency cycles",
    Severity.ERROR,
    None,
    """Items that wait for each other in a circle can never start; one of the dependencies is wrong.""",
    FAMILY,
)
def dependency_cycles(index: PlanIndex) -> Iterator[Hit]:
    for cycle in index.dependency_cycles[0]:
        items = [index.items[i] for i in cycle]
        chain = ", which depends on ".join(f"'{i.title}'" for i in items + items[:1])
        last, first = items[-1], items[0]
        text = f"Let '{last.title}' no longer wait for '{first.title}'"
        command = SetFields(last.id, {"depends_on": [d for d in last.depends_on if d != first.id]}, text=text)
        yield Hit(
            f"These items wait for each other, so none of them can start: {chain}.",
            tuple(ref(i) for i in items),
            use_case_id=first.use_case if all(i.use_case == first.use_case for i in items) else None,
            fix=Fix(text, command),
        )


@rule(
    "SEQ-009",
    "Readiness gate",
    Severity.WARNING,
    None,
    f"""A use case whose agreed process or data score is below {READINESS_THRESHOLD} of 5 is not
    ready for a tool: choosing or deploying one then automates a process nobody has settled.
    Raise the scores (redesign, data work) first.""",
    FAMILY,
)
def readiness_gate(index: PlanIndex) -> Iterator[Hit]:
    for uc in index.plan.use_cases:
        gated = [
            i
            for i in index.items_by_use_case.get(uc.id, ())
            if i.kind in (ItemKind.TOOL_SELECTION, ItemKind.DEPLOYMENT)
        ]
        if not gated:
            continue
        low = []
        for component in (Component.PROCESS, Component.DATA):
            value = index.agreed_scores.get((uc.id, component))
            if value is not None and value < READINESS_THRESHOLD:
                low.append(f"{'process' if component is Component.PROCESS else 'data'} score is {value} of 5")
        if not low:
            continue
        kinds = " and ".join(sorted({i.kind.label.lower() for i in gated}, reverse=True))
        yield Hit(
            f"'{uc.name}' has {kinds} planned, but its {' and its '.join(low)} (the gate is "
            f"{READINESS_THRESHOLD}): raise the scores before committing to a tool.",
            (ref(uc),) + tuple(ref(i) for i in gated),
            use_case_id=uc.id,
        )


def _new_item(title: str, kind: ItemKind, uc_id: str | None, start: int, duration: int) -> RoadmapItem:
    return RoadmapItem(
        id=new_id("item"),
        title=short_name(title, FIX_NAME_LIMIT),
        kind=kind,
        use_case=uc_id,
        start_week=max(0, start),
        duration_weeks=max(1, duration),
    )


def _ending_by(title: str, kind: ItemKind, uc_id: str | None, week: int, length: int = 3) -> RoadmapItem:
    start = max(0, week - length)
    return _new_item(title, kind, uc_id, start, week - start if week > start else length)


def _add(items: list[RoadmapItem], text: str) -> Fix:
    return Fix(text, Macro(text, [AddEntity(None, "roadmap", i) for i in items]))


@rule(
    "SEQ-010",
    "Groundwork on the roadmap",
    Severity.WARNING,
    None,
    """Every use case that chooses a tool or goes live needs its groundwork on the roadmap: a
    diagnostic, process redesign and data readiness before the tool, decision rights and
    capability work with the deployment, and governance for the first use case before the next.""",
    FAMILY,
)
def missing_groundwork(index: PlanIndex) -> Iterator[Hit]:
    kinds_by_uc: dict[str | None, set[ItemKind]] = {}
    for uc_id, items in index.items_by_use_case.items():
        kinds_by_uc[uc_id] = {i.kind for i in items}
    gated = index.items_by_kind.get(ItemKind.TOOL_SELECTION, []) + index.items_by_kind.get(ItemKind.DEPLOYMENT, [])
    if gated and not index.items_by_kind.get(ItemKind.DIAGNOSTIC):
        item = _new_item("Operating-model diagnostic", ItemKind.DIAGNOSTIC, None, 0, 3)
        yield Hit(
            "The roadmap selects tools or deploys, but has no diagnostic: nothing checks the operating "
            "model before the first tool is chosen.",
            tuple(ref(i) for i in gated[:5]),
            fix=_add([item], "Add a 3-week diagnostic at the start of the roadmap"),
        )
    constraints = index.constraints
    for uc in index.plan.use_cases:
        have = kinds_by_uc.get(uc.id, set())
        own = index.items_by_use_case.get(uc.id, [])
        tools = [i for i in own if i.kind is ItemKind.TOOL_SELECTION]
        deploy = index.items.get(constraints.first_deployment.get(uc.id, ""))
        missing: list[RoadmapItem] = []
        if tools:
            week = min(t.start_week for t in tools)
            for kind in (ItemKind.PROCESS_REDESIGN, ItemKind.DATA_READINESS):
                if kind not in have:
                    missing.append(_ending_by(f"{kind.label} for {uc.name}", kind, uc.id, week))
        if deploy is not None:
            for kind in (ItemKind.PROCESS_REDESIGN, ItemKind.DATA_READINESS):
                if not tools and kind not in have:
                    missing.append(_ending_by(f"{kind.label} for {uc.name}", kind, uc.id, deploy.start_week))
            if ItemKind.DECISION_RIGHTS not in have:
                missing.append(
                    _ending_by(f"Decision rights for {uc.name}", ItemKind.DECISION_RIGHTS, uc.id, deploy.start_week, 2)
                )
            if ItemKind.CAPABILITY not in have:
                missing.append(_new_item(f"Capability for {uc.name}", ItemKind.CAPABILITY, uc.id, deploy.start_week, 4))
            if uc.id == constraints.first_use_case and ItemKind.GOVERNANCE not in have:
                others = [index.items[d] for u, d in constraints.first_deployment.items() if u != uc.id]
                if others:
                    week = min(i.start_week for i in others)
                    missing.append(_ending_by(f"Governance for {uc.name}", ItemKind.GOVERNANCE, uc.id, week, 4))
        if not missing:
            continue
        words = [i.kind.label.lower() for i in missing]
        names = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
        yield Hit(
            f"'{uc.name}' has no {names} work on the roadmap, yet it "
            f"{'selects a tool' if tools else 'deploys'}{' and deploys' if tools and deploy else ''}.",
            (ref(uc),) + tuple(ref(i) for i in tools + ([deploy] if deploy else [])),
            use_case_id=uc.id,
            fix=_add(missing, f"Add {names.replace(' or ', ' and ')} work for '{uc.name}' to the roadmap"),
        )
