"""The .omplan file: strict, safe loading; atomic saving; migrations; the JSON Schema.

Reading a file up to its checked JSON needs no model (pydantic): ``errors``, ``identity`` and
``load`` import it only to validate. Saving and the schema need the model, so their names are
loaded on first use (PEP 562): the app reads the start plan before the model is built.
"""

from typing import TYPE_CHECKING

from ..lazy_names import lazy_names
from .errors import (
    FileTooLargeError,
    InvalidPlanError,
    NewerVersionError,
    NotAPlanError,
    PlanFileError,
    TooDeepError,
)
from .identity import FileIdentity, changed_on_disk, load_plan_with_identity
from .load import MAX_BYTES, PlanText, load_plan, parse_plan, plan_from_data, read_plan_text

_LATER = {
    "revision_store": ("RevisionStore", "save_revision"),
    "save": ("ReadOnlyFileError", "atomic_path", "atomic_write", "plan_to_json", "save_plan"),
    "schema": ("plan_schema", "schema_text"),
}
"""Names whose modules import the model, by module: loaded when first asked for."""
__getattr__ = lazy_names(__name__, _LATER)


if TYPE_CHECKING:
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
    "PlanText",
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
    "read_plan_text",
    "save_plan",
    "save_revision",
    "schema_text",
]
