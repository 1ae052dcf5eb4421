"""Plan files from the window: new, open, save, save as, recent files, dropped files.

A file that cannot be opened, for whatever reason, is explained in a dialog (the core's
``PlanFileError`` names the place in the plan and the problem) and the plan already open stays
open. Saving goes through the core's atomic writer, so a crash mid-save never leaves half a file.

Saving respects the file (see docs/reliability.md): a read-only file is refused with a pointer
to Save as; a file someone else changed since it was opened or saved here is not overwritten
without asking (its identity is remembered on the document); any failure keeps the window, the
edits and the autosave. While a plan is open, a lock beside it tells other apps, which ask
before opening it too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from omplanner.paths import BLANK_TEMPLATE, example_names, example_path

from . import file_questions
from .document import Document
from .settings import RECENT_KEY, settings

if TYPE_CHECKING:  # dialogs are imported where they are used: not on the start-up path
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QMenu, QWidget

    from omplanner.fileio import FileIdentity
    from omplanner.model import Plan

FILE_SUFFIX = ".omplan"
"""The core's ``omplanner.fileio.FILE_SUFFIX``, repeated so that building the window needs no core import."""
MAX_RECENT = 8
FILE_FILTER = f"OM Planner plans (*{FILE_SUFFIX});;All files (*)"


def ask_save_changes(parent: QWidget, title: str) -> str:
    """'save', 'discard' or 'cancel': what to do with unsaved edits before they would be lost."""
    from .widgets.message_boxes import Button as SB
    from .widgets.message_boxes import ask

    answer = ask(
        parent,
        "Unsaved changes",
        f"The plan “{title}” has changes that are not saved.\nSave them before closing it?",
        SB.Save | SB.Discard | SB.Cancel,
        SB.Save,
    )
    return {SB.Save: "save", SB.Discard: "discard"}.get(answer, "cancel")


def show_open_error(parent: QWidget, error: Exception, path: Path) -> None:
    """The core's PlanFileError already names the file, the place and the problem."""
    from .widgets.message_boxes import warn

    text = f"{path.name}: {error.strerror or error}" if isinstance(error, OSError) else str(error)
    if getattr(parent, "starting", False):  # nothing was open yet (see ui.app.finish_start)
        after = "OM Planner starts with a blank plan that is not saved to any file; the file was not changed."
    else:
        after = "The plan you had open is still open."
    warn(parent, "Could not open the plan", f"{text}\n\n{after}")


def plan_paths_from_mime(mime: QMimeData) -> list[Path]:
    """The .omplan files among dropped URLs (local files only)."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() == FILE_SUFFIX]


def example_label(name: str) -> str:
    """'Harbour & Vale Distribution': the client named in the example, read cheaply (the file's
    own name, 'distributor', means nothing to a facilitator)."""
    try:
        data = json.loads(example_path(name).read_text(encoding="utf-8"))
        client = data.get("details", {}).get("client") or data.get("details", {}).get("title")
    except (OSError, ValueError):
        client = None
    return client or name.replace("_", " ").title()


class FileController(QObject):
    """The File menu's work for one window and its document."""

    status = Signal(str)
    """A short message for the status bar."""
    warning = Signal(str, str)
    """A lasting warning for the status bar: its key ('shared') and text ('' when it is over)."""

    def __init__(self, window: QWidget, document: Document):
        super().__init__(window)
        self.window = window
        self.document = document
        self._lock = None
        """The ``PlanLock`` of the document's file, once it has a file."""
        self.read_only_path: Path | None = None
        """A plan opened read-only because it is open elsewhere: Save asks for another name."""
        document.path_changed.connect(self._follow_lock)
        if document.path is not None:
            self._follow_lock(document.path)

    # -- unsaved work -------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """True when it is fine to drop the open plan (saved, discarded or never changed)."""
        if not self.document.dirty:
            return True
        answer = ask_save_changes(self.window, self.document.plan.details.title)
        if answer == "save":
            return self.save()
        return answer == "discard"

    # -- new and open --------------------------------------------------------------------------

    def new_blank(self) -> None:
        from omplanner.model import Plan

        if self.maybe_save():
            self.document.replace_plan(Plan(), None)
            self.status.emit("New blank plan")

    def new_from_example(self, name: str) -> None:
        """A copy of a shipped example, with no file yet: Save asks where, the example stays intact."""
        from omplanner.fileio import PlanFileError, load_plan

        if not self.maybe_save():
            return
        try:
            plan = load_plan(example_path(name))
        except (PlanFileError, OSError) as exc:
            show_open_error(self.window, exc, example_path(name))
            return
        self.document.replace_plan(plan, None)
        self.status.emit(f"New plan from the example “{example_label(name)}”")

    def open(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if not self.maybe_save():
            return
        start = str(self.document.path.parent) if self.document.path else ""
        name, _ = QFileDialog.getOpenFileName(self.window, "Open a plan", start, FILE_FILTER)
        if name:
            self.open_path(Path(name), ask=False)

    def open_path(self, path: Path, ask: bool = True, text=None) -> bool:
        """Open a plan file. On failure, explain and keep the open plan. ``ask``: offer to save
        first. ``text``: the file as already read (``omplanner.fileio.read_plan_text``)."""
        from omplanner.fileio import PlanFileError, load_plan_with_identity

        if ask and not self.maybe_save():
            return False
        owner = self.other_owner(path)
        answer = "open" if owner is None else file_questions.ask_open_locked(self.window, path, owner)
        if answer not in ("open", "read_only"):
            return False
        try:
            plan, identity = load_plan_with_identity(path, text=text)
        except (PlanFileError, OSError) as exc:
            show_open_error(self.window, exc, path)
            return False
        except Exception as exc:  # noqa: BLE001 - a file must never take the window down
            problem = f"could not be read ({type(exc).__name__}); the file was not changed"
            show_open_error(self.window, PlanFileError(path, problem), path)
            return False  # and the window is not bound to a file it never read
        self.read_only_path = path if answer == "read_only" else None
        keep_opened(plan, path, identity)
        self.adopt(plan, path, identity)
        self.add_recent(path)
        self.status.emit(f"Opened {path.name}")
        return True

    def adopt(self, plan: Plan, path: Path | None, identity: FileIdentity | None, dirty: bool = False) -> None:
        """Make ``plan`` the open plan, bound to ``path`` as it was when read (``identity``)."""
        self.document.replace_plan(plan, path, dirty=dirty)
        self.document.file_identity = identity

    @property
    def read_only(self) -> bool:
        """Whether the open plan was opened read-only (it is open elsewhere)."""
        return self.read_only_path is not None and self.document.path == self.read_only_path

    # -- save ----------------------------------------------------------------------------------

    def save(self) -> bool:
        if not self.document.has_plan:
            return False  # the start plan is still being read: there is nothing of the user's to save
        if self.document.path is None or self.read_only:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        if not self.document.has_plan:
            return False
        current = self.document.path
        suggestion = str(current) if current else f"{safe_file_stem(self.document.plan.details.title)}{FILE_SUFFIX}"
        caption = "Save your edits under another name (opened read-only)" if self.read_only else "Save the plan as"
        name, _ = QFileDialog.getSaveFileName(self.window, caption, suggestion, FILE_FILTER)
        if not name:
            return False
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(FILE_SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the plan to ``path``. False, with the reason shown, when it was not written:
        whatever went wrong, the window, the edits and the autosave copy stay."""
        from omplanner.fileio import ReadOnlyFileError, changed_on_disk, save_revision

        from .settings import user_name

        if not self.document.has_plan:
            return False
        try:
            if self._is_documents_file(path) and changed_on_disk(path, self.document.file_identity):
                known = self.document.file_identity is not None
                answer = file_questions.ask_changed_on_disk(self.window, path, known)
                if answer == "copy":
                    return self.save_as()
                if answer == "compare":
                    self.window.sharing.compare(path)  # see what changed there; save again after
                    return False
                if answer != "overwrite":
                    return False
            # A new revision, by the name in the preferences, kept in the app's folder. Not an
            # edit: the undo stack and the unsaved-changes mark do not see it.
            identity = save_revision(self.document.plan, path, user_name())
        except ReadOnlyFileError:
            if file_questions.ask_read_only(self.window, path) == "save_as":
                return self.save_as()
            return False
        except Exception as exc:  # a full disk, a lost network drive, a character that cannot be written...
            self._keep_autosave()
            file_questions.show_save_failed(self.window, path, file_questions.describe_save_error(exc))
            return False
        self.document.file_identity = identity
        self.read_only_path = None  # the user chose this file to write
        self.document.mark_saved(path)
        self._follow_lock(path)  # (the same path: mark_saved does not say the path changed)
        self.add_recent(path)
        self.status.emit(f"Saved {path.name}")
        return True

    def _is_documents_file(self, path: Path) -> bool:
        """Whether ``path`` is the file the open plan was read from or last saved to (a Save as
        elsewhere replaces a file the user just chose to replace)."""
        current = self.document.path
        if current is None:
            return False
        try:
            return Path(path).resolve() == current.resolve()
        except OSError:  # a loop of links: compare as written
            return Path(path) == current

    def _keep_autosave(self) -> None:
        autosaver = getattr(self.window, "autosaver", None)
        if autosaver is not None:
            autosaver.save_now()  # the edits are safe in the app's folder while the file is not

    # -- the lock beside the open plan -----------------------------------------------------------

    def other_owner(self, path: Path) -> str | None:
        """Who else has ``path`` open, in words, or None (nobody, or only this window)."""
        from omplanner.fileio.plan_lock import PlanLock

        mine = self._lock if self._lock is not None and self._lock.plan_path == Path(path) else None
        owner = (mine or PlanLock(path)).holder()
        return owner.describe() if owner is not None else None

    def _follow_lock(self, path: Path | None) -> None:
        """The document's file changed (open, save as, new): lock the new file, free the old."""
        if path is not None and path == self.read_only_path:
            from omplanner.fileio.plan_lock import PlanLock

            self.release_lock()  # a plan opened read-only claims nothing
            owner = PlanLock(path).holder()
            where = f"it is open by {owner.describe()}" if owner is not None else "it was open elsewhere"
            self.warning.emit("shared", f"Opened read-only: {where}. Save keeps your edits under another name")
            return
        if self._lock is not None and self._lock.held and path is not None and self._lock.plan_path == Path(path):
            return  # still ours; one held elsewhere is tried again (after each save): they may have closed it
        self.release_lock()
        shared = ""
        if path is not None:
            from omplanner.fileio.plan_lock import PlanLock

            self._lock = PlanLock(path)
            if not self._lock.take():
                owner = self._lock.holder()
                if owner is not None:
                    shared = f"Also open by {owner.describe()}: a save asks first if they change the file"
        self.warning.emit("shared", shared)

    def release_lock(self) -> None:
        """The plan is closing: other apps may open it without asking."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # -- recent files and examples ---------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        values = settings().value(RECENT_KEY, [], type=list) or []
        return [Path(v) for v in values if isinstance(v, str) and v]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        entries = [p for p in self.recent_files() if p != path]
        store = settings()
        store.setValue(RECENT_KEY, [str(p) for p in [path, *entries][:MAX_RECENT]])
        store.sync()

    def fill_recent_menu(self, menu: QMenu) -> None:
        from .widgets.plain_text import plain_tooltip

        menu.clear()
        existing = [p for p in self.recent_files() if p.exists()]
        for index, path in enumerate(existing):
            shown = path.name.replace("&", "&&")
            action = menu.addAction(f"&{index + 1} {shown}" if index < 9 else shown)
            action.setToolTip(plain_tooltip(str(path)))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not existing:
            menu.addAction("No recent plans").setEnabled(False)

    def fill_examples_menu(self, menu: QMenu) -> None:
        menu.clear()
        for name in example_names():
            if name == BLANK_TEMPLATE:
                continue
            action = menu.addAction(example_label(name).replace("&", "&&"))
            action.setStatusTip("Start a new plan from this worked example")
            action.triggered.connect(lambda _checked=False, n=name: self.new_from_example(n))


def keep_opened(plan: Plan, path: Path, identity: FileIdentity) -> None:
    """Keep the revision a plan file was opened at among the app's revisions: a later merge may
    start from it. The file's own bytes are kept when they are still what was read (no second
    serialisation of a large plan); a failure to keep is no reason not to open."""
    from omplanner.fileio.identity import digest
    from omplanner.fileio.load import read_plan_bytes
    from omplanner.fileio.revision_store import default_store

    if plan.history.revision is None:
        return
    try:
        raw: bytes | None = read_plan_bytes(path)
    except Exception:  # noqa: BLE001 - then the plan is serialised instead
        raw = None
    if raw is not None and digest(raw) != identity.sha256:
        raw = None
    default_store().keep(plan, raw)


def safe_file_stem(title: str) -> str:
    """A file name from a plan title: letters, digits, spaces, dashes."""
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in title).strip()
    return " ".join(keep.split()) or "plan"
