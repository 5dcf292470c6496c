"""The admin's list of patient-record merges, newest first, each with "Undo this merge"."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton

from intake.domain.merge import MergeRecord, UndoDone
from intake.services import patient_merge
from intake.ui import when
from intake.ui.admin.base import AdminTab
from intake.ui.context import UiContext
from intake.ui.i18n import translate


class MergesTab(AdminTab):
    def __init__(self, context: UiContext) -> None:
        super().__init__(context, translate("MergesTab", "Merges"))
        self.new_button.hide()  # merges start from the patient screens
        heading = QLabel(translate("MergesTab", "Merge"))
        heading.setObjectName("sectionTitle")
        self.text = QLabel(translate("MergesTab", "No merge chosen."))
        self.text.setWordWrap(True)
        self.text.setAccessibleName(translate("MergesTab", "The chosen merge"))
        self.undo_button = QPushButton(translate("MergesTab", "Undo this merge…"))
        self.undo_button.setAccessibleName(translate("MergesTab", "Undo this merge"))
        self.undo_button.clicked.connect(self._ask)
        self.confirm_button = QPushButton(translate("MergesTab", "Yes, undo it"))
        self.confirm_button.setAccessibleName(translate("MergesTab", "Yes, undo the merge"))
        self.confirm_button.clicked.connect(self._undo)
        self.confirm_button.hide()
        self.detail_layout.addWidget(heading)
        self.detail_layout.addWidget(self.text)
        self.buttons(self.undo_button, self.confirm_button)
        self.detail_layout.addStretch(1)
        self._after_load = ""  # what to say once the list is read again

    def load(self) -> None:
        self.call(
            lambda db, actor: patient_merge.merges(db, actor),
            self._fill,
            saving=translate("MergesTab", "Loading…"),
        )

    def _fill(self, found: tuple[MergeRecord, ...]) -> None:
        self.fill_list([(_line(m), m) for m in found], keep=self.current())
        if self._after_load:
            self.say(self._after_load)
            self._after_load = ""
        self.did_load.emit()

    def show_item(self, value: Any) -> None:
        m: MergeRecord = value
        state = (
            translate("MergesTab", "Undone {when}.").format(
                when=when.moment(m.undone_at, short=True, localized=True)
            )
            if m.undone_at is not None
            else translate(
                "MergesTab", "In force: searches for the merged record lead to the one that stayed."
            )
        )
        self.text.setText(
            translate(
                "MergesTab",
                "{merged} ({name}) was merged into {surviving} by {who}, {when}. {state}",
            ).format(
                merged=m.merged_mrn,
                name=m.merged_name,
                surviving=m.surviving_mrn,
                who=m.merged_by,
                when=when.moment(m.merged_at, short=True, localized=True),
                state=state,
            )
        )
        self.undo_button.setEnabled(not m.undone)
        self.confirm_button.hide()

    def start_new(self) -> None:
        self.text.setText(translate("MergesTab", "No merges yet."))
        self.undo_button.setEnabled(False)
        self.confirm_button.hide()

    def _ask(self) -> None:
        self.confirm_button.show()
        self.confirm_button.setFocus()
        m = self.current()
        if m is not None:
            self.say(
                translate(
                    "MergesTab",
                    "Undo: {record} becomes a record of its own again and gets back what "
                    "the merge moved. Press “Yes, undo it” to go on.",
                ).format(record=m.merged_mrn)
            )

    def _undo(self) -> None:
        m: MergeRecord | None = self.current()
        self.confirm_button.hide()
        if m is None:
            return
        merge_id = m.id
        self.call(
            lambda db, actor: patient_merge.undo(db, actor, merge_id),
            self._undone,
            saving=translate("MergesTab", "Undoing the merge…"),
        )

    def _undone(self, undone: UndoDone) -> None:
        self._after_load = translate(
            "MergesTab", "Merge undone: {record} is a record of its own again."
        ).format(record=undone.restored.mrn)
        self.did_save.emit(undone)
        self.load()


def _line(m: MergeRecord) -> str:
    undone = translate("MergesTab", " (undone)") if m.undone else ""
    day = when.short_day(m.merged_at.astimezone(), localized=True)
    return f"{day}: {m.merged_mrn} → {m.surviving_mrn}{undone}"
