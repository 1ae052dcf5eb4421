"""Lane actions of the Processes page: add, rename, reorder and remove the lanes of a map.

A mixin of ``ProcessPage`` (it uses the page's panes, document and active map); every change
is one command built in ``omplanner.process``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from omplanner.process import add_lane_command, move_lane_command, remove_lane_command

from ..widgets.message_boxes import choose_item, inform


class LaneActions:
    def _current_lane(self) -> str | None:
        pane = self.panes[self.active_variant]
        return pane.scene.active_lane if pane.scene.active_lane in pane.scene.lane_ids else None

    def add_lane(self, role_name: str, variant: str | None = None) -> bool:
        map_id = self._map_id(variant or self.active_variant)
        if map_id is None or not role_name.strip():
            return False
        return self.document.execute(add_lane_command(self.document.plan, map_id, role_name))

    def move_lane(self, offset: int) -> bool:
        lane = self._current_lane()
        if lane is None:
            return False
        command = move_lane_command(self.panes[self.active_variant].editor.pmap(), lane, offset)
        return command is not None and self.document.execute(command)

    def remove_lane(self, *, move_to: str | None = None, delete_steps: bool = False) -> bool:
        """Remove the active lane. A lane with steps goes only with a decision about them:
        ``move_to`` another lane, or ``delete_steps``."""
        lane = self._current_lane()
        map_id = self._map_id(self.active_variant)
        if lane is None or map_id is None:
            return False
        pmap = self.panes[self.active_variant].editor.pmap()
        if any(s.lane == lane for s in pmap.steps) and move_to is None and not delete_steps:
            return False
        try:
            command = remove_lane_command(self.document.plan, map_id, lane, move_to=move_to)
        except ValueError:
            return False
        return self.document.execute(command)

    def _ask_remove_lane(self) -> None:
        lane = self._current_lane()
        plan = self.document.plan
        role = plan.role(lane)
        if lane is None:
            inform(self, "Remove lane", "Click a lane's header first.")
            return
        pmap = self.panes[self.active_variant].editor.pmap()
        count = sum(1 for s in pmap.steps if s.lane == lane)
        if count == 0:
            self.remove_lane()
            return
        name = role.name if role else lane
        steps = "step" if count == 1 else "steps"
        others = [other for other in pmap.lanes if other != lane]
        choices = [f"Move them to '{plan.role(o).name if plan.role(o) else o}'" for o in others]
        choices.append(f"Delete the {count} {steps} and their flows")
        choice, ok = choose_item(
            self,
            "Remove lane",
            f"The lane '{name}' holds {count} {steps}. What should happen to them? (Undo brings everything back.)",
            choices,
            0,
            False,
        )
        if not ok:
            return
        index = choices.index(choice)
        if index < len(others):
            self.remove_lane(move_to=others[index])
        else:
            self.remove_lane(delete_steps=True)

    def _ask_add_lane(self) -> None:
        plan = self.document.plan
        pmap_lanes = set(self.panes[self.active_variant].scene.lane_ids)
        names = [r.name for r in plan.roles if r.id not in pmap_lanes]
        name, ok = choose_item(self, "Add lane", "Role (pick one, or type a new role):", names, 0, True)
        if ok:
            self.add_lane(name)

    def _ask_rename_lane(self) -> None:
        from omplanner.commands import SetFields

        lane = self._current_lane()
        role = self.document.plan.role(lane)
        if role is None:
            inform(self, "Rename lane", "Click a lane's header first.")
            return
        name, ok = QInputDialog.getText(
            self, "Rename lane", "The role's name (everywhere in the plan):", text=role.name
        )
        if ok and name.strip():
            self.document.execute(SetFields(role.id, {"name": name.strip()}, text=f"Rename role '{role.name}'"))
