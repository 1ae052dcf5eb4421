"""File › Export › Board pack…: who the pack is for, the paper, the chapters and the marks.

The choices are remembered per plan file in the app's settings (never in the plan): the next
export of the same plan opens with them. A logo is kept as the path of the file the user picked
and read again at each export; a file that has gone or is unfit is named in the message.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from omplanner.export.pack_options import (
    MARK_CHARS,
    ORGANISATION_CHARS,
    PAPERS,
    SECTIONS,
    VERSION_CHARS,
    LogoError,
    PackOptions,
    default_sections,
    read_logo,
)

from .settings import settings
from .theme import style_widget
from .widgets.message_boxes import warn

MARKS = ["", "Confidential", "Strictly confidential", "Board only"]
SVG_PIXELS = 600
"""The longer side of an SVG logo drawn as PNG: sharp at the size it takes on the cover."""


def settings_group(plan_path: Path | None) -> str:
    """The settings group for one plan file (a hash of its full path: keys cannot hold paths)."""
    if plan_path is None:
        return "pack/unsaved"
    digest = hashlib.sha1(str(Path(plan_path).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"pack/{digest}"


def svg_to_png(data: bytes) -> bytes:
    """An SVG drawn as PNG by Qt's renderer, for the core's ``read_logo``."""
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        raise ValueError("Qt cannot read this SVG")
    size = renderer.defaultSize()
    if size.isEmpty():
        size.setWidth(SVG_PIXELS)
        size.setHeight(SVG_PIXELS)
    size.scale(SVG_PIXELS, SVG_PIXELS, Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


class PackOptionsDialog(QDialog):
    def __init__(self, plan_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        style_widget(self, "check")  # its check boxes, seen in the dark theme
        self.setWindowTitle("Board pack")
        self.group = settings_group(plan_path)
        self._options: PackOptions | None = None
        layout = QVBoxLayout(self)

        who = QGroupBox("Written for")
        who_layout = QVBoxLayout(who)
        self.board = QRadioButton("The &board: plain language, the decisions asked of it, no rule codes")
        self.team = QRadioButton("The working &team: everything, with the rule codes")
        who_layout.addWidget(self.board)
        who_layout.addWidget(self.team)
        layout.addWidget(who)

        chapters = QGroupBox("Chapters")
        chapter_layout = QVBoxLayout(chapters)
        self.sections: dict[str, QCheckBox] = {}
        for key, label in SECTIONS.items():
            box = QCheckBox(label)
            box.setAccessibleName(f"Include {label}")
            self.sections[key] = box
            chapter_layout.addWidget(box)
        layout.addWidget(chapters)

        form = QFormLayout()
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper")
        for key, label in PAPERS.items():
            self.paper.addItem(label, key)
        form.addRow("&Paper:", self.paper)
        self.organisation = QLineEdit()
        self.organisation.setMaxLength(ORGANISATION_CHARS)
        self.organisation.setAccessibleName("Organisation")
        self.organisation.setPlaceholderText("Who issues the pack: on the cover and in every footer")
        form.addRow("&Organisation:", self.organisation)
        logo_row = QHBoxLayout()
        self.logo = QLineEdit()
        self.logo.setAccessibleName("Logo file")
        self.logo.setPlaceholderText("PNG or SVG, at most 2 MB")
        browse = QPushButton("&Choose…")
        browse.clicked.connect(self._choose_logo)
        clear = QPushButton("C&lear")
        clear.clicked.connect(self.logo.clear)
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        logo_row.addWidget(clear)
        form.addRow("Lo&go:", logo_row)
        self.mark = QComboBox()
        self.mark.setEditable(True)
        self.mark.addItems(MARKS)
        self.mark.lineEdit().setMaxLength(MARK_CHARS)
        self.mark.setAccessibleName("Confidentiality mark")
        form.addRow("&Marked:", self.mark)
        self.draft = QCheckBox("Print &DRAFT across every page")
        form.addRow(self.draft)
        self.version = QLineEdit()
        self.version.setMaxLength(VERSION_CHARS)
        self.version.setAccessibleName("Version")
        form.addRow("&Version:", self.version)
        date_row = QHBoxLayout()
        self.today = QCheckBox("Toda&y")
        self.issued = QDateEdit()
        self.issued.setCalendarPopup(True)
        self.issued.setDisplayFormat("d MMMM yyyy")
        self.issued.setAccessibleName("Date on the cover")
        self.today.toggled.connect(lambda on: self.issued.setEnabled(not on))
        date_row.addWidget(self.today)
        date_row.addWidget(self.issued, 1)
        form.addRow("D&ate:", date_row)
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load()
        # the team's remarks go in the team's pack and stay out of the board's, unless chosen after
        self.team.toggled.connect(self.sections["comments"].setChecked)

    def _load(self) -> None:
        store = settings()
        store.beginGroup(self.group)
        try:
            board = store.value("audience", "board", type=str) != "team"
            self.board.setChecked(board)
            self.team.setChecked(not board)
            default = default_sections("board" if board else "team")
            chosen = store.value("sections", ",".join(k for k in SECTIONS if k in default), type=str).split(",")
            for key, box in self.sections.items():
                box.setChecked(key in chosen)
            self.paper.setCurrentIndex(max(0, self.paper.findData(store.value("paper", "a4", type=str))))
            self.organisation.setText(store.value("organisation", "", type=str))
            self.logo.setText(store.value("logo", "", type=str))
            self.mark.setCurrentText(store.value("mark", "", type=str))
            self.draft.setChecked(store.value("draft", False, type=bool))
            self.version.setText(store.value("version", "", type=str))
            fixed = store.value("date", "", type=str)
        finally:
            store.endGroup()
        day = QDate.fromString(fixed, "yyyy-MM-dd") if fixed else QDate()
        self.today.setChecked(not day.isValid())
        self.issued.setDate(day if day.isValid() else QDate.currentDate())
        self.issued.setEnabled(not self.today.isChecked())

    def _store(self) -> None:
        store = settings()
        store.beginGroup(self.group)
        store.setValue("audience", "board" if self.board.isChecked() else "team")
        store.setValue("sections", ",".join(k for k, box in self.sections.items() if box.isChecked()))
        store.setValue("paper", self.paper.currentData())
        store.setValue("organisation", self.organisation.text())
        store.setValue("logo", self.logo.text().strip())
        store.setValue("mark", self.mark.currentText())
        store.setValue("draft", self.draft.isChecked())
        store.setValue("version", self.version.text())
        store.setValue("date", "" if self.today.isChecked() else self.issued.date().toString("yyyy-MM-dd"))
        store.endGroup()
        store.sync()

    def _choose_logo(self) -> None:
        start = self.logo.text().strip() or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, "Logo", start, "Pictures (*.png *.svg)")
        if name:
            self.logo.setText(name)

    def options(self) -> PackOptions | None:
        """The options chosen, or None when the logo cannot be used (the user was told why)."""
        logo = None
        path = self.logo.text().strip()
        if path:
            try:
                logo = read_logo(path, svg_to_png=svg_to_png)
            except LogoError as exc:
                warn(self, "Logo", f"{str(exc)[0].upper()}{str(exc)[1:]}.")
                return None
        issued = None if self.today.isChecked() else _to_date(self.issued.date())
        return PackOptions(
            audience="board" if self.board.isChecked() else "team",
            paper=self.paper.currentData(),
            sections=frozenset(k for k, box in self.sections.items() if box.isChecked()),
            organisation=self.organisation.text(),
            logo=logo,
            confidentiality=self.mark.currentText(),
            draft=self.draft.isChecked(),
            version=self.version.text(),
            issued=issued,
        )

    def accept(self) -> None:
        options = self.options()
        if options is None:
            self.logo.setFocus()
            return
        self._options = options
        self._store()
        super().accept()

    def chosen(self) -> PackOptions | None:
        return self._options


def _to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def ask_pack_options(parent: QWidget, plan_path: Path | None) -> PackOptions | None:
    dialog = PackOptionsDialog(plan_path, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
