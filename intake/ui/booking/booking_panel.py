"""Book the evaluation from the intake: filters, free slots by day and place, one key to book.

Every database call runs through `UiContext.run`. Each search carries a number; a result
that arrives after a newer search (or after a lost race showed its alternatives) is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.domain.booking import (
    BookingConflict,
    BookingRequest,
    SecondEvaluation,
    SlotOffer,
    Visit,
    WaitlistEntryInfo,
)
from intake.domain.practice import AppointmentTypeInfo, LocationInfo, TherapistInfo
from intake.services import booking, practice_admin, slot_finder, staffing
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui import keys
from intake.ui.booking import second_evaluation, wording
from intake.ui.booking.confirmation import BookingConfirmation
from intake.ui.booking.filter_bar import FilterBar
from intake.ui.booking.slot_model import SlotModel
from intake.ui.booking.slot_view import SlotView
from intake.ui.context import UiContext
from intake.ui.flow_layout import wrapped_row
from intake.ui.i18n import translate
from intake.ui.status_line import action_button, say
from intake.ui.waitlist.entry_form import WaitlistEntryForm, open_waitlist_entry
from intake.ui.worker import Failure, failure_text

BUSY_AFTER_MS = 150
SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 60
BOOK_KEY = QKeySequence("Ctrl+B")
SEARCH_KEY = QKeySequence("F5")
WAITLIST_KEY = QKeySequence("Ctrl+Shift+L")


@dataclass(frozen=True)
class _Choices:
    locations: list[LocationInfo]
    types: list[AppointmentTypeInfo]
    therapists: list[TherapistInfo]


def _load_choices(database: Database, actor: Actor) -> _Choices:
    return _Choices(
        practice_admin.list_locations(database, actor),
        practice_admin.list_appointment_types(database, actor),
        staffing.list_therapists(database, actor),
    )


class BookingPanel(QWidget):
    visit_was_booked = Signal(object)  # the Visit
    waitlist_was_added = Signal(object)  # the WaitlistEntryInfo
    choices_did_load = Signal()
    slots_did_load = Signal(int)  # how many slots are listed
    search_did_fail = Signal(str)
    booking_did_conflict = Signal(str)  # the message; the alternatives are in the list
    booking_did_fail = Signal(str)  # refused by the service, or another error
    busy_did_change = Signal(bool)
    return_was_requested = Signal()  # "back" on the booked visit's page
    second_evaluation_was_asked = Signal(object)  # the question (a QMessageBox), now open

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookingPanel")
        self.ctx = ctx
        self._clock = clock
        self.patient_id: int | None = None
        self.intake_id: int | None = None
        self._allowed, self._blocked_reason = True, ""
        self._search_number = 0
        self._pending = 0
        self._booking = False
        self._keep_banner = False
        # Children are made with their parent (see IntakeWizard._build for why).
        self.filters = FilterBar(self)
        self.model = SlotModel(self)
        self.view = SlotView(self)
        self.view.setModel(self.model)
        self.view.give_way_when_narrow()
        self.banner = QLabel()
        self.banner.setObjectName("bookingBanner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(translate("BookingPanel", "Lost booking race"))
        self.banner.hide()
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setAccessibleName(translate("BookingPanel", "Working"))
        self.busy_bar.setTextVisible(False)
        self.busy_label = QLabel(translate("BookingPanel", "Searching…"))
        self.busy_label.setObjectName("busyLabel")
        self.status = QLabel()
        self.status.setObjectName("bookingStatus")
        self.status.setAccessibleName(translate("BookingPanel", "Booking status"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.search_action = keys.means(
            self._action(translate("BookingPanel", "Search again"), SEARCH_KEY, self.search_now),
            keys.REFRESH,
        )
        self.book_action = self._action(
            translate("BookingPanel", "Book selected slot"), BOOK_KEY, self.book_selected
        )
        self.search_button = action_button(
            self.search_action, translate("BookingPanel", "&Search again (F5)")
        )
        self.book_button = action_button(
            self.book_action, translate("BookingPanel", "Boo&k selected slot (Ctrl+B)")
        )
        self.book_button.setObjectName("bookButton")
        self.waitlist_action = self._action(
            translate("BookingPanel", "No suitable slot — add to waitlist"),
            WAITLIST_KEY,
            self.add_to_waitlist,
        )
        self.waitlist_button = action_button(
            self.waitlist_action, translate("BookingPanel", "No suitable slot — add to &waitlist…")
        )  # its key is in the tooltip and the status line: the row stays narrow at 1024 px
        self.waitlist_button.setObjectName("waitlistButton")
        self.waitlist_form: WaitlistEntryForm | None = None  # open while it is
        self._confirmation: BookingConfirmation | None = None  # built at the first booking
        self.question: QMessageBox | None = None  # "book a second evaluation?" while open
        self.pages = QStackedWidget(self)
        self._busy_timer = _single_shot(self, BUSY_AFTER_MS, self._show_busy)
        self._search_timer = _single_shot(self, SEARCH_DELAY_MS, self.search_now)
        self._build()
        self._connect()
        self._set_busy_visible(False)
        self.filters.set_first_day(self._now().astimezone().date())
        self._update_book_action()
        self._say("info", translate("BookingPanel", "Loading locations and appointment types…"))
        self._run(_load_choices, self._choices_arrived, self._choices_failed)

    # --- the public face ---------------------------------------------------------------

    def set_patient(self, patient_id: int, intake_id: int | None) -> None:
        """Whom the booking is for (and the screened intake that allows it, if any)."""
        self.patient_id, self.intake_id = patient_id, intake_id
        self.pages.setCurrentIndex(0)
        self._update_book_action()
        if self._allowed:
            self._say("info", translate("BookingPanel", "Choose a slot and press Enter to book."))

    def set_booking_allowed(self, allowed: bool, reason: str) -> None:
        """The screening's verdict: when not allowed, slots can be seen but not booked."""
        self._allowed, self._blocked_reason = allowed, reason
        self._update_book_action()
        if not allowed:
            self._say(
                "blocked",
                translate("BookingPanel", "Booking blocked: {reason}").format(reason=reason),
            )
        elif self.status.property("tone") == "blocked":
            self._say(
                "info", translate("BookingPanel", "Booking allowed. Choose a slot and press Enter.")
            )

    @property
    def confirmation(self) -> BookingConfirmation:
        """The booked visit's page; built the first time it is needed, not with the panel."""
        if self._confirmation is None:
            page = BookingConfirmation(self.ctx, self.pages)
            self.pages.addWidget(page)
            page.return_was_requested.connect(self._back_to_slots)
            page.return_was_requested.connect(self.return_was_requested)
            page.calendar_was_saved.connect(
                lambda path: self._say(
                    "done",
                    translate("BookingPanel", "Calendar file saved: {path}").format(path=path),
                )
            )
            page.pdf_was_saved.connect(
                lambda path: self._say(
                    "done", translate("BookingPanel", "PDF saved: {path}").format(path=path)
                )
            )
            page.visit_was_printed.connect(
                lambda: self._say(
                    "done", translate("BookingPanel", "Confirmation sent to the printer.")
                )
            )
            page.export_did_fail.connect(lambda m: self._say("error", m))
            self._confirmation = page
        return self._confirmation

    def booking_allowed(self) -> bool:
        return self.book_action.isEnabled()

    @classmethod
    def second_evaluation_question(cls, parent: QWidget, existing: Visit) -> QMessageBox:
        """Asked before a second initial evaluation (replaceable, as for scripts)."""
        return second_evaluation.question(parent, existing)

    def status_text(self) -> str:
        return self.status.text()

    # --- the waitlist ------------------------------------------------------------------

    def add_to_waitlist(self) -> None:
        """No slot suits the caller: the waitlist form, with the filters' wishes ticked."""
        if not self.waitlist_action.isEnabled():
            self._say("blocked", self._why_not())
            return
        assert self.patient_id is not None  # the action is enabled only with a patient
        form = open_waitlist_entry(
            self,
            self.ctx,
            self.patient_id,
            self.intake_id,
            type_code=self.filters.type_code() or "EVAL60",
            on_done=self._waitlisted,
        )
        request = self.filters.request(limit=1)
        form.start_from(request.weekdays, request.parts_of_day, request.therapist_id)
        form.finished.connect(lambda _result: self._waitlist_closed())
        self.waitlist_form = form

    def _waitlisted(self, entry: WaitlistEntryInfo) -> None:
        self._say(
            "done",
            translate(
                "BookingPanel",
                "On the waitlist: the desk sees the offer when a matching slot frees.",
            ),
        )
        self.waitlist_was_added.emit(entry)

    def _waitlist_closed(self) -> None:
        self.waitlist_form = None
        self.view.setFocus()

    # --- searching ---------------------------------------------------------------------

    def search_soon(self) -> None:
        self._search_timer.start()

    def search_now(self) -> None:
        self._search_timer.stop()
        if not self.filters.type_code():
            return
        self._search_number += 1
        number = self._search_number
        request = self.filters.request(limit=SEARCH_LIMIT, earliest=self._earliest())
        self.busy_label.setText(translate("BookingPanel", "Searching…"))
        self._run(
            lambda db, actor: slot_finder.find(db, actor, request),
            lambda offers: self._slots_arrived(number, offers),
            lambda error: self._search_failed(number, failure_text(error)),
        )

    def _slots_arrived(self, number: int, offers: list[SlotOffer]) -> None:
        if number != self._search_number:
            return
        self.banner.setVisible(self._keep_banner)
        self._keep_banner = False
        self._show_offers(offers)
        if offers:
            self._say(
                "info",
                translate("BookingPanel", "{count} free slots, soonest first. Enter books.").format(
                    count=len(offers)
                ),
            )
        else:
            self._say(
                "warn",
                translate(
                    "BookingPanel",
                    "No free slots match. Widen the dates or clear a filter, "
                    "or add the caller to the waitlist (Ctrl+Shift+L).",
                ),
            )
        self.slots_did_load.emit(len(offers))

    def _search_failed(self, number: int, message: str) -> None:
        if number != self._search_number:
            return
        self._say(
            "error", translate("BookingPanel", "Search failed: {message}").format(message=message)
        )
        self.search_did_fail.emit(message)

    # --- booking -----------------------------------------------------------------------

    def book_selected(self) -> None:
        if not self.book_action.isEnabled():
            self._say("blocked", self._why_not())
            return
        offer = self.view.current_offer()
        if offer is None or self.patient_id is None:
            self._say(
                "warn",
                translate("BookingPanel", "Choose a slot first (arrow keys), then press Enter."),
            )
            return
        request = BookingRequest(
            patient_id=self.patient_id,
            therapist_id=offer.therapist_id,
            location_id=offer.location_id,
            start=offer.start,
            type_code=offer.type_code,
            intake_id=self.intake_id,
        )
        self._send(request, offer, second_ok=False)

    def _send(self, request: BookingRequest, offer: SlotOffer, *, second_ok: bool) -> None:
        now = self._clock() if self._clock else None
        self._booking = True
        self._update_book_action()
        self.busy_label.setText(translate("BookingPanel", "Booking…"))
        self._say(
            "info",
            translate("BookingPanel", "Booking {slot}…").format(slot=wording.offer_sentence(offer)),
        )
        self._run(
            lambda db, actor: _book_with_language(db, actor, request, now, second_ok),
            lambda answer: self._booking_answered(offer, *answer),
            lambda error: self._booking_failed(error, request, offer),
        )

    def _booking_answered(self, offer: SlotOffer, result: Visit, language: str = "en") -> None:
        self._booking = False
        self._update_book_action()
        self.banner.hide()
        # The booked slot leaves the list at once: "back to slots" never offers it again,
        # even before the new search is in.
        self.model.set_offers([o for o in self.model.offers() if o != offer])
        self.view.show_groups()
        self.view.choose(self.model.first_slot())
        self.confirmation.show_visit(result, language)
        self.pages.setCurrentWidget(self.confirmation)
        self._say(
            "done",
            translate("BookingPanel", "Booked: {visit}.").format(
                visit=wording.visit_sentence(result)
            ),
        )
        self.visit_was_booked.emit(result)

    def _lost_race(self, conflict: BookingConflict) -> None:
        self._search_number += 1  # a search still under way must not hide the alternatives
        message = failure_text(conflict)
        self._show_offers(conflict.alternatives)
        if conflict.alternatives:
            self.banner.setText(
                translate(
                    "BookingPanel",
                    "Not booked: {message} The nearest free slots are listed below; "
                    "Enter books the highlighted one. F5 searches again with your filters.",
                ).format(message=message)
            )
        else:
            self.banner.setText(
                translate(
                    "BookingPanel", "Not booked: {message} The list below is searched again."
                ).format(message=message)
            )
            self._keep_banner = True
            self.search_now()
        self.banner.show()
        self._say(
            "warn", translate("BookingPanel", "Not booked: {message}").format(message=message)
        )
        self.view.setFocus()
        self.booking_did_conflict.emit(message)

    def _booking_failed(
        self, error: BaseException, request: BookingRequest, offer: SlotOffer
    ) -> None:
        self._booking = False
        self._update_book_action()
        if isinstance(error, BookingConflict):  # a lost race: its alternatives are offered
            self._lost_race(error)
            return
        if isinstance(error, SecondEvaluation):  # booked only if the person says so
            self._ask_second_evaluation(error.existing, request, offer)
            return
        message = failure_text(error)
        self._say(
            "error", translate("BookingPanel", "Not booked: {message}").format(message=message)
        )
        self.booking_did_fail.emit(message)

    def _ask_second_evaluation(
        self, existing: Visit, request: BookingRequest, offer: SlotOffer
    ) -> None:
        self._booking = True  # nothing else is booked while the question is open
        self._update_book_action()
        self._say(
            "warn",
            translate("BookingPanel", "Already booked: {visit}.").format(
                visit=wording.visit_sentence(existing)
            ),
        )

        def answered(yes: bool) -> None:
            self.question = None
            self._booking = False
            self._update_book_action()
            if yes:
                self._send(request, offer, second_ok=True)
                return
            self._say(
                "info",
                translate("BookingPanel", "Not booked: the evaluation on {visit} stays.").format(
                    visit=wording.visit_sentence(existing)
                ),
            )
            self.view.setFocus()

        self.question = second_evaluation.ask(
            self, existing, answered, self.second_evaluation_question
        )
        self.second_evaluation_was_asked.emit(self.question)

    # --- loading choices ---------------------------------------------------------------

    def _choices_arrived(self, choices: _Choices) -> None:
        self.filters.set_choices(choices.locations, choices.types, choices.therapists)
        self._say("info", translate("BookingPanel", "Choose a slot and press Enter to book."))
        self.choices_did_load.emit()

    def _choices_failed(self, error: BaseException) -> None:
        self._say(
            "error",
            translate("BookingPanel", "Could not load the practice's locations: {message}").format(
                message=failure_text(error)
            ),
        )

    # --- helpers -----------------------------------------------------------------------

    def _run(
        self,
        work: Callable[[Database, Actor], Any],
        on_success: Callable[[Any], None],
        on_failure: Failure,
    ) -> None:
        """UiContext.run with the busy indicator: shown when a call takes over 150 ms."""
        self._pending += 1
        if not self._busy_timer.isActive() and not self.busy_bar.isVisible():
            self._busy_timer.start()

        def done(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def finish(value: Any) -> None:
                self._pending -= 1
                if not self._pending:
                    self._busy_timer.stop()
                    self._set_busy_visible(False)
                callback(value)

            return finish

        self.ctx.run(work, done(on_success), done(on_failure), owner=self)

    def _show_busy(self) -> None:
        if self._pending:
            self._set_busy_visible(True)

    def _set_busy_visible(self, visible: bool) -> None:
        was = self.busy_bar.isVisibleTo(self)
        self.busy_bar.setVisible(visible)
        self.busy_label.setVisible(visible)
        if was != visible:
            self.busy_did_change.emit(visible)

    def _show_offers(self, offers: list[SlotOffer]) -> None:
        self.model.set_offers(offers)
        self.view.show_groups()
        self.view.choose(self.model.first_slot())
        self.pages.setCurrentIndex(0)

    def _update_book_action(self) -> None:
        self.book_action.setEnabled(
            self._allowed and self.patient_id is not None and not self._booking
        )
        # Waiting for a slot is allowed exactly when booking one is.
        self.waitlist_action.setEnabled(self.book_action.isEnabled())
        self.waitlist_button.setToolTip(
            translate("BookingPanel", "Put the caller on the waitlist (Ctrl+Shift+L)")
            if self.book_action.isEnabled()
            else self._why_not()
        )
        self.book_button.setToolTip(
            translate("BookingPanel", "Book the highlighted slot (Enter or Ctrl+B)")
            if self.book_action.isEnabled()
            else self._why_not()
        )

    def _why_not(self) -> str:
        if not self._allowed:
            return translate("BookingPanel", "Booking blocked: {reason}").format(
                reason=self._blocked_reason
            )
        if self.patient_id is None:
            return translate("BookingPanel", "Choose the patient first.")
        if self._booking:
            return translate("BookingPanel", "Booking is under way…")
        return ""

    def _say(self, tone: str, text: str) -> None:
        say(self.status, tone, text)

    def _now(self) -> dt.datetime:
        return self._clock() if self._clock else dt.datetime.now(dt.UTC)

    def _earliest(self) -> dt.datetime | None:
        return self._clock() if self._clock else None

    def _action(self, text: str, key: QKeySequence, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _connect(self) -> None:
        self.filters.filters_did_change.connect(self.search_soon)
        self.view.slot_was_chosen.connect(self.book_selected)

    def _back_to_slots(self) -> None:
        self.pages.setCurrentIndex(0)
        self.search_now()
        self.view.setFocus()

    def _build(self) -> None:
        title = QLabel(translate("BookingPanel", "Book the visit"))
        title.setObjectName("bookingTitle")
        slots_page = QWidget(self.pages)
        slots = QVBoxLayout(slots_page)
        slots.setContentsMargins(0, 0, 0, 0)
        slots.addWidget(self.banner)
        slots.addWidget(self.view, 1)
        busy = QHBoxLayout()
        busy.addWidget(self.busy_label)
        busy.addWidget(self.busy_bar, 1)
        slots.addLayout(busy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.book_button)
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.waitlist_button)
        # Wraps under the list on a narrow screen rather than widening the panel.
        slots.addWidget(wrapped_row(buttons))
        self.pages.addWidget(slots_page)
        body = QHBoxLayout()
        body.addWidget(self.filters, 0)  # as wide as its labels need, at any scaling
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        QWidget.setTabOrder(self.filters.locations, self.view)
        QWidget.setTabOrder(self.view, self.book_button)
        QWidget.setTabOrder(self.book_button, self.search_button)
        QWidget.setTabOrder(self.search_button, self.waitlist_button)


def _single_shot(parent: QWidget, msecs: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(msecs)
    timer.timeout.connect(slot)
    return timer


def _book_with_language(
    db: Database, actor: Actor, request: BookingRequest, now: dt.datetime | None, second_ok: bool
) -> tuple[Visit, str]:
    """Book, with the language of what the patient takes home (issue #20 point 4); asked
    first, so a failure to read it is a failure before anything is booked."""
    language = booking.patient_language(db, actor, request.patient_id)
    visit = booking.book(db, actor, request, now=now, confirm_second_evaluation=second_ok)
    return visit, language
