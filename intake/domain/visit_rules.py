"""What may be done to a booked visit, and when: pure rules the services apply and the
schedule asks before it offers an action (one place, one answer)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from intake.domain.booking import LATE_CANCELLATION
from intake.domain.enums import CancelledBy
from intake.domain.words import QT_TRANSLATE_NOOP, Message, said


def is_late_cancellation(start: dt.datetime, now: dt.datetime, by: CancelledBy) -> bool:
    """A patient who cancels under 24 hours before the start cancels late; the clinic never
    does (a therapist's illness is not held against the patient)."""
    return by == CancelledBy.PATIENT and start - now < LATE_CANCELLATION


def no_show_refusal(start: dt.datetime, now: dt.datetime, timezone: str) -> Message | None:
    """Why the visit cannot be marked as a no-show now, or None when it can: nobody has
    failed to come before the visit's start time."""
    if now >= start:
        return None
    return said(
        QT_TRANSLATE_NOOP(
            "VisitRules",
            "A visit can be marked as a no-show only from its start time "
            "({start:%a %d %b %H:%M %Z}).",
        ),
        start=start.astimezone(ZoneInfo(timezone)),
    )


def undo_no_show_refusal(start: dt.datetime, now: dt.datetime, timezone: str) -> Message | None:
    """Why a no-show cannot be undone now, or None when it can: until the end of the visit's
    day at its location (the day a late patient may still walk in, or a slip be noticed)."""
    zone = ZoneInfo(timezone)
    day = start.astimezone(zone).date()
    end_of_day = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
    if now < end_of_day:
        return None
    return said(
        QT_TRANSLATE_NOOP(
            "VisitRules", "A no-show can be undone only on the visit's own day ({day:%a %d %b})."
        ),
        day=day,
    )
