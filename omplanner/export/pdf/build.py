"""Assemble the board pack: chapters in order, laid out, written atomically."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from ...fileio import atomic_path
from ...model import Plan
from ...rules import applied_settings
from .. import Cancelled
from ..analysis import PlanAnalysis, analyse_plan, ranked_use_case
from ..pack_options import PackOptions
from . import process_drawing, safe, textfit, vector
from . import styles as st
from .blocks import Ctx
from .document import BoardPackTemplate, Marks, frame_size
from .keep import keep_with_next
from .sections.candidates import candidates_chapter, is_developed
from .sections.comments import comments_chapter
from .sections.cover import contents, cover, cover_notes
from .sections.findings import findings_chapter, rule_settings_chapter
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


def build_story(plan: Plan, analysis: PlanAnalysis, options: PackOptions, report: _Reporter) -> list:
    styles = st.Styles()
    ctx = Ctx(plan, styles, frame_size("portrait", options.paper)[0], frame_size("landscape", options.paper), options)
    issued = options.issued or date.today()
    story = cover(ctx, issued) + contents(ctx)
    number = 1
    if options.includes("summary"):
        report(0.08, "Executive summary")
        story += summary_chapter(ctx, analysis, number, full_notes=cover_notes(ctx, issued)[1])
        number += 1
    if options.includes("use_cases"):
        ordered = use_case_order(plan, analysis)
        chapters = [uc for uc in ordered if is_developed(plan, uc)]
        for k, uc in enumerate(chapters):
            report(0.1 + 0.25 * k / max(1, len(chapters)), f"Use case: {uc.name}")
            story += use_case_chapter(ctx, uc, number, analysis)
            number += 1
        others = [uc for uc in ordered if not is_developed(plan, uc)]
        if others:
            story += candidates_chapter(ctx, analysis, others, number)
            number += 1
    if options.includes("roadmap"):
        report(0.35, "Roadmap")
        story += roadmap_chapter(ctx, number, analysis.critical if plan.roadmap else None)
        number += 1
    report(0.38, "Findings")
    if options.includes("findings"):
        story += findings_chapter(ctx, number, by_severity(analysis.findings))
        number += 1
    elif applied_settings(plan):  # rules switched off are always said, even without the findings
        story += rule_settings_chapter(ctx, number)
        number += 1
    if options.includes("appendix"):
        plan_wide = plan_wide_chapter(ctx, number)
        story += plan_wide
        number += 1 if plan_wide else 0
    if options.includes("comments"):
        story += comments_chapter(ctx, number)
    return keep_with_next(story)


def use_case_order(plan: Plan, analysis: PlanAnalysis) -> list:
    """The use cases in ranked order (the board reads the first candidate first); any the
    ranking leaves out follow in plan order."""
    ranked = [ranked_use_case(plan, r) for r in analysis.ranked]
    seen = {uc.id for uc in ranked if uc is not None}
    return [uc for uc in ranked if uc is not None] + [uc for uc in plan.use_cases if uc.id not in seen]


def footer_text(plan: Plan, options: PackOptions) -> str:
    """Who issues the pack and which version: the organisation, else the plan's title."""
    parts = [options.organisation or plan.details.title]
    if options.version:
        parts.append(f"Version {options.version}")
    if options.draft:
        parts.append("Draft")
    return " · ".join(p for p in parts if p)


def export_pdf(
    plan: Plan,
    path: Path | str,
    progress: Progress | None = None,
    *,
    issued: date | None = None,
    options: PackOptions | None = None,
) -> None:
    """Write the board pack for ``plan`` to ``path`` (replaced only when the whole PDF is done).

    ``options`` says who it is for, the paper, the chapters and the marks (a board pack on A4
    by default); ``issued`` overrides the options' date. ``progress(fraction, message)`` is
    called as the work advances; returning False cancels, raising
    ``omplanner.export.Cancelled`` with no file written.
    """
    options = options or PackOptions()
    if issued is not None:
        options = replace(options, issued=issued)
    report = _Reporter(progress)
    report(0.0, "Checking the plan")
    # Each export measures and encodes its text afresh: the caches serve repeats within one
    # export (the same cell, label or markup hundreds of times), not between exports, so
    # that memory does not grow with every export and a timed export does the whole work.
    for module in (safe, textfit, vector, process_drawing):
        module.forget_measurements()
    analysis = analyse_plan(plan)
    story = build_story(plan, analysis, options, report)
    total = max(1, len(story))
    done = [0]

    def on_flowable() -> None:
        done[0] += 1
        if done[0] % 10 == 0:
            report(0.4 + 0.55 * min(1.0, done[0] / (2 * total)), "Laying out pages")

    d = plan.details
    marks = Marks(
        header_left=d.title,
        header_right=d.client,
        footer_left=footer_text(plan, options),
        confidentiality=options.confidentiality,
        draft=options.draft,
        logo=(options.logo.drawing or options.logo.png) if options.logo else None,
    )
    with atomic_path(path) as tmp:
        doc = BoardPackTemplate(
            str(tmp),
            title=d.title,
            marks=marks,
            on_flowable=on_flowable,
            paper=options.paper,
            author=options.organisation or d.facilitator,
            subject=f"AI operating model board pack for {d.client}".strip(),
        )
        doc.build_pack(story)
        report(1.0, "Done")
