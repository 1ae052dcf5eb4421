"""A note beside an open plan saying who has it open, so that a second app asks before it opens it.

Two facilitators on a shared folder (or one with two windows) on the same plan would each save
over the other's work. While a plan is open, the app keeps a small lock file beside it,
``.~<name>#`` (the convention office suites use), holding the host, process, user and time
of opening, and a token for the one app that wrote it. Opening a plan whose lock another live
app holds asks first. A lock is stale, and ignored, when its process is gone from this host or
when it is more than a day old (a laptop that crashed elsewhere never comes back to remove it).

The lock is advice, not a guard: a folder where it cannot be written (read-only, a CD) opens
the plan without one, and the identity check before each save (``identity``) still stops a
silent overwrite. The lock file is read as hostile input, like any file on a shared folder: only
a small regular file, never through a link, and every field checked; it is written by a rename,
which replaces a planted link rather than writing through it.
"""

from __future__ import annotations

import getpass
import json
import os
import platform
import stat
import uuid
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

STALE_AFTER = timedelta(days=1)
MAX_LOCK_BYTES = 4096
_SHOWN_LENGTH = 60


def lock_path(plan_path: Path | str) -> Path:
    """Where the lock of ``plan_path`` lives: beside the file a link points at, so that two
    people reaching one plan by different links see one lock."""
    plan_path = Path(plan_path)
    if plan_path.is_symlink():
        plan_path = Path(os.path.realpath(plan_path))
    return plan_path.with_name(f".~{plan_path.name}#")


@dataclass(frozen=True)
class LockOwner:
    host: str
    pid: int
    user: str
    since: datetime
    token: str

    def describe(self) -> str:
        """'Ana on laptop-7 since 4 Dec 09:12 UTC': for a question to the user (plain text)."""
        when = self.since.astimezone(UTC).strftime("%d %b %Y %H:%M UTC")
        return f"{_printable(self.user)} on {_printable(self.host)} since {when}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "host": self.host,
            "pid": self.pid,
            "user": self.user,
            "since": self.since.isoformat(),
            "token": self.token,
        }

    @classmethod
    def from_dict(cls, data: Any) -> LockOwner | None:
        if not isinstance(data, dict):
            return None
        host, pid, user, since, token = (data.get(k) for k in ("host", "pid", "user", "since", "token"))
        if not (isinstance(host, str) and isinstance(user, str) and isinstance(token, str)):
            return None
        if type(pid) is not int or not 0 < pid < 2**31 or not isinstance(since, str):
            return None
        try:
            when = datetime.fromisoformat(since)
        except ValueError:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return cls(host[:255], pid, user[:255], when, token[:64])

    def is_stale(self, now: datetime | None = None) -> bool:
        now = now or datetime.now(UTC)
        if abs(now - self.since) > STALE_AFTER:
            return True
        return self.host == this_host() and not _process_alive(self.pid)


def this_host() -> str:
    # The same name as socket.gethostname() (the system's node name), without importing the
    # socket modules on the way to the first plan shown; platform is loaded already (by uuid).
    return platform.node() or "this computer"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in the environment (a service, a container)
        return "someone"


def _printable(text: str) -> str:
    """Text from a file someone else wrote, made safe to show: no control or layout characters."""
    shown = "".join(c if c.isprintable() else "?" for c in text)
    return shown if len(shown) <= _SHOWN_LENGTH else shown[: _SHOWN_LENGTH - 1] + "…"


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # os.kill would end the process on Windows; the age rule still applies there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to another user
        return True
    return True


def read_owner(plan_path: Path | str) -> LockOwner | None:
    """Who the lock beside ``plan_path`` names, or None if there is no lock that makes sense."""
    path = lock_path(plan_path)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_LOCK_BYTES:
            return None
        raw = os.read(fd, MAX_LOCK_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        return LockOwner.from_dict(json.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


class PlanLock:
    """This app's lock on one plan: ``holder`` tells who else has it, ``take`` and ``release``."""

    def __init__(self, plan_path: Path | str):
        self.plan_path = Path(plan_path)
        self.file = lock_path(plan_path)
        self.token = uuid.uuid4().hex
        self.held = False

    def holder(self) -> LockOwner | None:
        """Another live app's claim on the plan, or None (no lock, a stale one, or ours)."""
        owner = read_owner(self.plan_path)
        if owner is None or owner.token == self.token or owner.is_stale():
            return None
        return owner

    def take(self) -> bool:
        """Write our lock unless another live app holds one. False if not taken (held elsewhere,
        or the folder cannot be written: the plan opens all the same)."""
        if self.holder() is not None:
            return False
        owner = LockOwner(this_host(), os.getpid(), _user(), datetime.now(UTC).replace(microsecond=0), self.token)
        tmp = self.file.with_name(f"{self.file.name}.{self.token[:8]}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(owner.to_dict(), handle)
            os.replace(tmp, self.file)
        except OSError:
            with suppress(OSError):
                tmp.unlink(missing_ok=True)
            return False
        self.held = True
        return True

    def release(self) -> None:
        """Remove the lock if it is still ours (another app may have taken it over as stale)."""
        if not self.held:
            return
        self.held = False
        owner = read_owner(self.plan_path)
        if owner is not None and owner.token == self.token:
            with suppress(OSError):
                self.file.unlink()
