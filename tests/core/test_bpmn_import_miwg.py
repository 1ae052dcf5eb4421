"""Importing the OMG MIWG reference models and what Camunda Modeler makes of them.

Goldens: the steps, flows and lanes each file gives, and the multiset of degradation codes; every
flow node of each file is either imported or listed.
"""

from __future__ import annotations

from collections import Counter

import pytest
from lxml import etree

from omplanner.bpmn import export_map
from omplanner.bpmn.importer import FLOW_NODES, read_bpmn
from omplanner.bpmn.names import BPMN_NS
from omplanner.model import Plan, ProcessMap, UseCase

from .bpmn_support import MIWG

# file -> (steps, flows, lanes, degradation codes with their counts)
GOLDEN = {
    "A.1.0": (5, 4, 1, {}),
    "A.2.0": (8, 9, 1, {}),
    "A.3.0": (8, 7, 1, {"subprocess-collapsed": 1, "boundary-as-flow": 1}),
    "A.4.0": (
        11,
        9,
        3,
        {"message-flow-dropped": 2, "pool-merged": 1, "subprocess-collapsed": 2, "subprocess-content": 6},
    ),
    "B.1.0": (
        20,
        20,
        3,
        {
            "annotation-dropped": 2,
            "call-activity": 3,
            "called-process": 6,
            "data-dropped": 3,
            "event-trigger": 4,
            "gateway-as-decision": 1,
            "message-flow-dropped": 2,
            "pool-merged": 1,
            "subprocess-collapsed": 2,
            "subprocess-content": 3,
            "task-type": 4,
        },
    ),
}


def _empty_plan() -> Plan:
    uc = UseCase(
        id="uc",
        name="Imported",
        current=ProcessMap(id="m-cur"),
        redesigned=ProcessMap(id="m-red"),
        governance={"id": "g"},
    )
    return Plan(use_cases=[uc])


def _import(path):
    return read_bpmn(path.read_bytes(), _empty_plan(), "m-cur", path)


def _counts(result):
    return (
        len(result.pmap.steps),
        len(result.pmap.flows),
        len(result.pmap.lanes),
        dict(Counter(d.code for d in result.degradations)),
    )


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_each_reference_imports_to_its_golden_counts(name):
    assert _counts(_import(MIWG / f"{name}.bpmn")) == GOLDEN[name]


@pytest.mark.parametrize("name", ["A.1.0", "A.2.0", "A.3.0", "A.4.0"])
@pytest.mark.parametrize("kind", ["export", "roundtrip"])
def test_camunda_modeler_files_import_to_the_same_counts_as_the_references(name, kind):
    assert _counts(_import(MIWG / f"{name}-{kind}.bpmn")) == GOLDEN[name]


@pytest.mark.parametrize("path", sorted(MIWG.glob("*.bpmn")), ids=lambda p: p.stem)
def test_every_flow_node_is_imported_or_listed(path):
    result = _import(path)
    listed = {d.id for d in result.degradations}
    nodes = [
        e for e in etree.fromstring(path.read_bytes()).iter(f"{{{BPMN_NS}}}*") if etree.QName(e).localname in FLOW_NODES
    ]
    assert nodes
    missing = [e.get("id") for e in nodes if e.get("id") not in result.imported and e.get("id") not in listed]
    assert missing == []


def _semantics(raw: bytes):
    """What MIWG's checker compares: the typed, named flow nodes and the flows between them."""
    root = etree.fromstring(raw)
    nodes = {}
    for e in root.iter(f"{{{BPMN_NS}}}*"):
        if etree.QName(e).localname in FLOW_NODES:
            nodes[e.get("id")] = (etree.QName(e).localname, e.get("name") or "")
    flows = Counter(
        (nodes[f.get("sourceRef")], nodes[f.get("targetRef")], f.get("name") or "")
        for f in root.iter(f"{{{BPMN_NS}}}sequenceFlow")
    )
    return Counter(nodes.values()), flows


@pytest.mark.parametrize("name", ["A.1.0", "A.2.0"])
def test_linear_and_gateway_references_exported_again_are_semantically_equal(name):
    path = MIWG / f"{name}.bpmn"
    plan = _empty_plan()
    result = read_bpmn(path.read_bytes(), plan, "m-cur", path)
    plan.roles += result.new_roles
    plan.use_cases[0].current = result.pmap
    assert _semantics(export_map(plan, plan.use_cases[0], "current")) == _semantics(path.read_bytes())


def test_the_iso_8859_1_reference_keeps_its_accented_names():
    # The Trisotech references declare ISO-8859-1; a name with a line break comes through as typed.
    result = _import(MIWG / "A.3.0.bpmn")
    assert "Collapsed\nSub-Process" in [s.name for s in result.pmap.steps]


def test_a_task_with_an_escalation_boundary_gets_its_exception_route():
    result = _import(MIWG / "A.3.0.bpmn")
    sub = next(s for s in result.pmap.steps if s.name.startswith("Collapsed"))
    target = result.pmap.step(sub.exception_route)
    assert target is not None and target.name  # the interrupting escalation's flow


def test_a_diagram_that_fits_our_lanes_keeps_its_layout_widened_for_our_steps():
    result = _import(MIWG / "A.1.0.bpmn")
    assert not result.auto_layout
    steps = result.pmap.steps
    assert [s.name for s in sorted(steps, key=lambda s: s.x)] == [
        "Start Event",
        "Task 1",
        "Task 2",
        "Task 3",
        "End Event",
    ]
    gaps = [b.x - a.x for a, b in zip(sorted(steps, key=lambda s: s.x), sorted(steps, key=lambda s: s.x)[1:])]
    assert min(gaps) >= 150 + 40  # no two of our 150-point steps touch


def test_a_diagram_stacking_steps_in_one_row_gets_the_automatic_layout():
    result = _import(MIWG / "A.2.0.bpmn")  # no lanes: its branches above and below meet in our one lane
    assert result.auto_layout
    assert "Uses automatic layout" in result.report()


def test_a_process_that_a_call_activity_calls_is_not_taken_for_a_pool():
    result = _import(MIWG / "B.1.0.bpmn")
    called = [d.name for d in result.degradations if d.code == "called-process"]
    assert sorted(called) == sorted(
        [
            "Start Event None 1",
            "Abstract Task 4",
            "End Event None 2",
            "Start Event None 3",
            "Abstract Task 8",
            "End Event None 4",
        ]
    )
    assert "Abstract Task 4" not in [s.name for s in result.pmap.steps]
    assert [m.lane_name for m in result.lanes] == ["Participant", "Lane 1", "Lane 2"]
