"""How the review area names and marks triage: always a word and an icon, colour on top."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from intake.domain.languages import ENGLISH_NAMES, Language
from intake.ui.languages import staff_language
from intake.ui.when import moment as shown_moment

# level -> (word, icon, background, text colour); None = never screened
_LEVELS: dict[str, tuple[str, QStyle.StandardPixmap, str, str]] = {
    "emergency": ("EMERGENCY", QStyle.StandardPixmap.SP_MessageBoxCritical, "#c53030", "#ffffff"),
    "refer": ("REFER", QStyle.StandardPixmap.SP_MessageBoxWarning, "#fbd38d", "#7b341e"),
    "review": ("REVIEW", QStyle.StandardPixmap.SP_MessageBoxInformation, "#fefcbf", "#744210"),
    "clear": ("CLEAR", QStyle.StandardPixmap.SP_DialogApplyButton, "#c6f6d5", "#22543d"),
    "none": ("NOT SCREENED", QStyle.StandardPixmap.SP_MessageBoxQuestion, "#e4e7eb", "#323f4b"),
}

MEANING = {
    "emergency": "Emergency signs: the patient should not have been booked; act now.",
    "refer": "Refer: medical clearance is needed before physical therapy.",
    "review": "Review: a therapist reviews the intake (and usually calls) before the visit.",
    "clear": "Clear: no warning signs; notes and precautions below.",
    "none": "This intake has no stored screening result.",
}

CRITERIA = {
    "Ia": "Ia – headache brought on by neck movement or sustained posture",
    "Ib": "Ib – neck movement limited",
    "Ic": "Ic – neck, shoulder or arm pain on the headache side",
    "III": "III – one-sided headache without side shift",
}


def key(level: str | None) -> str:
    return level if level in _LEVELS else "none"


def word(level: str | None) -> str:
    return _LEVELS[key(level)][0]


def flag_word(level: str) -> str:
    """The word before a flag: a `clear` flag is a note or precaution."""
    return "NOTE" if level == "clear" else word(level)


def icon(level: str | None) -> QIcon:
    style = QApplication.style()
    return style.standardIcon(_LEVELS[key(level)][1]) if style is not None else QIcon()


def background(level: str | None) -> QColor:
    return QColor(_LEVELS[key(level)][2])


def foreground(level: str | None) -> QColor:
    return QColor(_LEVELS[key(level)][3])


def when(moment: dt.datetime | None, timezone: str | None = None) -> str:
    """A moment as a person reads it, in the location's zone (else this computer's), with
    the zone named when it is not this computer's (intake.ui.when)."""
    return shown_moment(moment, timezone)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def asked_in(language: str) -> str:
    """ " Questions were asked in Spanish." when they were not put in the staff's language
    (the answers the review shows are the staff's words for the same values); else ""."""
    if language == staff_language():
        return ""
    try:
        name = ENGLISH_NAMES[Language(language)]
    except (ValueError, KeyError):
        name = language
    text = QCoreApplication.translate("review", "Questions were asked in {language}.")
    return " " + text.format(language=name)
