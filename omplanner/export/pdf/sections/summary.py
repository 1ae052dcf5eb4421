"""The executive summary: which use case first and why, readiness on the five components,
the pilot's figure beside the process-level one, the top findings, the roadmap at a glance.

Every figure here comes from the core's analyses (ranking, integration, sequencing, rules);
where an analysis has nothing to say, the page says so rather than inventing a number.
"""

from __future__ import annotations

from reportlab.platypus import KeepTogether, PageBreak, Spacer

from ....figures import (
    UNKNOWN,
    go_live_date,
    go_live_week,
    go_lives,
    number,
    percent_text,
    pilot_is_time_saving,
    unknown_text,
)
from ....model import Component, Severity
from ....vocabulary import severity_rank
from ...analysis import PlanAnalysis, ranked_use_case
from .. import charts
from .. import styles as st
from ..axis import figure
from ..blocks import Card, Ctx, empty, heading, short, table
from ..safe import Para, esc, para
from .cover import NOTES_HEADING

TOP_FINDINGS = 5


def by_severity(findings):
    """Errors first, then warnings, then notes; the rules' own order within each."""
    return sorted(findings, key=lambda f: severity_rank(f.severity))


def summary_chapter(ctx: Ctx, a: PlanAnalysis, number: int = 1, full_notes: bool = False) -> list:
    """``full_notes``: the cover showed only the start of the plan notes; give them all here."""
    s, plan = ctx.s, ctx.plan
    flow: list = [PageBreak(), heading("Executive summary", s.h1, 0, f"{number}.")]
    weeks = max((i.end_week for i in plan.roadmap), default=0)
    client = plan.details.client or "the business"
    flow.append(
        Para(
            f"This pack sets out how {esc(client)} redesigns its operating model around AI: "
            f"{len(plan.use_cases)} candidate use case{'s' if len(plan.use_cases) != 1 else ''}, "
            f"{len(plan.decisions)} decisions with explicit rights, and a roadmap of {len(plan.roadmap)} pieces "
            f"of work over {weeks} weeks.",
            s.lead,
        )
    )
    if ctx.board:
        flow += board_asks(ctx, a)
    flow += _recommendation(ctx, a)
    flow += _readiness(ctx)
    flow += _integration(ctx, a)
    flow += _open_points(ctx, a) if ctx.board else _top_findings(ctx, a)
    flow += _roadmap_glance(ctx, a)
    if full_notes:
        flow += [heading(NOTES_HEADING, s.h2, 1), para(plan.details.notes, s.body)]
    return flow


def _recommendation(ctx: Ctx, a: PlanAnalysis) -> list:
    s = ctx.s
    if not a.ranked:
        return [empty(ctx, "No use case has been listed yet, so none can be recommended.")]
    first = a.ranked[0]
    parts = [
        Para("RECOMMENDED FIRST USE CASE", s.kicker),
        para(short(ranked_use_case(ctx.plan, first).name), s.h2.clone("rec", spaceBefore=0)),
        para(first.reason, s.callout),
    ]
    flow: list = [Card(parts, st.TEAL, pad=10), Spacer(1, 8)]
    rows = []
    for r in a.ranked:
        uc = ranked_use_case(ctx.plan, r)
        rows.append(
            [
                str(r.rank),
                short(uc.name),
                f"{r.score:.1f} / 5",
                f"{uc.tractability.strategic_value} / 5",
                uc.status.label,
            ]
        )
    flow.append(
        table(ctx, ["Rank", "Use case", "Tractability", "Strategic value", "Status"], rows, [0.8, 5, 1.6, 1.6, 1.4])
    )
    flow.append(
        Para(
            "Tractability is the mean of monthly volume, how well the process is defined, how rich its "
            "data is and how willing the team is to redesign its own work. Strategic value is given "
            "for comparison; the order follows tractability alone.",
            s.muted,
        )
    )
    return flow


def _readiness(ctx: Ctx) -> list:
    s, plan = ctx.s, ctx.plan
    flow: list = [heading("Readiness on the five components", s.h2, 1)]
    series, unscored = [], []
    for place, uc in enumerate(plan.use_cases):
        agreed = {sc.component: sc.value for sc in plan.scores if sc.use_case == uc.id and not sc.participant}
        if len(agreed) == len(Component):
            series.append((uc.name, [agreed[c] for c in Component], place))
        else:
            unscored.append(short(uc.name, 80))
    if not series:
        return [*flow, empty(ctx, "No use case has an agreed score on all five components yet.")]
    if len(series) <= charts.OVERLAID:
        drawings = charts.radars([(name, values) for name, values, _ in series], ctx.width)
    else:
        key = (
            "Agreed score on each component, 1 at the centre to 5 at the edge; grey dashed: the mean of "
            f"the {len(series)} use cases scored."
        )
        drawings = [Para(key, s.muted), *charts.radar_grid(series, ctx.width)]
    block = drawings[:2]  # the first radar (and the key over a grid) with the heading
    rest = drawings[len(block) :]
    if unscored:
        rest.append(Para(f"Not yet scored on every component: {esc(', '.join(unscored))}.", s.muted))
    return [*flow, KeepTogether(block), *rest]


def _integration(ctx: Ctx, a: PlanAnalysis) -> list:
    s, plan = ctx.s, ctx.plan
    flow: list = []
    intro = [heading("Pilot result against capacity released", s.h2, 1)]
    intro.append(
        Para(
            "A saving measured on one task in a pilot is not what the business gets back. The process "
            "level counts the exceptions, checks and handoffs the redesign adds.",
            s.body,
        )
    )
    bars, rows = [], []
    for uc in plan.use_cases:
        f = a.figures.get(uc.id)
        if f is None:
            continue
        pilot = f"{figure(f.pilot_value)} {f.pilot_unit}".strip() if f.pilot_value is not None else "—"
        if f.capacity_released_pct is None:
            released, hours = UNKNOWN, UNKNOWN  # the row's "What it means" says why, once
        else:
            released = percent_text(f.capacity_released_pct)
        if f.hours_released_per_month is not None:
            hours = number(f.hours_released_per_month)
        elif f.capacity_released_pct is not None:
            hours = unknown_text(f.hours_unknown_reason or "")
        rows.append([short(uc.name), pilot, released, hours, f.summary])
        if f.capacity_released_pct is not None and pilot_is_time_saving(uc.pilot_kpi):
            bars.append((uc.name, f.pilot_value, max(0.0, f.capacity_released_pct)))
    drawings = charts.pilot_charts(bars, ctx.width) if bars else []
    if drawings:
        intro += [drawings[0], Spacer(1, 6)]
    flow.append(KeepTogether(intro))
    for drawing in drawings[1:]:
        flow += [drawing, Spacer(1, 6)]
    flow.append(
        table(
            ctx,
            ["Use case", "Pilot", "Process level", "Hours a month", "What it means"],
            rows,
            [2.6, 1.1, 1.4, 1.2, 5.5],
        )
    )
    return flow


def _top_findings(ctx: Ctx, a: PlanAnalysis) -> list:
    s = ctx.s
    flow: list = [heading("Top findings", s.h2, 1)]
    if not a.findings:
        return [*flow, Para("The rules raise no finding on this plan.", s.body)]
    for f in by_severity(a.findings)[:TOP_FINDINGS]:
        colour = st.hex_of(st.SEVERITY_COLOURS[f.severity])
        text = f"<font color='{colour}'><b>{esc(f.severity.label)}</b></font>  <b>{esc(f.title)}</b> — {esc(f.message)}"
        flow.append(Para(text, s.body, bulletText="•"))
    if len(a.findings) > TOP_FINDINGS:
        flow.append(
            Para(f"All {len(a.findings)} findings, with suggested fixes, are in the Findings chapter.", s.muted)
        )
    return flow


def board_asks(ctx: Ctx, a: PlanAnalysis) -> list:
    """What we ask the board to decide: each a sentence from the plan's own figures."""
    s, plan = ctx.s, ctx.plan
    asks: list[str] = []
    if a.ranked:
        first = ranked_use_case(plan, a.ranked[0])
        asks.append(f"Approve <b>{esc(short(first.name, 90))}</b> as the first use case to redesign and pilot.")
        f = a.figures.get(first.id)
        if f is not None and f.hours_released_per_month is not None and f.capacity_released_pct is not None:
            asks.append(
                f"Plan the benefit on the process-level figure: {figure(f.capacity_released_pct)}\u00a0% of capacity, "
                f"about {f.hours_released_per_month:,.0f}\u00a0hours a month, rather than the pilot's result."
            )
    if plan.roadmap:
        weeks = max(i.end_week for i in plan.roadmap)
        lives = go_lives(plan)
        when = f"; the first go-live is in week {min(go_live_week(i) for i in lives)}" if lives else ""
        asks.append(f"Endorse the roadmap: {len(plan.roadmap)} pieces of work over {weeks} weeks{when}.")
    stops = [f for f in a.findings if f.severity is Severity.ERROR]
    if stops:
        asks.append(
            f"Ask the working team to settle the {len(stops)} open point{'s' if len(stops) != 1 else ''} "
            "that would stop the rollout before the next review (see “What still needs deciding”)."
        )
    if not asks:
        return []
    flow: list = [heading("What we ask the board to decide", s.h2, 1)]
    flow += [Para(text, s.body, bulletText=f"{k}.") for k, text in enumerate(asks, start=1)]
    return [KeepTogether(flow[:2]), *flow[2:]]


def _open_points(ctx: Ctx, a: PlanAnalysis) -> list:
    """The board's top findings: what is open, in plain words, worst first."""
    s = ctx.s
    flow: list = [heading("What still needs deciding", s.h2, 1)]
    if not a.findings:
        return [*flow, Para("The checks leave nothing open on this plan.", s.body)]
    for f in by_severity(a.findings)[:TOP_FINDINGS]:
        flow.append(Para(esc(f.message), s.body, bulletText="•"))
    if len(a.findings) > TOP_FINDINGS:
        flow.append(Para(f"All {len(a.findings)} open points, by theme, are in the last chapter.", s.muted))
    return flow


GLANCE_GO_LIVES = 8
"""Go-lives the summary names; a roadmap with more says how many more, and until when."""
GLANCE_PATH = 6
"""Pieces of work of the critical path the summary names, first ones and the last."""


def _roadmap_glance(ctx: Ctx, a: PlanAnalysis) -> list:
    s, plan = ctx.s, ctx.plan
    if not plan.roadmap:
        return []
    flow: list = [heading("Roadmap at a glance", s.h2, 1)]
    names = {uc.id: short(uc.name, 80) for uc in plan.use_cases}
    lives = go_lives(plan)
    for item in lives[:GLANCE_GO_LIVES]:
        uc = names.get(item.use_case or "", "cross-cutting")
        when = f"week {go_live_week(item)} ({go_live_date(item, plan.details.start_date):%d %b %Y})"
        flow.append(Para(f"Go-live in {when}: {esc(item.title)} ({esc(uc)})", s.body, bulletText="•"))
    if len(lives) > GLANCE_GO_LIVES:
        more = len(lives) - GLANCE_GO_LIVES
        last = go_live_week(lives[-1])
        flow.append(
            Para(
                f"{more} more go-lives follow, the last in week {last}; the Roadmap chapter lists them all.",
                s.body,
                bulletText="•",
            )
        )
    if a.critical:
        titles = [short(i.title, 80) for i in sorted(plan.roadmap, key=lambda i: i.start_week) if i.id in a.critical]
        if len(titles) > GLANCE_PATH:
            skipped = len(titles) - GLANCE_PATH
            titles = [*titles[: GLANCE_PATH - 1], f"{skipped} more", titles[-1]]
        flow.append(Para(f"Critical path: {esc(' → '.join(titles))}.", s.body, bulletText="•"))
    if len(flow) <= 12:  # a few lines: they move together, never one alone on the next page
        return [KeepTogether(flow)]
    return flow
