"""Screenshots of File › Compare with… and the merge preview, light and dark, on a 1366×768 screen.

    python docs/take_merge_screenshots.py [OUTPUT_DIR]

The copies are the worked scenario of the tests (tests/core/test_compare_merge.py): from the
example, you rename a step, add one in the AP clerk's lane and edit a decision's rationale; your
colleague renames the same step otherwise, removes the AP clerk and adds a roadmap item.
Writes ``compare-<theme>.png`` and ``merge-preview-<theme>.png`` into docs/screenshots.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from laptop_screen import settle, use_laptop_screen


def copies():
    from omplanner.commands import AddEntity, SetFields, remove_cascade
    from omplanner.fileio import load_plan
    from omplanner.model import RoadmapItem, Step
    from omplanner.model.history import next_history
    from omplanner.paths import example_path

    base = load_plan(example_path("distributor"))
    base.history = next_history(base.history, "Ana Ruiz", datetime(2026, 11, 19, 16, 30, tzinfo=UTC))  # as saved
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    SetFields("ap-c8", {"name": "Approve invoice"}).apply(mine)
    step = Step(id="step-new", name="Check supplier bank details", lane="role-ap-clerk", x=500, y=40)
    AddEntity(base.use_cases[0].redesigned.id, "steps", step).apply(mine)
    SetFields("dec-em-refund", {"rationale": "Refunds above 200 need a person."}).apply(mine)
    SetFields("ap-c8", {"name": "Approve for payment run"}).apply(theirs)
    remove_cascade(theirs, "role-ap-clerk").apply(theirs)
    AddEntity(None, "roadmap", RoadmapItem(id="item-new", title="Train the AP team lead")).apply(theirs)
    return base, mine, theirs


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).parent / "screenshots"
    use_laptop_screen()

    from omplanner.compare import compare_plans
    from ui.app import make_application
    from ui.compare_view import CompareView
    from ui.document import Document
    from ui.merge_preview import MergePreview
    from ui.theme import apply_theme

    app = make_application([])
    out.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        base, mine, theirs = copies()
        compare = CompareView(compare_plans(mine, theirs), "theirs.omplan")
        preview = MergePreview(Document(mine), base, theirs, "theirs.omplan")
        for name, dialog in (("compare", compare), ("merge-preview", preview)):
            dialog.show()
            settle(app, 0.3)
            path = out / f"{name}-{theme}.png"
            dialog.grab().save(str(path))
            print(path)
            dialog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
