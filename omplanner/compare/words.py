"""Differences in a facilitator's words: which use case and component, what a field is called,
and values shown as the app shows them (a referenced role by its name, not its id)."""

from __future__ import annotations

from typing import Any

from ..model.base import short_name
from ..model.walk import field_label
from .records import ROOT, FieldKey, Record, ancestors

WHOLE_PLAN = "Whole plan"

_COMPONENTS = {
    "roles": "Capability & roles",
    "capabilities": "Capability & roles",
    "current": "Process design",
    "redesigned": "Process design",
    "decisions": "Decision rights",
    "governance": "Governance",
    "data_sources": "Data flows",
    "scores": "Diagnostic scores",
    "roadmap": "Roadmap",
    "use_cases": "Use case",
    "details": "Plan details",
    "rule_settings": "Rule settings",
}
"""The operating-model component (or part of the plan) each list of the plan belongs to."""

COMPONENT_ORDER = (
    "Plan details",
    "Use case",
    "Process design",
    "Decision rights",
    "Capability & roles",
    "Governance",
    "Data flows",
    "Diagnostic scores",
    "Roadmap",
    "Comments",
    "Rule settings",
)


def component_of(records: dict[str, Record], ident: str) -> str:
    """The component of an entity: the plan list (or use-case part) it sits in."""
    chain = [ident, *ancestors(records, ident)]
    fields = [records[i].owner_field for i in chain if i in records and records[i].owner is not None]
    for name in reversed(fields):  # from the plan inwards: a use case's part names the component
        if name in _COMPONENTS and name != "use_cases":
            return _COMPONENTS[name]
    if fields and fields[-1] == "use_cases":
        return _COMPONENTS["use_cases"]
    return field_label(fields[-1]).capitalize() if fields else WHOLE_PLAN


def use_case_of(records: dict[str, Record], ident: str) -> str | None:
    """The id of the use case an entity belongs to: the one holding it, or the one it names."""
    for candidate in (ident, *ancestors(records, ident)):
        record = records.get(candidate)
        if record is None or candidate == ROOT:
            continue
        if record.owner_field == "use_cases":
            return candidate
        named = record.values.get(("use_case",))
        if isinstance(named, str) and "use_case" in getattr(record.cls, "refs", {}):
            return named
    return None


def use_case_label(records_by_side: list[dict[str, Record]], use_case: str | None) -> str:
    if use_case is None:
        return WHOLE_PLAN
    for records in records_by_side:
        record = records.get(use_case)
        if record is not None:
            return f'Use case "{short_name(str(record.values.get(("name",), use_case)))}"'
    return f"Use case {use_case}"


def key_label(key: FieldKey) -> str:
    """A field in the words of the loader's messages: ``("tractability", "definition")`` is
    "tractability → definition"; a rule setting is named by its code."""
    if key[0] == "rule_settings" and len(key) > 1:
        return f"rule setting {key[1]}"
    return " → ".join(field_label(part) for part in key)


def shown(value: Any, ref_kind: str | None = None, records: dict[str, Record] | None = None) -> str:
    """A value as a short text: a referenced entity by its name, a list joined, nothing as '—'."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(shown(v, ref_kind, records) for v in value)
    if ref_kind is not None and isinstance(value, str) and records is not None:
        target = records.get(value)
        return f'"{short_name(target.title)}"' if target is not None else f'"{short_name(value)}" (not in the plan)'
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return ", ".join(f"{field_label(k)} {shown(v)}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        return f'"{short_name(value.replace(chr(10), " "))}"'
    return str(value)


WEEK_OFFSETS = {("start_week",)}
"""Fields kept as offsets from the plan's first week (0) that people read counted from 1."""


def field_value(
    key: FieldKey, value: Any, ref_kind: str | None = None, records: dict[str, Record] | None = None
) -> str:
    """A field's value as the pages show it: :func:`shown`, with a start week counted from 1
    (11 for the week the roadmap calls week 11, not the stored offset 10)."""
    if key in WEEK_OFFSETS and isinstance(value, int) and not isinstance(value, bool):
        return str(value + 1)
    return shown(value, ref_kind, records)


def ref_kind(record: Record, key: FieldKey) -> str | None:
    return getattr(record.cls, "refs", {}).get(key[0]) if len(key) == 1 else None


COMMENTS = "Comments"
"""The component comments are listed under, beside the use case of the element they are on."""


def is_comment(record: Record) -> bool:
    return getattr(record.cls, "id_prefix", "") == "note" and ("element",) in record.values


def comment_subject(sides: list[dict[str, Record]], record: Record) -> str:
    """What a comment is on, as a reader names it: 'step "Match invoice"'. Looked up in each copy
    in turn: the element may be in one copy only."""
    element = record.values.get(("element",))
    for records in sides:
        target = records.get(element) if isinstance(element, str) else None
        if target is not None:
            return f'{target.kind_label} "{short_name(target.title)}"'
    return f'"{short_name(str(element))}" (not in the plan)'


def comment_use_case(sides: list[dict[str, Record]], record: Record) -> str | None:
    """The id of the use case of the element a comment is on, in the first copy that has it."""
    element = record.values.get(("element",))
    for records in sides:
        if isinstance(element, str) and element in records:
            return use_case_of(records, element)
    return None


def comment_state(resolved: Any) -> str:
    return "resolved" if resolved else "open"
