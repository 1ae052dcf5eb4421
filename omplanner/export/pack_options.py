"""What a board pack is made for: who reads it, on what paper, with which chapters and marks.

The options belong to one export, not to the plan: the app remembers them per plan file in its
settings, the command line takes them as flags. Nothing here changes the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

Audience = Literal["board", "team"]
Paper = Literal["a4", "letter"]

AUDIENCES: dict[str, str] = {
    "board": "Board: plain language, the decisions asked of it, no rule codes",
    "team": "Working team: everything, rule codes included",
}
PAPERS: dict[str, str] = {"a4": "A4", "letter": "US Letter"}

SECTIONS: dict[str, str] = {
    "summary": "Executive summary",
    "use_cases": "Use-case chapters",
    "roadmap": "Roadmap",
    "findings": "What still needs deciding (findings)",
    "appendix": "Plan-wide items",
    "comments": "Comments on the plan (appendix)",
}
"""Chapters a pack may include, in the order they appear, with the words the dialog shows."""

TEAM_ONLY = frozenset({"comments"})
"""Chapters a pack leaves out unless asked, when it is made for the board: the working team's
remarks on the plan are theirs to share."""


def default_sections(audience: str) -> frozenset[str]:
    """The chapters of a pack for this audience when nobody chose: all for the working team; for
    the board, all but the comments."""
    return frozenset(SECTIONS) if audience == "team" else frozenset(SECTIONS) - TEAM_ONLY


LOGO_MAX_BYTES = 2 * 1024 * 1024
"""A logo larger than this is refused: it would swell every copy of the pack for a small mark."""
LOGO_MAX_PIXELS = 4096
ORGANISATION_CHARS = 120
MARK_CHARS = 60
VERSION_CHARS = 30

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class LogoError(ValueError):
    """A logo file that cannot go on the pack; the message names the file and says why."""


@dataclass(frozen=True)
class Logo:
    """A logo embedded in the pack: PNG bytes, or an SVG as a reportlab ``Drawing`` (vectors,
    sharp at any size). ``name`` is the file it was read from; the size is in pixels or points."""

    name: str
    png: bytes
    width: int
    height: int
    drawing: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class PackOptions:
    audience: Audience = "board"
    paper: Paper = "a4"
    sections: frozenset[str] | None = None
    """The chapters; None means the audience's default (``default_sections``)."""
    organisation: str = ""
    """Who issues the pack (the consultancy or the client's programme office): on the cover and
    in every footer."""
    logo: Logo | None = None
    confidentiality: str = ""
    """e.g. "Confidential": on the cover and in every header."""
    draft: bool = False
    """Prints DRAFT across every page."""
    version: str = ""
    issued: date | None = None
    """The date on the cover; today when not given."""

    def __post_init__(self) -> None:
        if self.audience not in AUDIENCES:
            raise ValueError(f"the audience is board or team, not {self.audience!r}")
        if self.paper not in PAPERS:
            raise ValueError(f"the paper is a4 or letter, not {self.paper!r}")
        if self.sections is None:
            object.__setattr__(self, "sections", default_sections(self.audience))
        unknown = set(self.sections) - set(SECTIONS)
        if unknown:
            raise ValueError(f"unknown sections: {', '.join(sorted(unknown))}; known: {', '.join(SECTIONS)}")
        object.__setattr__(self, "sections", frozenset(self.sections))
        object.__setattr__(self, "organisation", _line(self.organisation, ORGANISATION_CHARS))
        object.__setattr__(self, "confidentiality", _line(self.confidentiality, MARK_CHARS))
        object.__setattr__(self, "version", _line(self.version, VERSION_CHARS))

    @property
    def board(self) -> bool:
        return self.audience == "board"

    def includes(self, section: str) -> bool:
        return section in self.sections


def _line(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters; half an emoji (a command line's undecodable
    byte arrives as one) becomes U+FFFD, as in plan files."""
    from ..fileio.text_repair import repair_text

    return repair_text(" ".join(str(text or "").split())[:limit])


def read_logo(path: Path | str, svg_to_png: Callable[[bytes], bytes] | None = None) -> Logo:
    """Read a PNG or an SVG and check it is fit to embed.

    Raises ``LogoError`` naming the file: missing, too large, not a picture, or an SVG that is
    refused or cannot be drawn. An SVG is drawn by ``svg_to_png`` when given (the app passes
    Qt's renderer), else read strictly and kept as vectors (``svg_logo``)."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LogoError(f"the logo {name} cannot be read: {exc.strerror or exc}") from exc
    if size > LOGO_MAX_BYTES:
        raise LogoError(f"the logo {name} is {size / 1048576:.1f} MB; a logo may be at most 2 MB")
    from ..fileio.errors import PlanFileError
    from ..fileio.load import read_plan_bytes

    try:  # as plan files are read: an ordinary file only (a FIFO would be waited on for ever)
        data = read_plan_bytes(path)
    except PlanFileError as exc:
        raise LogoError(f"the logo {name} cannot be read: {exc.problem.replace('a plan file', 'a picture')}") from None
    if not data.startswith(PNG_MAGIC):
        if not _looks_like_svg(data):
            raise LogoError(f"the logo {name} is neither a PNG nor an SVG picture")
        if svg_to_png is None:
            return _vector_logo(name, data)
        try:
            data = svg_to_png(data)
        except Exception as exc:  # the renderer's own failure, whatever it raises
            raise LogoError(f"the logo {name} is an SVG that cannot be drawn: {exc}") from exc
        if not data.startswith(PNG_MAGIC):
            raise LogoError(f"the logo {name} is an SVG that cannot be drawn")
    width, height = _png_size(name, data)
    return Logo(name, data, width, height)


def _vector_logo(name: str, data: bytes) -> Logo:
    from .svg_logo import SvgRefused, svg_drawing

    try:
        drawing = svg_drawing(data, LOGO_MAX_PIXELS)
    except SvgRefused as exc:
        raise LogoError(f"the logo {name} is an SVG that {exc}; save it as PNG to use it") from None
    return Logo(name, b"", round(drawing.width), round(drawing.height), drawing)


def _looks_like_svg(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) and b"<svg" in data[:65536].lower()


def _png_size(name: str, data: bytes) -> tuple[int, int]:
    """The picture's size, after checking the whole PNG decodes (a cut file is refused here,
    not half-way through writing the pack)."""
    from io import BytesIO

    from PIL import Image

    try:
        with Image.open(BytesIO(data)) as image:
            width, height = image.size
            if max(width, height) > LOGO_MAX_PIXELS:
                raise LogoError(f"the logo {name} is {width}×{height} pixels; at most {LOGO_MAX_PIXELS} a side")
            image.load()
    except LogoError:
        raise
    except Exception as exc:
        raise LogoError(f"the logo {name} is not a readable PNG picture") from exc
    if width < 1 or height < 1:
        raise LogoError(f"the logo {name} is empty")
    return width, height
