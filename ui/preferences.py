"""Edit › Preferences: your name, appearance, autosave interval, what opens at start."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from .autosave import DEFAULT_INTERVAL_SECONDS, INTERVAL_KEY
from .settings import NAME_KEY, REOPEN_KEY, settings, user_name
from .theme import THEME_KEY, THEMES, style_widget, theme_mode


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        style_widget(self, "check")  # its check boxes, seen in the dark theme
        self.setWindowTitle("Preferences")
        store = settings()
        form = QFormLayout(self)
        self.name = QLineEdit(user_name())
        self.name.setAccessibleName("Your name")
        self.name.setMaxLength(200)
        self.name.setPlaceholderText("As colleagues should see it on saves and comments")
        form.addRow("Your &name:", self.name)
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for mode, text in zip(THEMES, ("Follow the system", "Light", "Dark")):
            self.theme.addItem(text, mode)
        self.theme.setCurrentIndex(THEMES.index(theme_mode()))
        form.addRow("&Theme:", self.theme)
        self.autosave = QSpinBox()
        self.autosave.setAccessibleName("Autosave interval in minutes")
        self.autosave.setRange(1, 60)
        self.autosave.setSuffix(" min")
        seconds = store.value(INTERVAL_KEY, DEFAULT_INTERVAL_SECONDS, type=float)
        self.autosave.setValue(max(1, round(seconds / 60)))
        form.addRow("&Autosave every:", self.autosave)
        self.reopen = QCheckBox("&Reopen the last plan at start")
        self.reopen.setToolTip("Turn off when you project for several clients: the app then starts on a blank plan")
        self.reopen.setChecked(store.value(REOPEN_KEY, True, type=bool))
        form.addRow(self.reopen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def store(self) -> None:
        store = settings()
        store.setValue(NAME_KEY, " ".join(self.name.text().split()))
        store.setValue(THEME_KEY, self.theme.currentData())
        store.setValue(INTERVAL_KEY, float(self.autosave.value() * 60))
        store.setValue(REOPEN_KEY, self.reopen.isChecked())
        store.sync()
