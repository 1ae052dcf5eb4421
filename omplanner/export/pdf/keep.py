"""Headings keep with what follows them: a heading never ends a page, and a table starts on
the page of its heading only when its header and first rows fit there too.

One pass over the finished story puts a ``RoomFor`` before each run of headings (and the short
lines that introduce a section); at layout time it asks for the room the run and the start of
what follows need, and moves to the next page when that room is not left.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Paragraph, Table
from reportlab.platypus.flowables import Flowable, KeepTogether

from .document import Heading

FIRST_ROWS = 3
"""A table's header and the rows after it that stay with the table's heading."""
ROW_START = 60.0
"""A tall row splits across pages (``blocks.HouseTable``): only its start need follow the heading."""
TEXT_START = 42.0
"""At least this much of a paragraph (three lines of body text) follows its heading."""


def _is_lead(flowable) -> bool:
    """Headings, and the one-line kickers and notes that sit between a heading and its body."""
    if isinstance(flowable, Heading):
        return True
    if isinstance(flowable, Paragraph):
        name = getattr(flowable.style, "name", "")
        return name in ("h1", "h2", "h3", "kicker", "action")
    return False


def _start_height(flowable, width: float, height: float) -> float:
    """The height of what must follow a heading on its page: a table's first rows, a
    paragraph's first lines, anything else whole (when it fits a page at all)."""
    if isinstance(flowable, KeepTogether) and not isinstance(flowable, Table):
        content = getattr(flowable, "_content", [])
        if content and type(flowable).__name__ == "InSequence":
            return _start_height(content[0], width, height)
    if isinstance(flowable, Table):
        flowable.wrap(width, height)
        rows = getattr(flowable, "_rowHeights", [])
        return sum(min(h, ROW_START) for h in rows[: 1 + FIRST_ROWS])
    if isinstance(flowable, Paragraph):
        return min(flowable.wrap(width, height)[1], TEXT_START)
    wanted = flowable.wrap(width, height)[1]
    return wanted if wanted <= height else 0.0


class RoomFor(CondPageBreak):
    """A page break unless the flowables after it (and the start of the one after those) fit."""

    def __init__(self, run: list, body: Flowable | None):
        super().__init__(0)
        self.run, self.body = run, body

    def wrap(self, availWidth, availHeight):
        frame = self._doctemplateAttr("frame")
        full = frame._aH if frame is not None else availHeight
        canv = getattr(self, "canv", None)
        for f in [*self.run, self.body]:
            if f is not None and canv is not None:
                f.canv = canv  # some flowables (KeepTogether) ask the document while measuring
        need = 0.0
        for f in self.run:
            need += f.wrap(availWidth, full)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        if self.body is not None:
            need += self.body.getSpaceBefore() + _start_height(self.body, availWidth, full)
        self.height = min(need, full)
        return super().wrap(availWidth, availHeight)


def keep_with_next(story: list) -> list:
    """The story with a ``RoomFor`` before each run of headings."""
    out: list = []
    k = 0
    while k < len(story):
        if not _is_lead(story[k]):
            out.append(story[k])
            k += 1
            continue
        end = k
        while end < len(story) and _is_lead(story[end]):
            end += 1
        body = story[end] if end < len(story) and isinstance(story[end], Flowable) else None
        if body is not None and (getattr(body, "locChanger", False) or body.isIndexing()):
            body = None  # a page break, a template switch or the contents: nothing to measure
        out.append(RoomFor(story[k:end], body))
        out += story[k:end]
        k = end
    return out
