"""The chain that brings a plan file of any older format version up to the current one.

Each migration takes the raw JSON of version N and returns the raw JSON of version N + 1, and
a fixture file ``tests/core/fixtures/vN.omplan`` for every version proves those files still open.

- 1 → 2: a rule setting carries the reason for it (``{"severity": "off", "reason": ""}`` where
  version 1 held ``"off"``), so that a rule switched off for a plan says why wherever it shows.
- 2 → 3: the four data questions become structured answers (how well each is known, and a note):
  the old free text moves into the note, its status read from what it said (blank or "tbd":
  unknown; a hedge such as "usually fine": partly known; anything else: known); where a source
  comes from starts from its system, and who owns its quality from its owner role. A role that
  owned a use case's governance is marked senior, as the file's author named it for that.
  Everything else new (outcome measures, exception triggers, role kinds) starts empty.
- 3 → 4: a plan keeps its history (the revision each save writes and the revisions before it),
  comments on its elements and named baselines. A version 3 file has none of them: it starts
  with no history (its first save in this version gives it one), no comments, no baselines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model.limits import SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _rule_settings_with_reasons(data: dict[str, Any]) -> dict[str, Any]:
    settings = data.get("rule_settings")
    if isinstance(settings, dict):  # anything else is left for validation to refuse by name
        data["rule_settings"] = {
            code: {"severity": value, "reason": ""} if isinstance(value, str) else value
            for code, value in settings.items()
        }
    return data


# Version 2 judged data answers by their words; these are the words it used, kept here only to
# read a version 2 file's answers into a status once.
_V2_NO_ANSWER = frozenset(
    {"", "-", "?", "none", "none yet", "no", "n/a", "na", "tbd", "tbc", "unknown", "not known", "no idea"}
    | {"dont know", "don't know", "not sure"}
)
_V2_HEDGES = (
    "depends",
    "varies",
    "usually",
    "mostly",
    "normally",
    "should be",
    "not sure",
    "fine",
    "ok",
    "okay",
)


def _answer_from_text(text: Any) -> dict[str, str]:
    if not isinstance(text, str):
        return {"status": "unknown", "note": ""}
    words = " ".join(text.lower().replace("’", "'").split()).rstrip(".!…")
    if words in _V2_NO_ANSWER:
        status = "unknown"
    elif any(h in words.split() or (" " in h and h in words) for h in _V2_HEDGES):
        status = "partly_known"
    else:
        status = "known"
    return {"status": status, "note": text.strip()}


def _structured_data_answers(data: dict[str, Any]) -> dict[str, Any]:
    sources = data.get("data_sources")
    for source in sources if isinstance(sources, list) else ():
        if not isinstance(source, dict):
            continue
        source["validation"] = _answer_from_text(source.get("validation", ""))
        source["latency"] = _answer_from_text(source.get("latency", ""))
        system = source.get("system", "")
        known = isinstance(system, str) and system.strip()
        source["origin"] = {"status": "known", "note": system.strip()} if known else {"status": "unknown", "note": ""}
        source["ownership"] = {"status": "known" if source.get("owner_role") else "unknown", "note": ""}
    owners = set()
    for uc in data.get("use_cases") or ():
        governance = uc.get("governance") if isinstance(uc, dict) else None
        if isinstance(governance, dict) and isinstance(governance.get("owner_role"), str):
            owners.add(governance["owner_role"])
    for role in data.get("roles") or ():
        if isinstance(role, dict) and role.get("id") in owners:
            role["senior"] = True
    return data


def _history_comments_baselines(data: dict[str, Any]) -> dict[str, Any]:
    return data  # the three new fields default to empty: nothing of a version 3 file changes


MIGRATIONS: dict[int, Migration] = {
    1: _rule_settings_with_reasons,
    2: _structured_data_answers,
    3: _history_comments_baselines,
}
"""from-version -> function producing the next version."""

OLDEST_VERSION = 1


class MigrationGap(Exception):
    pass


def migrate(data: dict[str, Any], current: int = SCHEMA_VERSION) -> dict[str, Any]:
    """Apply migrations until the data is at ``current``; the caller has checked the range."""
    version = data["schema_version"]
    while version < current:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationGap(f"no migration from format version {version}")
        data = step(data)
        version += 1
        data["schema_version"] = version
    return data
