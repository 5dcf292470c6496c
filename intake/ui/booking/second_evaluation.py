"""Asked before a patient gets a second initial evaluation (issue #16): the one booked is named,
No is the default (Enter and Escape answer No), Y books another.

The rule is the booking service's (`SecondEvaluation`); every screen that books asks with this
question and books again with `confirm_second_evaluation=True` only on Yes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from intake.domain.booking import Visit
from intake.ui.booking import wording
from intake.ui.i18n import translate


def question(parent: QWidget, existing: Visit) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("SecondEvaluation", "Initial evaluation already booked"))
    box.setText(
        translate(
            "SecondEvaluation",
            "This patient already has an initial evaluation booked: {visit}, with {therapist}.",
        ).format(visit=wording.visit_sentence(existing), therapist=existing.therapist_name)
    )
    box.setInformativeText(translate("SecondEvaluation", "Book another initial evaluation?"))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(
        translate("SecondEvaluation", "&Yes, book another")
    )
    box.button(QMessageBox.StandardButton.No).setText(
        translate("SecondEvaluation", "&No, keep the one booked")
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box


def ask(
    parent: QWidget,
    existing: Visit,
    answered: Callable[[bool], None],
    make: Callable[[QWidget, Visit], QMessageBox] = question,
) -> QMessageBox:
    """Open the question (window-modal, no nested event loop); `answered(True)` on Yes."""
    box = make(parent, existing)

    def finished(_result: int) -> None:
        yes = box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes
        box.deleteLater()
        answered(yes)

    box.finished.connect(finished)
    box.open()
    return box
