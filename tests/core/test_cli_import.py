"""``omplanner import-xlsx``: the workbook's edits back into the plan file, with a dry run and exit codes."""

from openpyxl import Workbook, load_workbook

from omplanner.cli import main
from omplanner.fileio import load_plan


def export(example_file, tmp_path):
    out = tmp_path / "plan.xlsx"
    assert main(["export", str(example_file), "--xlsx", str(out)]) == 0
    return out


def set_weeks(path, item_id: str, weeks) -> None:
    book = load_workbook(path)
    ws = book["Roadmap"]
    header = next(r for r in ws.iter_rows() if any(c.value == "OM Planner id" for c in r))
    columns = {c.value: c.column for c in header}
    row = next(
        r for r in range(header[0].row + 1, ws.max_row + 1) if ws.cell(r, columns["OM Planner id"]).value == item_id
    )
    ws.cell(row, columns["Weeks"]).value = weeks
    book.save(path)


def test_import_lists_the_change_and_saves_it(example_file, tmp_path, capsys):
    workbook = export(example_file, tmp_path)
    set_weeks(workbook, "item-7", 9)
    capsys.readouterr()
    assert main(["import-xlsx", str(example_file), str(workbook), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Roadmap, row" in out and "Weeks: 4 → 9" in out and "nothing saved" in out
    assert load_plan(example_file).item("item-7").duration_weeks == 4
    result = tmp_path / "after.omplan"
    assert main(["import-xlsx", str(example_file), str(workbook), "-o", str(result)]) == 0
    assert load_plan(result).item("item-7").duration_weeks == 9
    assert load_plan(example_file).item("item-7").duration_weeks == 4


def test_row_errors_apply_nothing_and_exit_1(example_file, tmp_path, capsys):
    workbook = export(example_file, tmp_path)
    set_weeks(workbook, "item-7", "nine")
    assert main(["import-xlsx", str(example_file), str(workbook)]) == 1
    out = capsys.readouterr().out
    assert "ERROR Roadmap, row" in out and "Weeks: 'nine' is not a number" in out and "Nothing applied" in out
    assert load_plan(example_file).item("item-7").duration_weeks == 4


def test_a_workbook_that_is_not_ours_is_one_sentence_and_exit_2(example_file, tmp_path, capsys):
    other = tmp_path / "budget.xlsx"
    Workbook().save(other)
    assert main(["import-xlsx", str(example_file), str(other)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not exported by OM Planner" in err
