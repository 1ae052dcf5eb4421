"""Excel's 32,767-character cell limit is counted in UTF-16 code units, as Excel counts.

Before: the text was cut at 32,767 code points, so "😀✓𠀀" * 12000 (two of three characters
outside the Basic Multilingual Plane) reached the workbook as 54,611 UTF-16 units, more than
Excel keeps in a cell."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from omplanner.export.xlsx import export_xlsx
from omplanner.export.xlsx.safe import MAX_CELL_CHARS, clean_text


def _units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@pytest.mark.parametrize(
    "text",
    ["😀✓𠀀" * 12000, "😀" * 20000, "a" + "😀" * 20000, "x" * 40000, "é" * 32767],
)
def test_cut_by_utf16_length_without_splitting_a_pair(text):
    cut = clean_text(text)
    assert _units(cut) <= MAX_CELL_CHARS
    cut.encode("utf-16-le")  # raises on half a surrogate pair
    if _units(text) > MAX_CELL_CHARS:
        assert cut.endswith("…") and text.startswith(cut[:-1]) and _units(cut) >= MAX_CELL_CHARS - 1
    else:
        assert cut == text


def test_a_lone_surrogate_is_dropped_not_written():
    assert clean_text("a\ud800b") == "ab"


def test_the_workbook_cell_holds_at_most_excels_limit(example_plan, tmp_path):
    example_plan.decisions[0].rationale = "😀✓𠀀" * 12000
    target = tmp_path / "plan.xlsx"
    export_xlsx(example_plan, target)
    found = [
        cell.value
        for ws in load_workbook(target).worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("😀✓𠀀😀")
    ]
    assert found
    for value in found:
        assert _units(value) <= MAX_CELL_CHARS and value.endswith("…")
