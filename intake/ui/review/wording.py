"""How the review area names and marks triage: always a word and an icon, colour on top."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from intake.domain.languages import ENGLISH_NAMES, Language
from intake.ui import when as shown
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.languages import staff_language

# level -> (word, icon, background, text colour); None = never screened
_LEVELS: dict[str, tuple[str, QStyle.StandardPixmap, str, str]] = {
    "emergency": (
        QT_TRANSLATE_NOOP("Review", "EMERGENCY"),
        QStyle.StandardPixmap.SP_MessageBoxCritical,
        "#c53030",
        "#ffffff",
    ),
    "refer": (
        QT_TRANSLATE_NOOP("Review", "REFER"),
        QStyle.StandardPixmap.SP_MessageBoxWarning,
        "#fbd38d",
        "#7b341e",
    ),
    "review": (
        QT_TRANSLATE_NOOP("Review", "REVIEW"),
        QStyle.StandardPixmap.SP_MessageBoxInformation,
        "#fefcbf",
        "#744210",
    ),
    "clear": (
        QT_TRANSLATE_NOOP("Review", "CLEAR"),
        QStyle.StandardPixmap.SP_DialogApplyButton,
        "#c6f6d5",
        "#22543d",
    ),
    "none": (
        QT_TRANSLATE_NOOP("Review", "NOT SCREENED"),
        QStyle.StandardPixmap.SP_MessageBoxQuestion,
        "#e4e7eb",
        "#323f4b",
    ),
}

MEANING = {
    "emergency": QT_TRANSLATE_NOOP(
        "Review", "Emergency signs: the patient should not have been booked; act now."
    ),
    "refer": QT_TRANSLATE_NOOP(
        "Review", "Refer: medical clearance is needed before physical therapy."
    ),
    "review": QT_TRANSLATE_NOOP(
        "Review", "Review: a therapist reviews the intake (and usually calls) before the visit."
    ),
    "clear": QT_TRANSLATE_NOOP("Review", "Clear: no warning signs; notes and precautions below."),
    "none": QT_TRANSLATE_NOOP("Review", "This intake has no stored screening result."),
}

CRITERIA = {
    "Ia": QT_TRANSLATE_NOOP(
        "Review", "Ia – headache brought on by neck movement or sustained posture"
    ),
    "Ib": QT_TRANSLATE_NOOP("Review", "Ib – neck movement limited"),
    "Ic": QT_TRANSLATE_NOOP("Review", "Ic – neck, shoulder or arm pain on the headache side"),
    "III": QT_TRANSLATE_NOOP("Review", "III – one-sided headache without side shift"),
}


# A stage and a Neck Disability Index band as the staff read them (the stored values are
# English codes).
STAGES = {
    "acute": QT_TRANSLATE_NOOP("Review", "acute"),
    "subacute": QT_TRANSLATE_NOOP("Review", "subacute"),
    "chronic": QT_TRANSLATE_NOOP("Review", "chronic"),
}
BANDS = {
    "none": QT_TRANSLATE_NOOP("Review", "no disability"),
    "mild": QT_TRANSLATE_NOOP("Review", "mild"),
    "moderate": QT_TRANSLATE_NOOP("Review", "moderate"),
    "severe": QT_TRANSLATE_NOOP("Review", "severe"),
    "complete": QT_TRANSLATE_NOOP("Review", "complete"),
}
# An appointment's state as stored (intake.domain.enums.AppointmentStatus values).
VISIT_STATES = {
    "booked": QT_TRANSLATE_NOOP("Review", "booked"),
    "checked_in": QT_TRANSLATE_NOOP("Review", "checked in"),
    "completed": QT_TRANSLATE_NOOP("Review", "completed"),
    "cancelled": QT_TRANSLATE_NOOP("Review", "cancelled"),
    "no_show": QT_TRANSLATE_NOOP("Review", "no show"),
}

SEXES = {
    "female": QT_TRANSLATE_NOOP("Review", "female"),
    "male": QT_TRANSLATE_NOOP("Review", "male"),
    "other": QT_TRANSLATE_NOOP("Review", "other"),
}


def sex(value: str) -> str:
    return translate("Review", SEXES[value]) if value in SEXES else value


def stage(value: str | None) -> str:
    return translate("Review", STAGES[value]) if value in STAGES else translate("Review", "unknown")


def band(value: str) -> str:
    return translate("Review", BANDS[value]) if value in BANDS else value


def visit_state(value: str) -> str:
    return translate("Review", VISIT_STATES.get(value, value.replace("_", " ")))


def meaning(level: str | None) -> str:
    return translate("Review", MEANING[key(level)])


def criterion(code: str) -> str:
    return translate("Review", CRITERIA[code]) if code in CRITERIA else code


def key(level: str | None) -> str:
    return level if level in _LEVELS else "none"


def word(level: str | None) -> str:
    return translate("Review", _LEVELS[key(level)][0])


def flag_word(level: str) -> str:
    """The word before a flag: a `clear` flag is a note or precaution."""
    return translate("Review", "NOTE") if level == "clear" else word(level)


def icon(level: str | None) -> QIcon:
    style = QApplication.style()
    return style.standardIcon(_LEVELS[key(level)][1]) if style is not None else QIcon()


def background(level: str | None) -> QColor:
    return QColor(_LEVELS[key(level)][2])


def foreground(level: str | None) -> QColor:
    return QColor(_LEVELS[key(level)][3])


def when(moment: dt.datetime | None, timezone: str | None = None, *, short: bool = False) -> str:
    """A moment as a person reads it, in the location's zone (else this computer's), with
    the zone named when it is not this computer's (intake.ui.when), in the staff's
    language."""
    if moment is None:
        return ""
    at = shown.local(moment, timezone)
    day = shown.short_day(at, localized=True) if short else shown.day(at, localized=True)
    text = f"{day}, {shown.time_of_day(at, localized=True)}"
    if at.tzinfo is not None and at.astimezone(shown.here()).utcoffset() != at.utcoffset():
        text += f" {at.tzname()}"
    return text


def time_of_day(moment: dt.datetime) -> str:
    """A visit's end on its own clock, in the staff's language."""
    return shown.time_of_day(moment, localized=True)


def date(moment: dt.date) -> str:
    """A date of birth in the staff's language."""
    return shown.date(moment, localized=True)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# The names `asked_in` gives (intake.domain.languages.ENGLISH_NAMES), for lupdate.
_LANGUAGE_NAMES = (QT_TRANSLATE_NOOP("Review", "English"), QT_TRANSLATE_NOOP("Review", "Spanish"))


def asked_in(language: str) -> str:
    """ " Questions were asked in Spanish." when they were not put in the staff's language
    (the answers the review shows are the staff's words for the same values); else ""."""
    if language == staff_language():
        return ""
    try:
        name = translate("Review", ENGLISH_NAMES[Language(language)])
    except (ValueError, KeyError):
        name = language
    text = translate("Review", "Questions were asked in {language}.")
    return " " + text.format(language=name)
