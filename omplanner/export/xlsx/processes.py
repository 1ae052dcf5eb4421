"""The Processes sheet: per use case, the current and redesigned steps side by side, joined by lineage.

Each row pairs a redesigned step with the current step it comes from (``derived_from``), so
the client reads across what stays, what the AI takes over, what is new and what disappears.
"""

from __future__ import annotations

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill

from ...figures.minutes import expected_minutes, per_case_words
from ...model import AiIntervention, Step, StepKind, UseCase
from ...vocabulary import AI, CHANGE, xlsx
from .cells import Column, heading, print_setup, put, write_table
from .context import ExportContext

CHANGE_COLOURS = tuple((lk.label, xlsx(lk.pale()), xlsx(lk.text())) for lk in CHANGE.values())
"""Each change's word, cell tint and ink: the vocabulary's, as on the map's compare view."""
AI_COLOURS = tuple(
    (lk.label, xlsx(lk.pale()), xlsx(lk.text())) for ai, lk in AI.items() if ai is not AiIntervention.NONE
)
"""Each AI intervention's word, tint and ink: the colour of its badge on the canvas and in the board pack."""

COLUMNS = [
    Column("Current step", max_width=32),
    Column("Current lane", max_width=22),
    Column("Current kind", "center"),
    Column("Current minutes", "number"),
    Column("Change", "center", min_width=12),
    Column("Redesigned step", max_width=32),
    Column("Lane", max_width=22),
    Column("Kind", "center"),
    Column("AI intervention", max_width=24),
    Column("Confidence threshold %", "number", max_width=13),
    Column("Exception route", max_width=30),
    Column("Exception rate %", "number", max_width=11),
    Column("Minutes", "number"),
    Column("Exception when", "long", max_width=36),
]


def lineage_pairs(uc: UseCase) -> list[tuple[Step | None, Step | None]]:
    """(current, redesigned) pairs in reading order: a removed current step pairs with None,
    a new redesigned step with None on the current side."""
    current = uc.current.steps
    by_id = {s.id: s for s in current}
    origin = {s.id: s.derived_from for s in uc.redesigned.steps if s.derived_from in by_id}
    # Start and end events are rarely given a lineage; pair them by kind so that the table
    # does not show the same start as removed and new.
    for kind in (StepKind.START, StepKind.END):
        spare = [s.id for s in current if s.kind is kind and s.id not in origin.values()]
        for step in uc.redesigned.steps:
            if step.kind is kind and step.id not in origin and spare:
                origin[step.id] = spare.pop(0)
    carried = set(origin.values())
    position = {s.id: i for i, s in enumerate(current)}
    emitted: set[str] = set()
    pairs: list[tuple[Step | None, Step | None]] = []
    cursor = 0

    def flush_removed(until: int) -> None:
        nonlocal cursor
        while cursor < until:
            step = current[cursor]
            if step.id not in carried and step.id not in emitted:
                pairs.append((step, None))
                emitted.add(step.id)
            cursor += 1

    for step in uc.redesigned.steps:
        source = by_id.get(origin.get(step.id))
        if source is not None:
            flush_removed(position[source.id])
            emitted.add(source.id)
        pairs.append((source, step))
    flush_removed(len(current))
    return pairs


def change_label(current: Step | None, redesigned: Step | None) -> str:
    if redesigned is None:
        return CHANGE["removed"].label
    if current is None:
        return CHANGE["added"].label
    if redesigned.is_ai and not current.is_ai:
        return CHANGE["automated"].label
    if (current.name, current.lane, current.kind, current.minutes) != (
        redesigned.name,
        redesigned.lane,
        redesigned.kind,
        redesigned.minutes,
    ):
        return CHANGE["reworked"].label
    return "Kept"


def _number(value):
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


def write_processes(ctx: ExportContext, progress=None) -> None:
    """One sheet, a table per use case (named after it), all with the same columns so that
    the column widths suit every table; ``progress(use_case)`` is called before each."""
    ws = ctx.new_sheet("Processes")
    row = heading(
        ws,
        ctx.styler,
        "Processes",
        "Per use case, each redesigned step beside the current step it comes from. Change: Kept = unchanged; "
        "Reworked = done differently; AI added = the AI now intervenes; New = added by the redesign; "
        "Removed = dropped by the redesign.",
    )
    change_columns, ai_columns = [], []
    for uc in ctx.plan.use_cases:
        if progress is not None:
            progress(uc)
        area = _write_use_case(ctx, ws, row, uc)
        change_columns.append(area.column_range(4))
        ai_columns.append(area.column_range(8))
        row = area.last_row + 3
    if change_columns:
        # One rule per colour over every table's Change column, not one per table.
        for cells, colours in ((" ".join(change_columns), CHANGE_COLOURS), (" ".join(ai_columns), AI_COLOURS)):
            _colour_words(ws, cells, colours)
    print_setup(ws, None)


def _colour_words(ws, cells: str, colours) -> None:
    """Tint each cell of ``cells`` that holds one of the words, in that word's colours."""
    for label, fill, ink in colours:
        rule = CellIsRule(
            operator="equal",
            formula=[f'"{label}"'],
            fill=PatternFill("solid", fgColor=fill, bgColor=fill),
            font=Font(color=ink, bold=True),
        )
        ws.conditional_formatting.add(cells, rule)


def _write_use_case(ctx: ExportContext, ws, top: int, uc: UseCase):
    put(ws, top, 1, uc.name, ctx.styler, "section")
    if uc.current.steps or uc.redesigned.steps:
        before = per_case_words(expected_minutes(ctx.plan, uc.current))
        after = per_case_words(expected_minutes(ctx.plan, uc.redesigned))
        note = f"Current process: {before}. Redesigned: {after}."
    else:
        note = "No process map has been drawn for this use case yet."
    put(ws, top + 1, 1, note, ctx.styler, "note")
    rows = []
    for current, redesigned in lineage_pairs(uc):
        row = [None] * len(COLUMNS)
        if current is not None:
            name = current.name or current.kind.label
            row[0:4] = [name, ctx.role(current.lane), current.kind, _number(current.minutes)]
        row[4] = change_label(current, redesigned)
        if redesigned is not None:
            row[5:14] = [
                redesigned.name or redesigned.kind.label,
                ctx.role(redesigned.lane),
                redesigned.kind,
                redesigned.ai if redesigned.is_ai else "",
                _number(redesigned.confidence_threshold),
                ctx.step_name(redesigned.exception_route),
                _number(redesigned.exception_rate),
                _number(redesigned.minutes),
                redesigned.exception_trigger,
            ]
        rows.append(row)
    area = write_table(ws, ctx.table_names, ctx.styler, top + 2, 1, f"Process {uc.name}", COLUMNS, rows)
    return area
