"""Plain flows are drawn in bulk by bands of the map; their items still select and hit-test."""

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

from ui.process.scene import ProcessScene

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def _pixel(scene, point: QPointF):
    """The colour drawn at a scene point (1:1, the point at the image's centre)."""
    image = QImage(41, 41, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 41, 41), QRectF(point.x() - 20, point.y() - 20, 41, 41))
    painter.end()
    return image.pixelColor(20, 20)


def _middle(arrow) -> QPointF:
    line = arrow.polyline
    return (line[0] + line[1]) / 2


def test_plain_flows_are_drawn_by_their_band_until_selected(qtbot, example_plan):
    scene = ProcessScene()
    scene.show_map(example_plan, "map-ap-redesigned")
    plain = [a for a in scene.arrows.values() if a.is_plain]
    others = [a for a in scene.arrows.values() if not a.is_plain]
    assert plain and others
    assert all(a.flags() & NO_CONTENTS and a.band is not None for a in plain)
    assert all(not a.flags() & NO_CONTENTS and a.band is None for a in others)
    arrow = plain[0]
    assert _pixel(scene, _middle(arrow)).lightness() < 128  # the band drew the line
    arrow.setSelected(True)
    assert not arrow.flags() & NO_CONTENTS
    assert _pixel(scene, _middle(arrow)).blue() > _pixel(scene, _middle(arrow)).red() + 60  # highlighted
    assert scene.items(_middle(arrow))[0] is arrow  # clicks find the flow, not its band
    arrow.setSelected(False)
    assert arrow.flags() & NO_CONTENTS


def test_a_dragged_step_takes_its_flows_along_in_their_band(qtbot, example_plan):
    scene = ProcessScene()
    scene.show_map(example_plan, "map-ap-redesigned")
    arrow = next(a for a in scene.arrows.values() if a.is_plain)
    old = _middle(arrow)
    assert _pixel(scene, old).lightness() < 128
    step = scene.steps[arrow.target_id]
    scene.move_step_item(step.step_id, step.pos() + QPointF(0, 260))
    scene.reroute({step.step_id}, quick=True)
    new = _middle(arrow)
    assert new != old
    assert _pixel(scene, new).lightness() < 128  # the band was rebuilt from the new route
