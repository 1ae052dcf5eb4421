"""Drawing a plain, left-aligned paragraph without reportlab's general paragraph machinery.

Most paragraphs in the board pack are table cells of plain words (see ``safe.para``). For those,
reportlab's ``drawPara`` sets up a text object, bidi and line-drawing helpers, and splits every
line into font subsets again, for a few operators per line. ``draw_plain`` writes exactly the
operators ``drawPara`` writes for such a paragraph (the page streams of the example and of the
large benchmark plan were compared byte for byte); any paragraph outside that case returns
False and is drawn by reportlab.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus.paragraph import paraFontSizeHeightOffset

from .vector import set_colour


def draw_plain(p) -> bool:
    """Draw ``p`` (a wrapped Paragraph) as reportlab would; False if it is not a simple case."""
    blPara = getattr(p, "blPara", None)
    style, canvas = p.style, p.canv
    if (
        blPara is None
        or blPara.kind != 0
        or style.alignment != TA_LEFT
        or p.bulletText
        or style.backColor
        or (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None))
        or style.firstLineIndent
        or any(getattr(p, "_offsets", (0,)))
        or getattr(p, "autoLeading", getattr(style, "autoLeading", "")) in ("max", "min")
        or getattr(blPara, "us_lines", None)
        or getattr(blPara, "link", None)
        or p.debug
        or not canvas.bottomup
        or not blPara.lines
    ):
        return False
    lines = blPara.lines
    # A line squeezed below its width gets word spacing in reportlab: leave those to it.
    if any(extra <= -1e-8 and len(words) > 1 for extra, words in lines):
        return False
    font = getFont(blPara.fontName)
    if not font._dynamicFont:
        return False
    size, leading = blPara.fontSize, style.leading
    cur_y = p.height - (blPara.fontSize if paraFontSizeHeightOffset else getattr(blPara, "ascent", blPara.fontSize))
    doc = canvas._doc
    chunks = _chunk_cache(doc)
    font_op = f"{fp_str(size)} Tf {fp_str(leading)} TL"
    code = ["BT", f"1 0 0 1 {fp_str(style.leftIndent, cur_y)} Tm"]
    subset_now = -1
    for _extra, words in lines:
        text = " ".join(words)
        key = (blPara.fontName, text)
        pieces = chunks.get(key)
        if pieces is None:
            escape = canvas._escape
            pieces = chunks[key] = [
                (subset, font.getSubsetInternalName(subset, doc), f"({escape(chunk)}) Tj")
                for subset, chunk in font.splitString(text, doc)
            ]
        out = []
        for subset, name, shown in pieces:
            if subset != subset_now:
                out.append(f"{name} {font_op}")
                subset_now = subset
            out.append(shown)
        code.append(" ".join(out) + " T*")
    code.append("ET")
    canvas.saveState()
    set_colour(canvas, blPara.textColor, "rg")
    canvas._code.append(" ".join(code))
    canvas.restoreState()
    return True


def _chunk_cache(doc) -> dict:
    """Lines already split into this PDF's font subsets (the split registers the glyphs)."""
    cache = doc.__dict__.get("_om_line_chunks")
    if cache is None:
        cache = doc.__dict__["_om_line_chunks"] = {}
    return cache
