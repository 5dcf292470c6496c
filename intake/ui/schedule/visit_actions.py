"""The actions on a chosen visit: open the patient, check in, complete, no-show, cancel with
a reason, reschedule (from the free slots or by dragging), and the visit menu."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from intake.domain.booking import BookingConflict, SlotOffer, SlotRequest, Visit
from intake.domain.enums import AppointmentStatus, CancelledBy
from intake.domain.schedule import ScheduleBlock, WaitlistMatch, WeekSchedule
from intake.domain.visit_rules import no_show_refusal, undo_no_show_refusal
from intake.services import booking, schedule_view, slot_finder
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui import when
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.schedule.canvas import describe
from intake.ui.schedule.lanes import free_for, instant
from intake.ui.words import error_text, said

if TYPE_CHECKING:
    from intake.ui.schedule.page import SchedulePage

RESCHEDULE_DAYS = 14  # how far ahead a reschedule looks for free slots


class VisitActions:
    """The visit actions of SchedulePage (it works on the page that holds it)."""

    def __init__(self, page: SchedulePage) -> None:
        self.page = page
        self._moving: ScheduleBlock | None = None
        self._shown_id: int | None = None
        self.menu: QMenu | None = None

    def open_patient(self) -> None:
        if (block := self._chosen()) is not None:
            self.page.patient_was_opened.emit(block.patient_id)

    def check_in(self) -> None:
        self._status_move(booking.check_in, translate("VisitActions", "Checked in"))

    def complete(self) -> None:
        self._status_move(booking.complete, translate("VisitActions", "Completed"))

    def ask_no_show(self) -> None:
        """Ask in the side panel first; before the visit's start, say why not instead."""
        if (block := self._chosen()) is None:
            return
        if block.status != AppointmentStatus.BOOKED:
            self._refuse(
                translate(
                    "VisitActions", "Only a booked visit can be a no-show; this one is {status}."
                ).format(status=_status_phrase(block.status))
            )
            return
        now = self.page._now()
        if (why := no_show_refusal(block.start, now, block.timezone)) is not None:
            self._refuse(said(why))
            return
        self.page.no_show_panel.ask(block, self._undoable(block, now))
        self.page.side.setCurrentWidget(self.page.no_show_panel)
        self.page.no_show_panel.confirm_button.setFocus()

    def no_show(self) -> None:
        if (block := self._chosen()) is None:
            return
        now = self.page._clock_now()
        undo = " " + translate(
            "VisitActions", "Undo no-show (Ctrl+Z) books it again today, while its time is free."
        )
        self._status_move(
            lambda db, actor, ident, version: booking.no_show(db, actor, ident, version, now=now),
            translate("VisitActions", "Marked as a no-show"),
            undo if self._undoable(block, self.page._now()) else "",
        )
        self.page.side.setCurrentWidget(self.page.details)
        self.page.canvas.setFocus()

    def undo_no_show(self) -> None:
        if (block := self._chosen()) is None:
            return
        if block.status != AppointmentStatus.NO_SHOW:
            self._refuse(
                translate(
                    "VisitActions", "Only a no-show can be undone; this visit is {status}."
                ).format(status=_status_phrase(block.status))
            )
            return
        now = self.page._clock_now()
        self._status_move(
            lambda db, actor, ident, version: booking.undo_no_show(
                db, actor, ident, version, now=now
            ),
            translate("VisitActions", "No-show undone, booked again"),
        )

    @staticmethod
    def _undoable(block: ScheduleBlock, now: dt.datetime) -> bool:
        return undo_no_show_refusal(block.start, now, block.timezone) is None

    def _refuse(self, why: str) -> None:
        self.page._say("warn", why)
        self.page.action_did_fail.emit(why)

    def _status_move(self, move: Callable[..., Visit], done: str, more: str = "") -> None:
        block = self._chosen()
        if block is None:
            return
        ident, version = block.appointment_id, block.version
        self.page._keep = ident
        self.page._run(
            lambda db, actor: move(db, actor, ident, version),
            lambda visit: self.page._finished(
                translate("VisitActions", "{done}: {patient}.").format(
                    done=done, patient=block.patient_name
                )
                + more,
                visit.id,
            ),
            self.page._failed(
                translate("VisitActions", "change {patient}'s visit").format(
                    patient=block.patient_name
                )
            ),
        )

    def ask_cancel(self) -> None:
        if (block := self._chosen()) is None:
            return
        if not block.status.holds_time or block.status == AppointmentStatus.COMPLETED:
            self._refuse(
                translate("VisitActions", "A visit that is {status} cannot be cancelled.").format(
                    status=_status_phrase(block.status)
                )
            )
            return
        self.page.cancel_panel.ask(block, self.page._now())
        self.page.side.setCurrentWidget(self.page.cancel_panel)
        self.page.cancel_panel.reason.setFocus()

    def cancel(self, reason: str, by: CancelledBy | None) -> None:
        block = self._chosen()
        if block is None:
            return
        if not reason:
            self.page._say(
                "warn",
                translate(
                    "VisitActions", "Say why the visit is cancelled (type a reason), then Enter."
                ),
            )
            return
        if by is None:
            self.page._say(
                "warn",
                translate(
                    "VisitActions", "Say who cancelled: the patient (Alt+P) or the clinic (Alt+C)."
                ),
            )
            return
        ident, version, now = block.appointment_id, block.version, self.page._clock_now()

        def work(db: Database, actor: Actor) -> tuple[Any, tuple[WaitlistMatch, ...]]:
            outcome = booking.cancel(db, actor, ident, version, reason, by=by, now=now)
            return outcome, schedule_view.waitlist_matches(db, actor, outcome, now=now)

        self.page._run(
            work,
            self.page.waitlist.show_freed,
            self.page._failed(
                translate("VisitActions", "cancel {patient}'s visit").format(
                    patient=block.patient_name
                )
            ),
        )

    def ask_reschedule(self) -> None:
        if (block := self._chosen()) is None:
            return
        if block.status != AppointmentStatus.BOOKED:
            self.page._say("warn", translate("VisitActions", "Only a booked visit can be moved."))
            return
        self._moving = block
        self.page.reschedule_panel.ask(block)
        self.page.side.setCurrentWidget(self.page.reschedule_panel)
        self.search_moves()

    def search_moves(self) -> None:
        block = self._moving
        if block is None:
            return
        now = self.page._clock_now() or dt.datetime.now(dt.UTC)
        first = max(block.local_start.date(), now.astimezone(block.local_start.tzinfo).date())
        request = SlotRequest(
            first_day=first,
            days=RESCHEDULE_DAYS,
            type_code=block.type_code,
            location_codes=()
            if self.page.reschedule_panel.any_location.isChecked()
            else (block.location_code,),
            limit=60,
            earliest=now,
        )
        self.page.reschedule_panel.searching()
        self.page._run(
            lambda db, actor: slot_finder.find(db, actor, request),
            self._offers_arrived,
            self.page._failed(translate("VisitActions", "search free slots")),
        )

    def _offers_arrived(self, offers: list[SlotOffer]) -> None:
        self.page.reschedule_panel.show_offers(offers)
        self.page.offers_did_load.emit(len(offers))

    def move_to_offer(self, offer: SlotOffer) -> None:
        block = self._moving
        if block is not None:
            self._move(block, offer.therapist_id, offer.location_id, offer.start)

    def dropped(self, block: ScheduleBlock, lane_index: int, minute: float) -> None:
        layout, schedule = self.page.layout_, self.page.schedule
        if layout is None or schedule is None:
            return
        length = (block.end - block.start).total_seconds() / 60  # the visit keeps its length
        problem = free_for(layout, lane_index, minute, minute + length, block.appointment_id)
        if block.status != AppointmentStatus.BOOKED:
            problem = translate("VisitActions", "Only a booked visit can be moved.")
        lane = layout.lanes[lane_index]
        # A week's day may hold two locations: the one whose hours hold the new time.
        where = lane.place_at(minute, minute + length, prefer=block.location_id)
        if problem is None and where is None:
            problem = translate(
                "VisitActions", "That time is closed or outside the therapist's hours."
            )
        if problem or where is None:
            self.page._say(
                "warn",
                translate(
                    "VisitActions", "Not moved: {problem} The visit stays where it was."
                ).format(problem=problem),
            )
            self.page.canvas.viewport().update()
            self.page.action_did_fail.emit(problem or "")
            return
        zone = lane.zone
        if isinstance(schedule, WeekSchedule) and (ref := schedule.location(where)) is not None:
            zone = ref.timezone
        self._move(block, lane.therapist_id, where, instant(lane.day, minute, zone))

    def _move(
        self,
        block: ScheduleBlock,
        therapist_id: int,
        location_id: int,
        start: dt.datetime,
    ) -> None:
        ident, version, now = block.appointment_id, block.version, self.page._clock_now()
        self.page._keep = ident
        self.page._say(
            "info",
            translate("VisitActions", "Moving {patient}'s visit…").format(
                patient=block.patient_name
            ),
        )
        self.page._run(
            lambda db, actor: booking.reschedule(
                db,
                actor,
                ident,
                version,
                therapist_id=therapist_id,
                location_id=location_id,
                start=start,
                now=now,
            ),
            lambda result: self._moved(block, result),
            self.page._failed(
                translate("VisitActions", "move {patient}'s visit").format(
                    patient=block.patient_name
                ),
                self._move_lost_race,
            ),
        )

    def _move_lost_race(self, conflict: BookingConflict) -> None:
        self.page._say(
            "warn",
            translate(
                "VisitActions", "Not moved: {message} The visit stays at its old time."
            ).format(message=error_text(conflict)),
        )
        if self.page.side.currentWidget() is self.page.reschedule_panel:
            self.page.reschedule_panel.show_offers(
                conflict.alternatives,
                translate("VisitActions", "Nearest free slots instead; Enter moves the visit."),
            )
        self.page.action_did_fail.emit(error_text(conflict))
        self.page.reload()

    def _moved(self, block: ScheduleBlock, result: Visit) -> None:
        local = result.local_start
        self.page.side.setCurrentWidget(self.page.details)
        self.page._finished(
            translate(
                "VisitActions",
                "Moved {patient} to {day}, {time} {zone} with {therapist} at {location}.",
            ).format(
                patient=block.patient_name,
                day=when.short_day(local, localized=True),
                time=when.time_of_day(local, localized=True),
                zone=local.tzname(),
                therapist=result.therapist_name,
                location=result.location_code,
            ),
            result.id,
        )
        self.page.exports.calendar.offer(result)  # the new time, for the patient's calendar
        if self.page.mode == "day" and (
            result.location_id != self.page.location_id or local.date() != self.page.day
        ):
            self.page._say(
                "done",
                self.page.status.text().lstrip("✔ ")
                + " "
                + translate("VisitActions", "(another day or place)"),
            )

    def _chosen(self) -> ScheduleBlock | None:
        block = self.page.canvas.selected_block()
        if block is None:
            self.page._say(
                "warn", translate("VisitActions", "Choose a visit first (arrow keys or a click).")
            )
        return block

    def selection_changed(self, block: ScheduleBlock | None) -> None:
        self.page.details.show_block(block)
        ident = block.appointment_id if block is not None else None
        changed, self._shown_id = ident != self._shown_id, ident
        self.page.undo_button.setVisible(  # offered only while it can work
            block is not None
            and block.status == AppointmentStatus.NO_SHOW
            and self._undoable(block, self.page._now())
        )
        if changed and self.page.side.currentWidget() in (
            self.page.no_show_panel,
            self.page.cancel_panel,
            self.page.reschedule_panel,
        ):
            self.page.side.setCurrentWidget(self.page.details)
        if block is not None:
            self.page.canvas.setAccessibleDescription(describe(block))

    def show_menu(self, block: ScheduleBlock, where: QPoint) -> None:
        menu = QMenu(self.page)
        menu.setAccessibleName(translate("VisitActions", "Visit actions"))
        for action in self.page.block_actions:
            menu.addAction(action)
        if course := self.page.courses.offered(block):
            menu.addSeparator()
            menu.addActions(course)
        menu.popup(where)
        self.menu = menu

    def back_to_details(self) -> None:
        self.page.side.setCurrentWidget(self.page.details)
        self.page.canvas.setFocus()


# A status as a sentence says it ("A visit that is {status} …"), in the staff's language.
_STATUS_PHRASES = {
    AppointmentStatus.BOOKED: QT_TRANSLATE_NOOP("VisitActions", "booked"),
    AppointmentStatus.CHECKED_IN: QT_TRANSLATE_NOOP("VisitActions", "checked in"),
    AppointmentStatus.COMPLETED: QT_TRANSLATE_NOOP("VisitActions", "completed"),
    AppointmentStatus.CANCELLED: QT_TRANSLATE_NOOP("VisitActions", "cancelled"),
    AppointmentStatus.NO_SHOW: QT_TRANSLATE_NOOP("VisitActions", "marked as a no-show"),
}


def _status_phrase(status: AppointmentStatus) -> str:
    return translate("VisitActions", _STATUS_PHRASES[status])
