"""Trying a fix before it is offered: a fix is worth a button only if it clears its finding and
breaks nothing else.

A fix is written by its rule alone, which cannot see the other rules: moving a tool selection
later to follow the data work can push it past a deployment, and the bar stays red. Here the
fix's edit is applied to a copy of the plan and the rules run on the copy: the trial says
whether the finding is gone, which errors the fix would bring, and what is still found on the
same elements, so that the app offers only fixes that fix and says what is left.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from ..model import Plan, Severity
from .findings import Finding


def _key(finding: Finding) -> tuple[str, tuple[str, ...]]:
    return finding.code, finding.element_ids


@dataclass(frozen=True)
class FixTrial:
    clears: bool
    """The finding is gone once the fix is applied."""
    new_errors: tuple[Finding, ...]
    """Errors the fix would bring that the plan does not have now."""
    still: tuple[Finding, ...]
    """Other findings, after the fix, about the finding's first element (why a bar stays red)."""

    @property
    def sound(self) -> bool:
        return self.clears and not self.new_errors

    def refusal(self) -> str:
        """Why the fix is not offered, for a tooltip or the status line ('' when it is sound)."""
        if not self.clears:
            return "Applying this fix would not clear the finding, so it is not offered."
        if self.new_errors:
            return f"This fix would break another rule: {self.new_errors[0].title}. Change the plan by hand."
        return ""


def try_fix(plan: Plan, finding: Finding, findings: list[Finding] | None = None) -> FixTrial:
    """Apply ``finding``'s fix to a copy of ``plan`` and check the copy. ``findings`` are the
    plan's findings now (checked here when not given). ``plan`` is not changed."""
    from . import check_plan

    if finding.fix is None:
        return FixTrial(False, (), ())
    now = findings if findings is not None else check_plan(plan)
    before = {_key(f) for f in now}
    # An error is new when its rule said nothing about that element before: the same late item
    # now named beside another of the items it waits for (they end in the same week) is not.
    subjects = {(f.code, f.element_ids[:1]) for f in now}
    trial = plan.model_copy(deep=True)
    try:
        copy.deepcopy(finding.fix.command).apply(trial)  # the command itself stays fresh for the real edit
    except Exception:  # noqa: BLE001 - a fix that cannot be applied is no fix to offer
        return FixTrial(False, (), ())
    after = check_plan(trial)
    keys = {_key(f) for f in after}
    first = finding.element_ids[:1]
    return FixTrial(
        clears=_key(finding) not in keys,
        new_errors=tuple(
            f
            for f in after
            if f.severity == Severity.ERROR and _key(f) not in before and (f.code, f.element_ids[:1]) not in subjects
        ),
        still=tuple(f for f in after if first and f.element_ids[:1] == first),
    )


def best_fix(plan: Plan, findings: list[Finding], everything: list[Finding] | None = None):
    """Of ``findings`` (those on one element), the fix to offer with its trial, or None: a sound
    fix after which nothing more is found on the element if there is one, else the first sound
    fix. ``everything`` are the plan's findings now."""
    from . import check_plan

    everything = everything if everything is not None else check_plan(plan)
    sound = [(f, t) for f in findings if f.fix is not None for t in [try_fix(plan, f, everything)] if t.sound]
    return next((pair for pair in sound if not pair[1].still), sound[0] if sound else None)
