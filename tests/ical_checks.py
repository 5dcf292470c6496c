"""What every .ics file of ours must be, checked on the file itself (RFC 5545/5546): used by
the unit, database and screen tests."""

from __future__ import annotations

import datetime as dt
import re

from icalendar import Calendar


def _unfolded_lines(raw: bytes) -> list[str]:
    return raw.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def check_wire_format(raw: bytes) -> None:
    """CRLF line ends, and no line longer than 75 octets (RFC 5545 §3.1)."""
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b""), "a bare LF"
    assert b"\r" not in raw.replace(b"\r\n", b""), "a bare CR"
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line


def offset_from_vtimezone(vtimezone, local: dt.datetime) -> dt.timedelta:  # type: ignore[no-untyped-def]
    """The UTC offset the VTIMEZONE itself gives a local wall time (its observances' onsets:
    DTSTART and RDATEs), so the file, not the reader's zone database, is what is checked.
    Fails if no observance starts before the time: then the definition does not cover it."""
    onsets: list[tuple[dt.datetime, dt.timedelta]] = []
    for observance in vtimezone.subcomponents:
        if observance.name not in ("STANDARD", "DAYLIGHT"):
            continue
        assert "RRULE" not in observance  # not written by us; the check would need it
        offset = observance["TZOFFSETTO"].td
        onsets.append((observance.decoded("DTSTART").replace(tzinfo=None), offset))
        rdates = observance.get("RDATE", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            onsets.extend((d.dt.replace(tzinfo=None), offset) for d in rdate.dts)
    naive = local.replace(tzinfo=None)
    earlier = [(onset, offset) for onset, offset in onsets if onset <= naive]
    assert earlier, f"the VTIMEZONE {vtimezone['TZID']} does not cover {naive}"
    return max(earlier, key=lambda pair: pair[0])[1]


def check_calendar(raw: bytes, *, method: str) -> Calendar:
    """What every file of ours must be: METHOD, DTSTAMP in UTC, a VTIMEZONE for every TZID
    whose definition gives each event its instant, folded CRLF lines."""
    check_wire_format(raw)
    calendar = Calendar.from_ical(raw)
    assert str(calendar["method"]) == method
    lines = _unfolded_lines(raw)
    assert all(re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", x) for x in lines if x.startswith("DTSTAMP"))
    zones = {str(z["TZID"]): z for z in calendar.walk("VTIMEZONE")}
    used = set(re.findall(r";TZID=([^:;]+)", "\n".join(lines)))
    assert used <= set(zones), used - set(zones)
    assert calendar.get_missing_tzids() == set()
    for event in calendar.walk("VEVENT"):
        assert event.decoded("dtstamp").utcoffset() == dt.timedelta(0)
        for key in ("DTSTART", "DTEND"):
            prop = event[key]
            if "TZID" in prop.params:
                local = prop.dt
                offset = offset_from_vtimezone(zones[prop.params["TZID"]], local)
                instant = local.replace(tzinfo=None) - offset
                assert instant == local.astimezone(dt.UTC).replace(tzinfo=None), key
    return calendar
