"""Process maps that fit their page, read back from the PDF: the example's current AP process
(8 steps, 9 columns) whole on one landscape page at a legible size, on A4 and US Letter; and on
a 190-step map cut into parts, connectors that never overlap one another."""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

import pytest

from omplanner.export.pack_options import PackOptions
from omplanner.export.pdf import export_pdf
from omplanner.export.pdf.process_drawing import CONNECTOR_R, MIN_SCALE
from omplanner.fileio import load_plan
from omplanner.model import Plan

from .pdf_layout import Page, read_pages

SIZE = 1.02
"""poppler's box of a DejaVu word is about 1.03 times its size."""
EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "distributor.omplan"


def _headed(pages: list[Page], heading: str) -> list[Page]:
    """The landscape pages that carry ``heading`` ("2.5 Current process"; the contents, in
    portrait, lists it too)."""
    words = heading.split()
    n = len(words)
    return [
        page
        for page in pages
        if page.width > page.height
        and any([w.text for w in page.words[k : k + n]] == words for k in range(len(page.words)))
    ]


@pytest.mark.parametrize("audience, paper", [("board", "a4"), ("team", "letter"), ("board", "letter")])
def test_the_examples_current_map_is_whole_on_one_page_at_a_legible_size(tmp_path, audience, paper):
    plan = load_plan(EXAMPLE)
    uc = next(u for u in plan.use_cases if len(u.current.steps) == 10)  # AP invoice matching
    path = tmp_path / "pack.pdf"
    export_pdf(plan, path, options=PackOptions(audience=audience, paper=paper, issued=date(2026, 3, 31)))
    pages = _headed(read_pages(path), "2.5 Current process")
    assert len(pages) == 1, [p.number for p in pages]
    page = pages[0]
    assert not any(w.text == "Part" for w in page.words)  # not cut into parts
    texts = [w.text for w in page.words]
    names = [w for step in uc.current.steps for w in step.name.split()]
    missing = [n for n in names if n not in texts and not any(n.startswith(t.rstrip("-")) for t in texts if "-" in t)]
    assert not missing, missing  # every step's name, whole, on the page
    # Step names at 7 pt or more, minutes at 6 pt or more (in the map: above its figures).
    foot = next(w.y0 for w in page.words if w.text == "steps,")
    in_map = [w for w in page.words if w.y1 < foot]
    name_words = [w for w in in_map if w.text in set(names)]
    assert name_words and min(w.y1 - w.y0 for w in name_words) >= 7 * SIZE
    minutes = [w for w in in_map if w.text == "min"]
    assert len(minutes) == sum(1 for s in uc.current.steps if s.minutes)
    assert min(w.y1 - w.y0 for w in minutes) >= 6 * SIZE
    # Flow labels ("yes · 75 %", "no") at 6 pt or more too.
    labels = [w for w in in_map if w.text in {f.label.split()[0] for f in uc.current.flows if f.label}]
    assert labels and min(w.y1 - w.y0 for w in labels) >= 6 * SIZE


def _one_large_map_plan() -> Plan:
    """The benchmark plan's first use case alone: two 200-step maps cut into parts, whose
    exception routes cross the cuts in dozens of places."""
    from omplanner.fileio.load import plan_from_data
    from tests.benchmarks.generate import generate_data

    full = plan_from_data(generate_data(), Path("large.omplan"))
    plan = Plan()
    plan.details = full.details
    plan.roles = full.roles
    plan.use_cases = full.use_cases[:1]
    return plan


CONNECTOR = re.compile(r"[A-HJ-NP-Z]\d*")
"""A connector's letter (the alphabet leaves out I and O), with a number after Z."""


def test_connectors_at_a_cut_never_overlap(tmp_path):
    path = tmp_path / "large.pdf"
    export_pdf(_one_large_map_plan(), path, options=PackOptions(audience="board", issued=date(2026, 3, 31)))
    pages = [p for p in read_pages(path) if p.width > p.height and any(w.text == "Part" for w in p.words)]
    assert len(pages) >= 8  # both maps, cut into parts
    closest = 2 * CONNECTOR_R * MIN_SCALE - 1.0  # centre to centre, less what poppler's boxes round
    seen, crowded = 0, []
    for page in pages:
        letters = [w for w in page.words if CONNECTOR.fullmatch(w.text) and w.y1 - w.y0 < 7]
        seen += len(letters)
        centres = [((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2, w.text) for w in letters]
        for (x1, y1, a), (x2, y2, b) in itertools.combinations(centres, 2):
            if ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 < closest:
                crowded.append(f"p{page.number}: {a} on {b}")
        # Nor does a connector's letter run into other words (letters merged into one word).
        crowded += [
            f"p{page.number}: {w.text!r}" for w in page.words if re.fullmatch(r"(?:[A-HJ-NP-Z]\d*){2,}", w.text)
        ]
    assert seen >= 60
    assert not crowded, crowded[:10]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_whole_map_with_room_to_spare_leaves_no_flow_label_off(tmp_path, paper):
    """The e-mail triage redesign's "complaint · 10 %" runs between two neighbouring boxes: the
    usual gap had no room for it and the map said "1 flow label left off" on a page two-thirds
    empty. Its columns now part a little more."""
    plan = load_plan(EXAMPLE)
    path = tmp_path / "pack.pdf"
    export_pdf(plan, path, options=PackOptions(audience="team", paper=paper, issued=date(2026, 3, 31)))
    [page] = _headed(read_pages(path), "3.6 Redesigned process")
    texts = [w.text for w in page.words]
    assert texts.count("complaint") == 3  # "Escalate complaint", "Handle complaint" and the label
    assert "off" not in texts  # "… flow label left off"
    assert not any(w.text == "Part" for w in page.words)
