"""Light and dark palettes that follow the system, and presentation mode's larger type.

A restrained look for a consulting tool projected on a wall: Fusion everywhere (the same on
every platform, so screenshots and the projector agree), neutral greys, one blue accent, and
a style sheet that touches only the shell's own widgets (sidebar, findings panel), never the pages.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from .settings import settings

THEME_KEY = "appearance/theme"
STYLE_PROPERTY = "omplanner_style"
"""Set on the QApplication once Fusion is its style (see ``ui.app.make_application``)."""
THEMES = ("system", "light", "dark")
PRESENTATION_SCALE = 1.4
TYPE_SCALE_PROPERTY = "omplanner_type_scale"
"""Set on the QApplication: how much larger than normal its type is now (pages size theirs by it)."""

ACCENT = "#2f7fd1"

_COLOURS = {
    # role: (light, dark)
    "Window": ("#f4f5f7", "#24272b"),
    "WindowText": ("#1d2329", "#e3e6ea"),
    "Base": ("#ffffff", "#1c1f22"),
    "AlternateBase": ("#f0f2f5", "#272b30"),
    "Text": ("#1d2329", "#e3e6ea"),
    "Button": ("#eceef1", "#30343a"),
    "ButtonText": ("#1d2329", "#e3e6ea"),
    "BrightText": ("#ffffff", "#ffffff"),
    "Highlight": (ACCENT, "#3b86d6"),
    "HighlightedText": ("#ffffff", "#ffffff"),
    "ToolTipBase": ("#fffef5", "#30343a"),
    "ToolTipText": ("#1d2329", "#e3e6ea"),
    "PlaceholderText": ("#7a838d", "#8b939c"),
    "Link": ("#1f66b3", "#6fb0f0"),
    "Light": ("#ffffff", "#3a3f45"),
    "Midlight": ("#e3e6ea", "#33373d"),
    "Mid": ("#c4c9cf", "#4a5057"),
    "Dark": ("#9aa1a9", "#15171a"),
    "Shadow": ("#5c636b", "#000000"),
}
_DISABLED = {"WindowText": ("#9aa1a9", "#6c737b"), "Text": ("#9aa1a9", "#6c737b"), "ButtonText": ("#9aa1a9", "#6c737b")}

SHELL_STYLE = """
QListWidget#sidebar { border: none; border-right: 1px solid palette(midlight); background: palette(alternate-base);
    padding: 8px 6px; outline: none; }
QListWidget#sidebar::item { padding-left: 8px; border-radius: 5px; color: palette(window-text); }
QListWidget#sidebar::item:hover { background: palette(midlight); }
QListWidget#sidebar::item:selected { background: palette(highlight); color: palette(highlighted-text); }
QDockWidget#findings_dock QListWidget, QDockWidget#history_dock QUndoView { border: 1px solid palette(mid); }
QLabel#findings_detail { padding: 4px 2px; }
QStatusBar QLabel { padding: 0 6px; }
QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);
    border: 1px solid palette(highlight); border-radius: 3px; padding: 3px 8px; }
QToolBar QToolButton:checked { background: palette(highlight); color: palette(highlighted-text); border-radius: 3px; }
QToolBar#main_toolbar QToolButton:checked { background: @TINT@; border: 1px solid palette(highlight);
    border-radius: 3px; }
"""
# A checked toggle (Current / Redesigned / Both, Weeks / Months) must read as chosen from the
# back of a room: Fusion's darker shade of the button colour is hard to tell apart in dark mode.
# A checked button of the main toolbar (Findings, Presentation) shows only its icon, drawn in the text colour
# with the accent blue: on a solid accent background the blue part vanished (the findings flag
# became a bare pole), so it gets a tint of the accent and an accent border instead.


def shell_style(dark: bool) -> str:
    tint = QColor(_COLOURS["Highlight"][1 if dark else 0])
    tint.setAlpha(90 if dark else 60)
    sheet = SHELL_STYLE.replace("@TINT@", f"rgba({tint.red()}, {tint.green()}, {tint.blue()}, {tint.alpha()})")
    return sheet + (_dark_check_boxes() if dark else "")


def _dark_check_boxes() -> str:
    # Fusion outlines a check box a shade darker than the window: in the dark theme an unticked
    # box (in the data sources' "Structured", the step inspector's "Data used" list, "All roles")
    # was a dark square on a dark field, invisible. Drawn here with a visible border; the tick is
    # an SVG, as a styled indicator no longer draws Fusion's.
    from omplanner.paths import resources_dir

    tick = (resources_dir() / "icons" / "check-on-dark.svg").as_posix()
    return f"""
QCheckBox::indicator, QAbstractItemView::indicator {{ width: 12px; height: 12px; border: 1px solid #7a828b;
    border-radius: 2px; background: palette(base); }}
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {{ image: url({tick}); }}
QCheckBox::indicator:disabled, QAbstractItemView::indicator:disabled {{ border-color: #4a5057; }}
"""


def is_dark(mode: str | None = None) -> bool:
    mode = mode or theme_mode()
    if mode == "dark":
        return True
    if mode == "light":
        return False
    app = QApplication.instance()
    return bool(app) and app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def theme_mode() -> str:
    mode = settings().value(THEME_KEY, "system", type=str)
    return mode if mode in THEMES else "system"


def make_palette(dark: bool) -> QPalette:
    palette = QPalette()
    column = 1 if dark else 0
    for role, values in _COLOURS.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(values[column]))
    for role, values in _DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), QColor(values[column]))
    return palette


def apply_theme(app: QApplication, mode: str | None = None) -> bool:
    """Set the palette for ``mode`` (default: the saved preference). True when it is dark."""
    dark = is_dark(mode)
    if app.property(STYLE_PROPERTY) != "fusion":  # not app.style(): that would build the default style first
        app.setStyle("Fusion")
        app.setProperty(STYLE_PROPERTY, "fusion")
    app.setPalette(make_palette(dark))
    app.setStyleSheet(shell_style(dark))
    return dark


def follow_system(app: QApplication) -> None:
    """Re-theme when the desktop switches between light and dark (only in 'system' mode)."""

    def changed(_scheme) -> None:
        if theme_mode() == "system":
            apply_theme(app)

    app.styleHints().colorSchemeChanged.connect(changed)


class Presentation:
    """Larger type for a projector. Remembers the normal font so that leaving restores it exactly."""

    def __init__(self) -> None:
        self.normal_font = None
        """The QFont before presentation mode (QFont is imported on first use: start-up)."""

    @property
    def active(self) -> bool:
        return self.normal_font is not None

    def enter(self, app: QApplication) -> None:
        from PySide6.QtGui import QFont

        if self.active:
            return
        self.normal_font = QFont(app.font())
        bigger = QFont(self.normal_font)
        size = self.normal_font.pointSizeF()
        if size > 0:
            bigger.setPointSizeF(size * PRESENTATION_SCALE)
        else:
            bigger.setPixelSize(round(self.normal_font.pixelSize() * PRESENTATION_SCALE))
        app.setProperty(TYPE_SCALE_PROPERTY, PRESENTATION_SCALE)  # before the font: pages read it on the change
        app.setFont(bigger)
        app.setStyleSheet(app.styleSheet())  # widgets styled by a sheet take the new font only on a repolish

    def leave(self, app: QApplication) -> None:
        if self.normal_font is not None:
            app.setProperty(TYPE_SCALE_PROPERTY, 1.0)
            app.setFont(self.normal_font)
            app.setStyleSheet(app.styleSheet())
            self.normal_font = None
