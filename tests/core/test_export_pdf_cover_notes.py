"""The cover stays one page however long the plan notes are; the notes are all in the pack.

Before: notes of about 1,500 characters ran off the cover onto further navy pages, dark text on
dark blue with no header or footer; 28,000 characters made 25 such pages."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from omplanner.export.pdf import export_pdf
from omplanner.model import Plan


def _notes(n: int) -> str:
    sentences, k = [], 0
    while sum(len(s) + 1 for s in sentences) < n:
        sentences.append(f"Workshop point w{k} was agreed.")
        k += 1
    return " ".join(sentences)


@pytest.mark.parametrize("size", [1500, 28000])
def test_long_notes_are_cut_on_the_cover_and_given_in_full_in_the_summary(example_plan: Plan, tmp_path, size):
    notes = _notes(size)
    example_plan.details.notes = notes
    target = tmp_path / "pack.pdf"
    export_pdf(example_plan, target)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(target).pages]
    cover, after = pages[0], pages[1]
    assert after.startswith("Contents") and "Page 2 of" in after  # the next page is the contents
    assert "Workshop point w0 was agreed." in cover
    assert "was agreed. …" in cover and "full notes are in the executive summary" in cover
    last_on_cover = max(k for k in range(len(notes)) if f"w{k} " in cover)
    assert last_on_cover < 60
    body = " ".join(pages[2:])
    words = set(body.split())
    assert all(f"w{k}" in words for k in range(len(notes.split()) // 5))
    context = [p for p in pages[2:] if "Context" in p and "w0 " in p]
    assert context and all("Page " in p for p in pages[2:])


def test_short_notes_stay_whole_on_the_cover_with_no_extra_section(example_plan: Plan, tmp_path):
    example_plan.details.notes = "Scope agreed.\nPilot starts in January."
    target = tmp_path / "pack.pdf"
    export_pdf(example_plan, target)
    pages = [p.extract_text() for p in PdfReader(target).pages]
    assert "Scope agreed.\nPilot starts in January." in pages[0]
    assert "…" not in pages[0]
    assert "Context" not in pages[1]


def test_a_very_long_title_client_and_facilitator_keep_the_cover_to_one_page(example_plan: Plan, tmp_path):
    d = example_plan.details
    d.title, d.client, d.facilitator = "Title " * 60, "Client " * 60, "Name " * 1000
    d.notes = _notes(800)
    target = tmp_path / "pack.pdf"
    export_pdf(example_plan, target)
    reader = PdfReader(target)
    assert " ".join(reader.pages[1].extract_text().split()).startswith("Contents")
    assert "Title Title" in reader.pages[0].extract_text() and "…" in reader.pages[0].extract_text()
    assert reader.metadata.title == d.title  # the full title stays in the document properties
