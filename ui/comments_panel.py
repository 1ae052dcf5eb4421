"""The Comments panel: every comment of the plan, open, resolved or all, each row naming the
element it is on; activating a row (double-click, Enter) asks the window to show that element.

The panel's widgets are made the first time the dock shows (or is asked for one of them): the
dock starts hidden, and making them cost about 7 ms before the window's first paint. The list is
filled the first time the dock shows and follows every edit, undo and redo while it is shown;
the counts in its title follow them too."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .widgets.plain_text import plain_label, plain_tooltip
from .widgets.wrapped_list import WrappedTextDelegate

FILTERS = (("Open", "open"), ("Resolved", "resolved"), ("All", "all"))
EMPTY = {
    "open": "No open comments. Add one in the inspector of a step or a roadmap item.",
    "resolved": "No resolved comments.",
    "all": "No comments yet. Add one in the inspector of a step or a roadmap item.",
}


class CommentsPanel(QDockWidget):
    element_activated = Signal(str)
    """The user asked to see the element (its id) a comment is on."""

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__("Comments", parent)
        self.setObjectName("comments_dock")
        self.setAccessibleName("Comments")
        self.document = document
        self.mode = "open"
        self._built = False
        self._stale = True
        document.changed.connect(self._document_changed)
        document.plan_replaced.connect(self._plan_replaced)
        self.visibilityChanged.connect(self._visibility_changed)

    BODY = frozenset(("filters", "filter_buttons", "counts", "entries", "empty", "resolve_button", "show_button"))
    """The widgets ``_make_body`` makes."""
    _body_made = False

    def __getattr__(self, name: str):
        if name in CommentsPanel.BODY and not self._body_made:
            self._make_body()
            return getattr(self, name)
        raise AttributeError(name)

    def _make_body(self) -> None:
        self._body_made = True
        body = QWidget()
        self.filters = QButtonGroup(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.filter_buttons: dict[str, QToolButton] = {}
        for text, key in FILTERS:
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setToolTip(f"Show the {text.lower()} comments" if key != "all" else "Show every comment")
            button.clicked.connect(lambda _=False, k=key: self.set_mode(k))
            self.filters.addButton(button)
            self.filter_buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.filter_buttons[self.mode].setChecked(True)
        self.counts = QLabel()
        self.counts.setAccessibleName("Comment counts")
        self.entries = QListWidget()
        self.entries.setAccessibleName("Comments, each with the element it is on; Enter shows the element")
        self.entries.setWordWrap(True)
        self.entries.setItemDelegate(WrappedTextDelegate(self.entries))
        self.entries.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = plain_label("")
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.resolve_button = QPushButton("Resolve")
        self.resolve_button.setToolTip("Mark the selected comment dealt with, or open again")
        self.show_button = QPushButton("Show element")
        self.show_button.setToolTip("Go to the element the selected comment is on (double-click, Enter)")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.counts)
        layout.addWidget(self.entries, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.entries.itemActivated.connect(self._activated)
        self.entries.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.show_button.clicked.connect(lambda: self._activated(self.entries.currentItem()))
        self.resolve_button.clicked.connect(self._toggle_resolved)

    # -- keeping current ----------------------------------------------------------------------
    def _visibility_changed(self, visible: bool) -> None:
        if visible and not self._body_made:
            self._make_body()
        if visible and self._stale:
            self.refresh()

    def _document_changed(self, _changes) -> None:
        # any edit may rename an element a row names, or remove it with its comments
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _plan_replaced(self) -> None:
        self._document_changed(None)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.filter_buttons[mode].setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        from omplanner.model.comments import commented_element, element_words, open_counts

        from .widgets.comments import meta_text

        if not self.document.has_plan:  # the start plan is still opening: never a blank one here
            self._stale = True
            return
        self._stale = False
        plan = self.document.plan
        current = self.current_comment_id()
        self.entries.clear()
        opened, resolved = open_counts(plan)
        self.counts.setText(f"{opened} open · {resolved} resolved")
        self.setWindowTitle(f"Comments ({opened} open)" if opened else "Comments")
        for comment in plan.comments:
            if (self.mode == "open" and comment.resolved) or (self.mode == "resolved" and not comment.resolved):
                continue
            subject = element_words(commented_element(plan, comment))
            text = f"On {subject}\n{comment.text}\n{meta_text(comment.author, comment.created, comment.resolved)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, comment.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, comment.element)
            item.setToolTip(plain_tooltip(comment.text))
            if comment.resolved:
                item.setForeground(self.palette().placeholderText())
            self.entries.addItem(item)
            if comment.id == current:
                self.entries.setCurrentItem(item)
        self.empty.setText(EMPTY[self.mode])
        self.empty.setVisible(self.entries.count() == 0)
        self._selection_changed()

    def row_texts(self) -> list[str]:
        return [self.entries.item(i).text() for i in range(self.entries.count())]

    def current_comment_id(self) -> str | None:
        item = self.entries.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _selection_changed(self) -> None:
        comment = self._current_comment()
        self.show_button.setEnabled(comment is not None)
        self.resolve_button.setEnabled(comment is not None)
        self.resolve_button.setText("Reopen" if comment is not None and comment.resolved else "Resolve")

    def _current_comment(self):
        ident = self.current_comment_id()
        return next((c for c in self.document.plan.comments if c.id == ident), None) if ident else None

    # -- acts ---------------------------------------------------------------------------------
    def _activated(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.element_activated.emit(item.data(Qt.ItemDataRole.UserRole + 1))

    def _toggle_resolved(self) -> None:
        from omplanner.commands import resolve_comment

        comment = self._current_comment()
        if comment is not None:
            self.document.execute(resolve_comment(self.document.plan, comment.id, not comment.resolved))
