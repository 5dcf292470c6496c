"""Data the database must refuse or the program must not corrupt (issue 13, points 8-10).

    python -m tests.benchmarks.bench_data_guards [--postgres URL] [--registrations 1000]

On a fresh SQLite file and a fresh PostgreSQL database (the local server by default), with
the small test practice, it counts (target 0 for each):
  crashes   generated registrations (NUL and other control characters, ß/ﬃ/ⅷ names that
            fold longer, apostrophes, long text) that end in anything but stored or Invalid;
  overlaps  appointments written with raw SQL that overlap another of the same therapist
            in time, their start in another form (epoch numbers, ISO 'T', offsets...);
  search    slot searches that fail after junk times were written (30 February, hour 24);
  races     racing saves of one patient (8 PCs, half changing the phone) that end in
            anything but saved or StaleRecord, plus rounds after which the patient is not
            found by the phone last saved or its search keys are not the row's.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import Connection, select, text
from sqlalchemy.exc import DBAPIError

from intake.db.engine import create_database_engine
from intake.db.models.patient import PatientSearchKey
from intake.domain.booking import SlotRequest
from intake.domain.errors import KnownError, StaleRecord
from intake.domain.patient import MAX_LENGTHS, PatientDraft, PatientInfo
from intake.services import patient_index, patient_search, patients, slot_finder
from intake.services.database import Database, connect, open_database
from tests.benchmarks.common import DEFAULT_POSTGRES, fresh_postgres
from tests.db.practice import MONDAY, NOW, SmallPractice, admin, build, desk

TODAY = dt.date(2027, 2, 22)
AWKWARD = "\x00\x01\x08\x0b\x1b\x7f\x85\x9f\t\n ßẞﬃﬆⅷ㎯İǄ'’-.@+()0123456789٣²"
PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ éüñøł"


def _text(rng: random.Random, limit: int) -> str:
    mode = rng.random()
    if mode < 0.5:
        size = rng.randint(0, 12)
    elif mode < 0.8:
        size = rng.randint(limit - 5, limit + 5)
    else:
        return "".join(rng.choice("ßﬃⅷ") for _ in range(rng.randint(limit // 3, limit)))
    alphabet = AWKWARD if rng.random() < 0.5 else PLAIN
    return "".join(rng.choice(alphabet) for _ in range(max(0, size)))


def _draft(rng: random.Random) -> PatientDraft:
    """A plain draft with one to three fields (names most often) filled with generated text."""
    fields = list(MAX_LENGTHS) + ["family_name", "given_name", "preferred_name"] * 4
    texts = {field: _text(rng, MAX_LENGTHS[field]) for field in rng.sample(fields, 3)}
    born = dt.date(1920, 1, 1) + dt.timedelta(days=rng.randint(0, 36000))
    return PatientDraft(
        **{"family_name": "Testcase", "given_name": "Sample", **texts},  # type: ignore[arg-type]
        date_of_birth=born,
        sex=rng.choice(["female", "male", "other"]),
    )


def registrations(database: Database, count: int) -> tuple[int, Counter[str]]:
    rng = random.Random(13)
    crashes: Counter[str] = Counter()
    for _ in range(count):
        try:
            patients.register(database, admin(database), _draft(rng), today=TODAY)
        except KnownError:
            pass
        except Exception as exc:  # what the probe counts
            crashes[type(exc).__name__] += 1
    return sum(crashes.values()), crashes


def _at(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


_INSERT = (
    "INSERT INTO appointments (patient_id, therapist_id, location_id, type_id, starts_at, "
    "ends_at, blocks_until, status, needs_review, booked_at, cancel_reason, "
    "late_cancellation, version) VALUES (:p, :t, :l, 1, :start, :end, :end, 'booked', false, "
    "'2027-01-01 00:00:00.000000', '', false, 1)"
)


def _other_forms(moment: dt.datetime) -> list[object]:
    epoch = int(moment.replace(tzinfo=dt.UTC).timestamp())
    iso = moment.strftime("%Y-%m-%d %H:%M:%S")
    return [
        epoch,
        str(epoch),
        epoch * 1000,
        iso.replace(" ", "T"),
        iso,
        iso + "+00:00",
        iso + ".000Z",
        (moment + dt.timedelta(hours=5)).strftime("%Y-%m-%d %H:%M:%S") + "+05:00",
    ]


def _try(conn: Connection, **params: object) -> bool:
    savepoint = conn.begin_nested()
    try:
        conn.execute(text(_INSERT), params)
    except DBAPIError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def overlaps(practice: SmallPractice, url: str, trials: int = 30) -> tuple[int, int]:
    """(overlapping rows accepted, attempts): a therapist visit, then another patient's
    overlapping one for the same therapist, its start in each other form."""
    accepted = attempts = 0
    engine = create_database_engine(url)
    with engine.connect() as conn:
        for trial in range(trials):
            start = dt.datetime.combine(MONDAY, dt.time(13)) + dt.timedelta(days=trial)
            who = {"t": practice.ann, "l": practice.east}
            first = {"start": _at(start), "end": _at(start + dt.timedelta(hours=1))}
            if not _try(conn, p=practice.patients[0], **who, **first):
                continue
            end = _at(start + dt.timedelta(minutes=90))
            for form in _other_forms(start + dt.timedelta(minutes=30)):
                attempts += 1
                patient = practice.patients[1 + attempts % (len(practice.patients) - 1)]
                accepted += _try(conn, p=patient, **who, start=form, end=end)
        conn.rollback()
    engine.dispose()
    return accepted, attempts


def search_after_junk(database: Database, practice: SmallPractice, url: str) -> int:
    """Slot searches that fail (of 1) after unreadable times were offered to the database."""
    who = {"p": practice.patients[0], "t": practice.ann, "l": practice.east}
    end = f"{MONDAY + dt.timedelta(days=1)} 01:00:00.000000"
    engine = create_database_engine(url)
    with engine.connect() as conn:
        for start in ("2027-02-30 14:00:00.000000", f"{MONDAY} 24:00:00.000000"):
            _try(conn, **who, start=start, end=end)
        conn.commit()
    engine.dispose()
    try:
        slot_finder.find(
            database, desk(database), SlotRequest(first_day=MONDAY, days=2, earliest=NOW)
        )
    except Exception:
        return 1
    return 0


def _race(calls: list[Callable[[], object]]) -> list[object]:
    """The calls run at once, a thread each: their results or exceptions."""
    barrier = threading.Barrier(len(calls), timeout=30)
    results: list[object] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = calls[i]()
        except Exception as exc:  # what the probe counts
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def races(url: str, rounds: int = 40, pcs: int = 8) -> tuple[int, int, int]:
    """(saves that failed other than StaleRecord, rounds gone wrong, saves)."""
    database = connect(url)
    info = patients.register(
        database,
        admin(database),
        PatientDraft("Racewood", "Sample", dt.date(1980, 1, 1), "other", phone="555 0100"),
        today=TODAY,
    )
    clients = [connect(url) for _ in range(pcs)]
    bugs = wrong = 0
    for round_ in range(rounds):
        seen = patients.get(database, admin(database), info.id)
        values = {f.name: getattr(seen, f.name) for f in dataclasses.fields(PatientDraft)}
        drafts = [
            PatientDraft(**{**values, "phone": f"555 {round_:02d}{i:02d}"})
            if i < pcs // 2
            else PatientDraft(**values)
            for i in range(pcs)
        ]
        results = _race(
            [
                lambda c=c, d=d, v=seen.version: patients.update(c, desk(database), info.id, v, d)
                for c, d in zip(clients, drafts, strict=True)
            ]
        )
        bugs += sum(isinstance(r, Exception) and not isinstance(r, StaleRecord) for r in results)
        now = patients.get(database, admin(database), info.id)
        with database.reading() as session:
            keys = set(
                session.scalars(
                    select(PatientSearchKey.key).where(PatientSearchKey.patient_id == info.id)
                )
            )
        found = patient_search.search(database, desk(database), now.phone, today=TODAY).hits
        saved = [r for r in results if isinstance(r, PatientInfo)]
        wrong += (
            keys != {r["key"] for r in patient_index.key_rows(now)}
            or [h.id for h in found] != [info.id]
            or not saved
        )
    for client in clients:
        client.close()
    database.close()
    return bugs, wrong, rounds * pcs


def run(name: str, url: str, count: int) -> list[tuple[str, str, int]]:
    rows = []
    database = open_database(url)
    try:
        crashed, kinds = registrations(database, count)
        detail = ", ".join(f"{k} {n}" for k, n in kinds.most_common()) or "-"
        rows.append(("crashes", f"of {count} registrations ({detail})", crashed))
        practice = build(database)
        accepted, attempts = overlaps(practice, url)
        rows.append(("overlaps", f"accepted of {attempts} overlapping writes", accepted))
        failed = search_after_junk(database, practice, url)
        rows.append(("search", "slot searches failing after junk times (of 1)", failed))
    finally:
        database.close()
    bugs, wrong, saves = races(url)
    rows.append(("races", f"saves of {saves} failing other than StaleRecord", bugs))
    rows.append(("races", "rounds of 40 leaving keys or search wrong", wrong))
    return [(name, *row) for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--registrations", type=int, default=1000)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        sqlite = f"sqlite+pysqlite:///{Path(folder) / 'guards.sqlite3'}"
        rows += run("sqlite", sqlite, args.registrations)
    rows += run("postgresql", fresh_postgres(args.postgres, "guards"), args.registrations)
    print(f"{'backend':<12}{'figure':<10}{'count':>7}{'target':>8}  what")
    for backend, figure, what, count in rows:
        verdict = "" if count == 0 else "  MISSED"
        print(f"{backend:<12}{figure:<10}{count:>7}{0:>8}  {what}{verdict}")


if __name__ == "__main__":
    main()
