"""Help › About: what the app is for, its version, and what it runs on."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from omplanner import APP_NAME, __version__


def about_text() -> str:
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>Plans the redesign of a business's operating model around AI, in a workshop: "
        "use cases and their diagnostic, current and redesigned processes, decision rights, "
        "capabilities, governance, data flows, and a roadmap checked against the sequencing principles.</p>"
        f"<p>Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}</p>"
        "<p>Plans are plain JSON files (.omplan) that work offline and travel by e-mail or USB stick.</p>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, f"About {APP_NAME}", about_text())
