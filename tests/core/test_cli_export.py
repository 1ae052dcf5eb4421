"""``omplanner export``: the command line writes the workbook and explains what went wrong."""

from openpyxl import load_workbook

from omplanner.cli import main


def test_export_writes_a_workbook(example_file, tmp_path, capsys):
    out = tmp_path / "plan.xlsx"
    assert main(["export", str(example_file), "--xlsx", str(out)]) == 0
    assert "Summary" in load_workbook(out).sheetnames
    assert str(out) in capsys.readouterr().out


def test_export_without_a_format_is_a_usage_error(example_file, capsys):
    assert main(["export", str(example_file)]) == 2
    assert "--xlsx" in capsys.readouterr().err


def test_export_into_a_missing_folder_is_refused(example_file, tmp_path, capsys):
    assert main(["export", str(example_file), "--xlsx", str(tmp_path / "nowhere" / "x.xlsx")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_export_of_an_unreadable_plan_is_a_usage_error(tmp_path, capsys):
    bad = tmp_path / "bad.omplan"
    bad.write_text("not json")
    out = tmp_path / "x.xlsx"
    assert main(["export", str(bad), "--xlsx", str(out)]) == 2
    assert not out.exists()
    assert capsys.readouterr().err.startswith("omplanner:")


def test_formats_come_from_the_exporters_table(example_file, tmp_path, monkeypatch, capsys):
    from omplanner.cli import export_commands

    written = []

    def note(plan, path, progress=None):
        written.append(path)

    fake = export_commands.ExportFormat(note, ".txt", "Note", "a note")
    monkeypatch.setitem(export_commands.EXPORTERS, "note", fake)
    out_xlsx, out_note = tmp_path / "a.xlsx", tmp_path / "b.txt"
    assert main(["export", str(example_file), "--xlsx", str(out_xlsx), "--note", str(out_note)]) == 0
    assert out_xlsx.exists() and written == [out_note]
    assert "(Note)" in capsys.readouterr().out
