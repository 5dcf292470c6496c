"""Patient search and the duplicate check against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from intake.db.models import AuditEvent, Patient
from intake.db.models.patient import PatientSearchKey
from intake.domain.duplicates import Likeness
from intake.domain.errors import PermissionDenied, StaleRecord
from intake.domain.patient import PatientDraft
from intake.services import patient_index, patient_search, patients
from tests.db.practice import desk

TODAY = dt.date(2027, 2, 22)

PEOPLE = (
    ("Testcase", "Zoë", dt.date(1980, 3, 7), "female", "+1 (212) 555-0101", "zoe@example.org"),
    ("Testcase", "Adam", dt.date(1980, 7, 3), "male", "(312) 555-0102", ""),
    ("Samplename", "Zoe", dt.date(1990, 12, 24), "female", "617.555.0103", ""),
    ("O'Samplefield-Démo", "Ana María", dt.date(2001, 1, 2), "other", "", "ana@example.org"),
    ("Exampleton", "Bram", dt.date(1980, 3, 7), "male", "718 555 0104", ""),
)


@pytest.fixture
def people(database):  # type: ignore[no-untyped-def]
    ids = []
    for family, given, born, sex, phone, email in PEOPLE:
        draft = PatientDraft(family, given, born, sex, phone=phone, email=email)
        ids.append(patients.register(database, desk(database), draft, today=TODAY).id)
    return ids


def names(database, text: str, **kw: object) -> list[str]:  # type: ignore[no-untyped-def]
    result = patient_search.search(database, desk(database), text, today=TODAY, **kw)  # type: ignore[arg-type]
    return [f"{h.given_name} {h.family_name}" for h in result.hits]


def test_names_match_in_any_order_partially_and_ignore_case_and_accents(database, people):
    assert names(database, "testcase zoe") == ["Zoë Testcase"]
    assert names(database, "ZOE TEST") == ["Zoë Testcase"]
    assert names(database, "zo") == ["Zoe Samplename", "Zoë Testcase"]
    assert names(database, "test") == ["Adam Testcase", "Zoë Testcase"]
    assert names(database, "maria samplef") == ["Ana María O'Samplefield-Démo"]
    assert names(database, "démo ANA") == ["Ana María O'Samplefield-Démo"]
    assert names(database, "osamplefield") == ["Ana María O'Samplefield-Démo"]
    assert names(database, "zzz") == []
    assert names(database, "   ") == []


@pytest.mark.parametrize("typed", ["1980-03-07", "07/03/1980", "7.3.1980", "19800307", "3/7/80"])
def test_date_of_birth_in_common_formats(database, people, typed: str):
    found = names(database, typed)
    assert "Zoë Testcase" in found and "Bram Exampleton" in found
    if "/" in typed:  # read both ways: 3 July 1980 is Adam's birthday
        assert "Adam Testcase" in found


def test_a_date_and_a_name_together(database, people):
    assert names(database, "1980-03-07 exam") == ["Bram Exampleton"]


@pytest.mark.parametrize(
    "typed", ["212 555 0101", "(212) 555-01", "2125550101", "555-0101", "0101"]
)
def test_phone_digits_with_any_punctuation_from_the_start_or_the_end(database, people, typed: str):
    assert "Zoë Testcase" in names(database, typed)


def test_record_number_in_full_or_as_a_number(database, people):
    mrn = patient_search.search(database, desk(database), "samplename", today=TODAY).hits[0].mrn
    number = str(int(mrn[1:]))
    for typed in (mrn, mrn.lower(), number):
        hits = patient_search.search(database, desk(database), typed, today=TODAY).hits
        assert hits[0].mrn == mrn and hits[0].matched == "record number"


def test_limit_and_order(database, people):
    result = patient_search.search(database, desk(database), "1980-03-07", today=TODAY, limit=1)
    assert len(result.hits) == 1 and result.more
    assert [h.family_name for h in result.hits] == ["Exampleton"]  # by name within a key
    assert not patient_search.search(database, desk(database), "bram", today=TODAY).more


def test_search_is_audited_without_the_query(database, people):
    patient_search.search(database, desk(database), "testcase", today=TODAY)
    with database.reading() as session:
        events = (
            session.execute(select(AuditEvent).where(AuditEvent.action == "search")).scalars().all()
        )
    assert len(events) == 1 and events[0].fields == [] and events[0].patient_id is None


def test_search_needs_the_patients_permission(database):
    class NoRole:
        def require(self, permission: object) -> None:
            raise PermissionDenied("no")

    with pytest.raises(PermissionDenied):
        patient_search.search(database, NoRole(), "x")  # type: ignore[arg-type]


def test_an_update_moves_the_search_keys_and_checks_the_version(database, people):
    info = patients.get(database, desk(database), people[1])
    changed = PatientDraft("Renamedcase", "Adam", info.date_of_birth, "male", phone=info.phone)
    updated = patients.update(database, desk(database), info.id, info.version, changed, today=TODAY)
    assert updated.version == info.version + 1
    assert names(database, "renamed") == ["Adam Renamedcase"]
    assert names(database, "adam test") == []
    with pytest.raises(StaleRecord):
        patients.update(database, desk(database), info.id, info.version, changed, today=TODAY)


def test_rebuild_recreates_the_same_keys(database, people):
    with database.reading() as session:
        before = session.execute(select(func.count()).select_from(PatientSearchKey)).scalar()
    with database.writing() as session:
        total = patient_index.rebuild(session.connection())
    assert total == before
    assert names(database, "zoe testcase") == ["Zoë Testcase"]


def test_duplicates_are_ranked_with_their_reasons(database, people):
    draft = PatientDraft("Testkase", "Zoe", dt.date(1980, 3, 7), "female", phone="212-555-0101")
    found = patients.duplicates(database, desk(database), draft)
    best = found[0]
    assert (best.patient.family_name, best.patient.given_name) == ("Testcase", "Zoë")
    assert best.likeness is Likeness.LIKELY
    assert "same date of birth" in best.reasons and "surname sounds alike" in best.reasons
    assert set(best.fields) >= {"family_name", "given_name", "date_of_birth", "phone", "sex"}
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_no_duplicates_for_someone_new(database, people):
    draft = PatientDraft("Uniquename", "Quinn", dt.date(1966, 6, 16), "other")
    assert patients.duplicates(database, desk(database), draft) == ()
    assert patients.duplicates(database, desk(database), PatientDraft("", "", None, "")) == ()


def test_a_registered_patient_has_its_keys(database, people):
    with database.reading() as session:
        count = session.execute(
            select(func.count()).select_from(PatientSearchKey).join(Patient)
        ).scalar()
    assert count and count >= len(PEOPLE) * 4
