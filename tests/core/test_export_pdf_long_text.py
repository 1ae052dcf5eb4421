"""A facilitator's long text never breaks the board pack: every word still reaches the PDF.

Before: a 1,200-character decision rationale, a 5,000-character autonomy statement or a
3,000-character use-case name made reportlab give up ("LayoutError ... too large") and no PDF
was written."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pydantic import BaseModel
from pypdf import PdfReader

from omplanner.export.pdf import export_pdf
from omplanner.model import Plan


def _long(n: int, tag: str) -> str:
    """Distinct, numbered words, so a lost or repeated piece of the text shows."""
    words, k = [], 0
    while sum(len(w) + 1 for w in words) < n:
        words.append(f"{tag}{k}")
        k += 1
    return " ".join(words)


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _words_all_there(text: str, long: str) -> None:
    found = set(text.split())
    missing = [w for w in long.split() if w not in found]
    assert not missing, f"{len(missing)} words missing, e.g. {missing[:5]}"


@pytest.mark.parametrize(
    ("where", "size"),
    [("rationale", 1200), ("rationale", 20000), ("autonomy", 5000), ("evidence", 5000), ("cap_notes", 8000)],
)
def test_a_long_cell_splits_across_pages_with_every_word(example_plan: Plan, tmp_path, where, size):
    long = _long(size, "w")
    if where == "rationale":
        example_plan.decisions[0].rationale = long
    elif where == "autonomy":
        example_plan.use_cases[0].governance.autonomy_statement = long
    elif where == "evidence":
        example_plan.scores[0].evidence = long
    else:
        example_plan.capabilities[0].notes = long
    target = tmp_path / "pack.pdf"
    export_pdf(example_plan, target)
    text = _text(target)
    _words_all_there(text, long)
    if where != "autonomy":  # a narrow table column shows the start; the note below has it all
        assert "(in full in note 1 below the table)" in text and "Note 1 ·" in text


def test_a_very_long_use_case_name_is_cut_in_the_contents_and_given_once_in_full(example_plan, tmp_path):
    name = _long(3000, "n")
    example_plan.use_cases[1].name = name
    target = tmp_path / "pack.pdf"
    export_pdf(example_plan, target)
    reader = PdfReader(target)
    contents = " ".join(reader.pages[1].extract_text().split())
    assert "n0 n1 n2" in contents and "…" in contents
    assert "n400" not in contents  # the contents still fits its page
    assert "Candidates not yet developed" in contents  # the chapter after it still listed
    _words_all_there(_text(target), name)
    outline = [o.title for o in reader.outline if not isinstance(o, list)]
    assert any(t.startswith("3. n0 n1") and len(t) < 200 for t in outline)


SKIP = {"id", "participant"}
"""Not free text: the id, and a score's participant ("" marks the agreed score)."""


def _every_text_field_long(obj: BaseModel, n: int, texts: list[str]) -> list[str]:
    """Set every free-text field of the plan (each ``str`` field that is not an id or a reference)
    to ``n`` characters of distinct words; return the texts."""
    refs = getattr(type(obj), "refs", {})
    for name, info in type(obj).model_fields.items():
        value = getattr(obj, name)
        if info.annotation is str and name not in SKIP and name not in refs:
            text = _long(n, f"{name[:3]}{len(texts)}x")
            object.__setattr__(obj, name, text)
            texts.append(text)
        elif isinstance(value, BaseModel):
            _every_text_field_long(value, n, texts)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    _every_text_field_long(item, n, texts)
    return texts


def test_every_free_text_field_at_5000_characters_still_exports(example_plan: Plan, tmp_path):
    texts = _every_text_field_long(example_plan, 5000, [])
    target = tmp_path / "pack.pdf"
    began = time.perf_counter()
    export_pdf(example_plan, target)
    assert time.perf_counter() - began < 60
    text = _text(target)
    # Long texts shown in tables and paragraphs arrive whole; names also appear cut in drawings.
    for long in (
        example_plan.decisions[0].rationale,
        example_plan.use_cases[0].governance.autonomy_statement,
        example_plan.data_sources[0].validation.note,
    ):
        _words_all_there(text, long)
    assert len(texts) > 200


def test_fitting_a_very_long_label_into_a_drawing_is_quick_and_fits():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from omplanner.export.pdf.fonts import REGULAR, register_fonts
    from omplanner.export.pdf.textfit import clip, wrap

    register_fonts()
    began = time.perf_counter()
    label = clip("word " * 8000, REGULAR, 7.5, 120)
    lines, fitted = wrap("A" * 40000, REGULAR, 7.5, 120, 3)
    assert time.perf_counter() - began < 1.0
    assert label.endswith("…") and label.startswith("word word")
    assert stringWidth(label, REGULAR, 7.5) <= 120 < stringWidth(label + "wo", REGULAR, 7.5)
    assert not fitted and len(lines) == 3 and all(stringWidth(x, REGULAR, 7.5) <= 120 for x in lines)
