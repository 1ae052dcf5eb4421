"""Light and dark palettes that follow the system, and presentation mode's larger type.

A restrained look for a consulting tool projected on a wall: Fusion everywhere (the same on
every platform, so screenshots and the projector agree), neutral greys, one blue accent, and
style sheets set only on the few widgets that need one (the sidebar, the toolbars' toggles),
never on the whole application (see ``SHEETS``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
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

SHEETS = {
    "sidebar": """
QListWidget { border: none; border-right: 1px solid palette(midlight); background: palette(alternate-base);
    padding: 8px 6px; outline: none; }
QListWidget::item { padding-left: 8px; border-radius: 5px; color: palette(window-text); }
QListWidget::item:hover { background: palette(midlight); }
QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }
""",
    # A checked toggle (Current / Redesigned / Both, Weeks / Months) must read as chosen from the
    # back of a room: Fusion's darker shade of the button colour is hard to tell apart in dark mode.
    "toolbar": """QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);
    border-radius: 3px; }""",
    # A checked button of the main toolbar (Findings, Presentation) shows only its icon, drawn in
    # the text colour with the accent blue: on a solid accent background the blue part vanished
    # (the findings flag became a bare pole), so it gets a tint of the accent and an accent border.
    "main_toolbar": """QToolButton:checked { background: @TINT@; color: palette(highlighted-text);
    border: 1px solid palette(highlight); border-radius: 3px; }""",
}
"""Style sheets by kind, each set on the few widgets that need it (``style_widget``), never on the
application: an application-wide sheet has Qt style every widget through its style-sheet engine.
With one, a full repaint of the main window on the large plan took 7-12 ms; without, 4-7 ms
(issue 21, docs/performance.md)."""
SHEET_PROPERTY = "omplanner_sheet"
"""Set on a widget styled by ``style_widget``: the kinds of its sheet and its own rules, so that a
change of theme or type size can style it again."""
DARK_PROPERTY = "omplanner_dark"
"""Set on the QApplication by ``apply_theme``: whether the dark palette is on."""


def _check_sheet() -> str:
    # Fusion outlines a check box (and a radio button) a shade darker than the window: in the dark
    # theme an unticked box (in the data sources' "Structured", the step inspector's "Data used" list, "All roles")
    # was a dark square on a dark field, invisible. Drawn here with a visible border; the tick is
    # an SVG, as a styled indicator no longer draws Fusion's.
    from omplanner.paths import resources_dir

    tick = (resources_dir() / "icons" / "check-on-dark.svg").as_posix()
    return f"""
QCheckBox::indicator, QAbstractItemView::indicator {{ width: 12px; height: 12px; border: 1px solid #7a828b;
    border-radius: 2px; background: palette(base); }}
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {{ image: url({tick}); }}
QCheckBox::indicator:disabled, QAbstractItemView::indicator:disabled {{ border-color: #4a5057; }}
QRadioButton::indicator {{ width: 12px; height: 12px; border: 1px solid #7a828b; border-radius: 7px;
    background: palette(base); }}
QRadioButton::indicator:checked {{ background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
    stop: 0 #e3e6ea, stop: 0.45 #e3e6ea, stop: 0.55 #1c1f22, stop: 1 #1c1f22); }}
QRadioButton::indicator:disabled {{ border-color: #4a5057; }}
"""


def widget_sheet(kinds: tuple[str, ...], own: str, dark: bool) -> str:
    """The sheet of a widget styled as ``kinds`` ("check": its check boxes, dark theme only) with
    ``own`` rules of its own."""
    parts = [own] if own else []
    for kind in kinds:
        if kind == "check":
            if dark:
                parts.append(_check_sheet())
        elif kind == "main_toolbar":
            tint = QColor(_COLOURS["Highlight"][1 if dark else 0])
            tint.setAlpha(90 if dark else 60)
            rgba = f"rgba({tint.red()}, {tint.green()}, {tint.blue()}, {tint.alpha()})"
            parts.append(SHEETS[kind].replace("@TINT@", rgba))
        else:
            parts.append(SHEETS[kind])
    return "\n".join(parts)


def style_widget(widget, *kinds: str, own: str = "") -> None:
    """Give ``widget`` (and what it holds) the sheets of ``kinds`` plus ``own`` rules, for the
    current theme; ``apply_theme`` and presentation mode style it again when they change."""
    widget.setProperty(SHEET_PROPERTY, [" ".join(kinds), own])
    app = QApplication.instance()
    dark = bool(app is not None and app.property(DARK_PROPERTY))
    widget.setStyleSheet(widget_sheet(kinds, own, dark))


def restyle_widgets(app: QApplication) -> None:
    """Style again every widget that has a sheet: for the theme now on, and so that each takes the
    application's font (a widget styled by a sheet takes a new font only when styled again)."""
    dark = bool(app.property(DARK_PROPERTY))
    for widget in app.allWidgets():
        kept = widget.property(SHEET_PROPERTY)
        if isinstance(kept, (list, tuple)) and len(kept) == 2:
            kinds, own = kept
            widget.setStyleSheet(widget_sheet(tuple(str(kinds).split()), str(own), dark))
        elif widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


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


def _now(change: QEvent.Type) -> None:
    """Deliver a change of the application's palette or font to every widget at once: Qt posts
    it, and the caller lays out what follows (presentation mode's page sizes) by the new one."""
    QCoreApplication.sendPostedEvents(None, change)


def apply_theme(app: QApplication, mode: str | None = None) -> bool:
    """Set the palette for ``mode`` (default: the saved preference). True when it is dark."""
    dark = is_dark(mode)
    if app.property(STYLE_PROPERTY) != "fusion":  # not app.style(): that would build the default style first
        app.setStyle("Fusion")
        app.setProperty(STYLE_PROPERTY, "fusion")
    app.setPalette(make_palette(dark))
    _now(QEvent.Type.ApplicationPaletteChange)
    app.setProperty(DARK_PROPERTY, dark)
    if app.styleSheet():
        app.setStyleSheet("")  # see SHEETS
    restyle_widgets(app)
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
        _now(QEvent.Type.ApplicationFontChange)
        restyle_widgets(app)  # widgets styled by a sheet take the new font only on a repolish

    def leave(self, app: QApplication) -> None:
        if self.normal_font is not None:
            app.setProperty(TYPE_SCALE_PROPERTY, 1.0)
            app.setFont(self.normal_font)
            _now(QEvent.Type.ApplicationFontChange)
            restyle_widgets(app)
            self.normal_font = None
