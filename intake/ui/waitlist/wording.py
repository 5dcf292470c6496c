"""How a waitlist entry reads to the desk: urgency in words, preferences in a line."""

from __future__ import annotations

from collections.abc import Mapping

from intake.domain.booking import WaitlistPreferences
from intake.domain.enums import PartOfDay

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
PART_WORDS = {
    PartOfDay.MORNING: "Morning (before 12:00)",
    PartOfDay.AFTERNOON: "Afternoon (12:00–17:00)",
    PartOfDay.EVENING: "Evening (from 17:00)",
}
# The mark is text, not a colour alone, so it reads the same to colour-blind staff.
URGENCY = {
    "review": ("⚑ Review first", "a therapist reviews the intake before the visit"),
    "clear": ("Routine", "the screening is clear"),
    None: ("No screening", "waits behind screened patients"),
}


def urgency(triage: str | None) -> str:
    """ "⚑ Review first" / "Routine" / "No screening"."""
    return URGENCY.get(triage, (triage or "", ""))[0]


def urgency_sentence(triage: str | None) -> str:
    short, why = URGENCY.get(triage, (triage or "", ""))
    return f"{short}: {why}." if why else short


def preferences(
    wanted: WaitlistPreferences,
    location_names: Mapping[int, str],
    therapist_names: Mapping[int, str],
) -> str:
    """ "Mon, Wed · mornings · East Clinic · any therapist": every part of what is wanted."""
    days = ", ".join(WEEKDAYS[d] for d in sorted(wanted.weekdays)) or "any day"
    parts = ", ".join(p.value + "s" for p in PartOfDay if p in wanted.parts_of_day) or "any time"
    places = (
        ", ".join(location_names.get(i, "a closed location") for i in wanted.location_ids)
        or "any location"
    )
    who = (
        therapist_names.get(wanted.therapist_id, "a former therapist")
        if wanted.therapist_id is not None
        else "any therapist"
    )
    return f"{days} · {parts} · {places} · {who}"
