"""The start plan's details shown before the model is built (``ui.app.show_start_preview``).

What a facilitator sees: the plan's title, client, facilitator, date and notes on the overview
as soon as the window is up, read-only for the moment the plan takes to open. Then the plan's
own values, editable; or, when the file turns out not to open, the reason, and a blank plan
bound to no file, never the previewed details left behind as if they were open.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import ui.app as app_module
from omplanner.fileio.plan_lock import LockOwner, lock_path
from ui.autosave import autosave_dir
from ui.settings import RECENT_KEY, settings

from .test_saving_respects_files import click_in_boxes

TITLE = "AI operating model: first wave"


def _start(qtbot, paths: list[str]):
    window = app_module.open_main_window(paths, defer=True)  # the real app's order
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window, app_module.show_start_preview(window, paths)


def _finish(window, paths, text) -> None:
    app_module.finish_start(window, paths, text)
    window.document.undo_stack.setClean()
    window.autosaver.close()


def test_the_details_show_read_only_then_the_plan_opens_editable(qtbot, example_file):
    paths = [str(example_file)]
    window, text = _start(qtbot, paths)
    page = window.current_page()
    assert text is not None and not window.document.has_plan
    assert (page.title_edit.text(), page.client_edit.text()) == (TITLE, "Harbour & Vale Distribution")
    assert page.start_edit.date().toString("yyyy-MM-dd") == "2027-01-11"
    assert page.notes_edit.toPlainText().startswith("About 300 people")
    assert window.windowTitle() == f"{TITLE} (plan.omplan)[*] — OM Planner"
    assert window.file_label.text() == "Opening plan.omplan…"

    qtbot.keyClicks(page.title_edit, "typed too early")  # read-only: nothing typed, no plan made
    assert page.title_edit.text() == TITLE and not window.document.has_plan

    _finish(window, paths, text)
    assert window.document.path == example_file
    assert all(not w.isReadOnly() for w in (page.title_edit, page.client_edit, page.start_edit, page.notes_edit))
    page.title_edit.selectAll()
    qtbot.keyClicks(page.title_edit, "Renamed")
    assert window.document.plan.details.title == "Renamed"  # an edit, as on any open plan
    assert window.document.undo_stack.count() == 1


def test_a_file_that_does_not_open_after_its_preview_leaves_no_preview_behind(qtbot, example_file, monkeypatch):
    data = json.loads(example_file.read_text(encoding="utf-8"))
    data["use_cases"][0]["owner_of_everything"] = True  # not a field of a plan: validation refuses it
    example_file.write_text(json.dumps(data), encoding="utf-8")
    paths = [str(example_file)]
    window, text = _start(qtbot, paths)
    assert window.current_page().title_edit.text() == TITLE  # the details were sound

    asked = click_in_boxes(monkeypatch, "OK")
    _finish(window, paths, text)
    assert [a.title for a in asked] == ["Could not open the plan"]
    assert "this field is not part of an OM Planner plan" in asked[0].text
    page = window.current_page()
    assert window.document.path is None
    assert page.title_edit.text() == window.document.plan.details.title != TITLE
    assert not page.title_edit.isReadOnly()
    assert TITLE not in window.windowTitle()


def _foreign_lock(path: Path) -> None:
    owner = LockOwner("laptop-7", 4242, "ana", datetime.now(UTC), "t" * 32)
    lock_path(path).write_text(json.dumps(owner.to_dict()), encoding="utf-8")


@pytest.mark.parametrize("reason", ["a copy to recover", "open by someone else", "stopped the last start", "a pipe"])
def test_no_preview_where_a_question_or_a_refusal_comes_first(qtbot, example_file, reason, tmp_path):
    paths = [str(example_file)]
    if reason == "a copy to recover":
        (autosave_dir() / "left-by-a-crash.omplan").write_bytes(example_file.read_bytes())
    elif reason == "open by someone else":
        _foreign_lock(example_file)
    elif reason == "stopped the last start":
        store = settings()
        store.setValue(RECENT_KEY, [str(example_file)])
        store.sync()
        app_module.mark_opening(example_file)
        paths = []  # reopened by itself, not named: the app asks first
    else:
        fifo = tmp_path / "pipe.omplan"
        os.mkfifo(fifo)
        paths = [str(fifo)]
    window, text = _start(qtbot, paths)
    assert text is None
    assert window.current_page() is None or window.current_page().title_edit.text() != TITLE
    assert not window.document.has_plan
    if reason == "stopped the last start":
        app_module.mark_opening(None)


def test_the_preview_shows_markup_as_text(qtbot, example_file):
    data = json.loads(example_file.read_text(encoding="utf-8"))
    data["details"]["client"] = '<img src="/tmp/never.png"><b>Harbour</b> & Vale'
    example_file.write_text(json.dumps(data), encoding="utf-8")
    window, text = _start(qtbot, [str(example_file)])
    edit = window.current_page().client_edit
    assert edit.text() == '<img src="/tmp/never.png"><b>Harbour</b> & Vale'
    assert edit.focusPolicy() != Qt.FocusPolicy.NoFocus  # a field, reachable as on any open plan
    _finish(window, [str(example_file)], text)
    assert window.document.plan.details.client == edit.text()
