"""What a person sees when PCs race for slots on PostgreSQL, with and without connections
being killed under them: every attempt must end booked, lost (BookingConflict, with
alternatives) or DatabaseUnavailable — never a raw driver error ("something went wrong").

Run from the repository root:
    python -m tests.benchmarks.bench_race_errors [--postgres URL] [--races 90] [--clients 8]
        [--kill]

Each race: 8 clients (threads, each its own engine) try the same 8 slots in shuffled order,
so 64 attempts; 90 races are about 5,800 attempts. Deadlocks the database undid and the
booking ran again are counted from the log line the retry writes.
"""

from __future__ import annotations

import argparse
import logging
import random
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import make_url

from intake.domain.booking import BookingConflict, BookingRequest
from intake.domain.errors import KnownError
from intake.services import booking
from intake.services.database import connect, open_database
from tests.benchmarks.common import DEFAULT_POSTGRES, fresh_postgres
from tests.db.practice import NOW, build, desk
from tests.db.test_booking_race import STARTS

CLIENTS = 8


class _Retries(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("transaction undone by the database"):
            self.count += 1


def client(url: str, patient: int, therapist: int, location: int, seed: int) -> Counter[str]:
    import datetime as dt

    seen: Counter[str] = Counter()
    while True:  # the killer may end the first connection too: the program says so, too
        try:
            database = connect(url)
            break
        except KnownError as exc:
            seen[f"known: {type(exc).__name__} (connecting)"] += 1
    order = list(STARTS)
    random.Random(seed).shuffle(order)
    try:
        for start in order:
            request = BookingRequest(
                patient, therapist, location, dt.datetime.fromisoformat(start), type_code="FU45"
            )
            try:
                booking.book(database, desk(database), request, now=NOW)
            except BookingConflict as conflict:
                seen["lost" if conflict.alternatives else "lost without alternatives"] += 1
            except KnownError as exc:
                seen[f"known: {type(exc).__name__}"] += 1
            except Exception as exc:  # what the screen would call a bug
                seen[f"RAW: {type(exc).__name__}"] += 1
            else:
                seen["booked"] += 1
    finally:
        database.close()
    return seen


def killer(url: str, stop: threading.Event, killed: Counter[str]) -> None:
    """Ends one of the program's server connections every few milliseconds."""
    parsed = make_url(url)
    with psycopg.connect(
        host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database,
        autocommit=True,
    ) as admin:  # fmt: skip
        while not stop.wait(0.005):
            row = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND application_name = 'intake' "
                "ORDER BY random() LIMIT 1"
            ).fetchone()
            if row and row[0]:
                killed["connections killed"] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--races", type=int, default=90)
    parser.add_argument("--kill", action="store_true", help="kill connections during races")
    parser.add_argument("--clients", type=int, default=CLIENTS)
    args = parser.parse_args()
    clients = args.clients
    url = fresh_postgres(args.postgres, "race_errors")
    setup = open_database(url)
    practice = build(setup, patients_count=clients)
    retries = _Retries()
    logging.getLogger("intake.services.database").addHandler(retries)
    logging.getLogger("intake.services.database").setLevel(logging.INFO)
    totals: Counter[str] = Counter()
    for race in range(args.races):
        stop = threading.Event()
        watcher = threading.Thread(target=killer, args=(url, stop, totals), daemon=True)
        if args.kill:
            watcher.start()
        with ThreadPoolExecutor(clients) as pool:
            futures = [
                pool.submit(client, url, practice.patients[i], practice.ann, practice.east,
                            race * clients + i)
                for i in range(clients)
            ]  # fmt: skip
            for future in futures:
                totals.update(future.result(timeout=300))
        stop.set()
        if args.kill:
            watcher.join(10)
        with setup.writing() as session:
            session.execute(text("DELETE FROM appointments"))
    setup.close()
    attempts = sum(
        n for k, n in totals.items() if k != "connections killed" and "connecting" not in k
    )
    raw = sum(n for k, n in totals.items() if k.startswith("RAW"))
    print(f"races: {args.races} x {clients} clients, kill connections: {args.kill}")
    print(f"attempts: {attempts}")
    for key, count in sorted(totals.items()):
        print(f"  {key}: {count}")
    print(f"deadlocks undone and run again: {retries.count}")
    print(f"raw errors (shown as 'something went wrong'): {raw}" + ("  MISSED" if raw else ""))


if __name__ == "__main__":
    main()
