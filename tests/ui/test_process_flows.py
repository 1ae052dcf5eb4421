"""Plain flows are drawn in bulk by bands of the map and get an item only when needed; a user
still clicks, rubber-bands, highlights and deletes them like any flow."""

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem

from tests.ui.canvas_pages import redesigned, show_redesigned_map
from ui.process.arrows import ArrowItem
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


def _middle(route) -> QPointF:
    (x1, y1), (x2, y2) = route.points[:2]
    return QPointF((x1 + x2) / 2, (y1 + y2) / 2)


def _visible(view, route) -> bool:
    return view.viewport().rect().adjusted(30, 30, -30, -30).contains(view.mapFromScene(_middle(route)))


def _delta(route) -> tuple[float, float]:
    (x1, y1), (x2, y2) = route.points[:2]
    return x2 - x1, y2 - y1


def _arrow_items(scene) -> list[ArrowItem]:
    return [i for i in scene.items() if isinstance(i, ArrowItem)]


def test_plain_flows_are_drawn_by_their_band_until_selected(qtbot, example_plan):
    scene = ProcessScene()
    scene.show_map(example_plan, "map-ap-redesigned")
    plain = [r for r in scene.flows.values() if r.is_plain]
    others = [r for r in scene.flows.values() if not r.is_plain]
    assert plain and others
    # building the map made items only for the flows that draw themselves (labels, exceptions)
    assert all(r.item is None and r.band is not None for r in plain)
    assert all(r.item is not None and not r.item.flags() & NO_CONTENTS and r.band is None for r in others)
    assert len(_arrow_items(scene)) == len(others)
    route = plain[0]
    assert _pixel(scene, _middle(route)).lightness() < 128  # the band drew the line
    arrow = scene.arrows[route.key]  # asked for by id: the flow gets its item, drawing nothing yet
    assert arrow.flow_id == route.key and arrow.flags() & NO_CONTENTS
    arrow.setSelected(True)
    assert not arrow.flags() & NO_CONTENTS
    assert _pixel(scene, _middle(route)).blue() > _pixel(scene, _middle(route)).red() + 60  # highlighted
    assert scene.items(_middle(route))[0] is arrow  # hit tests find the flow, not its band
    assert scene.selected_ids() == [route.key]
    arrow.setSelected(False)
    assert arrow.flags() & NO_CONTENTS
    assert _pixel(scene, _middle(route)).lightness() < 128


def test_a_dragged_step_takes_its_flows_along_in_their_band(qtbot, example_plan):
    scene = ProcessScene()
    scene.show_map(example_plan, "map-ap-redesigned")
    route = next(r for r in scene.flows.values() if r.is_plain)
    old = _middle(route)
    assert _pixel(scene, old).lightness() < 128
    step = scene.steps[route.target_id]
    scene.move_step_item(step.step_id, step.pos() + QPointF(0, 260))
    scene.reroute({step.step_id}, quick=True)
    new = _middle(route)
    assert new != old
    assert _pixel(scene, new).lightness() < 128  # the band was rebuilt from the new route


def test_click_a_plain_flow_to_select_it_then_delete_it(qtbot, example_plan):
    page = show_redesigned_map(qtbot, example_plan, (700, 250))
    scene, view = page.pane("redesigned").scene, page.pane("redesigned").view
    route = next(r for r in scene.flows.values() if r.is_plain and _visible(view, r))
    middle = _middle(route)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, view.mapFromScene(middle)
    )
    assert scene.selected_ids() == [route.key]
    assert _pixel(scene, middle).blue() > _pixel(scene, middle).red() + 60  # the user sees it highlighted
    flows = len(redesigned(page).flows)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert len(redesigned(page).flows) == flows - 1
    assert all(f.id != route.key for f in redesigned(page).flows) and route.key not in scene.arrows
    page.document.undo_stack.undo()
    assert route.key in scene.arrows and any(f.id == route.key for f in redesigned(page).flows)


def test_a_rubber_band_selects_the_plain_flows_it_touches(qtbot, example_plan):
    page = show_redesigned_map(qtbot, example_plan, (700, 250))
    scene, view = page.pane("redesigned").scene, page.pane("redesigned").view
    # a small band dragged across the middle of a flow's long first segment, clear of any step
    route = next(r for r in scene.flows.values() if r.is_plain and _visible(view, r) and sum(map(abs, _delta(r))) > 80)
    middle = _middle(route)
    a, b = view.mapFromScene(middle + QPointF(-15, -15)), view.mapFromScene(middle + QPointF(15, 15))
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, 5):
        QTest.mouseMove(view.viewport(), a + (b - a) * i / 4)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    assert scene.selected_ids() == [route.key]


def test_double_click_a_plain_flow_gives_it_a_label(qtbot, example_plan):
    page = show_redesigned_map(qtbot, example_plan, (700, 250))
    scene, view = page.pane("redesigned").scene, page.pane("redesigned").view
    route = next(r for r in scene.flows.values() if r.is_plain and _visible(view, r))
    where = view.mapFromScene(_middle(route))
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    line = view._editor_line
    assert line is not None and line.text() == ""
    line.setText("checked")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert next(f for f in redesigned(page).flows if f.id == route.key).label == "checked"
    labelled = scene.flows[route.key]
    assert not labelled.is_plain and labelled.band is None
    assert labelled.item is not None and not labelled.item.flags() & NO_CONTENTS  # it draws its label
    page.document.undo_stack.undo()
    assert scene.flows[route.key].is_plain and scene.flows[route.key].band is not None
