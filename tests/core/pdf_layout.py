"""Reading a PDF's words back with their boxes, for layout tests: overlaps, cut words, page fill.

Words come from poppler's ``pdftotext -bbox-layout`` (boxes from the font's ascent and descent),
chapter starts from the PDF outline.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>')


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass
class Page:
    number: int
    width: float
    height: float
    words: list[Word]


def read_pages(path: Path) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True)
    pages = []
    for k, (w, h, body) in enumerate(_PAGE.findall(out.stdout), start=1):
        words = [
            Word(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in _WORD.findall(body)
        ]
        pages.append(Page(k, float(w), float(h), words))
    return pages


def overlaps(page: Page, tolerance: float = 0.4) -> list[tuple[Word, Word]]:
    """Pairs of words whose boxes overlap by more than ``tolerance`` points both ways."""
    found = []
    words = sorted(page.words, key=lambda w: w.x0)
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            if b.x0 >= a.x1 - tolerance:
                break
            if min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance:
                found.append((a, b))
    return found


def off_page(page: Page) -> list[Word]:
    return [w for w in page.words if w.x0 < 0 or w.y0 < 0 or w.x1 > page.width or w.y1 > page.height]


def chapter_starts(path: Path) -> set[int]:
    """Page numbers (1-based) where a chapter (a top-level outline entry) begins."""
    reader = PdfReader(path)
    return {reader.get_destination_page_number(entry) + 1 for entry in reader.outline if not isinstance(entry, list)}


MARGINS = {"portrait": (68.0, 56.7), "landscape": (59.5, 48.2)}
"""Top and bottom page margins (the running header and footer sit in them)."""


def fill(page: Page) -> float:
    """How far down its content area the page's lowest word reaches, 0 to 1."""
    top, bottom = MARGINS["portrait" if page.width < page.height else "landscape"]
    content = [w for w in page.words if top - 2 < w.y0 and w.y1 < page.height - bottom + 2]
    if not content:
        return 0.0
    return (max(w.y1 for w in content) - top) / (page.height - top - bottom)
