"""``omplanner sequence PLAN -o OUT``: the moves and their reasons on stdout, the plan written."""

from __future__ import annotations

from omplanner.cli import main
from omplanner.fileio import load_plan, save_plan
from omplanner.model import ItemKind, ItemStatus
from omplanner.rules import check_plan

from .rules_plans import item, roadmap

K = ItemKind


def test_sequence_prints_each_move_and_writes_the_plan(example_file, tmp_path, capsys):
    out = tmp_path / "sequenced.omplan"
    assert main(["sequence", str(example_file), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "4 items move:" in text
    assert (
        "'AP governance: owner, thresholds, breach process': week 14 → week 12, earlier, so that "
        "'Deploy e-mail triage' keeps week 16" in text
    )
    assert "'AP clerks: validation and exception judgement in role profiles' no longer waits for" in text
    assert f"Wrote {out}." in text
    sequenced = load_plan(out)
    assert sequenced.item("item-8").start_week == 11 and sequenced.item("item-13").start_week == 15
    assert not [f for f in check_plan(sequenced) if f.code in ("SEQ-002", "SEQ-004", "SEQ-005")]
    assert load_plan(example_file).item("item-8").start_week == 13  # the input is left as it was
    assert main(["sequence", str(out)]) == 0
    assert capsys.readouterr().out.endswith("nothing moves.\nThe roadmap follows the sequencing principles.\n")


def test_without_output_nothing_is_written(example_file, tmp_path, capsys):
    assert main(["sequence", str(example_file)]) == 0
    assert "Nothing written: add -o OUT" in capsys.readouterr().out
    assert list(tmp_path.glob("*.omplan")) == [example_file]


def test_an_existing_output_is_kept_without_force(example_file, tmp_path, capsys):
    out = tmp_path / "taken.omplan"
    out.write_text("keep me")
    assert main(["sequence", str(example_file), "-o", str(out)]) == 2
    assert "exists already" in capsys.readouterr().err and out.read_text() == "keep me"
    assert main(["sequence", str(example_file), "-o", str(out), "--force"]) == 0


def test_done_work_in_the_way_is_left_to_the_user_and_exits_1(tmp_path, capsys):
    plan = roadmap(item("d", K.DIAGNOSTIC, None, 2, 3), item("t", K.TOOL_SELECTION, "uc-1", 0, 2))
    plan.item("t").status = ItemStatus.DONE  # the tool was bought before the diagnostic
    path = tmp_path / "bought.omplan"
    save_plan(plan, path)
    assert main(["sequence", str(path), "-o", str(tmp_path / "out.omplan")]) == 1
    text = capsys.readouterr().out
    assert "nothing moves" in text  # pulling the diagnostic earlier cannot undo the purchase
    assert "Left for you to settle" in text and "SEQ-001" in text
