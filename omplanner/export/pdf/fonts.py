"""DejaVu Sans for every piece of text in the board pack.

reportlab's built-in Helvetica covers Latin-1 only: a client name such as "Łódź" or a tick
mark would come out as black boxes. DejaVu ships with the app (resources/fonts, free licence).
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ...paths import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


def register_fonts() -> None:
    """Register the family once per process; <b> and <i> in paragraphs map onto it."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)


def drawing(width: float, height: float):
    """A reportlab Drawing whose initial font is ours, so no Helvetica enters the PDF."""
    from reportlab.graphics.shapes import Drawing

    register_fonts()
    return Drawing(width, height, initialFontName=REGULAR)
