"""The board pack, read back with pypdf: what a reader of the PDF would find on its pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from omplanner.export import Cancelled
from omplanner.export.pack_options import PackOptions
from omplanner.export.pdf import export_pdf
from omplanner.export.pdf.safe import esc
from omplanner.model import (
    Decision,
    Flow,
    ItemKind,
    Plan,
    RoadmapItem,
    Role,
    Step,
    StepKind,
)
from omplanner.model.factories import make_use_case

TEAM = PackOptions(audience="team")
MARKUP = "R&D <b"
IMG = "<img src='x'/>"
NON_LATIN = "Zürich – Łódź ✓ →"


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _text(path: Path) -> str:
    return " ".join(_pages(path))


@pytest.fixture
def example_pdf(example_plan, tmp_path) -> Path:
    target = tmp_path / "pack.pdf"
    export_pdf(example_plan, target, options=TEAM)  # the working team's pack holds everything
    return target


def test_example_pack_names_every_use_case_decision_and_roadmap_item(example_plan, example_pdf):
    text = _text(example_pdf)
    for uc in example_plan.use_cases:
        assert uc.name in text
    for decision in example_plan.decisions:
        assert decision.name in text
    for item in example_plan.roadmap:
        assert item.title in text
    for source in example_plan.data_sources:
        assert source.name in text
    assert "Executive summary" in text and "Governance charter" in text and "Findings" in text


def test_every_page_but_the_cover_has_the_title_and_page_x_of_y(example_plan, example_pdf):
    pages = _pages(example_pdf)
    total = len(pages)
    assert total > 8
    for number, text in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in text
        assert example_plan.details.title in text
    assert "Page 1 of" not in pages[0]


def test_process_maps_and_gantt_sit_on_landscape_pages(example_pdf):
    reader = PdfReader(example_pdf)
    orientation = {}
    for page in reader.pages:
        text = page.extract_text()
        wide = float(page.mediabox.width) > float(page.mediabox.height)
        for marker in ("minutes of people's time per case", "Jan 2027 Feb 2027", "Harbour & Vale"):
            if marker in " ".join(text.split()):
                orientation.setdefault(marker, set()).add(wide)
    assert orientation["minutes of people's time per case"] == {True}  # under each map
    assert True in orientation["Jan 2027 Feb 2027"]  # the Gantt's axis: month band over weeks
    assert orientation["Harbour & Vale"] == {False, True}  # the header, on both orientations


def test_only_dejavu_fonts_are_embedded(example_pdf):
    fonts = set()
    for page in PdfReader(example_pdf).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            fonts.add(str(ref.get_object()["/BaseFont"]))
    assert fonts
    assert all("DejaVuSans" in name for name in fonts), fonts


def _hostile_plan(example_plan: Plan) -> Plan:
    plan = example_plan
    plan.details.title = f"{MARKUP} board"
    plan.details.client = NON_LATIN
    plan.details.notes = f"first line & more\n{IMG} second line"
    uc = plan.use_cases[0]
    uc.name = f"{IMG} {NON_LATIN}"
    uc.description = f"{MARKUP}\n<font size=40>big</font>"
    uc.redesigned.steps[1].name = "<i>unclosed"
    uc.governance.autonomy_statement = f"{MARKUP} & <br/> stays text"
    plan.decisions[0].name = f"{MARKUP} decision"
    plan.decisions[0].rationale = IMG
    plan.roadmap[0].title = NON_LATIN
    plan.roadmap[1].title = f"{MARKUP} redesign"
    plan.roles[0].name = "Łódź <clerk>"
    return plan


def test_markup_and_non_latin_text_render_literally(example_plan, tmp_path):
    plan = _hostile_plan(example_plan)
    target = tmp_path / "hostile.pdf"
    export_pdf(plan, target)
    text = _text(target)
    for expected in (
        f"{MARKUP} board",
        NON_LATIN,
        f"{IMG} {NON_LATIN}",
        f"{MARKUP} decision",
        f"{MARKUP} redesign",
        "<font size=40>big</font>",
        f"{MARKUP} & <br/> stays text",
        "Łódź <clerk>",
        "<i>unclosed",
    ):
        assert expected in text, expected
    # Newlines in user text stay line breaks, not markup and not lost.
    assert "first line & more" in text and f"{IMG} second line" in text
    # <img> never pulled a file in: the only XObjects are our deferred page numbers (forms).
    for page in PdfReader(target).pages:
        for xobject in page["/Resources"].get("/XObject", {}).values():
            assert xobject.get_object()["/Subtype"] == "/Form"


def test_escaping_keeps_newlines_and_neutralises_markup():
    assert esc("R&D <b\nnext") == "R&amp;D &lt;b<br/>next"
    assert esc(None) == ""
    assert esc("a\x00b\r\nc") == "ab<br/>c"


def test_a_wide_map_is_split_into_parts_not_shrunk(example_plan, tmp_path):
    from omplanner.export.pdf.document import frame_size
    from omplanner.export.pdf.process_drawing import map_parts

    uc = example_plan.use_cases[1]
    lane = uc.current.lanes[0]
    uc.current.steps = [
        Step(id=f"wide-{k}", kind=StepKind.TASK, name=f"Wide step {k}", lane=lane, x=60 + 190 * k, y=50)
        for k in range(24)
    ]
    uc.current.flows = [Flow(id=f"wf-{k}", source=f"wide-{k}", target=f"wide-{k + 1}") for k in range(23)]
    width = frame_size("landscape")[0]
    parts = map_parts(example_plan, uc.current, width)
    assert len(parts) >= 2  # narrower boxes take twelve columns a part (boxes stay legible)
    assert all(p.drawing.width <= width + 0.01 for p in parts)
    # Boxes keep at least 86 % of their size: legible, not shrunk to fit.
    assert all(p.drawing.transform[0] >= 0.86 for p in parts)
    covered = sorted(c for p in parts for c in range(p.first_col, p.last_col + 1))
    assert covered == list(range(24))
    # The flow across each cut ends in a connector on both sides of it.
    connectors = [sum(1 for op in p.drawing.ops if op[0] == "circle") for p in parts]
    assert connectors == [1] + [2] * (len(parts) - 2) + [1]

    target = tmp_path / "wide.pdf"
    export_pdf(example_plan, target)
    text = _text(target)
    for k in range(24):
        assert f"Wide step {k}" in text
    assert re.search(r"Part 2 of \d", text)


def test_a_long_roadmap_continues_across_pages(tmp_path):
    plan = Plan()
    plan.roles.append(Role(id="role-a", name="Owner"))
    uc = make_use_case("Only use case")
    plan.use_cases.append(uc)
    kinds = list(ItemKind)
    plan.roadmap = [
        RoadmapItem(
            id=f"it-{k}",
            title=f"Work item number {k}",
            kind=kinds[k % len(kinds)],
            use_case=uc.id,
            start_week=k * 4,
            duration_weeks=3,
            owner="role-a",
            depends_on=[f"it-{k - 1}"] if k else [],
        )
        for k in range(70)
    ]
    plan.decisions.append(Decision(id="dec-1", name="Only decision", use_case=uc.id))
    from omplanner.export.pdf.document import frame_size
    from omplanner.export.pdf.gantt import gantt_pages

    width, height = frame_size("landscape")
    pages = gantt_pages(plan, width, height - 92)
    assert len(pages) >= 4  # more rows than a page and more weeks than a page
    assert all(p.width <= width and p.height <= height - 92 for p in pages)

    target = tmp_path / "long.pdf"
    export_pdf(plan, target)
    text = _text(target)
    for k in range(70):
        assert f"Work item number {k}" in text
    assert "Chart 2 of" in text


def test_an_empty_plan_still_exports(tmp_path):
    target = tmp_path / "empty.pdf"
    export_pdf(Plan(), target)
    text = _text(target)
    assert "Executive summary" in text
    assert "No use case has been listed yet" in text


def test_progress_runs_to_the_end_and_never_goes_back(example_plan, tmp_path):
    seen: list[float] = []
    export_pdf(example_plan, tmp_path / "p.pdf", progress=lambda f, msg: seen.append(f))
    assert seen[-1] == 1.0
    assert seen == sorted(seen)
    assert len(seen) > 5


@pytest.mark.parametrize("stop_after", [1, 6, 15])
def test_cancelling_leaves_the_old_file_and_no_temporary(example_plan, tmp_path, stop_after):
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"previous export")
    calls = []

    def progress(fraction: float, message: str) -> bool:
        calls.append(fraction)
        return len(calls) < stop_after

    with pytest.raises(Cancelled):
        export_pdf(example_plan, target, progress=progress)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]


def test_outline_and_contents_point_at_the_right_pages(example_plan, example_pdf):
    reader = PdfReader(example_pdf)
    pages = _pages(example_pdf)
    chapters = {}
    for entry in reader.outline:
        if isinstance(entry, list):
            continue
        number = reader.get_destination_page_number(entry)
        chapters[entry.title] = number
        assert entry.title in pages[number]  # the bookmark lands on its heading
    # Developed use cases in ranked order (the example's plan order is its ranking), then the
    # candidates with nothing recorded beyond their profile, in one chapter.
    developed = [uc for uc in example_plan.use_cases if uc.current.steps]
    expected = ["1. Executive summary", *[f"{k}. {uc.name}" for k, uc in enumerate(developed, 2)]]
    expected.append(f"{len(developed) + 2}. Candidates not yet developed")
    assert [t for t in chapters if t[0].isdigit()][: len(expected)] == expected
    assert "Roadmap" in " ".join(chapters) and "Findings" in " ".join(chapters)
    contents = pages[1]
    for title, number in chapters.items():
        # The contents line ends with the page number (pypdf reads the number before the label).
        assert re.search(rf"{number + 1} {re.escape(title)}", contents), title


def test_a_tall_map_is_split_into_lane_bands(example_plan, tmp_path):
    from omplanner.export.pdf.document import frame_size
    from omplanner.export.pdf.process_drawing import map_parts

    lanes = [Role(id=f"lane-{k}", name=f"Lane role {k}") for k in range(14)]
    example_plan.roles += lanes
    uc = example_plan.use_cases[2]
    uc.redesigned.lanes = [r.id for r in lanes]
    uc.redesigned.steps = [
        Step(id=f"tall-{k}", name=f"Tall step {k}", lane=f"lane-{k // 2}", x=60 + 190 * (k % 3), y=50 + 10 * k)
        for k in range(28)
    ]
    uc.redesigned.flows = [Flow(id=f"tf-{k}", source=f"tall-{k}", target=f"tall-{k + 1}") for k in range(27)]
    width, height = frame_size("landscape")
    parts = map_parts(example_plan, uc.redesigned, width, height - 80)
    assert len(parts) >= 2
    assert all(p.drawing.height <= height - 80 for p in parts)
    assert {p.first_lane for p in parts} > {"lane-0"}

    target = tmp_path / "tall.pdf"
    export_pdf(example_plan, target)
    text = _text(target)
    for k in range(28):
        assert f"Tall step {k}" in text
    assert "lanes Lane role 0 to Lane role" in text
