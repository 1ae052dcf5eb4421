"""Printed in greyscale, the colours a reader tells apart stay apart, or the outputs say it another way.

The threshold: in greyscale a colour is only its lightness, so the CIE76 difference the colour
check uses (``TELL_APART``, ΔE 12: a little above the ~10 at which two marks read as different at
a glance) becomes a difference in L*. An office laser printer's halftone keeps about ten to twelve
steps from paper to black, so 12 L* units are also about one step a print can be relied on to
keep. Lighter or darker marks are checked on paper, in the light theme (the dark theme is never
printed).

Kinds with more values than that range holds (nine kinds of roadmap work, five components, five
readiness levels), or whose colours are shown beside their own words, carry a second cue instead:
each pair that prints too close must differ in that cue, and the outputs must show it.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from omplanner.model import ITEM_COMPONENT, AiIntervention, ItemStatus, Severity
from omplanner.vocabulary import (
    AI,
    AUTONOMY,
    CHANGE,
    COMPONENT,
    ITEM_KIND,
    ITEM_STATUS,
    LEVEL,
    SEVERITY,
    change_word,
    lane_title,
    lightness,
)

GREY_APART = 12.0
"""ΔL*: the colour check's ΔE 12 with only lightness left (see the module's note)."""

KINDS = {
    "AI intervention": AI,
    "severity": SEVERITY,
    "autonomy": AUTONOMY,
    "component": COMPONENT,
    "roadmap kind": ITEM_KIND,
    "item status": ITEM_STATUS,
    "change": CHANGE,
    "readiness level": LEVEL,
}


def _status_mark(status: ItemStatus) -> str:
    from omplanner.export.pdf.gantt import STATUS_MARKS

    return STATUS_MARKS.get(status, ("",))[0]


SECOND_CUE = {
    # The board pack's Gantt groups bars in lanes titled with the component they build (one lane
    # for diagnostic, tools and deployment, whose colours must then hold apart by themselves);
    # the app's roadmap in finer lanes (``lane_title``); the workbook writes the kind in the row's
    # Kind column beside its bar.
    "roadmap kind": lambda kind: ITEM_COMPONENT.get(kind),
    # A component's colour is drawn only beside its name (a Gantt lane's edge, a legend).
    "component": lambda c: COMPONENT[c].label,
    # The Gantt's status mark after an item's title (✓ done, ! at risk); the workbook's Status column.
    "item status": _status_mark,
    # The word under a redesigned step ("removed", "new", "AI added").
    "change": change_word,
    # Autonomy is written as coloured words: the words are the cue.
    "autonomy": lambda a: AUTONOMY[a].label,
    # A readiness cell holds its number; the colour scale only shades it.
    "readiness level": lambda level: LEVEL[level].short,
}
MARKS_ALONE = ("AI intervention", "severity")
"""Kinds a reader meets as a colour before any word (a step's outline and badge, a finding's icon
and count): their colours must hold apart in greyscale by themselves."""


def _too_close(table) -> list[tuple]:
    return [
        (a, b, round(abs(lightness(la.light) - lightness(lb.light)), 1))
        for (a, la), (b, lb) in itertools.combinations(table.items(), 2)
        if abs(lightness(la.light) - lightness(lb.light)) < GREY_APART
    ]


@pytest.mark.parametrize("name", MARKS_ALONE)
def test_marks_without_words_print_as_different_greys(name):
    assert not _too_close(KINDS[name]), name


def test_the_kinds_read_as_marks_are_the_ones_held_by_lightness():
    lights = sorted(lightness(lk.light) for lk in AI.values())
    assert lights[-1] - lights[0] >= 3 * GREY_APART  # four greys, from navy to pale
    assert lightness(SEVERITY[Severity.INFO].light) < lightness(SEVERITY[Severity.ERROR].light)
    assert AI[AiIntervention.AUTOMATE].light == CHANGE["automated"].light  # "AI added" is AI's navy


def test_the_apps_roadmap_lanes_are_finer_than_the_packs():
    """Two kinds in one app lane are in one Gantt lane too: the Gantt's cue is the weaker one."""
    for a, b in itertools.combinations(ITEM_KIND, 2):
        if lane_title(a) == lane_title(b):
            assert ITEM_COMPONENT.get(a) == ITEM_COMPONENT.get(b)


@pytest.mark.parametrize("name", [k for k in KINDS if k not in MARKS_ALONE])
def test_colours_too_close_in_greyscale_differ_in_a_second_cue(name):
    cue = SECOND_CUE[name]
    same = [(a, b, grey) for a, b, grey in _too_close(KINDS[name]) if cue(a) == cue(b)]
    assert not same, f"{name}: print as one grey and share their cue {same}"


def test_a_simulation_of_greyscale_merges_what_it_should():
    """Okabe-Ito's green and vermillion, far apart in colour, are nearly one grey: the check can fail."""
    from omplanner.vocabulary import difference

    assert difference("#009e73", "#d55e00") > 50
    assert abs(lightness("#009e73") - lightness("#d55e00")) < 5


@pytest.fixture(scope="module")
def example_outputs(tmp_path_factory, request):
    from pathlib import Path

    from omplanner.export.pack_options import PackOptions
    from omplanner.export.pdf import export_pdf
    from omplanner.export.xlsx import export_xlsx
    from omplanner.fileio import load_plan

    root = tmp_path_factory.mktemp("greyscale")
    plan = load_plan(Path(request.config.rootpath) / "resources" / "examples" / "distributor.omplan")
    planned = next(i for i in plan.roadmap if i.status is ItemStatus.PLANNED)
    planned.status = ItemStatus.AT_RISK  # the example has one done: now every status with a mark
    xlsx, pdf = root / "plan.xlsx", root / "plan.pdf"
    export_xlsx(plan, xlsx)
    export_pdf(plan, pdf, options=PackOptions(audience="team", issued=date(2026, 3, 31)))
    return plan, xlsx, pdf


def test_the_workbook_names_each_bars_kind_and_status_in_its_row(example_outputs):
    from openpyxl import load_workbook

    plan, xlsx, _pdf = example_outputs
    sheet = load_workbook(xlsx)["Roadmap"]
    rows = list(sheet.iter_rows(values_only=True))
    head = next(k for k, row in enumerate(rows) if row and "Kind" in row and "Title" in row)
    columns = rows[head]
    by_title = {row[columns.index("Title")]: row for row in rows[head + 1 :] if row[columns.index("Title")]}
    for item in plan.roadmap:
        row = by_title[item.title]
        assert row[columns.index("Kind")] == ITEM_KIND[item.kind].label
        assert row[columns.index("Status")] == ITEM_STATUS[item.status].label


def test_the_board_packs_gantt_titles_its_lanes_and_marks_statuses(example_outputs):
    from omplanner.export.pdf.gantt import LANE_NAMES, STATUS_MARKS

    from .pdf_layout import read_pages

    plan, _xlsx, pdf = example_outputs
    pages = read_pages(pdf)
    gantt = [p for p in pages if "Work item" in " ".join(w.text for w in p.words)]
    assert gantt
    text = " ".join(w.text for p in gantt for w in p.words)
    for item in plan.roadmap:
        assert LANE_NAMES[ITEM_COMPONENT.get(item.kind)] in text
    for status in {i.status for i in plan.roadmap}:
        if status in STATUS_MARKS:
            assert STATUS_MARKS[status][0] in text, status
    assert {ItemStatus.DONE, ItemStatus.AT_RISK} <= {i.status for i in plan.roadmap}
