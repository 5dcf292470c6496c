"""One patient's record on screen: who it is and what to weigh at a glance (upcoming visits,
no-shows, late cancellations, the note for the desk), the actions, and tabs for the details
(edited), the intakes, the appointments, the waitlist and the record's history.

Rows lead to the thing itself: `intake_was_chosen`, `visit_was_chosen`; the area's owner
(startup) decides where that goes. `add_action(button)` puts another action in the row
("Merge into…" goes there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake.domain.booking import WaitlistEntryInfo, WaitlistLine
from intake.domain.enums import IntakeStatus, WaitlistStatus
from intake.domain.patient import PatientInfo, age_on
from intake.domain.patient_record import PatientRecord, VisitCounts
from intake.services import self_intake
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui import when
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.patients.record_form import RecordForm
from intake.ui.patients.record_lists import (
    RecordList,
    history_rows,
    intake_rows,
    visit_groups,
    waitlist_rows,
    waitlist_wishes,
)
from intake.ui.patients.tablet_handover import TabletHandoverDialog
from intake.ui.waitlist.entry_form import edit_waitlist_entry, open_waitlist_entry
from intake.ui.worker import failure_text

DETAILS, INTAKES, VISITS, WAITLIST, HISTORY = range(5)


class RecordView(QWidget):
    intake_was_chosen = Signal(object)  # an IntakeLine of this patient
    visit_was_chosen = Signal(object)  # a Visit of this patient
    intake_was_requested = Signal(int)  # "Start intake": the patient id
    tablet_was_handed = Signal(int)  # "Start self-intake on tablet": the patient id
    tablet_dialog_did_open = Signal(object)  # the TabletHandoverDialog asking which tablet
    record_did_change = Signal()  # something shown here was changed from here: read it again

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
        may_start_intake: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordView")
        self._clock = clock
        self.record: PatientRecord | None = None
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setAccessibleName(translate("RecordView", "Patient"))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setObjectName("recordFacts")
        self.facts.setAccessibleName(translate("RecordView", "Visits at a glance"))
        self.facts.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("deskNote")
        self.note.setAccessibleName(translate("RecordView", "Note for the desk"))
        self.note.setWordWrap(True)
        self.start_intake = QPushButton(translate("RecordView", "Start intake"))
        self.start_intake.setAccessibleName(
            translate("RecordView", "Start a new intake for this patient")
        )
        self.start_intake.clicked.connect(self._start_intake)
        self.start_intake.setVisible(may_start_intake)
        self.start_on_tablet = QPushButton(translate("RecordView", "Start self-intake on tablet…"))
        self.start_on_tablet.setObjectName("startOnTablet")
        self.start_on_tablet.setAccessibleName(
            translate("RecordView", "Hand the waiting-room tablet to this patient")
        )
        self.start_on_tablet.clicked.connect(self.hand_to_tablet)
        self.start_on_tablet.setVisible(may_start_intake)
        self.tablet_status = QLabel()
        self.tablet_status.setObjectName("tabletStatus")
        self.tablet_status.setAccessibleName(translate("RecordView", "Tablet"))
        self.tablet_status.setWordWrap(True)
        self.tablet_status.hide()
        self.tablet_dialog: TabletHandoverDialog | None = None
        self._context = context
        self.form = RecordForm(context)
        self.form.record_was_saved.connect(self._saved)
        self.intakes = RecordList(
            translate("RecordView", "Intakes"),
            (
                translate("RecordView", "Started"),
                translate("RecordView", "Triage"),
                translate("RecordView", "State"),
                "",
            ),
        )
        self.intakes.item_was_chosen.connect(self.intake_was_chosen.emit)
        self.visits = RecordList(
            translate("RecordView", "Appointments"),
            (
                translate("RecordView", "When"),
                translate("RecordView", "Type"),
                translate("RecordView", "With · where"),
                translate("RecordView", "Status"),
            ),
        )
        self.visits.item_was_chosen.connect(self.visit_was_chosen.emit)
        self.waitlist = RecordList(
            translate("RecordView", "Waitlist entries"),
            (
                translate("RecordView", "Added"),
                translate("RecordView", "Visit"),
                translate("RecordView", "Status"),
                translate("RecordView", "Wishes"),
            ),
        )
        self.waitlist.item_was_chosen.connect(self._show_entry)
        self.add_waiting = QPushButton(translate("RecordView", "Add to waitlist…"))
        self.add_waiting.setAccessibleName(
            translate("RecordView", "Put this patient on the waitlist")
        )
        self.add_waiting.clicked.connect(self._add_to_waitlist)
        self.waitlist_detail = QLabel()
        self.waitlist_detail.setObjectName("waitlistDetail")
        self.waitlist_detail.setWordWrap(True)
        self.history = RecordList(
            translate("RecordView", "Record history"),
            (
                translate("RecordView", "When"),
                translate("RecordView", "Who"),
                translate("RecordView", "What"),
                translate("RecordView", "Fields"),
            ),
        )
        self.history_note = QLabel()
        self.history_note.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("recordTabs")
        self._build()

    # --- public -----------------------------------------------------------------------------

    def add_action(self, button: QPushButton) -> None:
        """Another action on the record, in the row beside "Start intake" (e.g. merging)."""
        self._actions.addWidget(button)

    def show_record(self, record: PatientRecord) -> None:
        if self.record is None or self.record.patient.id != record.patient.id:
            self.tablet_status.hide()  # the handover note was about another patient
        self.record = record
        now = self._now()
        self._show_header(record.patient, record.counts(now))
        self.form.show_record(record.patient)
        self.intakes.show_rows(
            [("", intake_rows(record))], translate("RecordView", "No intakes yet.")
        )
        self.visits.show_rows(
            visit_groups(record, now), translate("RecordView", "No appointments yet.")
        )
        self.waitlist.show_rows(
            [("", waitlist_rows(record))], translate("RecordView", "Not on the waitlist.")
        )
        self.waitlist_detail.setText("")
        if record.history is None:
            self.history.show_rows(
                [], translate("RecordView", "The record's history is shown to admins.")
            )
            self.history_note.setText("")
        else:
            self.history.show_rows(
                [("", history_rows(record.history))], translate("RecordView", "No history.")
            )
            self.history_note.setText(
                translate("RecordView", "Older events are in the audit trail (Admin area).")
                if record.history_more
                else ""
            )
        self.tabs.setTabText(
            INTAKES, translate("RecordView", "&Intakes ({count})").format(count=len(record.intakes))
        )
        self.tabs.setTabText(
            VISITS,
            translate("RecordView", "A&ppointments ({count})").format(count=len(record.visits)),
        )
        self.tabs.setTabText(
            WAITLIST,
            translate("RecordView", "&Waitlist ({count})").format(count=len(record.waitlist)),
        )

    def patient_id(self) -> int | None:
        return self.record.patient.id if self.record is not None else None

    # --- showing ----------------------------------------------------------------------------

    def _show_header(self, info: PatientInfo, counts: VisitCounts) -> None:
        preferred = f" ({info.preferred_name})" if info.preferred_name else ""
        self.title.setText(f"{info.family_name}, {info.given_name}{preferred}")
        born = ""
        if info.date_of_birth is not None:
            age = age_on(info.date_of_birth, self._now().date())
            born = translate("RecordView", "born {date} (age {age}) · ").format(
                date=when.date(info.date_of_birth, localized=True), age=age
            )
        parts = [
            born + translate("RecordView", "Record no. {record}").format(record=info.mrn),
            translate("RecordView", "{count} upcoming").format(count=counts.upcoming),
            translate("RecordView", "{count} completed").format(count=counts.completed),
            _counted(
                counts.no_shows,
                translate("RecordView", "{count} no-show"),
                translate("RecordView", "{count} no-shows"),
                "✖",
            ),
            _counted(
                counts.late_cancellations,
                translate("RecordView", "{count} late cancellation"),
                translate("RecordView", "{count} late cancellations"),
                "⚠",
            ),
            translate(
                "RecordView", "cancelled: {patient} by the patient, {clinic} by the clinic"
            ).format(patient=counts.cancelled_by_patient, clinic=counts.cancelled_by_clinic),
        ]
        self.facts.setText(" · ".join(parts))
        self.note.setText(f"✎ {info.desk_note}" if info.desk_note else "")
        self.note.setVisible(bool(info.desk_note))

    def _saved(self, info: PatientInfo) -> None:
        if self.record is not None:
            self.record = replace(self.record, patient=info)
            self._show_header(info, self.record.counts(self._now()))

    def _show_entry(self, entry: WaitlistEntryInfo) -> None:
        """Enter on an open entry edits it (the waitlist's own form); a closed one is told."""
        created = when.moment(entry.created_at, short=True, localized=True)
        self.waitlist_detail.setText(
            translate("RecordView", "Added {when} · {visit} · {status} · {wishes}").format(
                when=created,
                visit=entry.type_code or translate("RecordView", "any visit"),
                status=entry.status.value,
                wishes=waitlist_wishes(entry),
            )
        )
        if self.record is None or entry.status not in OPEN_ENTRY:
            return
        line = WaitlistLine(entry, self.title.text(), self.record.patient.mrn)
        edit_waitlist_entry(
            self, self._context, line, on_done=lambda _e: self.record_did_change.emit()
        )

    def _add_to_waitlist(self) -> None:
        if self.record is None:
            return
        patient = self.record.patient
        # The newest finished intake carries the triage (the urgency); without one, an
        # evaluation is refused in words by the form, as booking would refuse it.
        finished = (IntakeStatus.SUBMITTED, IntakeStatus.REVIEWED)
        intake = next((i.id for i in self.record.intakes if i.status in finished), None)
        open_waitlist_entry(
            self,
            self._context,
            patient.id,
            intake,
            patient_label=f"{self.title.text()} · {patient.mrn}",
            on_done=lambda _e: self.record_did_change.emit(),
        )

    def _start_intake(self) -> None:
        if (patient := self.patient_id()) is not None:
            self.intake_was_requested.emit(patient)

    def hand_to_tablet(self) -> None:
        """Hand a location's waiting-room tablet to this patient (asked in a small dialog,
        this PC's last choice first): it offers "Ready for …" (their first name and last
        initial) for a short while, and skips identification."""
        patient = self.patient_id()
        if patient is None:
            return
        self.start_on_tablet.setEnabled(False)
        name = self.title.text()

        def work(database: Database, actor: Actor) -> list[self_intake.TabletLocation]:
            return self_intake.tablet_locations(database, actor)

        def failed(error: BaseException) -> None:
            self.start_on_tablet.setEnabled(True)
            self.tablet_status.setText(failure_text(error))
            self.tablet_status.show()

        self._context.run(
            work, lambda found: self._ask_tablet(patient, name, found), failed, owner=self
        )

    def _ask_tablet(
        self, patient: int, name: str, locations: list[self_intake.TabletLocation]
    ) -> None:
        dialog = TabletHandoverDialog(self, name, locations)
        dialog.location_was_chosen.connect(lambda chosen: self._hand_over(patient, chosen))
        dialog.rejected.connect(lambda: self.start_on_tablet.setEnabled(True))
        dialog.finished.connect(dialog.deleteLater)
        self.tablet_dialog = dialog
        self.tablet_dialog_did_open.emit(dialog)
        dialog.open()

    def _hand_over(self, patient: int, location_id: int | None) -> None:
        def work(database: Database, actor: Actor) -> int:
            return self_intake.start_on_tablet(database, actor, patient, location_id=location_id).id

        def done(_intake_id: int) -> None:
            self.start_on_tablet.setEnabled(True)
            self.tablet_status.setText(
                translate(
                    "RecordView",
                    "The tablet shows “Ready for” this patient for {minutes} minutes: hand it "
                    "over. Their answers come back as a draft marked “from tablet”.",
                ).format(minutes=self_intake.HANDOVER_MINUTES)
            )
            self.tablet_status.show()
            self.tablet_was_handed.emit(patient)
            self.record_did_change.emit()

        def failed(error: BaseException) -> None:
            self.start_on_tablet.setEnabled(True)
            self.tablet_status.setText(failure_text(error))
            self.tablet_status.show()

        self._context.run(work, done, failed, owner=self)

    def _now(self) -> dt.datetime:
        return self._clock() if self._clock else dt.datetime.now(dt.UTC)

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.tabs.addTab(self.form, translate("RecordView", "&Details"))
        # Handing the tablet over sits with the intakes (the heading's row has no room left
        # on a 1024-px screen); its note stays under the list.
        intakes = QWidget()
        column = QVBoxLayout(intakes)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intakes, 1)
        column.addWidget(self.tablet_status)
        column.addWidget(self.start_on_tablet, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(intakes, translate("RecordView", "&Intakes"))
        self.tabs.addTab(self.visits, translate("RecordView", "A&ppointments"))
        waitlist = QWidget()
        column = QVBoxLayout(waitlist)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.waitlist, 1)
        column.addWidget(self.waitlist_detail)
        column.addWidget(self.add_waiting, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(waitlist, translate("RecordView", "&Waitlist"))
        history = QWidget()
        column = QVBoxLayout(history)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.history, 1)
        column.addWidget(self.history_note)
        self.tabs.addTab(history, translate("RecordView", "Hi&story"))
        self._actions = QHBoxLayout()
        self._actions.addWidget(self.start_intake)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addLayout(self._actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)


OPEN_ENTRY = (WaitlistStatus.WAITING, WaitlistStatus.OFFERED)


def _counted(count: int, one: str, more: str, mark: str) -> str:
    text = (one if count == 1 else more).format(count=count)
    return f"{mark} {text}" if count else text
