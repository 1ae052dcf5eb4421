"""Keeping user text inert in a workbook, and building valid sheet and table names from it.

openpyxl stores any string that starts with ``=`` as a formula, and Excel evaluates text that
starts with ``= + - @``, a tab or a carriage return as soon as someone edits the cell (the
"CSV injection" family). Every user string therefore goes through ``clean_text`` and is written
with the string type forced; ``needs_quote_prefix`` says where the cell also gets Excel's
quote prefix, so that editing the cell keeps it text.
"""

from __future__ import annotations

import re

MAX_CELL_CHARS = 32_767
"""Excel's limit for the text of one cell, counted in UTF-16 code units (an emoji or a CJK
extension character outside the Basic Multilingual Plane counts two)."""

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot carry (lone surrogates among them): openpyxl refuses them, so they
are dropped."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""OWASP's list (= + - @ tab CR), plus LF: XML turns every CR into LF when the file is read."""

SHEET_NAME_MAX = 31
HEADER_MAX = 200
"""Table column names are kept well inside Excel's 255 characters, leaving room for a suffix."""
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

TABLE_NAME_MAX = 255
_TABLE_BAD_CHARS = re.compile(r"[^0-9A-Za-z_.\\]")
_CELL_REFERENCE_LIKE = re.compile(r"^([A-Za-z]{1,3}[0-9]+|[RrCc][0-9]*|[Rr][0-9]+[Cc][0-9]+)$")


def clean_text(value: str) -> str:
    """The text as a cell may hold it: no XML-illegal characters, line breaks as LF (what a
    reader sees anyway), within Excel's length limit."""
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("", value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if len(value) > MAX_CELL_CHARS // 2 and utf16_len(value) > MAX_CELL_CHARS:
        value = _utf16_prefix(value, MAX_CELL_CHARS - 1) + "…"
    return value


def quoted(value: str) -> str:
    """Text as a string literal inside a formula: quotes doubled, as Excel reads them."""
    return '"' + clean_text(value).replace('"', '""') + '"'


def utf16_len(text: str) -> int:
    """The length Excel counts: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _utf16_prefix(text: str, units: int) -> str:
    """The longest start of ``text`` within ``units`` UTF-16 code units, never half a pair."""
    data = text.encode("utf-16-le")[: 2 * units]
    if len(data) >= 2 and 0xD8 <= data[-1] <= 0xDB:  # a high surrogate whose partner was cut off
        data = data[:-2]
    return data.decode("utf-16-le")


def needs_quote_prefix(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def one_line(value: str) -> str:
    """Text for a table header or a name: line breaks and tabs become spaces."""
    return " ".join(clean_text(value).split())


def sheet_title(name: str, taken: set[str]) -> str:
    r"""A valid, unique worksheet name from any text, recorded in ``taken`` (lower case).

    Excel allows 31 characters, none of ``[]:*?/\\``, no leading or trailing apostrophe, not
    empty, not "History", and compares names without regard to case.
    """
    base = _SHEET_FORBIDDEN.sub("-", one_line(name)).strip("' ") or "Sheet"
    if base.lower() == "history":
        base = "History (plan)"
    candidate, counter = base[:SHEET_NAME_MAX].rstrip("' "), 1
    while candidate.lower() in taken:
        counter += 1
        suffix = f" ({counter})"
        candidate = base[: SHEET_NAME_MAX - len(suffix)].rstrip("' ") + suffix
    taken.add(candidate.lower())
    return candidate


def table_name(name: str, taken: set[str]) -> str:
    """A valid, unique Excel table name from any text, recorded in ``taken`` (lower case).

    A table name starts with a letter or an underscore, holds letters, digits, underscores and
    dots, is not a cell reference (``A1``, ``R1C1``), and is unique in the workbook regardless
    of case.
    """
    base = _TABLE_BAD_CHARS.sub("_", one_line(name).replace(" ", "_")).replace("\\", "_")
    base = re.sub(r"_+", "_", base).strip("_.") or "Table"
    if not (base[0].isalpha() or base[0] == "_"):
        base = "T_" + base
    if _CELL_REFERENCE_LIKE.match(base):
        base = "T_" + base
    base = base[:TABLE_NAME_MAX]
    candidate, counter = base, 1
    while candidate.lower() in taken:
        counter += 1
        suffix = f"_{counter}"
        candidate = base[: TABLE_NAME_MAX - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def unique_headers(headers: list[str]) -> list[str]:
    """Column headers of one table made unique (Excel compares them without regard to case)."""
    seen: set[str] = set()
    result = []
    for header in headers:
        base = one_line(header)[:HEADER_MAX] or "Column"
        candidate, counter = base, 1
        while candidate.lower() in seen:
            counter += 1
            candidate = f"{base} ({counter})"
        seen.add(candidate.lower())
        result.append(candidate)
    return result
