"""The revisions the app has seen, kept so that two copies can find the copy they started from.

Each plan saved or opened (with a revision id: see ``omplanner.model.history``) is kept as a
gzip-compressed copy named by its revision id in ``revisions/`` of the app's data folder
(``omplanner.paths.app_data_dir``). The folder is bounded in size: past ``DEFAULT_LIMIT_BYTES``
the copies used longest ago go first. A copy is written atomically; one that cannot be read
(cut short, tampered with, not a plan, not the revision its name says) counts as not kept.
Keeping is a courtesy: a full disk or a read-only folder never stops a save or an open.

The common base of two copies is the newest revision both name (their own or an ancestor) that
is kept here: ``common_base``.
"""

from __future__ import annotations

import gzip
import os
import re
import stat
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..model import Plan
from ..model.history import lineage
from ..paths import app_data_dir
from .identity import FileIdentity
from .load import MAX_BYTES, parse_plan
from .save import atomic_write, plan_to_json, remove_leftovers, write_plan

DEFAULT_LIMIT_BYTES = 200 * 1024 * 1024
"""About two hundred saves of a large plan, thousands of a workshop-sized one."""
SUFFIX = ".omplan.gz"
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
"""Revision ids that can name a file on every system: a file's id may be anything up to 100
characters (``../x`` included), and those are simply not kept."""


def default_store() -> RevisionStore:
    return RevisionStore(app_data_dir() / "revisions")


def save_revision(plan: Plan, path: Path | str, saved_by: str = "", store: RevisionStore | None = None) -> FileIdentity:
    """A save, as the app's Save and every command writing a plan make it: a new revision
    (``saved_by`` the facilitator's name, maybe empty), written atomically, and kept in the
    store. Raises as ``save_plan`` does; keeping the copy never fails the save."""
    identity, data = write_plan(plan, path, True, saved_by)
    (store or default_store()).keep(plan, data)
    return identity


@dataclass
class RevisionStore:
    folder: Path
    limit_bytes: int = DEFAULT_LIMIT_BYTES

    def path_of(self, revision_id: str) -> Path | None:
        """Where the revision is kept, or None for an id no file may be named after."""
        if not _SAFE_ID.fullmatch(revision_id):
            return None
        return self.folder / f"{revision_id}{SUFFIX}"

    def keep(self, plan: Plan, data: bytes | None = None) -> Path | None:
        """Keep ``plan`` under its revision id (``data``: its file text, if at hand); the copy's
        path, or None when it has no revision, its id cannot name a file, or writing failed."""
        revision = plan.history.revision
        target = self.path_of(revision.id) if revision is not None else None
        if target is None:
            return None
        try:
            data = data or plan_to_json(plan).encode("utf-8")
            if _unpacked(target) == data:
                os.utime(target)  # seen again: the last to go when the folder is pruned
            else:  # not kept yet, or what is kept under that id is damaged or another text: (re)write it
                self.folder.mkdir(parents=True, exist_ok=True)
                if target.is_symlink():
                    target.unlink()  # written here, never through a link to elsewhere
                packed = gzip.compress(data, compresslevel=6, mtime=0)
                remove_leftovers(target)
                with atomic_write(target) as handle:
                    handle.write(packed)
            self.prune(keep=target)
        except (OSError, UnicodeEncodeError):
            return None
        return target

    def get(self, revision_id: str) -> Plan | None:
        """The kept plan of that revision, or None (never kept, pruned, or unreadable)."""
        path = self.path_of(revision_id)
        if path is None:
            return None
        raw = _unpacked(path)
        if raw is None:
            return None
        try:
            plan = parse_plan(raw, path)
        except Exception:  # noqa: BLE001 - a kept copy is ours to ignore, never a reason to fail
            return None
        if plan.history.revision is None or plan.history.revision.id != revision_id:
            return None  # not the revision its name says: someone else's file
        return plan

    def has(self, revision_id: str) -> bool:
        path = self.path_of(revision_id)
        return path is not None and path.is_file()

    def entries(self) -> list[tuple[float, int, Path]]:
        """(last used, size, path) of each kept copy, oldest first."""
        found = []
        try:
            scan = list(os.scandir(self.folder))
        except OSError:
            return []
        for entry in scan:
            if not entry.name.endswith(SUFFIX):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if entry.is_file(follow_symlinks=False):
                found.append((info.st_mtime, info.st_size, Path(entry.path)))
        return sorted(found)

    def prune(self, keep: Path | None = None) -> list[Path]:
        """Remove the copies used longest ago until the folder is within its limit (``keep``
        stays whatever its size); the paths removed."""
        entries = self.entries()
        total = sum(size for _, size, _ in entries)
        removed: list[Path] = []
        for _, size, path in entries:
            if total <= self.limit_bytes:
                break
            if path == keep:
                continue
            try:
                path.unlink()
            except OSError:
                continue
            total -= size
            removed.append(path)
        return removed

    def common_base(self, mine: Plan, theirs: Plan) -> Plan | None:
        """The kept copy both plans started from: the newest revision both name, or None."""
        shared = set(lineage(mine.history)) & set(lineage(theirs.history))
        if not shared:
            return None
        candidates: list[Plan] = []
        for plan in (mine, theirs):  # the first kept shared revision in each copy's own order
            for ident in lineage(plan.history):
                if ident in shared and (found := self.get(ident)) is not None:
                    candidates.append(found)
                    break
        if not candidates:
            return None
        return _newest(candidates)


def _unpacked(path: Path) -> bytes | None:
    """The plan text kept at ``path``, or None: not a regular file, not gzip, cut short, or
    unpacking past the plan size cap (a gzip bomb stops there)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        with open(path, "rb") as handle, gzip.GzipFile(fileobj=handle) as unpacked:
            raw = unpacked.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error, ValueError, MemoryError):  # BadGzipFile is an OSError
        return None
    return raw if len(raw) <= MAX_BYTES else None


def _saved_at(plan: Plan) -> datetime:
    when = plan.history.revision.saved_at  # type: ignore[union-attr]
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _newest(candidates: list[Plan]) -> Plan:
    """Of two shared revisions, the one that has the other among its ancestors; when neither
    does (merges can order ancestors differently), the later saved."""
    first, last = candidates[0], candidates[-1]
    first_id, last_id = first.history.revision.id, last.history.revision.id  # type: ignore[union-attr]
    if first_id == last_id or last_id in first.history.ancestors:
        return first
    if first_id in last.history.ancestors:
        return last
    return max(candidates, key=_saved_at)
