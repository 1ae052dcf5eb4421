"""``omplanner export --bpmn``, ``export-bpmn`` and ``import-bpmn`` from the command line."""

from lxml import etree

from omplanner.cli import main
from omplanner.fileio import load_plan

from .bpmn_support import MIWG, schema_errors


def test_export_writes_one_valid_utf8_file_per_map_named_by_use_case_and_variant(example_file, tmp_path, capsys):
    out = tmp_path / "bpmn"
    out.mkdir()
    assert main(["export", str(example_file), "--bpmn", str(out)]) == 0
    plan = load_plan(example_file)
    expected = {f"{uc.name} - {variant}.bpmn" for uc, variant, pmap in plan.maps() if pmap.steps}
    assert {p.name for p in out.iterdir()} == expected
    for path in out.iterdir():
        raw = path.read_bytes()
        assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
        assert schema_errors(raw) == []
    assert f"Wrote {len(expected)} BPMN" in capsys.readouterr().out


def test_export_into_a_missing_folder_is_refused(example_file, tmp_path, capsys):
    assert main(["export", str(example_file), "--bpmn", str(tmp_path / "nowhere")]) == 2
    assert "not an existing folder" in capsys.readouterr().err


def test_one_map_is_exported_like_render_does_it(example_file, tmp_path):
    out = tmp_path / "ap.bpmn"
    assert main(["export-bpmn", str(example_file), "--process", "AP invoice matching:current", "-o", str(out)]) == 0
    root = etree.fromstring(out.read_bytes())
    names = [e.get("name") for e in root.iter("{http://www.omg.org/spec/BPMN/20100524/MODEL}participant")]
    assert names == ["AP invoice matching (current)"]


def test_an_unknown_use_case_names_the_ones_there_are(example_file, tmp_path, capsys):
    assert main(["export-bpmn", str(example_file), "--process", "nope", "-o", str(tmp_path / "x.bpmn")]) == 2
    assert "AP invoice matching" in capsys.readouterr().err


def test_import_replaces_the_map_and_lists_what_did_not_come_across(example_file, tmp_path, capsys):
    out = tmp_path / "after.omplan"
    code = main(
        [
            "import-bpmn",
            str(example_file),
            str(MIWG / "A.4.0.bpmn"),
            "--use-case",
            "uc-ap",
            "--as",
            "redesigned",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    plan = load_plan(out)
    assert len(plan.use_case("uc-ap").redesigned.steps) == 11
    printed = capsys.readouterr().out
    assert "subprocess-collapsed" in printed and "message-flow-dropped" in printed
    assert "Decision 'Post an invoice that matches within tolerance' loses its link (step)" in printed
    assert load_plan(example_file) != plan  # the original is untouched with -o


def test_a_bad_file_exits_2_with_one_sentence_and_the_plan_untouched(example_file, tmp_path, capsys):
    bad = tmp_path / "notes.bpmn"
    bad.write_text("these are my notes, not a process")
    before = example_file.read_bytes()
    assert main(["import-bpmn", str(example_file), str(bad), "--use-case", "uc-ap"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not an XML file" in err and "Traceback" not in err
    assert example_file.read_bytes() == before


def test_a_missing_file_exits_2(example_file, tmp_path, capsys):
    assert main(["import-bpmn", str(example_file), str(tmp_path / "gone.bpmn"), "--use-case", "uc-ap"]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_use_case_name_with_a_colon_needs_no_variant(example_file, tmp_path):
    from omplanner.fileio import save_plan

    plan = load_plan(example_file)
    plan.use_cases[0].name = "AP: invoices"
    save_plan(plan, example_file)
    out = tmp_path / "ap.bpmn"
    assert main(["export-bpmn", str(example_file), "--process", "AP: invoices", "-o", str(out)]) == 0
    assert b"AP: invoices (redesigned)" in out.read_bytes()


def test_an_import_that_cannot_be_saved_says_so_and_exits_2(example_file, tmp_path, capsys, monkeypatch):
    """A full disk while saving the imported plan: one line and exit 2, not an internal error."""
    import errno

    import omplanner.fileio

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(omplanner.fileio, "save_revision", full)
    out = tmp_path / "out.omplan"
    code = main(["import-bpmn", str(example_file), str(MIWG / "A.1.0.bpmn"), "--use-case", "uc-ap", "-o", str(out)])
    assert code == 2
    assert f"could not write {out}: No space left on device" in capsys.readouterr().err
