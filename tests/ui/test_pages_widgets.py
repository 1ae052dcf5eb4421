"""The shared pieces under the pages: bindings never echo, the radar draws what it is given."""

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from omplanner.commands import SetFields
from ui.document import Document
from ui.widgets.bindings import FormBinder
from ui.widgets.radar import RadarChart, Series


def test_a_bound_field_follows_the_plan_without_echoing_an_edit(qtbot, example_plan):
    document = Document(example_plan)
    binder = FormBinder(document)
    line = binder.line(QLineEdit(), lambda: "details", "client", "client")
    notes = binder.text(QPlainTextEdit(), lambda: "details", "notes", "notes")
    qtbot.addWidget(line)
    qtbot.addWidget(notes)
    document.execute(SetFields("details", {"client": "Harbour & Vale plc", "notes": "Two depots."}))
    assert line.text() == "Harbour & Vale plc" and notes.toPlainText() == "Two depots."
    assert document.undo_stack.count() == 1  # the update did not come back as an edit
    document.undo_stack.undo()
    assert line.text() == "Harbour & Vale Distribution"
    assert document.undo_stack.count() == 1 and document.undo_stack.index() == 0


def test_typing_in_two_fields_is_two_undo_steps(qtbot, example_plan):
    document = Document(example_plan)
    binder = FormBinder(document)
    title = binder.line(QLineEdit(), lambda: "details", "title", "title")
    client = binder.line(QLineEdit(), lambda: "details", "client", "client")
    qtbot.addWidget(title)
    qtbot.addWidget(client)
    title.selectAll()
    qtbot.keyClicks(title, "Wave one")
    client.selectAll()
    qtbot.keyClicks(client, "H&V")
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.plan.details.title == "Wave one" and client.text() == "Harbour & Vale Distribution"


def test_the_radar_draws_each_series_in_its_colour(qtbot):
    chart = RadarChart(["Process", "Decisions", "Capability", "Governance", "Data"])
    qtbot.addWidget(chart)
    chart.resize(420, 460)
    red = QColor(220, 0, 0)
    chart.set_series([Series("Only", red, (5, 5, 5, 5, 5), emphasised=True)])
    image = chart.grab().toImage()
    reds = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if (c := image.pixelColor(x, y)).red() > 180 and c.green() < 80 and c.blue() < 80
    )
    assert reds > 50
    chart.set_series([])
    image = chart.grab().toImage()
    assert not any(
        (c := image.pixelColor(x, y)).red() > 180 and c.green() < 80 and c.blue() < 80
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    )
