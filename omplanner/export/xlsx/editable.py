"""The cells of the workbook that can come back into the plan: which table, which column, which field.

Each editable table names its entity list, the columns a client may edit and, per column, how a
plan value is shown in the cell (``show``) and how a cell's value is read back (``read``). The
sheet writers show these columns through the same functions, and the export records a digest of
each shown value, normalised (``normal``) so that a spreadsheet retyping ``6.0`` as ``6``, a
date as text or trimming spaces is not taken for an edit. ``omplanner.workbook_import`` reads
the workbook back through this table.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from ...model import (
    Autonomy,
    Cadence,
    ItemKind,
    ItemStatus,
    Plan,
    RoleKind,
    UseCaseStatus,
)
from ...model.base import MAX_LONG_TEXT, MAX_NUMBER, MAX_TEXT
from .safe import MAX_CELL_CHARS, clean_text

RECORD_SHEET = "OM Planner export"
RECORD_FORMAT = "omplanner-workbook"
RECORD_VERSION = 1
ID_HEADER = "OM Planner id"
"""The hidden last column of each editable table (named so that no role column can take it)."""
LIST_SEPARATOR = "; "
"""Between names of a list in one cell: titles often hold commas, rarely semicolons."""
ALL_USE_CASES = "All use cases"


class Invalid(ValueError):
    """A cell's value the plan cannot take; the message says what would be right."""


class Names:
    """Names of the plan's entities by id, and ids by name, for showing and reading references."""

    def __init__(self, plan: Plan):
        self.roles = {r.id: r.name for r in plan.roles}
        self.items = {i.id: i.title for i in plan.roadmap}
        self.use_cases = {u.id: u.name for u in plan.use_cases}
        self.governance = {u.governance.id: u.name for u in plan.use_cases}
        self._by_name: dict[str, dict[str, list[str]]] = {}

    def role(self, role_id: str | None) -> str:
        return self.roles.get(role_id, role_id) if role_id else ""

    def find(self, kind: str, name: str, what: str) -> str:
        """The id of the one entity of ``kind`` called ``name`` (case and spaces ignored)."""
        index = self._by_name.get(kind)
        if index is None:
            index = self._by_name[kind] = {}
            for entity_id, entity_name in getattr(self, kind).items():
                index.setdefault(_key(entity_name), []).append(entity_id)
        found = index.get(_key(name), [])
        if not found:
            raise Invalid(f"no {what} is called '{_short(name)}'")
        if len(found) > 1:
            raise Invalid(f"{len(found)} {what}s are called '{_short(name)}': rename one in the plan first")
        return found[0]


def _key(name: str) -> str:
    return " ".join(clean_text(name).split()).casefold()


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Normalising: what counts as the same value in a cell.

_NUMBER_TEXT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def normal(value: Any) -> str:
    """A cell's value as comparable text: numbers without a trailing ``.0``, dates as ISO,
    text with its line breaks unified and outer spaces trimmed, numbers typed as text as numbers."""
    if value is None:
        return ""
    value = display(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _number_text(float(value))
    text = clean_text(str(value)).replace("\r\n", "\n").strip()
    if _NUMBER_TEXT.match(text):
        return _number_text(float(text))
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _number_text(number: float) -> str:
    if not math.isfinite(number):
        return str(number)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return f"{number:.10g}"


def display(value: Any) -> Any:
    """A plan value as its cell shows it: an enum by its label, a flag as Yes or No."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Enum):
        return getattr(value, "label", value.value)
    return value


def digest(value: Any) -> str:
    return hashlib.blake2b(normal(value).encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()


# Reading a cell back.

_ESCAPED_CONTROL = re.compile(r"_x00[01][0-9A-Fa-f]_")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text(value: Any, limit: int, required: bool = False) -> str:
    if isinstance(value, bool) or isinstance(value, (datetime, date)):
        raise Invalid("text is expected here")
    if isinstance(value, (int, float)):
        value = _number_text(float(value))
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text) or _ESCAPED_CONTROL.search(text):
        raise Invalid("the text holds control characters; retype it")
    text = text.strip()
    if len(text) > MAX_CELL_CHARS:
        raise Invalid(f"{len(text):,} characters is more than a spreadsheet cell holds ({MAX_CELL_CHARS:,})")
    if len(text) > limit:
        raise Invalid(f"{len(text):,} characters is more than the {limit:,} a plan keeps here")
    if required and not text:
        raise Invalid("a name is needed")
    return text


def read_name(value: Any, names: Names) -> str:
    return _text(value, MAX_TEXT, required=True)


def read_text(value: Any, names: Names) -> str:
    return _text(value, MAX_TEXT)


def read_long(value: Any, names: Names) -> str:
    return _text(value, MAX_LONG_TEXT)


def _number(value: Any, expected: str, typed_hint: str = "") -> float:
    """A cell's number, typed as a number or as text (thousands' commas allowed); a flag, a date
    or other text is refused with ``expected`` (text also naming itself, then ``typed_hint``)."""
    if isinstance(value, bool) or isinstance(value, (datetime, date)):
        raise Invalid(expected)
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if not _NUMBER_TEXT.match(text):
            raise Invalid(f"'{_short(value)}' is not a number{typed_hint}")
        value = float(text)
    return float(value)


def _whole(value: Any, low: int, high: int) -> int:
    expected = f"a whole number from {low:,} to {high:,} is expected"
    number = _number(value, expected, f"; {expected}")
    if not math.isfinite(number) or not number.is_integer() or not low <= number <= high:
        raise Invalid(f"{_number_text(number)} is not a whole number from {low:,} to {high:,}")
    return int(number)


def whole(low: int, high: int) -> Callable[[Any, Names], int]:
    return lambda value, names: _whole(value, low, high)


def read_week(value: Any, names: Names) -> int:
    """A week as people count it (week 1 is the plan's first) to the plan's offset from week 1."""
    return _whole(value, 1, 521) - 1


def read_number(value: Any, names: Names) -> float:
    number = _number(value, "a number is expected")
    if not math.isfinite(number) or abs(number) > MAX_NUMBER:
        raise Invalid(f"{_number_text(number)} is out of range")
    return int(number) if number.is_integer() else number


def read_yes_no(value: Any, names: Names) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in ("yes", "y", "true", "1"):
        return True
    if text in ("no", "n", "false", "0"):
        return False
    raise Invalid(f"'{_short(str(value))}' is not Yes or No")


def choice(enum: type[Enum]) -> Callable[[Any, Names], Enum]:
    def read(value: Any, names: Names) -> Enum:
        text = _key(str(value))
        for member in enum:
            if text in (_key(getattr(member, "label", member.value)), _key(str(member.value))):
                return member
        labels = ", ".join(getattr(m, "label", m.value) for m in enum)
        raise Invalid(f"'{_short(str(value))}' is not one of: {labels}")

    return read


def read_role(value: Any, names: Names) -> str:
    return names.find("roles", _text(value, MAX_TEXT, required=True), "role")


def read_use_case_or_all(value: Any, names: Names) -> str | None:
    text = _text(value, MAX_TEXT, required=True)
    if _key(text) == _key(ALL_USE_CASES):
        return None
    return names.find("use_cases", text, "use case")


def read_items(value: Any, names: Names) -> list[str]:
    text = _text(value, MAX_TEXT)
    whole_name = _key(text)
    index = [i for i, title in names.items.items() if _key(title) == whole_name]
    if len(index) == 1:  # a title that itself holds a semicolon
        return index
    return [names.find("items", part, "roadmap item") for part in text.split(";") if part.strip()]


# The editable tables.


@dataclass(frozen=True)
class EditableColumn:
    header: str
    path: str
    """The entity's field, dotted for nested ones (``tractability.definition``)."""
    show: Callable[[Any, Names], Any]
    read: Callable[[Any, Names], Any]


@dataclass(frozen=True)
class EditableTable:
    key: str
    sheet: str
    what: str
    """One row's entity, in words: "roadmap item"."""
    columns: tuple[EditableColumn, ...]
    rows: Callable[[Plan], Iterator[Any]]
    """The table's entities, in the order the sheet lists them."""
    can_add: bool = False
    plan_field: str = ""
    """The plan's list new rows go into (when ``can_add``)."""
    required: tuple[str, ...] = field(default_factory=tuple)
    """Headers a new row must fill."""

    def column(self, header: str) -> EditableColumn:
        return next(c for c in self.columns if c.header == header)


def _get(path: str) -> Callable[[Any, Names], Any]:
    def show(entity: Any, names: Names) -> Any:
        value = entity
        for part in path.split("."):
            value = getattr(value, part)
        return value

    return show


def _plain(header: str, path: str, read) -> EditableColumn:
    return EditableColumn(header, path, _get(path), read)


def show_owner(entity: Any, names: Names) -> str:
    return names.role(entity.owner)


def show_depends_on(entity: Any, names: Names) -> str:
    return LIST_SEPARATOR.join(names.items.get(d, d) for d in entity.depends_on)


def show_item_use_case(entity: Any, names: Names) -> str:
    return names.use_cases.get(entity.use_case, "") if entity.use_case else ALL_USE_CASES


def _role_column(header: str, path: str, optional: bool = True) -> EditableColumn:
    return EditableColumn(header, path, lambda e, names: names.role(getattr(e, path)), read_role)


def _level(header: str, path: str) -> EditableColumn:
    return _plain(header, path, whole(1, 5))


def _plan_list(
    key: str,
    sheet: str,
    what: str,
    columns: tuple[EditableColumn, ...],
    can_add: bool = False,
    required: tuple[str, ...] = (),
) -> EditableTable:
    """A table of the plan's list called ``key``, in the plan's order; rows added in the sheet
    (when ``can_add``) go into that list."""
    return EditableTable(
        key=key,
        sheet=sheet,
        what=what,
        columns=columns,
        rows=lambda plan: iter(getattr(plan, key)),
        can_add=can_add,
        plan_field=key if can_add else "",
        required=required,
    )


ROADMAP = _plan_list(
    "roadmap",
    "Roadmap",
    "roadmap item",
    (
        _plain("Title", "title", read_name),
        _plain("Kind", "kind", choice(ItemKind)),
        EditableColumn("Use case", "use_case", show_item_use_case, read_use_case_or_all),
        EditableColumn("Owner", "owner", show_owner, read_role),
        EditableColumn("Start week", "start_week", lambda e, n: e.first_week, read_week),
        _plain("Weeks", "duration_weeks", whole(1, 260)),
        EditableColumn("Depends on", "depends_on", show_depends_on, read_items),
        _plain("Status", "status", choice(ItemStatus)),
        _plain("Notes", "notes", read_long),
    ),
    can_add=True,
    required=("Title",),
)

USE_CASES = _plan_list(
    "use_cases",
    "Use cases",
    "use case",
    (
        _plain("Use case", "name", read_name),
        _plain("Status", "status", choice(UseCaseStatus)),
        _plain("Description", "description", read_long),
        _plain("Monthly volume", "tractability.monthly_volume", whole(0, 1_000_000_000)),
        _level("Process definition", "tractability.definition"),
        _level("Data richness", "tractability.data_richness"),
        _level("Team willingness", "tractability.team_willingness"),
        _level("Strategic value", "tractability.strategic_value"),
    ),
)

ROLES = _plan_list(
    "roles",
    "Roles",
    "role",
    (
        _plain("Role", "name", read_name),
        _plain("Kind", "kind", choice(RoleKind)),
        _plain("Team", "team", read_text),
        _plain("Description", "description", read_long),
    ),
    can_add=True,
    required=("Role",),
)

SCORES = _plan_list(
    "scores",
    "Diagnostic",
    "score",
    (
        _level("Score", "value"),
        _plain("Evidence", "evidence", read_long),
    ),
)

THRESHOLDS = EditableTable(
    key="thresholds",
    sheet="Governance",
    what="threshold",
    columns=(
        _plain("Metric", "metric", read_name),
        _plain("Review cadence", "cadence", choice(Cadence)),
        _plain("Lower limit", "lower", read_number),
        _plain("Upper limit", "upper", read_number),
        _plain("Unit", "unit", read_text),
    ),
    rows=lambda plan: (t for uc in plan.use_cases for t in uc.governance.thresholds),
)

GOVERNANCE = EditableTable(
    key="governance",
    sheet="Governance",
    what="governance",
    columns=(
        _plain("Owner", "owner_name", read_text),
        _role_column("Owner role", "owner_role"),
        _plain("What AI may and may not decide alone", "autonomy_statement", read_long),
        _plain("When a threshold is breached", "breach_process", read_long),
    ),
    rows=lambda plan: (uc.governance for uc in plan.use_cases),
)

CAPABILITIES = _plan_list(
    "capabilities",
    "Capabilities",
    "capability requirement",
    (
        _role_column("Role", "role", optional=False),
        _level("Current level", "current_level"),
        _level("Required level", "required_level"),
        _plain("Notes", "notes", read_long),
    ),
)

DATA_SOURCES = _plan_list(
    "data_sources",
    "Data sources",
    "data source",
    (
        _plain("Data source", "name", read_name),
        _plain("System", "system", read_text),
        _role_column("Quality owner", "owner_role"),
        _level("Quality (1-5)", "quality"),
        _plain("Structured", "structured", read_yes_no),
    ),
)

RACI = "RACI"
"""The decision rights matrix as one value per decision: the letter each role column shows."""
RACI_FIELDS = ("accountable", "responsible", "consulted", "informed")


def raci_letter(decision, role_id: str) -> str | None:
    """The one letter the matrix shows for a role in a decision (A/R when both)."""
    accountable = role_id in decision.accountable
    responsible = role_id in decision.responsible
    if accountable and responsible:
        return "A/R"
    if accountable:
        return "A"
    if responsible:
        return "R"
    if role_id in decision.consulted:
        return "C"
    if role_id in decision.informed:
        return "I"
    return None


def raci_letters(decision) -> dict[str, str]:
    """Role id -> the letter the matrix shows, for every role with a part in the decision."""
    roles = dict.fromkeys([*decision.accountable, *decision.responsible, *decision.consulted, *decision.informed])
    return {r: letter for r in roles if (letter := raci_letter(decision, r))}


def show_raci(decision, names: Names) -> str:
    return ";".join(f"{r}={letter}" for r, letter in sorted(raci_letters(decision).items()))


def read_raci_letter(value: Any) -> str | None:
    text = "".join(str(value).split()).upper() if value is not None else ""
    if not text:
        return None
    if text in ("A", "R", "C", "I"):
        return text
    if text in ("A/R", "R/A", "AR", "RA"):
        return "A/R"
    raise Invalid(f"'{_short(str(value))}' is not a RACI letter: A, R, C, I or A/R")


DECISIONS = _plan_list(
    "decisions",
    "Decision rights",
    "decision",
    (
        _plain("Decision", "name", read_name),
        _plain("Autonomy", "autonomy", choice(Autonomy)),
        _role_column("Override authority", "override_authority"),
        _plain("Audit trail", "audit_trail", read_yes_no),
        _plain("Rationale", "rationale", read_long),
        EditableColumn(RACI, RACI, show_raci, lambda value, names: value),
    ),
)

TABLES: tuple[EditableTable, ...] = (
    ROADMAP,
    USE_CASES,
    ROLES,
    DECISIONS,
    SCORES,
    GOVERNANCE,
    THRESHOLDS,
    DATA_SOURCES,
    CAPABILITIES,
)


def shown(table: EditableTable, entity: Any, names: Names) -> list[Any]:
    return [column.show(entity, names) for column in table.columns]


def digests(table: EditableTable, entity: Any, names: Names) -> str:
    return " ".join(digest(value) for value in shown(table, entity, names))
