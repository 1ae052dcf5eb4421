"""Names for entities a page adds, before the room has given them their own."""

from __future__ import annotations

from collections.abc import Iterable


def unused_name(base: str, taken: Iterable[str]) -> str:
    """``base`` numbered from 1 ("New role 1", "New role 2"...), skipping names already in use so
    that two rows added in a row can still be told apart."""
    names = set(taken)
    n = 1
    while f"{base} {n}" in names:
        n += 1
    return f"{base} {n}"
