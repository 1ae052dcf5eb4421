"""Qt fixtures. Sets the offscreen platform before Qt is imported anywhere."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths  # noqa: E402

QStandardPaths.setTestModeEnabled(True)  # a backstop: even a bare QSettings() stays out of the user's own

from ui.feature_scan import skip_source_cache  # noqa: E402

skip_source_cache()  # as the app does: PySide6 keeps no copy of each module's source


@pytest.fixture(autouse=True)
def _app_data_in_tmp(tmp_path_factory, monkeypatch):
    """Settings, autosaves and locks go to a fresh folder: tests never touch the user's own, and
    the unsaved-changes question (asked when teardown closes a window) answers Discard instead
    of waiting for a click that never comes. Tests of that question put the real one back."""
    monkeypatch.setenv("OMPLANNER_DATA_DIR", str(tmp_path_factory.mktemp("appdata")))
    import ui.files

    monkeypatch.setattr(ui.files, "ask_save_changes", lambda *args: "discard")


@pytest.fixture(autouse=True)
def _no_unanswered_message_box(monkeypatch):
    """A message box no test answers fails the test instead of waiting for a click that never
    comes (offscreen, a modal box would hang the run). Tests of a question patch its function."""
    from PySide6.QtWidgets import QMessageBox

    def unanswered(box):
        raise AssertionError(f"unexpected message box: {box.windowTitle()!r}: {box.text()!r}")

    monkeypatch.setattr(QMessageBox, "exec", unanswered)
