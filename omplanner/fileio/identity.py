"""What a plan file was when this app last read or wrote it, to notice when someone else changed it.

A colleague on a shared folder or a sync client can replace the file while the plan is open here
(or while its autosave waited through a crash). Saving over that without a word loses their work,
so the app remembers the file's identity when it opens or saves it and looks again before the
next save: the time of its last change and its size first (a stat, no reading), and only when
those differ, its content. A sync client that rewrites the same bytes, or a ``touch``, is not a
change: the content says so.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import PlanFileError
from .load import PlanText, plan_from_data, read_plan_bytes, read_plan_text

if TYPE_CHECKING:
    from ..model import Plan


@dataclass(frozen=True)
class FileIdentity:
    mtime_ns: int
    size: int
    sha256: str
    """Hex digest of the file's bytes."""

    def to_dict(self) -> dict[str, Any]:
        return {"mtime_ns": self.mtime_ns, "size": self.size, "sha256": self.sha256}

    @classmethod
    def from_dict(cls, data: Any) -> FileIdentity | None:
        """The identity kept in a file the app wrote (the autosave's notes); None if it is not one."""
        if not isinstance(data, dict):
            return None
        mtime, size, digest = data.get("mtime_ns"), data.get("size"), data.get("sha256")
        if not all(type(v) is int for v in (mtime, size)) or not isinstance(digest, str) or len(digest) != 64:
            return None
        return cls(mtime, size, digest)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def identity_of(info: os.stat_result, data: bytes) -> FileIdentity:
    return FileIdentity(info.st_mtime_ns, info.st_size, digest(data))


def load_plan_with_identity(
    path: Path | str, notices: list[str] | None = None, text: PlanText | None = None
) -> tuple[Plan, FileIdentity]:
    """The plan in ``path`` and the identity of the bytes it was read from. ``text``: the file as
    already read (``read_plan_text``), to validate without reading it again.

    The time and size are taken before the read: should the file change in between, the
    identity is older than the bytes, and the next save asks once too often rather than
    overwriting a change without a word."""
    if text is None or text.path != Path(path):
        text = read_plan_text(path)
    if notices is not None:
        notices.extend(text.notices)
    return plan_from_data(text.data, text.path), identity_of(text.info, text.raw)


def changed_on_disk(path: Path | str, known: FileIdentity | None) -> bool:
    """Whether saving to ``path`` would replace something other than what ``known`` describes.

    False when there is nothing at ``path`` (nothing to lose). True when ``known`` is None and a
    file is there: the app cannot tell, and asking is the safe answer."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    if known is None:
        return True
    if (info.st_mtime_ns, info.st_size) == (known.mtime_ns, known.size):
        return False
    if info.st_size != known.size:
        return True
    try:
        raw = read_plan_bytes(Path(path))  # only a regular file is read, never past the size cap
    except PlanFileError:
        return True
    return digest(raw) != known.sha256
