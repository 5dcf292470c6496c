"""Pure calendar logic: working time, free intervals and bookable slots (no Qt, no SQL)."""

from __future__ import annotations

from intake.scheduling.availability import (
    DayAvailability,
    day_availability,
    is_closed,
    opening_windows,
    template_windows,
    working_windows,
)
from intake.scheduling.busy_time import BusyRow
from intake.scheduling.finder import (
    CalendarInputs,
    SlotQuery,
    find_slots,
    nearest_free_slots,
    slots_by_nearness,
)
from intake.scheduling.intervals import (
    Interval,
    clip,
    intersect,
    normalise,
    subtract,
    total_duration,
    union,
)
from intake.scheduling.model import (
    AppointmentType,
    AvailabilityTemplate,
    BookedAppointment,
    Closure,
    Location,
    OpeningHours,
    TimeOff,
)
from intake.scheduling.parts_of_day import AFTERNOON_STARTS, EVENING_STARTS, part_of_day
from intake.scheduling.slots import (
    GRID,
    Slot,
    align_to_grid,
    day_slots,
    slot_order,
    slot_starts,
    slots_from_free,
)
from intake.scheduling.wall_clock import local_day, wall_to_utc, wall_window

__all__ = [
    "AFTERNOON_STARTS",
    "EVENING_STARTS",
    "GRID",
    "AppointmentType",
    "AvailabilityTemplate",
    "BookedAppointment",
    "BusyRow",
    "CalendarInputs",
    "Closure",
    "DayAvailability",
    "Interval",
    "Location",
    "OpeningHours",
    "Slot",
    "SlotQuery",
    "TimeOff",
    "align_to_grid",
    "clip",
    "day_availability",
    "day_slots",
    "find_slots",
    "intersect",
    "is_closed",
    "local_day",
    "nearest_free_slots",
    "normalise",
    "opening_windows",
    "part_of_day",
    "slot_order",
    "slot_starts",
    "slots_by_nearness",
    "slots_from_free",
    "subtract",
    "template_windows",
    "total_duration",
    "union",
    "wall_to_utc",
    "wall_window",
    "working_windows",
]
