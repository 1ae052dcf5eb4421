"""One rule check per edit, shared by the findings panel, the roadmap and the overview."""

from __future__ import annotations

from omplanner.commands import SetFields
from omplanner.model import ItemKind, Severity
from omplanner.rules import check_plan
from ui.document import Document
from ui.findings_panel import FindingsPanel
from ui.pages.overview import OverviewPage
from ui.roadmap.page import RoadmapPage


def _key(findings):
    return sorted((f.code, f.message, f.severity.value) for f in findings)


def _views(qtbot, plan):
    document = Document(plan)
    panel = FindingsPanel(document)
    roadmap = RoadmapPage(document)
    overview = OverviewPage(document)
    for widget in (panel, roadmap, overview):
        qtbot.addWidget(widget)
        widget.resize(1000, 700)
        widget.show()
    qtbot.waitExposed(roadmap)
    panel.refresh()
    overview.refresh_analysis()
    return document, panel, roadmap, overview


def test_one_edit_runs_one_check_that_every_view_shows(qtbot, example_plan):
    document, panel, roadmap, overview = _views(qtbot, example_plan)
    runs = document.findings.runs
    tool = next(i for i in document.plan.roadmap if i.kind is ItemKind.TOOL_SELECTION)

    assert document.execute(SetFields(tool.id, {"start_week": 0}))
    panel.refresh()
    overview.refresh_analysis()
    qtbot.wait(50)

    assert document.findings.runs == runs + 1  # three views asked; the rules ran once
    expected = check_plan(document.plan)
    assert _key(panel.findings) == _key(roadmap.check.findings) == _key(expected)
    errors = sum(1 for f in expected if f.severity is Severity.ERROR)
    assert overview.count_labels[Severity.ERROR].text() == str(errors)
    # The drag broke a principle: the roadmap marks the bar that now starts too early.
    assert tool.id in roadmap.check.markers


def test_undo_and_redo_bring_the_findings_back(qtbot, example_plan):
    document, panel, roadmap, _overview = _views(qtbot, example_plan)
    before = _key(document.findings.findings())
    tool = next(i for i in document.plan.roadmap if i.kind is ItemKind.TOOL_SELECTION)
    document.execute(SetFields(tool.id, {"start_week": 0}))
    after = _key(document.findings.findings())
    assert after != before

    document.undo_stack.undo()
    assert _key(document.findings.findings()) == before == _key(roadmap.check.findings)
    document.undo_stack.redo()
    assert _key(document.findings.findings()) == after == _key(check_plan(document.plan))


def test_another_plan_opened_is_checked_from_scratch(qtbot, example_plan):
    document = Document(example_plan)
    assert document.findings.findings()
    from omplanner.model import Plan

    document.replace_plan(Plan(), None)
    assert document.findings.findings() == check_plan(document.plan) == []


def test_nothing_is_checked_until_a_view_asks(qtbot, example_plan):
    document = Document(example_plan)
    for week in range(3):
        document.execute(SetFields(example_plan.roadmap[2].id, {"start_week": week}))
    assert document.findings.runs == 0
    assert _key(document.findings.findings()) == _key(check_plan(document.plan))
    assert document.findings.runs == 1
