"""The menu bar and the toolbar, built from action ids (the layout is data, the actions are in ui.actions).

``"-"`` is a separator; a ``(title, [...])`` pair is a submenu; names starting with ``@`` are
submenus filled when they open (recent files, examples), so that building the window reads no files.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from .theme import style_widget

MenuEntry = str | tuple[str, list]

MENUS: list[tuple[str, list[MenuEntry]]] = [
    (
        "&File",
        [
            "file.new",
            "@examples",
            "file.open",
            "@recent",
            "-",
            "file.save",
            "file.save_as",
            "-",
            "file.compare",
            "file.merge",
            "-",
            ("&Export", ["file.export_xlsx", "file.export_pdf", "file.export_image", "file.export_bpmn"]),
            ("&Import", ["file.import_workbook", "file.import_bpmn"]),
            "-",
            "file.quit",
        ],
    ),
    ("&Edit", ["edit.undo", "edit.redo", "-", "edit.add", "-", "edit.preferences"]),
    (
        "&View",
        [
            "view.findings",
            "view.history",
            "view.comments",
            "-",
            "view.next_pane",
            "view.previous_pane",
            "-",
            "view.presentation",
            "view.fullscreen",
        ],
    ),
    ("&Plan", ["plan.rules", "-", "plan.save_baseline", "plan.baselines"]),
    ("&Go", ["@pages"]),
    ("&Help", ["help.about"]),
]

TOOLBAR: list[str] = [
    "file.new",
    "file.open",
    "file.save",
    "-",
    "edit.undo",
    "edit.redo",
    "-",
    "view.findings",
    "view.presentation",
]

DYNAMIC_TITLES = {"@examples": "New from e&xample", "@recent": "Open &recent"}


def build_menus(window: QMainWindow, actions: dict[str, QAction], fillers: dict[str, callable]) -> dict[str, QMenu]:
    """Fill the window's menu bar. ``fillers`` fill the ``@`` submenus when they are about to show."""
    menus: dict[str, QMenu] = {}
    bar = window.menuBar()
    for title, entries in MENUS:
        menu = bar.addMenu(title)
        menus[title.replace("&", "")] = menu
        _fill(menu, entries, actions, fillers, menus)
    return menus


def _fill(menu: QMenu, entries: list[MenuEntry], actions, fillers, menus) -> None:
    for entry in entries:
        if entry == "-":
            menu.addSeparator()
        elif isinstance(entry, tuple):
            sub = menu.addMenu(entry[0])
            menus[entry[0].replace("&", "")] = sub
            _fill(sub, entry[1], actions, fillers, menus)
        elif entry == "@pages":
            for action_id, action in actions.items():
                if action_id.startswith("go.page."):
                    menu.addAction(action)
        elif entry.startswith("@"):
            sub = menu.addMenu(DYNAMIC_TITLES[entry])
            sub.setObjectName(entry[1:])
            menus[entry[1:]] = sub
            filler = fillers[entry]
            sub.aboutToShow.connect(lambda sub=sub, filler=filler: filler(sub))
        else:
            menu.addAction(actions[entry])


def build_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("main_toolbar")
    style_widget(bar, "main_toolbar")
    bar.setAccessibleName("Main toolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for entry in TOOLBAR:
        if entry == "-":
            bar.addSeparator()
        else:
            bar.addAction(actions[entry])
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
