"""Importing the exported workbook back: three ways per cell, by id, nothing applied from a bad file."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import Workbook, load_workbook
from openpyxl.formula.translate import Translator

from omplanner.export.xlsx import export_xlsx
from omplanner.model import Plan
from omplanner.workbook_import import NotOurWorkbook, import_workbook

from .strategies import plans

ID = "OM Planner id"


def exported(plan: Plan, tmp_path: Path, name: str = "plan.xlsx") -> Path:
    return export_xlsx(plan, tmp_path / name)


def table(ws, key_header: str):
    """(header row, {header: column}) of the table whose header row holds ``key_header`` and the id."""
    for row in ws.iter_rows():
        headers = {c.value: c.column for c in row if c.value is not None}
        if key_header in headers and ID in headers:
            return row[0].row, headers
    raise AssertionError(f"no table with {key_header} on {ws.title}")


def row_of(ws, key_header: str, entity_id: str) -> int:
    header_row, headers = table(ws, key_header)
    for r in range(header_row + 1, ws.max_row + 1):
        if ws.cell(row=r, column=headers[ID]).value == entity_id:
            return r
    raise AssertionError(entity_id)


def delete_row(ws, headers: dict[str, int], row: int, last: int) -> None:
    """Delete a table's row as a client would: the table's last row moves up into its place."""
    for column in headers.values():
        ws.cell(row=row, column=column).value = ws.cell(row=last, column=column).value if row != last else None
        ws.cell(row=last, column=column).value = None


def edit(path: Path, sheet: str, key_header: str, entity_id: str, header: str, value) -> None:
    book = load_workbook(path)
    ws = book[sheet]
    _, headers = table(ws, key_header)
    ws.cell(row=row_of(ws, key_header, entity_id), column=headers[header]).value = value
    book.save(path)


def test_an_untouched_workbook_changes_nothing(example_plan, tmp_path):
    result = import_workbook(example_plan, exported(example_plan, tmp_path))
    assert (result.changes, result.conflicts, result.additions, result.missing, result.errors) == ([], [], [], [], [])
    assert result.command(example_plan) is None


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_an_untouched_workbook_of_any_plan_changes_nothing(plan):
    with tempfile.TemporaryDirectory() as folder:
        result = import_workbook(plan, exported(plan, Path(folder)))
    assert (result.changes, result.conflicts, result.additions, result.errors) == ([], [], [], [])


def test_one_edited_cell_is_exactly_one_change_applied_as_one_undoable_edit(example_plan, tmp_path):
    path = exported(example_plan, tmp_path)
    edit(path, "Roadmap", "Title", "item-7", "Start week", 20)
    result = import_workbook(example_plan, path)
    assert result.errors == [] and result.conflicts == []
    [change] = result.changes
    assert (change.sheet, change.entity_id, change.column, change.old, change.new) == (
        "Roadmap",
        "item-7",
        "Start week",
        example_plan.item("item-7").first_week,
        20,
    )
    assert change.entity.startswith("roadmap item '")
    before = example_plan.model_dump()
    command = result.command(example_plan)
    command.apply(example_plan)
    assert example_plan.item("item-7").start_week == 19
    command.revert(example_plan)
    assert example_plan.model_dump() == before


def test_names_come_back_as_references(example_plan, tmp_path):
    path = exported(example_plan, tmp_path)
    other_role = next(r for r in example_plan.roles if r.id != example_plan.item("item-4").owner)
    edit(path, "Roadmap", "Title", "item-4", "Owner", f"  {other_role.name.upper()} ")
    first, second = example_plan.roadmap[0], example_plan.roadmap[1]
    edit(path, "Roadmap", "Title", "item-4", "Depends on", f"{first.title}; {second.title}")
    edit(path, "Use cases", "Use case", "uc-ap", "Data richness", "2")
    result = import_workbook(example_plan, path)
    values = {(c.entity_id, c.path): c.value for c in result.changes}
    assert values == {
        ("item-4", "owner"): other_role.id,
        ("item-4", "depends_on"): [first.id, second.id],
        ("uc-ap", "tractability.data_richness"): 2,
    }


def test_plan_only_edits_are_kept_and_both_side_edits_are_conflicts(example_plan, tmp_path):
    path = exported(example_plan, tmp_path)
    edit(path, "Roadmap", "Title", "item-7", "Weeks", 9)
    edit(path, "Roadmap", "Title", "item-8", "Weeks", 5)
    example_plan.item("item-7").duration_weeks = 6  # the plan changed it too, differently
    example_plan.item("item-9").title = "Renamed in the app"  # only the plan changed this
    result = import_workbook(example_plan, path)
    [conflict] = result.conflicts
    assert (conflict.entity_id, conflict.column, conflict.plan_value, conflict.workbook_value) == (
        "item-7",
        "Weeks",
        6,
        9,
    )
    assert [(c.entity_id, c.value) for c in result.changes] == [("item-8", 5)]
    # The title, and the "Depends on" cells that name item-9: the plan's values stay.
    assert result.kept == 1 + sum("item-9" in i.depends_on for i in example_plan.roadmap)
    result.command(example_plan).apply(example_plan)
    assert example_plan.item("item-7").duration_weeks == 6
    assert example_plan.item("item-9").title == "Renamed in the app"


def test_blank_cells_erase_nothing(example_plan, tmp_path):
    path = exported(example_plan, tmp_path)
    edit(path, "Roadmap", "Title", "item-4", "Notes", None)
    edit(path, "Roadmap", "Title", "item-4", "Title", "   ")
    edit(path, "Roles", "Role", example_plan.roles[0].id, "Team", "")
    result = import_workbook(example_plan, path)
    assert (result.changes, result.errors) == ([], [])


def test_hostile_cells_are_row_errors_naming_sheet_row_and_column_and_nothing_applies(example_plan, tmp_path):
    path = exported(example_plan, tmp_path)
    book = load_workbook(path)
    ws = book["Roadmap"]
    _, headers = table(ws, "Title")
    r = row_of(ws, "Title", "item-4")
    ws.cell(row=r, column=headers["Title"]).value = '=HYPERLINK("http://x","y")'  # a formula
    r5 = row_of(ws, "Title", "item-5")
    ws.cell(row=r5, column=headers["Title"]).value = "x" * 40_000  # a spreadsheet keeps 32,767 of them
    ws.cell(row=r, column=headers["Weeks"]).value = "six"
    ws.cell(row=r, column=headers["Status"]).value = "Finished"
    scores = book["Diagnostic"]
    _, score_headers = table(scores, "Score")
    s = row_of(scores, "Score", example_plan.scores[0].id)
    scores.cell(row=s, column=score_headers["Score"]).value = datetime(2027, 1, 1)
    scores.cell(row=s, column=score_headers["Evidence"]).value = "bell _x0007_ rings"
    roles = book["Roles"]
    _, role_headers = table(roles, "Role")
    roles.cell(row=row_of(roles, "Role", example_plan.roles[0].id), column=role_headers["Role"]).value = 42  # fine
    book.save(path)
    result = import_workbook(example_plan, path)
    where = {(e.sheet, e.row, e.column) for e in result.errors}
    assert where == {
        ("Roadmap", r, "Title"),
        ("Roadmap", r5, "Title"),
        ("Roadmap", r, "Weeks"),
        ("Roadmap", r, "Status"),
        ("Diagnostic", s, "Score"),
        ("Diagnostic", s, "Evidence"),
    }
    messages = " ".join(str(e) for e in result.errors)
    assert (
        "formula" in messages
        and "32,767 characters is more than the 10,000" in messages
        and "control characters" in messages
    )
    assert "'six' is not a number" in messages and "'Finished' is not one of" in messages
    assert not result.can_apply
    with pytest.raises(ValueError):
        result.command(example_plan)


def test_unknown_and_duplicated_ids_are_row_errors(example_plan, tmp_path):
    path = exported(example_plan, tmp_path)
    book = load_workbook(path)
    ws = book["Roadmap"]
    _, headers = table(ws, "Title")
    r4, r5 = row_of(ws, "Title", "item-4"), row_of(ws, "Title", "item-5")
    ws.cell(row=r5, column=headers[ID]).value = "item-4"
    ws.cell(row=row_of(ws, "Title", "item-6"), column=headers[ID]).value = "item-999"
    book.save(path)
    result = import_workbook(example_plan, path)
    assert {(e.row, e.message.split(" (")[0]) for e in result.errors} == {
        (r5, f"the same id as row {r4}"),
        (row_of(ws, "Title", "item-999"), "an id this workbook never had"),
    }


def test_rows_without_an_id_add_where_the_sheet_allows_and_missing_rows_delete_only_when_ticked(example_plan, tmp_path):
    path = exported(example_plan, tmp_path)
    book = load_workbook(path)
    ws = book["Roadmap"]
    header_row, headers = table(ws, "Title")
    last = row_of(ws, "Title", example_plan.roadmap[-1].id)
    gone = row_of(ws, "Title", "item-16")
    delete_row(ws, headers, gone, last)  # the client deleted item-16's row
    new = last if gone != last else last
    ws.cell(row=new, column=headers["Title"]).value = "Train the second wave"
    ws.cell(row=new, column=headers["Start week"]).value = 30
    ws.cell(row=new, column=headers["Owner"]).value = example_plan.roles[0].name
    book.save(path)
    result = import_workbook(example_plan, path)
    assert result.errors == []
    [added] = result.additions
    assert (added.entity.title, added.entity.start_week, added.entity.owner) == (
        "Train the second wave",
        29,
        example_plan.roles[0].id,
    )
    assert [m.entity_id for m in result.missing] == ["item-16"]
    result.command(example_plan).apply(example_plan)
    assert example_plan.item("item-16") is not None  # not ticked: kept
    assert example_plan.roadmap[-1].title == "Train the second wave"


def test_a_ticked_missing_row_is_deleted(example_plan, tmp_path):
    path = exported(example_plan, tmp_path)
    book = load_workbook(path)
    ws = book["Roles"]
    _, headers = table(ws, "Role")
    victim = example_plan.roles[-1]
    r = row_of(ws, "Role", victim.id)
    delete_row(ws, headers, r, ws.max_row)
    book.save(path)
    result = import_workbook(example_plan, path)
    assert [m.entity_id for m in result.missing] == [victim.id]
    result.command(example_plan, delete=[victim.id]).apply(example_plan)
    assert example_plan.role(victim.id) is None


def test_a_row_without_an_id_on_a_sheet_that_cannot_add_is_an_error(example_plan, tmp_path):
    path = exported(example_plan, tmp_path)
    book = load_workbook(path)
    ws = book["Use cases"]
    _, headers = table(ws, "Use case")
    last = row_of(ws, "Use case", example_plan.use_cases[-1].id)
    ws.cell(row=last + 1, column=headers["Use case"]).value = "A fourth use case"
    book.save(path)
    [error] = import_workbook(example_plan, path).errors
    assert (error.sheet, error.row) == ("Use cases", last + 1) and "added in the app" in error.message


def test_foreign_workbooks_get_one_sentence(example_plan, tmp_path):
    plain = Workbook()
    plain.active["A1"] = "budget"
    plain.save(tmp_path / "budget.xlsx")
    with pytest.raises(NotOurWorkbook, match="not exported by OM Planner"):
        import_workbook(example_plan, tmp_path / "budget.xlsx")
    (tmp_path / "notes.xlsx").write_text("not a zip")
    with pytest.raises(NotOurWorkbook, match="not an Excel workbook"):
        import_workbook(example_plan, tmp_path / "notes.xlsx")
    other = Plan()
    with pytest.raises(NotOurWorkbook, match="exported from another plan"):
        import_workbook(example_plan, exported(other, tmp_path, "other.xlsx"))
    older = exported(example_plan, tmp_path, "older.xlsx")
    book = load_workbook(older)
    book["OM Planner export"]["C1"] = 0
    book.save(older)
    with pytest.raises(NotOurWorkbook, match="older version"):
        import_workbook(example_plan, older)


def sort_table(path: Path, sheet: str, key_header: str, by: str) -> None:
    """Sort a table's rows as a spreadsheet does: each row's cells move together, own-row formulas follow."""
    book = load_workbook(path)
    ws = book[sheet]
    header_row, headers = table(ws, key_header)
    last = header_row
    while ws.cell(row=last + 1, column=headers[ID]).value:
        last += 1
    width = max(headers.values())
    body = [[ws.cell(row=r, column=c).value for c in range(1, width + 1)] for r in range(header_row + 1, last + 1)]
    order = sorted(range(len(body)), key=lambda i: str(body[i][headers[by] - 1]), reverse=True)
    for new, old in enumerate(order):
        for c, value in enumerate(body[old], start=1):
            cell = ws.cell(row=header_row + 1 + new, column=c)
            if isinstance(value, str) and value.startswith("=") and cell.data_type != "s":
                origin = f"{cell.column_letter}{header_row + 1 + old}"
                value = Translator(value, origin).translate_formula(cell.coordinate)
            cell.value = value
    book.save(path)


def test_one_edit_after_sorting_the_rows_is_still_one_change(example_plan, tmp_path):
    path = exported(example_plan, tmp_path)
    sort_table(path, "Roadmap", "Title", by="Title")
    edit(path, "Roadmap", "Title", "item-3", "Status", "At risk")
    result = import_workbook(example_plan, path)
    assert [(c.entity_id, c.column, c.new) for c in result.changes] == [("item-3", "Status", "At risk")]
    assert (result.conflicts, result.errors, result.missing) == ([], [], [])


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (libreoffice-calc) is not installed")
def test_one_edit_survives_a_trip_through_libreoffice(example_plan, tmp_path):
    from .test_export_xlsx_libreoffice import libreoffice_resave

    path = exported(example_plan, tmp_path)
    edit(path, "Use cases", "Use case", "uc-email", "Team willingness", 5)
    edit(path, "Governance", "Metric", example_plan.use_cases[0].governance.thresholds[0].id, "Upper limit", 7.5)
    resaved = libreoffice_resave(path, tmp_path)
    result = import_workbook(example_plan, resaved)
    assert sorted((c.entity_id, c.column, c.value) for c in result.changes) == sorted(
        [
            ("uc-email", "Team willingness", 5),
            (example_plan.use_cases[0].governance.thresholds[0].id, "Upper limit", 7.5),
        ]
    )
    assert (result.conflicts, result.errors, result.missing, result.additions) == ([], [], [], [])


def test_raci_letters_come_back_and_other_parts_are_kept(example_plan, tmp_path):
    path = exported(example_plan, tmp_path)
    decision = next(d for d in example_plan.decisions if d.consulted or d.informed)
    book = load_workbook(path)
    ws = book["Decision rights"]
    _, headers = table(ws, "Decision")
    r = row_of(ws, "Decision", decision.id)
    role_columns = {
        h: c for h, c in headers.items() if example_plan.roles and h in {x.name for x in example_plan.roles}
    }
    free = next(h for h, c in role_columns.items() if ws.cell(row=r, column=c).value is None)
    ws.cell(row=r, column=role_columns[free]).value = " c "
    book.save(path)
    result = import_workbook(example_plan, path)
    assert result.errors == [] and result.conflicts == []
    [change] = result.changes
    free_id = next(x.id for x in example_plan.roles if x.name == free)
    assert (change.entity_id, change.path) == (decision.id, "consulted")
    assert change.value == [*decision.consulted, free_id]
    result.command(example_plan).apply(example_plan)
    assert free_id in example_plan.decision(decision.id).consulted

    edit(path, "Decision rights", "Decision", decision.id, free, "X")
    [error] = import_workbook(example_plan, path).errors
    assert error.column == free and "not a RACI letter" in error.message


def test_the_preview_names_entities_never_by_id(example_plan, tmp_path):
    path = exported(example_plan, tmp_path)
    uc = example_plan.use_cases[0]
    edit(path, "Governance", "Owner role", uc.governance.id, "Owner", "Dana Whitfield")
    score = next(s for s in example_plan.scores if not s.participant)
    edit(path, "Diagnostic", "Score", score.id, "Evidence", "Seen in the workshop")
    labels = {c.entity for c in import_workbook(example_plan, path).changes}
    assert labels == {
        f"governance of '{uc.name}'",
        f"agreed {score.component.label} score of '{example_plan.use_case(score.use_case).name}'",
    }


@pytest.mark.parametrize("kind", ["fifo", "zip bomb"])
def test_a_hostile_workbook_is_refused_by_name_without_waiting_or_unpacking(example_plan, tmp_path, kind):
    """A pipe is refused, not waited on for ever; a small zip that unpacks to gigabytes is
    refused before openpyxl unpacks it."""
    import os
    import zipfile

    path = tmp_path / "changes.xlsx"
    if kind == "fifo":
        os.mkfifo(path)
        words = r"pipe \(FIFO\)"
    else:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
                block = b"\0" * 2**20
                for _ in range(600):  # 600 MB of zeros, about 600 KB packed
                    part.write(block)
        words = "unpacks to 600 MB"
    with pytest.raises(NotOurWorkbook, match=words):
        import_workbook(example_plan, path)
