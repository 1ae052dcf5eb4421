"""Starting the desktop app: the QApplication, the first plan, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from omplanner import APP_ID, APP_NAME, __version__


def run_app(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from omplanner.fileio import PlanFileError, load_plan

    from .document import Document
    from .main_window import MainWindow
    from .paint_probe import install_if_asked

    app = QApplication.instance() or QApplication([sys.argv[0], *[a for a in argv if a.startswith("-")]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("OM Planner")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # lets the desktop match windows to packaging/linux/*.desktop
    paths = [a for a in argv if not a.startswith("-")]
    document = Document()
    window = MainWindow(document)
    if paths:
        path = Path(paths[0])
        try:
            document.replace_plan(load_plan(path), path)
        except PlanFileError as exc:
            QMessageBox.warning(window, "Could not open the plan", str(exc))
    install_if_asked(window)  # the benchmarks' and smoke test's start-up probe; inert otherwise
    window.show()
    return app.exec()
