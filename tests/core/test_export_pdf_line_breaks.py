"""Every way a user's text can end a line becomes a line break in the PDF ("newlines kept").

Before: a lone carriage return (text pasted from old Mac software) was deleted, so "one\\rtwo"
read "onetwo", and the Unicode line and paragraph separators became spaces."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from omplanner.export.pdf import export_pdf
from omplanner.export.pdf.safe import esc

BREAKS = {"cr": "\r", "crlf": "\r\n", "lf": "\n", "line_sep": "\u2028", "para_sep": "\u2029", "nel": "\x85"}


@pytest.mark.parametrize("name", BREAKS)
def test_the_break_is_a_br_in_the_markup(name):
    assert esc(f"one{BREAKS[name]}two") == "one<br/>two"


def test_each_kind_of_break_puts_the_two_parts_on_separate_lines(example_plan, tmp_path):
    for k, (name, brk) in enumerate(BREAKS.items()):
        example_plan.decisions[k].rationale = f"left{name}{brk}right{name}"
    target = tmp_path / "pack.pdf"
    export_pdf(example_plan, target)
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    for name in BREAKS:
        assert f"left{name}right{name}" not in text.replace(" ", "")
        assert re.search(rf"left{name}[ ]*\n[ ]*right{name}", text), name
