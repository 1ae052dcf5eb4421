"""A list delegate whose rows are exactly as tall as their wrapped text.

Qt's own delegate measures a row's wrapped text at one width and paints it at another (the view's
margins, the icon and the scroll bar are counted differently), so a finding's last line could be
cut to "…" with an empty line below it, most visibly in presentation mode's larger type. This one
measures and paints at the same width: the viewport's, less the icon and fixed margins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

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

    def sizeHint(self, option, index) -> QSize:
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
            icon.paint(painter, QRect(rect.left(), top, size.width(), size.height()))
            rect.setLeft(rect.left() + size.width() + GAP)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        painter.drawText(rect, FLAGS, text)
        painter.restore()
