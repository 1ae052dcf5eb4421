"""Which save a plan is and which saves came before it: minting a revision, a merge's parents.

Each save of a plan (Save in the app, a command that writes a file) is a new revision with a
fresh id; the revision it replaces goes to the front of the ancestors. Two copies edited apart
still share the revisions from before they parted, so the newest revision both name is the copy
they both started from (``omplanner.fileio.revision_store`` finds it). Autosaves and crash
copies are not saves a colleague ever sees: they keep the history as it is.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from .plan import MAX_ANCESTORS, History, Revision

REVISION_PREFIX = "rev"


def new_revision_id() -> str:
    """A fresh revision id: unique across every copy of every plan, not just within one."""
    return f"{REVISION_PREFIX}-{uuid.uuid4().hex}"


def lineage(history: History) -> list[str]:
    """The revision ids a copy holds, newest first: its own (if saved), then its ancestors."""
    own = [history.revision.id] if history.revision is not None else []
    return _bounded([*own, *history.ancestors], len(history.ancestors) + 1)


def next_history(history: History, saved_by: str = "", now: datetime | None = None) -> History:
    """The history of the next save: a new revision on top, the current one first among the
    ancestors (newest first, at most ``MAX_ANCESTORS``)."""
    when = (now or datetime.now(UTC)).replace(microsecond=0)
    revision = Revision(id=new_revision_id(), saved_at=when, saved_by=" ".join(saved_by.split())[:200])
    return History(revision=revision, ancestors=_bounded(lineage(history), MAX_ANCESTORS))


def merged_history(mine: History, theirs: History) -> History:
    """A merge of two copies: no revision of its own until it is saved, and both parents (then
    the older revisions of each, in turn) as its ancestors."""
    heads = [h.revision.id for h in (mine, theirs) if h.revision is not None]
    older: list[str] = []
    for pair in zip(_padded(mine.ancestors, theirs.ancestors), _padded(theirs.ancestors, mine.ancestors), strict=True):
        older.extend(x for x in pair if x is not None)
    return History(revision=None, ancestors=_bounded([*heads, *older], MAX_ANCESTORS))


def revision_words(revision: Revision | None) -> str:
    """How a person is told which save a copy is: 'the save of 5 Dec 2026, 14:05 UTC by Ana'
    ('' for a copy with no revision: saved before revisions, or never saved)."""
    if revision is None:
        return ""
    when = revision.saved_at if revision.saved_at.tzinfo is not None else revision.saved_at.replace(tzinfo=UTC)
    when = when.astimezone(UTC)
    words = f"the save of {when.day} {when:%b %Y, %H:%M} UTC"
    return f"{words} by {revision.saved_by}" if revision.saved_by else words


def _padded(items: list[str], other: list[str]) -> list[str | None]:
    return [*items, *[None] * (len(other) - len(items))]


def _bounded(ids: list[str], limit: int) -> list[str]:
    """Each id once, in order, at most ``limit``."""
    return list(dict.fromkeys(ids))[:limit]
