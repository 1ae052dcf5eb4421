"""Screenshots of the roadmap compared with a baseline, on a 1366×768 screen.

    python docs/take_baseline_screenshots.py [OUTPUT_DIR] [light|dark ...]

The example as it opens: its baseline "Agreed at workshop 2" had the AP deployment two weeks
earlier. The roadmap's Baseline picker shows it; writes ``baseline-roadmap-<theme>.png`` (the main window on the page).
"""

from __future__ import annotations

import sys
from pathlib import Path

from laptop_screen import settle, use_laptop_screen


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).parent / "screenshots"
    themes = argv[1:] or ["light", "dark"]
    use_laptop_screen()

    from omplanner.fileio import load_plan
    from omplanner.paths import example_path
    from ui.app import make_application
    from ui.document import Document
    from ui.main_window import MainWindow
    from ui.theme import apply_theme

    app = make_application([])
    out.mkdir(parents=True, exist_ok=True)
    for theme in themes:
        apply_theme(app, theme)
        plan = load_plan(example_path("distributor"))
        window = MainWindow(Document(plan))
        window.resize(1366, 768)
        window.show()
        page = window.show_page("roadmap")
        page.baselines.pick(plan.baselines[0].id)
        settle(app, 0.3)
        path = out / f"baseline-roadmap-{theme}.png"
        window.grab().save(str(path))
        print(path)
        window.document.undo_stack.setClean()  # nothing to save: closing asks no question
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
