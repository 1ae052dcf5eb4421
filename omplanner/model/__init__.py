"""The plan model: pydantic entities addressed by stable ids.

The names below are loaded on first use (PEP 562), not when the package is imported: the enums
and the file format's limits (``enums``, ``limits``) need no pydantic, and the app shows the plan
it opens at start before the model is built (see ``ui.app``). ``from omplanner.model import Plan``
works as before; it builds the model then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy_names import lazy_names

_NAMES = {
    "base": (
        "Entity",
        "PlanModel",
        "new_id",
    ),
    "enums": (
        "AiIntervention",
        "Autonomy",
        "BuildMethod",
        "Cadence",
        "CapabilityKind",
        "Component",
        "ITEM_COMPONENT",
        "ItemKind",
        "ItemStatus",
        "Knowledge",
        "RoleKind",
        "RuleSeverity",
        "Severity",
        "StepKind",
        "UseCaseStatus",
    ),
    "integrity": ("check_integrity",),
    "limits": ("FORMAT_NAME", "SCHEMA_VERSION"),
    "plan": (
        "Baseline",
        "CapabilityRequirement",
        "Comment",
        "DATA_QUESTIONS",
        "DataAnswer",
        "DataSource",
        "Decision",
        "Flow",
        "Governance",
        "History",
        "OutcomeMeasure",
        "PilotKpi",
        "Plan",
        "PlanDetails",
        "ProcessMap",
        "Revision",
        "RoadmapItem",
        "Role",
        "RuleSetting",
        "Score",
        "Step",
        "Threshold",
        "Tractability",
        "UseCase",
    ),
    "walk": (
        "Place",
        "Problem",
        "find_usages",
        "index_places",
        "iter_places",
    ),
}
"""The package's names, by the module that holds them."""
__getattr__ = lazy_names(__name__, _NAMES)


if TYPE_CHECKING:
    from .base import Entity, PlanModel, new_id
    from .enums import (
        ITEM_COMPONENT,
        AiIntervention,
        Autonomy,
        BuildMethod,
        Cadence,
        CapabilityKind,
        Component,
        ItemKind,
        ItemStatus,
        Knowledge,
        RoleKind,
        RuleSeverity,
        Severity,
        StepKind,
        UseCaseStatus,
    )
    from .integrity import check_integrity
    from .limits import FORMAT_NAME, SCHEMA_VERSION
    from .plan import (
        DATA_QUESTIONS,
        Baseline,
        CapabilityRequirement,
        Comment,
        DataAnswer,
        DataSource,
        Decision,
        Flow,
        Governance,
        History,
        OutcomeMeasure,
        PilotKpi,
        Plan,
        PlanDetails,
        ProcessMap,
        Revision,
        RoadmapItem,
        Role,
        RuleSetting,
        Score,
        Step,
        Threshold,
        Tractability,
        UseCase,
    )
    from .walk import Place, Problem, find_usages, index_places, iter_places

__all__ = [
    "AiIntervention",
    "Autonomy",
    "Baseline",
    "Comment",
    "History",
    "Revision",
    "BuildMethod",
    "Cadence",
    "CapabilityKind",
    "CapabilityRequirement",
    "Component",
    "DATA_QUESTIONS",
    "DataAnswer",
    "DataSource",
    "Decision",
    "Entity",
    "FORMAT_NAME",
    "Flow",
    "Governance",
    "ITEM_COMPONENT",
    "ItemKind",
    "ItemStatus",
    "Knowledge",
    "OutcomeMeasure",
    "PilotKpi",
    "Place",
    "Plan",
    "PlanDetails",
    "PlanModel",
    "Problem",
    "ProcessMap",
    "RoadmapItem",
    "Role",
    "RoleKind",
    "RuleSetting",
    "RuleSeverity",
    "SCHEMA_VERSION",
    "Score",
    "Severity",
    "Step",
    "StepKind",
    "Threshold",
    "Tractability",
    "UseCase",
    "UseCaseStatus",
    "check_integrity",
    "find_usages",
    "index_places",
    "iter_places",
    "new_id",
]
