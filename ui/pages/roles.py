"""Roles: the one catalogue of people, AI agents and systems that maps and matrices point at.

Every other part of the plan refers to a role by its id, so renaming here renames it
everywhere. Removing a role that is in use first says where it is used.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from omplanner.commands import AddEntity, remove_cascade
from omplanner.model import Role, RoleKind, find_usages, iter_places, new_id
from omplanner.model.walk import ref_values

from ..widgets.message_boxes import Button, ask
from ..widgets.naming import unused_name
from ..widgets.page_header import page_button, page_header, page_layout
from ..widgets.style import apply_page_font
from ..widgets.table_model import Column, EntityTableModel
from ..widgets.table_view import EntityTableView

MAX_LISTED_USAGES = 12


def usage_lines(plan, role_id: str) -> list[str]:
    """Where a role is used, one readable line per place (e.g. 'decision "Post…" → accountable')."""
    lines = []
    for usage in find_usages(plan, role_id):
        where = " → ".join(usage.place.path)
        lines.append(f"{where} → {usage.field.replace('_', ' ')}")
    return lines


class RolesPage(QWidget):
    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        apply_page_font(self)
        # Counting usages walks the plan: do it once per edit, not once per painted cell.
        # Connected before the table model, so the cache is cleared before the table repaints.
        self._usages: dict[str, int] | None = None
        document.changed.connect(self._forget_usages)
        document.plan_replaced.connect(self._forget_usages)
        kinds = [(k, k.label) for k in RoleKind]
        columns = [
            Column("Name", "name", width=280),
            Column(
                "Kind",
                "kind",
                editor="choice",
                choices=lambda: kinds,
                width=150,
                tooltip="A person or a team can be accountable; a committee, an AI agent or a system cannot",
            ),
            Column(
                "Senior",
                "senior",
                editor="check",
                width=80,
                center=True,
                tooltip="A senior leader: can own a use case's governance",
            ),
            Column("Team", "team", width=180),
            Column(
                "Used in",
                editor="readonly",
                get=lambda role: self.usage_count(role.id),
                display=lambda role: _used_in_text(self.usage_count(role.id)),
                width=130,
            ),
            Column("Description", "description"),
        ]
        self.model = EntityTableModel(document, lambda: self.document.plan.roles, columns, self)
        self.table = EntityTableView(self.model, self)
        self.table.setAccessibleName("Roles")
        self.add_button = page_button("Add role", self.add_role)
        self.remove_button = page_button("Remove", self.remove_selected)
        layout = page_layout(self)
        layout.addWidget(
            page_header(
                "Roles",
                "People, teams, committees, AI agents and systems that maps and decisions point at. "
                "Rename once, renamed everywhere.",
                self.add_button,
                self.remove_button,
            )
        )
        layout.addWidget(self.table, 1)

    def _forget_usages(self, *_args) -> None:
        self._usages = None

    def usage_count(self, role_id: str) -> int:
        if self._usages is None:
            counts: dict[str, int] = {}
            for place in iter_places(self.document.plan):
                for field in place.entity.refs:
                    for ref in ref_values(place.entity, field):
                        counts[ref] = counts.get(ref, 0) + 1
            self._usages = counts
        return self._usages.get(role_id, 0)

    def add_role(self) -> None:
        role = Role(id=new_id("role"), name=unused_name("New role", (r.name for r in self.document.plan.roles)))
        if self.document.execute(AddEntity(None, "roles", role)):
            self.table.select_id(role.id)
            self.table.edit(self.table.currentIndex())

    def remove_selected(self) -> None:
        for role_id in self.table.selected_ids():
            self.remove_role(role_id)

    def remove_role(self, role_id: str) -> bool:
        plan = self.document.plan
        role = plan.role(role_id)
        if role is None:
            return False
        lines = usage_lines(plan, role_id)
        if lines:
            shown = lines[:MAX_LISTED_USAGES]
            if len(lines) > len(shown):
                shown.append(f"… and {len(lines) - len(shown)} more")
            answer = ask(
                self,
                "Remove a role in use",
                f"'{role.name}' is used in {len(lines)} places:\n\n• "
                + "\n• ".join(shown)
                + "\n\nRemove it anyway? Lists lose it, single references are cleared; "
                "steps in its lane are removed with it. Undo brings everything back.",
                Button.Yes | Button.No,
                Button.No,
            )
            if answer != Button.Yes:
                return False
        return self.document.execute(remove_cascade(plan, role_id))

    def select_element(self, element_id: str) -> bool:
        return self.table.select_id(element_id)


def _used_in_text(count: int) -> str:
    if count == 0:
        return "not used"
    return "1 place" if count == 1 else f"{count} places"
