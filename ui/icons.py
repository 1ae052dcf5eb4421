"""The app's SVG icons, drawn in ``currentColor`` and painted in the palette's text colour.

A small icon engine renders the SVG at whatever size is asked for (crisp on a 4K projector and
at 200 % scaling) and in the colour of the current palette, so that one set of files serves the
light and the dark theme. ``accent`` in an SVG (the blue) is kept as drawn.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

from omplanner.paths import resources_dir


@cache
def icons_dir():
    return resources_dir() / "icons"


@cache
def _available() -> frozenset[str]:
    """One directory listing instead of a file check per icon (start-up builds ~40 icons)."""
    folder = icons_dir()
    return frozenset(p.stem for p in folder.glob("*.svg")) if folder.is_dir() else frozenset()


@cache
def _svg_text(name: str) -> str:
    """Read when first painted, not when the icon is made."""
    if name not in _available():
        return ""
    return (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")


@cache
def _renderer(name: str, colour: str):
    """The icon's SVG parsed once per colour: views and toolbars paint the same icons again and
    again (hover, each repaint), and the theme has only a few text colours."""
    from PySide6.QtSvg import QSvgRenderer

    text = _svg_text(name).replace("currentColor", colour)
    return QSvgRenderer(QByteArray(text.encode("utf-8")))


class SvgIconEngine(QIconEngine):
    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self._pixmaps: dict[tuple, QPixmap] = {}

    def _colour(self, mode: QIcon.Mode) -> QColor:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        if mode == QIcon.Mode.Selected:
            return palette.color(QPalette.ColorRole.HighlightedText)
        return palette.color(QPalette.ColorRole.WindowText)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        renderer = _renderer(self.name, self._colour(mode).name())
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.45)
        renderer.render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        """Drawn once per size, mode and colour: the toolbar asks again for the undo button's
        icon each time an edit enables or disables it, and drawing the SVG took most of that."""
        key = (size.width(), size.height(), mode, state, scale, self._colour(mode).name())
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) >= 16:
                self._pixmaps.clear()
            pixmap = self._pixmaps[key] = self._draw(size, mode, state, scale)
        return pixmap

    def _draw(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size * scale), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.name)

    def isNull(self) -> bool:
        return self.name not in _available()


def icon(name: str) -> QIcon:
    """An icon from resources/icons/<name>.svg; a null icon if there is no such file."""
    if name not in _available():
        return QIcon()
    return QIcon(SvgIconEngine(name))


@cache
def app_icon() -> QIcon:
    """The application icon keeps its own colours (it is not recoloured by the theme)."""
    return QIcon(str(icons_dir() / "app.svg"))
