"""Bringing a client's edits of the exported workbook back into the plan, by id, with a preview.

``import_workbook(plan, path)`` compares the workbook with the plan three ways per cell (see
``compare``) and returns an ``ImportResult``: every change by sheet and entity, the conflicts,
new rows, rows gone from the workbook and row errors. ``result.command(plan, delete=...)`` is
the one undoable edit that applies it. Nothing here imports Qt.
"""

from .compare import import_workbook
from .reading import NotOurWorkbook
from .result import Addition, CellChange, Conflict, ImportResult, Missing, RowError
from .trial import Trial, try_import

__all__ = [
    "Addition",
    "CellChange",
    "Conflict",
    "ImportResult",
    "Missing",
    "NotOurWorkbook",
    "RowError",
    "Trial",
    "import_workbook",
    "try_import",
]
