"""A lean vector flowable for the process maps and the Gantt chart.

reportlab's graphics shapes validate every attribute and go through a generic renderer with
state tracking; for pages holding thousands of boxes, arrows and labels that dominates the
export time. These constructors take the same arguments as the reportlab shapes we use, record
plain tuples, and the flowable replays them straight onto the canvas.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import PATH_OPS
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Flowable

from .fonts import REGULAR, register_fonts

BLACK = colors.black

_NUMBERS: dict[float, str] = {}


def _num(value: float) -> str:
    """``fp_str`` of one number, remembered: map coordinates sit on a grid and repeat a lot,
    and without reportlab's C accelerator formatting numbers was a large part of drawing."""
    text = _NUMBERS.get(value)
    if text is None:
        if len(_NUMBERS) > 200_000:
            _NUMBERS.clear()
        text = _NUMBERS[value] = fp_str(value)
    return text


def Rect(x, y, width, height, rx=0, ry=0, fillColor=BLACK, strokeColor=BLACK, strokeWidth=1, strokeDashArray=None):
    return ("rect", (x, y, width, height, rx), fillColor, strokeColor, strokeWidth, strokeDashArray)


def Polygon(points, fillColor=BLACK, strokeColor=BLACK, strokeWidth=1, strokeDashArray=None):
    return ("poly", tuple(points), fillColor, strokeColor, strokeWidth, strokeDashArray)


def PolyLine(points, strokeColor=BLACK, strokeWidth=1, strokeDashArray=None):
    return ("polyline", tuple(points), None, strokeColor, strokeWidth, strokeDashArray)


def Line(x1, y1, x2, y2, strokeColor=BLACK, strokeWidth=1, strokeDashArray=None):
    return ("line", (x1, y1, x2, y2), None, strokeColor, strokeWidth, strokeDashArray)


def Circle(cx, cy, r, fillColor=BLACK, strokeColor=BLACK, strokeWidth=1):
    return ("circle", (cx, cy, r), fillColor, strokeColor, strokeWidth, None)


def String(x, y, text, fontName=REGULAR, fontSize=10, fillColor=BLACK, textAnchor="start"):
    return ("text", (x, y, text, fontName, fontSize, textAnchor), fillColor, None, 0, None)


class Vector(Flowable):
    """A fixed-size picture made of the shapes above, optionally scaled as a whole."""

    def __init__(self, width: float, height: float):
        super().__init__()
        self.width, self.height = width, height
        self.ops: list[tuple] = []
        self.transform = (1.0, 0, 0, 1.0, 0, 0)

    def add(self, op: tuple) -> None:
        self.ops.append(op)

    def scale(self, sx: float, sy: float) -> None:
        self.transform = (sx, 0, 0, sy, 0, 0)

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.scale(self.transform[0], self.transform[3])
        c.setLineJoin(1)
        fill_now = stroke_now = width_now = dash_now = None
        # Rectangles, lines and polygons go straight into the page's code, written exactly as
        # canvas.rect/line/drawPath write them, without a path object and fp_str per call.
        code, mode, n = c._code, c._fillMode, _num
        texts = _text_cache(c)
        for kind, geo, fill, stroke, width, dash in self.ops:
            if fill is not None and fill is not fill_now:
                set_colour(c, fill, "rg")
                fill_now = fill
            do_stroke = stroke is not None and width > 0
            if do_stroke:
                if stroke is not stroke_now:
                    set_colour(c, stroke, "RG")
                    stroke_now = stroke
                if width != width_now:
                    c.setLineWidth(width)
                    width_now = width
                if dash != dash_now:
                    c.setDash(dash or [])
                    dash_now = dash
            s, f = int(do_stroke), int(fill is not None)
            if kind == "text":
                x, y, text, font, size, anchor = geo
                key = (font, size, text)
                known = texts.get(key)
                if known is None:
                    known = texts[key] = _text_ops(c, font, size, text)
                ops, w = known
                if ops is None:  # not one of our TrueType fonts: reportlab's own way
                    c.setFont(font, size)
                    (
                        c.drawCentredString
                        if anchor == "middle"
                        else c.drawRightString
                        if anchor == "end"
                        else c.drawString
                    )(x, y, text)
                    continue
                if anchor == "middle":
                    x = x - 0.5 * w
                elif anchor == "end":
                    x = x - w
                code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {ops} T* ET")
            elif kind == "rect":
                x, y, w, h, r = geo
                if r:
                    _round_rect(code, x, y, w, h, min(r, h / 2, w / 2))
                    code.append(PATH_OPS[s, f, mode])
                else:
                    code.append(f"n {n(x)} {n(y)} {n(w)} {n(h)} re {PATH_OPS[s, f, mode]}")
            elif kind == "line":
                if s:
                    x1, y1, x2, y2 = geo
                    code.append(f"n {n(x1)} {n(y1)} m {n(x2)} {n(y2)} l S")
            elif kind == "circle":
                path = _CIRCLES.get(geo)
                if path is None:
                    path = _circle_path(*geo)
                code += path
                code.append(PATH_OPS[s, f, mode])
            else:
                parts = [f"n {n(geo[0])} {n(geo[1])} m"]
                parts += [f"{n(geo[k])} {n(geo[k + 1])} l" for k in range(2, len(geo), 2)]
                if kind == "poly":
                    parts.append("h")
                else:
                    f = 0
                code.append(" ".join(parts))
                code.append(PATH_OPS[s, f, mode])
        c.restoreState()


def set_colour(c, colour, op: str) -> None:
    """What ``canvas.setFillColor`` ("rg") / ``setStrokeColor`` ("RG") write for an RGB Color,
    with the operator text remembered per colour; other colours go through reportlab."""
    if type(colour) is not colors.Color or c._enforceColorSpace:
        (c.setFillColor if op == "rg" else c.setStrokeColor)(colour)
        return
    known = _COLOUR_OPS.get((id(colour), op))
    if known is None or known[0] is not colour:
        known = _COLOUR_OPS[(id(colour), op)] = (colour, f"{fp_str((colour.red, colour.green, colour.blue))} {op}")
    c._code.append(known[1])
    if op == "rg":
        c._fillColorObj = colour
        if colour.alpha is not None:
            c._setFillAlpha(colour.alpha)
    else:
        c._strokeColorObj = colour
        if colour.alpha is not None:
            c._setStrokeAlpha(colour.alpha)


_COLOUR_OPS: dict[tuple[int, str], tuple[colors.Color, str]] = {}


def _text_cache(c) -> dict:
    """Labels already encoded for this PDF: the same step names, minutes and badges recur."""
    cache = c._doc.__dict__.get("_om_text_ops")
    if cache is None:
        cache = c._doc.__dict__["_om_text_ops"] = {}
    return cache


def _text_ops(c, font_name: str, size: float, text: str) -> tuple[str | None, float]:
    """The text operators ``canvas.drawString`` writes inside BT ... ET for a TrueType font
    (font subset, size, leading, the encoded string), and the text's width for anchoring.

    Encoding registers the glyphs in this document's font subsets, which is why the cache
    belongs to the document."""
    font = getFont(font_name)
    width = stringWidth(text, font_name, size)
    if not font._dynamicFont:
        return None, width
    doc, escape = c._doc, c._escape
    tmpl = f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"
    parts, current = [], -1
    for subset, chunk in font.splitString(text, doc):
        if subset != current:
            parts.append(f"{font.getSubsetInternalName(subset, doc)} {tmpl}")
            current = subset
        parts.append(f"({escape(chunk)}) Tj")
    return " ".join(parts), width


_CIRCLES: dict[tuple, list[str]] = {}


def _circle_path(cx: float, cy: float, r: float) -> list[str]:
    """What ``canvas.circle`` appends before its paint operator, remembered: connectors sit on
    part edges and rows, so the same circles recur, and each costs four Bézier arcs."""
    x1, x2, y1, y2 = cx - r, cx + r, cy - r, cy + r
    path: list[str] = []
    PDFPathObject(code=path).ellipse(x1, y1, x2 - x1, y2 - y1)
    if len(_CIRCLES) > 50_000:
        _CIRCLES.clear()
    _CIRCLES[(cx, cy, r)] = path
    return path


def _round_rect(code: list, x: float, y: float, width: float, height: float, radius: float) -> None:
    """What reportlab's canvas.roundRect appends (path object: 'n', then one entry per
    segment), with numbers formatted through the cache."""
    n = _num
    t = 0.4472 * radius
    xlo, xhi = min(x, x + width), max(x, x + width)
    ylo, yhi = min(y, y + height), max(y, y + height)
    code += (
        "n",
        f"{n(xlo + radius)} {n(ylo)} m",
        f"{n(xhi - radius)} {n(ylo)} l",
        f"{n(xhi - t)} {n(ylo)} {n(xhi)} {n(ylo + t)} {n(xhi)} {n(ylo + radius)} c",
        f"{n(xhi)} {n(yhi - radius)} l",
        f"{n(xhi)} {n(yhi - t)} {n(xhi - t)} {n(yhi)} {n(xhi - radius)} {n(yhi)} c",
        f"{n(xlo + radius)} {n(yhi)} l",
        f"{n(xlo + t)} {n(yhi)} {n(xlo)} {n(yhi - t)} {n(xlo)} {n(yhi - radius)} c",
        f"{n(xlo)} {n(ylo + radius)} l",
        f"{n(xlo)} {n(ylo + t)} {n(xlo + t)} {n(ylo)} {n(xlo + radius)} {n(ylo)} c",
        "h",
    )


def drawing(width: float, height: float) -> Vector:
    register_fonts()  # text in drawings is measured with our fonts before any page exists
    return Vector(width, height)


def forget_measurements() -> None:
    """Start an export with empty caches (see ``build.export_pdf``)."""
    for cache in (_NUMBERS, _COLOUR_OPS, _CIRCLES):
        cache.clear()
