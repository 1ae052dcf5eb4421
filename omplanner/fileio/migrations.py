"""The chain that brings a plan file of any older format version up to the current one.

Each migration takes the raw JSON of version N and returns the raw JSON of version N + 1, and
a fixture file ``tests/core/fixtures/vN.omplan`` for every version proves those files still open.

- 1 → 2: a rule setting carries the reason for it (``{"severity": "off", "reason": ""}`` where
  version 1 held ``"off"``), so that a rule switched off for a plan says why wherever it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _rule_settings_with_reasons(data: dict[str, Any]) -> dict[str, Any]:
    settings = data.get("rule_settings")
    if isinstance(settings, dict):  # anything else is left for validation to refuse by name
        data["rule_settings"] = {
            code: {"severity": value, "reason": ""} if isinstance(value, str) else value
            for code, value in settings.items()
        }
    return data


MIGRATIONS: dict[int, Migration] = {1: _rule_settings_with_reasons}
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
