"""Screenshots of comments, light and dark, on a 1366×768 screen: the step inspector with its
comments on the Processes page, and the Comments panel beside the Roadmap with an item's comments
in its inspector.

    python docs/take_comments_screenshots.py [OUTPUT_DIR]

The example plan gets three comments first (on a step, on a roadmap item, and a resolved one on
a decision). Writes ``comments-inspector-<theme>.png`` and ``comments-panel-<theme>.png`` into
docs/screenshots.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from laptop_screen import settle, use_laptop_screen

COMMENTS = [
    (
        "ap-r3",
        "Ana Ruiz",
        "Who signs off a price difference above 2 %? Finance says the controller, AP says the buyer.",
    ),
    ("ap-r3", "Ben Okafor", "Tolerance is 2 % or 50, whichever is lower: confirmed with the CFO."),
    ("item-2", "Ben Okafor", "Start after the diagnostic is signed off, not in parallel."),
    ("dec-ap-post", "Ana Ruiz", "Agreed at workshop 2."),
]


def commented_plan():
    from omplanner.commands import add_comment, resolve_comment
    from omplanner.fileio import load_plan
    from omplanner.paths import example_path

    plan = load_plan(example_path("distributor"))
    when = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)
    for element, author, text in COMMENTS:
        add_comment(plan, element, text, author, now=when).apply(plan)
    for comment in plan.comments[1::2]:  # the confirmation and the decision's are dealt with
        resolve_comment(plan, comment.id).apply(plan)
    return plan


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).parent / "screenshots"
    use_laptop_screen()

    from ui.app import make_application
    from ui.document import Document
    from ui.main_window import MainWindow
    from ui.theme import apply_theme

    app = make_application([])
    out.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        window = MainWindow(Document(commented_plan()))
        window.resize(1366, 768)
        window.show()
        window.findings.refresh()
        settle(app, 1.0)
        page = window.show_page("processes")
        page.select_element("ap-r3")
        settle(app, 0.6)
        inspector = page.inspector_panel
        inspector.ensureWidgetVisible(page.inspector.comments)
        settle(app, 0.3)
        path = out / f"comments-inspector-{theme}.png"
        window.grab().save(str(path))
        print(path)
        window.toggle_comments(True)
        window.comments.set_mode("all")
        roadmap = window.show_page("roadmap")
        roadmap.select_element("item-2")
        settle(app, 0.8)
        roadmap.inspector_panel.ensureWidgetVisible(roadmap.inspector.comments)
        settle(app, 0.3)
        path = out / f"comments-panel-{theme}.png"
        window.grab().save(str(path))
        print(path)
        window.document.undo_stack.setClean()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
