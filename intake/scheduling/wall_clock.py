"""Local wall-clock times of a location turned into UTC instants, correct on clock-change days.

One rule covers every case: a wall-clock reading ``day at`` stands for the **first instant at
which the location's clock reads that time or later**.

* An ordinary time maps to its one instant.
* A repeated time (the fall-back hour) maps to its first occurrence, so a window ``[s, e)``
  covers real elapsed time: 00:30-03:30 on a fall-back night is 4 real hours, 08:00-17:00 on
  the same day stays 9.
* A time that never happens (the spring-forward gap) maps to the instant the clock jumps, so a
  window starting at 02:30 starts at 03:00 and 00:30-03:30 is 2 real hours.

The mapping never decreases, so a window never turns inside out; it may become empty
(02:15-02:45 on a spring-forward day), and callers drop it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from intake.scheduling.intervals import Interval

_MIDNIGHT = time(0)
_ONE_DAY = timedelta(days=1)
_ONE_SECOND = timedelta(seconds=1)


@lru_cache(maxsize=16384)
def wall_to_utc(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The first UTC instant at which ``zone``'s wall clock reads ``day at`` or later."""
    naive = datetime(day.year, day.month, day.day, at.hour, at.minute, at.second, at.microsecond)
    # fold=0 is the first of a repeated reading (PEP 495).
    instant = naive.replace(tzinfo=zone).astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) == naive:
        return instant
    return _end_of_gap(naive, zone)


def _end_of_gap(naive: datetime, zone: ZoneInfo) -> datetime:
    """The instant the clock jumps over the nonexistent reading ``naive``."""
    # Inside a gap fold=1 applies the later offset (an instant before the jump) and fold=0 the
    # earlier one (an instant after it); bisect between them to the second, as tzdata does.
    before = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    after = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
    while after - before > _ONE_SECOND:
        middle = before + (after - before) // 2
        middle = middle.replace(microsecond=0)
        if middle.astimezone(zone).replace(tzinfo=None) >= naive:
            after = middle
        else:
            before = middle
    return after


def wall_window(day: date, start: time, end: time, zone: ZoneInfo) -> Interval | None:
    """The UTC interval of the wall-clock window ``[start, end)`` on ``day``; None if empty."""
    first = wall_to_utc(day, start, zone)
    last = wall_to_utc(day, end, zone)
    return Interval(first, last) if first < last else None


def local_day(day: date, zone: ZoneInfo) -> Interval:
    """The whole local day (23, 24 or 25 real hours) as a UTC interval."""
    return Interval(wall_to_utc(day, _MIDNIGHT, zone), wall_to_utc(day + _ONE_DAY, _MIDNIGHT, zone))
