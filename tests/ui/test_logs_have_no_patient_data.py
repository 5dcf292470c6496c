"""The log file never holds patient data: a whole intake-to-booking flow with synthetic
patients, sign-ins and refused input, then the log is searched for their names, dates of
birth and phone numbers."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from intake import logs
from intake.domain.booking import BookingRequest, SlotRequest
from intake.domain.enums import Role
from intake.domain.errors import KnownError
from intake.domain.patient import PatientDraft
from intake.services import accounts, booking, intakes, patient_search, patients, slot_finder
from intake.services.actor import SYSTEM
from intake.ui.context import UiContext
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, build, screened_intake
from tests.db.test_accounts import PASSWORD, cheap_hasher  # noqa: F401

FIXTURE_PATIENTS = (
    PatientDraft("Quorvexlog", "Ilsbethtest", dt.date(1958, 11, 19), "female",
                 phone="(555) 013-7742"),
    PatientDraft("Varnockslog", "Tembrictest", dt.date(1993, 2, 28), "male",
                 phone="555-014-9921", email="synthetic.log@example.invalid"),
)  # fmt: skip


def _secrets(draft: PatientDraft) -> list[str]:
    dob = draft.date_of_birth
    assert dob is not None
    digits = "".join(c for c in draft.phone if c.isdigit())
    return [
        draft.family_name,
        draft.given_name,
        dob.isoformat(),
        dob.strftime("%m/%d/%Y"),
        draft.phone,
        digits,
        digits[-7:],
        *([draft.email] if draft.email else []),
    ]


@pytest.fixture
def database_url(checked_database_url: str) -> str:
    """Wrong passwords must be refused: on PostgreSQL a server that checks them (CI's own
    server trusts every connection from 127.0.0.1)."""
    return checked_database_url


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(logs, "_configured", False)
    root = logging.getLogger("intake")
    before = list(root.handlers)
    logs.configure()
    level = root.level
    root.setLevel(logging.DEBUG)  # the most talkative setting an IT person could choose
    yield logs.log_path()
    for handler in root.handlers[len(before) :]:
        handler.close()
        root.removeHandler(handler)
    root.setLevel(level)


def test_a_whole_flow_leaves_no_patient_data_in_the_log(
    qtbot, database, log_file, cheap_hasher  # noqa: F811
):  # fmt: skip
    build(database, patients_count=1)
    accounts.create_account(database, SYSTEM, "desk1", "Desk One", Role.FRONT_DESK, PASSWORD)
    with pytest.raises(KnownError):
        accounts.sign_in(database, "desk1", "wrong-password")
    desk = accounts.sign_in(database, "desk1", PASSWORD, workstation="log-test-pc")
    for draft in FIXTURE_PATIENTS:
        patient = patients.register(database, desk, draft)
        patient_search.search(database, desk, draft.family_name)
        patients.get(database, desk, patient.id)
        intake_id = screened_intake(database, patient.id)
        intakes.get(database, desk, intake_id)
        slot = slot_finder.find(
            database, desk, SlotRequest(first_day=MONDAY, earliest=NOW, limit=1)
        )[0]
        request = BookingRequest(patient.id, slot.therapist_id, slot.location_id, slot.start,
                                 "EVAL60", intake_id)  # fmt: skip
        booking.book(database, desk, request, now=NOW)
        with pytest.raises(KnownError):  # the same slot again: a lost race, logged or not
            booking.book(database, desk, request, now=NOW)
        with pytest.raises(KnownError):  # refused input echoes nothing into the log
            patients.register(database, desk, PatientDraft(draft.family_name, "", None, "x"))
    # A bug inside a background task is logged with its traceback: still no patient data.
    context = UiContext(database, desk, Worker())
    failures: list[str] = []

    def buggy(db, actor):  # type: ignore[no-untyped-def]
        patients.get(db, actor, 1)
        raise RuntimeError("synthetic bug in a background task")

    context.run(buggy, lambda _r: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    context.worker.wait_for_done()
    for handler in logging.getLogger("intake").handlers:
        handler.flush()

    text = log_file.read_text(encoding="utf-8")
    assert "signed in: account" in text and "background task failed" in text
    for draft in FIXTURE_PATIENTS:
        for secret in _secrets(draft):
            assert secret not in text, f"patient data in the log: {secret!r}"
