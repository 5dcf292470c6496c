"""Wall-clock windows on the days clocks change (2026)."""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from intake.scheduling import local_day, wall_to_utc, wall_window

from .builders import hm, utc

NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
CHICAGO = ZoneInfo("America/Chicago")
NY_SPRING, NY_FALL = date(2026, 3, 8), date(2026, 11, 1)
LONDON_SPRING, LONDON_FALL = date(2026, 3, 29), date(2026, 10, 25)


def window(day: date, start: str, end: str, zone: ZoneInfo) -> tuple[object, object]:
    found = wall_window(day, hm(start), hm(end), zone)
    assert found is not None
    return found.start, found.end


@pytest.mark.parametrize(
    ("day", "zone", "start", "end", "hours"),
    [
        # 00:30-03:30 across the change: real elapsed time, not wall time.
        (NY_SPRING, NY, utc(2026, 3, 8, 5, 30), utc(2026, 3, 8, 7, 30), 2),
        (NY_FALL, NY, utc(2026, 11, 1, 4, 30), utc(2026, 11, 1, 8, 30), 4),
        (LONDON_SPRING, LONDON, utc(2026, 3, 29, 0, 30), utc(2026, 3, 29, 2, 30), 2),
        (LONDON_FALL, LONDON, utc(2026, 10, 24, 23, 30), utc(2026, 10, 25, 3, 30), 4),
        (date(2026, 3, 8), CHICAGO, utc(2026, 3, 8, 6, 30), utc(2026, 3, 8, 8, 30), 2),
    ],
)
def test_night_window_across_the_change_has_real_length(day, zone, start, end, hours) -> None:
    assert window(day, "00:30", "03:30", zone) == (start, end)
    assert end - start == timedelta(hours=hours)


@pytest.mark.parametrize(
    ("day", "zone", "start", "end"),
    [
        (NY_SPRING, NY, utc(2026, 3, 8, 12), utc(2026, 3, 8, 21)),  # EDT, UTC-4
        (NY_FALL, NY, utc(2026, 11, 1, 13), utc(2026, 11, 1, 22)),  # EST, UTC-5
        (LONDON_SPRING, LONDON, utc(2026, 3, 29, 7), utc(2026, 3, 29, 16)),  # BST
        (LONDON_FALL, LONDON, utc(2026, 10, 25, 8), utc(2026, 10, 25, 17)),  # GMT
    ],
)
def test_office_hours_on_change_days_stay_nine_hours(day, zone, start, end) -> None:
    assert window(day, "08:00", "17:00", zone) == (start, end)


def test_a_time_inside_the_gap_is_the_instant_the_clock_jumps() -> None:
    jump = utc(2026, 3, 8, 7)  # 02:00 EST becomes 03:00 EDT
    assert wall_to_utc(NY_SPRING, time(2, 30), NY) == jump
    assert wall_to_utc(NY_SPRING, time(2, 0), NY) == jump
    assert window(NY_SPRING, "02:30", "04:00", NY) == (jump, utc(2026, 3, 8, 8))
    assert window(NY_SPRING, "00:30", "02:30", NY) == (utc(2026, 3, 8, 5, 30), jump)


def test_a_window_wholly_inside_the_gap_is_empty() -> None:
    assert wall_window(NY_SPRING, time(2, 15), time(2, 45), NY) is None


def test_half_hour_gap_is_found_too() -> None:
    # Lord Howe Island moves from +10:30 to +11:00 at 02:00 on the first Sunday of October.
    zone = ZoneInfo("Australia/Lord_Howe")
    assert wall_to_utc(date(2026, 10, 4), time(2, 10), zone) == utc(2026, 10, 3, 15, 30)


def test_a_repeated_time_means_its_first_occurrence() -> None:
    assert wall_to_utc(NY_FALL, time(1, 30), NY) == utc(2026, 11, 1, 5, 30)  # 01:30 EDT
    # A window starting in the repeated hour keeps both passes of its remaining part.
    assert window(NY_FALL, "01:30", "03:00", NY) == (utc(2026, 11, 1, 5, 30), utc(2026, 11, 1, 8))


def test_local_days_are_23_and_25_hours_long() -> None:
    assert local_day(NY_SPRING, NY).duration == timedelta(hours=23)
    assert local_day(NY_FALL, NY).duration == timedelta(hours=25)
    assert local_day(date(2026, 3, 9), NY).duration == timedelta(hours=24)
