"""An SVG logo read strictly and drawn as vectors by svglib, for packs made without the app.

A logo comes from whoever sent it, so it is read as hostile XML: no DTD subset or entity (the
way XML bombs and file reads get in), no reference to another file or address (only a
fragment of the logo itself or a PNG or JPEG written inside it), the nesting and the number of
elements capped, pictures inside it no larger than a PNG logo may be. svglib then never sees a
path, so it cannot open a file either. Anything refused is said in one sentence.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
from typing import Any

from lxml import etree

from ..fileio.load import MAX_DEPTH
from ..fileio.xml_safety import HARDENED as _HARDENED

MAX_ELEMENTS = 20_000
"""Elements an SVG logo may hold: a detailed logo has a few hundred, and drawing is linear in them."""

_ENTITY = tuple(w.encode(e) for w in ("<!ENTITY", "<!DOCTYPE svg [") for e in ("ascii", "utf-16-le", "utf-16-be"))
"""A DTD subset or an entity: refused. A bare ``<!DOCTYPE svg PUBLIC …>``, which drawing programs
write, is harmless once the parser never loads it."""
_XLINK = "{http://www.w3.org/1999/xlink}href"
_PICTURE = re.compile(r"data:image/(png|jpe?g);base64,", re.I)
_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.I)


class SvgRefused(ValueError):
    """Why an SVG cannot be drawn, in a few words that follow "the logo NAME is an SVG that"."""


def svg_drawing(data: bytes, max_pixels: int) -> Any:
    """The logo as a reportlab ``Drawing``, or ``SvgRefused``."""
    root = _parse(data)
    _check_references(root, max_pixels)
    _check_expansion(root)
    import logging

    from svglib.svglib import SvgRenderer

    logging.getLogger("svglib.svglib").setLevel(logging.CRITICAL)  # what it skips is not the user's concern
    try:
        drawing = SvgRenderer(io.BytesIO()).render(root)  # no path: svglib resolves no file
    except Exception as exc:  # svglib's own failure on a malformed shape, whatever it raises
        raise SvgRefused(f"cannot be drawn ({type(exc).__name__})") from exc
    width, height = float(drawing.width or 0), float(drawing.height or 0)
    if not (0 < width < 1e6 and 0 < height < 1e6) or not _draws_something(drawing):
        raise SvgRefused("has nothing to draw or no size")
    _pack_fonts(drawing)
    return drawing


def _draws_something(drawing: Any) -> bool:
    stack = list(drawing.contents)
    while stack:
        node = stack.pop()
        if hasattr(node, "contents"):
            stack.extend(node.contents)
        else:
            return True
    return False


def _pack_fonts(drawing: Any) -> None:
    """Words in the logo in the pack's own embedded fonts (a PDF viewer without the font the
    SVG names would substitute one anyway, and the pack embeds only its own)."""
    from reportlab.graphics.shapes import Group, String

    from .pdf.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts

    register_fonts()
    drawing.initialFontName = REGULAR
    stack = [drawing]
    while stack:
        node = stack.pop()
        if isinstance(node, String):
            name = (node.fontName or "").lower()
            bold, italic = "bold" in name, "italic" in name or "oblique" in name
            node.fontName = (BOLD_ITALIC if italic else BOLD) if bold else ITALIC if italic else REGULAR
        elif isinstance(node, Group) or hasattr(node, "contents"):
            stack.extend(getattr(node, "contents", []))


def _parse(data: bytes) -> etree._Element:
    if any(marker in data for marker in _ENTITY):
        raise SvgRefused("declares entities (<!ENTITY or a DTD subset), which can expand or read other files")
    depth = count = 0
    try:
        for event, _element in etree.iterparse(io.BytesIO(data), events=("start", "end"), **_HARDENED):
            if event == "start":
                depth += 1
                count += 1
                if depth > MAX_DEPTH:
                    raise SvgRefused(f"is nested more than {MAX_DEPTH} levels deep")
                if count > MAX_ELEMENTS:
                    raise SvgRefused(f"holds more than {MAX_ELEMENTS:,} elements")
            else:
                depth -= 1
        tree = etree.parse(io.BytesIO(data), etree.XMLParser(dtd_validation=False, **_HARDENED))
    except etree.XMLSyntaxError as exc:
        message = str(exc.msg or exc).split(", line")[0]
        if "Excessive depth" in message:  # libxml2's own guard, met before our count
            raise SvgRefused(f"is nested more than {MAX_DEPTH} levels deep") from None
        raise SvgRefused(f"is not well-formed XML ({message})") from None
    subset = tree.docinfo.internalDTD
    if subset is not None and (list(subset.entities()) or list(subset.elements())):
        raise SvgRefused("declares entities (<!ENTITY or a DTD subset), which can expand or read other files")
    root = tree.getroot()
    if etree.QName(root).localname != "svg":
        raise SvgRefused(f"starts with <{etree.QName(root).localname}>, not <svg>")
    return root


def _check_references(root: etree._Element, max_pixels: int) -> None:
    """Only references inside the logo: ``#id``, ``url(#id)``, and PNG or JPEG pictures written
    into it (checked for size before anything decodes them whole)."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name in (_XLINK, "href"):
                _check_href(value.strip(), max_pixels)
            for target in _URL.findall(value):
                if target and not target.startswith("#"):
                    raise SvgRefused(f"refers to another file or address ({target[:60]})")
        if etree.QName(element).localname == "style" and element.text:
            if "@import" in element.text:
                raise SvgRefused("imports a style sheet from another file or address")
            for target in _URL.findall(element.text):
                if target and not target.startswith("#"):
                    raise SvgRefused(f"refers to another file or address ({target[:60]})")


def _check_expansion(root: etree._Element) -> None:
    """Elements once every ``<use>`` is copied out: ten uses of a group of ten uses of … is a
    bomb of a few lines, and a use inside what it copies never ends."""
    ids = {element.get("id"): element for element in root.iter() if isinstance(element.tag, str) and element.get("id")}
    sizes: dict[etree._Element, int] = {}  # keyed by the element itself: it keeps lxml's proxy alive
    busy: set[etree._Element] = set()

    def size(element: etree._Element) -> int:
        key = element
        if key in sizes:
            return sizes[key]
        if key in busy:
            raise SvgRefused("copies a part of itself into itself (<use>)")
        busy.add(key)
        total = 1
        for child in element:
            if isinstance(child.tag, str):
                total += size(child)
                if total > MAX_ELEMENTS:
                    break
        href = (element.get(_XLINK) or element.get("href") or "").strip()
        if etree.QName(element).localname == "use" and href.startswith("#") and href[1:] in ids:
            total += size(ids[href[1:]])
        busy.discard(key)
        sizes[key] = total
        if total > MAX_ELEMENTS:
            raise SvgRefused(f"holds more than {MAX_ELEMENTS:,} elements once its copies (<use>) are made")
        return total

    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 4 * MAX_DEPTH + 200))
    try:
        size(root)
    finally:
        sys.setrecursionlimit(limit)


def _check_href(value: str, max_pixels: int) -> None:
    if value.startswith("#"):
        return
    match = _PICTURE.match(value)
    if not match:
        raise SvgRefused(f"refers to another file or address ({value[:60]})")
    from PIL import Image

    try:
        raw = base64.b64decode(value[match.end() :], validate=False)
        with Image.open(io.BytesIO(raw)) as picture:
            width, height = picture.size
            if max(width, height) > max_pixels:
                raise SvgRefused(f"holds a picture of {width}×{height} pixels; at most {max_pixels} a side")
            picture.load()
    except SvgRefused:
        raise
    except (binascii.Error, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise SvgRefused("holds a picture that cannot be read") from exc
