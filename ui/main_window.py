"""The main window: a navigation sidebar switching the pages declared in ``ui.pages``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from omplanner import APP_NAME

from .document import Document
from .pages import PAGES, PageSpec


class MainWindow(QMainWindow):
    def __init__(self, document: Document):
        super().__init__()
        self.document = document
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Navigation")
        self.sidebar.setFixedWidth(190)
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        for spec in PAGES:
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            self.sidebar.addItem(item)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(lambda row: self.show_page(PAGES[row].id))
        self.resize(1280, 760)
        document.plan_replaced.connect(self.refresh_title)
        document.changed.connect(lambda _changes: self.refresh_title())
        document.undo_stack.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))
        self.refresh_title()
        self.sidebar.setCurrentRow(0)

    def page(self, page_id: str) -> QWidget:
        """The page widget, created on first use."""
        if page_id not in self._pages:
            spec: PageSpec = next(p for p in PAGES if p.id == page_id)
            widget = spec.load()(self.document)
            self._pages[page_id] = widget
            self.stack.addWidget(widget)
        return self._pages[page_id]

    def show_page(self, page_id: str) -> QWidget:
        widget = self.page(page_id)
        self.stack.setCurrentWidget(widget)
        row = next(i for i, p in enumerate(PAGES) if p.id == page_id)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)
        return widget

    def refresh_title(self) -> None:
        self.setWindowTitle(f"{self.document.plan.details.title}[*] — {APP_NAME}")
