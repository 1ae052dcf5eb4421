"""Every edit of a plan is one of these commands: apply and revert, each returning a ChangeSet."""

from .base import Change, ChangeSet, Command, CommandError, Macro
from .cascade import remove_cascade
from .comments import add_comment, delete_comment, edit_comment, resolve_comment
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
    "add_comment",
    "delete_comment",
    "edit_comment",
    "remove_cascade",
    "resolve_comment",
]
