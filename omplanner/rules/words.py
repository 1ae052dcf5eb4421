"""Small helpers that make findings read as sentences."""

from __future__ import annotations

from collections.abc import Iterable


def quoted(names: Iterable[str], limit: int = 4) -> str:
    """'A', 'B' and 'C'; beyond ``limit`` names: 'A', 'B', 'C', 'D' and 3 more."""
    names = [f"'{n}'" for n in names]
    if len(names) > limit:
        return f"{', '.join(names[:limit])} and {len(names) - limit} more"
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def article(word: str) -> str:
    """'a' or 'an' for the word that follows (by its first letter, which serves our labels)."""
    return "an" if word[:1].lower() in "aeiou" else "a"
