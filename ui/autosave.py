"""Autosave and crash recovery.

Once the plan has unsaved edits, a copy is written on a timer into the app's data folder
(``ui.settings.data_dir()/autosave``), never beside the user's file, which may sit on a USB
stick or a shared drive. Each running app holds a lock (QLockFile: pid and host) next to its
copy. At the next start, a copy whose lock is no longer held (its app crashed or was killed)
is offered for recovery; copies of apps still running are left alone. A clean save, a
discarded change or a normal exit removes the copy.

The copy's notes keep the identity of the user's file as it was when opened or last saved
(``omplanner.fileio.identity``): a restored plan saved over a file someone changed meanwhile
asks first. An autosave that cannot be written (a full or read-only disk) does not interrupt
the workshop: ``problem_changed`` tells the status bar, and tells it again when it works.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from omplanner.fileio import FileIdentity

from .document import Document
from .settings import data_dir, settings

INTERVAL_KEY = "autosave/interval_seconds"
DEFAULT_INTERVAL_SECONDS = 60.0


def autosave_dir() -> Path:
    folder = data_dir() / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def has_copies() -> bool:
    """Whether any copy is kept that a start might offer to recover (``find_recoverable``)."""
    return any(autosave_dir().glob("*.omplan"))


def interval_ms() -> int:
    seconds = settings().value(INTERVAL_KEY, DEFAULT_INTERVAL_SECONDS, type=float)
    return max(50, int(seconds * 1000))


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long a workshop lasts
    return lock


class Autosaver(QObject):
    saved = Signal(object)
    """The autosave copy was written (its Path)."""
    problem_changed = Signal(str)
    """Why the copy cannot be written, in plain words; '' once it can again (or is not needed)."""

    def __init__(self, document: Document, folder: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.folder = folder or autosave_dir()
        session = uuid.uuid4().hex[:12]
        self.file = self.folder / f"{session}.omplan"
        self.meta_file = self.folder / f"{session}.json"
        self.lock = _lock(self.folder / f"{session}.lock")
        self.lock.tryLock(0)
        self.problem = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms())
        self.timer.timeout.connect(self.save_now)
        document.changed.connect(self._schedule)
        document.plan_replaced.connect(self._on_plan_replaced)
        document.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def reload_interval(self) -> None:
        """The preference changed: the next autosave waits the new interval."""
        self.timer.setInterval(interval_ms())

    def _schedule(self, *_args) -> None:
        if self.document.dirty and not self.timer.isActive():
            self.timer.start()

    def _on_plan_replaced(self) -> None:
        if self.document.dirty:
            self._schedule()
        else:
            self.discard()

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()
        else:
            self._schedule()

    def save_now(self) -> bool:
        """Write the copy now (the timer calls this). False when there is nothing to keep or it failed."""
        self.timer.stop()
        if not self.document.dirty:
            return False
        from omplanner.fileio import atomic_write, save_plan  # the model: loaded by the plan open by now

        identity = self.document.file_identity
        try:
            save_plan(self.document.plan, self.file, touch=False)
            meta = {
                "original": str(self.document.path) if self.document.path else None,
                "title": self.document.plan.details.title,
                "saved": datetime.now(UTC).replace(microsecond=0).isoformat(),
                "identity": identity.to_dict() if identity is not None else None,
            }
            with atomic_write(self.meta_file, "w", encoding="utf-8") as handle:
                json.dump(meta, handle)
        except Exception as exc:  # a full disk must not interrupt the workshop; the next change retries
            from .file_questions import describe_save_error

            self._set_problem(f"Autosave failed: {describe_save_error(exc)}. Save your work to keep it.")
            return False
        self._set_problem("")
        self.saved.emit(self.file)
        return True

    def _set_problem(self, text: str) -> None:
        if text != self.problem:
            self.problem = text
            self.problem_changed.emit(text)

    def discard(self) -> None:
        self.timer.stop()
        for path in (self.file, self.meta_file):
            path.unlink(missing_ok=True)
        self._set_problem("")  # nothing left that needs a copy

    def close(self) -> None:
        """A normal exit: nothing to recover."""
        self.discard()
        self.lock.unlock()


@dataclass
class Recovery:
    """The autosave copy of an app that did not exit normally."""

    file: Path
    original: Path | None
    title: str
    saved: str
    lock: QLockFile = field(repr=False)
    identity: FileIdentity | None = None
    """The original file as the crashed app last read or wrote it."""

    def load(self):
        from omplanner.fileio import load_plan

        return load_plan(self.file)

    def discard(self) -> None:
        self.file.unlink(missing_ok=True)
        self.file.with_suffix(".json").unlink(missing_ok=True)
        self.lock.unlock()


def find_recoverable(folder: Path | None = None) -> list[Recovery]:
    """Copies left by apps that crashed or were killed, newest first. Each is locked for the caller."""
    folder = folder or autosave_dir()
    for orphan in folder.glob("*.lock"):
        if not orphan.with_suffix(".omplan").exists():
            stale = _lock(orphan)
            if stale.tryLock(0):  # a crash before the first autosave left only its lock
                stale.unlock()
    found: list[Recovery] = []
    for file in folder.glob("*.omplan"):
        lock = _lock(file.with_suffix(".lock"))
        if not lock.tryLock(0):
            continue  # another OM Planner is running and still owns this copy
        try:
            meta = json.loads(file.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        if not isinstance(meta, dict):
            meta = {}
        original = meta.get("original")
        found.append(
            Recovery(
                file=file,
                original=Path(original) if original else None,
                title=str(meta.get("title") or file.stem),
                saved=str(meta.get("saved") or ""),
                lock=lock,
                identity=FileIdentity.from_dict(meta.get("identity")),
            )
        )
    found.sort(key=lambda r: r.file.stat().st_mtime, reverse=True)
    return found
