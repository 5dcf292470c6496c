"""Who may do what: each role's permissions (checked in services, mirrored in the UI)."""

from __future__ import annotations

from enum import StrEnum

from intake.domain.enums import Role


class Permission(StrEnum):
    PATIENTS = "patients"  # find, open, register and edit patient records
    INTAKE = "intake"  # take and edit intakes, run screening
    BOOKING = "booking"  # find slots, book, reschedule, cancel, waitlist
    SCHEDULE = "schedule"  # see the schedules
    REVIEW = "review"  # sign off or return intakes
    PRACTICE_ADMIN = "practice_admin"  # locations, hours, closures, therapists, templates, types
    ACCOUNTS = "accounts"  # staff accounts
    AUDIT = "audit"  # read the audit trail
    MERGE_PATIENTS = "merge_patients"  # merge duplicate patient records, undo a merge
    SELF_INTAKE = "self_intake"  # run the waiting-room tablet (a patient answers alone)


_FRONT_DESK = frozenset(
    {
        Permission.PATIENTS,
        Permission.INTAKE,
        Permission.BOOKING,
        Permission.SCHEDULE,
        Permission.SELF_INTAKE,
    }
)
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.FRONT_DESK: _FRONT_DESK,
    Role.THERAPIST: _FRONT_DESK | {Permission.REVIEW},
    Role.ADMIN: frozenset(Permission),
    # The fewest: a tablet account never opens, lists or edits a patient record.
    Role.TABLET: frozenset({Permission.SELF_INTAKE}),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]
