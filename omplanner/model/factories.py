"""Ready-made entities with fresh ids, for the app and for tests."""

from __future__ import annotations

from .base import new_id
from .plan import Governance, ProcessMap, UseCase


def make_use_case(name: str, **fields) -> UseCase:
    """A use case with its two (empty) process maps and its governance, each with its own id."""
    return UseCase(
        id=fields.pop("id", None) or new_id("uc"),
        name=name,
        current=fields.pop("current", None) or ProcessMap(id=new_id("map")),
        redesigned=fields.pop("redesigned", None) or ProcessMap(id=new_id("map")),
        governance=fields.pop("governance", None) or Governance(id=new_id("gov")),
        **fields,
    )
