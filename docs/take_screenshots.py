"""Screenshots of every page at 1366×768, normal and presentation mode, light and dark.

    python docs/take_screenshots.py [OUTPUT_DIR] [PAGE_ID ...]

Runs offscreen on a simulated 1366×768 screen (presentation mode goes full screen on it) with the
example plan open and the findings panel showing, as a facilitator's laptop would. Writes
``page-<id>-<theme>.png`` (``process-page-…``, ``roadmap-…`` for the two canvas pages) and the
same names with ``-presentation`` for presentation mode, into docs/screenshots by default; the
overview is also the README's ``shell-<theme>.png`` and ``presentation-overview.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from laptop_screen import settle, use_laptop_screen

NAMES = {"processes": "process-page", "roadmap": "roadmap"}
ALSO = {
    ("overview", "light", False): ["shell-light.png"],  # the README's picture of the app
    ("overview", "dark", False): ["shell-dark.png"],
    ("overview", "light", True): ["presentation-overview.png"],
}


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).parent / "screenshots"
    only = set(argv[1:])
    use_laptop_screen()

    from omplanner.fileio import load_plan
    from omplanner.paths import example_path
    from ui.app import make_application
    from ui.document import Document
    from ui.main_window import MainWindow
    from ui.pages import PAGES
    from ui.theme import apply_theme

    app = make_application([])
    out.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        window = MainWindow(Document(load_plan(example_path("distributor"))))
        window.resize(1366, 768)
        window.show()
        window.findings.refresh()  # the first check waits for a paint: the first page shot caught it pending
        settle(app, 1.5)
        for presentation in (False, True):
            window.set_presentation(presentation)
            for spec in PAGES:
                if only and spec.id not in only:
                    continue
                window.show_page(spec.id)
                settle(app, 0.6)  # pages refresh on timers (the checks wait for edits to pause)
                suffix = "-presentation" if presentation else ""
                path = out / f"{NAMES.get(spec.id, 'page-' + spec.id)}-{theme}{suffix}.png"
                image = window.grab()
                for name in [path.name, *ALSO.get((spec.id, theme, presentation), [])]:
                    image.save(str(out / name))
                    print(out / name)
        window.set_presentation(False)
        window.document.undo_stack.setClean()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
