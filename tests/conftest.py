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
