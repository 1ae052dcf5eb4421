"""``omplanner check`` and ``omplanner rules`` from the command line."""

from __future__ import annotations

import json

from omplanner.cli import main
from omplanner.fileio import save_plan
from omplanner.model import RuleSetting, RuleSeverity
from omplanner.paths import example_path
from omplanner.rules import catalogue

from .rules_plans import base_plan


def test_check_text_groups_by_use_case_and_component(example_file, capsys):
    assert main(["check", str(example_file)]) == 1
    out = capsys.readouterr().out
    assert out.startswith('"AI operating model: first wave": ')
    ap, email = out.index("== AP invoice matching =="), out.index("== Customer e-mail triage ==")
    assert ap < email
    assert out.index("  Decision rights", ap) < email
    assert "ERROR   SEQ-002  Tool selection for 'AP invoice matching'" in out
    assert "Fix: Move 'Select the invoice matching tool' to start in week 10" in out


def test_check_json_lists_code_severity_message_elements_fix(example_file, capsys):
    assert main(["check", str(example_file), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    first = data["findings"][0]
    assert set(first) >= {"code", "severity", "message", "elements", "fix"}
    seq = next(f for f in data["findings"] if f["code"] == "SEQ-002")
    assert seq["severity"] == "error" and seq["elements"] == ["item-4", "item-3"]
    assert seq["fix"] == "Move 'Select the invoice matching tool' to start in week 10; what must follow it moves along"
    assert data["counts"]["error"] == sum(1 for f in data["findings"] if f["severity"] == "error") > 0


def test_check_exits_0_without_errors(tmp_path, capsys):
    plan = base_plan()
    path = tmp_path / "blank.omplan"
    save_plan(plan, path)
    assert main(["check", str(path)]) == 0
    assert "no findings" in capsys.readouterr().out


def test_warnings_alone_exit_0(example_plan, tmp_path, capsys):
    for info in catalogue():
        if info.default_severity.value == "error":
            example_plan.rule_settings[info.code] = RuleSetting(severity=RuleSeverity.WARNING)
    path = tmp_path / "softened.omplan"
    save_plan(example_plan, path)
    assert main(["check", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["error"] == 0


def test_check_unreadable_file_exits_2(tmp_path, capsys):
    path = tmp_path / "broken.omplan"
    path.write_text("{ not json", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert capsys.readouterr().err.startswith("omplanner: ")
    assert main(["check", str(tmp_path / "missing.omplan")]) == 2


def test_rules_lists_the_catalogue(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for info in catalogue():
        assert f"{info.code}  {info.title}  [{info.default_severity.value}]" in out
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in rows] == [i.code for i in catalogue()]


def test_check_piped_into_a_reader_that_stops_early_prints_no_traceback(tmp_path):
    import subprocess
    import sys

    from omplanner.fileio import save_plan
    from tests.benchmarks.generate import generate_plan

    # Far more findings than a pipe buffers, so the writer is still writing when `head` leaves.
    plan_file = tmp_path / "big.omplan"
    save_plan(generate_plan(1), plan_file)
    script = f"{sys.executable} -m omplanner check {plan_file} | head -n 1"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip(), "the first line still arrives"
    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr


def test_a_new_blank_plan_starts_today(tmp_path):
    from datetime import date

    from omplanner.cli import main
    from omplanner.fileio import load_plan

    target = tmp_path / "fresh.omplan"
    assert main(["new", str(target)]) == 0
    assert load_plan(target).details.start_date == date.today()


def test_check_and_rules_show_a_rule_the_plan_sets_differently_and_why(tmp_path, capsys):
    from omplanner import cli
    from omplanner.fileio import load_plan, save_plan

    plan = load_plan(example_path("distributor"))
    plan.rule_settings = {
        "SEQ-001": RuleSetting(severity=RuleSeverity.OFF, reason="The diagnostic was done last year."),
        "PRO-002": RuleSetting(severity=RuleSeverity.INFO),
    }
    path = tmp_path / "set.omplan"
    save_plan(plan, path)
    cli.main(["check", str(path)])
    out = capsys.readouterr().out
    assert "Rules this plan applies differently:" in out
    assert "SEQ-001" in out and "switched off. Why: The diagnostic was done last year." in out
    assert "PRO-002" in out and "info instead of" in out and "no reason given" in out
    cli.main(["check", str(path), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert {"code": "SEQ-001", "severity": "off", "reason": "The diagnostic was done last year."} in data[
        "rule_settings"
    ]
    assert cli.main(["rules", "--plan", str(path)]) == 0
    listing = capsys.readouterr().out
    assert "this plan: off (The diagnostic was done last year.)" in listing
