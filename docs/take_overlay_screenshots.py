"""Screenshots of another copy's differences shown on the canvases, on a 1366×768 screen.

    python docs/take_overlay_screenshots.py [OUTPUT_DIR] [light|dark ...]

The other copy is the one of tests/ui/test_compare_overlay.py: from the example, a redesigned AP
step renamed, one added, one removed, and roadmap item 4 three weeks later. File › Compare with…
› "Show on the maps and roadmap" is on; writes ``overlay-process-<theme>.png`` and
``overlay-roadmap-<theme>.png`` (the main window on each page).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from laptop_screen import settle, use_laptop_screen


def their_copy(plan):
    from omplanner.commands import AddEntity, SetFields, remove_cascade
    from omplanner.model import Step

    theirs = plan.model_copy(deep=True)
    SetFields("ap-r3", {"name": "Match to PO and receipt"}).apply(theirs)
    extra = Step(id="step-extra", name="Check supplier bank details", lane="role-match-agent", x=820, y=50)
    AddEntity("map-ap-redesigned", "steps", extra).apply(theirs)
    remove_cascade(theirs, "ap-r8").apply(theirs)
    SetFields("item-4", {"start_week": theirs.item("item-4").start_week + 3}).apply(theirs)
    return theirs


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).parent / "screenshots"
    themes = argv[1:] or ["light", "dark"]
    use_laptop_screen()

    from omplanner.fileio import load_plan, save_plan
    from omplanner.paths import example_path
    from ui.app import make_application
    from ui.document import Document
    from ui.main_window import MainWindow
    from ui.theme import apply_theme

    app = make_application([])
    out.mkdir(parents=True, exist_ok=True)
    other = Path(tempfile.mkdtemp()) / "colleague.omplan"
    for theme in themes:
        apply_theme(app, theme)
        mine = load_plan(example_path("distributor"))
        save_plan(their_copy(mine), other)
        window = MainWindow(Document(mine))
        window.resize(1366, 768)
        window.show()
        view = window.sharing.compare(other)
        view.show_on_canvases.setChecked(True)
        view.close()
        for page in ("processes", "roadmap"):
            window.show_page(page)
            settle(app, 0.3)
            path = out / f"overlay-{'process' if page == 'processes' else page}-{theme}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
