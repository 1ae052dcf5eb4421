"""Starting the desktop app: the QApplication, crash recovery, the first plan, the main window.

What opens without a file named on the command line: the last plan saved or opened, if it still
exists; otherwise a blank plan starting today. A facilitator works on one engagement for weeks,
session after session, so the plan they left is almost always the one they want; the blank plan
is the fallback when that file has moved (a USB stick not plugged in). A consultant who projects
for several clients can turn the reopening off in Preferences, so that one client's plan never
appears on another client's wall.

A start cannot fail silently. A plan that cannot be opened is explained and nothing takes its
place but a blank plan bound to no file: the window is never bound to a file it has not read
(a save would write a blank plan over it). And a plan that stopped the app while opening is not
reopened without asking: the path is noted in the settings (``OPENING_KEY``) before the plan is
read and cleared once its page has painted, so a note still there at the next start means the
last start never got that far.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from omplanner import APP_ID, APP_NAME, ORG_NAME, __version__


def make_application(argv: list[str]):
    """The QApplication, named (settings and data folders derive from the names) and themed."""
    from PySide6.QtWidgets import QApplication

    from .feature_scan import skip_source_cache

    skip_source_cache()  # before the app's own modules: PySide6 would keep each one's source (see there)
    from .icons import app_icon
    from .theme import STYLE_PROPERTY, apply_theme, follow_system

    app = QApplication.instance()
    if app is None:
        # The style named on the command line, not by setStyle(): handing Python a QStyle object
        # builds all of QStyle's (large) enums, a cost the window's first paint can do without.
        app = QApplication([sys.argv[0], "-style", "Fusion", *[a for a in argv if a.startswith("-")]])
        app.setProperty(STYLE_PROPERTY, "fusion")
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # matches packaging/linux/org.omplanner.OMPlanner.desktop
    app.setWindowIcon(app_icon())
    apply_theme(app)
    follow_system(app)
    return app


def ask_recovery(parent, recovery) -> str:
    """'restore', 'discard' or 'later' for an autosave left by an app that did not exit normally."""
    from PySide6.QtWidgets import QMessageBox

    from .widgets.message_boxes import message_box, run_box

    origin = f"from {recovery.original.name}" if recovery.original else "not saved to a file yet"
    when = recovery.saved.replace("T", " ").replace("+00:00", " UTC") if recovery.saved else "recently"
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        "Recover unsaved work?",
        f"OM Planner did not close normally. Unsaved edits to “{recovery.title}” ({origin}) were kept at {when}.",
        "Restore them now? Discarding deletes this copy for good.",
        QMessageBox.StandardButton.NoButton,
    )
    restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Decide &later", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    run_box(box)
    clicked = box.clickedButton()
    return "restore" if clicked is restore else "discard" if clicked is discard else "later"


def offer_recovery(window) -> bool:
    """Offer each copy left by a crash; restore at most one. True when one was restored."""
    from .autosave import find_recoverable

    recoveries = find_recoverable()
    if not recoveries:
        return False  # the usual start: no message box classes to load
    from omplanner.fileio import PlanFileError

    from .widgets.message_boxes import warn

    restored = False
    for recovery in recoveries:
        if restored:
            recovery.lock.unlock()  # kept for the next start: one plan open at a time
            continue
        answer = ask_recovery(window, recovery)
        if answer == "restore":
            try:
                plan = recovery.load()
            except (PlanFileError, OSError) as exc:
                warn(window, "Could not recover", f"{exc}\n\nThe copy stays in {recovery.file.parent}.")
                recovery.lock.unlock()
                continue
            window.files.adopt(plan, recovery.original, recovery.identity, dirty=True)
            if window.autosaver is not None:
                window.autosaver.save_now()  # our own copy exists before the old one goes
            recovery.discard()
            window.show_message("Recovered the unsaved edits: save them to keep them", 10000)
            restored = True
        elif answer == "discard":
            recovery.discard()
        else:
            recovery.lock.unlock()
    return restored


def start_path(paths: list[str]) -> Path | None:
    """The file to open at start: the one named, else the last one if it still exists (see above)."""
    if paths:
        return Path(paths[0])
    from .settings import RECENT_KEY, REOPEN_KEY, settings

    store = settings()
    if not store.value(REOPEN_KEY, True, type=bool):
        return None
    recent = store.value(RECENT_KEY, [], type=list) or []
    last = Path(recent[0]) if recent and isinstance(recent[0], str) else None
    return last if last is not None and last.is_file() else None


OPENING_KEY = "start/opening"
"""The plan being opened at start, until its page has painted (see the module)."""


def mark_opening(path: Path | None) -> None:
    """Note (or, with None, clear) the plan the start is opening."""
    from .settings import settings

    store = settings()
    if path is None:
        store.remove(OPENING_KEY)
    else:
        store.setValue(OPENING_KEY, str(path))
    store.sync()


def opening_mark() -> str:
    """The plan the last start was opening when it stopped, or ''."""
    from .settings import settings

    return settings().value(OPENING_KEY, "", type=str) or ""


def ask_reopen_after_crash(parent, path: Path) -> bool:
    from .file_questions import ask_reopen_after_crash

    return ask_reopen_after_crash(parent, path)


def open_main_window(paths: list[str], defer: bool = False):
    """The window on the plan chosen by ``start_path``, after offering recovery. With ``defer``,
    only the window is built: ``finish_start`` opens the plan once the window has painted."""
    from .document import Document
    from .main_window import MainWindow

    window = MainWindow(Document())
    window.restore_layout()
    if defer:
        window.pending_path = start_path(paths)  # shown in the title only: the document has no file yet
        window.refresh_title()
        window.plan_pending = True
    else:
        finish_start(window, paths)
    return window


def show_start_preview(window, paths: list[str]):
    """Read the start plan and show its details (``MainWindow.show_preview``) before the model
    is built. The file as read (``omplanner.fileio.PlanText``), for ``finish_start`` to validate,
    or None when nothing was shown: then the plan opens as before, after its questions.

    Nothing is shown that a question comes before: a copy to recover, a plan that stopped the
    last start, a plan someone else has open. A file that cannot be read is left to the open,
    which explains it."""
    from omplanner.fileio import PlanFileError, read_plan_text
    from omplanner.fileio.preview import details_preview

    from .autosave import has_copies

    path = start_path(paths)
    if path is None or has_copies():
        return None
    if not paths and opening_mark() == str(path):
        return None
    if window.files.other_owner(path) is not None:
        return None
    mark_opening(path)  # as the open does: a file that stops the app while read is asked about next time
    try:
        text = read_plan_text(path)
    except (PlanFileError, OSError, ValueError, RecursionError, MemoryError):
        return None
    preview = details_preview(text.data)
    if preview is None:
        return None
    window.show_preview(preview)
    return text


def finish_start(window, paths: list[str], text=None) -> None:
    """Autosave, recovery, then the start plan (or a blank one, bound to no file, starting today).
    ``text``: the start plan as ``show_start_preview`` read it."""
    from .autosave import Autosaver

    window.autosaver = Autosaver(window.document, parent=window)
    window.starting = True  # a plan that cannot be opened now leaves nothing open in its place
    restored = offer_recovery(window)
    if not restored:
        path = start_path(paths)
        if path is None or not _open_start_plan(window, path, named=bool(paths), text=text):
            from omplanner.model import Plan

            window.document.replace_plan(Plan(), None)
    window.pending_path = None
    window.plan_pending = False
    window.starting = False


def _open_start_plan(window, path: Path, named: bool, text=None) -> bool:
    """Open the start plan; True if it is open. The last plan reopened by itself is first asked
    about if it was being opened when the app last stopped; one named on the command line is
    the user's own request."""
    if not named and opening_mark() == str(path) and not ask_reopen_after_crash(window, path):
        return False  # the note stays: the next start asks again
    mark_opening(path)
    try:
        opened = window.files.open_path(path, ask=False, text=text)
    except Exception as exc:  # noqa: BLE001 - open_path explains its own failures; this is a bug in the window
        from omplanner.fileio import PlanFileError

        from .files import show_open_error

        show_open_error(window, PlanFileError(path, f"could not be opened ({type(exc).__name__})"), path)
        opened = False
    if not opened:
        mark_opening(None)  # explained, not a crash
        return False
    page = window.current_page() or window
    window.start_probes = [_after_first_paint(page, lambda: mark_opening(None))]
    return True


def _after_first_paint(window, callback):
    """Call ``callback`` once, just after the widget ``window`` first paints; keep the returned probe."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.fire()
            return False

        def fire(self) -> None:
            if not self.done:
                self.done = True
                window.removeEventFilter(self)
                QTimer.singleShot(0, callback)

    probe = FirstPaint(window)
    window.installEventFilter(probe)
    QTimer.singleShot(FALLBACK_MS, probe.fire)  # a window that never paints (minimised) still opens its plan
    return probe


FALLBACK_MS = 1500
BENCH_ENV = "OMPLANNER_EXIT_AFTER_PAINT"
"""Benchmark hook: print ``OMPLANNER_PAINTED <time.monotonic()> <CPU seconds>`` at the first
paint, ``OMPLANNER_PLAN_PAINTED ...`` once the plan's page has painted (its preview, or the plan
itself), ``OMPLANNER_PLAN_OPEN ...`` once the plan is open and its page painted, and quit. The
CPU time (``time.process_time``) is steadier than wall time on a busy machine."""


def start_after_paint(window, paths: list[str], first_painted=None, plan_painted=None, plan_open=None) -> list:
    """Once the window has painted, show the start plan's preview (``show_start_preview``) and,
    once that has painted, open the plan (``finish_start``); once the open plan's page has
    painted, run the rules for the findings panel. ``first_painted``, ``plan_painted`` (the plan
    shown, previewed or open) and ``plan_open`` are called at those moments (the benchmark
    hook). Keep the returned probes alive."""
    probes = []

    def after_paint(widget, *callbacks) -> None:  # as Qt paints it (only what changed), not a forced repaint
        probes.append(_after_first_paint(widget, lambda: [call() for call in callbacks if call is not None]))

    def open_plan(text=None, shown=None) -> None:
        finish_start(window, paths, text)
        page = window.current_page() or window
        window.findings.timer.stop()  # the check the new plan scheduled: it waits for the page
        after_paint(page, shown, lambda: window.findings.schedule(0), plan_open)

    def after_first_paint() -> None:
        if first_painted is not None:
            first_painted()
        text = show_start_preview(window, paths)
        if text is None:
            open_plan(shown=plan_painted)
        else:
            after_paint(window.current_page() or window, plan_painted, lambda: open_plan(text))

    probes.append(_after_first_paint(window, after_first_paint))
    return probes


def run_app(argv: list[str]) -> int:
    # pydantic looks for plugins in every installed package's metadata when the first model is
    # built; the app uses none, and the scan sits between the first paint and the plan showing.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from .plugin_scan import skip_plugin_scan

    skip_plugin_scan()  # nor the metadata module the scan would need (see ui.plugin_scan)
    app = make_application(argv)
    paths = [a for a in argv if not a.startswith("-")]
    window = open_main_window(paths, defer=True)
    bench = bool(os.environ.get(BENCH_ENV))

    def plan_painted() -> None:
        print("OMPLANNER_PLAN_PAINTED", f"{time.monotonic():.6f}", f"{time.process_time():.6f}", flush=True)

    def plan_open() -> None:
        print("OMPLANNER_PLAN_OPEN", f"{time.monotonic():.6f}", f"{time.process_time():.6f}", flush=True)
        mark_opening(None)  # quitting before the probe of finish_start runs: the plan did show
        window.document.undo_stack.setClean()
        window.autosaver.close()  # leave no lock behind
        app.quit()

    def first_painted() -> None:
        print("OMPLANNER_PAINTED", f"{time.monotonic():.6f}", f"{time.process_time():.6f}", flush=True)

    # The plan model (pydantic) costs more to import than Qt itself: paint the window first.
    probes = start_after_paint(  # noqa: F841 (kept alive until exec returns)
        window, paths, *((first_painted, plan_painted, plan_open) if bench else ())
    )
    app.aboutToQuit.connect(window.release_plan_file)  # the lock beside the plan, whatever ends the app
    window.show()
    return app.exec()
