"""The comments on one element, for an inspector: each with its author, date and words, and
Resolve / Reopen, Edit and Delete; a box to add one (Ctrl+Enter). Every change is a core
command executed through the document, so each is undone like any other edit.

The box follows the document itself (any edit, undo or redo of a comment refreshes it), so an
inspector only tells it which element is shown."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..keymap import SUBMIT_KEYS, pressed_key
from .plain_text import plain_label

ENTRY_HINT = "Add a comment (Ctrl+Enter)"
_SUBMIT = {QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText) for k in SUBMIT_KEYS}


def day_text(when: datetime) -> str:
    """A comment's date as people write it: '3 Dec 2026', in the computer's own time zone."""
    from omplanner.model.comments import comment_day, day_words  # the core's model: not before first paint

    return day_words(comment_day(when))


def meta_text(author: str, created: datetime, resolved: bool) -> str:
    who = author or "Someone"
    return f"{who} · {day_text(created)}" + (" · resolved" if resolved else "")


def _small_button(text: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable with Tab, as push buttons are
    return button


class CommentCard(QFrame):
    """One comment: who and when, the words as written, and its buttons."""

    def __init__(self, comment, parent: QWidget | None = None):
        super().__init__(parent)
        self.comment_id = comment.id
        self.resolved = comment.resolved
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("comment_card")
        self.meta = plain_label(meta_text(comment.author, comment.created, comment.resolved))
        self.meta.setEnabled(False)  # the muted colour of the theme, light or dark
        self.meta.setWordWrap(True)
        self.meta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text = plain_label(comment.text)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text.setEnabled(not comment.resolved)
        # small flat buttons: three of them fit the narrow inspector beside a map
        self.resolve_button = _small_button("Reopen" if comment.resolved else "Resolve")
        self.resolve_button.setToolTip("Mark the comment open again" if comment.resolved else "Mark it dealt with")
        self.edit_button = _small_button("Edit")
        self.edit_button.setToolTip("Change the words (in the box below)")
        self.delete_button = _small_button("Delete")
        self.delete_button.setToolTip("Delete the comment (Undo brings it back)")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(2)
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.meta)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.setAccessibleName(f"Comment by {comment.author or 'someone'}")


class CommentsBox(QWidget):
    """The comments on the element an inspector shows (``set_element``), and a box to add one."""

    count_changed = Signal(int)
    """How many open comments the element has now."""

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.element_id: str | None = None
        self.editing: str | None = None
        """The id of the comment whose words are in the entry box to be changed, or None (a new one)."""
        self.cards: list[CommentCard] = []
        self.setAccessibleName("Comments")
        self.heading = QLabel("Comments")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.list_layout = QVBoxLayout()
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(4)
        self.entry = QPlainTextEdit()
        self.entry.setPlaceholderText(ENTRY_HINT)
        self.entry.setAccessibleName("New comment")
        self.entry.setTabChangesFocus(True)
        self.entry.setMinimumHeight(44)
        self.entry.setMaximumHeight(72)
        self.entry.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.add_button = QPushButton("Add")
        self.add_button.setToolTip("Add the comment, in your name from the preferences (Ctrl+Enter)")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addLayout(self.list_layout)
        layout.addWidget(self.entry)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.entry.installEventFilter(self)
        document.changed.connect(self._document_changed)
        document.plan_replaced.connect(lambda: self.set_element(None))
        self.refresh()

    # -- showing ------------------------------------------------------------------------------
    def set_element(self, element_id: str | None) -> None:
        """Show the comments on this element (None: nothing). The same element again changes
        nothing: the box follows the document's edits itself."""
        if element_id == self.element_id:
            return
        self.cancel_edit()
        self.entry.clear()
        self.element_id = element_id
        self.refresh()

    def _document_changed(self, changes) -> None:
        if self.element_id is not None and (changes.touches("Comment") or self.element_id in changes.ids):
            self.refresh()

    def refresh(self) -> None:
        from omplanner.model.comments import comments_on

        plan = self.document.plan if self.document.has_plan else None
        there = plan is not None and self.element_id is not None and self.element_id in self.document.places
        self.setVisible(there)
        comments = comments_on(plan, self.element_id) if there else []
        for card in self.cards:
            card.hide()  # at once: deletion waits for the event loop
            card.deleteLater()
        self.cards = []
        for comment in comments:
            card = CommentCard(comment, self)
            card.resolve_button.clicked.connect(
                lambda _=False, c=comment.id, r=comment.resolved: self.resolve(c, not r)
            )
            card.edit_button.clicked.connect(lambda _=False, c=comment.id: self.start_edit(c))
            card.delete_button.clicked.connect(lambda _=False, c=comment.id: self.delete(c))
            self.list_layout.addWidget(card)
            self.cards.append(card)
        if self.editing is not None and all(c.id != self.editing for c in comments):
            self.cancel_edit()  # the comment went (an undo, a colleague's merge)
        open_count = sum(1 for c in comments if not c.resolved)
        resolved = len(comments) - open_count
        words = "Comments"
        if comments:
            words += f" ({open_count} open" + (f", {resolved} resolved)" if resolved else ")")
        self.heading.setText(words)
        self.count_changed.emit(open_count)

    # -- edits --------------------------------------------------------------------------------
    def submit(self) -> bool:
        """Add the entry's words as a comment, or save them into the comment being edited."""
        from omplanner.commands import CommandError, add_comment, edit_comment

        from ..settings import user_name

        words = self.entry.toPlainText().strip()
        if not words or self.element_id is None:
            return False
        plan = self.document.plan
        try:
            if self.editing is not None:
                command = edit_comment(plan, self.editing, words)
            else:
                command = add_comment(plan, self.element_id, words, user_name())
        except CommandError as exc:
            self.document.edit_refused.emit(str(exc))
            return False
        if not self.document.execute(command):
            return False
        self.editing = None
        self.entry.clear()
        self._show_mode()
        return True

    def resolve(self, comment_id: str, resolved: bool = True) -> bool:
        from omplanner.commands import resolve_comment

        return self._run(lambda plan: resolve_comment(plan, comment_id, resolved))

    def delete(self, comment_id: str) -> bool:
        from omplanner.commands import delete_comment

        return self._run(lambda plan: delete_comment(plan, comment_id))

    def start_edit(self, comment_id: str) -> None:
        comment = next((c for c in self.document.plan.comments if c.id == comment_id), None)
        if comment is None:
            return
        self.editing = comment_id
        self.entry.setPlainText(comment.text)
        self._show_mode()
        self.entry.setFocus()

    def cancel_edit(self) -> None:
        if self.editing is not None:
            self.editing = None
            self.entry.clear()
        self._show_mode()

    def _show_mode(self) -> None:
        self.add_button.setText("Save" if self.editing else "Add")
        self.cancel_button.setVisible(self.editing is not None)
        self.entry.setPlaceholderText("Change the comment (Ctrl+Enter)" if self.editing else ENTRY_HINT)

    def _run(self, build) -> bool:
        from omplanner.commands import CommandError

        try:
            command = build(self.document.plan)
        except CommandError as exc:
            self.document.edit_refused.emit(str(exc))
            return False
        return self.document.execute(command)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.entry and event.type() == QEvent.Type.KeyPress:
            if pressed_key(event) in _SUBMIT:
                self.submit()
                return True
            if event.key() == Qt.Key.Key_Escape and self.editing is not None:
                self.cancel_edit()
                return True
        return super().eventFilter(watched, event)


def scrolled_comments(document, height: int = 0) -> tuple[CommentsBox, QWidget]:
    """A comments box in a frame that scrolls, for a page's detail area of fixed height (a
    decision's, a use case's): the box and the widget to lay out."""
    from PySide6.QtWidgets import QScrollArea

    box = CommentsBox(document)
    scroll = QScrollArea()
    scroll.setWidget(box)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if height:
        scroll.setMaximumHeight(height)
    box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return box, scroll
