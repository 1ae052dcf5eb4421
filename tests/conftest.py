"""Shared fixtures for every test. Imports no Qt: core tests must run without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from omplanner.fileio import load_plan
from omplanner.model import Plan
from omplanner.paths import example_path

EXAMPLE = example_path("distributor")


@pytest.fixture
def example_plan() -> Plan:
    return load_plan(EXAMPLE)


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    target = tmp_path / "plan.omplan"
    target.write_bytes(EXAMPLE.read_bytes())
    return target


@pytest.fixture(autouse=True)
def _app_data_in_tmp(tmp_path_factory, monkeypatch):
    """What the app and the commands keep for themselves (kept revisions, autosaves) goes to a
    fresh folder, inherited by the commands tests run: never the user's own."""
    monkeypatch.setenv("OMPLANNER_DATA_DIR", str(tmp_path_factory.mktemp("appdata")))
