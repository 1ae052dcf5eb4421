"""Reading a plan file, strictly and safely: files arrive by e-mail and USB stick from others."""

from __future__ import annotations

import json
import re
from itertools import accumulate
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..model import FORMAT_NAME, SCHEMA_VERSION, Plan, check_integrity
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

MAX_BYTES = 32 * 1024 * 1024
"""A plan of ten worked use cases is a few megabytes; anything this large is not a plan."""
MAX_DEPTH = 48
"""A plan nests about eight levels deep; far deeper JSON is hostile or broken."""

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def load_plan(path: Path | str) -> Plan:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FileTooLargeError(
                path, f"the file is {size / 2**20:.0f} MB; plan files are at most {MAX_BYTES // 2**20} MB"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(path, "the file does not exist") from None
    except IsADirectoryError:
        raise PlanFileError(path, "this is a folder, not a plan file") from None
    except PermissionError:
        raise PlanFileError(path, "you do not have permission to read this file") from None
    except OSError as exc:
        raise PlanFileError(path, f"the file could not be read ({exc.strerror})") from None
    return parse_plan(raw, path)


def parse_plan(raw: bytes, path: Path | str | None = None) -> Plan:
    if len(raw) > MAX_BYTES:
        raise FileTooLargeError(path, f"the data is larger than {MAX_BYTES // 2**20} MB")
    if not raw.strip():
        raise NotAPlanError(path, "the file is empty")
    if b"\x00" in raw[:8192]:
        raise NotAPlanError(path, "this is a binary file, not an OM Planner plan")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotAPlanError(path, f"the file is not UTF-8 text (byte {exc.start + 1})") from None
    _check_depth(text, path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = "the file ends too early: it may have been cut off while copying"
        # A string that never closes ran into the end of the file: cut off, like an early end.
        if exc.pos < len(text.rstrip()) and not exc.msg.startswith("Unterminated string"):
            problem = f"the file is not valid JSON ({exc.msg})"
        raise NotAPlanError(path, problem, (f"line {exc.lineno}, column {exc.colno}",)) from None
    except RecursionError:
        raise TooDeepError(path, "the data is nested too deeply") from None
    return plan_from_data(data, path)


def _check_depth(text: str, path: Path | str | None) -> None:
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if not brackets:
        return
    depth = max(accumulate(1 if c in "[{" else -1 for c in brackets))
    if depth > MAX_DEPTH:
        raise TooDeepError(path, f"the data is nested {depth} levels deep; a plan never goes past {MAX_DEPTH}")


def plan_from_data(data: Any, path: Path | str | None = None) -> Plan:
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
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{error['msg'].rstrip('.')} (found {shown})"
