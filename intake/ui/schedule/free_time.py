"""Free time on the schedule, booked where it was chosen (a part of SchedulePage, as the
visit actions are): the lane and wall minute become a therapist, a location and a UTC
start, and the booking dialog opens for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from intake.domain.booking import Visit
from intake.domain.schedule import DaySchedule
from intake.ui import when
from intake.ui.i18n import translate
from intake.ui.schedule.book_here import BookHereDialog, BookingPlace
from intake.ui.schedule.canvas import clock
from intake.ui.schedule.lanes import instant

if TYPE_CHECKING:
    from intake.ui.schedule.page import SchedulePage


class FreeTime:
    def __init__(self, page: SchedulePage) -> None:
        self.page = page
        self.dialog: BookHereDialog | None = None

    def place_for(self, lane_index: int, minute: float) -> BookingPlace | None:
        """Where booking at (lane, minute) books, or None when that time is not free."""
        layout, schedule = self.page.layout_, self.page.schedule
        if layout is None or schedule is None or not 0 <= lane_index < len(layout.lanes):
            return None
        lane = layout.lanes[lane_index]
        location_id = lane.free_at(minute)
        if location_id is None:
            return None
        if isinstance(schedule, DaySchedule):
            code, zone = schedule.location_code, schedule.timezone
            therapist = lane.title
        else:
            ref = schedule.location(location_id)
            code, zone = (ref.code, ref.timezone) if ref else ("", lane.zone)
            therapist = schedule.therapist_name
        return BookingPlace(
            lane.therapist_id,
            therapist,
            location_id,
            code,
            instant(lane.day, minute, zone),
            zone,
        )

    def activated(self, lane_index: int, minute: float) -> None:
        place = self.place_for(lane_index, minute)
        if place is None:
            why = translate(
                "ScheduleFreeTime", "{time} is not free working time here; choose a green time."
            ).format(time=clock(minute))
            self.page._say("warn", why)
            self.page.action_did_fail.emit(why)
            return
        dialog = BookHereDialog(self.page.ctx, place, self.page, now=self.page._clock_now())
        dialog.visit_was_booked.connect(self._booked)
        dialog.finished.connect(lambda _r: self.page.canvas.setFocus())
        self.dialog = dialog
        dialog.open()

    def _booked(self, visit: Visit) -> None:
        name = (
            self.dialog.patient_name
            if self.dialog is not None
            else translate("ScheduleFreeTime", "the patient")
        )
        local = visit.local_start
        self.page._finished(
            translate(
                "ScheduleFreeTime",
                "Booked {patient}: {type}, {day} {time} {zone} with {therapist} at {location}.",
            ).format(
                patient=name,
                type=visit.type_name,
                day=when.short_day(local, localized=True),
                time=when.time_of_day(local, localized=True),
                zone=local.tzname(),
                therapist=visit.therapist_name,
                location=visit.location_code,
            ),
            visit.id,
        )
