"""May this patient be booked? The screening's answer, in one place.

The booking service, the waitlist and the intake form all ask `may_book`; which questions
are consents is the checklist's own declaration (`[booking] consents`), so a new checklist
version changes the rule for all of them at once. Its messages are in the checklist's staff
language (`Checklist.staff_language`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from intake.domain.booking import BookingRefused
from intake.screening.checklist import Checklist
from intake.screening.triage import TriageLevel

EMERGENCY_MESSAGE = (
    "Emergency: do not book. Tell the caller to call the emergency number or go to "
    "the emergency department now, and tell the clinician on duty."
)
REFER_MESSAGE = (
    "Refer: do not book yet. The patient should see their physician or urgent care "
    "today; book after medical clearance."
)
# The gate's own words in the other languages a checklist may have (else English).
_SPANISH = {
    "emergency": (
        "Emergencia: no programe la cita. Dígale a la persona que llama que llame al número de "
        "emergencias o que vaya ahora mismo al departamento de emergencias, y avise al clínico "
        "de turno."
    ),
    "refer": (
        "Derivar: todavía no programe la cita. El paciente debe ver hoy a su médico o ir a una "
        "clínica de atención urgente; programe la cita después de la autorización médica."
    ),
    "incomplete": "La evaluación está incompleta; todavía falta: {needed}.",
    "questions": "las preguntas de la evaluación",
    "allowed": "Se puede programar la cita.",
}
_ENGLISH = {
    "emergency": EMERGENCY_MESSAGE,
    "refer": REFER_MESSAGE,
    "incomplete": "The screening is incomplete; still needed: {needed}.",
    "questions": "the screening questions",
    "allowed": "Booking allowed.",
}
_WORDS = {"en": _ENGLISH, "es": _SPANISH}


class Hold(StrEnum):
    """Why booking waits, most pressing first (the caller may still be on the line)."""

    EMERGENCY = "emergency"
    REFER = "refer"
    INCOMPLETE = "incomplete"
    NO_CONSENT = "no_consent"


@dataclass(frozen=True)
class BookingGate:
    """The answer: `hold` is None when booking is allowed."""

    hold: Hold | None
    needs_review: bool = False  # allowed, but a therapist reviews before the visit
    missing: tuple[str, ...] = ()  # the unanswered questions, or the consents not given
    consent_message: str = ""
    language: str = "en"  # of `message`: the checklist's staff language

    @property
    def allowed(self) -> bool:
        return self.hold is None

    @property
    def message(self) -> str:
        words = _WORDS.get(self.language, _ENGLISH)
        if self.hold is Hold.EMERGENCY:
            return words["emergency"]
        if self.hold is Hold.REFER:
            return words["refer"]
        if self.hold is Hold.INCOMPLETE:
            needed = ", ".join(self.missing) or words["questions"]
            return words["incomplete"].format(needed=needed)
        if self.hold is Hold.NO_CONSENT:
            return self.consent_message
        return words["allowed"]


class ScreeningForbidsBooking(BookingRefused):
    """The screening does not let the front desk book; `gate.hold` says why."""

    def __init__(self, gate: BookingGate) -> None:
        super().__init__(gate.message)
        self.gate = gate

    @property
    def hold(self) -> Hold:
        assert self.gate.hold is not None
        return self.gate.hold


def may_book(
    checklist: Checklist,
    answers: Mapping[str, object],
    *,
    complete: bool,
    triage: TriageLevel | str | None,
    missing: Iterable[str] = (),
) -> BookingGate:
    """Whether a screen with this outcome may be booked; pure, for every caller.

    `triage` on an incomplete screen is the level so far: an emergency or a referral found
    already stops booking before any question is finished.
    """
    level = TriageLevel(triage) if triage is not None else None
    language = checklist.staff_language
    if level is TriageLevel.EMERGENCY:
        return BookingGate(Hold.EMERGENCY, language=language)
    if level is TriageLevel.REFER:
        return BookingGate(Hold.REFER, language=language)
    if not complete or level is None:
        return BookingGate(Hold.INCOMPLETE, missing=tuple(missing), language=language)
    refused = tuple(q for q in checklist.consents if answers.get(q) is not True)
    if refused:
        return BookingGate(
            Hold.NO_CONSENT,
            missing=refused,
            consent_message=checklist.consent_message,
            language=language,
        )
    return BookingGate(None, needs_review=level is TriageLevel.REVIEW, language=language)


def require_booking_allowed(
    checklist: Checklist,
    answers: Mapping[str, object],
    *,
    complete: bool,
    triage: TriageLevel | str | None,
    missing: Iterable[str] = (),
) -> bool:
    """Raise ScreeningForbidsBooking unless `may_book`; True when a therapist must review."""
    gate = may_book(checklist, answers, complete=complete, triage=triage, missing=missing)
    if not gate.allowed:
        raise ScreeningForbidsBooking(gate)
    return gate.needs_review
