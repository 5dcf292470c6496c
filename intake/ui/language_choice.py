"""Choosing the interface's language on this PC (the status bar's "Language" button).

The choice is written to this PC's settings.toml (`language = "es"`, or no line for the
system's language) and takes effect the next time the program starts: every screen is made
in one language, so switching at once would mean rebuilding screens with typed work in them.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from intake.domain.errors import KnownError
from intake.settings import language_setting, write_language
from intake.ui.i18n import ENV, LANGUAGES, language_from, system_language, translate
from intake.ui.words import error_text

SYSTEM = ""  # the choice "the system's language"


class LanguageDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageDialog")
        self.setWindowTitle(translate("Language", "Language"))
        layout = QVBoxLayout(self)
        intro = QLabel(translate("Language", "The language of Clinic Intake on this computer:"))
        layout.addWidget(intro)
        try:
            current = language_setting() or SYSTEM
        except KnownError:
            current = SYSTEM
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        system = LANGUAGES[language_from(None, None, system_language())]
        options = [(SYSTEM, translate("Language", "The system's language ({name})"))]
        for code, name in LANGUAGES.items():
            options.append((code, name))
        for code, text in options:
            button = QRadioButton(text.format(name=system))
            button.setChecked(code == current)
            self.group.addButton(button)
            self.choices[code] = button
            layout.addWidget(button)
        note = QLabel(translate("Language", "Takes effect the next time the program starts."))
        note.setObjectName("languageNote")
        layout.addWidget(note)
        if os.environ.get(ENV):
            overridden = QLabel(
                translate(
                    "Language", "{variable} is set on this computer: it wins over this choice."
                ).format(variable=ENV)
            )
            overridden.setWordWrap(True)
            layout.addWidget(overridden)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("fieldError")
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = QPushButton(translate("Language", "Cancel"))
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(translate("Language", "Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def chosen(self) -> str:
        return next((code for code, b in self.choices.items() if b.isChecked()), SYSTEM)

    def save(self) -> None:
        code = self.chosen()
        try:
            write_language(code or None)
        except (OSError, KnownError) as error:
            why = error_text(error) if isinstance(error, KnownError) else str(error)
            self.message.setText(translate("Language", "Not saved: {why}").format(why=why))
            self.message.show()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        """True when a choice was saved."""
        dialog = cls(parent)
        return dialog.exec() == QDialog.DialogCode.Accepted


__all__ = ["LanguageDialog"]
