"""Where the app keeps its settings and its working files (autosaves, locks).

Everything the app writes for itself goes through these two functions, so that setting
``OMPLANNER_DATA_DIR`` sends all of it into one folder: the tests (and a portable install on a
USB stick) never touch the user's real settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

DATA_DIR_ENV = "OMPLANNER_DATA_DIR"
RECENT_KEY = "files/recent"
"""Recently opened or saved plans, newest first (a list of paths)."""
REOPEN_KEY = "files/reopen_last"
"""Whether the app starts on the last plan (see ``ui.app``); a preference."""
NAME_KEY = "user/name"
"""The facilitator's name, written with each save and on each comment; a preference."""


def data_dir() -> Path:
    """The app's own folder (autosaves live here, never beside the user's file), created on demand."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        folder = Path(override)
    else:
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def settings() -> QSettings:
    """The app's settings. Read every value with ``type=`` (an INI file gives back strings)."""
    if os.environ.get(DATA_DIR_ENV):
        return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings()


def user_name() -> str:
    """The name the facilitator gave in the preferences, or "" (saves and comments then carry none)."""
    from omplanner.fileio.text_repair import repair_text  # half an emoji pasted in: as plan files mend it

    return repair_text(" ".join(settings().value(NAME_KEY, "", type=str).split())[:200])
