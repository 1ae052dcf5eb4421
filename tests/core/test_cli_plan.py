"""``omplanner validate|new|schema`` as a user runs them: a real process, its exit code and its words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .bad_files import BAD_FILES

OMPLANNER = Path(sys.executable).parent / "omplanner"


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(OMPLANNER), *map(str, args)], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    return {kind: make(folder) for kind, make in BAD_FILES.items()}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_validate_refuses_a_bad_file_with_exit_code_2(bad_folder, kind):
    path, words = bad_folder[kind]
    result = run("validate", path)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "Traceback" not in result.stderr
    assert message.startswith(f"omplanner: {path.name}: ")
    assert len(message.splitlines()) == 1
    for word in words:
        assert word in message


def test_validate_accepts_the_example(example_file):
    result = run("validate", example_file)
    # 0, or 1 once the rule check reports the example's deliberate mistakes: never 2 (unreadable).
    assert result.returncode in (0, 1), result.stderr
    assert "a valid plan" in result.stdout and "Traceback" not in result.stderr


def test_validate_a_missing_file_or_a_folder(tmp_path):
    missing = run("validate", tmp_path / "nowhere.omplan")
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    folder = run("validate", tmp_path)
    assert folder.returncode == 2 and "folder" in folder.stderr
    assert "Traceback" not in missing.stderr + folder.stderr


def test_new_from_the_example_then_validate(tmp_path):
    target = tmp_path / "client.omplan"
    created = run("new", target, "--example", "distributor")
    assert created.returncode == 0, created.stderr
    assert run("validate", target).returncode in (0, 1)
    again = run("new", target)
    assert again.returncode == 2 and "exists already" in again.stderr


def test_schema_is_json_schema():
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "OM Planner plan" and "roadmap" in schema["properties"]
