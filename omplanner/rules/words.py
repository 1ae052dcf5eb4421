"""Small helpers that make findings read as sentences."""

from __future__ import annotations

from collections.abc import Iterable

FIX_NAME_LIMIT = 200
"""Characters of a name quoted inside a name a fix gives to what it adds: a 10,000-character
name quoted whole would make a name longer than the plan admits, and the fix would fail."""


def quoted(names: Iterable[str], limit: int = 4) -> str:
    """'A', 'B' and 'C'; beyond ``limit`` names: 'A', 'B', 'C', 'D' and 3 more."""
    return listed((f"'{n}'" for n in names), limit)


def listed(names: Iterable[str], limit: int = 4) -> str:
    """A, B and C; beyond ``limit`` names: A, B, C, D and 3 more (a list may hold a thousand)."""
    names = list(names)
    if len(names) > limit:
        return f"{', '.join(names[:limit])} and {len(names) - limit} more"
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def article(word: str) -> str:
    """'a' or 'an' for the word that follows (by its first letter, which serves our labels)."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def figure(value: float) -> str:
    """A figure in full for a sentence: ``40``, ``12.5``, ``10,000,000`` (never ``1e+07``)."""
    if abs(value) >= 1e4:
        return f"{value:,.0f}"
    return f"{value:g}"
