"""Turning a day or a week into what the canvas draws: lanes, shaded spans and placed blocks.

Positions are minutes after local midnight on the lane's wall clock, so a visit at 9:00 sits
at the 9:00 line on every day, including the days the clocks change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from intake.domain.schedule import DaySchedule, ScheduleBlock, Span, WeekSchedule
from intake.scheduling import wall_to_utc
from intake.ui import when
from intake.ui.i18n import translate

DEFAULT_FIRST = 7 * 60
DEFAULT_LAST = 19 * 60
GRID_MINUTES = 15
# Tints for the locations of a week (also named on every block: colour is never alone).
LOCATION_TINTS = ("#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#e0e7ff", "#ccfbf1", "#fee2e2")


@dataclass(frozen=True)
class Shade:
    top: float  # minutes after local midnight
    bottom: float
    kind: str  # "off" (not working / closed hours), "closure", "time_off"
    label: str


@dataclass(frozen=True)
class Lane:
    title: str
    subtitle: str
    zone: str
    day: dt.date
    therapist_id: int
    location_id: int | None  # None: the lane spans several locations (week view)
    working: tuple[tuple[float, float], ...]
    shades: tuple[Shade, ...]
    tint: str | None = None
    # Bookable time (the service's free spans, from the scheduling layer): (top, bottom,
    # location id) — a week's day may hold two locations.
    free: tuple[tuple[float, float, int], ...] = ()
    # Working windows with their location (where a visit dropped on the week view goes).
    places: tuple[tuple[float, float, int], ...] = ()

    def free_at(self, minute: float) -> int | None:
        """The location whose free time holds `minute`, or None when it is not free."""
        return next((loc for t, b, loc in self.free if t <= minute < b), None)

    def place_at(self, top: float, bottom: float, prefer: int | None = None) -> int | None:
        """The location whose working window holds [top, bottom) (`prefer` when both do)."""
        found = [loc for t, b, loc in self.places if t <= top and bottom <= b]
        return prefer if prefer in found else (found[0] if found else None)


@dataclass(frozen=True)
class Placed:
    block: ScheduleBlock
    lane: int
    top: float
    bottom: float
    tint: str | None = None
    tag: str = ""  # the location code on a week's block


@dataclass(frozen=True)
class Layout:
    lanes: tuple[Lane, ...]
    placed: tuple[Placed, ...]
    first_minute: int
    last_minute: int
    title: str


def minutes(moment: dt.datetime, zone: ZoneInfo, day: dt.date) -> float:
    """Wall-clock minutes of ``moment`` after the local midnight starting ``day``."""
    local = moment.astimezone(zone)
    days = (local.date() - day).days
    return days * 1440 + local.hour * 60 + local.minute + local.second / 60


def instant(day: dt.date, minute: float, zone: str) -> dt.datetime:
    """The UTC instant a lane's wall-clock minute stands for (clock-change days included)."""
    whole = round(minute)
    extra, whole = divmod(whole, 1440)
    at = dt.time(whole // 60, whole % 60)
    return wall_to_utc(day + dt.timedelta(days=extra), at, ZoneInfo(zone))


def _spans(spans: tuple[Span, ...], zone: ZoneInfo, day: dt.date) -> list[tuple[float, float]]:
    return [(minutes(s.start, zone, day), minutes(s.end, zone, day)) for s in spans]


def _gaps(
    inside: list[tuple[float, float]], first: float, last: float
) -> list[tuple[float, float]]:
    gaps, cursor = [], first
    for top, bottom in sorted(inside):
        if top > cursor:
            gaps.append((cursor, top))
        cursor = max(cursor, bottom)
    if cursor < last:
        gaps.append((cursor, last))
    return gaps


def day_layout(schedule: DaySchedule) -> Layout:
    zone, day = schedule.zone, schedule.day
    opening = _spans(schedule.opening, zone, day)
    tops = [t for t, _ in opening] + [minutes(b.start, zone, day) for b in schedule.blocks]
    bottoms = [b for _, b in opening] + [minutes(b.end, zone, day) for b in schedule.blocks]
    first, last = _bounds(tops, bottoms)
    lanes = []
    for column in schedule.columns:
        working = _spans(column.working, zone, day)
        shades = [Shade(t, b, "off", "") for t, b in _gaps(working, 0, 1440)]
        if schedule.closed:
            reason = schedule.closure_reason or ""
            shades = [
                Shade(
                    0,
                    1440,
                    "closure",
                    translate("ScheduleLanes", "Closed {reason}").format(reason=reason).strip(),
                )
            ]
        shades += [
            Shade(t, b, "time_off", translate("ScheduleLanes", "Time off"))
            for t, b in _spans(column.time_off, zone, day)
        ]
        lanes.append(
            Lane(
                column.therapist_name,
                _hours_text(working),
                schedule.timezone,
                day,
                column.therapist_id,
                schedule.location_id,
                tuple(working),
                tuple(shades),
                free=tuple((t, b, schedule.location_id) for t, b in _spans(column.free, zone, day)),
                places=tuple((t, b, schedule.location_id) for t, b in working),
            )
        )
    index = {lane.therapist_id: i for i, lane in enumerate(lanes)}
    placed = tuple(
        Placed(b, index[b.therapist_id], minutes(b.start, zone, day), minutes(b.end, zone, day))
        for b in schedule.blocks
        if b.therapist_id in index
    )
    return Layout(
        tuple(lanes),
        placed,
        first,
        last,
        f"{schedule.location_name} · {when.day(day, localized=True)}",
    )


def week_layout(week: WeekSchedule) -> Layout:
    tints = {p.id: LOCATION_TINTS[i % len(LOCATION_TINTS)] for i, p in enumerate(week.locations)}
    codes = {p.id: p.code for p in week.locations}
    zones = {p.id: p.timezone for p in week.locations}
    home_zone = week.locations[0].timezone if week.locations else "UTC"
    lanes, tops, bottoms = [], [], []
    for day in week.dates:
        places = [p for p in week.places if p.day == day]
        zone_name = zones.get(places[0].location_id, home_zone) if places else home_zone
        zone = ZoneInfo(zone_name)
        working = [w for p in places for w in _spans(p.working, zone, day)]
        tops += [t for t, _ in working]
        bottoms += [b for _, b in working]
        shades = [Shade(t, b, "off", "") for t, b in _gaps(working, 0, 1440)]
        for p in places:
            if p.closure_reason is not None:
                shades.append(
                    Shade(
                        0,
                        1440,
                        "closure",
                        translate("ScheduleLanes", "{location} closed").format(
                            location=codes[p.location_id]
                        ),
                    )
                )
        shades += [
            Shade(t, b, "time_off", translate("ScheduleLanes", "Time off"))
            for t, b in _spans(week.time_off, zone, day)
        ]
        where = " + ".join(dict.fromkeys(codes[p.location_id] for p in places)) or translate(
            "ScheduleLanes", "Not working"
        )
        tint = tints.get(places[0].location_id) if len(places) == 1 else None
        title = when.short_day(day, localized=True)
        lanes.append(
            Lane(
                title,
                where,
                zone_name,
                day,
                week.therapist_id,
                None,
                tuple(working),
                (*shades,),
                tint,
                free=tuple(
                    (t, b, p.location_id) for p in places for t, b in _spans(p.free, zone, day)
                ),
                places=tuple(
                    (t, b, p.location_id) for p in places for t, b in _spans(p.working, zone, day)
                ),
            )
        )
    placed = []
    for block in week.blocks:
        zone = ZoneInfo(block.timezone)
        day = block.local_start.date()
        lane = (day - week.first_day).days
        top, bottom = minutes(block.start, zone, day), minutes(block.end, zone, day)
        tops.append(top)
        bottoms.append(bottom)
        placed.append(
            Placed(
                block,
                lane,
                top,
                bottom,
                tints.get(block.location_id),
                codes.get(block.location_id, ""),
            )
        )
    first, last = _bounds(tops, bottoms)
    return Layout(
        tuple(lanes),
        tuple(placed),
        first,
        last,
        translate("ScheduleLanes", "{therapist} · week").format(therapist=week.therapist_name),
    )


def from_now(layout: Layout, now: dt.datetime) -> Layout:
    """The layout with free time that has already passed left out (it cannot be booked)."""
    lanes = []
    for lane in layout.lanes:
        cut = minutes(now, ZoneInfo(lane.zone), lane.day)
        free = tuple((max(t, cut), b, loc) for t, b, loc in lane.free if b > cut)
        lanes.append(replace(lane, free=free))
    return replace(layout, lanes=tuple(lanes))


def _bounds(tops: list[float], bottoms: list[float]) -> tuple[int, int]:
    first = min([DEFAULT_FIRST, *tops])
    last = max([DEFAULT_LAST, *bottoms])
    return int(first // 60 * 60), int(min(1440 + 60, -(-last // 60) * 60))


def _hours_text(working: list[tuple[float, float]]) -> str:
    if not working:
        return translate("ScheduleLanes", "Not working")
    return ", ".join(f"{_hhmm(t)}–{_hhmm(b)}" for t, b in working)


def _hhmm(minute: float) -> str:
    whole = round(minute) % 1440
    hour, rest = divmod(whole, 60)
    return f"{hour % 12 or 12}:{rest:02d}{'a' if hour < 12 else 'p'}"


def free_for(
    layout: Layout, lane_index: int, top: float, bottom: float, ignore: int | None = None
) -> str | None:
    """Why a visit cannot go there (None when it can), judged from what is on screen."""
    lane = layout.lanes[lane_index]
    if not any(t <= top and bottom <= b for t, b in lane.working):
        return translate("ScheduleLanes", "That time is closed or outside the therapist's hours.")
    for shade in lane.shades:
        if shade.kind != "off" and shade.top < bottom and top < shade.bottom:
            return translate("ScheduleLanes", "The therapist is away then (time off or a closure).")
    for p in layout.placed:
        if (
            p.lane == lane_index
            and p.block.appointment_id != ignore
            and p.block.holds_time
            and p.top < bottom
            and top < p.bottom
        ):
            return translate("ScheduleLanes", "That time is already taken by another visit.")
    return None
