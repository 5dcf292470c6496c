"""Pure-Python slot search on a synthetic practice (run on demand, not collected by pytest).

12 locations, 80 therapists working at 1-3 of them by weekly templates, 60 days with about 85%
of working time booked; times "the first 20 free 60-minute slots across all locations", and
the same within one location. `--chain`: 50 locations and 300 therapists.

    .venv/bin/python tests/benchmarks/bench_scheduling_pure.py [--chain]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time as clock
from datetime import UTC, date, datetime, time, timedelta

from intake.scheduling import (
    AppointmentType,
    AvailabilityTemplate,
    BookedAppointment,
    CalendarInputs,
    Closure,
    Location,
    OpeningHours,
    SlotQuery,
    TimeOff,
    find_slots,
    intersect,
    opening_windows,
    template_windows,
    wall_clock,
)

ZONES = ["America/New_York"] * 6 + ["America/Chicago"] * 4 + ["America/Denver", "Europe/London"]
FIRST_DAY = date(2026, 3, 2)  # the New York spring-forward day falls inside the 60 days
DAYS = 60
RUNS = 50
GAP_CHANCE = 0.07  # tuned so that about 85% of working time is booked
EVALUATION = AppointmentType("EVAL", 60, 15)
LENGTHS = (30, 45, 60)


def build_locations(count: int = 12) -> list[Location]:
    hours = [OpeningHours(d, time(7), time(19)) for d in range(5)]
    hours.append(OpeningHours(5, time(8), time(13)))
    zones = [ZONES[i % len(ZONES)] for i in range(count)]
    return [Location(i + 1, f"L{i + 1:02}", zone, tuple(hours)) for i, zone in enumerate(zones)]


def build_templates(
    rng: random.Random, therapists: int = 80, locations: int = 12
) -> list[AvailabilityTemplate]:
    templates = []
    for therapist in range(1, therapists + 1):
        sites = rng.sample(range(1, locations + 1), rng.randint(1, 3))
        for weekday in range(6):
            if weekday == 5 and rng.random() < 0.7:
                continue  # most do not work Saturdays
            site = sites[weekday % len(sites)]
            start = time(rng.choice((7, 8, 9)), rng.choice((0, 30)))
            end = time(start.hour + rng.choice((8, 9)), start.minute)
            if weekday == 5:
                start, end = time(8), time(13)
            templates.append(AvailabilityTemplate(therapist, site, weekday, start, end, FIRST_DAY))
    return templates


def build_appointments(
    rng: random.Random, locations: list[Location], templates: list[AvailabilityTemplate]
) -> tuple[list[BookedAppointment], float]:
    """Fill each working window back to back, leaving random gaps to land near 85% booked.

    (Here every appointment of the practice is handed to the search, as one list; services
    read only the searched therapists' rows, so a location with fewer than 20 free slots in
    the range costs them a scan of its own therapists, not of the whole chain.)
    """
    by_id = {loc.id: loc for loc in locations}
    booked: list[BookedAppointment] = []
    working_total = booked_total = timedelta()
    for offset in range(DAYS):
        day = FIRST_DAY + timedelta(days=offset)
        for t in templates:
            if t.weekday != day.weekday():
                continue
            loc = by_id[t.location_id]
            for window in intersect(template_windows(loc, day, [t]), opening_windows(loc, day)):
                working_total += window.duration
                cursor = window.start
                while True:
                    if rng.random() < GAP_CHANCE:
                        cursor += timedelta(minutes=rng.choice((15, 30, 45, 60)))
                    length = timedelta(minutes=rng.choice(LENGTHS))
                    buffer = rng.choice((0, 0, 0, 15))
                    if cursor + length > window.end:
                        break
                    booked.append(
                        BookedAppointment(t.therapist_id, loc.id, cursor, cursor + length, buffer)
                    )
                    booked_total += length
                    cursor += length + timedelta(minutes=buffer)
    booked.sort(key=lambda a: a.start)  # what services' ORDER BY start gives
    return booked, booked_total / working_total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chain", action="store_true", help="50 locations, 300 therapists")
    args = parser.parse_args()
    places, therapists = (50, 300) if args.chain else (12, 80)
    rng = random.Random(20260302)
    locations = build_locations(places)
    templates = build_templates(rng, therapists, places)
    appointments, share = build_appointments(rng, locations, templates)
    closures = [Closure(3, FIRST_DAY + timedelta(days=10), FIRST_DAY + timedelta(days=11))]
    time_off = [
        TimeOff(7, datetime(2026, 3, 2, 12, tzinfo=UTC), datetime(2026, 3, 6, 23, tzinfo=UTC))
    ]
    inputs = CalendarInputs(
        tuple(locations), tuple(templates), tuple(closures), tuple(time_off), tuple(appointments)
    )
    now = datetime.combine(FIRST_DAY, time(15, 7), tzinfo=UTC)  # 10:07 in New York
    query = SlotQuery(
        EVALUATION, FIRST_DAY, FIRST_DAY + timedelta(days=DAYS - 1), earliest=now, limit=20
    )

    list(find_slots(inputs, query))  # warm the wall-clock cache as a running program would
    timings = []
    for _ in range(RUNS):
        began = clock.perf_counter()
        found = list(find_slots(inputs, query))
        timings.append((clock.perf_counter() - began) * 1000)
    cold = []
    for _ in range(RUNS):
        wall_clock.wall_to_utc.cache_clear()
        began = clock.perf_counter()
        list(find_slots(inputs, query))
        cold.append((clock.perf_counter() - began) * 1000)

    p50 = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[-1]
    one = SlotQuery(
        EVALUATION,
        FIRST_DAY,
        FIRST_DAY + timedelta(days=DAYS - 1),
        location_ids=frozenset({1}),
        earliest=now,
        limit=20,
    )
    here = []
    for _ in range(RUNS):
        began = clock.perf_counter()
        found_here = list(find_slots(inputs, one))
        here.append((clock.perf_counter() - began) * 1000)
    print(
        f"therapists {therapists}, locations {len(locations)}, days {DAYS}, "
        f"templates {len(templates)}"
    )
    print(f"appointments {len(appointments)}, booked share of working time {share:.1%}")
    print(
        f"found {len(found)} slots, first {found[0].local_start:%Y-%m-%d %H:%M %Z}, "
        f"last {found[-1].local_start:%Y-%m-%d %H:%M %Z}"
    )
    print()
    print(f"{'search (pure Python)':<44}{'runs':>6}{'p50 ms':>10}{'p95 ms':>10}")
    print(f"{'first 20 free 60-min slots, all locations':<44}{RUNS:>6}{p50:>10.2f}{p95:>10.2f}")
    cold_p95 = statistics.quantiles(cold, n=20)[-1]
    print(
        f"{'  same, wall-clock cache cleared each run':<44}{len(cold):>6}"
        f"{statistics.median(cold):>10.2f}{cold_p95:>10.2f}"
    )
    here_p95 = statistics.quantiles(here, n=20)[-1]
    print(
        f"{f'first 20, location 1 only ({len(found_here)} found)':<44}{len(here):>6}"
        f"{statistics.median(here):>10.2f}{here_p95:>10.2f}"
    )


if __name__ == "__main__":
    main()
