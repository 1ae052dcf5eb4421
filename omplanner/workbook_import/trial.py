"""Trying an import on a copy of the plan first: does the plan take it, and what do its rules say?"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..commands import CommandError
from ..model import Plan
from .result import ImportResult


@dataclass
class Trial:
    refused: str = ""
    """Why the plan refuses the import as a whole (empty when it takes it)."""
    new_findings: list = field(default_factory=list)
    """Findings of the plan's rules on the result that the plan does not have now."""


def _key(finding) -> tuple:
    return finding.code, tuple(e.id for e in finding.elements), finding.use_case_id


def try_import(plan: Plan, result: ImportResult, delete: Iterable[str] = ()) -> Trial:
    from ..rules import check_plan

    if not result.can_apply:
        return Trial()
    copy = plan.model_copy(deep=True)
    command = result.command(copy, delete)
    if command is None:
        return Trial()
    try:
        command.apply(copy)
    except CommandError as exc:
        return Trial(refused=str(exc))
    before = {_key(f) for f in check_plan(plan)}
    return Trial(new_findings=[f for f in check_plan(copy) if _key(f) not in before])
