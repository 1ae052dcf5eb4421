"""Typed load errors: each names the file, the place in it in a facilitator's words, and the problem."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..model.limits import short_name


class PlanFileError(Exception):
    """A plan file that cannot be opened. ``location`` is a path of readable segments."""

    def __init__(self, path: Path | str | None, problem: str, location: Sequence[str] = ()):
        self.path = Path(path) if path is not None else None
        self.problem = problem
        self.location = tuple(location)
        super().__init__(str(self))

    def __str__(self) -> str:
        where = " → ".join(self.location)
        head = f"{self.path.name}" if self.path else "plan"
        return f"{head}: {where}: {self.problem}" if where else f"{head}: {self.problem}"


class FileTooLargeError(PlanFileError):
    pass


class NotAPlanError(PlanFileError):
    """Empty, binary, not JSON, or JSON that is not an OM Planner plan."""


class TooDeepError(PlanFileError):
    pass


class NewerVersionError(PlanFileError):
    pass


class InvalidPlanError(PlanFileError):
    """The JSON is a plan but a value is wrong or a reference points at nothing."""


_LIST_LABELS = {
    "roles": "role",
    "use_cases": "use case",
    "steps": "step",
    "flows": "flow",
    "decisions": "decision",
    "capabilities": "capability requirement",
    "data_sources": "data source",
    "scores": "score",
    "roadmap": "roadmap item",
    "thresholds": "threshold",
    "lanes": "lane",
    "escalation_path": "escalation step",
    "depends_on": "dependency",
}
_FIELD_LABELS = {
    "current": "current process",
    "redesigned": "redesigned process",
    "details": "plan details",
    "pilot_kpi": "pilot KPI",
}


def locate(data: Any, loc: Sequence[str | int]) -> list[str]:
    """Turn a pydantic error location into words: use case "AP" → redesigned process → step 3 → lane."""
    words: list[str] = []
    node = data
    parent_field = ""
    for index, part in enumerate(loc):
        if isinstance(part, int):
            label = _LIST_LABELS.get(parent_field, "item")
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            name = item.get("name") or item.get("title") if isinstance(item, dict) else None
            name = short_name(name) if isinstance(name, str) else None
            if isinstance(name, str) and name and parent_field == "use_cases":
                words.append(f'{label} "{name}"')
            elif isinstance(name, str) and name:
                words.append(f'{label} {part + 1} "{name}"')
            else:
                words.append(f"{label} {part + 1}")
            node = item
        else:
            part = str(part)
            last = index == len(loc) - 1  # the list itself is the problem (too long): name it
            if last or part not in _LIST_LABELS or isinstance(node, dict) and not isinstance(node.get(part), list):
                words.append(_FIELD_LABELS.get(part, part.replace("_", " ")))
            node = node.get(part) if isinstance(node, dict) else None
            parent_field = part
    return words
