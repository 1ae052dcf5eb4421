"""The pages of the main window, declared as data and imported only when first shown.

A page is a QWidget subclass constructed as ``PageClass(document, parent=None)``. It reads the
plan through ``document.plan``, edits only through ``document.execute(command)``, and keeps
itself current by listening to ``document.changed`` (a ChangeSet) and
``document.plan_replaced``. It may define ``select_element(element_id) -> bool`` to show and
select an element (used when the user double-clicks a finding).
"""

from __future__ import annotations

import importlib
from typing import NamedTuple


class PageSpec(NamedTuple):
    """A page, as data (a named tuple: ``dataclasses`` is not on the way to the first paint)."""

    id: str
    title: str
    target: str
    """'module:Class', imported on first use so start-up stays fast."""
    icon: str = ""
    """Name of an SVG in resources/icons, without the suffix."""

    def load(self):
        module_name, class_name = self.target.split(":")
        return getattr(importlib.import_module(module_name), class_name)


PAGES: list[PageSpec] = [
    PageSpec("overview", "Overview", "ui.pages.overview:OverviewPage", "overview"),
    PageSpec("use_cases", "Use cases", "ui.pages.use_cases:UseCasesPage", "use-cases"),
    PageSpec("diagnostic", "Diagnostic", "ui.pages.diagnostic:DiagnosticPage", "diagnostic"),
    PageSpec("processes", "Processes", "ui.process.page:ProcessPage", "processes"),
    PageSpec("decisions", "Decision rights", "ui.pages.decisions:DecisionsPage", "decisions"),
    PageSpec("capabilities", "Capabilities", "ui.pages.capabilities:CapabilitiesPage", "capabilities"),
    PageSpec("governance", "Governance", "ui.pages.governance:GovernancePage", "governance"),
    PageSpec("data", "Data", "ui.pages.data_sources:DataSourcesPage", "data"),
    PageSpec("roles", "Roles", "ui.pages.roles:RolesPage", "roles"),
    PageSpec("roadmap", "Roadmap", "ui.roadmap.page:RoadmapPage", "roadmap"),
]
"""The sidebar, in order. Each page's issue replaces its placeholder target with the real page."""


def page_spec(page_id: str) -> PageSpec:
    return next(p for p in PAGES if p.id == page_id)
