"""A tool button's menu opened from the keyboard (Space, Enter or Down on the button) starts on its
first entry, as the menu bar's menus do: Down and Enter then work at once, and the room sees where
the keyboard is."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu


def first_entry_from_keyboard(menu: QMenu) -> QMenu:
    menu.aboutToShow.connect(lambda: _if_keyboard(menu))
    return menu


def _if_keyboard(menu: QMenu) -> None:
    if QApplication.mouseButtons():
        return  # opened by a press of the mouse, which picks with the mouse
    # after the menu has shown: showing it clears its active entry
    QTimer.singleShot(0, lambda: _highlight_first(menu))


def _highlight_first(menu: QMenu) -> None:
    if not menu.isVisible() or menu.activeAction() is not None:
        return
    first = next((a for a in menu.actions() if a.isVisible() and a.isEnabled() and not a.isSeparator()), None)
    if first is not None:
        menu.setActiveAction(first)
