"""The cover and the contents page."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import FrameBreak, NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle

from .. import styles as st
from ..blocks import Ctx, short
from ..deferred import ContentsTable
from ..document import cover_bottom_size
from ..safe import esc


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def cover(ctx: Ctx, issued: date) -> list:
    d, s = ctx.plan.details, ctx.s
    flow: list = [
        Spacer(1, 30 * mm),
        Paragraph(
            "AI OPERATING MODEL · " + ("BOARD PACK" if ctx.board else "WORKING-TEAM PACK"),
            s.kicker.clone("cover_kicker", textColor=st.colors.HexColor("#9FD3CC")),
        ),
        Spacer(1, 6),
        # The cover is one page: a very long title or client is cut here (the running header and
        # the document properties carry the title; a cut is marked with an ellipsis).
        Paragraph(esc(short(d.title, 110)), s.cover_title),
    ]
    if d.client:
        flow.append(Paragraph(esc(short(d.client, 120)), s.cover_sub))
    flow.append(FrameBreak())
    t = _facts(ctx, issued)
    flow.append(t)
    if d.notes:
        shown, cut = cover_notes(ctx, issued)
        flow += [Spacer(1, 8), Paragraph("CONTEXT", s.kicker)]
        if shown:
            flow.append(Paragraph(esc(shown), s.body))
        if cut:
            flow.append(_pointer(s))
    flow += [NextPageTemplate("portrait"), PageBreak()]
    return flow


NOTES_HEADING = "Context"
"""The executive summary's last section: the plan notes in full, when the cover had to cut them."""


def _facts(ctx: Ctx, issued: date) -> Table:
    d, s = ctx.plan.details, ctx.s
    o = ctx.options
    facts = [("Prepared by", short(d.facilitator, 200) or "—")]
    if o.organisation:
        facts.append(("Issued by", o.organisation))
    facts += [("Programme start", _long_date(d.start_date)), ("Issued", _long_date(issued))]
    if o.version:
        facts.append(("Version", o.version + (" (draft)" if o.draft else "")))
    elif o.draft:
        facts.append(("Version", "Draft"))
    if o.confidentiality:
        facts.append(("Classification", o.confidentiality))
    rows = [[Paragraph(esc(k), s.kicker), Paragraph(esc(v), s.body)] for k, v in facts]
    t = Table(rows, colWidths=[40 * mm, None], hAlign="LEFT")
    t.setStyle([st.BASE_FONT, ("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    return t


def cover_notes(ctx: Ctx, issued: date) -> tuple[str, bool]:
    """What of the plan notes the cover shows, and whether that is only their start."""
    s = ctx.s
    if not ctx.plan.details.notes:
        return "", False
    width, height = cover_bottom_size(ctx.options.paper)
    used = _facts(ctx, issued).wrap(width, height)[1] + 8 + Paragraph("CONTEXT", s.kicker).wrap(width, height)[1]
    used += s.kicker.spaceAfter + _pointer(s).wrap(width, height)[1] + 6
    return fit_notes(ctx.plan.details.notes, s.body, width, height - used)


def _pointer(s) -> Paragraph:
    return Paragraph(f"<i>The full notes are in the executive summary, under “{NOTES_HEADING}”.</i>", s.muted)


def fit_notes(notes: str, style, width: float, height: float) -> tuple[str, bool]:
    """The start of ``notes`` that fits ``height``: all of it, else cut at a sentence (or a
    word) with an ellipsis. The bool says whether it was cut.

    The cover is one page: notes of a few thousand characters used to run on to further navy
    pages with dark text on them and no header or footer."""
    if Paragraph(esc(notes), style).wrap(width, height)[1] <= height:
        return notes, False
    stops = [k for k in range(1, len(notes)) if notes[k].isspace() and not notes[k - 1].isspace()]
    lo, hi = 0, len(stops)  # stops[:lo] fit; find the most
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if Paragraph(esc(_cut(notes, stops[mid - 1])), style).wrap(width, height)[1] <= height:
            lo = mid
        else:
            hi = mid - 1
    if lo == 0:
        return "", True
    end = stops[lo - 1]
    sentence = max(notes.rfind(p, 0, end + 1) for p in (". ", "! ", "? ", ".\n", "\n"))
    if sentence > end * 0.6:
        end = sentence + 1
    return _cut(notes, end), True


def _cut(notes: str, end: int) -> str:
    return notes[:end].rstrip(" \t\r\n,;:") + " …"


def contents(ctx: Ctx) -> list:
    toc = ContentsTable()
    toc.levelStyles = [ctx.s.toc1, ctx.s.toc2]
    toc.dotsMinLevel = 0
    toc.tableStyle = TableStyle(
        [
            st.BASE_FONT,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return [Paragraph("Contents", ctx.s.h1), toc]
