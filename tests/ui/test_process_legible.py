"""A whole map on a wall still says what each step and lane is: names are drawn at every zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from omplanner.commands import SetFields
from ui.document import Document
from ui.process.scene import ProcessScene


def picture(scene: ProcessScene, scale: float) -> QImage:
    source = scene.map_rect()
    image = QImage(int(source.width() * scale) + 1, int(source.height() * scale) + 1, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
    painter.end()
    return image


@pytest.mark.parametrize("scale", [0.12, 0.2, 0.28, 0.5])
def test_step_and_lane_names_are_drawn_at_any_zoom(qapp, example_plan, scale):
    document = Document(example_plan)
    pmap = next(u.current for u in example_plan.use_cases if u.current.steps)
    scene = ProcessScene()
    scene.show_map(document.plan, pmap.id)
    before = picture(scene, scale)
    step = pmap.steps[1]
    document.execute(SetFields(step.id, {"name": "Wwww wwww"}))
    scene.show_map(document.plan, pmap.id)
    assert picture(scene, scale) != before, "the step's name is not drawn at this zoom"
    role = document.plan.role(pmap.lanes[0])
    document.execute(SetFields(role.id, {"name": "Mmmm mmmm"}))
    renamed = picture(scene, scale)
    scene.show_map(document.plan, pmap.id)
    assert picture(scene, scale) != renamed, "the lane's name is not drawn at this zoom"
