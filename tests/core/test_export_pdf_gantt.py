"""The board pack's Gantt chart, read from the shapes it draws: no arrow or go-live line runs
through a word, and the time axis ends with the last piece of work."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from omplanner.export.pdf import styles as st
from omplanner.export.pdf.document import frame_size
from omplanner.export.pdf.fonts import register_fonts
from omplanner.export.pdf.gantt import gantt_pages
from omplanner.model import ItemKind, Plan, RoadmapItem, Role
from omplanner.model.factories import make_use_case

from .test_export_pdf_layout import generated_plan


def _crowded_plan() -> Plan:
    """Go-lives a week or two apart and work that starts before what it depends on ends, in
    both directions: the arrows have labels in their way unless they are routed round them."""
    plan = Plan()
    plan.roles.append(Role(id="role-a", name="Owner"))
    plan.use_cases.append(make_use_case("Only use case", id="uc"))
    kinds = [ItemKind.DEPLOYMENT, ItemKind.DEPLOYMENT, ItemKind.PROCESS_REDESIGN, ItemKind.DATA_READINESS]
    plan.roadmap = [
        RoadmapItem(
            id=f"it-{k}",
            title=f"Item {k}",
            kind=kinds[k % 4],
            use_case="uc",
            start_week=(k * 3) % 11,
            duration_weeks=2 + k % 5,
            owner="role-a",
            depends_on=[f"it-{j}" for j in (k - 1, k - 3, k - 5) if j >= 0],
        )
        for k in range(24)
    ]
    return plan


def _boxes(page) -> list[tuple[float, float, float, float, str]]:
    out = []
    for kind, args, *_ in page.ops:
        if kind != "text":
            continue
        x, y, text, font, size, anchor = args
        w = stringWidth(text, font, size)
        x0 = x - w if anchor == "end" else x - w / 2 if anchor == "middle" else x
        out.append((x0, y - 0.2 * size, x0 + w, y + 0.75 * size, text))
    return out


def _runs(page):
    """Straight runs of the arrows (grey and red) and of the go-live lines."""
    for kind, args, _fill, stroke, *_ in page.ops:
        if kind == "polyline":
            yield from (((args[k], args[k + 1], args[k + 2], args[k + 3]), stroke) for k in range(0, len(args) - 2, 2))
        elif kind == "line" and stroke == st.RED:
            yield args, stroke


def _through(run, box) -> bool:
    (xa, ya, xb, yb), (x0, y0, x1, y1, _) = run, box
    if xa == xb:
        return x0 < xa < x1 and min(ya, yb) < y1 and y0 < max(ya, yb)
    return y0 < ya < y1 and min(xa, xb) < x1 and x0 < max(xa, xb)


PLANS = {"example": None, "generated": generated_plan, "crowded": _crowded_plan}


@pytest.fixture(params=list(PLANS))
def charts(request, example_plan):
    register_fonts()
    plan = PLANS[request.param]() if PLANS[request.param] else example_plan
    width, height = frame_size("landscape")
    return plan, gantt_pages(plan, width, height - 150)


def test_no_arrow_or_go_live_line_runs_through_a_word(charts):
    _plan, pages = charts
    assert any(op[3] == st.RED for page in pages for op in page.ops if op[0] in ("polyline", "line"))
    crossed = [
        f"chart {k + 1}: a {'red' if colour == st.RED else 'grey'} line through {box[4]!r}"
        for k, page in enumerate(pages)
        for run, colour in _runs(page)
        for box in _boxes(page)
        if _through(run, box)
    ]
    assert not crossed, crossed[:10]


def test_the_axis_ends_with_the_last_piece_of_work(charts):
    plan, pages = charts
    last = max(i.end_week for i in plan.roadmap)

    def weeks(page) -> list[int]:
        return [int(a[2]) for kind, a, *_ in page.ops if kind == "text" and a[4] == 5.8 and a[2].isdigit()]

    assert max(max(weeks(p)) for p in pages) <= last
    final = [p for p in pages if max(weeks(p)) == max(max(weeks(q)) for q in pages)]  # the last stretch of weeks
    ops = [op for page in final for op in page.ops]
    axis_end = max(a[0] + a[2] for kind, a, fill, *_ in ops if kind == "rect" and fill == st.NAVY)
    bars = [a[0] + a[2] for kind, a, fill, *_ in ops if kind == "rect" and fill in st.KIND_COLOURS.values()]
    assert abs(max(bars) - axis_end) < 0.01
