"""Where the shipped resources (examples, icons, fonts, schema) are, in a checkout or a bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path


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
