"""How a waitlist entry reads to the desk: urgency in words, preferences in a line."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QLocale

from intake.domain.booking import WaitlistPreferences
from intake.domain.enums import PartOfDay
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate

PART_WORDS = {
    PartOfDay.MORNING: QT_TRANSLATE_NOOP("Waitlist", "Morning (before 12:00)"),
    PartOfDay.AFTERNOON: QT_TRANSLATE_NOOP("Waitlist", "Afternoon (12:00–17:00)"),
    PartOfDay.EVENING: QT_TRANSLATE_NOOP("Waitlist", "Evening (from 17:00)"),
}
PART_NAMES = {
    PartOfDay.MORNING: QT_TRANSLATE_NOOP("Waitlist", "morning"),
    PartOfDay.AFTERNOON: QT_TRANSLATE_NOOP("Waitlist", "afternoon"),
    PartOfDay.EVENING: QT_TRANSLATE_NOOP("Waitlist", "evening"),
}
PARTS_WANTED = {
    PartOfDay.MORNING: QT_TRANSLATE_NOOP("Waitlist", "mornings"),
    PartOfDay.AFTERNOON: QT_TRANSLATE_NOOP("Waitlist", "afternoons"),
    PartOfDay.EVENING: QT_TRANSLATE_NOOP("Waitlist", "evenings"),
}
# The mark is text, not a colour alone, so it reads the same to colour-blind staff.
URGENCY = {
    "review": (
        QT_TRANSLATE_NOOP("Waitlist", "⚑ Review first"),
        QT_TRANSLATE_NOOP("Waitlist", "a therapist reviews the intake before the visit"),
    ),
    "clear": (
        QT_TRANSLATE_NOOP("Waitlist", "Routine"),
        QT_TRANSLATE_NOOP("Waitlist", "the screening is clear"),
    ),
    None: (
        QT_TRANSLATE_NOOP("Waitlist", "No screening"),
        QT_TRANSLATE_NOOP("Waitlist", "waits behind screened patients"),
    ),
}


def urgency(triage: str | None) -> str:
    """ "⚑ Review first" / "Routine" / "No screening"."""
    short = URGENCY.get(triage, (triage or "", ""))[0]
    return translate("Waitlist", short) if short else short


def urgency_sentence(triage: str | None) -> str:
    short, why = URGENCY.get(triage, (triage or "", ""))
    if not why:
        return short
    return f"{translate('Waitlist', short)}: {translate('Waitlist', why)}."


def preferences(
    wanted: WaitlistPreferences,
    location_names: Mapping[int, str],
    therapist_names: Mapping[int, str],
) -> str:
    """ "Mon, Wed · mornings · East Clinic · any therapist": every part of what is wanted."""
    locale = QLocale()  # the interface's language (intake/ui/i18n.py sets it)
    short = QLocale.FormatType.ShortFormat
    days = ", ".join(locale.dayName(d + 1, short) for d in sorted(wanted.weekdays)) or (
        translate("Waitlist", "any day")
    )
    parts = ", ".join(
        translate("Waitlist", PARTS_WANTED[p]) for p in PartOfDay if p in wanted.parts_of_day
    ) or translate("Waitlist", "any time")
    closed = translate("Waitlist", "a closed location")
    places = ", ".join(location_names.get(i, closed) for i in wanted.location_ids) or (
        translate("Waitlist", "any location")
    )
    who = (
        therapist_names.get(wanted.therapist_id, translate("Waitlist", "a former therapist"))
        if wanted.therapist_id is not None
        else translate("Waitlist", "any therapist")
    )
    return f"{days} · {parts} · {places} · {who}"
