"""Every edit of a plan is one of these commands: apply and revert, each returning a ChangeSet."""

from .base import Change, ChangeSet, Command, CommandError, Macro
from .cascade import remove_cascade
from .entities import AddEntity, MoveEntity, RemoveEntity, SetFields
from .history import SetHistory
from .rule_settings import SetRuleSetting

__all__ = [
    "AddEntity",
    "Change",
    "ChangeSet",
    "Command",
    "CommandError",
    "Macro",
    "MoveEntity",
    "RemoveEntity",
    "SetFields",
    "SetHistory",
    "SetRuleSetting",
    "remove_cascade",
]
