"""Assemble the board pack: chapters in order, laid out, written atomically."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from ...fileio import atomic_path
from ...model import Plan
from .. import Cancelled
from ..analysis import PlanAnalysis, analyse_plan
from . import safe, textfit, vector
from . import styles as st
from .blocks import Ctx
from .document import BoardPackTemplate, frame_size
from .sections.cover import contents, cover, cover_notes
from .sections.findings import findings_chapter
from .sections.other import plan_wide_chapter
from .sections.roadmap import roadmap_chapter
from .sections.summary import by_severity, summary_chapter
from .sections.use_case import use_case_chapter

Progress = Callable[[float, str], "bool | None"]


class _Reporter:
    """Relays progress and turns a False answer into ``Cancelled``; never goes backwards."""

    def __init__(self, progress: Progress | None):
        self.progress = progress
        self.last = 0.0

    def __call__(self, fraction: float, message: str) -> None:
        if self.progress is None:
            return
        self.last = max(self.last, min(1.0, fraction))
        if self.progress(self.last, message) is False:
            raise Cancelled()


def build_story(plan: Plan, analysis: PlanAnalysis, issued: date, report: _Reporter) -> list:
    styles = st.Styles()
    ctx = Ctx(plan, styles, frame_size("portrait")[0], frame_size("landscape"))
    story = cover(ctx, issued) + contents(ctx)
    report(0.08, "Executive summary")
    story += summary_chapter(ctx, analysis, full_notes=cover_notes(ctx, issued)[1])
    number = 2
    for k, uc in enumerate(plan.use_cases):
        report(0.1 + 0.25 * k / max(1, len(plan.use_cases)), f"Use case: {uc.name}")
        story += use_case_chapter(ctx, uc, number)
        number += 1
    report(0.35, "Roadmap")
    story += roadmap_chapter(ctx, number, analysis.critical if plan.roadmap else None)
    report(0.38, "Findings")
    story += findings_chapter(ctx, number + 1, by_severity(analysis.findings))
    story += plan_wide_chapter(ctx, number + 2)
    return story


def export_pdf(plan: Plan, path: Path | str, progress: Progress | None = None, *, issued: date | None = None) -> None:
    """Write the board pack for ``plan`` to ``path`` (replaced only when the whole PDF is done).

    ``progress(fraction, message)`` is called as the work advances; returning False cancels,
    raising ``omplanner.export.Cancelled`` with no file written.
    """
    report = _Reporter(progress)
    report(0.0, "Checking the plan")
    # Each export measures and encodes its text afresh: the caches serve repeats within one
    # export (the same cell, label or markup hundreds of times), not between exports, so
    # that memory does not grow with every export and a timed export does the whole work.
    for module in (safe, textfit, vector):
        module.forget_measurements()
    analysis = analyse_plan(plan)
    story = build_story(plan, analysis, issued or date.today(), report)
    total = max(1, len(story))
    done = [0]

    def on_flowable() -> None:
        done[0] += 1
        if done[0] % 10 == 0:
            report(0.4 + 0.55 * min(1.0, done[0] / (2 * total)), "Laying out pages")

    d = plan.details
    running = (d.title, d.client, f"{d.title} · board pack prepared with OM Planner")
    with atomic_path(path) as tmp:
        doc = BoardPackTemplate(
            str(tmp),
            title=d.title,
            running=running,
            on_flowable=on_flowable,
            author=d.facilitator,
            subject=f"AI operating model board pack for {d.client}".strip(),
        )
        doc.build_pack(story)
        report(1.0, "Done")
