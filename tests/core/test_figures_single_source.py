"""Go-live and pilot wording are computed in omplanner.figures only: a page or exporter that words
them itself, from its own arithmetic, would drift from the others again."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ROOT / "omplanner" / "figures"


def _lines():
    for folder in (ROOT / "omplanner", ROOT / "ui"):
        for path in folder.rglob("*.py"):
            if FIGURES in path.parents:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                yield f"{path.relative_to(ROOT)}:{number}", line


def test_go_live_weeks_are_read_from_the_figures_module():
    said = re.compile(r"go(es)?[- ]live in week|deploys in week", re.IGNORECASE)
    wrong = [where for where, line in _lines() if said.search(line) and "go_live_week" not in line]
    assert wrong == []


def test_the_pilot_sentence_is_worded_in_the_figures_module_only():
    said = re.compile(r"pilot saved|per task\b", re.IGNORECASE)
    wrong = [where for where, line in _lines() if said.search(line) and not line.lstrip().startswith("#")]
    assert wrong == []
