"""Which location's waiting-room tablet gets the patient: the desk's small question before
"Start self-intake on tablet". This PC's last choice is offered first (a desk PC stands at
one site), kept with QSettings beside the window's place."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.services.self_intake import TabletLocation
from intake.settings import data_dir
from intake.ui.i18n import translate

PC_CHOICES_FILE = "this_pc.ini"  # per-PC choices, beside window.ini
LAST_TABLET = "tablet/location_code"


def pc_choices(path: Path | None = None) -> QSettings:
    return QSettings(str(path or data_dir() / PC_CHOICES_FILE), QSettings.Format.IniFormat)


def last_first(locations: Sequence[TabletLocation], code: str | None) -> list[TabletLocation]:
    """The locations with the one of this code (the last choice) moved to the front."""
    return sorted(locations, key=lambda location: location.code != code)


class TabletHandoverDialog(QDialog):
    """ "Hand the tablet to Ann Sample?" with the location whose tablet it is."""

    location_was_chosen = Signal(object)  # the location id, or None when there is none

    def __init__(
        self,
        parent: QWidget | None,
        name: str,
        locations: Sequence[TabletLocation],
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tabletHandover")
        self.setWindowTitle(translate("TabletHandover", "Start self-intake on tablet"))
        self.settings = settings or pc_choices()
        last = self.settings.value(LAST_TABLET)
        self.locations = last_first(locations, last if isinstance(last, str) else None)
        question = QLabel(
            translate(
                "TabletHandover",
                "Hand the tablet to {name}? It shows their first name and last initial, and "
                "they answer without typing their name and date of birth.",
            ).format(name=name)
        )
        question.setWordWrap(True)
        self.location = QComboBox()
        self.location.setObjectName("tabletLocation")
        self.location.setAccessibleName(translate("TabletHandover", "Which location's tablet"))
        for location in self.locations:
            self.location.addItem(f"{location.name} ({location.code})", location.id)
        if not self.locations:  # no location set up yet: whichever tablet is running
            self.location.addItem(translate("TabletHandover", "Any tablet"), None)
        label = QLabel(translate("TabletHandover", "&Which location's tablet:"))
        label.setBuddy(self.location)
        buttons = QDialogButtonBox()
        self.hand_over = QPushButton(translate("TabletHandover", "&Hand over"))
        self.hand_over.setObjectName("primaryButton")
        self.hand_over.setDefault(True)
        self.hand_over.setAccessibleName(
            translate("TabletHandover", "Hand the chosen location's tablet to this patient")
        )
        buttons.addButton(self.hand_over, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(label)
        layout.addWidget(self.location)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)  # the question reads in three lines, not six
        self.location.setFocus()

    def chosen(self) -> int | None:
        return self.location.currentData()

    def accept(self) -> None:
        index = self.location.currentIndex()
        if 0 <= index < len(self.locations):  # remembered for the next handover on this PC
            self.settings.setValue(LAST_TABLET, self.locations[index].code)
            self.settings.sync()
        super().accept()
        self.location_was_chosen.emit(self.chosen())
