"""The local journal of unfinished work: one JSON file per intake draft or registration.

A power cut, a crash or a lost connection must not lose what the front desk typed, so every
change lands here first. The promise, tested by killing a typing process
(tests/ui/test_kill_typing.py, tests/benchmarks/bench_kill_typing.py):

    every change is in the journal file, fsynced, within BOUND_MS (100 ms) of the keystroke,
    whatever is typed next.

The GUI thread only hands the newest copy of an entry to the journal writer (`JournalWriter`,
one thread per process, in the order given); the writer replaces the file atomically (a
temporary file, fsync, rename, fsync of the folder). When changes come faster than the disk
takes them, the writer skips to the newest copy of each file (a copy on disk is never older
than the one before it). The database save is separate and may wait (see autosave.py).

Files are readable only by the person signed in to this computer (0600, folder 0700); their
names carry a random key, never a name. A file is removed once its work is stored for good
(the intake submitted, the patient registered).
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import json
import logging
import os
import re
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from intake.settings import data_dir

log = logging.getLogger(__name__)

BOUND_MS = 100  # a change is on disk this long after the keystroke at the latest
DRAFT, REGISTRATION = "draft", "registration"
_NAME = re.compile(r"^(?P<kind>draft|registration)-(?P<key>[0-9a-f]{32})\.json$")
FORMAT = 1


def new_key() -> str:
    return uuid.uuid4().hex


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


@dataclass(frozen=True)
class JournalEntry:
    """One unfinished intake as last typed on this computer."""

    key: str  # the file's random key (stable for the life of the draft)
    answers: dict[str, Any]
    checklist_id: str
    checklist_version: str
    patient_id: int | None = None
    intake_id: int | None = None  # None until the database has a copy
    version: int | None = None  # the database row's version this copy builds on
    step: str = ""  # the section the person was on
    saved_at: str = field(default_factory=_now)
    # A database save of an earlier copy was under way when this one was written: a row one
    # version ahead of `version` is then most likely that save, older than this copy.
    saving: bool = False

    kind = DRAFT

    @property
    def saved(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.saved_at)


@dataclass(frozen=True)
class RegistrationEntry:
    """A new patient's registration form as last typed on this computer (field -> text)."""

    key: str
    fields: dict[str, str]
    saved_at: str = field(default_factory=_now)

    kind = REGISTRATION

    @property
    def saved(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.saved_at)


Entry = JournalEntry | RegistrationEntry
_TYPES: dict[str, type[JournalEntry] | type[RegistrationEntry]] = {
    DRAFT: JournalEntry,
    REGISTRATION: RegistrationEntry,
}


class Journal:
    """The journal folder (default: <data folder>/journal)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else data_dir() / "journal"

    def path_for(self, key: str, kind: str = DRAFT) -> Path:
        if not re.fullmatch(r"[0-9a-f]{32}", key) or kind not in _TYPES:
            raise ValueError("a journal key is 32 hex digits")
        return self.folder / f"{kind}-{key}.json"

    # ---- from the GUI thread: hand over and return at once -------------------------------

    def keep(self, entry: Entry) -> None:
        """Have the writer put this copy on disk (within BOUND_MS); returns at once."""
        data = _encode(entry)  # a snapshot taken now, on the caller's thread
        writer().submit(self.path_for(entry.key, entry.kind), data)

    def drop(self, key: str, kind: str = DRAFT) -> None:
        """Have the writer remove an entry, after any copy of it handed over before."""
        writer().submit(self.path_for(key, kind), None)

    # ---- at once, on the calling thread (the writer, tests, start-up) ---------------------

    def write(self, entry: Entry) -> Path:
        """Replace the entry's file in one step: either the old or the new copy survives."""
        target = self.path_for(entry.key, entry.kind)
        _replace(target, _encode(entry))
        return target

    def read_all(self) -> list[JournalEntry]:
        """Every readable intake draft, newest first; an unreadable file is skipped and logged."""
        return [e for e in self._read_kind(DRAFT) if isinstance(e, JournalEntry)]

    def read_registrations(self) -> list[RegistrationEntry]:
        """Every readable unfinished registration, newest first."""
        return [e for e in self._read_kind(REGISTRATION) if isinstance(e, RegistrationEntry)]

    def read(self, key: str, kind: str = DRAFT) -> Entry | None:
        path = self.path_for(key, kind)
        return self._read(path) if path.exists() else None

    def remove(self, key: str, kind: str = DRAFT) -> None:
        _remove(self.path_for(key, kind))

    def _read_kind(self, kind: str) -> list[Entry]:
        if not self.folder.is_dir():
            return []
        entries = []
        for path in self.folder.iterdir():
            match = _NAME.match(path.name)
            if match and match["kind"] == kind and (entry := self._read(path)) is not None:
                entries.append(entry)
        return sorted(entries, key=lambda e: e.saved_at, reverse=True)

    def _read(self, path: Path) -> Entry | None:
        match = _NAME.match(path.name)
        if match is None:
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data.pop("format", None)
            entry = _TYPES[match["kind"]](**data)
        except (OSError, ValueError, TypeError):
            log.warning("skipping an unreadable journal file: %s", path.name)
            return None
        if entry.key != match["key"]:
            log.warning("skipping a journal file whose key does not match: %s", path.name)
            return None
        return entry


def _encode(entry: Entry) -> bytes:
    return json.dumps({"format": FORMAT, **asdict(entry)}, ensure_ascii=False).encode()


def _replace(target: Path, data: bytes) -> None:
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(descriptor, data)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temporary, target)
    _sync_folder(folder)


def _remove(target: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        target.unlink()
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    if os.name != "posix" or not folder.is_dir():
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class JournalWriter(QObject):
    """The one thread that writes journal files, in the order they are handed over.

    `submit` only stores the newest bytes for a file and wakes the thread, so the GUI thread
    never waits on the disk. A file is written again if a newer copy arrived meanwhile.
    """

    write_did_fail = Signal(str, object)  # file name, the OSError (delivered on the GUI thread)
    write_did_succeed = Signal(str)  # file name, after a failure is over

    def __init__(self) -> None:
        super().__init__()
        self._waiting: dict[Path, bytes | None] = {}  # newest copy per file; None: remove it
        self._busy = 0  # files taken by the thread and not yet on disk
        self._failed: set[Path] = set()
        self._lock = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="journal-writer", daemon=True)
        self._thread.start()

    def submit(self, target: Path, data: bytes | None) -> None:
        with self._lock:
            self._waiting.pop(target, None)  # re-inserted last: files are written in order
            self._waiting[target] = data
            self._lock.notify_all()

    def wait_until_written(self, timeout: float = 5.0) -> bool:
        """True once everything handed over so far is on disk (or failed and was reported)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._waiting or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._lock.wait(left)
        return True

    def stop(self, timeout: float = 5.0) -> None:
        self.wait_until_written(timeout)
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._waiting and not self._stopping:
                    self._lock.wait()
                if self._stopping and not self._waiting:
                    return
                batch, self._waiting = self._waiting, {}
                self._busy = len(batch)
            for target, data in batch.items():
                self._write_one(target, data)
                with self._lock:
                    self._busy -= 1
                    self._lock.notify_all()

    def _write_one(self, target: Path, data: bytes | None) -> None:
        try:
            if data is None:
                _remove(target)
            else:
                _replace(target, data)
        except OSError as exc:
            log.warning("cannot write the journal: %s", exc.strerror)
            self._failed.add(target)
            self._emit(self.write_did_fail, target.name, exc)
        else:
            if target in self._failed:
                self._failed.discard(target)
                self._emit(self.write_did_succeed, target.name)

    @staticmethod
    def _emit(signal: Any, *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the program is shutting down
            signal.emit(*args)


_writer: JournalWriter | None = None
_writer_lock = threading.Lock()


def writer() -> JournalWriter:
    """The process's journal writer, started on first use and drained when Python exits."""
    global _writer
    with _writer_lock:
        if _writer is None:
            _writer = JournalWriter()
            atexit.register(_writer.stop)
        return _writer
