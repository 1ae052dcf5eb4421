"""The command line never surprises: typos, a missing display and mismatched file names are
explained in one sentence with exit 2, never by opening the app or writing the wrong file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from omplanner.paths import example_path

OMPLANNER = Path(sys.executable).parent / "omplanner"


def run(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(OMPLANNER), *map(str, args)], capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL
    )


def test_a_mistyped_command_is_a_usage_error_with_a_suggestion():
    result = run("chek", example_path("distributor"))
    assert result.returncode == 2
    assert "'chek' is neither a command nor a plan file" in result.stderr
    assert "Did you mean 'omplanner check'?" in result.stderr
    assert result.stdout == ""


def test_a_first_word_that_is_neither_a_command_nor_a_file_is_a_usage_error():
    result = run("planning.txt")
    assert result.returncode == 2 and "neither a command nor a plan file" in result.stderr
    assert "Did you mean" not in result.stderr


def test_without_a_display_the_app_says_so_in_one_sentence(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HOME"] = str(tmp_path)
    result = run(example_path("distributor"), env=env)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no display to open the app on" in result.stderr
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr and "plugin" not in result.stderr


def test_export_refuses_an_output_whose_suffix_is_not_its_format(tmp_path):
    for flag, wrong, right in (("--xlsx", "out.pdf", ".xlsx"), ("--pdf", "out.xlsx", ".pdf")):
        result = run("export", example_path("distributor"), flag, tmp_path / wrong)
        assert result.returncode == 2
        assert f"give a file name ending in {right}" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_help_lists_every_command_including_render():
    result = run("--help")
    assert result.returncode == 0
    for command in ("new", "schema", "validate", "check", "rules", "export", "render"):
        assert f"    {command} " in result.stdout
