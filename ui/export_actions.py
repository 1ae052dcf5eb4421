"""File › Export: the Excel workbook and the PDF board pack (off the GUI thread), and an image of the page.

The exporters are imported only when the user exports, so that start-up stays fast. Each gets
a deep copy of the plan: the facilitator can keep editing while the file is written.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRectF, QSize, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

from .document import Document
from .files import safe_file_stem
from .settings import settings
from .widgets.message_boxes import Button, ask, inform, warn
from .worker import run_in_background

EXPORTERS: dict[str, tuple[str, str, str, str]] = {
    # kind: (module, function, what it is, file filter)
    "xlsx": ("omplanner.export.xlsx", "export_xlsx", "Excel workbook", "Excel workbooks (*.xlsx)"),
    "pdf": ("omplanner.export.pdf", "export_pdf", "PDF board pack", "PDF documents (*.pdf)"),
}
LAST_DIR_KEY = "export/last_dir"


def load_exporter(kind: str):
    module_name, function, _what, _filter = EXPORTERS[kind]
    return getattr(importlib.import_module(module_name), function)


def ask_open_folder(parent: QWidget, path: Path) -> bool:
    answer = ask(
        parent,
        "Export finished",
        f"Saved {path.name}.\n\nOpen the folder that holds it?",
        Button.Open | Button.Close,
        Button.Open,
    )
    return answer == Button.Open


def open_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class ExportController(QObject):
    exported = Signal(object)
    """A file was written (its Path)."""
    status = Signal(str)

    def __init__(self, window: QWidget, document: Document):
        super().__init__(window)
        self.window = window
        self.document = document
        self._busy = False

    def export_xlsx(self) -> None:
        self.export("xlsx")

    def export_pdf(self) -> None:
        """File › Export › Board pack…: the pack options first (remembered for this plan)."""
        if self._busy:
            return
        from .pack_dialog import ask_pack_options

        options = ask_pack_options(self.window, self.document.path)
        if options is not None:
            self.export("pdf", options=options)

    def ask_target(self, suffix: str, file_filter: str) -> Path | None:
        folder = settings().value(LAST_DIR_KEY, "", type=str)
        if not folder and self.document.path:
            folder = str(self.document.path.parent)
        stem = self.document.path.stem if self.document.path else safe_file_stem(self.document.plan.details.title)
        suggestion = str(Path(folder) / f"{stem}{suffix}") if folder else f"{stem}{suffix}"
        name, _ = QFileDialog.getSaveFileName(self.window, "Export", suggestion, file_filter)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        store = settings()
        store.setValue(LAST_DIR_KEY, str(path.parent))
        return path

    def export(self, kind: str, path: Path | None = None, options=None) -> Path | None:
        """Export through the worker; the written path, or None (cancelled, failed, or not chosen).
        ``options``: the board pack's options, handed to the exporter when given."""
        if self._busy:
            return None
        _module, _function, what, file_filter = EXPORTERS[kind]
        path = path or self.ask_target(f".{kind}", file_filter)
        if path is None:
            return None
        try:
            exporter = load_exporter(kind)
        except (ImportError, AttributeError):
            inform(self.window, "Export", f"The {what} export is not part of this build yet.")
            return None
        plan_copy = self.document.plan.model_copy(deep=True)
        extra = {} if options is None else {"options": options}
        self._busy = True
        try:
            outcome = run_in_background(
                self.window, f"Exporting the {what}…", lambda progress: exporter(plan_copy, path, progress, **extra)
            )
        finally:
            self._busy = False
        if outcome.status == "cancelled":
            self.status.emit("Export cancelled: no file was written")
            return None
        if outcome.status == "failed":
            warn(self.window, "Export failed", f"The {what} could not be written:\n{outcome.error}")
            return None
        return self._written(path)

    def export_image(self, path: Path | None = None) -> Path | None:
        """The page on screen as PNG or SVG. A page that draws a better picture of itself (a
        canvas) offers ``export_image(path)``; others are grabbed as they look.
        Rendering widgets must happen on the GUI thread, so this one does not use the worker."""
        page = getattr(self.window, "current_page", lambda: None)()
        if page is None:
            return None
        if path is None:
            path = self.ask_target(".png", "PNG images (*.png);;SVG drawings (*.svg)")
            if path is None:
                return None
        own = getattr(page, "export_image", None)
        try:
            if callable(own):
                own(path)
            elif path.suffix.lower() == ".svg":
                _widget_to_svg(page, path)
            else:
                from omplanner.fileio import atomic_path

                with atomic_path(path) as tmp:
                    if not page.grab().save(str(tmp), "PNG"):
                        raise OSError(f"could not write {path.name}")
        except OSError as exc:
            warn(self.window, "Export failed", f"The image could not be written:\n{exc}")
            return None
        return self._written(path)

    def _written(self, path: Path) -> Path:
        """Tell the window a file was written and offer to open its folder (every export ends so)."""
        self.exported.emit(path)
        self.status.emit(f"Exported {path.name}")
        if ask_open_folder(self.window, path):
            open_folder(path)
        return path


def _widget_to_svg(widget: QWidget, path: Path) -> None:
    from PySide6.QtSvg import QSvgGenerator

    from omplanner.fileio import atomic_path

    with atomic_path(path) as tmp:
        generator = QSvgGenerator()
        generator.setFileName(str(tmp))
        generator.setSize(QSize(widget.width(), widget.height()))
        generator.setViewBox(QRectF(0, 0, widget.width(), widget.height()))
        generator.setTitle(widget.accessibleName() or "OM Planner page")
        painter = QPainter(generator)
        widget.render(painter, QPoint(0, 0))
        painter.end()
