"""The workbook says which rules the plan applies differently, and why, on a sheet of its own."""

from __future__ import annotations

from openpyxl import load_workbook

from omplanner.export.xlsx import export_xlsx
from omplanner.model import RuleSetting, RuleSeverity
from omplanner.rules import check_plan

from .test_export_xlsx import SHEETS, table_rows


def test_a_rule_settings_sheet_lists_each_setting_with_its_reason(example_plan, tmp_path):
    off = check_plan(example_plan)[0]
    example_plan.rule_settings = {
        off.code: RuleSetting(severity=RuleSeverity.OFF, reason='=HYPERLINK("http://x","agreed")'),
        "SEQ-006": RuleSetting(severity=RuleSeverity.INFO),
        "OLD-001": RuleSetting(severity=RuleSeverity.WARNING, reason="Kept from an older plan\nby the sponsor"),
    }
    book = load_workbook(export_xlsx(example_plan, tmp_path / "plan.xlsx"))

    listed = [s for s in SHEETS if s != "Comments"]  # the example's comments come after the settings
    assert book.sheetnames == [*listed, "Rule settings", "Comments", "OM Planner export"]
    rows = {r["Code"]: r for r in table_rows(book["Rule settings"], "RuleSettings")}
    assert set(rows) == {"SEQ-006", off.code, "OLD-001"}
    assert list(rows)[-1] == "OLD-001"  # in catalogue order, a rule this version lacks last
    assert rows[off.code]["Rule"] == off.title
    assert rows[off.code]["In this plan"] == "Off"
    assert rows[off.code]["Rule's own severity"] == off.severity.label
    assert rows["SEQ-006"]["In this plan"] == "Info" and rows["SEQ-006"]["Why"] == "No reason given"
    assert rows["OLD-001"]["Rule"] == "A rule this version does not have"
    assert rows["OLD-001"]["Why"] == "Kept from an older plan\nby the sponsor"

    why = next(c for c in book["Rule settings"]["E"] if c.value and str(c.value).startswith("=HYPERLINK"))
    assert why.data_type == "s" and why.quotePrefix  # the reason stays text: no formula, no link
    assert "This plan applies 3 rules differently" in " ".join(
        str(c.value) for row in book["Findings"].iter_rows(max_row=3) for c in row if c.value
    )
    assert off.code not in {r["Code"] for r in table_rows(book["Findings"], "Findings")}


def test_a_plan_that_sets_no_rule_has_no_rule_settings_sheet(example_plan, tmp_path):
    book = load_workbook(export_xlsx(example_plan, tmp_path / "plan.xlsx"))
    assert book.sheetnames == [*SHEETS, "OM Planner export"]
