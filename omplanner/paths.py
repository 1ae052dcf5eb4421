"""Where the shipped resources (examples, icons, fonts, schema) are, in a checkout or a bundle,
and where the app keeps its own files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import APP_NAME, ORG_NAME

DATA_DIR_ENV = "OMPLANNER_DATA_DIR"
"""A folder for everything the app writes for itself (tests, a portable install on a USB stick)."""


def resources_dir() -> Path:
    override = os.environ.get("OMPLANNER_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle unpacks beside the program
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def examples_dir() -> Path:
    return resources_dir() / "examples"


def example_names() -> list[str]:
    return sorted(p.stem for p in examples_dir().glob("*.omplan"))


def example_path(name: str) -> Path:
    return examples_dir() / f"{name}.omplan"


DEFAULT_EXAMPLE = "distributor"
BLANK_TEMPLATE = "blank"


def app_data_dir() -> Path:
    """The app's own folder (autosaves, kept revisions): ``OMPLANNER_DATA_DIR`` if set, else
    where Qt's ``QStandardPaths.AppDataLocation`` puts it for this app's organisation and name,
    worked out here without Qt so that the command line finds what the app kept. Not created."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or ""
        if not os.path.isabs(base):  # Qt ignores a relative XDG_DATA_HOME, as the XDG rules say
            base = str(Path.home() / ".local" / "share")
    return Path(base) / ORG_NAME / APP_NAME
