"""The side panel of the schedule: the chosen visit, cancel, reschedule, and the waitlist."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from intake.domain.booking import SlotOffer
from intake.domain.enums import CancelledBy, WaitlistStatus
from intake.domain.schedule import DaySchedule, ScheduleBlock, WaitlistMatch, WeekSchedule
from intake.domain.visit_rules import is_late_cancellation
from intake.ui import keys, when
from intake.ui.booking.slot_model import SlotModel
from intake.ui.booking.slot_view import SlotView
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.schedule.canvas import (
    STATUS_MARKS,
    clock,
    course_words,
    review_mark,
    status_word,
)

# The schedule page's key to its colours, marks and keys (translated where shown).
LEGEND = QT_TRANSLATE_NOOP(
    "SchedulePage",
    "Dotted green: free, double-click or Shift+arrows then Enter books · Grey: not "
    "working or closed · Hatched: time off or closure · Card colour and code: visit type · "
    "⚑ Review: intake not yet reviewed · ✔ checked in · ✔✔ completed · ✖ no-show · "
    "Arrows choose · Enter opens patient · drag moves (Esc cancels) · Menu key: "
    "actions · Alt+←/→ day · Alt+↑/↓ location",
)

# The schedule page's actions (menu, buttons, keys), translated where made.
ACTIONS = (
    QT_TRANSLATE_NOOP("SchedulePage", "Open patient"),
    QT_TRANSLATE_NOOP("SchedulePage", "Check in"),
    QT_TRANSLATE_NOOP("SchedulePage", "Completed"),
    QT_TRANSLATE_NOOP("SchedulePage", "No-show…"),
    QT_TRANSLATE_NOOP("SchedulePage", "Undo no-show"),
    QT_TRANSLATE_NOOP("SchedulePage", "Cancel with reason…"),
    QT_TRANSLATE_NOOP("SchedulePage", "Reschedule…"),
    QT_TRANSLATE_NOOP("SchedulePage", "Previous day"),
    QT_TRANSLATE_NOOP("SchedulePage", "Next day"),
    QT_TRANSLATE_NOOP("SchedulePage", "Today"),
    QT_TRANSLATE_NOOP("SchedulePage", "Previous location or therapist"),
    QT_TRANSLATE_NOOP("SchedulePage", "Next location or therapist"),
    QT_TRANSLATE_NOOP("SchedulePage", "Refresh"),
    QT_TRANSLATE_NOOP("SchedulePage", "Show the schedule"),
    QT_TRANSLATE_NOOP("SchedulePage", "Waitlist"),
    QT_TRANSLATE_NOOP("SchedulePage", "Print daily list…"),
    QT_TRANSLATE_NOOP("SchedulePage", "Save daily list as PDF…"),
    QT_TRANSLATE_NOOP("SchedulePage", "Export as CSV…"),
    QT_TRANSLATE_NOOP("SchedulePage", "Export as iCalendar…"),
)

# The usual reasons, each with who it says cancelled (a typed reason asks).
# Marked here, shown (and stored as chosen) in the staff's language.
CANCEL_REASONS = (
    (QT_TRANSLATE_NOOP("SchedulePanels", "Patient called to cancel"), CancelledBy.PATIENT),
    (QT_TRANSLATE_NOOP("SchedulePanels", "Patient is unwell"), CancelledBy.PATIENT),
    (QT_TRANSLATE_NOOP("SchedulePanels", "Transport problem"), CancelledBy.PATIENT),
    (QT_TRANSLATE_NOOP("SchedulePanels", "Clinic rescheduled"), CancelledBy.CLINIC),
    (QT_TRANSLATE_NOOP("SchedulePanels", "Therapist unavailable"), CancelledBy.CLINIC),
)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("scheduleSideTitle")
    label.setWordWrap(True)
    return label


class SidePanel(QWidget):
    """A panel beside the schedule that Escape dismisses (back to the visit's details)."""

    dismissed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismissed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class DetailsPanel(QWidget):
    """What the chosen block says, and its actions as buttons (with their keys)."""

    def __init__(self, buttons: list[QPushButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _heading(translate("SchedulePanels", "No visit chosen"))
        self.facts = QLabel(
            translate(
                "SchedulePanels", "Arrow keys choose a visit; the Menu key lists what you can do."
            )
        )
        self.facts.setObjectName("scheduleFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setAccessibleName(translate("SchedulePanels", "Chosen visit"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        for button in buttons:
            layout.addWidget(button)
        layout.addStretch(1)

    def show_block(self, block: ScheduleBlock | None) -> None:
        if block is None:
            self.title.setText(translate("SchedulePanels", "No visit chosen"))
            self.facts.setText(
                translate(
                    "SchedulePanels",
                    "Arrow keys choose a visit; the Menu key lists what you can do.",
                )
            )
            return
        start, end = block.local_start, block.local_end
        status = STATUS_MARKS[block.status] + status_word(block.status)
        lines = [
            f"<b>{clock(start.hour * 60 + start.minute)} – "
            f"{clock(end.hour * 60 + end.minute)}</b> {start.tzname()}",
            f"{block.type_name}",
            translate("SchedulePanels", "With {therapist} at {location}").format(
                therapist=block.therapist_name, location=block.location_code
            ),
            translate("SchedulePanels", "Status: {status}").format(status=status),
            translate("SchedulePanels", "Record no. {record}").format(record=block.patient_record),
        ]
        if block.needs_review:
            lines.append(
                translate(
                    "SchedulePanels", "<b>{mark}</b>: the intake waits for a therapist's review"
                ).format(mark=review_mark())
            )
        if block.series_number is not None:
            lines.append(course_words(block))
        self.title.setText(block.patient_name)
        self.facts.setText("<br>".join(lines))


class NoShowPanel(SidePanel):
    """ "Mark as a no-show?": Enter marks it, Esc keeps the visit booked."""

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _heading(translate("SchedulePanels", "Mark as a no-show?"))
        self.what = QLabel()
        self.what.setObjectName("noShowQuestion")
        self.what.setWordWrap(True)
        self.confirm_button = QPushButton(translate("SchedulePanels", "Mark as a no-show (Enter)"))
        self.confirm_button.setAccessibleName(translate("SchedulePanels", "Mark as a no-show"))
        self.confirm_button.setAutoDefault(True)  # Enter presses it while it has focus
        self.keep_button = QPushButton(translate("SchedulePanels", "Keep it booked (Esc)"))
        self.keep_button.setAccessibleName(translate("SchedulePanels", "Keep the visit booked"))
        self.confirm_button.clicked.connect(self.confirmed.emit)
        self.keep_button.clicked.connect(self.dismissed.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.what)
        layout.addWidget(self.confirm_button)
        layout.addWidget(self.keep_button)
        layout.addStretch(1)

    def ask(self, block: ScheduleBlock, undoable: bool) -> None:
        start = block.local_start
        undo = (
            translate(
                "SchedulePanels", "Undo no-show (Ctrl+Z) books it again until the end of the day."
            )
            if undoable
            else translate("SchedulePanels", "The visit's day is over: this cannot be undone.")
        )
        self.what.setText(
            translate(
                "SchedulePanels",
                "{patient} did not come to the {time} {zone} {type} with {therapist}? Their time "
                "is freed for a walk-in. {undo}",
            ).format(
                patient=block.patient_name,
                time=clock(start.hour * 60 + start.minute),
                zone=start.tzname(),
                type=block.type_name,
                therapist=block.therapist_name,
                undo=undo,
            )
        )


class CancelPanel(SidePanel):
    confirmed = Signal(str, object)  # the reason, and who cancelled (CancelledBy)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _heading(translate("SchedulePanels", "Cancel the visit"))
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        for text, by in CANCEL_REASONS:
            self.reason.addItem(translate("SchedulePanels", text), by.value)
        self.reason.setAccessibleName(translate("SchedulePanels", "Cancellation reason"))
        self.reason.setObjectName("cancelReason")
        self.by_patient = QRadioButton(translate("SchedulePanels", "The &patient"))
        self.by_patient.setAccessibleName(translate("SchedulePanels", "The patient cancelled"))
        self.by_clinic = QRadioButton(translate("SchedulePanels", "The &clinic"))
        self.by_clinic.setAccessibleName(translate("SchedulePanels", "The clinic cancelled"))
        self.who = QButtonGroup(self)
        self.who.addButton(self.by_patient)
        self.who.addButton(self.by_clinic)
        self.who.buttonToggled.connect(lambda _b, _on: self._show_late())
        self.who.buttonClicked.connect(lambda _b: self._chosen_by_hand())
        self._who_from_list = False  # set by a listed reason, not by the person
        self.late = QLabel()
        self.late.setObjectName("cancelLate")
        self.late.setWordWrap(True)
        self.confirm_button = QPushButton(translate("SchedulePanels", "Cancel the visit (Enter)"))
        self.confirm_button.setAccessibleName(translate("SchedulePanels", "Cancel the visit"))
        self.keep_button = QPushButton(translate("SchedulePanels", "Keep it (Esc)"))
        self.keep_button.setAccessibleName(translate("SchedulePanels", "Keep the visit"))
        self.confirm_button.clicked.connect(self._confirm)
        self.keep_button.clicked.connect(self.dismissed.emit)
        reason_line = self.reason.lineEdit()
        assert reason_line is not None  # the box is editable
        keys.enter_confirms(self.reason, self._confirm)
        self.reason.currentIndexChanged.connect(self._reason_chosen)
        reason_line.textEdited.connect(lambda _text: self._reason_typed())
        who = QHBoxLayout()
        who.addWidget(self.by_patient)
        who.addWidget(self.by_clinic)
        who.addStretch(1)
        form = QFormLayout()
        form.addRow(translate("SchedulePanels", "&Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("SchedulePanels", "Who cancelled?")))
        layout.addLayout(who)
        layout.addWidget(self.late)
        layout.addWidget(self.confirm_button)
        layout.addWidget(self.keep_button)
        layout.addStretch(1)
        self._block: ScheduleBlock | None = None
        self._now: dt.datetime | None = None

    def ask(self, block: ScheduleBlock, now: dt.datetime) -> None:
        self._block, self._now = block, now
        start = block.local_start
        self.what.setText(
            translate(
                "SchedulePanels",
                "{patient}, {time} {zone}, {type}. Choose or type the reason, and say who "
                "cancelled: only a patient's cancellation can count as late.",
            ).format(
                patient=block.patient_name,
                time=clock(start.hour * 60 + start.minute),
                zone=start.tzname(),
                type=block.type_name,
            )
        )
        self.reason.setCurrentIndex(0)
        self._reason_chosen(0)
        self.reason.setFocus()
        reason_line = self.reason.lineEdit()
        assert reason_line is not None  # the box is editable
        reason_line.selectAll()

    def cancelled_by(self) -> CancelledBy | None:
        if self.by_patient.isChecked():
            return CancelledBy.PATIENT
        if self.by_clinic.isChecked():
            return CancelledBy.CLINIC
        return None

    def _reason_chosen(self, index: int) -> None:
        """A listed reason says who cancelled; the buttons show it (and can be changed)."""
        by = self.reason.itemData(index) if index >= 0 else None
        button = {CancelledBy.PATIENT: self.by_patient, CancelledBy.CLINIC: self.by_clinic}
        if isinstance(by, str) and by:
            button[CancelledBy(by)].setChecked(True)
            self._who_from_list = True
        else:
            self._reason_typed()

    def _chosen_by_hand(self) -> None:
        self._who_from_list = False

    def _reason_typed(self) -> None:
        """A reason of one's own: who cancelled is asked, not guessed from the list."""
        if not self._who_from_list and self.cancelled_by() is not None:
            return  # the person said it already
        self._who_from_list = False
        self.who.setExclusive(False)
        self.by_patient.setChecked(False)
        self.by_clinic.setChecked(False)
        self.who.setExclusive(True)
        self._show_late()

    def _show_late(self) -> None:
        by, block, now = self.cancelled_by(), self._block, self._now
        if by is None:
            self.late.setText(
                translate(
                    "SchedulePanels", "Who cancelled: the patient (Alt+P) or the clinic (Alt+C)?"
                )
            )
        elif block is not None and now is not None and is_late_cancellation(block.start, now, by):
            self.late.setText(
                translate(
                    "SchedulePanels",
                    "Under 24 hours before the visit: marked as a late cancellation.",
                )
            )
        else:
            self.late.setText(translate("SchedulePanels", "Not a late cancellation."))

    def _confirm(self) -> None:
        self.confirmed.emit(self.reason.currentText().strip(), self.cancelled_by())


class ReschedulePanel(SidePanel):
    """Pick a new slot from the slot finder: arrows choose, Enter moves the visit."""

    search_requested = Signal()
    chosen = Signal(object)  # SlotOffer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _heading(translate("SchedulePanels", "Move the visit"))
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.any_location = QCheckBox(translate("SchedulePanels", "Any location"))
        self.any_location.setAccessibleName(translate("SchedulePanels", "Search every location"))
        self.any_location.toggled.connect(lambda _on: self.search_requested.emit())
        self.model = SlotModel(self)
        self.view = SlotView()
        self.view.setAccessibleName(translate("SchedulePanels", "Free slots to move the visit to"))
        self.view.setModel(self.model)
        # The visit keeps its length, and the side panel is narrow: its end time gives way
        # so the therapist stays in view (the tooltip and screen reader still say it).
        self.view.setColumnHidden(1, True)
        self.view.slot_was_chosen.connect(self._choose)
        self.move_button = QPushButton(
            translate("SchedulePanels", "Move to the chosen slot (Enter)")
        )
        self.move_button.setAccessibleName(translate("SchedulePanels", "Move to the chosen slot"))
        self.move_button.clicked.connect(self._choose)
        self.back_button = QPushButton(translate("SchedulePanels", "Back (Esc)"))
        self.back_button.setAccessibleName(translate("SchedulePanels", "Back to the visit"))
        self.back_button.clicked.connect(self.dismissed.emit)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("rescheduleNote")
        self._visit = ""
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.what)
        layout.addWidget(self.any_location)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.move_button)
        layout.addWidget(self.back_button)

    def ask(self, block: ScheduleBlock) -> None:
        start = block.local_start
        self._visit = translate("SchedulePanels", "{patient}, now {day}, {time}.").format(
            patient=block.patient_name,
            day=when.short_day(start, localized=True),
            time=clock(start.hour * 60 + start.minute),
        )
        self.model.set_offers([])
        self.searching()

    def searching(self) -> None:
        self.what.setText(
            translate("SchedulePanels", "{visit} Searching free slots…").format(visit=self._visit)
        )
        self.note.clear()

    def show_offers(self, offers: list[SlotOffer], note: str = "") -> None:
        found = (  # one sentence for one slot and one for the rest (no %n plurals yet)
            translate(
                "SchedulePanels", "{visit} 1 free slot: arrows choose, Enter moves the visit."
            )
            if len(offers) == 1
            else translate(
                "SchedulePanels",
                "{visit} {count} free slots: arrows choose, Enter moves the visit.",
            )
        )
        self.what.setText(found.format(visit=self._visit, count=len(offers)))
        self.model.set_offers(offers)
        self.view.show_groups()
        self.view.choose(self.model.first_slot())
        self.note.setText(
            note
            or (
                ""
                if offers
                else translate("SchedulePanels", "No free slot found in the next 14 days.")
            )
        )
        self.view.setFocus()

    def _choose(self) -> None:
        offer = self.view.current_offer()
        if offer is not None:
            self.chosen.emit(offer)


class _WaitlistList(QListWidget):
    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class WaitlistPanel(SidePanel):
    """The patients waiting for a freed slot, most urgent first. Enter offers, Enter books."""

    offer_requested = Signal(object)  # WaitlistMatch
    book_requested = Signal(object)  # WaitlistMatch

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _heading(translate("SchedulePanels", "Waitlist for the freed slot"))
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.list = _WaitlistList()
        self.list.setObjectName("waitlistMatches")
        self.list.setAccessibleName(
            translate("SchedulePanels", "Waiting patients who fit the freed slot")
        )
        self.list.entered.connect(self._enter)
        self.list.itemDoubleClicked.connect(lambda _item: self._enter())
        self.offer_button = QPushButton(translate("SchedulePanels", "Offer the slot (Enter)"))
        self.offer_button.setAccessibleName(
            translate("SchedulePanels", "Offer the slot to the chosen patient")
        )
        self.offer_button.clicked.connect(self._offer)
        self.book_button = QPushButton(
            translate("SchedulePanels", "Book it (Enter after offering)")
        )
        self.book_button.setAccessibleName(
            translate("SchedulePanels", "Book the slot for the chosen patient")
        )
        self.book_button.clicked.connect(self._book)
        self.close_button = QPushButton(translate("SchedulePanels", "Done (Esc)"))
        self.close_button.setAccessibleName(translate("SchedulePanels", "Close the waitlist"))
        self.close_button.clicked.connect(self.dismissed.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.what)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.offer_button)
        layout.addWidget(self.book_button)
        layout.addWidget(self.close_button)
        self.matches: list[WaitlistMatch] = []

    def show_matches(self, freed_text: str, matches: list[WaitlistMatch]) -> None:
        self.matches = list(matches)
        self.what.setText(
            translate("SchedulePanels", "Freed: {slot}.").format(slot=freed_text)
            + " "
            + (
                translate(
                    "SchedulePanels",
                    "Enter offers the slot to the highlighted patient; Enter again books it.",
                )
                if matches
                else translate("SchedulePanels", "Nobody on the waitlist fits this time.")
            )
        )
        self.list.clear()
        for number, match in enumerate(self.matches, start=1):
            item = QListWidgetItem(self._text(number, match))
            item.setData(Qt.ItemDataRole.UserRole, match.entry.id)
            self.list.addItem(item)
        if self.matches:
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def replace(self, match: WaitlistMatch) -> None:
        for row, old in enumerate(self.matches):
            if old.entry.id == match.entry.id:
                self.matches[row] = match
                self.list.item(row).setText(self._text(row + 1, match))

    def remove(self, entry_id: int) -> None:
        for row, old in enumerate(self.matches):
            if old.entry.id == entry_id:
                del self.matches[row]
                self.list.takeItem(row)
                return

    def current(self) -> WaitlistMatch | None:
        row = self.list.currentRow()
        return self.matches[row] if 0 <= row < len(self.matches) else None

    @staticmethod
    def _text(number: int, match: WaitlistMatch) -> str:
        entry = match.entry
        triage = {
            "review": "⚑ " + translate("SchedulePanels", "review"),
            "clear": translate("SchedulePanels", "clear"),
            None: translate("SchedulePanels", "no screening"),
        }.get(entry.triage, entry.triage or "")
        start = match.slot.local_start
        offered = (
            "  · " + translate("SchedulePanels", "OFFERED, Enter books")
            if entry.status == WaitlistStatus.OFFERED
            else ""
        )
        return (
            translate(
                "SchedulePanels",
                "{number}. {patient} · {triage} · waiting since {date} · {type} at {time}",
            ).format(
                number=number,
                patient=match.patient_name,
                triage=triage,
                date=when.date(entry.created_at.astimezone(), localized=True),
                type=match.slot.type_code,
                time=clock(start.hour * 60 + start.minute),
            )
            + offered
        )

    def _enter(self) -> None:
        match = self.current()
        if match is None:
            return
        if match.entry.status == WaitlistStatus.OFFERED:
            self.book_requested.emit(match)
        else:
            self.offer_requested.emit(match)

    def _offer(self) -> None:
        if (match := self.current()) is not None:
            self.offer_requested.emit(match)

    def _book(self) -> None:
        if (match := self.current()) is not None:
            self.book_requested.emit(match)


def summary_text(schedule: DaySchedule | WeekSchedule, lanes: int) -> str:
    """The line over the schedule: its columns, visits, intakes to review (and a closure)."""
    visits = sum(1 for b in schedule.blocks if b.holds_time)
    review = sum(1 for b in schedule.blocks if b.needs_review)
    text = translate(
        "SchedulePage", "Columns: {lanes} · visits: {visits} · to review: {review}"
    ).format(lanes=lanes, visits=visits, review=review)
    if isinstance(schedule, DaySchedule) and schedule.closed:
        text += " · " + translate("SchedulePage", "Closed") + f" {schedule.closure_reason}"
    return text


def zone_label(schedule: DaySchedule | WeekSchedule) -> str:
    """The time axis' zone, as the clock on the wall names it (EST / EDT, CST...)."""
    if isinstance(schedule, DaySchedule):
        noon = dt.datetime.combine(schedule.day, dt.time(12), schedule.zone)
        return noon.tzname() or schedule.timezone
    zones = {p.timezone for p in schedule.locations}
    if len(zones) == 1:
        noon = dt.datetime.combine(schedule.first_day, dt.time(12), ZoneInfo(zones.pop()))
        return noon.tzname() or ""
    return translate("SchedulePage", "local")
