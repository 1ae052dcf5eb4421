"""A BPMN 2.0 file read into a process map, with the list of what did not come across as it is.

Nothing changes in the plan here: ``read_bpmn`` returns a ``BpmnImport`` to preview, and
``import_command`` (``apply``) makes it one undoable edit. Every flow node of the file is either
imported (``BpmnImport.imported``) or listed with a code (``BpmnImport.degradations``).

Our own export comes back whole: ids, lanes, kinds, names, minutes, AI, thresholds, exception
routes and rates, lineage and positions. Files from other tools get what an analyst would expect:
lanes matched to the plan's roles by our role id, then by name; sub-processes collapsed to one
step; other gateways taken as decisions; boundary events as exception routes; positions from
the diagram where it has one and its shapes do not overlap in our lanes, else the automatic layout.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..fileio.text_repair import repair_text
from ..model import AiIntervention, Flow, Plan, ProcessMap, Role, RoleKind, Step, StepKind, new_id
from ..model.base import MAX_ID, MAX_TEXT
from ..model.plan import MAX_FLOWS, MAX_LANES, MAX_MINUTES, MAX_POSITION, MAX_STEPS
from ..model.walk import find_place, iter_entities
from ..process.layout import FIRST_X, STEP_HEIGHT, STEP_WIDTH, auto_layout, clamp_into_lane, lane_centre_y, lane_top
from .degradations import Degradation
from .names import BPMN_NS, BPMNDI_NS, DC_NS, bpmn, om
from .safe_xml import BpmnFileError, parse_bpmn_xml

# Flow nodes by BPMN element: the step kind each becomes, and the code when that loses something.
_NODES: dict[str, tuple[StepKind, str | None]] = {
    "startEvent": (StepKind.START, None),
    "endEvent": (StepKind.END, None),
    "task": (StepKind.TASK, None),
    "sendTask": (StepKind.HANDOFF, None),
    "userTask": (StepKind.TASK, "task-type"),
    "manualTask": (StepKind.TASK, "task-type"),
    "serviceTask": (StepKind.TASK, "task-type"),
    "scriptTask": (StepKind.TASK, "task-type"),
    "businessRuleTask": (StepKind.TASK, "task-type"),
    "receiveTask": (StepKind.TASK, "task-type"),
    "callActivity": (StepKind.TASK, "call-activity"),
    "subProcess": (StepKind.TASK, "subprocess-collapsed"),
    "transaction": (StepKind.TASK, "subprocess-collapsed"),
    "adHocSubProcess": (StepKind.TASK, "subprocess-collapsed"),
    "exclusiveGateway": (StepKind.DECISION, None),
    "parallelGateway": (StepKind.DECISION, "gateway-as-decision"),
    "inclusiveGateway": (StepKind.DECISION, "gateway-as-decision"),
    "eventBasedGateway": (StepKind.DECISION, "gateway-as-decision"),
    "complexGateway": (StepKind.DECISION, "gateway-as-decision"),
    "intermediateCatchEvent": (StepKind.TASK, "event-as-step"),
    "intermediateThrowEvent": (StepKind.TASK, "event-as-step"),
}
FLOW_NODES = frozenset(_NODES) | {"boundaryEvent"}
"""Every BPMN element that is a flow node, for "every flow node accounted for"."""
_CONTAINERS = ("subProcess", "transaction", "adHocSubProcess")
_DROPPED = {
    "dataObject": "data-dropped",
    "dataObjectReference": "data-dropped",
    "dataStoreReference": "data-dropped",
    "textAnnotation": "annotation-dropped",
    "group": "annotation-dropped",
}
_QUIET = {"laneSet", "sequenceFlow", "association", "documentation", "extensionElements", "ioSpecification"}
_QUIET |= {"property", "auditing", "monitoring", "supports", "correlationSubscription", "resourceRole"}
_QUIET |= {"performer", "humanPerformer", "potentialOwner"}


@dataclass(frozen=True)
class LaneMatch:
    """One lane of the file and the role it becomes."""

    lane_name: str
    role_id: str
    role_name: str
    how: str
    """'id' or 'name' for a role the plan has, 'new' for one the import creates."""


@dataclass
class BpmnImport:
    """What importing a file would do, before anything changes."""

    pmap: ProcessMap
    new_roles: list[Role]
    lanes: list[LaneMatch]
    degradations: list[Degradation]
    auto_layout: bool
    process_name: str
    imported: dict[str, str] = field(default_factory=dict)
    """Element id in the file -> the step it became (or was merged into)."""

    def summary(self) -> list[str]:
        """What the preview says will be created, one line each."""
        steps, flows = len(self.pmap.steps), len(self.pmap.flows)
        lines = [f"{steps} step{'s' * (steps != 1)}, {flows} flow{'s' * (flows != 1)} in {len(self.lanes)} lanes"]
        for lane in self.lanes:
            if lane.how == "new":
                lines.append(f"Lane '{lane.lane_name}': new role '{lane.role_name}'")
            else:
                lines.append(f"Lane '{lane.lane_name}': existing role '{lane.role_name}' (matched by {lane.how})")
        if self.auto_layout:
            lines.append("Uses automatic layout: the file has no usable diagram for our lanes.")
        return lines

    def report(self) -> str:
        """The whole preview as plain text, to save beside the plan."""
        lines = [f"BPMN import of '{self.process_name}'", "", *self.summary(), ""]
        if self.degradations:
            lines.append(f"{len(self.degradations)} element(s) that do not come across as they are:")
            lines += [f"- {d.line()}" for d in self.degradations]
        else:
            lines.append("Every element comes across as it is.")
        return "\n".join(lines) + "\n"


@dataclass
class _Lane:
    element_id: str
    name: str
    role_hint: str | None
    kind_hint: str | None
    nodes: set[str]


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _is_bpmn(element) -> bool:
    return isinstance(element.tag, str) and element.tag.startswith(f"{{{BPMN_NS}}}")


def _name(element) -> str:
    exact = element.get(om("name"))
    if exact is not None:
        try:
            value = json.loads(exact)
            if isinstance(value, str):
                return repair_text(value[:MAX_TEXT])  # JSON can spell half an emoji; no plan holds one
        except ValueError:
            pass
    return (element.get("name") or "")[:MAX_TEXT]


def _json_text(element, attribute: str) -> str:
    """Text our export wrote as a JSON string (exact, whatever characters it holds), or ""."""
    raw = element.get(attribute)
    if not raw:
        return ""
    try:
        value = json.loads(raw)
    except ValueError:
        return ""
    return repair_text(value[:MAX_TEXT]) if isinstance(value, str) else ""


def _number(element, attribute: str, low: float, high: float) -> float | None:
    raw = element.get(attribute)
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        return None
    return min(high, max(low, value)) if math.isfinite(value) else None


def _children(element, local: str):
    return [c for c in element if _is_bpmn(c) and _local(c) == local]


def read_bpmn(raw: bytes, plan: Plan, map_id: str, path: Path | str | None = None) -> BpmnImport:
    """The map that importing ``raw`` into the plan's map ``map_id`` would make (it replaces the
    map's steps, flows and lanes), the roles it would add and what does not come across."""
    return read_bpmn_tree(parse_bpmn_xml(raw, path), plan, map_id, path)


def read_bpmn_tree(root, plan: Plan, map_id: str, path: Path | str | None = None) -> BpmnImport:
    """As :func:`read_bpmn`, from a tree :func:`parse_bpmn_xml` already gave (the tree is only
    read, so one parse serves every map the user tries in the preview)."""
    return _Reader(root, plan, map_id, path).read()


class _Reader:
    def __init__(self, root, plan: Plan, map_id: str, path):
        self.root, self.plan, self.map_id, self.path = root, plan, map_id, path
        self.target: ProcessMap = find_place(plan, map_id).entity
        replaced = {s.id for s in self.target.steps} | {f.id for f in self.target.flows}
        self.taken = {e.id for e in iter_entities(plan)} - replaced
        self.old_steps = {s.id for s in self.target.steps}
        self.degradations: list[Degradation] = []
        self.imported: dict[str, str] = {}
        self.step_elements: dict[str, Step] = {}

    def note(self, code: str, element) -> None:
        self.degradations.append(Degradation(code, _local(element), _name(element), element.get("id") or ""))

    def fresh(self, wanted: str | None, prefix: str) -> str:
        if wanted and len(wanted) <= MAX_ID and wanted.strip() == wanted and wanted not in self.taken:
            self.taken.add(wanted)
            return wanted
        value = new_id(prefix)
        self.taken.add(value)
        return value

    # -- pools ---------------------------------------------------------------------------
    def pools(self):
        processes = {p.get("id"): p for p in _children(self.root, "process")}
        pools, used = [], set()
        for collaboration in _children(self.root, "collaboration"):
            for participant in _children(collaboration, "participant"):
                process = processes.get(participant.get("processRef"))
                if process is not None and process.get("id") not in used:
                    used.add(process.get("id"))
                    pools.append((participant, process))
                else:
                    self.note("pool-dropped", participant)
            for message_flow in _children(collaboration, "messageFlow"):
                self.note("message-flow-dropped", message_flow)
        # A process no pool shows but a call activity calls is what that activity does: its
        # steps stay out of the map (the call activity is one step), each one listed.
        called = {c.get("calledElement") for c in self.root.iter(bpmn("callActivity"))}
        for key, process in processes.items():
            if key in used:
                continue
            if key in called:
                for inner in process.iter():
                    if _is_bpmn(inner) and _local(inner) in FLOW_NODES:
                        self.note("called-process", inner)
            else:
                pools.append((None, process))
        live = [(part, proc) for part, proc in pools if any(_local(c) in FLOW_NODES for c in proc if _is_bpmn(c))]
        live = live or pools[:1]  # an empty map comes back empty, with its lanes
        for participant, process in pools:
            if (participant, process) not in live and participant is not None and participant.get("processRef"):
                self.note("pool-dropped", participant)
        for participant, process in live[1:]:
            self.note("pool-merged", participant if participant is not None else process)
        return live

    def lanes_of(self, participant, process) -> list[_Lane]:
        lanes: list[_Lane] = []

        def walk(lane_set) -> None:
            for lane in _children(lane_set, "lane"):
                inner = _children(lane, "childLaneSet")
                if inner and _children(inner[0], "lane"):
                    walk(inner[0])
                    continue
                nodes = {(r.text or "").strip() for r in _children(lane, "flowNodeRef")}
                lanes.append(
                    _Lane(lane.get("id") or "", _name(lane), lane.get(om("role")), lane.get(om("roleKind")), nodes)
                )

        for lane_set in _children(process, "laneSet"):
            walk(lane_set)
        if not lanes and any(_local(c) in FLOW_NODES for c in process if _is_bpmn(c)):
            name = (
                (_name(participant) if participant is not None else "")
                or _name(process)
                or self.root.get("name")
                or "Process"
            )
            lanes.append(_Lane(process.get("id") or "", name, None, None, set()))
        return lanes

    # -- the map -------------------------------------------------------------------------
    def read(self) -> BpmnImport:
        pools = self.pools()
        if not pools:
            raise BpmnFileError(self.path, "the file holds no process with steps to import")
        ours = pools[0][1].get(om("map")) is not None
        lane_list: list[_Lane] = []
        nodes: list[tuple[object, _Lane]] = []  # (element, lane) in file order
        flows: list = []
        for participant, process in pools:
            lanes = self.lanes_of(participant, process)
            lane_list += lanes
            for child in process:
                if not _is_bpmn(child):
                    continue  # a vendor's extension: kept by them, ignored by us
                local = _local(child)
                if local in FLOW_NODES:
                    lane = next((la for la in lanes if child.get("id") in la.nodes), lanes[0])
                    nodes.append((child, lane))
                    if local in _CONTAINERS:
                        self._collapse(child)
                elif local == "sequenceFlow":
                    flows.append(child)
                elif local in _DROPPED:
                    self.note(_DROPPED[local], child)
                elif local not in _QUIET:
                    self.note("unknown-element", child)
        for artifact in _children(self.root, "collaboration"):
            for child in artifact:
                if _is_bpmn(child) and _local(child) in _DROPPED:
                    self.note(_DROPPED[_local(child)], child)
        if len(lane_list) > MAX_LANES:
            raise BpmnFileError(self.path, f"the process has {len(lane_list)} lanes; a map holds at most {MAX_LANES}")
        count = sum(1 for e, _ in nodes if _local(e) != "boundaryEvent" and e.get(om("split")) != "true")
        if count > MAX_STEPS or len(flows) > MAX_FLOWS:  # checked before any step is built
            raise BpmnFileError(
                self.path,
                f"the process has {count:,} steps and {len(flows):,} flows; a map holds at most "
                f"{MAX_STEPS:,} steps and {MAX_FLOWS:,} flows",
            )
        role_of, matches, new_roles = self._roles(lane_list)
        steps, elements, boundaries, splits = self._steps(nodes, role_of)
        plan_flows = self._flows(flows, steps, elements, boundaries, splits)
        lanes = list(dict.fromkeys(role_of[id(la)] for la in lane_list))
        step_list = list(steps.values())
        pmap = ProcessMap(id=self.map_id, lanes=lanes, steps=step_list, flows=plan_flows)
        automatic = not self._place(pmap, ours)
        if automatic:
            for step_id, (x, y) in auto_layout(pmap).items():
                step = pmap.step(step_id)
                step.x, step.y = x, y
        title = _name(pools[0][0]) if pools[0][0] is not None else ""
        return BpmnImport(
            pmap=pmap,
            new_roles=new_roles,
            lanes=matches,
            degradations=self.degradations,
            auto_layout=automatic,
            process_name=title or _name(pools[0][1]) or self.root.get("name") or "process",
            imported=self.imported,
        )

    def _collapse(self, container) -> None:
        for inner in container.iter():
            if inner is not container and _is_bpmn(inner) and _local(inner) in FLOW_NODES:
                self.note("subprocess-content", inner)

    def _roles(self, lane_list: list[_Lane]):
        by_name = {r.name.strip().lower(): r for r in self.plan.roles}
        role_of: dict[int, str] = {}
        matches: list[LaneMatch] = []
        new_roles: list[Role] = []
        for number, lane in enumerate(lane_list, start=1):
            name = lane.name.strip() or f"Lane {number}"
            role = self.plan.role(lane.role_hint) if lane.role_hint else None
            how = "id"
            if role is None:
                role, how = by_name.get(name.lower()), "name"
            if role is None:
                try:
                    kind = RoleKind(lane.kind_hint) if lane.kind_hint else RoleKind.HUMAN
                except ValueError:
                    kind = RoleKind.HUMAN
                role = Role(id=self.fresh(lane.role_hint, "role"), name=name, kind=kind)
                new_roles.append(role)
                by_name[name.lower()] = role
                how = "new"
            elif any(r.id == role.id for r in new_roles):
                how = "new"
            role_of[id(lane)] = role.id
            if not any(m.role_id == role.id and m.lane_name == name for m in matches):
                matches.append(LaneMatch(name, role.id, role.name, how))
        return role_of, matches, new_roles

    def _steps(self, nodes, role_of):
        steps: dict[str, Step] = {}  # by element id
        elements: dict[str, object] = {}
        boundaries, splits = [], {}
        for element, lane in nodes:
            local = _local(element)
            element_id = element.get("id") or ""
            if element_id in elements or not element_id:  # kept, under a key no flow can name
                if element_id:
                    self.note("duplicate-id", element)
                element_id = f"{element_id}#{len(elements)}"
            elements[element_id] = element
            if local == "boundaryEvent":
                boundaries.append(element)
                continue
            if local == "exclusiveGateway" and element.get(om("split")) == "true":
                splits[element_id] = element
                continue
            kind, code = _NODES[local]
            if code:
                self.note(code, element)
            if local in ("startEvent", "endEvent") and any(
                _local(c).endswith("EventDefinition") or _local(c) == "eventDefinitionRef"
                for c in element
                if _is_bpmn(c)
            ):
                self.note("event-trigger", element)
            if any(_local(c) in ("standardLoopCharacteristics", "multiInstanceLoopCharacteristics") for c in element):
                self.note("loop-dropped", element)
            ai = element.get(om("ai"), "none")
            step = Step(
                id=self.fresh(element.get(om("id")) or element_id, "step"),
                kind=kind,
                name=_name(element),
                lane=role_of[id(lane)],
                minutes=_number(element, om("minutes"), 0, MAX_MINUTES) or 0,
                ai=AiIntervention(ai) if ai in AiIntervention._value2member_map_ else AiIntervention.NONE,
                confidence_threshold=_number(element, om("threshold"), 0, 100),
                exception_rate=_number(element, om("exceptionRate"), 0, 100),
                exception_trigger=_json_text(element, om("exceptionTrigger")),
            )
            lineage = element.get(om("derivedFrom"))
            if lineage:
                if self.plan.find_step(lineage) is not None and lineage not in self.old_steps:
                    step.derived_from = lineage
                else:
                    self.note("lineage-dropped", element)
            steps[element_id] = step
            self.step_elements[element_id] = step
            self.imported[element_id] = step.id
        by_plan_id = {(elements[e].get(om("id")) or e): s for e, s in steps.items()}
        for element_id, step in steps.items():
            route = elements[element_id].get(om("exceptionRoute"))
            if route and route in by_plan_id:
                step.exception_route = by_plan_id[route].id
        return steps, elements, boundaries, splits

    def _flows(self, flows, steps, elements, boundaries, splits) -> list[Flow]:
        by_source: dict[str, list] = {}
        for flow in flows:
            by_source.setdefault(flow.get("sourceRef") or "", []).append(flow)
        # Our split gateways go: their branches leave from the step before them.
        alias: dict[str, str] = {}
        for split_id in splits:
            into = [f for f in flows if f.get("targetRef") == split_id and f.get("sourceRef") in steps]
            if into:
                alias[split_id] = into[0].get("sourceRef")
                self.imported[split_id] = steps[alias[split_id]].id
        consumed: set[int] = set()

        def canonical(boundary) -> bool:
            """Ours, or drawn as MIWG A.3.0 draws an exception: interrupting escalation, one way out."""
            if boundary.get(om("exception")) == "true":
                return True
            escalation = any(_local(c) == "escalationEventDefinition" for c in boundary)
            return escalation and boundary.get("cancelActivity") != "false"

        # Where a task has several boundary events, the escalation is its exception route.
        for boundary in sorted(boundaries, key=lambda b: not canonical(b)):
            attached = steps.get(boundary.get("attachedToRef") or "")
            outgoing = [f for f in by_source.get(boundary.get("id") or "", []) if f.get("targetRef") in steps]
            for flow in by_source.get(boundary.get("id") or "", []):
                consumed.add(id(flow))
            if attached is None or not outgoing:
                self.note("boundary-dropped", boundary)
                continue
            self.imported[boundary.get("id") or ""] = attached.id
            exact = canonical(boundary) and len(outgoing) == 1
            for number, flow in enumerate(outgoing):
                target = steps[flow.get("targetRef")]
                if number == 0 and attached.exception_route is None:
                    attached.exception_route = target.id
                    if not exact:
                        self.note("boundary-as-exception", boundary)
                else:
                    self.note("boundary-as-flow", boundary)
                    consumed.discard(id(flow))
                    flow.set("sourceRef", boundary.get("attachedToRef"))
        result: list[Flow] = []
        for flow in flows:
            if id(flow) in consumed or flow.get(om("split")) == "true":
                continue
            source_id = alias.get(flow.get("sourceRef") or "", flow.get("sourceRef") or "")
            source, target = steps.get(source_id), steps.get(flow.get("targetRef") or "")
            if source is None or target is None:
                if (flow.get("sourceRef") or "") not in splits:
                    self.note("flow-dropped", flow)
                continue
            if flow.get(om("exception")) == "true":
                source.exception_route = target.id
                continue
            if _children(flow, "conditionExpression"):
                self.note("condition-dropped", flow)
            result.append(
                Flow(
                    id=self.fresh(flow.get(om("id")) or flow.get("id"), "flow"),
                    source=source.id,
                    target=target.id,
                    label=_name(flow),
                )
            )
        return result

    # -- positions -----------------------------------------------------------------------
    def _shapes(self) -> dict[str, tuple[float, float, float, float, object]]:
        shapes = {}
        for shape in self.root.iter(f"{{{BPMNDI_NS}}}BPMNShape"):
            bounds = shape.find(f"{{{DC_NS}}}Bounds")
            key = shape.get("bpmnElement")
            if bounds is None or not key or key in shapes:
                continue
            try:
                box = tuple(float(bounds.get(k, "nan")) for k in ("x", "y", "width", "height"))
            except ValueError:
                continue
            if all(math.isfinite(v) for v in box):
                shapes[key] = (*box, shape)
        return shapes

    def _place(self, pmap: ProcessMap, ours: bool) -> bool:
        """Positions from the diagram; False where the automatic layout should place the steps."""
        if not pmap.steps:
            return True
        shapes = self._shapes()
        placed: dict[str, tuple[float, float]] = {}
        for element_id, step in self.step_elements.items():
            if element_id not in shapes:
                return False
            x, y, w, h, shape = shapes[element_id]
            cx = _number(shape, om("x"), -MAX_POSITION, MAX_POSITION) if ours else None
            cy = _number(shape, om("y"), -MAX_POSITION, MAX_POSITION) if ours else None
            placed[step.id] = (x + w / 2 if cx is None else cx, y + h / 2 if cy is None else cy)
        if any(abs(v) > MAX_POSITION for xy in placed.values() for v in xy):
            return False
        if ours:
            for step in pmap.steps:
                step.x, step.y = placed[step.id]
            return True
        return self._fit_foreign(pmap, shapes, placed)

    def _fit_foreign(self, pmap: ProcessMap, shapes, placed) -> bool:
        """Another tool's diagram in our lanes: its horizontal order and spacing (widened where
        its shapes are narrower than ours) and each step's height within its lane. False where
        steps would still overlap."""
        lane_top_in_file: dict[str, float] = {}
        for lane_element in self.root.iter(f"{{{BPMN_NS}}}lane"):
            key = lane_element.get("id")
            if key in shapes:
                for ref in _children(lane_element, "flowNodeRef"):
                    lane_top_in_file.setdefault((ref.text or "").strip(), shapes[key][1])
        element_of = {step.id: element_id for element_id, step in self.step_elements.items()}
        left = min(x for x, _ in placed.values())
        for step in pmap.steps:
            cx, cy = placed[step.id]
            index = pmap.lanes.index(step.lane)
            top = lane_top_in_file.get(element_of[step.id])
            step.x = cx - left
            step.y = (
                round(clamp_into_lane(lane_top(index) + cy - top, index)) if top is not None else lane_centre_y(index)
            )
        closest = _closest_in_row(pmap.steps)
        if closest == 0:
            return False
        factor = max(1.0, (STEP_WIDTH + 40) / closest) if closest is not None else 1.0
        if factor > MAX_WIDENING:
            return False
        for step in pmap.steps:
            step.x = round(FIRST_X + step.x * factor)
        return True


MAX_WIDENING = 5.0
"""A diagram drawn more than five times tighter than our steps is better laid out afresh."""


def _closest_in_row(steps: list[Step]) -> float | None:
    """The least horizontal distance between two steps of one lane at about the same height
    (None where no two share a row): what the diagram must be widened by for ours to fit."""
    by_lane: dict[str, list[Step]] = {}
    for step in steps:
        by_lane.setdefault(step.lane, []).append(step)
    closest = None
    reach = (STEP_WIDTH + 40) * MAX_WIDENING
    for row in by_lane.values():
        row.sort(key=lambda s: s.x)
        for i, a in enumerate(row):
            for b in row[i + 1 :]:
                gap = b.x - a.x
                if gap >= reach:
                    break
                if abs(a.y - b.y) < STEP_HEIGHT and (closest is None or gap < closest):
                    closest = gap
    return closest
