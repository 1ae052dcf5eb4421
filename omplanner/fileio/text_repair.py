r"""Repairing text that no file should hold: half of a UTF-16 surrogate pair.

Tools that cut a string in the middle of an emoji write such halves as ``\\udXXX`` escapes. The
text around them is the user's, so the half becomes U+FFFD (the replacement character, which
every program shows as a question mark in a box) and the caller is told where.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import locate

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
MAX_NOTICES = 20


def has_surrogate(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


def repair_text(text: str) -> str:
    # JSON decoding already joined every valid pair, so whatever surrogate is left stands alone.
    return _SURROGATE.sub(REPLACEMENT, text)


def repair_surrogates(data: Any, notices: list[str] | None) -> Any:
    """``data`` with every lone surrogate in its strings and keys replaced; a notice per place."""
    places: list[tuple[str | int, ...]] = []
    fixed = _repair(data, (), places)
    if places and notices is not None:
        for loc in places[:MAX_NOTICES]:
            where = " → ".join(locate(fixed, loc)) or "the plan"
            notices.append(f"{where}: a damaged character (half of an emoji or symbol) was replaced by {REPLACEMENT}")
        if len(places) > MAX_NOTICES:
            notices.append(f"… and {len(places) - MAX_NOTICES} more damaged characters replaced")
    return fixed


def _repair(node: Any, loc: tuple[str | int, ...], places: list) -> Any:
    if isinstance(node, str):
        if has_surrogate(node):
            places.append(loc)
            return repair_text(node)
        return node
    if isinstance(node, list):
        return [_repair(item, loc + (i,), places) for i, item in enumerate(node)]
    if isinstance(node, dict):
        result = {}
        for key, value in node.items():
            if has_surrogate(key):
                places.append(loc)
                key = repair_text(key)
            result[key] = _repair(value, loc + (key,), places)
        return result
    return node
