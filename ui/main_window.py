"""The main window: the plan's title and a summary. The app shell issue grows it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from omplanner import APP_NAME

from .document import Document


class MainWindow(QMainWindow):
    def __init__(self, document: Document):
        super().__init__()
        self.document = document
        self.summary = QLabel()
        self.summary.setMargin(24)
        self.setCentralWidget(self.summary)
        self.resize(1280, 760)
        document.plan_replaced.connect(self.refresh)
        document.changed.connect(lambda _changes: self.refresh())
        document.undo_stack.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))
        self.refresh()

    def refresh(self) -> None:
        plan = self.document.plan
        self.setWindowTitle(f"{plan.details.title}[*] — {APP_NAME}")
        lines = [f"<h1>{_esc(plan.details.title)}</h1>", f"<p>{_esc(plan.details.client)}</p>", "<ul>"]
        for uc in plan.use_cases:
            lines.append(f"<li>{_esc(uc.name)} ({uc.status.label})</li>")
        lines.append("</ul>")
        lines.append(f"<p>{len(plan.roadmap)} roadmap items, {len(plan.decisions)} decisions</p>")
        self.summary.setText("".join(lines))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
