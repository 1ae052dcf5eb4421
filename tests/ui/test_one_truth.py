"""One truth, read back from every output: for the example and two plans made from it (one with
unknown inputs, one with many branches and a rework loop), the board pack's text, the workbook's
cells, the app's overview and the rendered images show the same figures, words and colours per
use case. A figure or colour computed a second way anywhere fails here."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from omplanner.export.pdf import export_pdf
from omplanner.export.xlsx import export_xlsx
from omplanner.figures import UNKNOWN, expected_minutes, number, pilot_is_time_saving
from omplanner.figures.minutes import per_case_words
from omplanner.fileio import load_plan
from omplanner.integration import integration_figures
from omplanner.model import AiIntervention, Flow, ItemKind, StepKind
from omplanner.paths import example_path
from omplanner.vocabulary import AI, ITEM_KIND, xlsx
from tests.ui.page_tools import open_page

KINDS_OF_PLAN = ("example", "unknown inputs", "many branches")


def _plan(kind: str):
    plan = load_plan(example_path("distributor"))
    if kind == "unknown inputs":
        ap = plan.use_case("uc-ap")
        next(s for s in ap.redesigned.steps if s.name.startswith("Resolve")).minutes = 0
        plan.use_case("uc-email").tractability.monthly_volume = 0
    elif kind == "many branches":
        ap = plan.use_case("uc-ap")
        for flow in ap.current.flows:
            flow.label = re.sub(r"\s*·.*", "", flow.label)  # shares taken out: even shares assumed
        resolve = next(s for s in ap.current.steps if s.name.startswith("Resolve"))
        find = next(s for s in ap.current.steps if s.name.startswith("Find"))
        ap.current.flows.append(Flow(id="flow-recheck", source=resolve.id, target=find.id, label="recheck · 20 %"))
        email = plan.use_case("uc-email")
        for flow in email.redesigned.flows:
            flow.label = flow.label.replace("90 %", "70 %").replace("10 %", "30 %")
    return plan


@pytest.fixture(scope="module", params=KINDS_OF_PLAN)
def outputs(request, tmp_path_factory):
    plan = _plan(request.param)
    folder = tmp_path_factory.mktemp(request.param.replace(" ", "-"))
    export_pdf(plan, folder / "pack.pdf")
    export_xlsx(plan, folder / "plan.xlsx")
    reader = PdfReader(folder / "pack.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return plan, text, reader, load_workbook(folder / "plan.xlsx"), folder


def _rows(ws, name: str) -> list[dict]:
    rows = list(ws[ws.tables[name].ref])
    header = [c.value for c in rows[0]]
    return [dict(zip(header, (c.value for c in row), strict=True)) for row in rows[1:]]


def test_minutes_per_case_agree_in_the_pdf_the_workbook_and_the_headline(outputs):
    plan, text, _reader, book, _folder = outputs
    notes = " ".join(c.value for row in book["Processes"].iter_rows() for c in row if isinstance(c.value, str))
    expected, footers = [], re.findall(r"([\d,.]+) minutes of people's time per case expected", text)
    for uc in plan.use_cases:
        if not (uc.current.steps or uc.redesigned.steps):
            continue
        current, redesigned = expected_minutes(plan, uc.current), expected_minutes(plan, uc.redesigned)
        expected += [number(current.people), number(redesigned.people)]
        assert f"Current process: {per_case_words(current)}. Redesigned: {per_case_words(redesigned)}." in notes
        figures = integration_figures(plan, uc)
        assert number(figures.current_minutes_per_case) == number(current.people)
        assert number(figures.redesigned_minutes_per_case) == number(redesigned.people)
    assert sorted(footers) == sorted(expected)


def test_capacity_released_agrees_in_the_pdf_and_the_workbook_and_unknown_is_never_zero(outputs):
    plan, text, _reader, book, _folder = outputs
    rows = {r["Use case"]: r for r in _rows(book["Summary"], "UseCases")}
    for uc in plan.use_cases:
        figures = integration_figures(plan, uc)
        row = rows[uc.name]
        assert figures.summary in text
        assert row["What the figures mean"] == figures.summary
        if figures.capacity_released_pct is None:
            assert row["Process capacity released %"] == row["Hours released per month"] == UNKNOWN
            assert row["Gap to pilot (points)"] == (UNKNOWN if pilot_is_time_saving(uc.pilot_kpi) else None)
            continue
        assert row["Process capacity released %"] == figures.capacity_released_pct
        assert f"{number(figures.capacity_released_pct)} % of capacity is released" in figures.summary
        if figures.hours_released_per_month is None:
            assert row["Hours released per month"] == UNKNOWN
        else:
            assert row["Hours released per month"] == figures.hours_released_per_month
            assert f"about {number(figures.hours_released_per_month)} hours a month" in text


def test_the_apps_overview_shows_the_same_figures(qtbot, outputs):
    from ui.pages.overview import OverviewPage, process_text

    plan, text, _reader, _book, _folder = outputs
    _document, page = open_page(qtbot, OverviewPage, plan)
    qtbot.waitUntil(lambda: len([c for c in page.cards if c.isVisible()]) == len(plan.use_cases))
    for uc in plan.use_cases:
        card = next(c for c in page.cards if c.isVisible() and c.title.text().endswith(uc.name))
        figures = integration_figures(plan, uc)
        assert card.process.text() == process_text(figures)
        if figures.capacity_released_pct is not None:
            assert f"{number(figures.capacity_released_pct)} % of capacity released" in card.process.text()
            assert f"at process level {number(figures.capacity_released_pct)} %" in text


def _pdf_fills(reader: PdfReader) -> set[str]:
    """Every fill colour the board pack sets ("r g b rg"), as "#rrggbb"."""
    found = set()
    for page in reader.pages:
        data = page.get_contents().get_data().decode("latin-1")
        for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) rg", data):
            found.add("#" + "".join(f"{round(float(c) * 255):02x}" for c in (r, g, b)))
        for xobject in (page.get("/Resources") or {}).get("/XObject", {}).values():
            stream = xobject.get_object()
            if hasattr(stream, "get_data"):
                for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) rg", stream.get_data().decode("latin-1")):
                    found.add("#" + "".join(f"{round(float(c) * 255):02x}" for c in (r, g, b)))
    return found


def _image_colours(path) -> set[str]:
    image = QImage(str(path))
    step = max(1, image.width() // 600)
    return {
        QColor(image.pixel(x, y)).name() for y in range(0, image.height(), step) for x in range(0, image.width(), step)
    }


def test_kinds_of_work_wear_one_colour_in_the_workbook_the_pdf_and_the_render(outputs):
    from ui.process.render import main as render

    plan, _text, reader, book, folder = outputs
    kinds = {item.kind for item in plan.roadmap}
    # the workbook's Gantt: the bar rule of each kind (conditional formatting on the row's own
    # start week and weeks) fills with its kind's colour
    ws = book["Roadmap"]
    rule_fills = {}
    for formatting in ws.conditional_formatting:
        for rule in formatting.rules:
            formula = (rule.formula or [""])[0]
            if '"Yes"' in formula or ">=" not in formula:
                continue  # the critical-path variant, the go-live week, today
            label = formula.split('="')[1].split('"')[0]
            rule_fills[label] = rule.dxf.fill.bgColor.rgb[-6:]
    for row in _rows(ws, "Roadmap"):
        kind = next(k for k in ItemKind if k.label == row["Kind"])
        assert rule_fills[kind.label] == xlsx(ITEM_KIND[kind].light), row["Title"]
    # the board pack's Gantt and legend
    fills = _pdf_fills(reader)
    assert {ITEM_KIND[k].light for k in kinds} <= fills
    # the rendered roadmap slide, light and dark
    for dark in (False, True):
        png = folder / f"roadmap-{dark}.png"
        assert render([str(folder / "plan.omplan"), "--roadmap", "-o", str(png), *(["--dark"] if dark else [])]) == 0
        assert {ITEM_KIND[k].colour(dark) for k in kinds} <= _image_colours(png)


def test_ai_interventions_wear_one_colour_and_one_word_on_the_canvas_the_render_and_the_pdf(outputs):
    from omplanner.export.pdf import styles as pdf
    from ui.process.render import main as render
    from ui.process.style import CanvasStyle

    plan, text, reader, book, folder = outputs
    used = {s.ai for uc in plan.use_cases for s in uc.redesigned.steps if s.is_ai}
    fills = _pdf_fills(reader)
    for ai in used:
        look = AI[ai]
        assert pdf.hex_of(pdf.AI_COLOURS[ai]).lower() == look.light
        assert look.light in fills
        assert look.label in text  # the map legend spells the badge out
        for dark in (False, True):
            assert CanvasStyle(dark).ai_pens[ai].color().name() == look.colour(dark)
    assert "AI informs" not in text
    # the workbook tints each AI intervention's word with the same colour, paler, under its ink
    tints = {
        rule.formula[0].strip('"'): (rule.dxf.fill.fgColor.rgb[-6:], rule.dxf.font.color.rgb[-6:])
        for cf in book["Processes"].conditional_formatting
        for rule in cf.rules
    }
    for ai in used:
        assert tints[AI[ai].label] == (xlsx(AI[ai].pale()), xlsx(AI[ai].text()))
    uc = next(u for u in plan.use_cases if any(s.is_ai for s in u.redesigned.steps))
    png = folder / "map.png"
    assert render([str(folder / "plan.omplan"), "--process", f"{uc.id}:redesigned", "-o", str(png)]) == 0
    colours = _image_colours(png)
    assert {AI[a].light for a in used} <= colours
    assert AiIntervention.NONE not in used


@pytest.fixture(autouse=True)
def _plan_file(outputs):
    from omplanner.fileio import save_plan

    plan, _text, _reader, _book, folder = outputs
    if not (folder / "plan.omplan").exists():
        save_plan(plan, folder / "plan.omplan")


def test_step_kinds_fill_alike_on_the_canvas_and_in_the_pdf():
    from omplanner.export.pdf import styles as pdf
    from omplanner.vocabulary import STEP_KIND
    from ui.process.style import CanvasStyle

    canvas = CanvasStyle(False)
    for kind in (StepKind.START, StepKind.END, StepKind.DECISION, StepKind.HANDOFF):
        assert canvas.kind_brushes[kind].color().name() == pdf.hex_of(pdf.STEP_FILL[kind]).lower()
        assert canvas.kind_brushes[kind].color().name() == STEP_KIND[kind].pale()


def test_the_process_pages_summary_shows_the_same_minutes(qtbot, outputs):
    from ui.process.page import ProcessPage

    plan, _text, _reader, _book, _folder = outputs
    _document, page = open_page(qtbot, ProcessPage, plan)
    for uc in plan.use_cases:
        if not uc.redesigned.steps:
            continue
        page.show_use_case(uc.id)
        figures = integration_figures(plan, uc)
        minutes = f"{number(figures.current_minutes_per_case)} → {number(figures.redesigned_minutes_per_case)} min"
        qtbot.waitUntil(lambda minutes=minutes: minutes in page.summary.text())
        assert "min of people's time per case (expected)" in page.summary.text()


def test_roadmap_lanes_are_named_as_the_board_pack_and_the_workbook_name_them(outputs):
    from omplanner.export.pdf.gantt import LANE_NAMES
    from omplanner.model import ITEM_COMPONENT
    from ui.roadmap.layout import lanes_for

    plan, _text, _reader, book, _folder = outputs
    components = {r["Kind"]: r["Component"] for r in _rows(book["Roadmap"], "Roadmap")}
    for lane in lanes_for(plan, "component"):
        component = ITEM_COMPONENT[lane.kind]
        if component is not None:
            assert lane.title == LANE_NAMES[component] == component.label
            assert components.get(lane.kind.label, lane.title) == lane.title
        else:
            assert lane.title == lane.kind.label


def test_the_pages_signal_colours_are_the_vocabularys():
    from omplanner.model import Severity
    from omplanner.vocabulary import CHANGE, SEVERITY
    from ui.widgets.style import CAUTION, GOOD, PROBLEM

    assert PROBLEM.name() == SEVERITY[Severity.ERROR].light
    assert CAUTION.name() == SEVERITY[Severity.WARNING].light
    assert GOOD.name() == CHANGE["added"].light
