"""A conflict of a merge, named: what it is about, both copies' values, and the choices.

Each conflict has a key that does not depend on which copy is "mine" (the element's id and
field), so that a choice made for it can be given back to the merge (the app's preview, the
command line's ``--take``), and two merges of the same copies name the same conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ConflictKey = tuple[str, ...]

MINE, THEIRS = "mine", "theirs"


def sentence(words: str) -> str:
    """Words starting a sentence: the first letter a capital, the rest as written (a name's own)."""
    return words[:1].upper() + words[1:]


@dataclass
class Conflict:
    key: ConflictKey
    kind: str
    """'edit' (a field changed differently in both copies), 'removal' (removed in one copy and
    changed or referred to in the other) or 'duplicate' (two roles added with the same name)."""
    what: str
    """The element, as messages name it."""
    where: tuple[str, ...]
    question: str
    """The conflict in one plain sentence."""
    mine: str
    """Your copy's side of it: a value, or what you did."""
    theirs: str
    choices: tuple[tuple[str, str], ...]
    """(choice, its words), the first being what the merge does when nobody chooses."""
    mine_choice: str
    """The choice that keeps your copy's side (``--take mine``)."""
    theirs_choice: str
    chosen: str = ""
    """The choice the merged plan was made with."""
    decided: bool = False
    """Chosen by the caller (or ``--take``); False: the merge took the first choice on its own."""

    def choice_words(self, choice: str | None = None) -> str:
        wanted = choice or self.chosen
        return next((words for key, words in self.choices if key == wanted), wanted)

    def line(self) -> str:
        where = " → ".join(self.where) or self.what
        return f"{where}: {self.question} Yours: {self.mine}. Theirs: {self.theirs}."

    def to_json(self) -> dict[str, Any]:
        return {
            "key": list(self.key),
            "kind": self.kind,
            "element": self.what,
            "where": list(self.where),
            "question": self.question,
            "mine": self.mine,
            "theirs": self.theirs,
            "choices": [{"choice": key, "words": words} for key, words in self.choices],
            "chosen": self.chosen,
            "decided": self.decided,
        }


class Chooser:
    """Answers each conflict from the caller's choices, else ``take`` (mine or theirs), else the
    conflict's first choice; and keeps the conflicts met, in the order they were met."""

    def __init__(self, choices: dict[ConflictKey, str] | None, take: str | None):
        self.choices = dict(choices or {})
        self.take = take
        self.conflicts: dict[ConflictKey, Conflict] = {}

    def decide(self, conflict: Conflict) -> str:
        known = self.conflicts.get(conflict.key)
        if known is not None:
            return known.chosen
        offered = [key for key, _words in conflict.choices]
        wanted = self.choices.get(conflict.key)
        if wanted is None and self.take in (MINE, THEIRS):
            wanted = conflict.mine_choice if self.take == MINE else conflict.theirs_choice
        conflict.decided = wanted in offered
        conflict.chosen = wanted if conflict.decided else offered[0]
        self.conflicts[conflict.key] = conflict
        return conflict.chosen
