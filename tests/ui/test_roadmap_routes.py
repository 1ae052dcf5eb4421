"""Lines on the roadmap keep clear of the words: no dependency arrow and no "breaks a sequencing
principle" arc runs through the text of a bar's label, on the slide as on the canvas."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath, QPainterPathStroker

from ui.roadmap.render import build_scene


def _stroke(path: QPainterPath) -> QPainterPath:
    """The ink a path leaves (its outline as drawn), not the area its points would enclose."""
    stroker = QPainterPathStroker()
    stroker.setWidth(1.0)
    return stroker.createStroke(path)


def _label_rects(scene) -> dict[str, QRectF]:
    """Item id -> where its label's text is written, in scene coordinates (a pixel in from each
    side: a line may graze the rectangle's edge, not its words)."""
    return {item_id: bar.mapRectToScene(bar.label_rect()).adjusted(1, 1, -1, -1) for item_id, bar in scene.bars.items()}


def _crossings(scene) -> list[str]:
    labels = _label_rects(scene)
    titles = {item_id: bar.title for item_id, bar in scene.bars.items()}
    lines = [(f"arrow {a} -> {b}", arrow.path()) for (a, b), arrow in scene.arrows.items()]
    lines += [(f"broken {k[0]} -> {k[1]}", line.path()) for k, line in scene.broken.items()]
    assert len(lines) > 10  # the example has many arrows and several broken relations
    found = []
    for name, path in lines:
        ink = _stroke(path)
        for item_id, rect in labels.items():
            if ink.intersects(rect):
                found.append(f"{name} crosses the label {titles[item_id]!r}")
    return found


def test_no_line_crosses_a_label_on_the_slide(qapp, example_plan):
    for dark in (False, True):
        scene = build_scene(example_plan, dark=dark)
        assert scene.broken, "the example breaks some sequencing principles"
        assert _crossings(scene) == []
        scene.dispose()


def test_no_line_crosses_a_label_on_the_canvas_after_a_drag(qapp, example_plan):
    """The canvas routes as the slide does, also while a bar is dragged and after it is dropped."""
    from ui.roadmap.checking import check_roadmap
    from ui.roadmap.scene import RoadmapScene

    scene = RoadmapScene()
    scene.sync(example_plan)
    c = check_roadmap(example_plan)
    scene.apply_analysis(c.markers, c.critical, c.slack, c.phase_of, c.broken)
    assert _crossings(scene) == []
    item = next(i for i in example_plan.roadmap if i.title == "Select the invoice matching tool")
    bar = scene.bars[item.id]
    bar.setPos(bar.pos().x() + 2 * scene.ppw, bar.pos().y())  # the drag preview moves the bar
    scene.refresh_links_of(item.id)
    assert _crossings(scene) == []


@pytest.mark.parametrize(
    ("title", "weeks"),
    [
        # the bar's label lands on arrows that do not touch it: those must move too
        ("Select the invoice matching tool", -4),
        ("Deploy invoice matching to production", -2),
        ("Agree AP decision rights and approval limits", -4),
        # its arrows must go a long way round to find rows free of words
        ("Redesign customer e-mail handling", 8),
    ],
)
def test_no_line_crosses_a_label_after_a_bar_is_moved(qapp, example_plan, title, weeks):
    """After an edit the scene re-routes the lines of the bars that moved, and the other lines
    that a moved bar (or its label) now stands on."""
    from omplanner.commands import SetFields
    from ui.roadmap.checking import check_roadmap
    from ui.roadmap.scene import RoadmapScene

    def check() -> None:
        c = check_roadmap(example_plan)
        scene.apply_analysis(c.markers, c.critical, c.slack, c.phase_of, c.broken)

    scene = RoadmapScene()
    scene.sync(example_plan)
    check()
    item = next(i for i in example_plan.roadmap if i.title == title)
    SetFields(item.id, {"start_week": item.start_week + weeks}).apply(example_plan)
    scene.sync(example_plan)
    check()
    assert _crossings(scene) == []
