"""Where a course starts from: the patient's record (the last visit they came to says where
and with whom) or a seen evaluation on the schedule."""

from __future__ import annotations

from intake.domain.enums import AppointmentStatus
from intake.domain.patient_record import PatientRecord
from intake.ui.series.course_dialog import CourseStart

_CAME = (AppointmentStatus.COMPLETED, AppointmentStatus.CHECKED_IN)


def from_record(record: PatientRecord) -> CourseStart:
    """The patient, and the place and therapist of the latest visit they came to (else of
    their latest visit still on the books), as the form's first values."""
    info = record.patient
    label = f"{info.family_name}, {info.given_name}"
    came = [v for v in record.visits if v.status in _CAME]
    held = [v for v in record.visits if v.status.holds_time]
    latest = came[0] if came else (held[0] if held else None)  # visits: latest first
    if latest is None:
        return CourseStart(info.id, label)
    return CourseStart(
        info.id,
        label,
        location_id=latest.location_id,
        therapist_id=latest.therapist_id,
        intake_id=latest.intake_id,
    )
