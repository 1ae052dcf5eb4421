"""The hidden sheet that says what was exported, so that edits can be told from the plan's values.

Rows: the format and its version, the plan it came from (its creation time, which no edit
changes) and that plan's revision (its last-modified time), when it was exported; then one row
per editable entity: table, id, and a digest per editable column of the value shown (normalised,
see ``editable.normal``). A digest rather than the value: the sheet stays small, and holds no
second copy of the client's text to fall out of step with the visible one.
"""

from __future__ import annotations

from datetime import UTC, datetime

from .cells import put
from .context import ExportContext
from .editable import RECORD_FORMAT, RECORD_SHEET, RECORD_VERSION, TABLES, digests


def plan_identity(plan) -> str:
    return plan.details.created.isoformat()


def write_record(ctx: ExportContext) -> None:
    ws = ctx.workbook.create_sheet(RECORD_SHEET)
    ctx.sheet_names.add(RECORD_SHEET.lower())
    ws.sheet_state = "hidden"
    details = ctx.plan.details
    head = [
        ("format", RECORD_FORMAT, RECORD_VERSION),
        ("plan", plan_identity(ctx.plan), details.title),
        ("revision", details.modified.isoformat(), ""),
        ("exported", datetime.now(UTC).replace(microsecond=0).isoformat(), ""),
    ]
    row = 0
    for values in head:
        row += 1
        for col, value in enumerate(values, start=1):
            put(ws, row, col, value)
    names = ctx.names
    for table in TABLES:
        for entity in table.rows(ctx.plan):
            row += 1
            put(ws, row, 1, table.key)
            put(ws, row, 2, entity.id)
            put(ws, row, 3, digests(table, entity, names))
