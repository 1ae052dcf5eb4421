"""The .omplan file: strict, safe loading; atomic saving; migrations; the JSON Schema."""

from .errors import (
    FileTooLargeError,
    InvalidPlanError,
    NewerVersionError,
    NotAPlanError,
    PlanFileError,
    TooDeepError,
)
from .load import MAX_BYTES, load_plan, parse_plan, plan_from_data
from .save import atomic_path, atomic_write, plan_to_json, save_plan
from .schema import plan_schema, schema_text

FILE_SUFFIX = ".omplan"

__all__ = [
    "FILE_SUFFIX",
    "FileTooLargeError",
    "InvalidPlanError",
    "MAX_BYTES",
    "NewerVersionError",
    "NotAPlanError",
    "PlanFileError",
    "TooDeepError",
    "atomic_path",
    "atomic_write",
    "load_plan",
    "parse_plan",
    "plan_from_data",
    "plan_schema",
    "plan_to_json",
    "save_plan",
    "schema_text",
]
