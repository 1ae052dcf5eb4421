"""Building and fully painting the scene of a 500-step process map, against a bare QGraphicsScene
holding one plain rectangle and one plain text per step; and one drag step on that map (move the
item, re-route its arrows, repaint a screenful) against the 16 ms of a 60 Hz frame; and re-routing
the lines of a dragged roadmap bar (``roadmap``), against the same frame.

Runs in this process with the offscreen platform; the timings are CPU time (see common.py).
"""

from __future__ import annotations

import importlib
import os

from .common import NotAvailable, Row, median_time, median_times
from .generate import map_plan

FRAME_MS = 16.0
SCREEN = (1366, 768)


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _paint(scene, rect) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()


def run(repeats: int) -> list[Row]:
    try:
        scene_module = importlib.import_module("ui.process.scene")
        ProcessScene = scene_module.ProcessScene  # noqa: N806 - a class
    except (ImportError, AttributeError):
        raise NotAvailable("ui.process.scene.ProcessScene is not on main yet") from None
    app = _app()
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtWidgets import QGraphicsScene

    plan, map_id = map_plan(500)
    pmap = next(m for _, _, m in plan.maps() if m.id == map_id)
    keep = []  # scenes stay alive until timing ends: deleting 1,000 items is not what we time

    def ours() -> None:
        scene = ProcessScene()
        scene.show_map(plan, map_id)
        _paint(scene, scene.map_rect())
        keep.append(scene)

    def bare() -> None:
        scene = QGraphicsScene()
        for step in pmap.steps:
            rect = scene.addRect(0, 0, 150, 64)
            rect.setPos(step.x, step.y)
            text = scene.addSimpleText(step.name)
            text.setPos(step.x + 8, step.y + 8)
        _paint(scene, scene.itemsBoundingRect().adjusted(-10, -10, 10, 10))
        keep.append(scene)

    # In turns, as the export rows: a change of load during the run falls on both sides alike.
    build, baseline = median_times(ours, bare, repeats)
    app.processEvents()
    keep.clear()

    scene = ProcessScene()
    scene.show_map(plan, map_id)
    step = pmap.steps[len(pmap.steps) // 2]
    offsets = iter(range(10**6))

    def drag_step() -> None:
        # What the editor does on each mouse move: place the item, re-route its arrows quickly,
        # then the view repaints about a screenful around it.
        dx = 3.0 * (next(offsets) % 20)
        scene.move_step_item(step.id, QPointF(step.x + dx, step.y))
        scene.reroute({step.id}, quick=True)
        _paint(scene, QRectF(step.x - SCREEN[0] / 2, step.y - SCREEN[1] / 2, *SCREEN))

    drag = median_time(drag_step, max(repeats, 20))
    return [
        Row("process map, 500 steps: build + full paint (vs bare scene)", build, baseline, 2.0),
        Row("process map, 500 steps: one drag step (vs 16 ms frame)", drag, FRAME_MS, 1.0),
    ]


def roadmap(large, repeats: int) -> list[Row]:
    """One drag step on the roadmap of the large plan (300 items, 137 broken relations): move a
    bar and re-route its dependency arrows and broken-relation arcs around the labels and bars
    between (``ui.roadmap.routing``). For the middle item, as the other drag rows, and for the
    bar with the most lines attached. The repaint is not in it: the routing is what grows with
    the lines attached."""
    _app()
    from omplanner.fileio import load_plan
    from ui.roadmap.checking import check_roadmap
    from ui.roadmap.scene import RoadmapScene

    plan = load_plan(large)
    scene = RoadmapScene()
    scene.sync(plan)
    c = check_roadmap(plan)
    scene.apply_analysis(c.markers, c.critical, c.slack, c.phase_of, c.broken)

    def links(item_id: str) -> int:
        return len(scene._arrows_of.get(item_id, ())) + sum(item_id in k[:2] for k in scene.broken)

    def step_of(item_id: str):
        bar = scene.bars[item_id]
        origin = bar.pos()
        offsets = iter(range(10**6))

        def drag_step() -> None:
            # What the drag gesture does on each mouse move: place the bar, re-route its lines.
            bar.setPos(origin.x() + scene.ppw * (next(offsets) % 12 - 6), origin.y())
            scene.refresh_links_of(item_id)

        return drag_step

    middle = plan.roadmap[len(plan.roadmap) // 2].id
    busiest = max(scene.bars, key=links)
    rows = []
    for name, item_id in (("middle item", middle), ("busiest item", busiest)):
        note = f"{links(item_id)} lines re-routed"
        route = median_time(step_of(item_id), max(repeats, 20))
        rows.append(
            Row(f"roadmap drag step, re-routing its lines: {name} (vs 16 ms frame)", route, FRAME_MS, 1.0, note=note)
        )
    return rows
