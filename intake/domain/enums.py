"""The fixed vocabularies the whole program shares (stored as text in the database)."""

from __future__ import annotations

from enum import StrEnum

from intake.domain.words import QT_TRANSLATE_NOOP, Message, said


class Role(StrEnum):
    FRONT_DESK = "front_desk"
    THERAPIST = "therapist"
    ADMIN = "admin"
    TABLET = "tablet"  # the waiting-room tablet: self-intake only, no patient records


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class IntakeStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    REVIEWED = "reviewed"
    RETURNED = "returned"
    CLOSED = "closed"  # ended without finishing: sent to emergency care or to a physician
    DISCARDED = "discarded"  # a draft given up, with the reason


class ClosingReason(StrEnum):
    """Why an intake ended without being finished (stored with it)."""

    EMERGENCY_REFERRAL = "emergency_referral"
    REFERRAL = "referral"
    DISCARDED = "discarded"


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"

    @property
    def holds_time(self) -> bool:
        """Whether the appointment occupies its therapist's and patient's time.

        A cancelled or no-show appointment frees the time, so a walk-in can take it.
        """
        return self in ACTIVE_APPOINTMENT_STATUSES

    @property
    def words(self) -> Message:
        """The status as a sentence says it ("A visit that is {words} …"), never the code;
        translated where shown (a visit is feminine in Spanish: "cita")."""
        return _APPOINTMENT_WORDS[self]


ACTIVE_APPOINTMENT_STATUSES = frozenset(
    {AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED}
)


_APPOINTMENT_WORDS = {
    AppointmentStatus.BOOKED: said(QT_TRANSLATE_NOOP("VisitStatus", "booked")),
    AppointmentStatus.CHECKED_IN: said(QT_TRANSLATE_NOOP("VisitStatus", "checked in")),
    AppointmentStatus.COMPLETED: said(QT_TRANSLATE_NOOP("VisitStatus", "completed")),
    AppointmentStatus.CANCELLED: said(QT_TRANSLATE_NOOP("VisitStatus", "cancelled")),
    AppointmentStatus.NO_SHOW: said(QT_TRANSLATE_NOOP("VisitStatus", "marked as a no-show")),
}


class CancelledBy(StrEnum):
    """Who called the visit off: only a patient's cancellation can be a late one."""

    PATIENT = "patient"
    CLINIC = "clinic"


class WaitlistStatus(StrEnum):
    WAITING = "waiting"
    OFFERED = "offered"
    BOOKED = "booked"
    REMOVED = "removed"

    @property
    def words(self) -> Message:
        """The status as a sentence says it ("That waitlist entry is already {words}."),
        translated where shown (an entry is feminine in Spanish: "entrada")."""
        return _WAITLIST_WORDS[self]


_WAITLIST_WORDS = {
    WaitlistStatus.WAITING: said(QT_TRANSLATE_NOOP("WaitlistStatus", "waiting")),
    WaitlistStatus.OFFERED: said(QT_TRANSLATE_NOOP("WaitlistStatus", "offered")),
    WaitlistStatus.BOOKED: said(QT_TRANSLATE_NOOP("WaitlistStatus", "booked")),
    WaitlistStatus.REMOVED: said(QT_TRANSLATE_NOOP("WaitlistStatus", "removed")),
}


class PartOfDay(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
