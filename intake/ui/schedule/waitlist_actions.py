"""After a cancellation: the waiting patients who fit the freed slot, offering it and booking it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intake.domain.booking import BookingConflict, BookingRequest, SecondEvaluation, Visit
from intake.domain.schedule import WaitlistMatch
from intake.services import booking, waitlist
from intake.ui import when
from intake.ui.booking import second_evaluation
from intake.ui.i18n import translate
from intake.ui.words import error_text

if TYPE_CHECKING:
    from intake.ui.schedule.page import SchedulePage


class WaitlistActions:
    """The waitlist part of SchedulePage (it works on the page that holds it)."""

    def __init__(self, page: SchedulePage) -> None:
        self.page = page
        self._freed_text = ""

    def show_all(self) -> None:
        """Every open waitlist entry beside the schedule, most urgent first (Ctrl+Shift+W)."""
        self.page.waitlist_view.reload()
        self.page.side.setCurrentWidget(self.page.waitlist_view)
        self.page.waitlist_view.list.setFocus()

    def show_freed(self, result: tuple[Any, tuple[WaitlistMatch, ...]]) -> None:
        outcome, matches = result
        freed = outcome.freed
        start = freed.local_start
        self._freed_text = translate(
            "ScheduleWaitlist", "{day}, {time} {zone} with {therapist}"
        ).format(
            day=when.short_day(start, localized=True),
            time=when.time_of_day(start, localized=True),
            zone=start.tzname(),
            therapist=freed.therapist_name,
        )
        said = (
            translate(
                "ScheduleWaitlist",
                "Cancelled (late cancellation). Waiting patients who fit the slot: {count}.",
            )
            if outcome.visit.late_cancellation
            else translate(
                "ScheduleWaitlist", "Cancelled. Waiting patients who fit the slot: {count}."
            )
        )
        self.page._say("done", said.format(count=len(matches)))
        self.page.exports.calendar.offer(outcome.visit)  # the CANCEL for the patient's calendar
        self.page.waitlist_panel.show_matches(self._freed_text, list(matches))
        self.page.side.setCurrentWidget(self.page.waitlist_panel)
        self.page.waitlist_panel.list.setFocus()
        self.page.reload()
        self.page.waitlist_did_load.emit(len(matches))
        self.page.action_did_finish.emit("cancelled")

    def offer(self, match: WaitlistMatch) -> None:
        entry = match.entry
        self.page._run(
            lambda db, actor: waitlist.offer(db, actor, entry.id, entry.version),
            lambda info: self._offered(WaitlistMatch(info, match.patient_name, match.slot)),
            self.page._failed(translate("ScheduleWaitlist", "offer the slot")),
        )

    def _offered(self, match: WaitlistMatch) -> None:
        self.page.waitlist_panel.replace(match)
        self.page.waitlist_panel.list.setFocus()
        self.page._say(
            "info",
            translate(
                "ScheduleWaitlist", "Offered to {patient}. Enter books it if they accept."
            ).format(patient=match.patient_name),
        )
        self.page.action_did_finish.emit("offered")

    def book_waiting(self, match: WaitlistMatch, *, second_ok: bool = False) -> None:
        slot, entry = match.slot, match.entry
        request = BookingRequest(
            patient_id=entry.patient_id,
            therapist_id=slot.therapist_id,
            location_id=slot.location_id,
            start=slot.start,
            type_code=slot.type_code,
            intake_id=entry.intake_id,
            waitlist_entry_id=entry.id,
        )
        now = self.page._clock_now()
        failed = self.page._failed(
            translate("ScheduleWaitlist", "book {patient}").format(patient=match.patient_name),
            self._waiting_lost_race,
        )

        def refused(error: BaseException) -> None:
            if not isinstance(error, SecondEvaluation):
                failed(error)
                return
            # Often the reason to wait: an earlier slot than the evaluation already booked.
            second_evaluation.ask(
                self.page,
                error.existing,
                lambda yes: self.book_waiting(match, second_ok=True) if yes else None,
            )

        self.page._run(
            lambda db, actor: booking.book(
                db, actor, request, now=now, confirm_second_evaluation=second_ok
            ),
            lambda result: self._booked_waiting(match, result),
            refused,
        )

    def _waiting_lost_race(self, conflict: BookingConflict) -> None:
        self.page._say(
            "warn",
            translate(
                "ScheduleWaitlist", "Not booked: {message} The slot is no longer free."
            ).format(message=error_text(conflict)),
        )
        self.page.action_did_fail.emit(error_text(conflict))
        self.page.reload()

    def _booked_waiting(self, match: WaitlistMatch, result: Visit) -> None:
        self.page.waitlist_panel.remove(match.entry.id)
        self.page._finished(
            translate("ScheduleWaitlist", "Booked {patient} into the freed slot.").format(
                patient=match.patient_name
            ),
            result.id,
        )
