"""Starting the desktop app: the QApplication, the first plan, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from omplanner import APP_NAME, __version__


def run_app(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from omplanner.fileio import PlanFileError, load_plan

    from .document import Document
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0], *[a for a in argv if a.startswith("-")]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("OM Planner")
    app.setApplicationVersion(__version__)
    paths = [a for a in argv if not a.startswith("-")]
    document = Document()
    window = MainWindow(document)
    if paths:
        path = Path(paths[0])
        try:
            document.replace_plan(load_plan(path), path)
        except PlanFileError as exc:
            QMessageBox.warning(window, "Could not open the plan", str(exc))
    window.show()
    return app.exec()
