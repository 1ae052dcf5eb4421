"""Changing how a plan applies one rule: its severity, off, or back to the rule's own; and why."""

from __future__ import annotations

from pydantic import ValidationError

from ..model import Plan, RuleSetting, RuleSeverity
from .base import Change, ChangeSet, Command, CommandError

SETTINGS_FIELD = "rule_settings"


def setting_change(code: str) -> Change:
    return Change("modified", "RuleSetting", f"rule:{code}", None, (SETTINGS_FIELD,))


class SetRuleSetting(Command):
    """Give rule ``code`` a severity (or off) and a reason; ``severity=None`` restores the rule's
    own severity and drops the reason. A run of typing in the reason merges into one edit."""

    def __init__(
        self,
        code: str,
        severity: RuleSeverity | None,
        reason: str = "",
        text: str = "",
        merge_key: str | None = None,
    ):
        self.code = code
        self.new = None if severity is None else (severity, reason)
        self.old: RuleSetting | None = None
        self.text = text or (f"Use the rule {code} as it is" if severity is None else f"Set the rule {code}")
        self.merge_key = merge_key

    def perform(self, plan: Plan) -> ChangeSet:
        self.old = plan.rule_settings.get(self.code)
        settings = dict(plan.rule_settings)
        if self.new is None:
            settings.pop(self.code, None)
        else:
            try:
                settings[self.code] = RuleSetting(severity=self.new[0], reason=self.new[1])
            except ValidationError as exc:
                raise CommandError(f"the rule {self.code} cannot be set that way: {exc.errors()[0]['msg']}") from None
        self._store(plan, settings)
        return ChangeSet([setting_change(self.code)])

    def revert(self, plan: Plan) -> ChangeSet:
        settings = dict(plan.rule_settings)
        if self.old is None:
            settings.pop(self.code, None)
        else:
            settings[self.code] = self.old
        self._store(plan, settings)
        return ChangeSet([setting_change(self.code)])

    def _store(self, plan: Plan, settings: dict[str, RuleSetting]) -> None:
        try:
            plan.rule_settings = settings  # assignment runs the plan's own checks (code, count)
        except ValidationError as exc:
            raise CommandError(f"the rule {self.code} cannot be set: {exc.errors()[0]['msg']}") from None

    def merge_with(self, other: Command) -> bool:
        if (
            isinstance(other, SetRuleSetting)
            and self.merge_key is not None
            and other.merge_key == self.merge_key
            and other.code == self.code
        ):
            self.new = other.new  # the newest value; ``old`` stays what was there before the run
            return True
        return False
