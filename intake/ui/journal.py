"""The local journal of unfinished work: one sealed file (JSON inside) per intake draft or
registration.

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

Files are readable only by the operating-system account (0600, folder 0700), and sealed
(AES-256-GCM, journal_seal.py) with the practice's journal key, which the program reads from
the database after a person signs in and holds in memory only: someone who shares the PC's
account without a sign-in reads only ciphertext. Names carry a random key, never a name. A
file changed or cut short outside the program is refused whole and set aside (renamed
`….damaged`, kept for the IT person), and the person is told. Plain JSON files of the
previous version (`….json`) are sealed the first time the folder is read with a key, and the
plain copy removed. A file is removed once its work is stored for good (the intake
submitted, the patient registered).
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

from intake.private_files import make_private_folder, open_private_file, sync_folder
from intake.ui.i18n import translate
from intake.ui.journal_seal import SealBroken, check_key, seal, unseal

log = logging.getLogger(__name__)

BOUND_MS = 100  # a change is on disk this long after the keystroke at the latest
DRAFT, REGISTRATION = "draft", "registration"
_NAME = re.compile(r"^(?P<kind>draft|registration)-(?P<key>[0-9a-f]{32})\.sealed$")
_PLAIN = re.compile(r"^(?P<kind>draft|registration)-(?P<key>[0-9a-f]{32})\.json$")  # version 1
SET_ASIDE = ".damaged"  # appended to the name of a file refused as changed or cut short
FORMAT = 2
_sealing_plain_files = threading.Lock()  # two readers never seal the same plain file


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
    language: str = "en"  # the questions' language (files written before it was kept: English)

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
    """One database's journal folder on this computer, opened with the practice's journal key
    (intake.services.journal_key, read after sign-in; never written to disk)."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = folder
        self._key = check_key(key)
        self._set_aside: list[str] = []  # files refused since the last take_set_aside()
        self._lock = threading.Lock()

    def __repr__(self) -> str:  # never the key
        return f"Journal({str(self.folder)!r})"

    def path_for(self, key: str, kind: str = DRAFT) -> Path:
        if not re.fullmatch(r"[0-9a-f]{32}", key) or kind not in _TYPES:
            raise ValueError("a journal key is 32 hex digits")
        return self.folder / f"{kind}-{key}.sealed"

    # ---- from the GUI thread: hand over and return at once -------------------------------

    def keep(self, entry: Entry) -> None:
        """Have the writer put this copy on disk (within BOUND_MS); returns at once."""
        target = self.path_for(entry.key, entry.kind)
        data = self._seal(target, entry)  # a snapshot taken now, on the caller's thread
        writer().submit(target, data)

    def drop(self, key: str, kind: str = DRAFT) -> None:
        """Have the writer remove an entry, after any copy of it handed over before."""
        writer().submit(self.path_for(key, kind), None)

    # ---- at once, on the calling thread (the writer, tests, start-up) ---------------------

    def write(self, entry: Entry) -> Path:
        """Replace the entry's file in one step: either the old or the new copy survives."""
        target = self.path_for(entry.key, entry.kind)
        _replace(target, self._seal(target, entry))
        return target

    def read_all(self) -> list[JournalEntry]:
        """Every intake draft, newest first; a file that fails its seal is set aside."""
        return [e for e in self._read_kind(DRAFT) if isinstance(e, JournalEntry)]

    def read_registrations(self) -> list[RegistrationEntry]:
        """Every unfinished registration, newest first."""
        return [e for e in self._read_kind(REGISTRATION) if isinstance(e, RegistrationEntry)]

    def read(self, key: str, kind: str = DRAFT) -> Entry | None:
        path = self.path_for(key, kind)
        return self._read(path) if path.exists() else None

    def remove(self, key: str, kind: str = DRAFT) -> None:
        _remove(self.path_for(key, kind))

    def take_set_aside(self) -> list[str]:
        """The names of files refused (and set aside) since the last call."""
        with self._lock:
            names, self._set_aside = self._set_aside, []
        return names

    def seal_plain_files(self) -> int:
        """Seal every plain JSON file of the previous version and remove the plain copy;
        the number sealed. One that cannot be parsed is set aside like a damaged file."""
        if not self.folder.is_dir():
            return 0
        sealed = 0
        with _sealing_plain_files:
            for path in sorted(self.folder.iterdir()):
                match = _PLAIN.match(path.name)
                if match is not None and self._seal_plain(path, match):
                    sealed += 1
        if sealed:
            log.info("sealed %d plain journal file(s) of the previous version", sealed)
        return sealed

    def _seal_plain(self, path: Path, match: re.Match[str]) -> bool:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data.pop("format", None)
            entry = _TYPES[match["kind"]](**data)
        except FileNotFoundError:
            return False
        except (OSError, ValueError, TypeError):
            self._refuse(path)
            return False
        if entry.key != match["key"]:
            self._refuse(path)
            return False
        self.write(entry)  # sealed and on disk before the plain copy goes
        _remove(path)
        return True

    def _read_kind(self, kind: str) -> list[Entry]:
        if not self.folder.is_dir():
            return []
        self.seal_plain_files()
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
            sealed = path.read_bytes()
        except FileNotFoundError:  # stored for good and removed meanwhile
            return None
        except OSError as exc:
            log.warning("cannot read a journal file: %s (%s)", path.name, exc.strerror)
            return None
        try:
            data = json.loads(unseal(self._key, path.name, sealed))
            data.pop("format", None)
            entry = _TYPES[match["kind"]](**data)
        except (SealBroken, ValueError, TypeError):
            self._refuse(path)
            return None
        return entry

    def _refuse(self, path: Path) -> None:
        """Keep the file, renamed so it is not offered again, and say so (its name only)."""
        aside = path.with_name(path.name + SET_ASIDE)
        try:
            os.replace(path, aside)
        except FileNotFoundError:
            return
        except OSError as exc:  # left where it is: refused again at the next reading
            log.warning("cannot set aside a refused journal file: %s", exc.strerror)
            aside = path
        log.warning("refused a journal file that was changed or cut short: %s", aside.name)
        with self._lock:
            self._set_aside.append(aside.name)

    def _seal(self, target: Path, entry: Entry) -> bytes:
        plain = json.dumps({"format": FORMAT, **asdict(entry)}, ensure_ascii=False).encode()
        return seal(self._key, target.name, plain)


def refusal_message(names: list[str], folder: Path) -> str:
    """One sentence for the person about files refused (no patient data: names are random)."""
    # One sentence for one file and one for several (no %n plurals: see intake/ui/i18n.py).
    if len(names) == 1:
        text = translate(
            "Journal",
            "An unfinished draft on this computer was not offered back: the journal file was "
            "changed or cut short outside the program (or sealed for another database); it is "
            "kept in {folder} as {names} for your IT person.",
        )
    else:
        text = translate(
            "Journal",
            "{count} unfinished drafts on this computer were not offered back: the journal file "
            "was changed or cut short outside the program (or sealed for another database); it "
            "is kept in {folder} as {names} for your IT person.",
        )
    return text.format(count=len(names), folder=folder, names=", ".join(names))


def _replace(target: Path, data: bytes) -> None:
    folder = target.parent
    make_private_folder(folder)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    descriptor = open_private_file(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        os.write(descriptor, data)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temporary, target)
    sync_folder(folder)


def _remove(target: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        target.unlink()
    sync_folder(target.parent)


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
