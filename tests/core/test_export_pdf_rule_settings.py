"""The working-team pack says which rules the plan applies differently, and why, in the findings chapter."""

from __future__ import annotations

from pypdf import PdfReader

from omplanner.export.pack_options import PackOptions
from omplanner.export.pdf import export_pdf
from omplanner.model import RuleSetting, RuleSeverity
from omplanner.rules import check_plan

HEADING = "Rules this plan applies differently"


def _findings_chapter(path) -> str:
    """The text of the pages from the Findings chapter on (the contents page names it too)."""
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    start = next(i for i, text in enumerate(pages) if HEADING in text or "The plan was checked against" in text)
    return " ".join(pages[start:])


def test_the_findings_chapter_lists_each_setting_with_its_reason(example_plan, tmp_path):
    off = check_plan(example_plan)[0]
    example_plan.rule_settings = {
        off.code: RuleSetting(severity=RuleSeverity.OFF, reason="Agreed with R&D <b> <img src='x'/> on 3 March"),
        "SEQ-006": RuleSetting(severity=RuleSeverity.INFO),
        "OLD-001": RuleSetting(severity=RuleSeverity.WARNING, reason="=1+1"),
    }
    target = tmp_path / "pack.pdf"
    export_pdf(example_plan, target, options=PackOptions(audience="team"))
    text = _findings_chapter(target)

    assert HEADING in text
    assert f"{off.code} {off.title} Switched off Agreed with R&D <b> <img src='x'/> on 3 March" in text
    assert "SEQ-006 One use case goes first Info instead of warning No reason given" in text
    assert "OLD-001 A rule this version does not have Warning =1+1" in text
    # the rule switched off raises no finding card: its code appears in the settings table only
    assert text.count(off.code) == 1


def test_a_plan_that_sets_no_rule_has_no_such_section(example_plan, tmp_path):
    target = tmp_path / "pack.pdf"
    export_pdf(example_plan, target, options=PackOptions(audience="team"))
    assert HEADING not in _findings_chapter(target)
