"""The board pack's look in one place: palette, type scale, table styling.

One sans family (DejaVu), a navy/teal palette, generous space. Every section draws from here so
pages stay consistent.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from ... import vocabulary
from ...model import AiIntervention, Autonomy, Component, ItemKind, ItemStatus, Severity, StepKind
from .fonts import BOLD, REGULAR, register_fonts

NAVY = colors.HexColor("#1F3A5F")
TEAL = colors.HexColor("#2A8C82")
INK = colors.HexColor("#2B2F36")
MUTED = colors.HexColor("#6B7480")
RULE = colors.HexColor("#D5DAE1")
PALE = colors.HexColor("#F3F5F8")
WHITE = colors.white
RED = colors.HexColor("#C0392B")
AMBER = colors.HexColor("#D98E04")
BLUE = colors.HexColor("#3A6EA5")


# Every colour that means something (a component, a kind of work, an AI intervention, a severity)
# is the vocabulary's, so the board pack, the app and the workbook agree.
def _hex(colour: str) -> colors.Color:
    return colors.HexColor(colour)


COMPONENT_COLOURS: dict[Component | None, colors.Color] = {
    **{c: _hex(lk.light) for c, lk in vocabulary.COMPONENT.items()},
    None: _hex(vocabulary.NO_COMPONENT.light),
}

KIND_COLOURS: dict[ItemKind, colors.Color] = {k: _hex(lk.light) for k, lk in vocabulary.ITEM_KIND.items()}
KIND_INKS: dict[ItemKind, colors.Color] = {k: _hex(lk.ink()) for k, lk in vocabulary.ITEM_KIND.items()}
"""Words on a bar of each kind."""

_AI_KINDS = (AiIntervention.AUTOMATE, AiIntervention.SURFACE, AiIntervention.ROUTE_EXCEPTIONS)
AI_COLOURS: dict[AiIntervention, colors.Color] = {a: _hex(vocabulary.AI[a].light) for a in _AI_KINDS}
AI_INKS: dict[AiIntervention, colors.Color] = {a: _hex(vocabulary.AI[a].ink()) for a in _AI_KINDS}
AI_BADGES: dict[AiIntervention, str] = {a: vocabulary.AI[a].short for a in _AI_KINDS}
"""The words on an AI step's badge: the vocabulary's short label ("AI surfaces"), as the app's canvas
says it; the map's legend gives the full label."""
EXCEPTION = _hex(vocabulary.EXCEPTION.light)

STEP_FILL: dict[StepKind, colors.Color] = {
    k: colors.white if k is StepKind.TASK else _hex(lk.pale()) for k, lk in vocabulary.STEP_KIND.items()
}

SEVERITY_COLOURS: dict[Severity, colors.Color] = {k: _hex(lk.text()) for k, lk in vocabulary.SEVERITY.items()}
"""As text and marks on white (read at 4.5:1)."""

STATUS_COLOURS: dict[ItemStatus, colors.Color] = {k: _hex(lk.text()) for k, lk in vocabulary.ITEM_STATUS.items()}

AUTONOMY_COLOURS: dict[Autonomy, colors.Color] = {k: _hex(lk.text()) for k, lk in vocabulary.AUTONOMY.items()}
"""As text on white: the board pack writes autonomy as coloured words."""


def hex_of(colour: colors.Color) -> str:
    return colour.hexval().replace("0x", "#")


class Styles:
    """The paragraph styles, built once fonts are registered."""

    def __init__(self) -> None:
        register_fonts()
        base = dict(fontName=REGULAR, bulletFontName=REGULAR, textColor=INK, alignment=TA_LEFT)
        self.body = ParagraphStyle("body", fontSize=9.5, leading=13.5, spaceAfter=6, **base)
        self.lead = ParagraphStyle("lead", fontSize=11, leading=16, spaceAfter=8, **base)
        self.small = ParagraphStyle("small", fontSize=8, leading=10.5, **base)
        self.muted = ParagraphStyle("muted", parent=self.small, textColor=MUTED)
        self.cell = ParagraphStyle("cell", fontSize=8, leading=10.2, **base)
        self.note = ParagraphStyle("note", parent=self.cell, spaceBefore=4)
        """A long cell's full text, after its table (``blocks.table``)."""
        # Muted cell text as a style rather than a <font> tag: plain text then skips the markup parser.
        self.cell_muted = ParagraphStyle("cell_muted", parent=self.cell, textColor=MUTED)
        self.cell_head = ParagraphStyle("cell_head", parent=self.cell, fontName=BOLD, fontSize=7.5, textColor=WHITE)
        self.h1 = ParagraphStyle(
            "h1", fontName=BOLD, fontSize=20, leading=25, textColor=NAVY, spaceBefore=0, spaceAfter=14
        )
        self.h2 = ParagraphStyle(
            "h2", fontName=BOLD, fontSize=13, leading=17, textColor=NAVY, spaceBefore=12, spaceAfter=6
        )
        self.h3 = ParagraphStyle(
            "h3", fontName=BOLD, fontSize=10.5, leading=14, textColor=TEAL, spaceBefore=8, spaceAfter=4
        )
        self.kicker = ParagraphStyle("kicker", fontName=BOLD, fontSize=8, leading=10, textColor=TEAL, spaceAfter=2)
        self.cover_title = ParagraphStyle(
            "cover_title", fontName=BOLD, fontSize=30, leading=36, textColor=WHITE, spaceAfter=12
        )
        self.cover_sub = ParagraphStyle("cover_sub", fontName=REGULAR, fontSize=14, leading=20, textColor=WHITE)
        self.toc1 = ParagraphStyle("toc1", fontName=BOLD, fontSize=11, leading=18, textColor=NAVY, leftIndent=0)
        self.toc2 = ParagraphStyle("toc2", fontName=REGULAR, fontSize=9.5, leading=14, textColor=INK, leftIndent=14)
        self.action = ParagraphStyle(
            "action", fontName=BOLD, fontSize=12, leading=16, textColor=NAVY, spaceBefore=2, spaceAfter=8
        )
        """A chapter's action title: one sentence of what its pages show, from the plan's figures."""
        self.callout = ParagraphStyle("callout", fontSize=10, leading=14.5, textColor=INK, fontName=REGULAR)
        self.figure = ParagraphStyle("figure", fontName=BOLD, fontSize=40, leading=44, textColor=NAVY)


BASE_FONT = ("FONT", (0, 0), (-1, -1), REGULAR, 8)
"""First command of every table style: a Table's default font is Helvetica, even in empty cells."""


def table_style(header_rows: int = 1, zebra: bool = True) -> TableStyle:
    """The house table: navy header band, hairline rules, light zebra striping."""
    commands = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), NAVY),
            ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), WHITE),
            ("FONT", (0, 0), (-1, header_rows - 1), BOLD, 8),
        ]
    style = TableStyle(commands)
    if zebra:
        style.add("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [WHITE, PALE])
    return style
