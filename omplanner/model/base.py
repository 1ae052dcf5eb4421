"""Shared base for every entity in a plan: strict fields, stable ids, declared references."""

from __future__ import annotations

import uuid
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field

Level = Annotated[int, Field(ge=1, le=5)]
"""A 1-5 rating, as used for tractability inputs, scores, quality and capability levels."""

Percent = Annotated[float, Field(ge=0, le=100)]


def new_id(prefix: str) -> str:
    """A fresh id, unique in any plan for all practical purposes, readable in the file."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


class PlanModel(BaseModel):
    """Strict: unknown fields in a file are refused, assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Entity(PlanModel):
    """Something in the plan with a stable id that other parts of the plan may point at.

    ``refs`` declares which fields hold ids of other entities and of which kind, so that
    loading can check every reference and edits can find what points at an entity.
    A field may hold a single id, an optional id or a list of ids.
    """

    kind_label: ClassVar[str] = "element"
    """How a facilitator calls this kind of element, used in messages."""
    id_prefix: ClassVar[str] = "el"
    refs: ClassVar[dict[str, str]] = {}
    numbered: ClassVar[bool] = True
    """Whether locations say "step 3": False where the name alone is the user's handle."""

    id: str = Field(min_length=1, max_length=100)

    @property
    def display_name(self) -> str:
        for attr in ("name", "title"):
            value = getattr(self, attr, None)
            if value:
                return str(value)
        return self.id
