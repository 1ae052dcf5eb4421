"""A process map as BPMN 2.0 XML with diagram interchange, for Signavio, Camunda and the like.

One collaboration with one pool for the map (``isExecutable="false"``: it describes work, it
does not run), a lane per role in the map's lane order, and every step as the BPMN element an
analyst would draw: start and end events, tasks, handoffs as send tasks, decisions as exclusive
gateways. Where BPMN reads our map differently, the export says what we mean:

- an exception route on a task is an interrupting boundary escalation event with its flow (as
  MIWG A.3.0 draws it); on a decision or a start it is an outgoing flow marked ``om:exception``;
- a step that is not a decision but has several outgoing flows gets an exclusive split gateway
  (BPMN reads an implicit split as "do both", our maps mean "one or the other").

Ids and element order come from the map alone, so exporting an unchanged map again gives the
same bytes. ``names`` documents the OM Planner namespace.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..model import Plan, ProcessMap, RoleKind, Step, StepKind, UseCase
from ..process.layout import LANE_HEIGHT, STEP_HEIGHT, STEP_WIDTH, lane_top
from .names import BPMNDI_NS, DC_NS, DI_NS, NSMAP, IdAllocator, bpmn, ncname, number, om, xml_text

VARIANT_WORDS = {"current": "Current", "redesigned": "Redesigned"}
EVENT_SIZE = 36.0
GATEWAY_SIZE = 50.0
SPLIT_SIZE = 30.0
POOL_HEADER = 30.0

_ELEMENT = {
    StepKind.START: "startEvent",
    StepKind.END: "endEvent",
    StepKind.TASK: "task",
    StepKind.HANDOFF: "sendTask",
    StepKind.DECISION: "exclusiveGateway",
}
ACTIVITY_KINDS = (StepKind.TASK, StepKind.HANDOFF)


def shape_size(kind: StepKind) -> tuple[float, float]:
    """The width and height of a step's BPMN shape (the centre is the step's place)."""
    if kind in (StepKind.START, StepKind.END):
        return EVENT_SIZE, EVENT_SIZE
    if kind == StepKind.DECISION:
        return GATEWAY_SIZE, GATEWAY_SIZE
    return STEP_WIDTH, STEP_HEIGHT


def _di(tag: str) -> str:
    return f"{{{BPMNDI_NS}}}{tag}"


@dataclass
class _Edge:
    id: str
    source: str
    target: str
    name: str = ""
    exact_name: str | None = None
    marks: tuple[tuple[str, str], ...] = ()
    element_id: str = ""


@dataclass
class _Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w


def file_name(use_case: UseCase, variant: str) -> str:
    """``Invoice approval - redesigned.bpmn``: the use case's name made safe for any disk."""
    safe = "".join(c if c.isalnum() or c in " -_()&," else "_" for c in use_case.name).strip(" ._") or use_case.id
    return f"{safe[:80]} - {variant}.bpmn"


def export_map(plan: Plan, use_case: UseCase, variant: str) -> bytes:
    """The map of ``use_case`` (``variant`` 'current' or 'redesigned') as a UTF-8 BPMN file."""
    pmap: ProcessMap = getattr(use_case, variant)
    ids = IdAllocator()
    step_ids = {s.id: ids.take(ncname(s.id)) for s in pmap.steps}
    flow_ids = {f.id: ids.take(ncname(f.id)) for f in pmap.flows}
    lane_ids = {r: ids.take(ncname(r)) for r in pmap.lanes}
    base = ncname(pmap.id)
    collaboration_id = ids.take(f"Collaboration_{base}")
    participant_id = ids.take(f"Participant_{base}")
    process_id = ids.take(f"Process_{base}")

    root = etree.Element(bpmn("definitions"), nsmap=NSMAP)
    root.set("id", ids.take(f"Definitions_{base}"))
    root.set("targetNamespace", f"urn:omplanner:plan:{ncname(use_case.id)}")
    root.set("exporter", "OM Planner")
    collaboration = etree.SubElement(root, bpmn("collaboration"), id=collaboration_id)
    participant = etree.SubElement(collaboration, bpmn("participant"), id=participant_id)
    _set_name(participant, f"{use_case.name} ({VARIANT_WORDS[variant].lower()})")
    participant.set("processRef", process_id)

    outgoing: dict[str, list] = {s.id: [] for s in pmap.steps}
    for flow in pmap.flows:
        outgoing[flow.source].append(flow)
    splits = {s.id for s in pmap.steps if s.kind != StepKind.DECISION and len(outgoing[s.id]) > 1}
    split_ids = {s: ids.take(f"{step_ids[s]}_split") for s in sorted(splits, key=list(step_ids).index)}
    routed = [s for s in pmap.steps if s.exception_route]
    escalation_id = ""
    if any(s.kind in ACTIVITY_KINDS for s in routed):
        escalation_id = ids.take("Escalation_exception")
        escalation = etree.SubElement(root, bpmn("escalation"), id=escalation_id)
        escalation.set("name", "Exception")
        escalation.set("escalationCode", "exception")
    process = etree.SubElement(root, bpmn("process"), id=process_id, isExecutable="false")
    process.set(om("map"), pmap.id)
    process.set(om("useCase"), use_case.id)
    process.set(om("variant"), variant)

    # Every sequence flow, in a fixed order: the map's flows, then those the export adds.
    edges: list[_Edge] = []
    boundary_ids: dict[str, str] = {}
    for flow in pmap.flows:
        source = split_ids.get(flow.source, step_ids[flow.source])
        shown, exact = xml_text(flow.label)
        edges.append(_Edge(flow_ids[flow.id], source, step_ids[flow.target], shown, exact, element_id=flow.id))
    for step in pmap.steps:
        if step.id in split_ids:
            edges.append(
                _Edge(
                    ids.take(f"{step_ids[step.id]}_to_split"),
                    step_ids[step.id],
                    split_ids[step.id],
                    marks=(("split", "true"),),
                )
            )
    for step in routed:
        target = step_ids[step.exception_route]
        if step.kind in ACTIVITY_KINDS:
            boundary_ids[step.id] = ids.take(f"{step_ids[step.id]}_exception")
            source = boundary_ids[step.id]
        elif step.kind == StepKind.END:
            continue  # an end event has no way out in BPMN: the route travels as om:exceptionRoute
        else:
            source = step_ids[step.id]
        edges.append(
            _Edge(
                ids.take(f"{step_ids[step.id]}_exception_flow"),
                source,
                target,
                "" if step.id in boundary_ids else "exception",  # the boundary event says so already
                marks=(("exception", "true"),),
            )
        )
    incoming_of: dict[str, list[str]] = {}
    outgoing_of: dict[str, list[str]] = {}
    for edge in edges:
        outgoing_of.setdefault(edge.source, []).append(edge.id)
        incoming_of.setdefault(edge.target, []).append(edge.id)

    if pmap.lanes:
        lane_set = etree.SubElement(process, bpmn("laneSet"), id=ids.take(f"LaneSet_{base}"))
        for role_id in pmap.lanes:
            role = plan.role(role_id)
            lane = etree.SubElement(lane_set, bpmn("lane"), id=lane_ids[role_id])
            _set_name(lane, role.name if role else role_id)
            lane.set(om("role"), role_id)
            if role is not None and role.kind != RoleKind.HUMAN:
                lane.set(om("roleKind"), role.kind.value)
            if lane_ids[role_id] != role_id:
                lane.set(om("id"), role_id)
            for step in pmap.steps:
                if step.lane == role_id:
                    for node in (step_ids[step.id], split_ids.get(step.id), boundary_ids.get(step.id)):
                        if node:
                            etree.SubElement(lane, bpmn("flowNodeRef")).text = node

    def links(element, node_id: str) -> None:
        for edge_id in incoming_of.get(node_id, ()):
            etree.SubElement(element, bpmn("incoming")).text = edge_id
        for edge_id in outgoing_of.get(node_id, ()):
            etree.SubElement(element, bpmn("outgoing")).text = edge_id

    for step in pmap.steps:
        node = etree.SubElement(process, bpmn(_ELEMENT[step.kind]), id=step_ids[step.id])
        _set_name(node, step.name)
        _step_attributes(node, step, step_ids)
        links(node, step_ids[step.id])
        if step.id in split_ids:
            split = etree.SubElement(process, bpmn("exclusiveGateway"), id=split_ids[step.id])
            split.set(om("split"), "true")
            links(split, split_ids[step.id])
        if step.id in boundary_ids:
            boundary = etree.SubElement(process, bpmn("boundaryEvent"), id=boundary_ids[step.id])
            boundary.set("name", "Exception")
            boundary.set("attachedToRef", step_ids[step.id])
            boundary.set("cancelActivity", "true")
            boundary.set(om("exception"), "true")
            links(boundary, boundary_ids[step.id])
            definition = etree.SubElement(boundary, bpmn("escalationEventDefinition"))
            definition.set("id", ids.take(f"{boundary_ids[step.id]}_definition"))
            definition.set("escalationRef", escalation_id)
    for edge in edges:
        flow = etree.SubElement(process, bpmn("sequenceFlow"), id=edge.id, sourceRef=edge.source, targetRef=edge.target)
        if edge.name:
            flow.set("name", edge.name)
        if edge.exact_name is not None:
            flow.set(om("name"), edge.exact_name)
        if edge.element_id and edge.id != edge.element_id:
            flow.set(om("id"), edge.element_id)
        for key, value in edge.marks:
            flow.set(om(key), value)

    _diagram(
        root, ids, base, pmap, collaboration_id, participant_id, step_ids, lane_ids, split_ids, boundary_ids, edges
    )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _set_name(element, text: str) -> None:
    shown, exact = xml_text(text)
    if shown:
        element.set("name", shown)
    if exact is not None:
        element.set(om("name"), exact)


def _step_attributes(node, step: Step, step_ids: dict[str, str]) -> None:
    if step_ids[step.id] != step.id:
        node.set(om("id"), step.id)
    if step.minutes:
        node.set(om("minutes"), number(step.minutes))
    if step.is_ai:
        node.set(om("ai"), step.ai.value)
    if step.confidence_threshold is not None:
        node.set(om("threshold"), number(step.confidence_threshold))
    if step.exception_rate is not None:
        node.set(om("exceptionRate"), number(step.exception_rate))
    if step.exception_route and step.kind == StepKind.END:
        node.set(om("exceptionRoute"), step.exception_route)
    if step.derived_from:
        node.set(om("derivedFrom"), step.derived_from)


def _bounds(parent, box: _Box) -> None:
    etree.SubElement(
        parent, f"{{{DC_NS}}}Bounds", x=number(box.x), y=number(box.y), width=number(box.w), height=number(box.h)
    )


def _diagram(
    root, ids, base, pmap, collaboration_id, participant_id, step_ids, lane_ids, split_ids, boundary_ids, edges
):
    diagram = etree.SubElement(root, _di("BPMNDiagram"), id=ids.take(f"Diagram_{base}"))
    plane = etree.SubElement(diagram, _di("BPMNPlane"), id=ids.take(f"Plane_{base}"), bpmnElement=collaboration_id)
    boxes: dict[str, _Box] = {}
    for step in pmap.steps:
        w, h = shape_size(step.kind)
        boxes[step_ids[step.id]] = _Box(step.x - w / 2, step.y - h / 2, w, h)
        if step.id in split_ids:
            boxes[split_ids[step.id]] = _Box(step.x + w / 2 + 5, step.y - SPLIT_SIZE / 2, SPLIT_SIZE, SPLIT_SIZE)
        if step.id in boundary_ids:
            boxes[boundary_ids[step.id]] = _Box(
                step.x + w / 2 - EVENT_SIZE - 10, step.y + h / 2 - EVENT_SIZE / 2, EVENT_SIZE, EVENT_SIZE
            )
    left = min([60.0 - STEP_WIDTH / 2, *(b.x for b in boxes.values())]) - POOL_HEADER - 20
    right = max([left + 600, *(b.right for b in boxes.values())]) + 40
    height = max(len(pmap.lanes), 1) * LANE_HEIGHT
    pool = etree.SubElement(plane, _di("BPMNShape"), id=ids.take(f"{participant_id}_di"), bpmnElement=participant_id)
    pool.set("isHorizontal", "true")
    _bounds(pool, _Box(left, 0, right - left, height))
    for index, role_id in enumerate(pmap.lanes):
        lane = etree.SubElement(
            plane, _di("BPMNShape"), id=ids.take(f"{lane_ids[role_id]}_di"), bpmnElement=lane_ids[role_id]
        )
        lane.set("isHorizontal", "true")
        _bounds(lane, _Box(left + POOL_HEADER, lane_top(index), right - left - POOL_HEADER, LANE_HEIGHT))
    for step in pmap.steps:
        node_id = step_ids[step.id]
        shape = etree.SubElement(plane, _di("BPMNShape"), id=ids.take(f"{node_id}_di"), bpmnElement=node_id)
        if step.kind == StepKind.DECISION:
            shape.set("isMarkerVisible", "true")
        box = boxes[node_id]
        # The importer reads the centre back as x + w / 2; where floating point loses the
        # last digit that way, the exact centre rides along.
        if box.x + box.w / 2 != step.x:
            shape.set(om("x"), repr(step.x))
        if box.y + box.h / 2 != step.y:
            shape.set(om("y"), repr(step.y))
        _bounds(shape, box)
        for extra in (split_ids.get(step.id), boundary_ids.get(step.id)):
            if extra:
                shape = etree.SubElement(plane, _di("BPMNShape"), id=ids.take(f"{extra}_di"), bpmnElement=extra)
                if extra == split_ids.get(step.id):
                    shape.set("isMarkerVisible", "true")
                _bounds(shape, boxes[extra])
    for edge in edges:
        element = etree.SubElement(plane, _di("BPMNEdge"), id=ids.take(f"{edge.id}_di"), bpmnElement=edge.id)
        points = _waypoints(boxes[edge.source], boxes[edge.target], from_below=edge.source in boundary_ids.values())
        for x, y in points:
            etree.SubElement(element, f"{{{DI_NS}}}waypoint", x=number(x), y=number(y))
        if edge.name:
            mid_x, mid_y = _label_place(points)
            label = etree.SubElement(element, _di("BPMNLabel"))
            _bounds(label, _Box(mid_x + 4, mid_y - 18, 80, 14))


GAP = 20.0
"""How far a route keeps from the shapes it goes round."""


def _waypoints(source: _Box, target: _Box, from_below: bool) -> list[tuple[float, float]]:
    """An orthogonal route that does not cross its own two shapes: forward from the source's
    right side to the target's left, straight down or up between shapes stacked in one column,
    and back round underneath for a loop. A boundary event's route leaves from its bottom."""
    sx, sy = source.x + source.w / 2, source.y + source.h / 2
    tx, ty = target.x + target.w / 2, target.y + target.h / 2
    below = max(source.y + source.h, target.y + target.h) + GAP
    if source == target:  # a step that leads back to itself
        return [
            (source.right, sy),
            (source.right + GAP, sy),
            (source.right + GAP, below),
            (sx, below),
            (sx, below - GAP),
        ]
    if from_below:
        start = (sx, source.y + source.h)
        if target.x >= sx + GAP / 2:
            return [start, (sx, ty), (target.x, ty)]
        if target.right <= sx - GAP / 2:
            return [start, (sx, ty), (target.right, ty)]
        if target.y > start[1]:
            return [start, (sx, target.y)]
        return [start, (sx, below), (target.x - GAP, below), (target.x - GAP, ty), (target.x, ty)]
    if target.x >= source.right + GAP / 2:  # forward
        if sy == ty:
            return [(source.right, sy), (target.x, ty)]
        mid = (source.right + target.x) / 2
        return [(source.right, sy), (mid, sy), (mid, ty), (target.x, ty)]
    if target.y >= source.y + source.h:  # straight down
        mid = (source.y + source.h + target.y) / 2
        return [(sx, source.y + source.h), (sx, mid), (tx, mid), (tx, target.y)]
    if target.y + target.h <= source.y:  # straight up
        mid = (target.y + target.h + source.y) / 2
        return [(sx, source.y), (sx, mid), (tx, mid), (tx, target.y + target.h)]
    # Back to a step beside it in the same row: round underneath both.
    return [(sx, source.y + source.h), (sx, below), (tx, below), (tx, target.y + target.h)]


def _label_place(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the route's middle segment, where a label reads as belonging to it."""
    index = (len(points) - 1) // 2
    (x1, y1), (x2, y2) = points[index], points[index + 1]
    return (x1 + x2) / 2, (y1 + y2) / 2
