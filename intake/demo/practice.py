"""A synthetic practice for demos, tests and benchmarks: deterministic for a seed and day.

Everything here is made up and looks it: names are built from word parts, phone numbers use
the fictional 555-01xx range and e-mail addresses use example.org.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from intake.demo.intakes import intakes_for
from intake.demo.patients import COLUMNS, FAMILY_HEAD, FAMILY_TAIL, GIVEN, chunks
from intake.demo.rows import Row

STREETS = "Sample Example Test Demo Placeholder Fictional Mock Specimen".split()

LOCATION_NAMES = (
    "Harbor",
    "Midtown",
    "Riverside",
    "Northgate",
    "Parkview",
    "Eastfield",
    "Westbrook",
    "Hillcrest",
    "Lakeside",
    "Old Town",
    "Southpoint",
    "Meadowlands",
)
# Nine locations in one zone and three in another: the practice spans a zone boundary.
ZONES = ("America/New_York",) * 9 + ("America/Chicago",) * 3

APPOINTMENT_TYPES: tuple[Row, ...] = (
    {"id": 1, "code": "EVAL60", "name": "Initial evaluation", "minutes": 60, "buffer_minutes": 0},
    {"id": 2, "code": "FU45", "name": "Follow-up visit", "minutes": 45, "buffer_minutes": 0},
    {"id": 3, "code": "REEVAL30", "name": "Re-evaluation", "minutes": 30, "buffer_minutes": 0},
)
OCCUPANCY = 0.85


@dataclass(frozen=True)
class DemoOptions:
    patients: int = 2000
    seed: int = 1
    days_back: int = 30
    days_ahead: int = 60
    today: dt.date = field(default_factory=dt.date.today)
    locations: int = 12
    therapists: int = 80


@dataclass
class DemoPractice:
    """Rows per table, ids assigned, ready for bulk insertion in this order."""

    tables: dict[str, list[Row]]


def build(options: DemoOptions) -> DemoPractice:
    """The whole practice in memory (tests, small demos); `fill` streams the patients."""
    practice = Skeleton.of(options)
    patients = [
        dict(zip(COLUMNS, row, strict=True))
        for chunk in chunks(options.seed, options.patients, options.locations, practice.now)
        for row in chunk.patients
    ]
    people = {p["id"]: p for p in patients}
    appointments, intakes = practice.visits(options.patients, people.__getitem__)
    return DemoPractice(
        {**practice.tables, "patients": patients, "intakes": intakes, "appointments": appointments}
    )


@dataclass
class Skeleton:
    """The practice without its patients and visits: locations, hours, therapists..."""

    options: DemoOptions
    rng: random.Random
    now: dt.datetime
    tables: dict[str, list[Row]]

    @classmethod
    def of(cls, options: DemoOptions) -> Skeleton:
        rng = random.Random(options.seed)
        now = dt.datetime.combine(options.today, dt.time(12), dt.UTC)
        locations = _locations(options.locations, now)
        hours = _opening_hours(locations)
        closures = _closures(rng, locations, options)
        therapists, links, templates = _therapists(rng, options.therapists, locations, options)
        time_off = _time_off(rng, therapists, locations, links, options)
        tables = {
            "locations": locations,
            "opening_hours": hours,
            "closures": closures,
            "appointment_types": [
                dict(t, active=True, requires_screening=t["code"] == "EVAL60")
                for t in APPOINTMENT_TYPES
            ],
            "therapists": therapists,
            "therapist_locations": links,
            "availability_templates": templates,
            "time_off": time_off,
        }
        return cls(options, rng, now, tables)

    def visits(self, n_patients: int, person: Callable[[int], Row]) -> tuple[list[Row], list[Row]]:
        """Appointments and the intakes of upcoming evaluations; `person` gives a patient's
        id, date_of_birth and sex. Call once: it draws from the practice's random stream."""
        t = self.tables
        appointments = _appointments(
            self.rng,
            self.options,
            t["locations"],
            t["availability_templates"],
            t["closures"],
            t["time_off"],
            n_patients,
            self.now,
        )
        intakes = intakes_for(
            appointments, person, APPOINTMENT_TYPES[0]["id"], self.options.today, self.rng
        )
        return appointments, intakes


def _locations(count: int, now: dt.datetime) -> list[Row]:
    rows = []
    for i in range(count):
        name = LOCATION_NAMES[i % len(LOCATION_NAMES)]
        if i >= len(LOCATION_NAMES):  # a chain: "Harbor 2", "Harbor 3", ...
            name = f"{name} {i // len(LOCATION_NAMES) + 1}"
        rows.append(
            {
                "id": i + 1,
                "code": f"L{i + 1:02d}",
                "name": f"{name} Physical Therapy",
                "address": f"{100 + 7 * i} {STREETS[i % len(STREETS)]} Street, Demo City",
                "phone": f"+1 (212) 555-01{i:02d}",
                "timezone": ZONES[i % len(ZONES)],
                "active": True,
                "created_at": now,
                "version": 1,
            }
        )
    return rows


def _opening_hours(locations: list[Row]) -> list[Row]:
    rows: list[Row] = []
    for loc in locations:
        for weekday in range(5):
            rows.append(_hours(len(rows) + 1, loc["id"], weekday, dt.time(7, 30), dt.time(19, 0)))
        if loc["id"] % 3 == 0:  # every third location opens on Saturday mornings
            rows.append(_hours(len(rows) + 1, loc["id"], 5, dt.time(8, 0), dt.time(13, 0)))
    return rows


def _hours(row_id: int, location_id: int, weekday: int, opens: dt.time, closes: dt.time) -> Row:
    return {
        "id": row_id,
        "location_id": location_id,
        "weekday": weekday,
        "opens": opens,
        "closes": closes,
    }


def holidays(year: int) -> dict[dt.date, str]:
    """Days every location is closed (a typical US practice's holidays)."""

    def nth(weekday: int, month: int, n: int) -> dt.date:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))

    last_may = dt.date(year, 5, 31)
    return {
        dt.date(year, 1, 1): "New Year's Day",
        last_may - dt.timedelta(days=last_may.weekday()): "Memorial Day",
        dt.date(year, 7, 4): "Independence Day",
        nth(0, 9, 1): "Labor Day",
        nth(3, 11, 4): "Thanksgiving",
        dt.date(year, 12, 25): "Christmas Day",
    }


def _date_range(options: DemoOptions) -> tuple[dt.date, dt.date]:
    first = options.today - dt.timedelta(days=options.days_back)
    return first, options.today + dt.timedelta(days=options.days_ahead)


def _closures(rng: random.Random, locations: list[Row], options: DemoOptions) -> list[Row]:
    first, last = _date_range(options)
    rows: list[Row] = []
    for year in range(first.year, last.year + 1):
        for day, reason in sorted(holidays(year).items()):
            if first <= day <= last:
                for loc in locations:
                    rows.append(
                        {
                            "id": len(rows) + 1,
                            "location_id": loc["id"],
                            "first_day": day,
                            "last_day": day,
                            "reason": reason,
                        }
                    )
    shut = rng.choice(locations)  # one location closes two days for maintenance
    start = first + dt.timedelta(days=rng.randrange(max(1, (last - first).days - 2)))
    rows.append(
        {
            "id": len(rows) + 1,
            "location_id": shut["id"],
            "first_day": start,
            "last_day": start + dt.timedelta(days=1),
            "reason": "Building maintenance",
        }
    )
    return rows


SHIFTS = (
    ((dt.time(8, 0), dt.time(12, 0)), (dt.time(13, 0), dt.time(17, 0))),
    ((dt.time(10, 0), dt.time(14, 0)), (dt.time(15, 0), dt.time(19, 0))),
    ((dt.time(7, 30), dt.time(11, 30)), (dt.time(12, 30), dt.time(16, 30))),
)


def _therapists(
    rng: random.Random, count: int, locations: list[Row], options: DemoOptions
) -> tuple[list[Row], list[Row], list[Row]]:
    therapists: list[Row] = []
    links: list[Row] = []
    templates: list[Row] = []
    effective_from = options.today - dt.timedelta(days=options.days_back + 365)
    for i in range(count):
        tid = i + 1
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY_HEAD)}{rng.choice(FAMILY_TAIL)}"
        therapists.append(
            {
                "id": tid,
                "user_id": None,
                "display_name": name,
                "credentials": rng.choice(("PT, DPT", "PT", "PT, OCS", "PT, FAAOMPT")),
                "active": True,
                "version": 1,
            }
        )
        home = locations[i % len(locations)]
        others = [
            loc for loc in locations if loc["timezone"] == home["timezone"] and loc is not home
        ]
        sites = [home, *rng.sample(others, k=rng.choice((0, 1, 1, 2)))]
        links.extend({"therapist_id": tid, "location_id": loc["id"]} for loc in sites)
        shift = rng.choice(SHIFTS)
        for weekday in rng.sample(range(5), k=rng.choice((4, 5, 5))):
            loc = sites[weekday % len(sites)]
            for start, end in shift:
                templates.append(
                    {
                        "id": len(templates) + 1,
                        "therapist_id": tid,
                        "location_id": loc["id"],
                        "weekday": weekday,
                        "start_time": start,
                        "end_time": end,
                        "effective_from": effective_from,
                        "effective_to": None,
                    }
                )
        if home["id"] % 3 == 0 and rng.random() < 0.5:
            templates.append(
                {
                    "id": len(templates) + 1,
                    "therapist_id": tid,
                    "location_id": home["id"],
                    "weekday": 5,
                    "start_time": dt.time(8, 0),
                    "end_time": dt.time(12, 0),
                    "effective_from": effective_from,
                    "effective_to": None,
                }
            )
    return therapists, links, templates


def _time_off(
    rng: random.Random,
    therapists: list[Row],
    locations: list[Row],
    links: list[Row],
    options: DemoOptions,
) -> list[Row]:
    zone_of = {loc["id"]: ZoneInfo(loc["timezone"]) for loc in locations}
    home: dict[int, int] = {}  # therapist id -> home location id
    for link in links:
        home.setdefault(link["therapist_id"], link["location_id"])
    first, last = _date_range(options)
    span = (last - first).days
    rows: list[Row] = []
    for therapist in therapists:
        zone = zone_of[home[therapist["id"]]]
        for _ in range(rng.choice((0, 1, 1, 2))):
            day = first + dt.timedelta(days=rng.randrange(span))
            days = rng.choice((1, 1, 2, 5))
            start = dt.datetime.combine(day, dt.time(0), zone).astimezone(dt.UTC)
            end = dt.datetime.combine(day + dt.timedelta(days=days), dt.time(0), zone)
            rows.append(
                {
                    "id": len(rows) + 1,
                    "therapist_id": therapist["id"],
                    "starts_at": start,
                    "ends_at": end.astimezone(dt.UTC),
                    "reason": rng.choice(("Vacation", "Course", "Personal")),
                }
            )
    return rows


def _appointments(
    rng: random.Random,
    options: DemoOptions,
    locations: list[Row],
    templates: list[Row],
    closures: list[Row],
    time_off: list[Row],
    n_patients: int,
    now: dt.datetime,
) -> list[Row]:
    if n_patients == 0:
        return []
    zone_of = {loc["id"]: ZoneInfo(loc["timezone"]) for loc in locations}
    closed = {
        (c["location_id"], c["first_day"] + dt.timedelta(days=d))
        for c in closures
        for d in range((c["last_day"] - c["first_day"]).days + 1)
    }
    off: dict[int, list[tuple[dt.datetime, dt.datetime]]] = {}
    for t in time_off:
        off.setdefault(t["therapist_id"], []).append((t["starts_at"], t["ends_at"]))
    by_weekday: dict[int, list[Row]] = {}
    for t in templates:
        by_weekday.setdefault(t["weekday"], []).append(t)
    first, last = _date_range(options)
    rows: list[Row] = []
    for day_index in range((last - first).days + 1):
        day = first + dt.timedelta(days=day_index)
        seen_today: set[int] = set()  # one visit a day per patient keeps patients apart
        for t in by_weekday.get(day.weekday(), ()):
            if (t["location_id"], day) in closed:
                continue
            zone = zone_of[t["location_id"]]
            start = dt.datetime.combine(day, t["start_time"], zone).astimezone(dt.UTC)
            end = dt.datetime.combine(day, t["end_time"], zone).astimezone(dt.UTC)
            if any(a < end and start < b for a, b in off.get(t["therapist_id"], ())):
                continue
            while True:
                kind = APPOINTMENT_TYPES[0] if rng.random() < 0.3 else APPOINTMENT_TYPES[1]
                stop = start + dt.timedelta(minutes=kind["minutes"])
                if stop > end:
                    break
                patient = _free_patient(rng, n_patients, seen_today)
                if patient and rng.random() < OCCUPANCY:
                    seen_today.add(patient)
                    rows.append(
                        _appointment(rng, len(rows) + 1, t, patient, kind, start, stop, now)
                    )
                start = stop
                if stop.minute % 15:  # keep visits on the quarter-hour grid
                    start += dt.timedelta(minutes=15 - stop.minute % 15)
    return rows


def _free_patient(rng: random.Random, n_patients: int, taken: set[int]) -> int | None:
    """A patient with no visit yet today, or None when a few draws find nobody free."""
    for _ in range(8):
        patient = rng.randrange(1, n_patients + 1)
        if patient not in taken:
            return patient
    return None


def _appointment(
    rng: random.Random,
    row_id: int,
    template: Row,
    patient: int,
    kind: Row,
    start: dt.datetime,
    stop: dt.datetime,
    now: dt.datetime,
) -> Row:
    status = "booked"
    if stop <= now:
        status = rng.choices(("completed", "no_show", "cancelled"), (90, 4, 6))[0]
    elif rng.random() < 0.03:
        status = "cancelled"
    return {
        "id": row_id,
        "patient_id": patient,
        "therapist_id": template["therapist_id"],
        "location_id": template["location_id"],
        "type_id": kind["id"],
        "starts_at": start,
        "ends_at": stop,
        "blocks_until": stop + dt.timedelta(minutes=kind["buffer_minutes"]),
        "status": status,
        "intake_id": None,
        "needs_review": False,
        "booked_by": None,
        "booked_at": start - dt.timedelta(days=14),
        "cancel_reason": "Patient called to cancel" if status == "cancelled" else "",
        "cancelled_at": start - dt.timedelta(days=1) if status == "cancelled" else None,
        "late_cancellation": False,
        "version": 1,
    }
