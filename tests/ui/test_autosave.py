"""Autosave and recovery: the copy goes to the app's folder, a clean save removes it, and a
killed app's edits come back at the next start."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from omplanner.commands import SetFields
from omplanner.fileio import load_plan
from ui import app as app_module
from ui.autosave import INTERVAL_KEY, Autosaver, autosave_dir, find_recoverable
from ui.document import Document
from ui.main_window import MainWindow
from ui.settings import DATA_DIR_ENV, data_dir, settings

ROOT = Path(__file__).resolve().parents[2]


def _short_interval(seconds: float = 0.1) -> None:
    store = settings()
    store.setValue(INTERVAL_KEY, seconds)
    store.sync()


@pytest.fixture
def window(qtbot, example_file):
    _short_interval()
    win = MainWindow(Document())
    win.autosaver = Autosaver(win.document, parent=win)
    qtbot.addWidget(win)
    win.files.open_path(example_file)
    return win


def test_the_settings_and_data_live_in_the_test_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "here"))
    assert data_dir() == tmp_path / "here"
    settings().setValue("probe", 1)
    settings().sync()
    assert (tmp_path / "here" / "settings.ini").exists()
    assert autosave_dir() == tmp_path / "here" / "autosave"


def test_an_edit_is_autosaved_into_the_app_folder_and_a_save_removes_it(qtbot, window, example_file):
    saver = window.autosaver
    assert not saver.file.exists()
    window.document.execute(SetFields("details", {"title": "Autosaved title"}))
    with qtbot.waitSignal(saver.saved, timeout=5000):
        pass
    assert saver.file.parent == data_dir() / "autosave"
    assert load_plan(saver.file).details.title == "Autosaved title"
    meta = json.loads(saver.meta_file.read_text(encoding="utf-8"))
    assert meta["original"] == str(example_file)
    # nothing beside the user's file but the lock that says it is open here
    assert sorted(p.name for p in example_file.parent.iterdir()) == [".~plan.omplan#", "plan.omplan"]
    assert load_plan(example_file).details.title != "Autosaved title"  # the user's file is untouched

    window.files.save()
    assert not saver.file.exists() and not saver.meta_file.exists()


def test_undoing_back_to_the_saved_state_removes_the_copy(qtbot, window):
    window.document.execute(SetFields("details", {"title": "Briefly"}))
    with qtbot.waitSignal(window.autosaver.saved, timeout=5000):
        pass
    window.document.undo_stack.undo()
    assert not window.autosaver.file.exists()


def test_a_running_apps_copy_is_not_offered_and_a_clean_exit_leaves_nothing(qtbot, window):
    window.document.execute(SetFields("details", {"title": "Still open"}))
    with qtbot.waitSignal(window.autosaver.saved, timeout=5000):
        pass
    assert find_recoverable() == []  # its lock is held: that app is alive
    window.document.undo_stack.setClean()
    window.show()
    window.close()
    assert list(autosave_dir().iterdir()) == []


DRIVER = r"""
import sys
from omplanner.commands import SetFields
from ui.app import make_application, open_main_window

app = make_application([])
window = open_main_window([sys.argv[1]])
window.show()
window.autosaver.saved.connect(lambda path: print("AUTOSAVED", path, flush=True))
plan = window.document.plan
window.document.execute(SetFields("details", {"title": "Edited before the crash"}))
window.document.execute(SetFields(plan.use_cases[0].id, {"name": "Invoices, redesigned"}))
print("EDITED", flush=True)
sys.exit(app.exec())
"""


@pytest.mark.slow
def test_edits_of_a_killed_app_are_recovered_at_the_next_start(qtbot, example_file, monkeypatch):
    _short_interval(0.2)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{DATA_DIR_ENV: str(data_dir())})
    first_use_case = load_plan(example_file).use_cases[0].id
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(example_file)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        lines = []
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("AUTOSAVED"):
                break
        assert any(line.startswith("AUTOSAVED") for line in lines), lines
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert load_plan(example_file).details.title == "AI operating model: first wave"  # never saved

    offered = []

    def restore(parent, recovery):
        offered.append(recovery)
        return "restore"

    monkeypatch.setattr(app_module, "ask_recovery", restore)
    window = app_module.open_main_window([])
    qtbot.addWidget(window)
    assert len(offered) == 1
    assert offered[0].title == "Edited before the crash"
    assert offered[0].original == example_file
    plan = window.document.plan
    assert plan.details.title == "Edited before the crash"
    assert plan.use_case(first_use_case).name == "Invoices, redesigned"
    assert window.document.path == example_file
    assert window.document.dirty and window.isWindowModified()  # recovered edits still need a save
    assert not offered[0].file.exists()  # the dead app's copy is gone...
    assert window.autosaver.file.exists()  # ...once ours holds the edits

    window.files.save()
    assert load_plan(example_file).details.title == "Edited before the crash"
    assert find_recoverable() == []


def test_discarding_a_recovery_deletes_it(qtbot, tmp_path, monkeypatch):
    folder = autosave_dir()
    plan_file = folder / "dead.omplan"
    plan_file.write_bytes((ROOT / "resources/examples/distributor.omplan").read_bytes())
    (folder / "dead.json").write_text(json.dumps({"original": None, "title": "Gone", "saved": ""}))
    monkeypatch.setattr(app_module, "ask_recovery", lambda parent, recovery: "discard")
    window = app_module.open_main_window([])
    qtbot.addWidget(window)
    assert not plan_file.exists()
    assert window.document.plan.use_cases == []


def test_deciding_later_keeps_the_copy(qtbot, monkeypatch):
    folder = autosave_dir()
    plan_file = folder / "later.omplan"
    plan_file.write_bytes((ROOT / "resources/examples/distributor.omplan").read_bytes())
    monkeypatch.setattr(app_module, "ask_recovery", lambda parent, recovery: "later")
    window = app_module.open_main_window([])
    qtbot.addWidget(window)
    assert plan_file.exists()
    assert [r.file for r in find_recoverable()] == [plan_file]
