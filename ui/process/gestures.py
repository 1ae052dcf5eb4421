"""Interactions on a process map: one small object per gesture, each ending in one command.

``MapEditor`` receives the scene's mouse events and the view's keys. A press starts a gesture
(move steps, connect two steps, rubber-band select, place a step from the palette); the
gesture follows the mouse and, on release, pushes one command through the document or
cancels. Items and the scene never edit the plan.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem

from omplanner.commands import AddEntity, Command, Macro, SetFields
from omplanner.model import Flow, ProcessMap, Step, StepKind, new_id
from omplanner.process import delete_command, paste_command
from omplanner.process.layout import COLUMN_WIDTH, GRID, LANE_HEIGHT, snap

from ..keymap import canvas_action
from .items import StepItem
from .lanes import LaneItem
from .scene import ProcessScene

DRAG_THRESHOLD = 4.0
DEFAULT_NAMES = {
    StepKind.START: "Start",
    StepKind.END: "End",
    StepKind.TASK: "New task",
    StepKind.DECISION: "Decide?",
    StepKind.HANDOFF: "Hand over",
}

NUDGES = {
    "nudge.left": (-GRID, 0),
    "nudge.right": (GRID, 0),
    "nudge.column_left": (-COLUMN_WIDTH, 0),
    "nudge.column_right": (COLUMN_WIDTH, 0),
    "nudge.up": (0, -1),  # a lane up
    "nudge.down": (0, 1),
}
"""What the arrow keys (ui.keymap) do to the selected steps: x in scene units, y in lanes."""


class Gesture:
    """One interaction from press to release. ``release`` ends it in a command or nothing."""

    def __init__(self, editor: MapEditor):
        self.editor = editor
        self.scene: ProcessScene = editor.scene

    def press(self, pos: QPointF, modifiers) -> None: ...

    def move(self, pos: QPointF) -> None: ...

    def release(self, pos: QPointF) -> None: ...

    def cancel(self) -> None: ...


class MoveStepsGesture(Gesture):
    """Drag the selected steps; one command on release (x, y and, across lanes, the lane)."""

    def __init__(self, editor: MapEditor, pressed: StepItem | None = None):
        super().__init__(editor)
        self.pressed = pressed

    def press(self, pos, modifiers) -> None:
        self.origin = pos
        self.modifiers = modifiers
        self.start = {i: self.scene.steps[i].pos() for i in self.scene.selected_step_ids()}
        self.dragging = False

    def move(self, pos) -> None:
        delta = pos - self.origin
        if not self.dragging and abs(delta.x()) + abs(delta.y()) < DRAG_THRESHOLD:
            return
        self.dragging = True
        for step_id, start in self.start.items():
            target = start + delta
            if self.editor.snap_to_grid:
                target = QPointF(snap(target.x()), snap(target.y()))
            self.scene.move_step_item(step_id, target)
        self.scene.reroute(self.start, quick=True)

    def release(self, pos) -> None:
        if not self.dragging:
            # a click (no drag) on one of several selected steps selects just that one
            if self.pressed is not None and not self.modifiers and len(self.start) > 1:
                self.editor.select([self.pressed.step_id])
            return
        pmap = self.editor.pmap()
        commands: list[Command] = []
        for step_id in self.start:
            step = pmap.step(step_id)
            item_pos = self.scene.steps[step_id].pos()
            lane = self.scene.lane_at(item_pos.y()) or step.lane
            x = snap(item_pos.x()) if self.editor.snap_to_grid else item_pos.x()
            y = self.scene.lane_clamped_y(snap(item_pos.y()) if self.editor.snap_to_grid else item_pos.y(), lane)
            changes = {}
            if (x, y) != (step.x, step.y):
                changes.update(x=x, y=y)
            if lane != step.lane:
                changes["lane"] = lane
            if changes:
                commands.append(SetFields(step_id, changes, text=f"Move '{step.display_name}'"))
        if not commands:
            self.cancel()
            return
        command = commands[0] if len(commands) == 1 else Macro(f"Move {len(commands)} steps", commands)
        if not self.editor.execute(command):
            self.cancel()

    def cancel(self) -> None:
        for step_id, start in self.start.items():
            if step_id in self.scene.steps:
                self.scene.move_step_item(step_id, start)
        self.scene.reroute(self.start)


class ConnectGesture(Gesture):
    """Drag from a step's right-hand handle to another step: one new flow."""

    def __init__(self, editor: MapEditor, source: StepItem):
        super().__init__(editor)
        self.source = source
        self.line = QGraphicsPathItem()
        pen = QPen(self.scene.style.selection_pen)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidthF(2)
        self.line.setPen(pen)
        self.line.setZValue(10)

    def press(self, pos, modifiers) -> None:
        self.scene.addItem(self.line)
        self.move(pos)

    def move(self, pos) -> None:
        path = QPainterPath(self.source.scenePos())
        path.lineTo(pos)
        self.line.setPath(path)

    def release(self, pos) -> None:
        self.scene.removeItem(self.line)
        target = self.scene.step_at(pos)
        if target is None or target is self.source:
            return
        pmap = self.editor.pmap()
        if any(f.source == self.source.step_id and f.target == target.step_id for f in pmap.flows):
            return
        flow = Flow(id=new_id("flow"), source=self.source.step_id, target=target.step_id)
        text = f"Connect '{self.source.name}' to '{target.name}'"
        self.editor.execute(AddEntity(pmap.id, "flows", flow, text=text))

    def cancel(self) -> None:
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)


class RubberBandGesture(Gesture):
    """Drag on empty canvas: select what the rectangle touches. Ends in a selection, no edit."""

    def press(self, pos, modifiers) -> None:
        self.origin = pos
        self.additive = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        self.before = list(self.scene.selectedItems()) if self.additive else []
        if not self.additive:
            self.scene.clearSelection()
        self.band = QGraphicsRectItem()
        pen = QPen(self.scene.style.selection_pen)
        pen.setWidthF(1)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.band.setPen(pen)
        self.band.setZValue(20)
        self.scene.addItem(self.band)

    def move(self, pos) -> None:
        rect = QRectF(self.origin, pos).normalized()
        self.band.setRect(rect)
        path = QPainterPath()
        path.addRect(rect)
        self.scene.flow_items_near(rect)  # plain flows get items to be selected by
        self.scene.setSelectionArea(
            path, Qt.ItemSelectionOperation.ReplaceSelection, Qt.ItemSelectionMode.IntersectsItemShape
        )
        for item in self.before:
            item.setSelected(True)

    def release(self, pos) -> None:
        self.cancel()

    def cancel(self) -> None:
        if self.band.scene() is not None:
            self.scene.removeItem(self.band)


class PlaceStepGesture(Gesture):
    """A step kind chosen in the palette, then a click on the canvas: one new step there."""

    def __init__(self, editor: MapEditor, kind: StepKind):
        super().__init__(editor)
        self.kind = kind

    def release(self, pos) -> None:
        self.editor.add_step(self.kind, pos)


class MapEditor(QObject):
    """Turns mouse and key events on one map's scene into commands on the document."""

    rename_requested = Signal(object)
    """A StepItem or ArrowItem whose name or label should be edited in place."""
    armed_changed = Signal(object)
    """The step kind the next click places (None: no longer armed)."""

    def __init__(self, document, scene: ProcessScene, parent=None):
        super().__init__(parent)
        self.document = document
        self.scene = scene
        scene.editor = self
        self.gesture: Gesture | None = None
        self.snap_to_grid = True
        self.armed_kind: StepKind | None = None
        self._clipboard: tuple[list[Step], list[Flow]] | None = None
        self._paste_count = 0

    # -- plan access ----------------------------------------------------------------------
    def pmap(self) -> ProcessMap:
        return self.document.places.entity(self.scene.map_id)

    def execute(self, command: Command) -> bool:
        return self.document.execute(command)

    def arm(self, kind: StepKind | None) -> None:
        self.armed_kind = kind
        self.armed_changed.emit(kind)

    # -- mouse ----------------------------------------------------------------------------
    def mouse_press(self, event) -> bool:
        if self.scene.map_id is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        pos, modifiers = event.scenePos(), event.modifiers()
        if self.armed_kind is not None:
            gesture: Gesture = PlaceStepGesture(self, self.armed_kind)
            self.arm(None)
        else:
            step = self.scene.step_at(pos)
            if step is not None and step.is_on_handle(pos) and not modifiers:
                gesture = ConnectGesture(self, step)
            elif step is not None:
                self._select_on_press(step, modifiers)
                if not step.isSelected():
                    return True
                gesture = MoveStepsGesture(self, step)
            else:
                lane = self.scene.lane_header_at(pos)
                if lane is not None:
                    self.scene.set_active_lane(lane.role_id)
                    self.scene.lane_activated.emit(lane.role_id)
                    return True
                item = self.scene.itemAt(pos, self.scene.views()[0].transform() if self.scene.views() else _identity())
                if item is not None and not isinstance(item, (LaneItem, StepItem)):
                    return False  # a flow: Qt's own selection handling
                gesture = RubberBandGesture(self)
        self.gesture = gesture
        gesture.press(pos, modifiers)
        return True

    def _select_on_press(self, step: StepItem, modifiers) -> None:
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            step.setSelected(not step.isSelected())
        elif not step.isSelected():
            self.scene.clearSelection()
            step.setSelected(True)
        lane = step.lane_id
        self.scene.set_active_lane(lane)

    def mouse_move(self, event) -> bool:
        if self.gesture is None:
            return False
        self.gesture.move(event.scenePos())
        return True

    def mouse_release(self, event) -> bool:
        if self.gesture is None:
            return False
        gesture, self.gesture = self.gesture, None
        gesture.release(event.scenePos())
        return True

    def mouse_double_click(self, event) -> bool:
        items = [i for i in self.scene.items(event.scenePos()) if not isinstance(i, LaneItem)]
        if items:
            self.rename_requested.emit(items[0])
            return True
        return False

    def cancel_gesture(self) -> None:
        if self.gesture is not None:
            gesture, self.gesture = self.gesture, None
            gesture.cancel()
        self.arm(None)

    # -- edits ----------------------------------------------------------------------------
    def add_step(self, kind: StepKind, pos: QPointF) -> str | None:
        """Add a step of this kind at a canvas position, in the lane under it."""
        pmap = self.pmap()
        lane = self.scene.lane_at(pos.y())
        if lane is None:
            self.document.edit_refused.emit("Add a lane first: a step belongs to a role.")
            return None
        x = snap(pos.x()) if self.snap_to_grid else pos.x()
        y = self.scene.lane_clamped_y(snap(pos.y()) if self.snap_to_grid else pos.y(), lane)
        step = Step(id=new_id("step"), kind=kind, name=DEFAULT_NAMES[kind], lane=lane, x=x, y=y)
        if self.execute(AddEntity(pmap.id, "steps", step, text=f"Add {kind.label.lower()} step")):
            self.select([step.id])
            return step.id
        return None

    def rename(self, element_id: str, text: str) -> None:
        pmap = self.pmap()
        step = pmap.step(element_id)
        if step is not None:
            if text.strip() and text.strip() != step.name:
                self.execute(SetFields(step.id, {"name": text.strip()}, text=f"Rename step to '{text.strip()}'"))
            return
        flow = next((f for f in pmap.flows if f.id == element_id), None)
        if flow is not None and text.strip() != flow.label:
            self.execute(SetFields(flow.id, {"label": text.strip()}, text="Change flow label"))

    def delete_selection(self) -> None:
        ids = self.scene.selected_ids()
        command = delete_command(self.document.plan, ids) if ids else None
        if command is not None:
            self.execute(command)

    def copy_selection(self) -> bool:
        pmap = self.pmap()
        ids = set(self.scene.selected_step_ids())
        if not ids:
            return False
        steps = [s.model_copy(deep=True) for s in pmap.steps if s.id in ids]
        flows = [f.model_copy() for f in pmap.flows if f.source in ids and f.target in ids]
        self._clipboard = (steps, flows)
        self._paste_count = 0
        return True

    def has_clipboard(self) -> bool:
        return bool(self._clipboard)

    def paste(self) -> None:
        if not self._clipboard:
            return
        self._paste_count += 1
        offset = 2 * GRID * self._paste_count
        steps, flows = self._clipboard
        before = {s.id for s in self.pmap().steps}
        if self.execute(paste_command(self.document.plan, self.pmap(), steps, flows, offset, offset)):
            self.select([s.id for s in self.pmap().steps if s.id not in before])

    def nudge(self, dx: float, dy_lanes: int) -> None:
        """Arrow keys: left/right by a grid step (merging into one undo step), up/down a lane."""
        from omplanner.process import nudge_command

        ids = self.scene.selected_step_ids()
        if not ids:
            return
        pmap = self.pmap()
        if dy_lanes == 0:
            self.execute(nudge_command(pmap, ids, dx, 0))
            return
        commands = []
        for step_id in ids:
            step = pmap.step(step_id)
            index = pmap.lanes.index(step.lane) if step.lane in pmap.lanes else 0
            target = index + dy_lanes
            if 0 <= target < len(pmap.lanes):
                lane = pmap.lanes[target]
                y = self.scene.lane_clamped_y(step.y + dy_lanes * LANE_HEIGHT, lane)
                commands.append(
                    SetFields(step_id, {"lane": lane, "y": y}, text=f"Move '{step.display_name}' to another lane")
                )
        if commands:
            self.execute(commands[0] if len(commands) == 1 else Macro("Move steps to another lane", commands))

    def select(self, ids: list[str]) -> None:
        self.scene.clearSelection()
        for entity_id in ids:
            item = self.scene.steps.get(entity_id) or self.scene.arrows.get(entity_id)
            if item is not None:
                item.setSelected(True)

    def select_next(self, backwards: bool = False) -> str | None:
        """Keyboard: move the selection to the next step in reading order (lane, then x)."""
        items = sorted(self.scene.steps.values(), key=lambda i: (i.x(), i.y()))
        if not items:
            return None
        selected = self.scene.selected_step_ids()
        ids = [i.step_id for i in items]
        index = ids.index(selected[0]) if selected else -1
        index = (index + (-1 if backwards else 1)) % len(ids)
        self.select([ids[index]])
        for view in self.scene.views():
            view.reveal(items[index])
        return ids[index]

    def key_press(self, event) -> bool:
        action = canvas_action("process", event)
        selected = bool(self.scene.selected_step_ids())
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.delete_selection()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select(list(self.scene.steps))
        elif action == "rename":
            selected_items = self.scene.selectedItems()
            if selected_items:
                self.rename_requested.emit(selected_items[0])
        elif action == "cancel" and (self.gesture or self.armed_kind is not None or self.scene.selectedItems()):
            self.cancel_gesture()
            self.scene.clearSelection()
        elif action == "cancel":
            return False  # nothing to cancel here: Esc goes on to the window (ui.compare_overlay)
        elif action.startswith("nudge.") and selected:
            dx, dy = NUDGES[action]
            self.nudge(dx, dy)
        elif action in ("select.next", "select.previous"):
            self.select_next(backwards=action == "select.previous")
        else:
            return False
        return True


def _identity():
    from PySide6.QtGui import QTransform

    return QTransform()
