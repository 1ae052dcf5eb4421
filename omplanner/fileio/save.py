"""Writing a plan file atomically: a crash mid-save leaves the old file or the new one.

Saving respects the file it replaces: a file marked read-only is refused (``ReadOnlyFileError``)
rather than replaced by a writable one; a symbolic link is written through, to its target, and
stays a link; and the temporary files that saves killed half-way left beside it are removed.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from ..model import Plan
from ..model.history import next_history
from .identity import FileIdentity, identity_of

LEFTOVER_AGE_SECONDS = 120
"""A temporary file older than this is a killed save's, not one being written right now."""
_TEMP_RANDOM = "[a-z0-9_]{8}"
"""What ``tempfile.mkstemp`` puts between our prefix and suffix."""


class ReadOnlyFileError(PermissionError):
    """The file to be replaced is marked read-only: its owner asked for it not to change."""

    def __init__(self, path: Path):
        super().__init__(errno.EACCES, "the file is read-only", str(path))


def plan_to_json(plan: Plan) -> str:
    """The file text: indented, in field order (format and version first), one value a line."""
    return json.dumps(plan.model_dump(mode="json"), indent=1, ensure_ascii=False) + "\n"


def save_plan(plan: Plan, path: Path | str, touch: bool = True, saved_by: str = "") -> FileIdentity:
    """Save atomically; the identity of the file written (see ``write_plan``)."""
    return write_plan(plan, path, touch, saved_by)[0]


def write_plan(plan: Plan, path: Path | str, touch: bool = True, saved_by: str = "") -> tuple[FileIdentity, bytes]:
    """Save atomically; the identity of the file written and its bytes.

    ``touch``: this is a save (the app's Save, a command writing a plan): the modified time is
    stamped and a new revision minted, saved by ``saved_by`` (``omplanner.model.history``); the
    plan in memory carries both afterwards, or neither if the save failed. Without it (an
    autosave, a crash copy) the plan is written as it is.

    The text is encoded before any file is made: a character that cannot be written (half of a
    surrogate pair) raises ``UnicodeEncodeError`` with the old file untouched."""
    was = (plan.details.modified, plan.history)
    if touch:
        plan.details.modified = datetime.now(UTC).replace(microsecond=0)
        plan.history = next_history(plan.history, saved_by)
    try:
        data = plan_to_json(plan).encode("utf-8")
        target = write_target(path)
        remove_leftovers(target)
        with atomic_path(target) as tmp:
            with open(tmp, "wb") as handle:
                handle.write(data)
            info = os.stat(tmp)  # a rename keeps the time and size: this is the saved file's
    except BaseException:
        if touch:  # the file is as it was: so is the plan's own record of its saves
            object.__setattr__(plan.details, "modified", was[0])
            object.__setattr__(plan, "history", was[1])
        raise
    return identity_of(info, data), data


def write_target(path: Path | str) -> Path:
    """The file a save to ``path`` replaces: the target of a symbolic link (followed to the end),
    so that the link stays a link and the file it points at gets the new plan."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


@contextmanager
def atomic_write(path: Path, mode: str = "wb", **kwargs) -> Iterator[IO]:
    """Write through a file handle; the file replaces ``path`` only if the body finishes."""
    with atomic_path(path) as tmp, open(tmp, mode, **kwargs) as handle:
        yield handle


@contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success fsync it and rename it over ``path``.

    For writers that want a file name (openpyxl, reportlab) as much as for our own. If the body
    raises (an exporter failed or was cancelled), the temporary file is removed and whatever
    was at ``path`` before is untouched: a crash leaves the old file or the new one. A
    read-only file at ``path`` is refused before anything is written; a link is written through.
    """
    path = write_target(path)
    refuse_read_only(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix or ".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


def refuse_read_only(path: Path) -> None:
    """Raise ``ReadOnlyFileError`` if ``path`` is a file marked read-only.

    The rename that replaces a file needs only the folder to be writable, so without this check
    a save would quietly swap a read-only plan for a writable one. The mode bits are read as
    well as ``os.access``: an administrator may write anywhere, yet the file still says no."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # nothing there yet, or the write itself will say what is wrong
    if not stat.S_ISREG(mode):
        return
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise ReadOnlyFileError(path)


def remove_leftovers(path: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files that killed saves of ``path`` left beside it; the ones removed.

    Only regular files named exactly as ``atomic_path`` names them (``.<name>.<8 random
    characters><suffix>``) and older than ``LEFTOVER_AGE_SECONDS`` (a save in progress in another
    app is left alone). Nothing else in the folder is touched, and a folder that cannot be read
    or a file that cannot be removed is no reason to refuse the save."""
    pattern = re.compile(re.escape(f".{path.name}.") + _TEMP_RANDOM + re.escape(path.suffix or ".tmp"))
    limit = (time.time() if now is None else now) - LEFTOVER_AGE_SECONDS
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
