"""The patient's preferred language and the language an intake's questions were asked in,
on both databases: the migration keeps what is there, the database refuses a code the
program does not know, and the services store and return both."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from intake import screening
from intake.db import migrate
from intake.db.engine import create_database_engine
from intake.domain.errors import Invalid
from intake.domain.merge import Side
from intake.domain.patient import PatientDraft
from intake.services import intakes, patient_merge, patients
from intake.services.database import Database
from tests.db.practice import admin, desk
from tests.db.rows import seed_practice
from tests.unit.screening.builders import ON, answers_for

DRAFT = PatientDraft("Langtest", "Sample", dt.date(1980, 2, 3), "other")


def _intake_at_0011(conn) -> None:  # type: ignore[no-untyped-def]
    conn.execute(
        text(
            "INSERT INTO intakes (id, patient_id, status, answers, checklist_id, "
            "checklist_version, created_at, updated_at, return_note, version) VALUES "
            "(1, 1, 'draft', '{}', 'neck-headache', '1', '2026-01-01 00:00:00.000000', "
            "'2026-01-01 00:00:00.000000', '', 1)"
        )
    )


def test_the_upgrade_keeps_known_languages_and_makes_the_rest_other(empty_database_url: str):
    engine = create_database_engine(empty_database_url)
    migrate.upgrade(engine, "0011")
    with engine.begin() as conn:
        seed_practice(conn)
        _intake_at_0011(conn)
        conn.execute(text("UPDATE patients SET preferred_language = 'fr' WHERE id = 1"))
        conn.execute(text("UPDATE patients SET preferred_language = 'Klingon' WHERE id = 2"))
        # A merged record (a tombstone) is frozen by its guard: the upgrade changes it anyway.
        conn.execute(text("UPDATE patients SET merged_into_id = 1 WHERE id = 2"))
        conn.execute(text("UPDATE intakes SET patient_id = 1"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        found = dict(conn.execute(text("SELECT id, preferred_language FROM patients")).all())
        asked = conn.scalar(text("SELECT patient_language FROM intakes"))
    assert found == {1: "fr", 2: "other"}
    assert asked == "en"  # every intake before 0012 was asked in English
    migrate.downgrade(engine, "0011")
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT preferred_language FROM patients WHERE id = 1")) == "fr"
        columns = conn.execute(text("SELECT * FROM intakes")).keys()
        assert "patient_language" not in columns
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


@pytest.mark.backend("sqlite")  # PostgreSQL alters the tables in place
def test_the_sqlite_triggers_survive_the_rebuild(empty_database_url: str):
    engine = create_database_engine(empty_database_url)
    migrate.upgrade(engine, "0011")
    query = text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    with engine.connect() as conn:
        before = conn.execute(query).all()
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(query).all() == before
    migrate.downgrade(engine, "0011")
    with engine.connect() as conn:
        assert conn.execute(query).all() == before
    engine.dispose()


@pytest.mark.parametrize(
    ("statement", "column"),
    [
        ("UPDATE patients SET preferred_language = 'xx'", "preferred_language"),
        ("UPDATE intakes SET patient_language = 'xx'", "patient_language"),
        ("UPDATE intakes SET patient_language = 'fr'", "patient_language"),  # not asked in
    ],
)
def test_the_database_refuses_an_unknown_language(database: Database, statement: str, column: str):
    patient = patients.register(database, desk(database), DRAFT)
    intakes.save_draft(database, desk(database), {}, patient_id=patient.id, on=ON)
    with pytest.raises(IntegrityError, match=column), database.engine.begin() as conn:
        conn.execute(text(statement))


def test_registration_and_the_record_keep_the_preferred_language(database: Database):
    saved = patients.register(database, desk(database), replace(DRAFT, preferred_language="es"))
    assert patients.get(database, desk(database), saved.id).preferred_language == "es"
    changed = patients.update(
        database, desk(database), saved.id, saved.version, replace(DRAFT, preferred_language="fr")
    )
    assert patients.get(database, desk(database), changed.id).preferred_language == "fr"


def test_a_language_not_offered_is_refused_in_words(database: Database):
    with pytest.raises(Invalid) as caught:
        patients.register(database, desk(database), replace(DRAFT, preferred_language="xx"))
    assert {k: str(v) for k, v in caught.value.problems.items()} == {
        "preferred_language": "Choose a language from the list."
    }


def test_an_intake_keeps_the_language_it_was_asked_in(database: Database):
    patient = patients.register(database, desk(database), DRAFT)
    actor = desk(database)
    started = intakes.save_draft(database, actor, {}, patient_id=patient.id, on=ON)
    assert started.patient_language == "en"
    answers = answers_for(screening.load_checklist(None))
    draft = intakes.save_draft(
        database, actor, answers, intake_id=started.id, version=started.version, on=ON,
        language="es",
    )  # fmt: skip
    assert draft.patient_language == "es"
    (unfinished,) = intakes.list_unfinished(database, actor)
    assert unfinished.patient_language == "es"  # a draft continued later comes back in it
    done = intakes.submit(database, actor, draft.id, draft.version, answers, on=ON)
    assert done.patient_language == "es"  # not named again: kept
    assert intakes.get(database, actor, done.id).patient_language == "es"
    english = intakes.save(database, actor, answers, patient_id=patient.id, on=ON, submit=True)
    assert english.screening == done.screening  # the language never changes the result


def test_an_intake_in_a_language_without_questions_is_refused(database: Database):
    with pytest.raises(Invalid) as caught:
        intakes.save_draft(database, desk(database), {}, on=ON, language="fr")
    assert set(caught.value.problems) == {"patient_language"}


def test_a_merge_keeps_the_chosen_language(database: Database):
    boss = admin(database)
    first = patients.register(database, boss, DRAFT)
    second = patients.register(database, boss, replace(DRAFT, preferred_language="es"))
    seen = patient_merge.preview(database, boss, first.id, second.id)
    assert seen.differing == ("preferred_language",)
    done = patient_merge.merge(
        database, boss, first.id, second.id, {"preferred_language": Side.MERGED},
        (first.version, second.version),
    )  # fmt: skip
    assert done.surviving.preferred_language == "es"
    assert patients.get(database, boss, first.id).preferred_language == "es"
