"""The .omplan file: strict, safe loading; atomic saving; migrations; the JSON Schema."""

from .errors import (
    FileTooLargeError,
    InvalidPlanError,
    NewerVersionError,
    NotAPlanError,
    PlanFileError,
    TooDeepError,
)
from .identity import FileIdentity, changed_on_disk, load_plan_with_identity
from .load import MAX_BYTES, load_plan, parse_plan, plan_from_data
from .revision_store import RevisionStore, save_revision
from .save import ReadOnlyFileError, atomic_path, atomic_write, plan_to_json, save_plan
from .schema import plan_schema, schema_text

FILE_SUFFIX = ".omplan"

__all__ = [
    "FILE_SUFFIX",
    "FileIdentity",
    "FileTooLargeError",
    "InvalidPlanError",
    "MAX_BYTES",
    "NewerVersionError",
    "NotAPlanError",
    "PlanFileError",
    "ReadOnlyFileError",
    "RevisionStore",
    "TooDeepError",
    "atomic_path",
    "atomic_write",
    "changed_on_disk",
    "load_plan",
    "load_plan_with_identity",
    "parse_plan",
    "plan_from_data",
    "plan_schema",
    "plan_to_json",
    "save_plan",
    "save_revision",
    "schema_text",
]
