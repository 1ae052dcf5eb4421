"""Hostile plan files near the size cap, for the refusal benchmark: each is refused on load."""

from __future__ import annotations

from collections.abc import Callable

HEAD = b'{"format":"omplanner-plan","schema_version":1,'


def long_note(mb: int) -> bytes:
    return HEAD + b'"details":{"notes":"' + b"A workshop note. " * (mb * 2**20 // 17) + b'"}}'


def million_references(mb: int) -> bytes:
    refs = b",".join([b'"item-0123456789"'] * (mb * 2**20 // 17))
    return HEAD + b'"roadmap":[{"id":"i","title":"t","depends_on":[' + refs + b"]}]}"


def countless_roles(mb: int) -> bytes:
    one = b'{"id":"role-%d","name":"Clerk: invoices","kind":"human"}'
    roles = b",".join(one % i for i in range(mb * 2**20 // 60))
    return HEAD + b'"roles":[' + roles + b'],"details":{"title":"a"}}'


def key_given_twice(mb: int) -> bytes:
    """Many use cases of many steps, each list within its cap, and one key given twice at the end."""
    step = b'{"id":"s-%d","lane":"r","name":"Check: invoice"}'
    steps = b",".join(step % i for i in range(2_000))
    one = b'{"id":"uc-%d","name":"Use case","current":{"id":"m","steps":[' + steps + b"]}}"
    count = max(1, mb * 2**20 // len(one % 0))
    use_cases = b",".join(one % i for i in range(count))
    return HEAD + b'"use_cases":[' + use_cases + b'],"details":{"title":"a","title":"b"}}'


def deep_brackets(mb: int) -> bytes:
    return b"[" * (mb * 2**20)


def open_quotes(mb: int) -> bytes:
    return b'{"a": [' + b'"\\"[' * (mb * 2**20 // 4)


HOSTILE: dict[str, Callable[[int], bytes]] = {
    "a 30 MB note": long_note,
    "a million references": million_references,
    "600,000 roles": countless_roles,
    "a key given twice": key_given_twice,
    "brackets nested 30 million deep": deep_brackets,
    "quotes that never close": open_quotes,
}
