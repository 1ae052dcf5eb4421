"""Pictures of the board pack, one per kind of page, from the example plan.

    python docs/take_pdf_previews.py [OUTPUT_DIR]

Exports the example's board pack (with an organisation, an SVG logo, a confidentiality mark and
a version, as a consultancy would issue it) and the working team's pack, finds each kind of page
by the words on it, and writes ``NN-kind.png`` (NN: the page in its pack) at 80 dpi into
docs/pdf-preview by default, replacing the pictures there. Needs poppler's pdftotext and pdftoppm.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOGO = """<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80">
  <rect x="4" y="4" width="72" height="72" rx="12" fill="#009e73"/>
  <circle cx="40" cy="40" r="18" fill="#ffffff"/>
  <text x="92" y="50" font-family="sans-serif" font-weight="bold" font-size="24" fill="#1f3a5f">Harbour</text>
</svg>"""

# (file name, pack, words the page holds (all of them)); the contents page, which names every
# heading, is only ever the contents. A kind the example's packs no longer show (its maps are
# whole and name every step in full) is left out, and the script says so.
KINDS = [
    ("cover", "board", ("Prepared by",)),
    ("contents", "board", ("Contents",)),
    ("executive-summary-board", "board", ("What we ask the board to decide", "Lowest:")),  # small radars
    ("use-case-opening", "board", ("Decision rights", "Tractability")),
    ("process-map", "board", ("2.5 Current process", " min")),
    ("process-map-with-ai", "board", ("2.6 Redesigned process", "AI automates")),
    ("process-map-split", "board", ("Part 1 of",)),
    ("process-map-with-step-table", "board", ("(shortened on the map)",)),
    ("sections-before-a-map", "board", ("Capability changes", "Current process")),
    ("candidates-compared", "board", ("Candidates not yet developed",)),
    ("roadmap-gantt", "board", ("Go-live of a deployment",)),
    ("roadmap-items", "board", ("Roadmap items", "Depends on")),
    ("what-still-needs-deciding", "board", ("What still needs deciding", "Proposed way forward")),
    ("findings-team", "team", ("Findings", "Suggested fix")),
]


def _page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")


def main(argv: list[str]) -> int:
    from omplanner.export.pack_options import PackOptions, read_logo
    from omplanner.export.pdf import export_pdf
    from omplanner.fileio import load_plan

    out = Path(argv[0]) if argv else ROOT / "docs" / "pdf-preview"
    plan = load_plan(ROOT / "resources" / "examples" / "distributor.omplan")
    with tempfile.TemporaryDirectory() as tmp:
        logo_file = Path(tmp) / "harbour.svg"
        logo_file.write_text(LOGO, encoding="utf-8")
        common = dict(
            organisation="Harbour Advisory",
            logo=read_logo(logo_file),
            confidentiality="Confidential",
            version="1.0",
            issued=date(2026, 12, 4),
        )
        packs = {}
        for audience in ("board", "team"):
            pdf = Path(tmp) / f"{audience}.pdf"
            export_pdf(plan, pdf, options=PackOptions(audience=audience, **common))
            packs[audience] = (pdf, _page_texts(pdf))
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob("*.png"):
            old.unlink()
        for name, audience, words in KINDS:
            pdf, texts = packs[audience]
            page = next(
                (
                    k
                    for k, text in enumerate(texts, 1)
                    if all(w in text for w in words) and (name == "contents" or "Contents" not in text)
                ),
                None,
            )
            if page is None:
                print(f"({name}: no such page in the example's {audience} pack)")
                continue
            stem = out / f"{page:02d}-{name}"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
                check=True,
            )
            print(f"{stem.name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
