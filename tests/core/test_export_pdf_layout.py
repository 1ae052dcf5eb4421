"""The board pack's layout, read back from the PDF: no two words overlap, no word is cut, no
page but a chapter's last is under a third full, and the board's pack names no rule code.

Run on the example plan and on a generated one with ten candidates, 15- and 25-step maps,
36 roadmap items and 5,000-character texts, in both audiences and on both papers.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from omplanner.export.pack_options import PackOptions
from omplanner.export.pdf import export_pdf
from omplanner.export.pdf.sections.use_case import map_geometry
from omplanner.fileio import load_plan
from omplanner.model import AiIntervention, Flow, ItemKind, Plan, RoadmapItem, Role, Step, StepKind
from omplanner.model.factories import make_use_case

from .pdf_layout import chapter_starts, fill, off_page, overlaps, read_pages

RULE_CODE = re.compile(r"[A-Z]{3}-\d{3}")
SYNTHETIC = [
    "Kalvor",
    "Zentrimax",
    "Quorbellionate",
    "Vextral",
    "Ombriquent",
    "Telvadorax",
    "Pruxel",
    "Gandriveth",
    "Sulmorant",
    "Yrrivaxington",
    "Brelquonder",
    "Fandrosk",
]
"""Words no sentence of ours contains: a piece of one in the PDF is a word cut."""


def _name(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(SYNTHETIC) for _ in range(words))


def _map(rng: random.Random, steps: int, lanes: list[str], prefix: str):
    out, flows = [], []
    col = 0
    for k in range(steps):
        kind = StepKind.START if k == 0 else StepKind.END if k == steps - 1 else StepKind.TASK
        if 0 < k < steps - 1 and k % 5 == 2:
            kind = StepKind.DECISION
        if k and rng.random() < 0.8:
            col += 1
        ai = AiIntervention.AUTOMATE if k % 4 == 1 else AiIntervention.NONE
        out.append(
            Step(
                id=f"{prefix}-{k}",
                kind=kind,
                name=_name(rng, rng.randint(1, 5)),
                lane=lanes[(k // 2) % len(lanes)],
                minutes=float(rng.choice([0, 2, 5, 12.5, 30])),
                ai=ai,
                exception_route=f"{prefix}-{k + 1}" if ai is not AiIntervention.NONE and k + 1 < steps else None,
                exception_rate=7.5 if ai is not AiIntervention.NONE else None,
                x=60 + 190 * col,
                y=50 + 120 * ((k // 2) % len(lanes)),
            )
        )
        if k:
            label = rng.choice(["", "", "yes", "no", "Fandrosk"]) if out[k - 1].kind is StepKind.DECISION else ""
            flows.append(Flow(id=f"{prefix}-f{k}", source=f"{prefix}-{k - 1}", target=f"{prefix}-{k}", label=label))
    return out, flows


def generated_plan() -> Plan:
    rng = random.Random(5)
    plan = Plan()
    plan.details.title = "Generated plan for the layout test"
    plan.details.client = "Layout Test Ltd"
    plan.details.notes = (_name(rng, 1) + " ") * 500
    plan.roles = [Role(id=f"role-{k}", name=_name(rng, 2)) for k in range(5)]
    lanes = [r.id for r in plan.roles[:4]]
    for k in range(10):
        uc = make_use_case(f"Candidate {_name(rng, 2)} {k}", id=f"uc-{k}")
        uc.tractability.monthly_volume = 100 * (k + 1)
        uc.tractability.definition = 1 + k % 5
        plan.use_cases.append(uc)
    big, small = plan.use_cases[0], plan.use_cases[1]
    big.description = " ".join(_name(rng, 1) for _ in range(480))[:5000]
    big.current.lanes, big.redesigned.lanes = lanes, lanes
    big.current.steps, big.current.flows = _map(rng, 15, lanes, "c15")
    big.redesigned.steps, big.redesigned.flows = _map(rng, 25, lanes, "r25")
    small.current.lanes = lanes[:3]
    small.current.steps, small.current.flows = _map(rng, 8, lanes[:3], "c8")
    big.governance.autonomy_statement = " ".join(_name(rng, 1) for _ in range(480))[:5000]
    kinds = list(ItemKind)
    plan.roadmap = [
        RoadmapItem(
            id=f"it-{k}",
            title=f"Work {_name(rng, 3)} {k}",
            kind=kinds[k % len(kinds)],
            use_case=f"uc-{k % 3}",
            start_week=2 * k,
            duration_weeks=3 + k % 4,
            owner="role-0",
            depends_on=[f"it-{k - 1}"] if k % 3 else [],
        )
        for k in range(36)
    ]
    return plan


@pytest.fixture(scope="module")
def packs(tmp_path_factory, request) -> dict:
    from pathlib import Path

    root = tmp_path_factory.mktemp("layout")
    example = load_plan(Path(request.config.rootpath) / "resources" / "examples" / "distributor.omplan")
    out = {}
    for name, plan in (("example", example), ("generated", generated_plan())):
        for audience, paper in (("board", "a4"), ("team", "letter")):
            path = root / f"{name}-{audience}-{paper}.pdf"
            export_pdf(plan, path, options=PackOptions(audience=audience, paper=paper, issued=date(2026, 3, 31)))
            out[(name, audience, paper)] = path
    return out


KEYS = [(n, a, p) for n in ("example", "generated") for a, p in (("board", "a4"), ("team", "letter"))]


@pytest.mark.parametrize("key", KEYS, ids=["-".join(k) for k in KEYS])
def test_no_two_words_overlap_and_none_leaves_the_page(packs, key):
    problems = []
    for page in read_pages(packs[key]):
        problems += [f"p{page.number}: {a.text!r} over {b.text!r}" for a, b in overlaps(page)]
        problems += [f"p{page.number}: {w.text!r} off the page" for w in off_page(page)]
    assert not problems, problems[:20]


def _fragment(token: str, whole: str) -> bool:
    """A word's start (two letters or more) or its end or middle (four or more: shorter ones
    are English words of our own sentences, "in", "and")."""
    if token == whole or token not in whole:
        return False
    return len(token) >= 2 if whole.startswith(token) else len(token) >= 4


@pytest.mark.parametrize("key", KEYS, ids=["-".join(k) for k in KEYS])
def test_no_word_is_cut(packs, key):
    """A piece of a word is marked: a hyphen where it breaks, an ellipsis where it is shortened."""
    cut = []
    for page in read_pages(packs[key]):
        for word in page.words:
            token = word.text.strip(".,;:()“”'")
            if not token or token.endswith(("-", "…")) or token in SYNTHETIC:
                continue
            if any(_fragment(token, whole) for whole in SYNTHETIC):
                cut.append(f"p{page.number}: {word.text!r}")
    for fragment in ("plaint", "res"):  # the clipped words, in the example's maps
        cut += [f"p{p.number}: {fragment}" for p in read_pages(packs[key]) if any(w.text == fragment for w in p.words)]
    assert not cut, cut[:20]


@pytest.mark.parametrize("key", KEYS, ids=["-".join(k) for k in KEYS])
def test_every_page_but_a_chapters_last_is_a_third_full(packs, key):
    path = packs[key]
    pages = read_pages(path)
    starts = sorted(chapter_starts(path))
    lasts = {s - 1 for s in starts} | {len(pages)}
    # A portrait section cannot flow on to the landscape pages of the maps or the chart that
    # follow it: its last page counts as a section's last.
    turns = {p.number for p, q in zip(pages, pages[1:]) if (p.width < p.height) != (q.width < q.height)}
    lasts |= turns
    thin = [
        f"p{page.number}: {fill(page):.0%}"
        for page in pages
        if page.number >= starts[0] and page.number not in lasts and fill(page) < 1 / 3
    ]
    assert not thin, thin


@pytest.mark.parametrize("name", ["example", "generated"])
def test_the_board_pack_names_no_rule_code(packs, name):
    text = " ".join(w.text for page in read_pages(packs[(name, "board", "a4")]) for w in page.words)
    assert not RULE_CODE.search(text), RULE_CODE.findall(text)[:5]
    team = " ".join(w.text for page in read_pages(packs[(name, "team", "letter")]) for w in page.words)
    assert RULE_CODE.search(team)  # the team's pack keeps them


@pytest.mark.parametrize("key", [("example", "team", "letter"), ("generated", "board", "a4")])
def test_ai_badges_say_what_the_ai_does_in_legible_words(packs, key):
    """A step's AI badge is the vocabulary's short label ("AI surfaces"), not a code the legend
    has to spell out, at a size that prints legibly (6 pt or more)."""
    from omplanner.vocabulary import AI

    pages = read_pages(packs[key])
    assert not any("AI·" in w.text for page in pages for w in page.words)
    verbs = {AI[a].short.split()[1]: AI[a].short for a in AiIntervention if a is not AiIntervention.NONE}
    seen = set()
    for page in pages:
        for before, word in zip(page.words, page.words[1:]):
            same_line = abs(before.y1 - word.y1) < 0.5 and 0 < word.x0 - before.x1 < 4
            if before.text == "AI" and word.text in verbs and same_line:
                seen.add(verbs[word.text])
                # poppler's box of a DejaVu word is about 1.03 times its size: 6 pt or more
                assert word.y1 - word.y0 >= 6 * 1.02, (page.number, word)
    # the example uses all three kinds; the generated plan at least one
    assert seen == set(verbs.values()) if key[0] == "example" else seen


@pytest.mark.parametrize("key", KEYS, ids=["-".join(k) for k in KEYS])
def test_every_step_name_a_map_shortens_is_in_its_step_table(packs, key, request):
    from pathlib import Path

    from omplanner.export.pdf.process_drawing import shortened_steps

    name = key[0]
    plan = (
        generated_plan()
        if name == "generated"
        else load_plan(Path(request.config.rootpath) / "resources" / "examples" / "distributor.omplan")
    )
    pages = read_pages(packs[key])
    text = " ".join(w.text for page in pages for w in page.words)
    ctx = _pack_context(plan, key[2])
    cut = [
        step
        for uc in plan.use_cases
        for m in (uc.current, uc.redesigned)
        for step in shortened_steps(m, geo=map_geometry(ctx, m))
    ]
    tables = [
        p for p in pages if any(w.text == "No." for w in p.words) and any(w.text == "(shortened" for w in p.words)
    ]
    missing = [s.name for s in cut if " ".join(s.name.split()) not in text]
    if name == "generated":  # names too long for a box, whatever its size
        assert cut and tables
    assert not missing, missing[:5]


def _pack_context(plan, paper: str):
    """What the pack knows when it sizes a map's boxes: the plan and the frames of ``paper``."""
    from omplanner.export.pdf import styles
    from omplanner.export.pdf.blocks import Ctx
    from omplanner.export.pdf.document import frame_size

    options = PackOptions(paper=paper)
    return Ctx(plan, styles.Styles(), frame_size("portrait", paper)[0], frame_size("landscape", paper), options)


@pytest.mark.parametrize("key", KEYS, ids=["-".join(k) for k in KEYS])
def test_no_thin_portrait_page_before_a_chapters_maps(packs, key):
    """The pages before a chapter's landscape maps are held to the same third as any other,
    also where a section runs over by pages (the generated plan's 5,000-character statement):
    an earlier page of the run then ends early."""
    path = packs[key]
    pages = read_pages(path)
    starts = chapter_starts(path)
    thin = [
        f"p{p.number}: {fill(p):.0%}"
        for p, q in zip(pages, pages[1:])
        if p.width < p.height and q.width > q.height and q.number not in starts and fill(p) < 1 / 3
    ]
    assert not thin, thin
