"""Minimal synthetic rows for database tests, written with raw SQL (bypassing Python)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, text

T0 = dt.datetime(2026, 12, 1, 14, 0)  # naive UTC, in the form the program writes

# Pairs of a therapist's visits that overlap (with the turnover), asked of the database itself:
# what every race test checks is zero afterwards.
THERAPIST_OVERLAPS = text(
    "SELECT count(*) FROM appointments a JOIN appointments b ON a.id < b.id "
    "AND a.therapist_id = b.therapist_id AND a.starts_at < b.blocks_until "
    "AND b.starts_at < a.blocks_until "
    "WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'"
)


def at(hours: float) -> str:
    return (T0 + dt.timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M:%S.%f")


def seed_practice(conn: Connection) -> None:
    """One location, two therapists, one type, two patients: ids 1 and 2 everywhere."""
    conn.execute(
        text(
            "INSERT INTO locations (id, code, name, address, phone, timezone, active, "
            "created_at, version) VALUES (1, 'L01', 'Test site', '', '', 'America/New_York', "
            "true, '2026-01-01 00:00:00.000000', 1)"
        )
    )
    for tid in (1, 2):
        conn.execute(
            text(
                "INSERT INTO therapists (id, display_name, credentials, active, version) "
                "VALUES (:id, :name, 'PT', true, 1)"
            ),
            {"id": tid, "name": f"Therapist {tid}"},
        )
    conn.execute(
        text(
            "INSERT INTO appointment_types (id, code, name, minutes, buffer_minutes, active) "
            "VALUES (1, 'EVAL60', 'Initial evaluation', 60, 0, true)"
        )
    )
    for pid in (1, 2):
        conn.execute(
            text(
                "INSERT INTO patients (id, mrn, family_name, given_name, preferred_name, "
                "family_norm, given_norm, date_of_birth, sex, phone, phone_digits, email, "
                "address_line, city, postal_code, preferred_language, emergency_contact_name, "
                "emergency_contact_phone, payer, member_id, referral_source, referring_provider, "
                "created_at, updated_at, version) VALUES (:id, :mrn, 'Testcase', :given, '', "
                "'testcase', :given_norm, '1980-01-01', 'other', '', '', '', '', '', '', 'en', "
                "'', '', '', '', '', '', '2026-01-01 00:00:00.000000', "
                "'2026-01-01 00:00:00.000000', 1)"
            ),
            {
                "id": pid,
                "mrn": f"T{pid:07d}",
                "given": f"Sample{pid}",
                "given_norm": f"sample{pid}",
            },
        )


_next_id = iter(range(1000, 100000))


def insert_appointment(
    conn: Connection,
    *,
    therapist: int = 1,
    patient: int = 1,
    start: float = 0,
    end: float = 1,
    status: str = "booked",
    buffer_hours: float = 0,
) -> int:
    row_id = next(_next_id)
    conn.execute(
        text(
            "INSERT INTO appointments (id, patient_id, therapist_id, location_id, type_id, "
            "starts_at, ends_at, blocks_until, status, needs_review, booked_at, cancel_reason, "
            "late_cancellation, version) VALUES (:id, :patient, :therapist, 1, 1, :start, :end, "
            ":blocks, :status, false, '2026-01-01 00:00:00.000000', '', false, 1)"
        ),
        {
            "id": row_id,
            "patient": patient,
            "therapist": therapist,
            "start": at(start),
            "end": at(end),
            "blocks": at(end + buffer_hours),
            "status": status,
        },
    )
    return row_id
