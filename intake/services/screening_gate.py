"""Whether a stored intake lets the front desk book (booking and the waitlist both ask here).

The screening's part is `screening.may_book`, the one rule the intake form asks too; what is
added here is the intake's own state: only a finished (submitted or reviewed) intake books.
"""

from __future__ import annotations

from intake import screening
from intake.db.models import Intake
from intake.domain.booking import BookingRefused
from intake.domain.enums import IntakeStatus
from intake.domain.words import QT_TRANSLATE_NOOP, said

_BOOKABLE = (IntakeStatus.SUBMITTED.value, IntakeStatus.REVIEWED.value)
_UNFINISHED = said(
    QT_TRANSLATE_NOOP(
        "ScreeningGate", "The intake is not finished: submit it (Ctrl+Enter) before booking."
    )
)
_RETURNED = said(
    QT_TRANSLATE_NOOP(
        "ScreeningGate",
        "The intake is not finished: submit it (Ctrl+Enter) before booking — a therapist "
        "returned it to the front desk.",
    )
)


def intake_allows_booking(intake: Intake) -> bool:
    """Raise BookingRefused unless the stored screening lets the front desk book; True when
    a therapist must review before the visit. Screening refusals are ScreeningForbidsBooking.
    """
    result = intake.screening or {}
    # The checklist the intake was screened with: its consents are the ones asked.
    checklist = screening.load_checklist(f"{intake.checklist_id}-{intake.checklist_version}")
    needs_review = screening.require_booking_allowed(
        checklist,
        intake.answers or {},
        complete=intake.screening_status == screening.Status.COMPLETE.value,
        triage=intake.triage,
        missing=result.get("missing", []),
    )
    if intake.status not in _BOOKABLE:
        raise BookingRefused(
            _RETURNED if intake.status == IntakeStatus.RETURNED.value else _UNFINISHED
        )
    return needs_review
