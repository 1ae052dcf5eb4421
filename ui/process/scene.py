"""The scene: a projection of one process map, kept as ``dict[id, item]``.

It is rebuilt from the plan when the map's structure changes, and otherwise refreshes only
the items a change names. It never edits the plan: mouse events go to the editor
(``ui.process.gestures``), which turns each interaction into one command.
"""

from __future__ import annotations

from collections import defaultdict

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtWidgets import QGraphicsScene

from omplanner.commands import ChangeSet
from omplanner.model import Plan, ProcessMap, Step
from omplanner.process.layout import LANE_HEIGHT, STEP_HEIGHT, STEP_WIDTH, clamp_into_lane, lane_at
from omplanner.vocabulary import exception_words, severity_rank

from .arrows import ArrowItem
from .flows import ArrowItems, FlowBands, FlowRoute
from .ghosts import GhostStepItem
from .items import LANE_LEFT, StepItem
from .lanes import LaneItem
from .routing import label_anchor, offset_route, route
from .style import CanvasStyle, canvas_style

_CELL_W, _CELL_H = 190.0, 130.0


def find_map(plan: Plan, map_id: str | None) -> ProcessMap | None:
    return next((pmap for _uc, _variant, pmap in plan.maps() if pmap.id == map_id), None)


class ProcessScene(QGraphicsScene):
    lane_activated = Signal(str)
    """The header of a lane was clicked: lane actions now apply to this role's lane."""

    def __init__(self, parent=None, style: CanvasStyle | None = None):
        super().__init__(parent)
        self.style = style or canvas_style()
        # No background brush: the canvas colour is painted by whoever shows the scene (the
        # view's drawBackground, render_to_file's first fill), so a render never fills the whole
        # map twice. Ask canvas_colour() for it.
        self.map_id: str | None = None
        self.lane_ids: list[str] = []
        self.steps: dict[str, StepItem] = {}
        self.flows: dict[str, FlowRoute] = {}
        """Every flow and exception route, by key; most plain flows have no item."""
        self.arrows = ArrowItems(self)
        self.lanes: dict[str, LaneItem] = {}
        self._attached: dict[str, set[str]] = defaultdict(set)
        self.editor = None
        """The MapEditor that turns mouse events into commands, if the map can be edited."""
        self.active_lane: str | None = None
        self.findings: list = []
        self.diff_states: dict[str, str] = {}
        self.other_copy = None
        """Another copy's differences shown over the map (``compare.overlay.OverlayMarks``), or None."""
        self.ghosts: dict[str, GhostStepItem] = {}
        self._grid: dict | None = None
        self._at: dict[str, tuple[float, float]] = {}
        """Where each step's item is: routing reads these numbers rather than asking Qt."""
        self.flow_bands = FlowBands(self, self.style)
        self.selectionChanged.connect(self._selection_changed)

    # -- building -------------------------------------------------------------------------
    def show_map(self, plan: Plan, map_id: str | None) -> None:
        """Rebuild every item from the map (selection kept by id)."""
        selected = self.selected_ids()
        self.flow_bands = FlowBands(self, self.style)  # before clear(): the old bands go with it
        self.clear()
        self.ghosts.clear()
        self.steps.clear()
        self.flows.clear()
        self.lanes.clear()
        self._attached.clear()
        self._grid = None
        self._at.clear()
        self.map_id = map_id
        pmap = self._map(plan)
        if pmap is None:
            self.lane_ids = []
            return
        self.lane_ids = list(pmap.lanes)
        for step in pmap.steps:
            item = StepItem(step.id, self.style)
            self.steps[step.id] = item
            self._apply_step(item, step)
            self.addItem(item)
        steps = self.steps
        for flow in pmap.flows:
            if flow.source in steps and flow.target in steps:
                self._add_route(FlowRoute(flow.id, flow.source, flow.target, label=flow.label))
        for step in pmap.steps:
            self._sync_exception(step)
        self._build_lanes(plan, pmap)
        self._apply_marks()
        for entity_id in selected:
            item = self.steps.get(entity_id) or self.arrows.get(entity_id)
            if item is not None:
                item.setSelected(True)

    def refresh(self, plan: Plan, changes: ChangeSet) -> None:
        """Update after an edit: rebuild on structure, else refresh the named steps and flows."""
        if self.map_id is None:
            return
        pmap = self._map(plan)
        if pmap is None or self._needs_rebuild(pmap, changes):
            if pmap is None or not self._add_and_remove(pmap, changes):
                self.show_map(plan, self.map_id)
                return
        moved: set[str] = set()
        for change in changes:
            if change.kind != "modified":
                continue
            if change.id in self.steps:
                step = pmap.step(change.id)
                self._apply_step(self.steps[change.id], step)
                self._sync_exception(step)
                moved.add(change.id)
            elif change.id in self.flows and change.entity_type == "Flow":
                flow = next(f for f in pmap.flows if f.id == change.id)
                route = self.flows[change.id]
                route.label = flow.label
                if route.item is not None:
                    route.item.set_label(flow.label)
                self._route(route)
        if moved:
            self.reroute(moved)
            self._resize_lanes()

    def _needs_rebuild(self, pmap: ProcessMap, changes: ChangeSet) -> bool:
        for change in changes:
            # a role shows here only as a lane's header: one that is no lane of this map (a RACI
            # role removed, renamed or restored) changes nothing drawn
            if change.id == pmap.id or (change.entity_type == "Role" and change.id in pmap.lanes):
                return True
            if change.kind != "modified" and (change.parent == pmap.id or change.id in self.steps):
                return True
            if change.entity_type == "Flow" and change.id in self.flows and {"source", "target"} & set(change.fields):
                return True
        return False

    def _add_and_remove(self, pmap: ProcessMap, changes: ChangeSet) -> bool:
        """Add and remove the items of the steps and flows an edit added to or removed from
        this map, as adding a step or deleting a few does, rather than rebuilding the whole map
        (thousands of items on a large one). False, having changed nothing, when the edit
        did more than that (lanes, roles, reordering): the caller rebuilds."""
        structural = [c for c in changes if c.kind != "modified"]
        for change in structural:
            if change.parent != pmap.id or change.kind == "moved" or change.entity_type not in ("Step", "Flow"):
                return False
        for change in changes:
            if change.kind == "modified" and (
                change.id == pmap.id or (change.entity_type == "Role" and change.id in pmap.lanes)
            ):
                return False
        steps = {s.id: s for s in pmap.steps}
        for change in structural:
            if change.entity_type == "Step":
                step = steps.get(change.id)
                lane = step.lane if step else self.steps[change.id].lane_id if change.id in self.steps else None
                if lane not in self.lane_ids:
                    return False  # the row of steps without a lane may appear or go: rebuild
        added = []
        for change in structural:
            if change.entity_type == "Step" and change.kind == "removed":
                self._forget_step(change.id)
            elif change.entity_type == "Flow" and change.kind == "removed":
                self._forget_route(change.id)
            elif change.entity_type == "Step" and change.id in steps and change.id not in self.steps:
                item = StepItem(change.id, self.style)
                self.steps[change.id] = item
                self._apply_step(item, steps[change.id])
                self.addItem(item)
                added.append(steps[change.id])
        flows = {f.id: f for f in pmap.flows}
        for change in structural:
            flow = flows.get(change.id)
            if change.kind == "added" and flow is not None and change.id not in self.flows:
                if flow.source in self.steps and flow.target in self.steps:
                    self._add_route(FlowRoute(flow.id, flow.source, flow.target, label=flow.label))
        for step in added:
            self._sync_exception(step)
        self._grid = None
        self._resize_lanes()
        self._apply_marks()
        return True

    def _forget_step(self, step_id: str) -> None:
        for key in list(self._attached.get(step_id, ())):
            self._forget_route(key)
        self._attached.pop(step_id, None)
        self._at.pop(step_id, None)
        item = self.steps.pop(step_id, None)
        if item is not None:
            self.removeItem(item)

    def _forget_route(self, key: str) -> None:
        route = self.flows.pop(key, None)
        if route is None:
            return
        self.flow_bands.forget(route)
        self._attached[route.source_id].discard(key)
        self._attached[route.target_id].discard(key)
        if route.item is not None:
            self.removeItem(route.item)

    def _map(self, plan: Plan) -> ProcessMap | None:
        return find_map(plan, self.map_id)

    def _lane_index(self, lane_id: str) -> int:
        return self.lane_ids.index(lane_id) if lane_id in self.lane_ids else len(self.lane_ids)

    def _apply_step(self, item: StepItem, step: Step) -> None:
        item.set_state(
            kind=step.kind,
            name=step.name,
            ai=step.ai,
            threshold=step.confidence_threshold,
            minutes=step.minutes,
            lane_id=step.lane,
            exception_rate=step.exception_rate,
        )
        y = clamp_into_lane(step.y, self._lane_index(step.lane))
        item.setPos(step.x, y)
        self._at[step.id] = (step.x, y)
        self._grid = None

    def _add_route(self, route: FlowRoute) -> None:
        self.flows[route.key] = route
        self._attached[route.source_id].add(route.key)
        self._attached[route.target_id].add(route.key)
        self._route(route)

    def arrow_item(self, key: str) -> ArrowItem:
        """The item of a flow, made now if the flow had none (KeyError: no such flow here)."""
        route = self.flows[key]
        if route.item is None:
            self._make_item(route)
        return route.item

    def _make_item(self, route: FlowRoute) -> None:
        arrow = ArrowItem(route.key, route.source_id, route.target_id, self.style, exception=route.exception)
        arrow.set_label(route.label)
        arrow.set_route(route.points, route.anchor)  # before it joins the scene: no change to announce
        arrow.set_draws_itself(not route.is_plain)
        route.item = arrow
        self.addItem(arrow)

    def flow_items_near(self, rect: QRectF) -> None:
        """Give the plain flows near this rectangle their items, so that Qt's hit tests and
        selection (a click, a double click, a rubber band) find them."""
        for flow in self.flows.values():
            if flow.item is None and flow.near(rect):
                self._make_item(flow)

    def _sync_exception(self, step: Step) -> None:
        """The dashed arrow from an AI step to the step that takes its exceptions."""
        key = f"exception:{step.id}"
        old = self.flows.get(key)
        wanted = step.exception_route if step.exception_route in self.steps and step.is_ai else None
        if old is not None and old.target_id == wanted:
            label = self._exception_label(step)
            if label != old.label:
                old.label = label
                if old.item is not None:
                    old.item.set_label(label)
                self._route(old)
            return
        if old is not None:
            self._forget_route(key)
        if wanted is not None:
            self._add_route(FlowRoute(key, step.id, wanted, exception=True, label=self._exception_label(step)))

    @staticmethod
    def _exception_label(step: Step) -> str:
        return exception_words(step.confidence_threshold, step.exception_rate)

    def _build_lanes(self, plan: Plan, pmap: ProcessMap) -> None:
        rows = list(self.lane_ids)
        if any(s.lane not in self.lane_ids for s in pmap.steps):
            rows.append("")  # steps whose role is not a lane of this map: shown in a last row
        width = self._lane_width()
        for index, role_id in enumerate(rows):
            item = LaneItem(role_id, self.style)
            role = plan.role(role_id)
            item.set_state(
                name=role.name if role else "(no lane)",
                kind_label=role.kind.label if role else "",
                is_ai=bool(role and role.kind == "ai_agent"),
                index=index,
                width=width,
            )
            item.set_active(role_id == self.active_lane)
            self.lanes[role_id] = item
            self.addItem(item)

    def _lane_width(self) -> float:
        right = max((item.x() for item in self.steps.values()), default=0.0)
        return max(900.0, right + STEP_WIDTH / 2 + 60 - LANE_LEFT)

    def _resize_lanes(self) -> None:
        width = self._lane_width()
        for lane in self.lanes.values():
            if lane.width != width:
                lane.prepareGeometryChange()
                lane.width = width
                lane.update()

    # -- arrows ---------------------------------------------------------------------------
    def _route(self, arrow: FlowRoute, *, quick: bool = False) -> None:
        """Route a flow; its item follows if it has one, or is made if it must draw itself."""
        source, target = self._at[arrow.source_id], self._at[arrow.target_id]
        if arrow.exception and abs(source[1] - target[1]) >= 1 and abs(source[0] - target[0]) >= 1:
            prefer_vertical = True  # an exception drops out of the AI's lane to the person's
        else:
            prefer_vertical = self.steps[arrow.source_id].kind == "decision"
        blocked = None if quick else (lambda points: self._crosses_steps(points, arrow))
        half_w, half_h = STEP_WIDTH / 2, STEP_HEIGHT / 2
        points = route(source, target, half_w, half_h, prefer_vertical=prefer_vertical, blocked=blocked)
        if arrow.exception:
            points = offset_route(points)
            anchor = label_anchor(points[:2])  # beside where it leaves the AI step
        else:
            anchor = label_anchor(points) if arrow.label else None  # nowhere to put: no label
        arrow.set_route(points, anchor)
        if arrow.item is not None:
            arrow.item.set_route(points, anchor)
        elif not arrow.is_plain:
            self._make_item(arrow)
        self.flow_bands.place(arrow)

    def _selection_changed(self) -> None:
        if not shiboken6.isValid(self):
            return
        self.flow_bands.selection_changed({i for i in self.selectedItems() if isinstance(i, ArrowItem)})

    def _crosses_steps(self, points, arrow: FlowRoute) -> bool:
        """Does the route run through a step other than its two ends? Uses a coarse grid of
        step positions rather than the scene's index, which the lanes (spanning the whole map)
        make slow to query."""
        grid = self._step_grid()
        ends = {arrow.source_id, arrow.target_id}
        half_w, half_h = STEP_WIDTH / 2, STEP_HEIGHT / 2
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            left, right, top, bottom = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
            for gx in range(int((left - half_w) // _CELL_W), int((right + half_w) // _CELL_W) + 1):
                for gy in range(int((top - half_h) // _CELL_H), int((bottom + half_h) // _CELL_H) + 1):
                    for step_id, sx, sy in grid.get((gx, gy), ()):
                        if step_id in ends:
                            continue
                        if sx - half_w < right and left < sx + half_w and sy - half_h < bottom and top < sy + half_h:
                            return True
        return False

    def _step_grid(self) -> dict[tuple[int, int], list[tuple[str, float, float]]]:
        if self._grid is None:
            grid: dict[tuple[int, int], list[tuple[str, float, float]]] = defaultdict(list)
            for step_id, (x, y) in self._at.items():
                grid[(int(x // _CELL_W), int(y // _CELL_H))].append((step_id, x, y))
            self._grid = grid
        return self._grid

    def reroute(self, step_ids, *, quick: bool = False) -> None:
        """Re-route only the arrows attached to these steps."""
        keys = set()
        for step_id in step_ids:
            keys |= self._attached.get(step_id, set())
        for key in keys:
            self._route(self.flows[key], quick=quick)

    def move_step_item(self, step_id: str, pos: QPointF) -> None:
        """Show a step at a new place while it is dragged; the plan changes on release."""
        self.steps[step_id].setPos(pos)
        self._at[step_id] = (pos.x(), pos.y())
        self._grid = None

    # -- queries --------------------------------------------------------------------------
    def canvas_colour(self):
        """The colour under the map (the scene itself paints no background)."""
        return self.style.canvas

    def lane_at(self, y: float) -> str | None:
        if not self.lane_ids:
            return None
        return self.lane_ids[lane_at(y, len(self.lane_ids))]

    def lane_clamped_y(self, y: float, lane_id: str) -> float:
        return clamp_into_lane(y, self._lane_index(lane_id))

    def step_at(self, pos: QPointF) -> StepItem | None:
        for item in self.items(pos):
            if isinstance(item, StepItem):
                return item
        return None

    def lane_header_at(self, pos: QPointF) -> LaneItem | None:
        for item in self.items(pos):
            if isinstance(item, LaneItem) and item.header_rect().contains(item.mapFromScene(pos)):
                return item
        return None

    def selected_ids(self) -> list[str]:
        """Selected steps, then selected flows, by id."""
        steps = [i.step_id for i in self.selectedItems() if isinstance(i, StepItem)]
        flows = [i.flow_id for i in self.selectedItems() if isinstance(i, ArrowItem) and i.flow_id]
        return steps + flows

    def selected_step_ids(self) -> list[str]:
        return [i.step_id for i in self.selectedItems() if isinstance(i, StepItem)]

    def set_active_lane(self, role_id: str | None) -> None:
        self.active_lane = role_id
        for lane_id, lane in self.lanes.items():
            lane.set_active(lane_id == role_id)

    def map_rect(self) -> QRectF:
        """The map's extent, for fitting and image export."""
        rect = self.itemsBoundingRect()
        if self.lane_ids:
            rect = rect.united(QRectF(rect.left(), 0, 1, len(self.lanes) * LANE_HEIGHT))
        return rect.adjusted(-10, -10, 10, 10)

    # -- marks ----------------------------------------------------------------------------
    def set_findings(self, findings) -> None:
        """Mark steps that process findings concern; the messages become their tooltip."""
        self.findings = list(findings)
        self._apply_marks()

    def set_diff_states(self, states: dict[str, str]) -> None:
        self.diff_states = dict(states)
        self._apply_marks()

    def set_other_copy(self, marks) -> None:
        """Show another copy's differences (``OverlayMarks``) over the map; None hides them."""
        self.other_copy = marks
        self._apply_marks()

    def _sync_ghosts(self, ghosts) -> None:
        wanted = {g.id: g for g in ghosts}
        for step_id in [i for i in self.ghosts if i not in wanted]:
            self.removeItem(self.ghosts.pop(step_id))
        for step_id, ghost in wanted.items():
            item = self.ghosts.get(step_id)
            if item is None or item.name != ghost.name:
                if item is not None:
                    self.removeItem(item)
                item = self.ghosts[step_id] = GhostStepItem(step_id, ghost.name, self.style)
                self.addItem(item)
            item.setPos(ghost.x, clamp_into_lane(ghost.y, self._lane_index(ghost.lane)))

    def _apply_marks(self) -> None:
        mine = self.other_copy.for_map(self.map_id) if self.other_copy is not None else None
        other = mine.states if mine is not None else {}
        if mine is not None or self.ghosts:
            self._sync_ghosts(mine.ghosts if mine is not None else [])
        per_step: dict[str, list] = defaultdict(list)
        for finding in self.findings:
            component = getattr(finding, "component", None)
            if component is not None and component != "process":
                continue
            for element_id in finding.element_ids:
                if element_id in self.steps:
                    per_step[element_id].append(finding)
        for step_id, item in self.steps.items():
            found = sorted(per_step.get(step_id, []), key=lambda f: severity_rank(f.severity))
            if found:
                item.set_finding(found[0].severity, "\n".join(f"⚠ {f.message}" for f in found))
            else:
                item.set_finding(None)
            item.set_diff(self.diff_states.get(step_id) or other.get(step_id))

    # -- mouse: handed to the editor's gestures --------------------------------------------
    def mousePressEvent(self, event) -> None:
        self._flow_items_at(event.scenePos())
        if self.editor is not None and self.editor.mouse_press(event):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self.editor is not None and self.editor.mouse_move(event):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self.editor is not None and self.editor.mouse_release(event):
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        self._flow_items_at(event.scenePos())
        if self.editor is not None and self.editor.mouse_double_click(event):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def _flow_items_at(self, pos: QPointF) -> None:
        self.flow_items_near(QRectF(pos.x() - 1, pos.y() - 1, 2, 2))
