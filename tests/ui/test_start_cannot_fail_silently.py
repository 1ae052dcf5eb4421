"""A start that cannot fail silently: a plan that cannot be opened is explained and leaves the
window bound to no file (a save never writes a blank plan over it), and a plan that stopped the
app while it opened is asked about before it is opened again."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

import ui.app as app_module
from omplanner.fileio import load_plan
from ui.files import FileController
from ui.settings import DATA_DIR_ENV, RECENT_KEY, data_dir, settings

from .test_saving_respects_files import click_in_boxes

ROOT = Path(__file__).resolve().parents[2]


def ask_for_a_name(monkeypatch) -> list[str]:
    """The Save as dialog, cancelled; returns its captions (one per time it was shown)."""
    captions: list[str] = []

    def dialog(parent, caption, *args, **kwargs):
        captions.append(caption)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return captions


def remember_as_last_plan(path: Path) -> None:
    store = settings()
    store.setValue(RECENT_KEY, [str(path)])
    store.sync()


def test_while_the_start_plan_is_read_a_save_writes_nothing(qtbot, example_file, monkeypatch):
    before = example_file.read_bytes()
    window = app_module.open_main_window([str(example_file)], defer=True)  # the real app's order
    qtbot.addWidget(window)
    assert window.document.path is None  # named in the title only
    assert window.file_label.text() == "Opening plan.omplan…"
    captions = ask_for_a_name(monkeypatch)
    window.action_map["file.save"].trigger()
    assert captions == [] and example_file.read_bytes() == before

    app_module.finish_start(window, [str(example_file)])
    assert window.document.path == example_file
    assert window.document.plan.details.title == load_plan(example_file).details.title


def test_an_unforeseen_failure_while_opening_at_start_is_explained_and_binds_no_file(qtbot, example_file, monkeypatch):
    before = example_file.read_bytes()

    def broken_open(self, path, ask=True, text=None):
        raise RuntimeError("a bug in the window")

    monkeypatch.setattr(FileController, "open_path", broken_open)
    asked = click_in_boxes(monkeypatch, "OK")
    window = app_module.open_main_window([str(example_file)], defer=True)
    qtbot.addWidget(window)
    app_module.finish_start(window, [str(example_file)])

    assert len(asked) == 1 and asked[0].title == "Could not open the plan"
    assert asked[0].text == (
        "plan.omplan: could not be opened (RuntimeError)\n\n"
        "OM Planner starts with a blank plan that is not saved to any file; the file was not changed."
    )
    assert window.document.path is None
    assert window.document.plan.use_cases == []
    assert window.file_label.text() == "Not saved to a file yet"
    captions = ask_for_a_name(monkeypatch)
    window.action_map["file.save"].trigger()  # Ctrl+S
    assert captions == ["Save the plan as"]  # a name is asked for...
    assert example_file.read_bytes() == before  # ...and the file is never replaced by a blank plan
    assert app_module.opening_mark() == ""  # explained, not a crash: the next start does not ask


def test_a_plan_whose_numbers_break_the_reader_is_refused_by_name_at_start(qtbot, tmp_path, monkeypatch):
    text = (ROOT / "resources/examples/distributor.omplan").read_text(encoding="utf-8")
    hostile = tmp_path / "huge.omplan"
    assert '"schema_version": ' in text
    hostile.write_text(re.sub(r'"schema_version": (\d+)', lambda m: m.group(0) + "0" * 4300, text, count=1))
    before = hostile.read_bytes()
    asked = click_in_boxes(monkeypatch, "OK")
    window = app_module.open_main_window([str(hostile)], defer=True)
    qtbot.addWidget(window)
    app_module.finish_start(window, [str(hostile)])

    assert len(asked) == 1 and asked[0].text.startswith("huge.omplan")
    assert window.document.path is None
    captions = ask_for_a_name(monkeypatch)
    window.action_map["file.save"].trigger()
    assert len(captions) == 1 and hostile.read_bytes() == before


@pytest.mark.parametrize("answer", ["Start blank", "Open it"])
def test_the_last_plan_is_asked_about_if_it_stopped_the_last_start(qtbot, example_file, monkeypatch, answer):
    path = example_file.resolve()
    remember_as_last_plan(path)
    app_module.mark_opening(path)  # the last start noted it and never painted it
    asked = click_in_boxes(monkeypatch, answer)
    window = app_module.open_main_window([])
    qtbot.addWidget(window)

    assert [box.title for box in asked] == ["Open the last plan?"]
    assert "stopped while opening “plan.omplan” last time" in asked[0].text
    if answer == "Start blank":
        assert window.document.path is None and window.document.plan.use_cases == []
        assert app_module.opening_mark() == str(path)  # still unanswered for: the next start asks again
    else:
        assert window.document.path == path and window.document.plan.use_cases


def test_a_plan_named_on_the_command_line_is_opened_without_asking(qtbot, example_file, monkeypatch):
    path = example_file.resolve()
    app_module.mark_opening(path)
    click_in_boxes(monkeypatch)  # no box may be shown: the user asked for this very file
    window = app_module.open_main_window([str(path)])
    qtbot.addWidget(window)
    assert window.document.path == path


def test_a_start_that_paints_its_plan_is_not_asked_about_next_time(qtbot, example_file, monkeypatch):
    path = example_file.resolve()
    remember_as_last_plan(path)
    window = app_module.open_main_window([])
    qtbot.addWidget(window)
    assert app_module.opening_mark() == str(path)  # noted while the page had not painted yet
    window.show()
    qtbot.waitUntil(lambda: app_module.opening_mark() == "", timeout=5000)
    window.close()  # an app that ends normally

    click_in_boxes(monkeypatch)  # the next start opens it without a question
    again = app_module.open_main_window([])
    qtbot.addWidget(again)
    assert again.document.path == path


KILLED_WHILE_OPENING = r"""
import os, signal, sys
import omplanner.fileio
from ui.app import make_application, open_main_window

def die(*args, **kwargs):  # the plan takes the app down while it is read
    os.kill(os.getpid(), signal.SIGKILL)

omplanner.fileio.load_plan_with_identity = die
app = make_application([])
open_main_window([])
"""


@pytest.mark.slow
def test_an_app_killed_while_opening_the_last_plan_asks_before_opening_it_again(qtbot, example_file, monkeypatch):
    path = example_file.resolve()
    remember_as_last_plan(path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{DATA_DIR_ENV: str(data_dir())})
    proc = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_OPENING], cwd=ROOT, env=env, capture_output=True, timeout=60
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr

    asked = click_in_boxes(monkeypatch, "Start blank")
    window = app_module.open_main_window([])
    qtbot.addWidget(window)
    assert [box.title for box in asked] == ["Open the last plan?"]
    assert window.document.path is None
    assert load_plan(path).details.title == "AI operating model: first wave"  # the file is untouched
