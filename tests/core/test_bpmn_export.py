"""BPMN export: valid against the OMG schema, stable, and saying what the map means."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from lxml import etree

from omplanner.bpmn import export_map, file_name
from omplanner.bpmn.names import BPMN_NS, BPMNDI_NS, OM_NS
from omplanner.fileio import load_plan
from omplanner.model import Flow, Plan, ProcessMap, Role, Step, StepKind, UseCase

from .bpmn_support import schema_errors
from .strategies import plans

EXAMPLE = Path(__file__).parents[2] / "resources" / "examples" / "distributor.omplan"
NS = {"bpmn": BPMN_NS, "bpmndi": BPMNDI_NS, "om": OM_NS}


def _example() -> Plan:
    return load_plan(EXAMPLE)


def test_every_map_of_the_example_validates_against_the_omg_schema():
    plan = _example()
    checked = 0
    for uc, variant, _ in plan.maps():
        raw = export_map(plan, uc, variant)
        assert schema_errors(raw) == [], (uc.name, variant)
        checked += 1
    assert checked == 2 * len(plan.use_cases) > 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_every_map_of_a_generated_plan_validates_and_exports_the_same_bytes_twice(plan):
    for uc, variant, _ in plan.maps():
        raw = export_map(plan, uc, variant)
        assert schema_errors(raw) == []
        assert export_map(plan.model_copy(deep=True), uc, variant) == raw


def _tiny_plan() -> Plan:
    roles = [Role(id="r-clerk", name="Clerk"), Role(id="r lead", name="Team lead")]
    steps = [
        Step(id="s1", kind=StepKind.START, name="Invoice arrives", lane="r-clerk", x=60, y=50),
        Step(id="s2", kind=StepKind.TASK, name="Key in", lane="r-clerk", x=250, y=50, exception_route="s4"),
        Step(id="s3", kind=StepKind.DECISION, name="Over limit?", lane="r-clerk", x=440, y=50, exception_route="s4"),
        Step(id="s4", kind=StepKind.TASK, name="Approve", lane="r lead", x=630, y=180),
        Step(id="9bad id", kind=StepKind.TASK, name="Post", lane="r-clerk", x=820, y=50),
        Step(id="s6", kind=StepKind.END, name="Done", lane="r-clerk", x=1010, y=50),
    ]
    flows = [
        Flow(id="f1", source="s1", target="s2"),
        Flow(id="f2", source="s2", target="s3"),
        Flow(id="f3", source="s3", target="s4", label="yes"),
        Flow(id="f4", source="s3", target="9bad id", label="no"),
        Flow(id="f5", source="s4", target="9bad id"),
        Flow(id="f6", source="s4", target="s6"),
    ]
    pmap = ProcessMap(id="m1", lanes=["r-clerk", "r lead"], steps=steps, flows=flows)
    uc = UseCase(
        id="uc1",
        name="Invoices",
        current=pmap,
        redesigned=ProcessMap(id="m2"),
        governance={"id": "g1"},
    )
    return Plan(roles=roles, use_cases=[uc])


def test_the_export_draws_what_the_map_means():
    plan = _tiny_plan()
    root = etree.fromstring(export_map(plan, plan.use_cases[0], "current"))
    process = root.find("bpmn:process", NS)
    assert process.get("isExecutable") == "false"
    assert len(root.findall("bpmn:collaboration/bpmn:participant", NS)) == 1
    assert [lane.get("name") for lane in process.findall("bpmn:laneSet/bpmn:lane", NS)] == ["Clerk", "Team lead"]
    # The task's exception route is an interrupting boundary escalation event with its flow.
    boundary = process.find("bpmn:boundaryEvent", NS)
    assert boundary.get("attachedToRef") == "s2" and boundary.get("cancelActivity") == "true"
    assert boundary.find("bpmn:escalationEventDefinition", NS) is not None
    flows = {f.get("id"): f for f in process.findall("bpmn:sequenceFlow", NS)}
    from_boundary = [f for f in flows.values() if f.get("sourceRef") == boundary.get("id")]
    assert [f.get("targetRef") for f in from_boundary] == ["s4"]
    # On the decision, the route is a marked outgoing flow; the decision's own exits keep their labels.
    marked = [f for f in flows.values() if f.get("sourceRef") == "s3" and f.get(f"{{{OM_NS}}}exception")]
    assert [f.get("targetRef") for f in marked] == ["s4"]
    assert flows["f3"].get("name") == "yes" and flows["f4"].get("name") == "no"
    # Approve has two ways out and is no decision: an explicit exclusive split gateway says "one of them".
    split = [g for g in process.findall("bpmn:exclusiveGateway", NS) if g.get(f"{{{OM_NS}}}split")]
    assert len(split) == 1
    assert flows["f5"].get("sourceRef") == flows["f6"].get("sourceRef") == split[0].get("id")
    # An id that is no XML name is spelt as one, and the plan's id travels beside it.
    post = process.find("bpmn:task[@name='Post']", NS)
    assert post.get("id") != "9bad id" and post.get(f"{{{OM_NS}}}id") == "9bad id"
    lead = process.find("bpmn:laneSet/bpmn:lane[@name='Team lead']", NS)
    assert lead.get(f"{{{OM_NS}}}role") == "r lead"
    # Every node has a shape, every flow an edge; pools and lanes horizontal, the gateway marker shown.
    shapes = {s.get("bpmnElement"): s for s in root.iter(f"{{{BPMNDI_NS}}}BPMNShape")}
    edges = {e.get("bpmnElement") for e in root.iter(f"{{{BPMNDI_NS}}}BPMNEdge")}
    nodes = [n for n in process if n.tag.split("}")[1] not in ("laneSet", "sequenceFlow")]
    assert all(n.get("id") in shapes for n in nodes)
    assert set(flows) == edges
    pool = root.find("bpmn:collaboration/bpmn:participant", NS).get("id")
    assert shapes[pool].get("isHorizontal") == "true"
    assert shapes["r-clerk"].get("isHorizontal") == "true"
    assert shapes["s3"].get("isMarkerVisible") == "true"
    assert schema_errors(etree.tostring(root)) == []


def test_file_names_say_use_case_and_variant():
    plan = _tiny_plan()
    assert file_name(plan.use_cases[0], "redesigned") == "Invoices - redesigned.bpmn"
    odd = plan.use_cases[0].model_copy(update={"name": "A/B: <test>"})
    assert "/" not in file_name(odd, "current") and ":" not in file_name(odd, "current")
