"""A list delegate whose rows are exactly as tall as their wrapped text.

Qt's own delegate measures a row's wrapped text at one width and paints it at another (the view's
margins, the icon and the scroll bar are counted differently), so a finding's last line could be
cut to "…" with an empty line below it, most visibly in presentation mode's larger type. This one
measures and paints at the same width: the viewport's, less the icon and fixed margins.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QListWidget, QStyledItemDelegate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

MARGIN = 4
GAP = 6
FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)


class WrappedTextDelegate(QStyledItemDelegate):
    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = view.viewport().width() if view is not None else option.rect.width()
        icon = option.decorationSize.width() + GAP if not option.icon.isNull() else 0
        return max(40, width - 2 * MARGIN - icon - 2 * getattr(view, "spacing", lambda: 0)())

    SIZES_KEPT = 20_000
    """Row sizes remembered (see ``sizeHint``); more are forgotten all at once."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._sizes: dict[tuple, QSize] = {}
        self._font: QFont | None = None
        self._font_key = ""
        self._laying_out = False
        self._setting: tuple | None = None
        """While a ``WrappedList`` lays out its rows: what every row is measured in."""

    @contextmanager
    def one_layout(self) -> Iterator[None]:
        """A layout of the whole list: Qt asks every row's size with one and the same option, so
        the font, icon size, state and width are read from it once rather than once per row
        (reading them was most of the time a re-check's new rows cost: the list of several
        hundred findings is laid out again whenever a row comes or goes)."""
        self._laying_out, self._setting = True, None
        try:
            yield
        finally:
            self._laying_out, self._setting = False, None

    def _setting_of(self, option) -> tuple:
        view = self.parent()
        font = option.font
        if font != self._font:  # the font's key spelled out once per font, not once per row
            self._font, self._font_key = QFont(font), font.key()
        return (
            self._font_key,
            option.decorationSize.width(),
            option.decorationSize.height(),
            option.state.value,
            view.viewport().width() if view is not None else option.rect.width(),
            view.spacing() if view is not None and hasattr(view, "spacing") else 0,
        )

    def sizeHint(self, option, index) -> QSize:
        """A row's size, remembered by what it is measured from: its text, whether it has an
        icon, the font, the icon size, the state and the width. A list of several hundred
        findings is laid out again whenever a re-check changes a row, asking every row's size,
        and measuring wrapped text was most of that. (The rows' icons are drawn at the list's
        icon size: an icon smaller than that would need its own size in the key.)"""
        setting = self._setting
        if setting is None:
            setting = self._setting_of(option)
            if self._laying_out:
                self._setting = setting
        key = (
            index.data(Qt.ItemDataRole.DisplayRole),
            index.data(Qt.ItemDataRole.DecorationRole) is None,
            index.data(Qt.ItemDataRole.FontRole) is None,
            *setting,
        )
        size = self._sizes.get(key)
        if size is None or not key[2]:  # a row with its own font is measured each time
            if len(self._sizes) >= self.SIZES_KEPT:
                self._sizes.clear()
            size = self._sizes[key] = self._measure(option, index)
        return QSize(size)

    def _measure(self, option, index) -> QSize:
        # QStyle and its option are imported when a row is first measured: PySide6 builds their
        # (large) enums on import, and the findings panel that uses this delegate is built before
        # the window's first paint but has no rows until after the plan has shown.
        from PySide6.QtWidgets import QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._text_width(opt)
        text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100000), FLAGS, opt.text)
        height = max(text.height(), opt.decorationSize.height()) + 2 * MARGIN
        return QSize(width, height)

    def paint(self, painter, option, index) -> None:
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, icon = opt.text, QIcon(opt.icon)  # a copy: the option's own icon is cleared next
        opt.text, opt.icon = "", QIcon()  # the style paints the background and selection only
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        if not icon.isNull():
            size = opt.decorationSize
            top = rect.top() + (rect.height() - size.height()) // 2
            # The icon's pixmap, drawn once per size and colour by the icon's engine: painting
            # the icon itself drew its SVG again for every row at every repaint of the list.
            pixmap = icon.pixmap(size, painter.device().devicePixelRatioF())
            painter.drawPixmap(QRect(rect.left(), top, size.width(), size.height()), pixmap)
            rect.setLeft(rect.left() + size.width() + GAP)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        painter.drawText(rect, FLAGS, text)
        painter.restore()


class WrappedList(QListWidget):
    """A list of wrapped rows (give it a ``WrappedTextDelegate``) whose layout of every row reads
    what the rows share once: see ``WrappedTextDelegate.one_layout``."""

    def doItemsLayout(self) -> None:  # noqa: N802 (Qt override)
        delegate = self.itemDelegate()
        if not isinstance(delegate, WrappedTextDelegate):
            super().doItemsLayout()
            return
        with delegate.one_layout():
            super().doItemsLayout()
