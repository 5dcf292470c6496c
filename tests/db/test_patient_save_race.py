"""Saves of one patient racing from several PCs: each checks the version it read, and the
search keys always describe the row as it was last written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable

from sqlalchemy import select, text

from intake.db.models.patient import PatientSearchKey
from intake.domain.errors import StaleRecord
from intake.domain.patient import PatientDraft, PatientInfo
from intake.services import patient_index, patient_search, patients
from intake.services.database import Database, connect
from tests.db.practice import admin, desk

PCS = 8  # each with its own engine (its own connection), half of them changing the phone
ROUNDS = 40  # 320 saves in all
TODAY = dt.date(2026, 12, 1)


def _draft(info: PatientInfo, **changes: object) -> PatientDraft:
    values = {f.name: getattr(info, f.name) for f in dataclasses.fields(PatientDraft)}
    return PatientDraft(**{**values, **changes})  # type: ignore[arg-type]


def _race(calls: list[Callable[[], object]]) -> list[object]:
    """Run the calls at once, one thread each; their results or exceptions, in order."""
    start = threading.Barrier(len(calls), timeout=30)
    results: list[object] = [None] * len(calls)

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = calls[i]()
        except Exception as exc:  # collected and judged by the test
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
        assert not t.is_alive(), "a save hung"
    return results


def _stored_keys(database: Database, patient_id: int) -> set[str]:
    with database.reading() as session:
        return set(
            session.scalars(
                select(PatientSearchKey.key).where(PatientSearchKey.patient_id == patient_id)
            )
        )


def test_racing_saves_keep_versions_and_search_keys_right(database, database_url: str):  # type: ignore[no-untyped-def]
    first = patients.register(
        database,
        admin(database),
        PatientDraft("Racewood", "Sample", dt.date(1980, 1, 1), "other", phone="555 0100"),
        today=TODAY,
    )
    pcs = [connect(database_url) for _ in range(PCS)]
    try:
        for round_ in range(ROUNDS):
            seen = patients.get(database, admin(database), first.id)
            phones = [f"555 {round_:02d}{pc:02d}" for pc in range(PCS // 2)]
            drafts = [_draft(seen, phone=p) for p in phones] + [_draft(seen)] * (PCS - len(phones))
            results = _race(
                [
                    lambda db=db, d=d, v=seen.version: patients.update(
                        db, desk(database), first.id, v, d
                    )
                    for db, d in zip(pcs, drafts, strict=True)
                ]
            )
            bugs = [r for r in results if isinstance(r, Exception)]
            bugs = [r for r in bugs if not isinstance(r, StaleRecord)]
            assert not bugs, f"round {round_}: {bugs!r}"
            changed = [r for r in results[: len(phones)] if isinstance(r, PatientInfo)]
            assert len(changed) == 1, f"round {round_}: one changing save wins, got {changed}"
            now = patients.get(database, admin(database), first.id)
            assert now.phone == changed[0].phone and now.version == seen.version + 1
            expected = {r["key"] for r in patient_index.key_rows(now)}
            assert _stored_keys(database, first.id) == expected, f"round {round_}"
            hits = patient_search.search(database, desk(database), now.phone, today=TODAY).hits
            assert [h.id for h in hits] == [first.id], f"round {round_}: not found by new phone"
    finally:
        for db in pcs:
            db.close()


def test_a_save_with_no_changes_on_a_stale_copy_is_refused(database):  # type: ignore[no-untyped-def]
    info = patients.register(
        database, admin(database), PatientDraft("Staleton", "Sample", dt.date(1980, 1, 1), "other")
    )
    patients.update(database, desk(database), info.id, info.version, _draft(info, phone="555 0101"))
    try:
        patients.update(database, desk(database), info.id, info.version, _draft(info))
    except StaleRecord:
        pass
    else:
        raise AssertionError("a stale save with no changes was accepted")
    now = patients.get(database, admin(database), info.id)
    assert now.phone == "555 0101"
    assert "#p5550101" in _stored_keys(database, info.id)


def test_a_save_with_no_changes_keeps_the_version(database):  # type: ignore[no-untyped-def]
    info = patients.register(
        database, admin(database), PatientDraft("Sameton", "Sample", dt.date(1980, 1, 1), "other")
    )
    with database.reading() as session:
        before = session.execute(text("SELECT created_at, updated_at FROM patients")).one()
    again = patients.update(database, desk(database), info.id, info.version, _draft(info))
    assert again.version == info.version  # other PCs' open copies stay current
    with database.reading() as session:
        stamps = session.execute(text("SELECT created_at, updated_at FROM patients")).one()
    assert stamps[1] == before[1]
