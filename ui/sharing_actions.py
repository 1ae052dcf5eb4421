"""File › Compare with… and File › Merge a colleague's copy…: picking the copies, then the views.

The copy both started from is found by revision among the copies the app keeps
(``omplanner.fileio.revision_store``); only when none is kept is the user asked to pick it.

Each copy is read through the core's loader; a file that cannot be read is explained as Open
explains it, and the open plan stays as it was. The file pickers are small functions so that
tests answer them.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from .document import Document
from .files import FILE_FILTER, show_open_error

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from omplanner.model import Plan

THEIRS_CAPTION = "Merge a colleague's copy: pick their copy"
BASE_CAPTION = "Pick the copy you both started from"
COMPARE_CAPTION = "Compare the open plan with…"


def pick_plan_file(parent: QWidget, caption: str, start: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, caption, start, FILE_FILTER)
    return Path(name) if name else None


class SharingController(QObject):
    status = Signal(str)

    def __init__(self, window: QWidget, document: Document):
        super().__init__(window)
        self.window = window
        self.document = document
        self.views: list[QWidget] = []
        self._overlay = None

    @property
    def overlay(self):
        """Another copy's differences kept on the canvases (made on first use)."""
        if self._overlay is None:
            from .compare_overlay import CompareOverlay

            self._overlay = CompareOverlay(self.window, self.document)
        return self._overlay

    def _start(self) -> str:
        return str(self.document.path.parent) if self.document.path else ""

    def _read(self, path: Path) -> Plan | None:
        from omplanner.fileio import PlanFileError, load_plan

        try:
            return load_plan(path)
        except (PlanFileError, OSError) as exc:
            show_open_error(self.window, exc, path)
            return None

    def compare(self, path: Path | None = None) -> QWidget | None:
        """Show what the copy at ``path`` (asked for when None) differs in from the open plan."""
        from omplanner.compare import compare_plans

        from .compare_view import CompareView

        path = path or pick_plan_file(self.window, COMPARE_CAPTION, self._start())
        other = self._read(path) if path else None
        if other is None:
            return None
        _keep(other)  # opened here, so a later merge with this copy can find its saves
        view = CompareView(compare_plans(self.document.plan, other), path.name, self.window)
        self._offer_overlay(view, other, path.name)
        self.views.append(view)
        view.finished.connect(lambda _result, view=view: self.views.remove(view) if view in self.views else None)
        view.show()
        return view

    def _offer_overlay(self, view, other: Plan, name: str) -> None:
        """The view's "Show on the maps and roadmap" turns the overlay on and off, and follows it."""
        box = view.show_on_canvases
        box.setChecked(self.overlay.active and self.overlay.other is other)

        def toggled(on: bool) -> None:
            if on:
                self.overlay.show(other, name)
            elif self.overlay.other is other:
                self.overlay.hide()

        def followed(_on: bool) -> None:  # hidden, or another copy's shown instead
            box.setChecked(self.overlay.active and self.overlay.other is other)

        box.toggled.connect(toggled)
        self.overlay.shown.connect(followed)
        overlay = self.overlay

        def forget() -> None:
            with contextlib.suppress(RuntimeError):  # the window (and the overlay) may be going too
                overlay.shown.disconnect(followed)

        view.destroyed.connect(forget)

    def merge(self) -> bool:
        """Pick their copy; find the copy you both started from among the kept revisions, or
        ask for it when there is none; preview; merge as one edit."""
        theirs_path = pick_plan_file(self.window, THEIRS_CAPTION, self._start())
        theirs = self._read(theirs_path) if theirs_path else None
        if theirs is None:
            return False
        base = self.kept_base(theirs)
        base_words = ""
        if base is None:
            base_path = pick_plan_file(self.window, BASE_CAPTION, str(theirs_path.parent))
            base = self._read(base_path) if base_path else None
            if base is None:
                return False
            base_words = f"“{base_path.name}”"
        return self.preview(base, theirs, theirs_path.name, base_words)

    def kept_base(self, theirs: Plan) -> Plan | None:
        """The kept copy of the newest save both the open plan and ``theirs`` name, or None.
        Their copy is kept too (it was opened, and a merge names it as a parent); the open plan
        is not: its unsaved edits are not the revision it names."""
        from omplanner.fileio.revision_store import default_store

        _keep(theirs)
        return default_store().common_base(self.document.plan, theirs)

    def preview(self, base: Plan, theirs: Plan, name: str, base_words: str = "") -> bool:
        from .merge_preview import MergePreview

        dialog = MergePreview(self.document, base, theirs, name, self.window, base_words)
        merged = run_preview(dialog)
        if merged:
            self.status.emit(f"Merged {name}: Undo takes the merge back")
        return merged


def _keep(plan: Plan) -> None:
    """Keep a copy the user opened in the store of revisions (nothing for a copy never saved)."""
    from omplanner.fileio.revision_store import default_store

    default_store().keep(plan)


def run_preview(dialog) -> bool:
    """Show the merge preview until it is merged or cancelled: the one place tests replace."""
    return dialog.exec() == dialog.DialogCode.Accepted
