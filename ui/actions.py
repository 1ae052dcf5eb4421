"""The app's actions, declared once as data: menus and toolbars are built from their ids.

A spec names its handler as a dotted attribute path on the main window ("files.save" calls
``window.files.save()``), so that this module stays data and imports nothing heavy. Key
sequences come from ``ui.keymap``, icons from ``resources/icons``.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QAction

from .icons import icon
from .keymap import shortcuts


class ActionSpec(NamedTuple):
    """One action, as data (a named tuple: ``dataclasses`` is not on the way to the first paint)."""

    id: str
    text: str
    handler: str
    """Dotted attribute path on the main window, called with no arguments (or the checked state)."""
    tip: str
    """Status tip and tooltip: what the action does, in a facilitator's words."""
    icon: str = ""
    checkable: bool = False
    role: QAction.MenuRole = QAction.MenuRole.NoRole


ACTIONS: list[ActionSpec] = [
    ActionSpec("file.new", "&New plan", "files.new_blank", "Start a blank plan", "new"),
    ActionSpec("file.open", "&Open…", "files.open", "Open a plan file (.omplan)", "open"),
    ActionSpec("file.save", "&Save", "files.save", "Save the plan", "save"),
    ActionSpec("file.save_as", "Save &as…", "files.save_as", "Save the plan under a new name", "save-as"),
    ActionSpec(
        "file.compare",
        "Co&mpare with…",
        "sharing.compare",
        "List what another copy of this plan added, removed, changed or moved",
    ),
    ActionSpec(
        "file.merge",
        "Mer&ge a colleague's copy…",
        "sharing.merge",
        "Combine a colleague's copy with this plan, from the copy you both started from",
    ),
    ActionSpec(
        "file.export_xlsx", "&Excel workbook…", "exports.export_xlsx", "Export the plan as an Excel workbook", "export"
    ),
    ActionSpec(
        "file.export_pdf", "&Board pack…", "exports.export_pdf", "Export the plan as a PDF board pack", "export"
    ),
    ActionSpec(
        "file.import_workbook",
        "&Changes from a workbook…",
        "workbook_import.import_changes",
        "Bring the client's edits of an exported Excel workbook back into the plan, with a preview",
        "open",
    ),
    ActionSpec(
        "file.export_image",
        "&Image of this page…",
        "exports.export_image",
        "Save the page on screen as a PNG or SVG image",
        "image",
    ),
    ActionSpec(
        "file.export_bpmn",
        "&Process map as BPMN…",
        "bpmn.export_map",
        "Export a process map as a BPMN 2.0 file for Signavio, Camunda, ARIS and other process tools",
        "export",
    ),
    ActionSpec(
        "file.import_bpmn",
        "&BPMN process map…",
        "bpmn.import_map",
        "Import a BPMN 2.0 file into a use case's process map, with a preview before anything changes",
        "open",
    ),
    ActionSpec("file.quit", "&Quit", "close", "Close the window and quit", "quit", role=QAction.MenuRole.QuitRole),
    ActionSpec("edit.undo", "&Undo", "document.undo_stack.undo", "Undo the last edit", "undo"),
    ActionSpec("edit.redo", "&Redo", "document.undo_stack.redo", "Redo the edit just undone", "redo"),
    ActionSpec(
        "edit.add",
        "&Add to this page",
        "add_on_page",
        "Add a row to the list on screen: a use case, a decision, a role…",
    ),
    ActionSpec(
        "edit.preferences",
        "Pre&ferences…",
        "show_preferences",
        "Appearance and autosave",
        "preferences",
        role=QAction.MenuRole.PreferencesRole,
    ),
    ActionSpec(
        "view.findings", "&Findings", "toggle_findings", "Show or hide the findings panel", "findings", checkable=True
    ),
    ActionSpec(
        "view.history",
        "Edit &history",
        "toggle_history",
        "Show or hide the list of edits (undo history)",
        "history",
        checkable=True,
    ),
    ActionSpec(
        "view.comments",
        "&Comments",
        "toggle_comments",
        "Show or hide the comments on the plan's elements: open, resolved or all",
        checkable=True,
    ),
    ActionSpec(
        "view.presentation",
        "&Presentation mode",
        "set_presentation",
        "Full screen with larger type, for a projector (F5 to leave)",
        "presentation",
        checkable=True,
    ),
    ActionSpec(
        "view.next_pane", "&Next pane", "focus_pane:1", "Move the keyboard to the next pane: pages, page, findings…"
    ),
    ActionSpec("view.previous_pane", "Pre&vious pane", "focus_pane:-1", "Move the keyboard to the previous pane"),
    ActionSpec("view.fullscreen", "F&ull screen", "set_full_screen", "Fill the screen with the window", checkable=True),
    ActionSpec(
        "plan.rules",
        "&Rules…",
        "show_rules",
        "The rules that check the plan: give one another severity or switch it off for this plan, and say why",
        "findings",
    ),
    ActionSpec(
        "plan.save_baseline",
        "Save &baseline…",
        "baselines.save",
        'Keep a named snapshot of the plan as it is now ("agreed at workshop 2") to compare the roadmap with later',
    ),
    ActionSpec(
        "plan.baselines",
        "Ma&nage baselines…",
        "baselines.manage",
        "List the plan's baselines: rename or delete one, or show it on the roadmap",
    ),
    ActionSpec(
        "help.about", "&About OM Planner", "show_about", "Version and credits", "app", role=QAction.MenuRole.AboutRole
    ),
]


def page_action_specs() -> list[ActionSpec]:
    """One action per sidebar page ("Go to Roadmap", Ctrl+number)."""
    from .pages import PAGES

    return [
        ActionSpec(f"go.page.{p.id}", _numbered(i, p.title), f"go_to:{p.id}", f"Show the {p.title} page", p.icon)
        for i, p in enumerate(PAGES)
    ]


def _numbered(index: int, title: str) -> str:
    """'&1 Overview' ... '&0 Roadmap': the Go menu's mnemonics match the Ctrl+number keys."""
    title = title.replace("&", "&&")
    return f"&{(index + 1) % 10} {title}" if index < 10 else title


def all_specs() -> list[ActionSpec]:
    return ACTIONS + page_action_specs()


def resolve(owner: object, dotted: str):
    target = owner
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def build_actions(window) -> dict[str, QAction]:
    """QActions for every spec, parented to and triggering on ``window``; keyed by action id."""
    actions: dict[str, QAction] = {}
    for spec in all_specs():
        action = QAction(spec.text, window)
        action.setObjectName(spec.id)
        keys = shortcuts(spec.id)
        if keys:
            action.setShortcuts(keys)
        plain = spec.text.replace("&", "").rstrip("…")
        key_text = keys[0].toString(keys[0].SequenceFormat.NativeText) if keys else ""
        action.setToolTip(f"{spec.tip} ({key_text})" if key_text else spec.tip)
        action.setStatusTip(spec.tip)
        action.setWhatsThis(spec.tip)
        action.setIconText(plain)
        action.setCheckable(spec.checkable)
        action.setMenuRole(spec.role)
        if spec.icon:
            action.setIcon(icon(spec.icon))
        _connect(window, action, spec)
        actions[spec.id] = action
    return actions


def _connect(window, action: QAction, spec: ActionSpec) -> None:
    if ":" in spec.handler:
        name, arg = spec.handler.split(":", 1)
        action.triggered.connect(lambda _checked=False: resolve(window, name)(arg))
    elif spec.checkable:
        action.triggered.connect(lambda checked: resolve(window, spec.handler)(checked))
    else:
        action.triggered.connect(lambda _checked=False: resolve(window, spec.handler)())
