"""Whatever a file holds, reading it gives a map or one sentence, and applying it keeps the plan whole."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from omplanner.bpmn import BpmnFileError, export_map, import_command, read_bpmn
from omplanner.model import check_integrity
from omplanner.model.plan import MAX_STEPS

from .bpmn_support import MIWG
from .test_bpmn_export import _example
from .test_bpmn_hostile import DEFINITIONS, _refusal

SOURCES = sorted(MIWG.glob("*.bpmn"))
_EXAMPLE = _example()
_FILES = [p.read_bytes() for p in SOURCES] + [export_map(_EXAMPLE, uc, v) for uc, v, _ in _EXAMPLE.maps()][:4]
VALUES = ["", "x", "-1e400", "nan", "1e308", "ap-r1", "ap-c2", "role-ap-clerk", "true", "false", "automate", "é"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_damaged_file_reads_or_is_refused_and_the_import_applies_and_undoes(data):
    plan = _EXAMPLE.model_copy(deep=True)
    raw = data.draw(st.sampled_from(_FILES))
    root = etree.fromstring(raw)
    elements = list(root.iter())
    for _ in range(data.draw(st.integers(1, 6))):
        element = data.draw(st.sampled_from(elements))
        if data.draw(st.booleans()) and element.getparent() is not None:
            element.getparent().remove(element)
        elif element.attrib:
            key = data.draw(st.sampled_from(sorted(element.attrib)))
            element.attrib[key] = data.draw(st.sampled_from([*VALUES, element.get("id") or "y"]))
    use_case = data.draw(st.sampled_from(plan.use_cases))
    target = getattr(use_case, data.draw(st.sampled_from(["current", "redesigned"])))
    try:
        result = read_bpmn(etree.tostring(root), plan, target.id)
    except BpmnFileError:
        return
    before = plan.model_copy(deep=True)
    command = import_command(plan, result)
    command.apply(plan)
    assert next(m for _, _, m in plan.maps() if m.id == target.id) == result.pmap
    assert check_integrity(plan) == []
    command.revert(plan)
    assert plan == before


def test_a_process_larger_than_a_map_is_refused_before_its_steps_are_built():
    tasks = b"".join(b'<task id="t%d"/>' % i for i in range(MAX_STEPS + 1))
    assert "a map holds at most" in _refusal(DEFINITIONS + b'<process id="p">' + tasks + b"</process></definitions>")


def test_two_elements_with_one_id_both_come_in_and_the_second_is_listed():
    raw = (
        DEFINITIONS + b'<process id="p"><task id="a" name="First"/><task id="a" name="Second"/></process></definitions>'
    )
    from .test_bpmn_import_miwg import _empty_plan

    result = read_bpmn(raw, _empty_plan(), "m-cur")
    assert [s.name for s in result.pmap.steps] == ["First", "Second"]
    assert [(d.code, d.name) for d in result.degradations] == [("duplicate-id", "Second")]


def test_half_an_emoji_spelled_in_our_attributes_becomes_a_replacement_character():
    """JSON in om:name and om:exceptionTrigger can spell a lone surrogate, which no plan may
    hold: it comes in as U+FFFD, markup stays text, and the import applies."""
    plan = _example()
    uc = plan.use_cases[0]
    raw = export_map(plan, uc, "redesigned").decode()
    raw = raw.replace('name="Capture invoice data"', 'name="Capture" om:name="&quot;Capture \\ud83d&quot;"', 1)
    start = raw.index('om:exceptionTrigger="')
    end = raw.index('"', start + len('om:exceptionTrigger="'))
    raw = raw[:start] + 'om:exceptionTrigger="&quot;\\udc00 &lt;img src=x&gt;&quot;"' + raw[end + 1 :]
    result = read_bpmn(raw.encode(), plan, uc.redesigned.id)
    names = [s.name for s in result.pmap.steps]
    assert "Capture \ufffd" in names
    assert "\ufffd <img src=x>" in [s.exception_trigger for s in result.pmap.steps]
    import_command(plan, result).apply(plan)
    assert check_integrity(plan) == []
