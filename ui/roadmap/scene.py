"""The roadmap scene: a projection of ``plan.roadmap`` kept as ``dict[id, item]``.

After an edit the scene compares each item's display state with what it last drew and touches
only the bars, arrows and lines whose state changed, so a drag on a large roadmap does not
rebuild the scene. It never pushes commands: gestures and the page do.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsScene

from omplanner.model import Plan

from .items import BAR_H, BarItem, BrokenRelationItem, DependencyArrow, Theme, TimelineItem
from .layout import BY_COMPONENT, ZOOMS, Layout, compute_layout, lane_key


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
        self.broken: dict[tuple[str, str, str], BrokenRelationItem] = {}
        self.layout: Layout | None = None
        self._state: dict[str, tuple] = {}
        self._label_w: dict[str, float] = {}
        self._lane_geometry: tuple = ()
        self.show_phases = False
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
        self.broken.clear()
        self._state.clear()
        self._label_w.clear()
        self._lane_geometry = ()
        self.sync(plan)

    def dispose(self) -> None:
        """Drop every item now rather than at garbage collection (offscreen renders)."""
        self.bars.clear()
        self.arrows.clear()
        self.broken.clear()
        self.clear()
        self.timeline = None

    def set_scale(self, plan: Plan, name: str, ppw: float | None = None) -> None:
        self.scale_name = name
        self.ppw = ppw if ppw is not None else ZOOMS[name]
        self._state.clear()  # every width changes
        self.sync(plan)
        self.set_ppw_for_analysis()

    def set_mode(self, plan: Plan, mode: str) -> None:
        self.mode = mode
        self._state.clear()
        self.sync(plan)

    def sync(self, plan: Plan) -> set[str]:
        """Bring the scene in line with the plan; returns the ids of bars that changed."""
        roles = {r.id: r.name for r in plan.roles}
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
        for gone in set(self.bars) - set(current):
            self.removeItem(self.bars.pop(gone))
            self._state.pop(gone, None)
            self._label_w.pop(gone, None)
        changed = {i for i, s in current.items() if self._state.get(i) != s}
        for item_id in changed:
            title, owner, kind, _start, duration, _lane, _deps = current[item_id]
            bar = self.bars.get(item_id)
            if bar is None:
                bar = self.bars[item_id] = BarItem(item_id, self.theme)
                bar.show_phase = self.show_phases
                self.addItem(bar)
            bar.set_content(title, owner, kind, duration * self.ppw)
            self._label_w[item_id] = bar.text_width(title, owner)
        self._state = current
        moved = self._relayout(plan, changed)
        self._sync_arrows(plan, changed | moved)
        return changed | moved

    def _relayout(self, plan: Plan, changed: set[str]) -> set[str]:
        layout = compute_layout(plan, self.mode, self.ppw, lambda item: self._label_w.get(item.id, 0.0))
        self.layout = layout
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
        moved = set()
        for item in plan.roadmap:
            bar = self.bars[item.id]
            pos = QPointF(layout.x(item.start_week), layout.item_row_y[item.id])
            if bar.pos() != pos:
                bar.setPos(pos)
                moved.add(item.id)
        return moved

    # -- dependency arrows --------------------------------------------------------------------
    def _sync_arrows(self, plan: Plan, touched: set[str]) -> None:
        wanted = {(dep, item.id) for item in plan.roadmap for dep in item.depends_on if dep in self.bars}
        for key in set(self.arrows) - wanted:
            self.removeItem(self.arrows.pop(key))
        for key in wanted:
            arrow = self.arrows.get(key)
            if arrow is None:
                arrow = self.arrows[key] = DependencyArrow(key[0], key[1], self.theme)
                self.addItem(arrow)
            elif not touched & set(key):
                continue
            arrow.set_ends(self.out_anchor(key[0]), self.in_anchor(key[1]))
        self._route_broken(touched)

    def _route_broken(self, ids: set[str] | None = None) -> None:
        for key, line in self.broken.items():
            if ids is None or ids & {key[0], key[1]}:
                before = (
                    self.in_anchor(key[1], above=True) if line.start_to_start else self.out_anchor(key[1], above=True)
                )
                line.set_ends(self.in_anchor(key[0], above=True), before)

    def out_anchor(self, item_id: str, above: bool = False) -> QPointF:
        bar = self.bars[item_id]
        return bar.pos() + QPointF(bar.width, 0 if above else BAR_H / 2)

    def in_anchor(self, item_id: str, above: bool = False) -> QPointF:
        return self.bars[item_id].pos() + QPointF(0, 0 if above else BAR_H / 2)

    def refresh_links_of(self, item_id: str) -> None:
        """Re-route the arrows and lines attached to one bar (during a drag preview)."""
        self._sync_arrows_for({item_id})

    def _sync_arrows_for(self, ids: set[str]) -> None:
        for key, arrow in self.arrows.items():
            if ids & set(key):
                arrow.set_ends(self.out_anchor(key[0]), self.in_anchor(key[1]))
        self._route_broken(ids)

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
        for key, (severity, text, start_to_start) in broken.items():
            line = self.broken.get(key)
            if line is not None and (line.severity, line.toolTip()) == (severity, text):
                continue
            if line is not None:
                self.removeItem(line)
            if key[0] not in self.bars or key[1] not in self.bars:
                continue
            line = self.broken[key] = BrokenRelationItem(key[0], key[1], severity, text, self.theme)
            line.start_to_start = start_to_start
            self.addItem(line)
            self._route_broken({key[0]})
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
