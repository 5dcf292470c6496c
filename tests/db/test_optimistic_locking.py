"""Rows two PCs may edit carry a version: the second writer of a stale copy is refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from intake.db.models import Patient
from tests.db.rows import seed_practice


def _read_patient(database) -> Patient:  # type: ignore[no-untyped-def]
    with database.reading() as session:
        return session.scalars(select(Patient).where(Patient.id == 1)).one()


def test_a_stale_update_is_refused_and_the_first_one_kept(database):  # type: ignore[no-untyped-def]
    with database.writing() as session:
        seed_practice(session.connection())
    mine, theirs = _read_patient(database), _read_patient(database)  # two PCs read version 1
    assert mine.version == theirs.version == 1
    with database.writing() as session:
        session.add(mine)
        mine.email = "first@example.org"
    with pytest.raises(StaleDataError), database.writing() as session:
        session.add(theirs)
        theirs.email = "second@example.org"
    stored = _read_patient(database)
    assert (stored.email, stored.version) == ("first@example.org", 2)
