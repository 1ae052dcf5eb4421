"""The cover and the contents page."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import FrameBreak, NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle

from .. import styles as st
from ..blocks import Ctx
from ..deferred import ContentsTable
from ..safe import esc


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def cover(ctx: Ctx, issued: date) -> list:
    d, s = ctx.plan.details, ctx.s
    flow: list = [
        Spacer(1, 30 * mm),
        Paragraph(
            "AI OPERATING MODEL · BOARD PACK", s.kicker.clone("cover_kicker", textColor=st.colors.HexColor("#9FD3CC"))
        ),
        Spacer(1, 6),
        Paragraph(esc(d.title), s.cover_title),
    ]
    if d.client:
        flow.append(Paragraph(esc(d.client), s.cover_sub))
    flow.append(FrameBreak())
    facts = [
        ("Prepared by", d.facilitator or "—"),
        ("Programme start", _long_date(d.start_date)),
        ("Issued", _long_date(issued)),
    ]
    rows = [[Paragraph(esc(k), s.kicker), Paragraph(esc(v), s.body)] for k, v in facts]
    t = Table(rows, colWidths=[40 * mm, None], hAlign="LEFT")
    t.setStyle([st.BASE_FONT, ("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    flow.append(t)
    if d.notes:
        flow += [Spacer(1, 8), Paragraph("CONTEXT", s.kicker), Paragraph(esc(d.notes), s.body)]
    flow += [NextPageTemplate("portrait"), PageBreak()]
    return flow


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
