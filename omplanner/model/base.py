"""Shared base for every entity in a plan: strict fields, stable ids, declared references."""

from __future__ import annotations

import uuid
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from .limits import MAX_LONG_TEXT, MAX_TEXT, NAME_LIMIT, short_name  # noqa: F401 (named here too)

# The plan's value boundary: what a facilitator can mean, and no more. A file from someone else
# is checked against these on load, and every edit in the app goes through the same fields, so
# no figure, chart or page ever meets a value outside them. docs/file-format.md lists them.
MAX_ID = 100
"""Ids are short: ``prefix-`` and ten hex digits when the app makes them."""
MAX_REFS = 1_000
"""Ids in one list of references (dependencies, RACI roles, steps using a source...)."""
MAX_NUMBER = 1e12
"""The largest magnitude of a measured figure (a KPI value, a threshold): beyond any ledger."""

Level = Annotated[int, Field(ge=1, le=5)]
"""A 1-5 rating, as used for tractability inputs, scores, quality and capability levels."""

Percent = Annotated[float, Field(ge=0, le=100)]

Id = Annotated[str, Field(min_length=1, max_length=MAX_ID)]
"""An id, or a reference to one."""
Text = Annotated[str, Field(max_length=MAX_TEXT)]
"""Short text. Any length limit also makes pydantic refuse a lone surrogate (text no file can hold)."""
Name = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
LongText = Annotated[str, Field(max_length=MAX_LONG_TEXT)]
Figure = Annotated[float, Field(ge=-MAX_NUMBER, le=MAX_NUMBER)]
"""A measured value: finite (see ``PlanModel``) and within a trillion either way."""


def refs_list(max_length: int = MAX_REFS):
    """A list of ids, at most ``max_length`` long."""
    return Field(default_factory=list, max_length=max_length)


def new_id(prefix: str) -> str:
    """A fresh id, unique in any plan for all practical purposes, readable in the file."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


class PlanModel(BaseModel):
    """Strict: unknown fields in a file are refused, assignments are validated, and numbers are
    finite (NaN and infinity mean nothing in a plan and break every sum and chart)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


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

    id: Id

    @property
    def display_name(self) -> str:
        for attr in ("name", "title"):
            value = getattr(self, attr, None)
            if value:
                return str(value)
        return self.id
