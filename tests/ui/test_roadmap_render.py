"""The roadmap as PNG and SVG: files that open, show the items, and follow light or dark."""

from __future__ import annotations

from PySide6.QtGui import QImage

from ui.roadmap.render import render_roadmap, slide_scene


def _distinct_colours(image: QImage, step: int = 17) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def test_png_and_svg_of_the_example(qapp, tmp_path, example_plan):
    png = render_roadmap(example_plan, tmp_path / "roadmap.png")
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() > 1200 and image.height() > 500
    assert _distinct_colours(image) > 20  # bars in several colours, not a blank page
    svg = render_roadmap(example_plan, tmp_path / "roadmap.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    for text in ("Select the invoice matching tool", "Data readiness", "Feb"):
        assert text in svg
    assert not list(tmp_path.glob(".*"))  # no temporary files left behind


def test_dark_render_has_a_dark_background(qapp, tmp_path, example_plan):
    light = QImage(str(render_roadmap(example_plan, tmp_path / "light.png")))
    dark = QImage(str(render_roadmap(example_plan, tmp_path / "dark.png", dark=True)))
    assert light.pixelColor(4, 4).lightness() > 200
    assert dark.pixelColor(4, 4).lightness() < 60


def test_slide_scene_for_scene_renderers(qapp, example_plan):
    scene, rect = slide_scene(example_plan)
    assert rect.width() > 1000
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(0)
    from PySide6.QtGui import QPainter

    painter = QPainter(image)
    scene.render(painter, rect, rect)
    painter.end()
    assert _distinct_colours(image) > 20


def test_the_page_follows_a_switch_to_dark(qtbot, example_plan):
    from PySide6.QtGui import QColor, QPalette

    from ui.document import Document
    from ui.roadmap.page import RoadmapPage

    page = RoadmapPage(Document(example_plan))
    qtbot.addWidget(page)
    assert not page.scene.theme.dark
    palette = page.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202225"))
    page.setPalette(palette)
    assert page.scene.theme.dark
    assert page.scene.bars["item-4"].theme.dark
    assert page.scene.bars["item-4"].marker == "error"  # findings survive the redraw


def test_today_line_is_drawn_where_today_falls(qapp, example_plan):
    from datetime import date, timedelta

    from PySide6.QtGui import QPainter

    from ui.roadmap.scene import RoadmapScene

    example_plan.details.start_date = date.today() - timedelta(weeks=5)
    scene = RoadmapScene()
    scene.sync(example_plan)
    layout = scene.layout
    x = round(layout.x(5))
    y = round(layout.height - 3)  # the bottom lane is empty there: only the line
    image = QImage(int(layout.width) + 4, int(layout.height) + 4, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    scene.render(painter, image.rect().toRectF(), scene.sceneRect())
    painter.end()
    today = scene.theme.today
    near = [image.pixelColor(x + dx, y) for dx in (-1, 0, 1)]
    assert any(abs(c.blue() - today.blue()) < 40 and abs(c.red() - today.red()) < 40 for c in near)
    scene.dispose()


def test_omplanner_render_roadmap(qapp, tmp_path, example_file, capsys):
    from ui.process.render import main

    assert main([str(example_file), "--roadmap", "-o", str(tmp_path / "slide.svg")]) == 0
    svg = (tmp_path / "slide.svg").read_text(encoding="utf-8")
    assert "Select the invoice matching tool" in svg and "Roadmap" in svg
    assert main([str(example_file), "--roadmap", "--dark", "-o", str(tmp_path / "slide.png")]) == 0
    image = QImage(str(tmp_path / "slide.png"))
    assert image.width() > 1000 and image.pixelColor(4, 4).lightness() < 60


def test_presentation_type_enlarges_the_canvas_text(qtbot, qapp, example_plan):
    from PySide6.QtGui import QFont

    from ui.document import Document
    from ui.roadmap.page import RoadmapPage

    page = RoadmapPage(Document(example_plan))
    qtbot.addWidget(page)
    before = page.scene.bars["item-4"].text_width("Select the invoice matching tool", "")
    normal = QFont(qapp.font())
    bigger = QFont(normal)
    bigger.setPointSizeF(normal.pointSizeF() * 1.4)
    try:
        qapp.setFont(bigger)
        qtbot.waitUntil(lambda: page.scene.theme.text_scale > 1.3)
        after = page.scene.bars["item-4"].text_width("Select the invoice matching tool", "")
        assert after > before * 1.25
    finally:
        qapp.setFont(normal)
    qtbot.waitUntil(lambda: page.scene.theme.text_scale == 1.0)


def test_go_live_diamond_sits_in_the_week_the_deployment_finishes(qapp, example_plan):
    """The canvas and the render mark go-live where the PDF and workbook put it (omplanner.figures)."""
    from omplanner.figures import go_live_offset, go_live_week
    from omplanner.model import ItemKind
    from ui.roadmap.render import build_scene

    scene = build_scene(example_plan)
    deployments = [i for i in example_plan.roadmap if i.kind is ItemKind.DEPLOYMENT]
    assert deployments
    for item in deployments:
        bar = scene.bars[item.id]
        diamond = bar.mapToScene(bar.go_live_diamond()).boundingRect()
        week = scene.layout.week_at(diamond.center().x())
        assert go_live_offset(item) < week <= go_live_offset(item) + 1 + 1e-9, item.id  # fractional scale
        assert f"goes live in week {go_live_week(item)}" in bar.toolTip()


def test_the_slides_time_axis_ends_with_the_last_item_or_its_label_not_months_after(qapp, example_plan):
    from ui.roadmap.render import build_scene

    for item in example_plan.roadmap:  # short labels: the axis is what sets the width
        item.title, item.owner = "A", None
    scene = build_scene(example_plan)
    layout = scene.layout
    right = max(
        bar.mapRectToScene(bar.boundingRect() | bar.childrenBoundingRect()).right() for bar in scene.bars.values()
    )
    assert layout.x(layout.weeks) - right < 2 * layout.ppw  # at most a week or so of blank axis
    assert layout.weeks >= max(i.end_week for i in example_plan.roadmap)
