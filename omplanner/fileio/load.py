"""Reading a plan file, strictly and safely: files arrive by e-mail and USB stick from others.

Every refusal is a ``PlanFileError`` that names the file, the place and the problem, in time and
memory bounded by the file's size: the size cap is checked before reading, only regular files
are read (a FIFO or a device would hang or never end), the nesting guard is a few passes of
C-speed byte operations, and the JSON parser itself is Python's C scanner. Text that only a
broken tool writes (a lone half of a UTF-16 surrogate pair) is repaired with a notice rather
than refused: the rest of a colleague's plan is worth opening.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model.limits import FORMAT_NAME, MAX_LONG_TEXT, SCHEMA_VERSION
from ..model.limits import MAX_SCORES as MAX_LIST
from .errors import (
    FileTooLargeError,
    InvalidPlanError,
    NewerVersionError,
    NotAPlanError,
    PlanFileError,
    TooDeepError,
    locate,
)
from .migrations import OLDEST_VERSION, MigrationGap, migrate
from .text_repair import repair_surrogates

if TYPE_CHECKING:  # the model (pydantic) is imported when a plan is validated, not to read a file
    from ..model import Plan

MAX_BYTES = 32 * 1024 * 1024
"""A plan of ten worked use cases is a few megabytes; anything this large is not a plan."""
MAX_DEPTH = 48
"""A plan nests about eight levels deep; far deeper JSON is hostile or broken."""

_LONG_NUMBER = re.compile(r"\d{4000,}")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def load_plan(path: Path | str, notices: list[str] | None = None) -> Plan:
    """The plan in ``path``. ``notices`` receives what was repaired on the way (see the module)."""
    path = Path(path)
    return parse_plan(read_plan_bytes(path), path, notices)


@dataclass
class PlanText:
    """A plan file read and parsed as JSON, every check on its bytes and shape passed, not yet
    validated as a plan (``plan_from_data``). Reading this far needs no model: the app shows the
    start plan's details from it while the model is built (``omplanner.fileio.preview``)."""

    path: Path
    info: os.stat_result
    """The file's state taken before the read (see ``identity.load_plan_with_identity``)."""
    raw: bytes
    data: Any
    notices: list[str] = field(default_factory=list)


def read_plan_text(path: Path | str) -> PlanText:
    """Read ``path`` up to its JSON (see ``PlanText``); refuse by name what is not a plan's text."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError:
        info = None  # the read below names the problem
    raw = read_plan_bytes(path)
    if info is None:
        info = os.stat(path)
    notices: list[str] = []
    return PlanText(path, info, raw, parse_json(raw, path, notices), notices)


def read_plan_bytes(path: Path) -> bytes:
    """The file's bytes, refusing by name anything that is not a regular file under the cap."""
    try:
        info = path.stat()
        _check_kind(path, info.st_mode)
        if info.st_size > MAX_BYTES:
            raise FileTooLargeError(path, _too_large(info.st_size))
        # O_NONBLOCK: should the path become a FIFO between the check and the open, the open
        # still returns at once and the check on the open file below refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            _check_kind(path, os.fstat(handle.fileno()).st_mode)
            raw = handle.read(MAX_BYTES + 1)  # a file still growing stops at the cap
    except FileNotFoundError:
        raise PlanFileError(path, "the file does not exist") from None
    except IsADirectoryError:
        raise PlanFileError(path, "this is a folder, not a plan file") from None
    except PermissionError:
        raise PlanFileError(path, "you do not have permission to read this file") from None
    except OSError as exc:
        raise PlanFileError(path, f"the file could not be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise FileTooLargeError(path, _too_large(len(raw)))
    return raw


def _check_kind(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise PlanFileError(path, "this is a folder, not a plan file")
    if stat.S_ISFIFO(mode):
        kind = "a pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "a special file"
    raise NotAPlanError(path, f"this is {kind}, not a plan file: only ordinary files are opened")


def _too_large(size: int) -> str:
    return f"the file is {size / 2**20:.0f} MB; plan files are at most {MAX_BYTES // 2**20} MB"


def parse_plan(raw: bytes, path: Path | str | None = None, notices: list[str] | None = None) -> Plan:
    return plan_from_data(parse_json(raw, path, notices), path)


def parse_json(raw: bytes, path: Path | str | None = None, notices: list[str] | None = None) -> Any:
    """The file's JSON, refused by name if it is not text a plan could be (see the module)."""
    if len(raw) > MAX_BYTES:
        raise FileTooLargeError(path, f"the data is larger than {MAX_BYTES // 2**20} MB")
    if not raw.strip():
        raise NotAPlanError(path, "the file is empty")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise NotAPlanError(path, _wide_text(encoding))
    head = raw[:8192]
    if b"\x00" in head:
        # JSON in UTF-16 or UTF-32 without a byte-order mark: every ASCII character has zeros beside it.
        if head.lstrip(b"\x00")[:1] in (b"{", b"[") and head.count(b"\x00") * 4 >= len(head):
            raise NotAPlanError(path, _wide_text("UTF-32" if b"\x00\x00\x00" in head else "UTF-16"))
        raise NotAPlanError(path, "this is a binary file, not an OM Planner plan")
    try:
        # The UTF-8 codec, with the byte-order mark some editors write dropped by hand: the
        # utf-8-sig codec reads large files several times slower.
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotAPlanError(path, f"the file is not UTF-8 text (byte {exc.start + 1})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = "the file ends too early: it may have been cut off while copying"
        # A string that never closes ran into the end of the file: cut off, like an early end.
        if exc.pos < len(text.rstrip()) and not exc.msg.startswith("Unterminated string"):
            problem = f"the file is not valid JSON ({exc.msg})"
        raise NotAPlanError(path, problem, (f"line {exc.lineno}, column {exc.colno}",)) from None
    except RecursionError:
        raise TooDeepError(path, _too_deep()) from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        raise NotAPlanError(path, "a number in the file has thousands of digits", _number_place(text)) from None
    depth, keys, cut = _shape(data)
    if depth > MAX_DEPTH:
        raise TooDeepError(path, _too_deep())
    if not cut and keys != _key_ends(raw):  # a cut file is refused as too long whatever its keys
        _refuse_duplicate_key(text, path)
    # Only an escape can put half a surrogate pair into the text; a byte search rules most out.
    if b"\\u" in raw and _SURROGATE_ESCAPE.search(text):
        data = repair_surrogates(data, notices)
    return data


def _wide_text(encoding: str) -> str:
    return (
        f"the file is {encoding} text; OM Planner plans are UTF-8. Save it again as UTF-8 "
        "(any text editor's Save as offers the choice) and open that copy."
    )


class _DuplicateKey(Exception):
    def __init__(self, key: str):
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _shown(text: str, limit: int = 60) -> str:
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number_place(text: str) -> tuple[str, ...]:
    match = _LONG_NUMBER.search(text)
    if match is None:
        return ()
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return (f"line {line}, column {column}",)


def _too_deep() -> str:
    return f"the data is nested more than {MAX_DEPTH} levels deep; a plan never goes past that"


def _shape(data: Any) -> tuple[int, int, bool]:
    """How deep the parsed JSON nests, how many keys its objects hold in all, and whether it
    was cut (below): one walk, without recursion (the parser has already refused what would
    overflow Python's stack), touching each value once.

    On the way, a list or a text far longer than any field allows is cut to just past that
    length: validation then refuses it as too long, as it would the whole, without first
    checking a million entries one by one."""
    deepest, keys, cut = 0, 0, False
    stack: list[tuple[Any, int]] = [(data, 1)]
    push, pop = stack.append, stack.pop
    holding_long_text = []
    while stack:
        node, depth = pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            continue
        if type(node) is dict:
            keys += len(node)
            values = node.values()
        else:
            values = node
            leaves = _leaf_records(node)
            if leaves is not None:  # a list of flat records, taken in at C speed
                keys += leaves
                deepest = max(deepest, depth + 1)
                continue
        inner = depth + 1
        for child in values:
            kind = type(child)
            if kind is dict:
                push((child, inner))
            elif kind is list:
                if len(child) > MAX_LIST:
                    del child[MAX_LIST + 1 :]
                    cut = True
                push((child, inner))
            elif kind is str and len(child) > MAX_LONG_TEXT:
                holding_long_text.append(node)
    for node in holding_long_text:
        cut = True
        for key, value in node.items() if type(node) is dict else enumerate(node):
            if type(value) is str and len(value) > MAX_LONG_TEXT:
                node[key] = value[: MAX_LONG_TEXT + 1]
    return deepest, keys, cut


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _leaf_records(items: list) -> int | None:
    """For a list of objects whose values are all short texts or numbers (a file of a million
    such records walked one value at a time took a second): the keys they hold in all, counted
    without a Python loop per value. None when the list holds anything else: walk it."""
    if not items or len(items) < 64 or set(map(type, items)) != {dict}:
        return None
    values = list(chain.from_iterable(map(dict.values, items)))
    kinds = set(map(type, values))
    if not kinds <= _SCALARS:
        return None
    if kinds == {str}:
        longest = max(map(len, values), default=0)
    elif str in kinds:
        longest = max((len(v) for v in values if type(v) is str), default=0)
    else:
        longest = 0
    return sum(map(len, items)) if longest <= MAX_LONG_TEXT else None


def _key_ends(raw: bytes) -> int:
    """How many keys the JSON text writes, counted at C speed: every key ends in a quote and a
    colon (``"name":``, or with spaces between), and inside a string a quote is always escaped.
    Escaped backslashes go first, so that an escaped quote is what remains; then the spaces go
    (valid JSON has no raw space after a backslash, so none can make an escape of a quote)."""
    if b"\\" in raw:
        raw = raw.replace(b"\\\\", b"")
    # Every space goes, not only those after a quote: looking for a quote followed by a space
    # (four searches, each stopping at every quote) took four times as long as removing them all.
    raw = raw.translate(None, b" \t\r\n")
    return raw.count(b'":') - raw.count(b'\\":')


NAME_DUPLICATES_UP_TO = 8 * 2**20
"""Naming the key given twice takes a second, slower parse: done for files of a plan's size."""


def _refuse_duplicate_key(text: str, path: Path | str | None) -> None:
    """The text writes more keys than the parsed objects hold: a key given twice lost a value
    without a word. Parse again, keeping every key, to name it."""
    if len(text) > NAME_DUPLICATES_UP_TO:
        raise NotAPlanError(path, "a name appears twice in one object; a plan file names each field once")
    try:
        json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey as exc:
        raise NotAPlanError(
            path, f'the name "{_shown(exc.key)}" appears twice in one object; a plan file names each field once'
        ) from None


def plan_from_data(data: Any, path: Path | str | None = None) -> Plan:
    from pydantic import ValidationError

    from ..model import Plan, check_integrity

    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise NotAPlanError(path, 'this JSON is not an OM Planner plan (no "format": "omplanner-plan")')
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise NotAPlanError(path, "the format version is missing or not a whole number", ("schema version",))
    if version > SCHEMA_VERSION:
        raise NewerVersionError(
            path,
            f"this plan was saved by a newer OM Planner (format version {version}); this version "
            f"reads up to format version {SCHEMA_VERSION}. Update OM Planner to open it.",
        )
    if version < OLDEST_VERSION:
        raise NotAPlanError(path, f"format version {version} is not a version OM Planner ever wrote")
    try:
        data = migrate(data)
    except (MigrationGap, KeyError, TypeError, ValueError) as exc:
        raise InvalidPlanError(path, f"the plan could not be brought up to date: {exc}") from None
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        more = exc.error_count() - 1
        problem = _plain(error)
        if more:
            problem += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise InvalidPlanError(path, problem, locate(data, error["loc"])) from None
    problems = check_integrity(plan)
    if problems:
        first = problems[0]
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise InvalidPlanError(path, first.message + suffix, first.path)
    return plan


def _plain(error: dict) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return "a required value is missing"
    if kind == "extra_forbidden":
        return "this field is not part of an OM Planner plan"
    if kind == "finite_number":
        return "a number is expected, and this value is not one (it is NaN or infinite)"
    if kind in ("too_long", "string_too_long"):
        return _too_long(error, value)
    if isinstance(value, (dict, list)):
        shown = type(value).__name__
    elif isinstance(value, str):
        shown = repr(_shown(value, 57))
    elif isinstance(value, int) and abs(value) >= 10**15:
        shown = f"a number of {len(str(abs(value)))} digits"
    else:
        shown = _shown(repr(value))
    message = error["msg"].rstrip(".").removeprefix("Value error, ")
    return f"{message} (found {shown})"


def _too_long(error: dict, value: Any) -> str:
    limit = (error.get("ctx") or {}).get("max_length")
    if isinstance(value, str):
        return f"this text is longer than the {limit:,} characters allowed here"
    return f"this list holds more than the {limit:,} entries allowed here"
