"""One small object per interaction on the roadmap canvas.

A gesture starts on a mouse press, previews on the scene while the mouse moves (display state
only) and ends in exactly one command, a refusal message, or a cancel that puts the preview
back. The view picks the gesture from what lies under the press; the page executes the command.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath

from omplanner.commands import AddEntity, Command, SetFields
from omplanner.model import Plan, RoadmapItem, new_id

from .items import BAR_H, PreviewRect
from .layout import Lane
from .scene import RoadmapScene


@dataclass
class Outcome:
    command: Command | None = None
    message: str = ""
    """Why the gesture was refused, in plain words (empty when it simply did nothing)."""
    select: str | None = None
    """An item to select afterwards (the one just created)."""


class Gesture:
    def move(self, pos: QPointF) -> None: ...

    def finish(self, pos: QPointF) -> Outcome:
        return Outcome()

    def cancel(self) -> None: ...


class MoveGesture(Gesture):
    """Drag a bar sideways; it snaps to whole weeks and becomes one SetFields on release."""

    def __init__(self, scene: RoadmapScene, plan: Plan, item_id: str, press: QPointF):
        self.scene, self.item_id, self.press = scene, item_id, press
        item = plan.item(item_id)
        self.title = item.title
        self.start = self.new_start = item.start_week
        self.bar = scene.bars[item_id]
        self.origin = self.bar.pos()

    def move(self, pos: QPointF) -> None:
        delta = round((pos.x() - self.press.x()) / self.scene.ppw)
        self.new_start = max(0, self.start + delta)
        self.bar.setPos(self.scene.layout.x(self.new_start), self.origin.y())
        self.scene.refresh_links_of(self.item_id)

    def finish(self, pos: QPointF) -> Outcome:
        self.move(pos)
        if self.new_start == self.start:
            self.cancel()
            return Outcome()
        text = f"Move '{self.title}' to week {self.new_start + 1}"
        return Outcome(SetFields(self.item_id, {"start_week": self.new_start}, text=text))

    def cancel(self) -> None:
        self.bar.setPos(self.origin)
        self.scene.refresh_links_of(self.item_id)


class ResizeGesture(Gesture):
    """Drag the right end of a bar to change its duration, in whole weeks, at least one."""

    def __init__(self, scene: RoadmapScene, plan: Plan, item_id: str, press: QPointF):
        self.scene, self.item_id, self.press = scene, item_id, press
        item = plan.item(item_id)
        self.title = item.title
        self.duration = self.new_duration = item.duration_weeks
        self.bar = scene.bars[item_id]

    def move(self, pos: QPointF) -> None:
        delta = round((pos.x() - self.press.x()) / self.scene.ppw)
        self.new_duration = max(1, self.duration + delta)
        self.bar.set_width(self.new_duration * self.scene.ppw)
        self.scene.refresh_links_of(self.item_id)

    def finish(self, pos: QPointF) -> Outcome:
        self.move(pos)
        if self.new_duration == self.duration:
            self.cancel()
            return Outcome()
        weeks = f"{self.new_duration} week{'s' if self.new_duration != 1 else ''}"
        return Outcome(
            SetFields(self.item_id, {"duration_weeks": self.new_duration}, text=f"Make '{self.title}' {weeks}")
        )

    def cancel(self) -> None:
        self.bar.set_width(self.duration * self.scene.ppw)
        self.scene.refresh_links_of(self.item_id)


class CreateGesture(Gesture):
    """Drag across empty space in a lane to draw a new item over those weeks."""

    def __init__(self, scene: RoadmapScene, lane: Lane, press: QPointF):
        self.scene, self.lane, self.press = scene, lane, press
        self.first = max(0, math.floor(scene.layout.week_at(press.x())))
        self.span = (self.first, self.first)
        self.preview = PreviewRect(scene.theme)
        scene.addItem(self.preview)

    def move(self, pos: QPointF) -> None:
        layout = self.scene.layout
        week = max(0, math.floor(layout.week_at(pos.x())))
        lo, hi = min(self.first, week), max(self.first, week)
        self.span = (lo, hi)
        path = QPainterPath()
        top = layout.lane_top[self.lane.key] + 4
        path.addRoundedRect(
            QRectF(layout.x(lo), top, (hi - lo + 1) * layout.ppw, layout.lane_height[self.lane.key] - 8), 3, 3
        )
        self.preview.setPath(path)

    def finish(self, pos: QPointF) -> Outcome:
        self.move(pos)
        self.cancel()
        if abs(pos.x() - self.press.x()) < max(6.0, self.scene.ppw / 2):
            return Outcome()  # a click, not a drag
        lo, hi = self.span
        return add_item(self.lane, lo, hi - lo + 1)

    def cancel(self) -> None:
        if self.preview.scene() is not None:
            self.scene.removeItem(self.preview)


def add_item(lane: Lane, start_week: int, weeks: int) -> Outcome:
    """A new item in ``lane`` over those weeks (drawn with the mouse, or Insert on the timeline),
    selected once added."""
    kind = lane.kind
    item = RoadmapItem(
        id=new_id("item"),
        title=f"New {kind.label.lower()} work" if kind else "New item",
        kind=kind,
        use_case=lane.use_case,
        start_week=start_week,
        duration_weeks=weeks,
    )
    return Outcome(AddEntity(None, "roadmap", item, text=f"Add roadmap item in {lane.title}"), select=item.id)


def dependency_path(plan: Plan, start_id: str, goal_id: str) -> list[str] | None:
    """The chain of depends-on links from ``start_id`` down to ``goal_id``, if there is one.

    Returned as ids in time order: ``goal_id`` first, ``start_id`` last.
    """
    deps = {i.id: i.depends_on for i in plan.roadmap}
    came_from: dict[str, str | None] = {start_id: None}
    queue = [start_id]
    while queue:
        current = queue.pop(0)
        if current == goal_id:
            path = [current]
            while came_from[path[-1]] is not None:
                path.append(came_from[path[-1]])
            return path
        for dep in deps.get(current, []):
            if dep not in came_from:
                came_from[dep] = current
                queue.append(dep)
    return None


def link_command(plan: Plan, source_id: str, target_id: str) -> Outcome:
    """Make ``target`` follow ``source``, unless that would close a loop of dependencies."""
    source, target = plan.item(source_id), plan.item(target_id)
    if source is None or target is None or source_id == target_id:
        return Outcome()
    if source_id in target.depends_on:
        return Outcome(message=f"'{target.title}' already follows '{source.title}'.")
    loop = dependency_path(plan, source_id, target_id)
    if loop is not None:
        titles = [plan.item(i).title for i in loop]
        chain = " → ".join(f"'{t}'" for t in [*titles, titles[0]])
        return Outcome(
            message=(
                f"Refused: '{target.title}' cannot follow '{source.title}', because "
                f"'{source.title}' already comes after it. The link would close the loop {chain}."
            )
        )
    return Outcome(
        SetFields(
            target_id,
            {"depends_on": [*target.depends_on, source_id]},
            text=f"Make '{target.title}' follow '{source.title}'",
        )
    )


class LinkGesture(Gesture):
    """Drag from one bar to another: the second then depends on (follows) the first."""

    def __init__(self, scene: RoadmapScene, plan: Plan, source_id: str, press: QPointF):
        self.scene, self.plan, self.source_id = scene, plan, source_id
        self.line = PreviewRect(scene.theme)
        self.line.setBrush(Qt.BrushStyle.NoBrush)
        scene.addItem(self.line)

    def move(self, pos: QPointF) -> None:
        start = self.scene.out_anchor(self.source_id)
        path = QPainterPath(start)
        path.lineTo(pos)
        self.line.setPath(path)

    def finish(self, pos: QPointF) -> Outcome:
        self.cancel()
        bar = self.scene.bar_at(pos)
        if bar is None:
            bar = self.scene.bar_at(pos + QPointF(0, BAR_H / 2))
        if bar is None or bar.item_id == self.source_id:
            return Outcome()
        return link_command(self.plan, self.source_id, bar.item_id)

    def cancel(self) -> None:
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)
