"""The chain that brings a plan file of any older format version up to the current one.

Each migration takes the raw JSON of version N and returns the raw JSON of version N + 1.
Version 1 is the first published format, so the chain is empty today; the next change of
the format adds ``MIGRATIONS[1]`` and a fixture file ``tests/core/fixtures/v1.omplan`` stays
to prove that version-1 files still open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
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
