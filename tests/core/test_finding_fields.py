"""A finding says which field of its element it is about, so that a page marks that cell knowing
no rule code; the pages name none."""

from __future__ import annotations

import re
from pathlib import Path

from omplanner.model import Knowledge
from omplanner.rules import catalogue, check_plan

ROOT = Path(__file__).resolve().parents[2]


def _entity(plan, element_id):
    for source in plan.data_sources:
        if source.id == element_id:
            return source
    for cap in plan.capabilities:
        if cap.id == element_id:
            return cap
    return None


def test_data_and_capability_findings_name_a_real_field_of_their_element(example_plan):
    findings = [f for f in check_plan(example_plan) if f.code.startswith(("DAT-", "CAP-004"))]
    assert findings
    for finding in findings:
        assert finding.field, finding.code
        entity = _entity(example_plan, finding.elements[0].id)
        assert entity is not None and finding.field in type(entity).model_fields, (finding.code, finding.field)


def test_an_unsettled_answer_is_marked_on_its_own_question(example_plan):
    read_by_ai = {f.elements[0].id for f in check_plan(example_plan) if f.code.startswith("DAT-")}
    source = next(s for s in example_plan.data_sources if s.id in read_by_ai)
    for question in ("validation", "latency", "origin"):
        getattr(source, question).status = Knowledge.UNKNOWN
    source.ownership.status = Knowledge.KNOWN
    source.ownership.note = "The team lead reviews it weekly."
    about = {f.field for f in check_plan(example_plan) if f.elements[0].id == source.id and f.code.startswith("DAT-")}
    assert {"validation", "latency", "origin"} <= about
    assert "ownership" not in about


def test_no_rule_code_is_written_where_marks_are_drawn():
    """The pages and the roadmap draw marks from findings alone (``Finding.field``,
    ``Finding.relations``), never by a rule's code."""
    codes = {info.code for info in catalogue()}
    assert len(codes) > 40
    pattern = re.compile("|".join(re.escape(c) for c in sorted(codes)))
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for folder in ("pages", "roadmap")
        for path in (ROOT / "ui" / folder).rglob("*.py")
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found
