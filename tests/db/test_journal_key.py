"""The journal key: one row of 32 random bytes per practice database, made by its migration,
read by any signed-in person (the next one to sign in on a PC continues the work left there)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from intake.db.models import JournalKey
from intake.domain.accounts import SignInRequired
from intake.domain.enums import Role
from intake.domain.errors import PermissionDenied
from intake.services import accounts, schema
from intake.services.actor import SYSTEM, Actor
from intake.services.database import Database, open_database
from intake.services.journal_key import journal_key
from tests.db.test_accounts import PASSWORD, cheap_hasher  # noqa: F401


def test_every_signed_in_role_reads_the_same_key(database: Database, cheap_hasher):  # noqa: F811
    keys = set()
    for role in Role:
        info = accounts.create_account(
            database, SYSTEM, f"key-{role.value.replace('_', '-')}", "Key Reader", role, PASSWORD
        )
        actor = accounts.sign_in(database, info.username, PASSWORD, workstation="pc-1")
        keys.add(journal_key(database, actor))
    assert len(keys) == 1
    (key,) = keys
    assert len(key) == 32 and key != bytes(32)
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(JournalKey)) == 1


def test_a_switched_off_account_gets_no_key(database: Database, cheap_hasher):  # noqa: F811
    info = accounts.create_account(database, SYSTEM, "leaver", "Leaver", Role.FRONT_DESK, PASSWORD)
    actor = accounts.sign_in(database, "leaver", PASSWORD, workstation="pc-1")
    accounts.deactivate_account(database, SYSTEM, info.id, info.version)
    with pytest.raises(SignInRequired):
        journal_key(database, actor)
    with pytest.raises(PermissionDenied):  # an account that never was: not a sign-in's
        journal_key(database, Actor(10_000, "nobody", Role.ADMIN, "pc-1"))


def test_each_practice_database_has_its_own_key(database: Database, empty_database_url: str):
    other = open_database(empty_database_url)  # a new practice: migrated from nothing
    try:
        assert journal_key(other, SYSTEM) != journal_key(database, SYSTEM)
    finally:
        other.close()


def test_a_downgrade_below_the_key_drops_it_and_an_upgrade_makes_a_new_one(database: Database):
    before = journal_key(database, SYSTEM)
    report = schema.downgrade(database, "0004")  # no rows of patients: no confirmation asked
    # schema_requirement (0009), patient_merges (0010), appointment_series (0013) and
    # desk_alerts (0014) go too, empty here.
    assert dict(report.dropped) == {
        "journal_key": 1,
        "schema_requirement": 1,
        "patient_merges": 0,
        "appointment_series": 0,
        "desk_alerts": 0,
    }
    schema.upgrade(database)
    assert journal_key(database, SYSTEM) != before
