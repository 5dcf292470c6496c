"""Telling every PC that a schedule changed, within a second or two.

PostgreSQL: a trigger on appointments (migration 0003) sends
``pg_notify('intake_schedule', payload)`` inside the writing transaction, whoever writes; the
server delivers it only if that transaction commits, so a rolled-back change is never announced.
The payload names the location and the local date and nothing about the patient.
A listener thread with its own connection hears it and calls back.

SQLite: there is no server to tell, so a poller thread with its own connection reads
``PRAGMA data_version`` every half second; the number moves when another connection commits.

Feeds are Qt-free: they call a plain callback on their own thread. The screen turns that
into a Qt signal (see intake.ui.schedule.live) and never lets the thread touch a widget.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass

from intake.services.database import Database

log = logging.getLogger(__name__)

CHANNEL = "intake_schedule"
POLL_SECONDS = 0.5
RETRY_SECONDS = 2.0


@dataclass(frozen=True)
class ScheduleChange:
    """What changed: one location's local day, or (both None) possibly anything."""

    location_id: int | None = None
    day: dt.date | None = None

    def concerns(self, location_id: int, days: tuple[dt.date, ...] | None = None) -> bool:
        if self.location_id is None:
            return True
        if self.location_id != location_id:
            return False
        return days is None or self.day is None or self.day in days

    def payload(self) -> str:
        return json.dumps({"location_id": self.location_id, "day": _iso(self.day)})

    @classmethod
    def from_payload(cls, payload: str) -> ScheduleChange:
        try:
            data = json.loads(payload)
            return cls(int(data["location_id"]), dt.date.fromisoformat(data["day"]))
        except (ValueError, KeyError, TypeError):
            return cls()


ANYTHING = ScheduleChange()
Callback = Callable[[ScheduleChange], None]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# --- hearing: a thread with its own connection -------------------------------------------


class ChangeFeed:
    """A stoppable background thread that calls ``callback`` for each change it hears."""

    def __init__(self, callback: Callback) -> None:
        self._callback = callback
        self._stop = threading.Event()
        self.ready = threading.Event()  # set once changes are being heard
        self._thread = threading.Thread(target=self._run, name=type(self).__name__, daemon=True)

    def start(self) -> ChangeFeed:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _tell(self, change: ScheduleChange) -> None:
        try:
            self._callback(change)
        except Exception:  # the receiver's bug must not end the feed
            log.exception("schedule change callback failed")

    def _run(self) -> None:
        first = True
        while not self._stop.is_set():
            try:
                self._listen(first)
            except Exception as exc:  # the connection broke: try again a little later
                log.warning("schedule change feed interrupted (%s); retrying", type(exc).__name__)
            first = False
            self._stop.wait(RETRY_SECONDS)

    def _listen(self, first: bool) -> None:
        raise NotImplementedError


class PostgresListener(ChangeFeed):
    def __init__(self, database: Database, callback: Callback, channel: str = CHANNEL) -> None:
        super().__init__(callback)
        self._url = database.engine.url
        self._channel = channel  # a fixed name of ours (desk_alerts listens on its own)

    def _listen(self, first: bool) -> None:
        import psycopg

        url = self._url
        with psycopg.connect(
            host=url.host or "127.0.0.1",
            port=url.port or 5432,
            user=url.username,
            password=url.password,
            dbname=url.database,
            autocommit=True,
            connect_timeout=5,
            application_name="intake-schedule-listener",
        ) as connection:
            connection.execute(f"LISTEN {self._channel}")
            self.ready.set()
            if not first:  # changes may have been missed while disconnected
                self._tell(ANYTHING)
            while not self._stop.is_set():
                for note in connection.notifies(timeout=0.25):
                    self._tell(ScheduleChange.from_payload(note.payload))
                    if self._stop.is_set():
                        break


class SqlitePoller(ChangeFeed):
    def __init__(self, database: Database, callback: Callback, interval: float) -> None:
        super().__init__(callback)
        self._path = database.engine.url.database or ""
        self._interval = interval

    def _listen(self, first: bool) -> None:
        connection = sqlite3.connect(self._path, timeout=10, isolation_level=None)
        try:
            seen = _data_version(connection)
            self.ready.set()
            if not first:
                self._tell(ANYTHING)
            while not self._stop.wait(self._interval):
                now = _data_version(connection)
                if now != seen:
                    seen = now
                    self._tell(ANYTHING)
        finally:
            connection.close()


class _Silent(ChangeFeed):
    """For an in-memory database: nothing else can change it."""

    def start(self) -> ChangeFeed:
        self.ready.set()
        return self

    def _listen(self, first: bool) -> None:
        return None


def _data_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA data_version").fetchone()[0])


def watch(
    database: Database,
    callback: Callback,
    *,
    interval: float = POLL_SECONDS,
    channel: str = CHANNEL,
) -> ChangeFeed:
    """Start hearing schedule changes made by any PC; call ``stop()`` when done.

    `channel`: another of our NOTIFY channels (desk_alerts'); on SQLite any commit counts."""
    if database.backend == "postgresql":
        return PostgresListener(database, callback, channel).start()
    path = database.engine.url.database
    if database.backend != "sqlite" or not path or path == ":memory:":
        return _Silent(callback).start()
    return SqlitePoller(database, callback, interval).start()
