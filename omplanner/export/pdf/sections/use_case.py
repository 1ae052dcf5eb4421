"""One chapter per use case: the case, its process maps, decision rights, governance charter,
data sources and capability changes."""

from __future__ import annotations

from copy import copy

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, NextPageTemplate, PageBreak, Spacer, Table

from ....figures import go_live_week, go_lives, pilot_sentence
from ....figures.minutes import expected_minutes, per_case_words
from ....model import Component, Plan, ProcessMap, UseCase
from ...analysis import PlanAnalysis, ranked_use_case
from .. import styles as st
from ..axis import figure
from ..blocks import Ctx, FirstThatFits, empty, heading, kv_table, listed, role_names, short, table
from ..process_drawing import fitted_geometry, legend, map_parts, shortened_steps, symbols_used
from ..safe import Para, esc, marked, para
from ..short_page import EndPageEarly

TRACTABILITY = [
    ("definition", "Well defined"),
    ("data_richness", "Data-rich"),
    ("team_willingness", "Team willing to redesign"),
    ("strategic_value", "Strategic value"),
]


def _dots(value: int) -> str:
    return "●" * value + "○" * (5 - value)


def use_case_chapter(ctx: Ctx, uc: UseCase, number: int, analysis: PlanAnalysis | None = None) -> list:
    """The case on portrait pages (profile, decision rights, governance, data, capabilities),
    then its two process maps on landscape pages, each sized to fill one."""
    s = ctx.s
    flow: list = [NextPageTemplate("portrait"), PageBreak(), heading(uc.name, s.h1, 0, f"{number}.")]
    if short(uc.name) != " ".join(uc.name.split()):  # the heading shows it cut: the full name once, here
        flow.append(para(uc.name, s.body))
    volume = f"{uc.tractability.monthly_volume:,} a month"
    flow.append(Para(f"{esc(uc.status.label.upper())} · {esc(volume.upper())}", s.kicker))
    if analysis is not None:
        flow.append(Para(esc(action_title(ctx, uc, analysis)), s.action))
    if uc.description:
        flow.append(para(uc.description, s.lead))
    flow += _profile(ctx, uc)
    flow += _decisions(ctx, uc, number)
    wide = copy(ctx)
    wide.width = ctx.l_width
    sections = [(part(ctx, uc, number), part(wide, uc, number)) for part in (_governance, _data, _capabilities)]
    flow.append(NoThinTail(sections, _maps(ctx, uc, number), (ctx.l_width, ctx.l_height)))
    return flow


THIN = 0.4
"""A run-over shorter than this part of a page is moved to the landscape pages: a little more
than the third the pack holds every page to, as rows that split move with their neighbours."""


RUN_HEAD = 90.0
"""The room a section needs to start on a page: its heading and a row or two."""
TAIL_MARGIN = 24.0
"""What a run of pages' last page is kept above a third full by, for the room splits lose."""


class NoThinTail(Flowable):
    """The chapter's last portrait sections (governance, data, capabilities), then its maps.

    When those sections would run over onto a new portrait page by less than a third of it,
    and the page they start on is a third full already, they open the landscape pages instead
    (at landscape width, the current map following them on that page where it fits), so no
    portrait page is left with a few lines before the maps. Sections running over by pages (a
    5,000-character statement) move only where their last portrait page would be thin and
    their last landscape page would not (or the map fits under it). Asked again where each
    section starts: a long governance charter may stay in portrait and the data and
    capabilities move.
    Decided at layout time, when the room left is known; the headings and their order are the
    same either way (``_content`` holds them for the contents seeded before layout)."""

    def __init__(self, sections: list[tuple[list, list]], maps: list, landscape: tuple[float, float]):
        super().__init__()
        self.landscape = landscape
        """The landscape frame's width and height."""
        from ..keep import keep_with_next  # headings keep with their tables here too

        self.sections = [(keep_with_next(tall), keep_with_next(wide)) for tall, wide in sections]
        self.maps = maps
        self._content = [*(f for tall, _wide in sections for f in tall), *maps]

    def wrap(self, availWidth, availHeight):
        frame = self._doctemplateAttr("frame")
        page = frame._y2 - frame._topPadding - frame._y1p
        need = 0.0
        for tall, _wide in self.sections:
            for f in tall:
                f.canv = self.canv
                need += f.wrap(availWidth, page)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        turn = len(self.maps) > 2 and isinstance(self.maps[1], PageBreak)
        short_run = availHeight < need < availHeight + page * THIN
        # Where a run of pages starts: here, or on the next page when a heading and a row or
        # two do not fit here; its last page is about what is left over (splits lose a little).
        here = availHeight if availHeight >= RUN_HEAD else 0.0
        tail = (need - here) % page if need > availHeight else page
        thin_end = tail < page / 3 + TAIL_MARGIN
        if turn and availHeight < page * (1 - 1 / 3) and (short_run or (thin_end and self._ends_well_in_landscape())):
            chosen = [*self.maps[:2], *(f for _tall, wide in self.sections for f in wide), *self.maps[2:]]
        elif len(self.sections) > 1:  # the same question again where the next section starts
            chosen = [*self.sections[0][0], NoThinTail([], self.maps, self.landscape)]
            chosen[-1].sections = self.sections[1:]
        else:
            chosen = [*self.sections[0][0], *self.maps]
        if turn and thin_end and need > availHeight + page and chosen[0] is not self.maps[0]:
            # Staying in portrait, a run of pages would end thin: an earlier page of the run
            # ends early, and its last page takes up what that page leaves.
            chosen.insert(0, EndPageEarly(page / 3 + TAIL_MARGIN - tail, RUN_HEAD))
        frame.add_generated_content(*chosen)
        return 0, 0

    def _ends_well_in_landscape(self) -> bool:
        """Whether the sections at landscape width end on a page a third full, or with room
        under them for the map that follows."""
        width, page = self.landscape
        need = 0.0
        for _tall, wide in self.sections:
            for f in wide:
                f.canv = self.canv
                need += f.wrap(width, page)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        tail = need % page
        first = self.maps[2]
        first.canv = self.canv
        return tail >= page / 3 or tail + first.wrap(width, page)[1] + first.getSpaceBefore() <= page

    def draw(self) -> None:
        pass


def action_title(ctx: Ctx, uc: UseCase, a: PlanAnalysis) -> str:
    """One sentence from the plan's figures: where the case ranks, what the redesign releases
    against what the pilot showed, and when it goes live."""
    plan = ctx.plan
    ranked = next((r for r in a.ranked if ranked_use_case(plan, r).id == uc.id), None)
    parts = [f"Ranked {ranked.rank} of {len(a.ranked)} on tractability" if ranked else "Not ranked yet"]
    f = a.figures.get(uc.id)
    if f is not None and f.capacity_released_pct is not None:
        released = f"the redesign releases {figure(f.capacity_released_pct)}\u00a0% of the process's capacity"
        if f.hours_released_per_month is not None:
            released += f", about {f.hours_released_per_month:,.0f}\u00a0hours a month"
        parts.append(released)
    elif f is not None and f.capacity_unknown_reason:
        parts.append("the capacity it releases is not known yet")
    if uc.pilot_kpi.value is not None:  # worded by the figures module, as on every other page
        said = pilot_sentence(uc.pilot_kpi)
        parts.append(said[:1].lower() + said[1:])
    lives = go_lives(plan, uc.id)
    if lives:
        parts.append(f"it goes live in week {min(go_live_week(i) for i in lives)}")
    else:
        parts.append("no go-live is planned yet")
    return "; ".join(parts) + "."


def _profile(ctx: Ctx, uc: UseCase) -> list:
    s, t = ctx.s, uc.tractability
    pairs = [("Monthly volume", f"{t.monthly_volume:,}")]
    pairs += [(label, f"{_dots(getattr(t, field))}  {getattr(t, field)} / 5") for field, label in TRACTABILITY]
    kpi = uc.pilot_kpi
    if kpi.metric or kpi.value is not None:
        value = f"{figure(kpi.value)} {kpi.unit}".strip() if kpi.value is not None else "no figure yet"
        pairs.append(("Pilot KPI", f"{kpi.metric}: {value}" if kpi.metric else value))
    if uc.outcome.name.strip():
        pairs.append(("Process outcome", _outcome_text(uc)))
    flow: list = [Para("Tractability", s.h3), kv_table(ctx, pairs, 140)]
    scores = {sc.component: sc for sc in ctx.plan.scores if sc.use_case == uc.id and not sc.participant}
    flow.append(Para("Diagnostic: agreed scores", s.h3))
    if scores:
        rows = []
        for comp in Component:
            sc = scores.get(comp)
            rows.append([comp.label, f"{sc.value} / 5" if sc else "not scored", sc.evidence if sc else ""])
        flow.append(table(ctx, ["Component", "Score", "Evidence"], rows, [3, 1.3, 8]))
    else:
        flow.append(empty(ctx, "The diagnostic has not scored this use case yet."))
    return flow


def _outcome_text(uc: UseCase) -> str:
    """'AP capacity released: from 0 to 20 %' (a figure not set yet reads as such)."""
    o = uc.outcome
    unit = f" {o.unit}" if o.unit else ""
    base = f"from {figure(o.baseline)}{unit} " if o.baseline is not None else ""
    target = f"to {figure(o.target)}{unit}" if o.target is not None else "no target yet"
    return f"{o.name}: {base}{target}"


def map_stats(plan: Plan, pmap: ProcessMap) -> str:
    """Facts read off the map: step count, AI steps, and people's expected minutes per case."""
    steps = [st_ for st_ in pmap.steps if st_.kind.value not in ("start", "end")]
    ai = sum(1 for st_ in steps if st_.is_ai)
    return f"{len(steps)} steps, {ai} with AI · {per_case_words(expected_minutes(plan, pmap))}"


MAP_OVERHEAD = 66.0
"""Room on a landscape page for what surrounds a map: its heading, its figures, the legend
and the gaps between them."""


NAMES_ON_PAGE = 96.0
"""The most room the step table (shortened names in full) takes from its map's page: about
five rows, ten steps; a longer one flows on after the map."""


def _maps(ctx: Ctx, uc: UseCase, number: int) -> list:
    s = ctx.s
    if not uc.current.steps and not uc.redesigned.steps:
        return [
            heading("Process maps", s.h2, 1, f"{number}.5"),
            empty(ctx, "Neither the current nor the redesigned process has been drawn yet."),
        ]
    current = _map_block(ctx, "Current process", uc.current, f"{number}.5", ctx.l_width, ctx.l_height)
    redesigned = _map_block(ctx, "Redesigned process", uc.redesigned, f"{number}.6", ctx.l_width, ctx.l_height)
    # The redesign follows the current map on the same page when it fits there.
    landscape = [NextPageTemplate("landscape"), PageBreak(), *current, *redesigned, NextPageTemplate("portrait")]
    return landscape


def _map_block(
    ctx: Ctx, variant: str, pmap: ProcessMap, number: str, width: float, height: float, one: bool = False
) -> list:
    """A map under its heading, cut into parts where it must be, with its figures, legend and
    step table, for a frame of ``width`` x ``height``. ``one``: the map whole, or nothing."""
    s, plan = ctx.s, ctx.plan
    geo, parts, names, below = _sized(ctx, pmap, width, height)
    if one and (len(parts) != 1 or not below and names):
        return []
    title = heading(variant, s.h2, 1, number)
    if not parts:
        return [KeepTogether([title, empty(ctx, f"The {variant.lower()} has not been drawn yet.")]), Spacer(1, 6)]
    flow: list = []
    facts = map_stats(plan, pmap)
    if parts[0].labels_left_off:
        n = parts[0].labels_left_off
        facts += f" · {n} flow label{'s' if n != 1 else ''} left off where the map is too crowded (the app shows them)"
    stats = para(facts, s.muted)
    block: list = [title]
    for j, part in enumerate(parts):
        if len(parts) > 1:
            block.append(para(_part_caption(plan, parts, j), s.muted))
        block += [part.drawing, Spacer(1, 3)]
        if j < len(parts) - 1:  # parts follow one another down the page, a page break where needed
            flow.append(KeepTogether(block))
            block = []
    block += [stats, legend(width, symbols_used(pmap, len(parts) > 1, geo))]
    if below:
        block += names
    flow.append(KeepTogether(block))
    if not below:
        flow += names
    return flow


def map_overhead(pmap: ProcessMap, width: float) -> float:
    """Room on a landscape page of ``width`` for what surrounds a map (heading, figures, a
    legend of up to two lines), less the step table."""
    return MAP_OVERHEAD + legend(width, symbols_used(pmap, True) | {"tag"}).height - 20


def _sized(ctx: Ctx, pmap: ProcessMap, width: float, height: float) -> tuple:
    """The box sizes a map is drawn at on a frame of ``width`` x ``height``, its parts, its step
    table and the room that table takes on the map's last page (0: it flows on after)."""
    plan = ctx.plan
    overhead = map_overhead(pmap, width)
    geo = fitted_geometry(pmap, width, height - overhead, NAMES_ON_PAGE)
    names, below = _names_below(ctx, pmap, width, height, geo)
    if below:  # the boxes sized for the room the table leaves, and the table for those boxes
        narrower = fitted_geometry(pmap, width, height - overhead - below, NAMES_ON_PAGE - below)
        if narrower != geo:
            geo = narrower
            names, below = _names_below(ctx, pmap, width, height, geo)
    parts = map_parts(plan, pmap, width, height - overhead - below, geo)
    if below and len(parts) > 1:
        # Room for the table on every page of a cut map is room the parts may need: take
        # it only where the map is cut into no more parts for it.
        wide = fitted_geometry(pmap, width, height - overhead, NAMES_ON_PAGE)
        whole = map_parts(plan, pmap, width, height - overhead, wide)
        if len(whole) < len(parts):
            parts, below, geo = whole, 0.0, wide
            names = _full_names(ctx, pmap, width, geo)
    return geo, parts, names, below


def map_geometry(ctx: Ctx, pmap: ProcessMap):
    """The box sizes the pack draws a map at on its landscape pages (which names it shortens
    depends on them)."""
    return _sized(ctx, pmap, ctx.l_width, ctx.l_height)[0]


def _names_below(ctx: Ctx, pmap: ProcessMap, width: float, height: float, geo) -> tuple[list, float]:
    """The step table for a map drawn at ``geo``, and the room it takes on the map's page (none
    when it is too long to share the page: it then flows on after the map)."""
    names = _full_names(ctx, pmap, width, geo)
    below = sum(f.wrap(width, height)[1] for f in names)
    return names, below if below <= NAMES_ON_PAGE else 0.0


def _full_names(ctx: Ctx, pmap: ProcessMap, width: float, geo=None) -> list:
    """The step table: each step the map shows shortened, by the number it is tagged with on
    the map, with its full name and lane, so the reader can always look a step up. Four or
    more go two to a row, or three where that keeps the table whole on the map's last page."""
    cut = shortened_steps(pmap, geo=geo) if geo is not None else shortened_steps(pmap)
    if not cut:
        return []
    plan = ctx.plan
    entries = [
        [str(k), short(step.name, 400), short(role_names(plan, [step.lane]), 120) or "—"]
        for k, step in enumerate(cut, 1)
    ]
    layouts = [1] if len(entries) <= 3 else [2, 3] if len(entries) > 4 else [2]
    return [Spacer(1, 4), FirstThatFits([_step_table(ctx, entries, n, width) for n in layouts])]


def _step_table(ctx: Ctx, entries: list[list[str]], across: int, width: float):
    """The entries ``across`` to a row, read down each column; three to a row leave the lane
    out (the tag's place on the map shows it)."""
    if across == 3:
        entries = [e[:2] for e in entries]
    rows = -(-len(entries) // across)
    blank = [""] * len(entries[0])
    columns = [entries[k * rows : (k + 1) * rows] for k in range(across)]
    columns = [c + [blank] * (rows - len(c)) for c in columns]
    body = [sum((c[r] for c in columns), []) for r in range(rows)]
    header = ["No.", "Step, in full (shortened on the map)", "Lane"][: len(blank)] * across
    widths = ([0.5, 5.0, 2.0] if across < 3 else [0.7, 5.4])[: len(blank)] * across
    out = table(ctx, header, body, widths, width=width, compact=True)
    if isinstance(out, Table):  # a look-up list: tighter still than a register
        out.setStyle([("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])
    return out


def _part_caption(plan: Plan, parts, k: int) -> str:
    part = parts[k]
    where = [f"columns {part.first_col + 1}–{part.last_col + 1}"]
    if any(p.first_lane != parts[0].first_lane for p in parts):  # split into lane bands too
        first, last = plan.role(part.first_lane), plan.role(part.last_lane)
        names = [r.name if r else "" for r in (first, last)]
        where.append(f"lanes {names[0]} to {names[1]}" if names[0] != names[1] else f"lane {names[0]}")
    return f"Part {k + 1} of {len(parts)} ({', '.join(where)})"


def _decisions(ctx: Ctx, uc: UseCase, number: int) -> list:
    s, plan = ctx.s, ctx.plan
    flow: list = [heading("Decision rights", s.h2, 1, f"{number}.1")]
    decisions = [d for d in plan.decisions if d.use_case == uc.id]
    if not decisions:
        return [*flow, empty(ctx, "No decisions have been recorded for this use case.")]
    rows = []
    for d in decisions:
        found = plan.find_step(d.step)
        colour = st.hex_of(st.AUTONOMY_COLOURS[d.autonomy])
        autonomy = Para(f'<font color="{colour}"><b>{esc(d.autonomy.label)}</b></font>', s.cell)
        lines, names = [], []
        for label, ids in (("A", d.accountable), ("R", d.responsible), ("C", d.consulted), ("I", d.informed)):
            if ids:
                lines.append(f"<b>{label}</b> {{{len(names)}}}")
                names.append(role_names(plan, ids))
        rows.append(
            [
                d.name,
                found[2].name if found else "—",
                autonomy,
                marked("<br/>".join(lines), names, s.cell) if lines else Para("—", s.cell),
                role_names(plan, [d.override_authority]) or "—",
                "Yes" if d.audit_trail else "No",
                d.rationale,
            ]
        )
    flow.append(
        table(
            ctx,
            ["Decision", "Step", "Autonomy", "Roles (RACI)", "Override", "Audit", "Rationale"],
            rows,
            [2.9, 1.9, 1.9, 3.2, 2.1, 1.3, 2.9],
        )
    )
    return flow


def _governance(ctx: Ctx, uc: UseCase, number: int) -> list:
    s, plan, g = ctx.s, ctx.plan, uc.governance
    flow: list = [CondPageBreak(120), heading("Governance charter", s.h2, 1, f"{number}.2")]
    if not (g.owner_name or g.owner_role or g.autonomy_statement or g.thresholds or g.escalation_path):
        return [
            *flow,
            empty(
                ctx, "No governance has been set for this use case: no named owner, no thresholds, no escalation path."
            ),
        ]
    owner = g.owner_name or "no named person"
    if g.owner_role:
        role = plan.role(g.owner_role)
        kind = f", {role.kind.label.lower()}{', senior' if role.senior else ''}" if role else ""
        owner += f" ({role_names(plan, [g.owner_role])}{kind})"
    pairs = [
        ("Senior owner", owner),
        ("What AI may decide alone", g.autonomy_statement),
        ("Escalation path", role_names(plan, g.escalation_path, " → ")),
        ("When a threshold is breached", g.breach_process),
    ]
    flow.append(kv_table(ctx, pairs, 140))
    flow.append(Para("Performance thresholds", s.h3))
    if g.thresholds:
        rows = []
        for t in g.thresholds:
            band = _band(t.lower, t.upper, t.unit)
            covers = listed(d.name for d in (plan.decision(x) for x in t.covers) if d)
            rows.append([t.metric, band, t.cadence.label, covers or "—"])
        flow.append(table(ctx, ["Metric", "Acceptable range", "Review", "Decisions watched"], rows, [4, 2.2, 1.4, 4]))
    else:
        flow.append(empty(ctx, "No thresholds: drift would go unnoticed."))
    return flow


def _band(lower: float | None, upper: float | None, unit: str) -> str:
    u = f" {unit}" if unit else ""
    if lower is not None and upper is not None:
        return f"{figure(lower)} to {figure(upper)}{u}"
    if upper is not None:
        return f"at most {figure(upper)}{u}"
    if lower is not None:
        return f"at least {figure(lower)}{u}"
    return "no range set"


def _data(ctx: Ctx, uc: UseCase, number: int) -> list:
    s, plan = ctx.s, ctx.plan
    flow: list = [CondPageBreak(100), heading("Data sources", s.h2, 1, f"{number}.3")]
    steps = {st_.id: st_ for st_ in [*uc.current.steps, *uc.redesigned.steps]}
    sources = [ds for ds in plan.data_sources if any(x in steps for x in ds.used_by)]
    if not sources:
        return [*flow, empty(ctx, "No data source is linked to a step of this use case.")]
    rows = []
    for ds in sources:
        used = listed(steps[x].name for x in ds.used_by if x in steps)
        quality = f"{_dots(ds.quality)}" if ds.quality else "not rated"
        rows.append(
            [
                ds.name,
                f"{ds.system} · from: {ds.origin.describe()}" if ds.system else f"From: {ds.origin.describe()}",
                f"{role_names(plan, [ds.owner_role]) or 'no owner'} · {ds.ownership.describe()}",
                ds.validation.describe(),
                ds.latency.describe(),
                quality,
                used,
            ]
        )
    flow.append(
        table(
            ctx,
            ["Source", "System", "Quality owner", "Validation", "Latency", "Quality", "Used by"],
            rows,
            [2.3, 1.8, 1.8, 2.9, 1.6, 1.5, 2.6],
        )
    )
    return flow


def _capabilities(ctx: Ctx, uc: UseCase, number: int) -> list:
    s, plan = ctx.s, ctx.plan
    flow: list = [CondPageBreak(100), heading("Capability changes", s.h2, 1, f"{number}.4")]
    caps = [c for c in plan.capabilities if c.use_case == uc.id]
    if not caps:
        return [*flow, empty(ctx, "No capability changes have been defined for this use case.")]
    flow.append(capability_table(ctx, caps))
    return flow


def capability_table(ctx: Ctx, caps) -> object:
    rows = [
        [
            role_names(ctx.plan, [c.role]),
            c.display_name,
            f"{c.current_level} → {c.required_level}",
            ", ".join(m.label for m in c.built_through) or "not planned",
            c.notes,
        ]
        for c in caps
    ]
    return table(ctx, ["Role", "Capability", "Level", "Built through", "Notes"], rows, [2.4, 2.4, 1.1, 3, 4.5])
