"""The look every editing page shares, tuned for a plan projected on a wall.

One place for sizes and the few signal colours, so that pages stay consistent and a later
theme change touches one file. Colours are chosen to read on both light and dark palettes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from omplanner.vocabulary import palette

from ..theme import TYPE_SCALE_PROPERTY

MARGIN = 18
SPACING = 12
ROW_HEIGHT = 40
BODY_POINT_SIZE = 11
TITLE_POINT_SIZE = 17

PROBLEM = QColor(palette.VERMILLION[0])
"""Something the plan is missing or has twice: a gap in the decision matrix, an empty owner.
The colours of an error, a warning and a done step (``omplanner.vocabulary``; the palette is read
directly so that start-up does not load the plan model)."""
CAUTION = QColor(palette.ORANGE[0])
"""Worth a look, not wrong: the room disagrees on a score."""
GOOD = QColor(palette.GREEN[0])

SERIES = [QColor(light) for light, _dark in palette.SERIES]
"""Colours for overlaid series (use cases on the radar chart), in order."""


def tint(color: QColor, alpha: int = 70) -> QColor:
    """A see-through version of a signal colour, for cell backgrounds under text."""
    tinted = QColor(color)
    tinted.setAlpha(alpha)
    return tinted


def is_dark(widget: QWidget | None = None) -> bool:
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def text_colour(widget: QWidget, colour: str) -> None:
    """Draw ``widget``'s text in ``colour``, through its palette: a style sheet would have Qt style
    the widget through its style-sheet engine, which costs at every repaint (see ui.theme)."""
    palette = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor(colour))
    widget.setPalette(palette)


def type_scale() -> float:
    """How much larger than normal the app's type is now: 1.4 in presentation mode (``ui.theme``)."""
    app = QApplication.instance()
    value = app.property(TYPE_SCALE_PROPERTY) if app is not None else None
    return float(value) if value else 1.0


def body_font(base: QFont | None = None, delta: float = 0, bold: bool = False) -> QFont:
    """The pages' type, ``delta`` points from the body size, at the app's current type scale."""
    font = QFont(base) if base is not None else QFont(QApplication.font())
    font.setPointSizeF((BODY_POINT_SIZE + delta) * type_scale())
    font.setBold(bold)
    return font


PAGE_SCALE_PROPERTY = "omplanner_page_type_scale"
"""The type scale a page's fonts were last sized for (set by ``apply_page_font``)."""


def apply_page_font(widget: QWidget) -> None:
    """Mark ``widget`` as a page whose own larger fonts (tables, titles, counts: ``body_font``)
    follow presentation mode's larger type through ``rescale_page_fonts``.

    The rest of a page's text (forms, notes, buttons) keeps the application's font. The page's
    own font is left alone: set on the page, Qt would hand it down to every label and field in it.
    Until issue 21 an application-wide style sheet stopped that from happening, and every page was
    laid out and checked at 1366×768 with the application's font there."""
    widget.setProperty(PAGE_SCALE_PROPERTY, type_scale())


BASE_SIZE_PROPERTY = "omplanner_base_point_size"
"""A widget's point size at the normal type scale, kept the first time its page is rescaled."""


def rescale_page_fonts(page: QWidget) -> None:
    """Bring a page made with ``apply_page_font`` to the app's current type scale: every font set
    explicitly in it (its body font, titles, table headers) is sized from its normal size times
    the scale. A font set explicitly does not follow the app font in Qt, so the window calls this
    when presentation mode changes the app font.

    Sized from the normal size, not by the ratio of the scales: re-setting the app's style sheet
    (which presentation mode does, so styled widgets take the new font) gives widgets back the
    font they had when first polished, and scaling that by 1/1.4 on leaving left every page at
    0.7 of its size."""
    old = page.property(PAGE_SCALE_PROPERTY)
    new = type_scale()
    if not old or abs(new - float(old)) < 1e-6:
        return
    page.setProperty(PAGE_SCALE_PROPERTY, new)
    from PySide6.QtCore import Qt

    for widget in [page, *page.findChildren(QWidget)]:
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            continue
        font = QFont(widget.font())
        base = widget.property(BASE_SIZE_PROPERTY)
        if base is None:
            if font.pointSizeF() <= 0:
                continue
            base = font.pointSizeF() / float(old)
            widget.setProperty(BASE_SIZE_PROPERTY, base)
        font.setPointSizeF(float(base) * new)
        widget.setFont(font)


def compact(combo: QComboBox, characters: int = 14) -> QComboBox:
    """A drop-down whose width does not follow its longest choice (step names run long)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo
