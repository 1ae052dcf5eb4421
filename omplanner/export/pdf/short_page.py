"""Ending a page early, so that a run of pages does not end on a thin one.

A section that runs over by pages (a 5,000-character statement) can leave its last page with
a few lines before the landscape maps. Taking some room off an earlier page of the run moves
as much onto the last one: ``EndPageEarly`` does that on the page where the run starts (or the
next, when the run cannot start where it stands), and ``PackFrame`` gives the room back on
the page after.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Frame


class PackFrame(Frame):
    """A frame that is whole again on every new page, or shortened once when asked."""

    def _reset(self):
        super()._reset()
        self._geom()  # undo an earlier page's shortening
        by = self.__dict__.pop("_shorten_next", 0.0)
        if by:
            self._y1p += by


class EndPageEarly(Flowable):
    """Takes ``by`` points off the foot of this page, or of the next when less than ``head``
    points are left here (what follows cannot start on this page)."""

    _ZEROSIZE = True

    def __init__(self, by: float, head: float):
        super().__init__()
        self.by, self.head = by, head

    def frameAction(self, frame) -> None:
        if not isinstance(frame, PackFrame):
            return
        if frame._y - frame._y1p < self.head:
            frame._shorten_next = self.by
        else:
            frame._y1p += self.by

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self) -> None:
        pass
