"""The export's shortcuts around reportlab must give exactly what reportlab itself gives.

Plain cells skip the markup parser and break their lines with a lean loop; markup is parsed
once per style. A difference would show as a changed line break or a lost character in the
board pack, so each shortcut is compared with reportlab's own result on the same text."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from omplanner.export.pdf import styles as st
from omplanner.export.pdf.fonts import register_fonts
from omplanner.export.pdf.safe import Para, esc, para

TEXTS = [
    "Match invoice to purchase order and goods receipt",
    "Łódź warehouse ✓ → ERP",
    "short",
    "a  b   c",
    "Supercalifragilisticexpialidocious-without-any-space-to-break-at-all",
    "R&D <b",
    "<img src='x'/> stays text",
    "line one\nline two",
    "tab\tseparated",
    "non\xa0breaking space",
    "soft\xadhyphen in a longer sentence that wraps",
]


@pytest.fixture(scope="module")
def styles():
    register_fonts()
    return st.Styles()


def _lines(p: Paragraph, width: float) -> tuple:
    p.wrap(width, 1000)
    bl = p.blPara
    if bl.kind == 0:
        return 0, tuple((round(extra, 6), tuple(words)) for extra, words in bl.lines)
    return 1, tuple(tuple(getattr(w, "text", "") for w in line.words) for line in bl.lines)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("width", [30.0, 61.5, 120.0, 448.0])
def test_plain_cells_break_exactly_like_reportlab(styles, text, width):
    for style in (styles.cell, styles.cell_head, styles.body):
        ours, theirs = para(text, style), Paragraph(esc(text), style)
        assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in theirs.frags]
        assert ours.wrap(width, 1000) == theirs.wrap(width, 1000)
        assert _lines(ours, width) == _lines(theirs, width)
        assert ours.getPlainText() == theirs.getPlainText()


def test_a_rewrap_at_another_width_breaks_again(styles):
    p = para("one two three four five six seven eight nine ten", styles.cell)
    wide = p.wrap(400, 100)
    narrow = p.wrap(40, 100)
    assert narrow[1] > wide[1]
    assert p.wrap(400, 100) == wide


def test_repeated_markup_is_parsed_once_but_never_shared(styles):
    markup = "<b>Suggested fix:</b> move &lt;b&gt; to week 3"
    first, second = Para(markup, styles.cell), Para(markup, styles.cell)
    reference = Paragraph(markup, styles.cell)
    for p in (first, second):
        assert [f.__dict__ for f in p.frags] == [f.__dict__ for f in reference.frags]
        assert p.getPlainText() == "Suggested fix: move <b> to week 3"
    assert all(a is not b for a, b in zip(first.frags, second.frags))
    assert _lines(first, 60) == _lines(reference, 60)


def _drawn(flowable, width: float = 200.0) -> str:
    """The page operators a flowable writes on a fresh canvas."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(None)
    flowable.wrapOn(canvas, width, 1000)
    flowable.drawOn(canvas, 10, 10)
    return "\n".join(canvas._code)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("width", [30.0, 120.0, 448.0])
def test_plain_paragraphs_draw_the_operators_reportlab_draws(styles, text, width):
    for style in (styles.cell, styles.cell_head, styles.body, styles.cell_muted):
        ours, theirs = para(text, style), Paragraph(esc(text), style)
        assert _drawn(ours, width) == _drawn(theirs, width)


def test_repeated_one_line_markup_breaks_and_draws_like_a_fresh_paragraph(styles):
    markup = "<font color='#2a8c82'><b>A person confirms</b></font>"
    paragraphs = [Para(markup, styles.cell) for _ in range(3)]
    reference = Paragraph(markup, styles.cell)
    for p in paragraphs:
        assert _drawn(p, 90) == _drawn(reference, 90)
        assert p.blPara is paragraphs[0].blPara  # broken once, shared
    assert paragraphs[1].blPara is not reference.blPara


def test_map_labels_and_connectors_draw_what_reportlab_draws():
    from reportlab.pdfgen.canvas import Canvas

    from omplanner.export.pdf import styles as st_
    from omplanner.export.pdf.fonts import BOLD, REGULAR
    from omplanner.export.pdf.vector import Circle, String, drawing

    d = drawing(300, 100)
    labels = [("Key invoice ✓ (ERP) \\ done", "start"), ("Łódź → next", "middle"), ("6 min", "end")]
    for k, (text, anchor) in enumerate(labels):
        d.add(String(50, 20 + 20 * k, text, fontName=REGULAR, fontSize=7, fillColor=st_.INK, textAnchor=anchor))
    d.add(Circle(120, 40, 5.2, fillColor=st_.WHITE, strokeColor=st_.NAVY, strokeWidth=0.9))
    d.add(String(120, 38, "A", fontName=BOLD, fontSize=6, fillColor=st_.NAVY, textAnchor="middle"))
    ours = Canvas(None)
    d.drawOn(ours, 0, 0)
    theirs = Canvas(None)
    theirs.saveState()  # what Flowable.drawOn does around draw()
    theirs.translate(0, 0)
    theirs.saveState()  # what Vector.draw does
    theirs.scale(1.0, 1.0)
    theirs.setLineJoin(1)
    theirs.setFillColor(st_.INK)  # the vector sets a colour only when it changes
    for k, (text, anchor) in enumerate(labels):
        theirs.setFont(REGULAR, 7)
        draw = {"start": theirs.drawString, "middle": theirs.drawCentredString, "end": theirs.drawRightString}
        draw[anchor](50, 20 + 20 * k, text)
    theirs.setFillColor(st_.WHITE)
    theirs.setStrokeColor(st_.NAVY)
    theirs.setLineWidth(0.9)
    theirs.circle(120, 40, 5.2, stroke=1, fill=1)
    theirs.setFillColor(st_.NAVY)
    theirs.setFont(BOLD, 6)
    theirs.drawCentredString(120, 38, "A")
    theirs.restoreState()
    theirs.restoreState()
    assert "\n".join(ours._code) == "\n".join(theirs._code)


@pytest.mark.parametrize(
    "values",
    [
        ["Dana Whitfield, AP clerk"],
        ["Łódź team ✓ → ERP", "Buyer"],
        ["R&D <b", "two  spaces"],
        ["  padded  ", "x"],
        ["line\nbreak", "y"],
        ["", "z"],
        [None, "after none"],
        ["<img src='x'/>", "ok"],
    ],
)
def test_markup_templates_give_the_fragments_of_a_full_parse(styles, values):
    from omplanner.export.pdf.safe import marked

    template = "<br/>".join(f"<b>{label}</b> {{{k}}}" for k, label in enumerate("ARCI"[: len(values)]))
    template = f"<font color='#2a8c82'><b>Fix:</b></font> {template}"
    for _ in range(2):  # the second time from the kept template
        ours = marked(template, values, styles.cell)
        theirs = Paragraph(template.format(*(esc("" if v is None else v) for v in values)), styles.cell)
        assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in theirs.frags]
        assert ours.text == theirs.text
        assert _drawn(ours, 120) == _drawn(theirs, 120)
