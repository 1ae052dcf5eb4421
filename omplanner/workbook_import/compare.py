"""Comparing a workbook with the plan, three ways per cell: as exported, in the workbook, in the plan now.

- the workbook's value is blank: nothing (a blank cell never erases);
- the workbook's value is what was exported: nothing (if the plan changed since, it keeps its value);
- the workbook changed and the plan did not: an update;
- both changed, to the same value: nothing; to different values: a conflict, the plan's value stays.

"The same" is judged on normalised values (``editable.normal``), so a spreadsheet's retyping is no
edit. A cell holding a formula is refused by name: its result is never computed here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..export.xlsx.editable import (
    RACI,
    RACI_FIELDS,
    Invalid,
    Names,
    digest,
    display,
    normal,
    raci_letters,
    read_raci_letter,
    show_raci,
)
from ..export.xlsx.record import plan_identity
from ..model import Plan, RoadmapItem, Role, new_id
from ..model.base import short_name
from .reading import NotOurWorkbook, Record, SheetRow, TableRows, open_workbook, read_workbook
from .result import Addition, CellChange, Conflict, ImportResult, Missing, RowError


def import_workbook(plan: Plan, path: Path | str) -> ImportResult:
    """What the workbook at ``path`` would change in ``plan``: the plan's exported workbook, or a
    participant's scoring form (their scores, as their round). Raises ``NotOurWorkbook`` (with one
    sentence to show) for a file that is neither, of this plan."""
    path = Path(path)
    from .scoring_forms import import_scoring_form, is_scoring_form

    book = open_workbook(path)  # loaded once, whichever kind it turns out to be
    try:
        if is_scoring_form(book):
            return import_scoring_form(plan, book, path)
        record, tables = read_workbook(book, path)
    finally:
        book.close()
    if record.plan != plan_identity(plan):
        raise NotOurWorkbook(
            f"{path.name} was exported from another plan ('{short_name(record.title)}'), not from "
            f"'{short_name(plan.details.title)}'."
        )
    result = ImportResult(workbook=path.name)
    if record.revision != plan.details.modified.isoformat():
        result.notes.append(
            "The plan was edited after this workbook was exported: where both changed, the plan's value stays."
        )
    names = Names(plan)
    for rows in tables.values():
        if not rows.found:
            if record.order.get(rows.table.key):
                result.notes.append(
                    f"The {rows.table.sheet} sheet's table was not found: its rows are left as they are."
                )
            continue
        _compare_table(plan, record, rows, names, result)
    if result.errors:
        # Nothing is applied from a workbook with errors: the changes are listed, not made.
        result.notes.append("Nothing can be applied until the row errors are put right in the workbook.")
    return result


def _entities(plan: Plan, rows: TableRows) -> dict[str, Any]:
    return {e.id: e for e in rows.table.rows(plan)}


def _label(table, entity: Any, names: Names) -> str:
    """The entity as the preview names it: never by its id."""
    if table.key == "governance":
        owner = names.governance.get(entity.id)
        return f"governance of '{short_name(owner)}'" if owner else "governance"
    if table.key == "scores":
        who = f"{entity.participant}'s " if entity.participant else "agreed "
        where = short_name(names.use_cases.get(entity.use_case, ""))
        return f"{who}{entity.component.label} score of '{where}'"
    return f"{table.what} '{short_name(entity.display_name)}'"


def _compare_table(plan: Plan, record: Record, rows: TableRows, names: Names, result: ImportResult) -> None:
    table = rows.table
    sheet = table.sheet
    now = _entities(plan, rows)
    headers = [c.header for c in table.columns]
    seen: dict[str, int] = {}
    for row in rows.rows:
        if not row.id:
            _new_row(plan, row, rows, names, result)
            continue
        if row.id in seen:
            result.errors.append(
                RowError(
                    sheet,
                    row.row,
                    "",
                    f"the same id as row {seen[row.id]} (a copied row? clear the hidden id of a new one)",
                )
            )
            continue
        seen[row.id] = row.row
        exported = record.digests.get((table.key, row.id))
        if exported is None:
            result.errors.append(RowError(sheet, row.row, "", f"an id this workbook never had ({short_name(row.id)})"))
            continue
        entity = now.get(row.id)
        for header in rows.columns:
            cell = row.cells[header]
            column = table.column(header)
            position = headers.index(header)
            if cell.formula:
                result.errors.append(
                    RowError(
                        sheet,
                        row.row,
                        header,
                        f"holds a formula ({short_name(str(cell.value), 40)}); type the value instead",
                    )
                )
                continue
            value = cell.value
            if value is None or (isinstance(value, str) and not value.strip()):
                continue  # a blank cell never erases
            if position < len(exported) and digest(value) == exported[position]:
                if entity is not None and digest(column.show(entity, names)) != exported[position]:
                    result.kept += 1
                continue
            if entity is None:
                result.conflicts.append(
                    Conflict(sheet, row.row, row.id, f"{table.what} deleted from the plan", header, None, value)
                )
                continue
            shown = display(column.show(entity, names))
            try:
                parsed = column.read(value, names)
            except Invalid as exc:
                result.errors.append(RowError(sheet, row.row, header, str(exc)))
                continue
            if normal(shown) == normal(value) or _same(column.show, entity, column.path, parsed):
                continue  # both made the same edit, or the workbook only retyped the value
            if position < len(exported) and digest(shown) != exported[position]:
                result.conflicts.append(
                    Conflict(sheet, row.row, row.id, _label(table, entity, names), header, shown, value)
                )
                continue
            result.changes.append(
                CellChange(
                    sheet, row.row, row.id, _label(table, entity, names), header, column.path, shown, value, parsed
                )
            )
        if table.key == "decisions" and entity is not None:
            _compare_raci(
                row, entity, exported[headers.index(RACI)] if len(exported) > headers.index(RACI) else "", names, result
            )
    for entity_id in record.order.get(table.key, []):
        if entity_id not in seen and entity_id in now:
            result.missing.append(Missing(sheet, entity_id, _label(table, now[entity_id], names)))


def _compare_raci(row: SheetRow, decision, exported: str, names: Names, result: ImportResult) -> None:
    """The role columns of a decision's row, as one value: changed in the workbook only, the
    roles whose letter changed get their new part; the others keep theirs."""
    role_of = {}
    for header in row.others:
        try:
            role_of[header] = names.find("roles", header, "role")
        except Invalid:
            continue  # not a role column (use case, process step...) or a name two roles share
    letters: dict[str, str] = {}
    for header, role_id in role_of.items():
        cell = row.others[header]
        if cell.formula:
            result.errors.append(
                RowError("Decision rights", row.row, header, "holds a formula; type the letter instead")
            )
            return
        try:
            letter = read_raci_letter(cell.value)
        except Invalid as exc:
            result.errors.append(RowError("Decision rights", row.row, header, str(exc)))
            return
        if letter:
            letters[role_id] = letter
    now = raci_letters(decision)
    # Roles without a column in the sheet keep what they have.
    workbook = {**{r: x for r, x in now.items() if r not in role_of.values()}, **letters}
    shown = ";".join(f"{r}={x}" for r, x in sorted(workbook.items()))
    if digest(shown) == exported or shown == show_raci(decision, names):
        return
    label = f"decision '{short_name(decision.display_name)}'"
    if digest(show_raci(decision, names)) != exported:
        result.conflicts.append(
            Conflict(
                "Decision rights",
                row.row,
                decision.id,
                label,
                RACI,
                _raci_text(now, names),
                _raci_text(workbook, names),
            )
        )
        return
    lists = {f: list(getattr(decision, f)) for f in RACI_FIELDS}
    for role_id in set(now) | set(workbook):
        if now.get(role_id) == workbook.get(role_id):
            continue
        for f in RACI_FIELDS:
            if role_id in lists[f]:
                lists[f].remove(role_id)
        letter = workbook.get(role_id)
        wanted = {"A": ("accountable",), "R": ("responsible",), "C": ("consulted",), "I": ("informed",)}
        for f in wanted.get(letter, ("accountable", "responsible") if letter == "A/R" else ()):
            lists[f].append(role_id)
    for f in RACI_FIELDS:
        if lists[f] != getattr(decision, f):
            old = ", ".join(names.role(r) for r in getattr(decision, f))
            new = ", ".join(names.role(r) for r in lists[f])
            result.changes.append(
                CellChange("Decision rights", row.row, decision.id, label, f"RACI: {f}", f, old, new, lists[f])
            )


def _raci_text(letters: dict[str, str], names: Names) -> str:
    return ", ".join(f"{names.role(r)} {x}" for r, x in sorted(letters.items(), key=lambda i: names.role(i[0])))


def _same(show, entity: Any, path: str, parsed: Any) -> bool:
    value = entity
    for part in path.split("."):
        value = getattr(value, part)
    return value == parsed


_FACTORIES = {"roadmap": (RoadmapItem, "item"), "roles": (Role, "role")}


def _new_row(plan: Plan, row: SheetRow, rows: TableRows, names: Names, result: ImportResult) -> None:
    table = rows.table
    filled = {
        h: c
        for h, c in row.cells.items()
        if not (c.value is None or (isinstance(c.value, str) and not c.value.strip()))
    }
    if not filled:
        return
    if not table.can_add:
        result.errors.append(
            RowError(
                table.sheet,
                row.row,
                "",
                f"a row without an id: new {table.what}s are added in the app, not on this sheet",
            )
        )
        return
    values: dict[str, Any] = {}
    ok = True
    for header, cell in filled.items():
        if cell.formula:
            result.errors.append(RowError(table.sheet, row.row, header, "holds a formula; type the value instead"))
            ok = False
            continue
        column = table.column(header)
        try:
            values[column.path] = column.read(cell.value, names)
        except Invalid as exc:
            result.errors.append(RowError(table.sheet, row.row, header, str(exc)))
            ok = False
    missing = [h for h in table.required if h not in filled]
    for header in missing:
        result.errors.append(RowError(table.sheet, row.row, header, f"a new {table.what} needs this"))
    if not ok or missing:
        return
    cls, prefix = _FACTORIES[table.key]
    try:
        entity = cls(id=new_id(prefix), **values)
    except ValueError as exc:  # pydantic's ValidationError: a combination the plan refuses
        result.errors.append(RowError(table.sheet, row.row, "", str(exc).splitlines()[0]))
        return
    result.additions.append(
        Addition(
            table.sheet, row.row, table.plan_field, entity, f"new {table.what} '{short_name(entity.display_name)}'"
        )
    )


__all__ = ["NotOurWorkbook", "import_workbook"]
