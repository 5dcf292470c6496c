"""After a cancellation: the waiting patients who fit the freed slot, offering it and booking it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intake.domain.booking import BookingConflict, BookingRequest, SecondEvaluation, Visit
from intake.domain.schedule import WaitlistMatch
from intake.services import booking, waitlist
from intake.ui import when
from intake.ui.booking import second_evaluation

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
        self._freed_text = (
            f"{when.short_day(start)}, {when.time_of_day(start)} "
            f"{start.tzname()} with {freed.therapist_name}"
        )
        late = " (late cancellation)" if outcome.visit.late_cancellation else ""
        self.page._say("done", f"Cancelled{late}. {len(matches)} waiting patient(s) fit the slot.")
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
            self.page._failed("offer the slot"),
        )

    def _offered(self, match: WaitlistMatch) -> None:
        self.page.waitlist_panel.replace(match)
        self.page.waitlist_panel.list.setFocus()
        self.page._say("info", f"Offered to {match.patient_name}. Enter books it if they accept.")
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
        failed = self.page._failed(f"book {match.patient_name}", self._waiting_lost_race)

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
        self.page._say("warn", f"Not booked: {conflict} The slot is no longer free.")
        self.page.action_did_fail.emit(str(conflict))
        self.page.reload()

    def _booked_waiting(self, match: WaitlistMatch, result: Visit) -> None:
        self.page.waitlist_panel.remove(match.entry.id)
        self.page._finished(f"Booked {match.patient_name} into the freed slot.", result.id)
