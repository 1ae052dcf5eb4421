"""The roadmap scene: a projection of ``plan.roadmap`` kept as ``dict[id, item]``.

After an edit the scene compares each item's display state with what it last drew and touches
only the bars, arrows and lines whose state changed, so a drag on a large roadmap does not
rebuild the scene. It never pushes commands: gestures and the page do.
"""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsScene

from omplanner.figures import go_live_week
from omplanner.model import ItemKind, Plan

from .ghosts import GhostBarItem
from .items import BAR_H, BarItem, BrokenRelationItem, DependencyArrow, Theme
from .layout import (
    BY_COMPONENT,
    LANE_LABEL_W,
    LANE_TITLE_LINES,
    LANE_TITLE_TOP,
    ROW_H,
    ZOOMS,
    Lane,
    LaneFit,
    Layout,
    assemble,
    fit_spacing,
    lane_key,
    lanes_for,
    pack_lane,
)
from .routing import Obstacles
from .timeline import TimelineItem


class RoadmapScene(QGraphicsScene):
    def __init__(self, theme: Theme | None = None, parent=None):
        super().__init__(parent)
        self.theme = theme or Theme()
        self.mode = BY_COMPONENT
        self.scale_name = "months"
        self.ppw = ZOOMS["months"]
        self.today: date | None = date.today()
        self.bars: dict[str, BarItem] = {}
        self.arrows: dict[tuple[str, str], DependencyArrow] = {}
        self._arrows_of: dict[str, set[tuple[str, str]]] = {}
        """Item id -> the keys of the arrows that touch it."""
        self.broken: dict[tuple[str, str, str], BrokenRelationItem] = {}
        self._bar_rects: dict[str, tuple[tuple, tuple]] | None = None
        """Item id -> its bar's and its label's rectangles in the scene (``routing.Obstacle``)."""
        self._obstacles: Obstacles | None = None
        self.layout: Layout | None = None
        self._state: dict[str, tuple] = {}
        self._label_w: dict[str, float] = {}
        self._lane_geometry: tuple = ()
        self.room: float | None = None
        """The height the view has for the lanes: they are compacted to it. None: no limit."""
        self.drag_room = True
        """The timeline runs on past the last item (the canvas); False for a slide, which ends there."""
        self._title_h: dict[tuple, float] = {}
        self.show_phases = False
        self.other_copy: dict = {}
        """Item id -> its weeks in another copy (``compare.overlay.WeeksMoved``), drawn as ghosts."""
        self.baseline: dict | None = None
        """Item id -> its weeks in the baseline picked on the page, drawn as ghosts instead of
        another copy's while one is picked; None: no baseline picked."""
        self.ghosts: dict[str, GhostBarItem] = {}
        self._ghost_tips = False
        self.timeline = TimelineItem(self.theme)
        self.addItem(self.timeline)
        self.setBackgroundBrush(self.theme.background)

    # -- building ----------------------------------------------------------------------------
    def rebuild(self, plan: Plan) -> None:
        """Forget everything and draw the plan afresh (a new plan was opened)."""
        for bar in self.bars.values():
            self.removeItem(bar)
        for arrow in self.arrows.values():
            self.removeItem(arrow)
        for line in self.broken.values():
            self.removeItem(line)
        self.bars.clear()
        self.arrows.clear()
        self._arrows_of.clear()
        self.broken.clear()
        self._state.clear()
        self.layout = None
        self._label_w.clear()
        self._lane_geometry = ()
        self.sync(plan)

    def set_theme(self, plan: Plan, theme: Theme) -> None:
        """Follow a change of appearance (light or dark): draw everything again in its colours."""
        self.theme = theme
        self.timeline.theme = theme
        self.setBackgroundBrush(theme.background)
        self._lane_geometry = ()
        self.rebuild(plan)

    def dispose(self) -> None:
        """Drop every item now rather than at garbage collection (offscreen renders)."""
        self.bars.clear()
        self.arrows.clear()
        self.broken.clear()
        self.ghosts.clear()
        self.clear()
        self.timeline = None

    def set_scale(self, plan: Plan, name: str, ppw: float | None = None) -> None:
        self.scale_name = name
        self.ppw = ppw if ppw is not None else ZOOMS[name]
        self._state.clear()  # every width changes
        self.sync(plan)
        self.set_ppw_for_analysis()

    def set_room(self, plan: Plan, room: float | None) -> None:
        """Fit the lanes to ``room`` pixels of height (the view was resized)."""
        if room == self.room:
            return
        self.room = room
        layout = self.layout
        if layout is not None and layout.packs.keys() >= {lane.key for lane in layout.lanes}:
            fit = self.lane_fit(layout.lanes)
            rows = [layout.packs[lane.key].n_rows for lane in layout.lanes]
            titles = [fit.title_h[lane.key] for lane in layout.lanes]
            if fit_spacing(rows, titles, room, fit.min_row_h) == layout.spacing:
                return  # a resize that changes nothing on screen (most steps of a drag) costs nothing
        self.sync(plan)

    def lane_fit(self, lanes: list[Lane]) -> LaneFit:
        label = QFontMetricsF(self.theme.font(9.0))
        return LaneFit(self.room, {lane.key: self.title_height(lane.title) for lane in lanes}, label.height() + 1)

    def title_height(self, title: str) -> float:
        """The height a lane's title takes in the lane-name column, up to ``LANE_TITLE_LINES`` lines."""
        key = (title, self.theme)
        if key not in self._title_h:
            metrics = QFontMetricsF(self.theme.font(9.0, bold=True))
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            text_h = metrics.boundingRect(QRectF(0, 0, LANE_LABEL_W - 18, 10_000), flags, title).height()
            self._title_h[key] = math.ceil(min(text_h, LANE_TITLE_LINES * metrics.lineSpacing()) + LANE_TITLE_TOP + 2)
        return self._title_h[key]

    def set_mode(self, plan: Plan, mode: str) -> None:
        self.mode = mode
        self._state.clear()
        self.sync(plan)

    def sync(self, plan: Plan) -> set[str]:
        """Bring the scene in line with the plan; returns the ids of bars that changed or moved.

        Only the lanes holding a changed item are packed again, and only bars whose lane was
        repacked or shifted are repositioned, so one drag costs little on a large roadmap.
        """
        self._bar_rects = self._obstacles = None  # bars may move or change: gather them afresh
        roles = {r.id: r.name for r in plan.roles}
        items = {i.id: i for i in plan.roadmap}
        current: dict[str, tuple] = {}
        for item in plan.roadmap:
            owner = roles.get(item.owner or "", "")
            current[item.id] = (
                item.title,
                owner,
                item.kind,
                item.start_week,
                item.duration_weeks,
                lane_key(item, self.mode),
                tuple(item.depends_on),
            )
        lanes = lanes_for(plan, self.mode)
        old_layout = self.layout
        full = not self._state or old_layout is None or old_layout.lanes != lanes
        dirty_lanes: set[str] = set()
        deps_changed: set[str] = set()
        appeared = set(current) - set(self._state)
        for gone in set(self.bars) - set(current):
            self._remove_bar(gone)
            dirty_lanes.add(self._state.get(gone, (None,) * 7)[5])
            deps_changed.add(gone)
        changed = {i for i, st in current.items() if self._state.get(i) != st}
        for item_id in changed:
            new, old = current[item_id], self._state.get(item_id)
            if old is None or old[6] != new[6]:
                deps_changed.add(item_id)
            if old is not None and old[:6] == new[:6]:
                continue  # only its dependencies changed: its bar stays as it is
            dirty_lanes.add(new[5])
            if old is not None:
                dirty_lanes.add(old[5])
            title, owner, kind, start, duration, _lane, _deps = new
            bar = self.bars.get(item_id)
            if bar is None:
                bar = self.bars[item_id] = BarItem(item_id, self.theme)
                bar.show_phase = self.show_phases
                self.addItem(bar)
            weeks = f"week {start + 1}" if duration == 1 else f"weeks {start + 1}–{start + duration}"
            if kind is ItemKind.DEPLOYMENT:
                weeks += f"; goes live in week {go_live_week(items[item_id])}"
            bar.set_content(title, owner, kind, duration * self.ppw, weeks)
            self._label_w[item_id] = bar.text_width(title, owner)
        self._state = current
        packs = {} if full else dict(old_layout.packs)
        for lane in lanes:
            if full or lane.key in dirty_lanes:
                members = [items[i] for i, st in current.items() if st[5] == lane.key]
                packs[lane.key] = pack_lane(members, self.ppw, self._label_width)
        last_end = max((st[3] + st[4] for st in current.values()), default=0)
        layout = assemble(
            lanes, packs, self.ppw, plan.details.start_date, last_end, self.lane_fit(lanes), self.drag_room
        )
        self.layout = layout
        self._refresh_backdrop(layout)
        if not full and layout.spacing != old_layout.spacing:
            dirty_lanes |= set(layout.lane_top)  # rows compacted (or let out): every bar moves
        elif not full:
            dirty_lanes |= {k for k, top in layout.lane_top.items() if old_layout.lane_top.get(k) != top}
        moved = set()
        for item_id, st in current.items():
            if full or st[5] in dirty_lanes:
                bar = self.bars[item_id]
                pos = QPointF(layout.x(st[3]), layout.item_row_y[item_id])
                if bar.pos() != pos:
                    bar.setPos(pos)
                    moved.add(item_id)
        self._sync_arrows(deps_changed, appeared, changed | moved, full)
        self._place_ghosts()
        return changed | moved

    def set_other_copy(self, weeks: dict) -> None:
        """Draw another copy's weeks (item id -> ``WeeksMoved``) as ghosts; empty hides them."""
        self.other_copy = dict(weeks)
        self._place_ghosts()

    def set_baseline(self, weeks: dict | None) -> None:
        """Draw a baseline's weeks (item id -> ``WeeksMoved``) as ghosts, in place of another
        copy's while it is set; None goes back to the other copy's (if shown)."""
        self.baseline = None if weeks is None else dict(weeks)
        self._place_ghosts()

    @property
    def ghost_weeks(self) -> dict:
        """The weeks drawn as ghosts: the picked baseline's, else another copy's."""
        return self.baseline if self.baseline is not None else self.other_copy

    def _place_ghosts(self) -> None:
        shown = self.ghost_weeks
        if not shown and not self._ghost_tips:
            return  # nothing shown, nothing to take away: a sync without an overlay costs nothing here
        self._ghost_tips = bool(shown)
        layout = self.layout
        for item_id in list(self.ghosts):
            self.removeItem(self.ghosts.pop(item_id))
        for item_id, bar in self.bars.items():
            moved = shown.get(item_id)
            if bar.other_copy_text != (moved.words() if moved else ""):
                bar.other_copy_text = moved.words() if moved else ""
                bar.refresh_tooltip()
            if moved is None or layout is None or item_id not in layout.item_row_y:
                continue
            ghost = GhostBarItem(item_id, moved.duration_weeks * self.ppw, moved.words(), self.theme)
            ghost.setPos(layout.x(moved.start_week), layout.item_row_y[item_id])
            self.ghosts[item_id] = ghost
            self.addItem(ghost)

    def _label_width(self, item) -> float:
        return self._label_w.get(item.id, 0.0)

    def _remove_bar(self, item_id: str) -> None:
        self.removeItem(self.bars.pop(item_id))
        self._label_w.pop(item_id, None)
        for key in [k for k in self.broken if item_id in k[:2]]:
            self.removeItem(self.broken.pop(key))

    def _refresh_backdrop(self, layout: Layout) -> None:
        geometry = (
            layout.weeks,
            layout.ppw,
            tuple(layout.lane_top.items()),
            tuple(layout.lane_height.items()),
            self.scale_name,
            layout.start,
        )
        if geometry != self._lane_geometry:
            self._lane_geometry = geometry
            self.timeline.set_layout(layout, self.scale_name, self.today)
            self.setSceneRect(QRectF(0, 0, layout.width + 4, layout.height + 4))

    # -- dependency arrows --------------------------------------------------------------------
    def _sync_arrows(self, deps_changed: set[str], appeared: set[str], touched: set[str], full: bool) -> None:
        """Add and drop the arrows of items whose dependencies changed; re-route those of moved bars."""
        if full:
            deps_changed = set(self._state) | {k[1] for k in self.arrows}
        elif appeared:
            # an item that comes back (undo of a delete) may be waited for by items that did not change
            deps_changed = deps_changed | {i for i, st in self._state.items() if appeared.intersection(st[6])}
        for item_id in deps_changed:
            deps = self._state[item_id][6] if item_id in self._state else ()
            wanted = {(d, item_id) for d in deps if d in self.bars}
            attached = self._arrows_of.get(item_id, set())
            stale = {k for k in attached if k[1] == item_id and k not in wanted}
            if item_id not in self._state:
                stale = set(attached)
            for key in stale:
                self._drop_arrow(key)
            for key in wanted - attached:
                arrow = self.arrows[key] = DependencyArrow(key[0], key[1], self.theme)
                self.addItem(arrow)
                self._arrows_of.setdefault(key[0], set()).add(key)
                self._arrows_of.setdefault(key[1], set()).add(key)
                touched = touched | {key[1]}
        self._sync_arrows_for(touched)

    def _drop_arrow(self, key: tuple[str, str]) -> None:
        arrow = self.arrows.pop(key, None)
        if arrow is not None:
            self.removeItem(arrow)
        for end in key:
            self._arrows_of.get(end, set()).discard(key)

    def _route_broken(
        self,
        ids: set[str] | None = None,
        obstacles: Obstacles | None = None,
        quick: bool = False,
        keys: list | None = None,
    ) -> None:
        """Route the lines touching ``ids`` (all when None), or just those of ``keys``."""
        if keys is not None:
            lines = [(k, self.broken[k]) for k in keys if k in self.broken]
        else:
            lines = [(k, line) for k, line in self.broken.items() if ids is None or ids & {k[0], k[1]}]
        if not lines:
            return
        if obstacles is None:
            obstacles = self.obstacles()
        moving = {key for key, _ in lines}
        runs = []
        if not quick:  # a drag's quick routes do not look at other lines
            runs = [run for key, line in self.broken.items() if key not in moving for run in line.runs]
            runs += [run for arrow in self.arrows.values() for run in arrow.runs]
        for key, line in lines:
            before = self.in_anchor(key[1], above=True) if line.start_to_start else self.out_anchor(key[1], above=True)
            line.set_ends(self.in_anchor(key[0], above=True), before, self.row_gap, obstacles.plus(runs), quick)
            runs += line.runs  # the next arc keeps off this one's route

    def obstacles(self) -> Obstacles:
        """Every bar and every label written beside or on a bar, where it stands now: what the
        lines between bars route around. Kept until the next sync; a drag updates its bar's."""
        if self._obstacles is None:
            if self._bar_rects is None:
                self._bar_rects = {item_id: self._rects_of(bar) for item_id, bar in self.bars.items()}
            self._obstacles = Obstacles(rect for pair in self._bar_rects.values() for rect in pair)
        return self._obstacles

    @staticmethod
    def _rects_of(bar: BarItem) -> tuple[tuple, tuple]:
        pos = bar.pos()
        x, y = pos.x(), pos.y()
        reach = bar.width + (BAR_H / 2 + 1 if bar.is_milestone else 0)  # a deployment's go-live diamond
        label = bar.label_rect()
        return (
            (x, y, x + reach, y + BAR_H, False),
            (x + label.left(), y + label.top(), x + label.right(), y + label.bottom(), True),
        )

    def out_anchor(self, item_id: str, above: bool = False) -> QPointF:
        bar = self.bars[item_id]
        return bar.pos() + QPointF(bar.width, 0 if above else BAR_H / 2)

    def in_anchor(self, item_id: str, above: bool = False) -> QPointF:
        return self.bars[item_id].pos() + QPointF(0, 0 if above else BAR_H / 2)

    @property
    def row_gap(self) -> float:
        """The space between two rows of bars, where arrows run."""
        spacing = self.layout.spacing if self.layout else None
        return (spacing.row_h if spacing else ROW_H) - BAR_H

    def refresh_links_of(self, item_id: str) -> None:
        """Re-route the arrows and lines attached to one bar (during a drag preview: quickly,
        the full search for routes clear of the labels runs when the bar is dropped)."""
        if self._bar_rects is not None and item_id in self.bars:
            self._bar_rects[item_id] = self._rects_of(self.bars[item_id])  # it moved or was resized
            self._obstacles = None
        self._sync_arrows_for({item_id}, quick=True)

    def _sync_arrows_for(self, ids: set[str], quick: bool = False) -> None:
        keys = {k for i in ids for k in self._arrows_of.get(i, ())}
        lines = [k for k in self.broken if ids & {k[0], k[1]}]
        passing: list = []
        if not quick and ids:
            # a bar that moved or changed may now stand on another line's route: that one moves too
            passing = self._lines_over(ids, keys, set(lines))
            keys |= {k for k in passing if k in self.arrows}
            lines += [k for k in passing if k in self.broken]
        if not keys and not lines:
            return
        obstacles = self.obstacles()
        row_gap = self.row_gap
        for key in sorted(keys):
            self.arrows[key].set_ends(self.out_anchor(key[0]), self.in_anchor(key[1]), row_gap, obstacles)
        self._route_broken(obstacles=obstacles, quick=quick, keys=lines)

    def _lines_over(self, ids: set[str], arrows: set, broken: set) -> list:
        """The keys of the arrows and broken-relation lines, other than those given, whose route
        runs over the bar or label of an item in ``ids``."""
        rects = [r for i in ids if i in self.bars for r in self._rects_of(self.bars[i])]
        if not rects or len(ids) > len(self.bars) // 2:
            return []  # most bars changed: every line is being routed anyway

        def over(line) -> bool:
            box = line.path().controlPointRect()
            left, top, right, bottom = box.left(), box.top(), box.right(), box.bottom()
            return any(r[0] < right and r[2] > left and r[1] < bottom and r[3] > top for r in rects)

        found = [k for k, arrow in self.arrows.items() if k not in arrows and over(arrow)]
        return found + [k for k, line in self.broken.items() if k not in broken and over(line)]

    # -- what the rules say -------------------------------------------------------------------
    def apply_analysis(
        self,
        markers: dict[str, tuple[str, str]],
        critical: set[str],
        slack: dict[str, int],
        phase_of: dict[str, int],
        broken: dict[tuple[str, str, str], tuple[str, str]],
    ) -> set[str]:
        """Set markers, critical path, slack and broken relations; touch only what differs.

        ``markers``: item id -> (severity, explanation). ``broken``: (after, before, code) ->
        (severity, explanation). Returns the ids of bars whose display changed.
        """
        changed = set()
        for item_id, bar in self.bars.items():
            severity, text = markers.get(item_id, (None, ""))
            state = (severity, text, item_id in critical, slack.get(item_id), phase_of.get(item_id))
            if bar.analysis_state() != state:
                bar.set_analysis(*state, ppw=self.ppw)
                changed.add(item_id)
        for key in set(self.broken) - set(broken):
            self.removeItem(self.broken.pop(key))
        fresh = []
        for key, (severity, text, start_to_start) in broken.items():
            line = self.broken.get(key)
            if line is not None and (line.severity, line.text) == (severity, text):
                continue
            if line is not None:
                self.removeItem(line)
            if key[0] not in self.bars or key[1] not in self.bars:
                continue
            line = self.broken[key] = BrokenRelationItem(key[0], key[1], severity, text, self.theme)
            line.start_to_start = start_to_start
            self.addItem(line)
            fresh.append(key)
        if fresh:
            self._route_broken(keys=fresh)  # once for all: each arc keeps off those routed before it
        return changed

    def set_show_phases(self, on: bool) -> None:
        for bar in self.bars.values():
            bar.show_phase = on
            bar.update()
        self.show_phases = on

    def set_ppw_for_analysis(self) -> None:
        for bar in self.bars.values():
            bar.set_analysis(*bar.analysis_state(), ppw=self.ppw)

    def bar_at(self, scene_pos: QPointF) -> BarItem | None:
        for item in self.items(scene_pos):
            if isinstance(item, BarItem):
                return item
        return None

    def items_rect(self) -> QRectF:
        return self.sceneRect()
