"""Logging to a rotating file in the data folder. Log lines carry ids and events, never
patient data (names, dates of birth, phone numbers): callers log what happened, not to whom.

Every entry point (the GUI, each command) calls `configure()` first. The folder is the
owner's alone (0700) and so is each file (0600). A database error is written as its class and
code only: a driver's message quotes row values ("Key (family_name)=(…) already exists").
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path
from typing import Any, TypeGuard

from intake.private_files import (
    FILE_MODE,
    FOLDER_MODE,
    make_private_folder,
    open_private_file,
    restrict_descriptor,
)
from intake.settings import data_dir

LOG_FILE = "intake.log"
_DRIVERS = frozenset({"psycopg", "psycopg2", "sqlite3", "_sqlite3"})
_configured = False


def log_path() -> Path:
    return data_dir() / "logs" / LOG_FILE


def configure() -> None:
    """Send the program's log to the file (once per process; later calls do nothing)."""
    global _configured
    if _configured:
        return
    path = log_path()
    try:
        make_private_folder(path.parent)  # the data folder too, when this makes it
        path.parent.chmod(FOLDER_MODE)  # also a folder made by an older version
        for old in path.parent.glob(LOG_FILE + "*"):
            old.chmod(FILE_MODE)
        handler = _PrivateFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError as exc:  # no log beats no program: say so where someone may see it
        logging.getLogger("intake").warning("cannot write the log file: %s", exc.strerror)
        _configured = True
        return
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("intake")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = True


def report_bug(what: str) -> None:
    """Log the exception being handled, with its traceback, for the IT person."""
    configure()
    logging.getLogger("intake.bug").exception(what)


class _PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """Each file, the first and every one after a rollover, created 0600 (not by umask)."""

    def _open(self) -> Any:
        fd = open_private_file(Path(self.baseFilename), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        restrict_descriptor(fd)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


class SafeFormatter(logging.Formatter):
    """Tracebacks and arguments with every database error reduced to its class and code."""

    def format(self, record: logging.LogRecord) -> str:
        if isinstance(record.args, tuple) and any(map(is_database_error, record.args)):
            record = logging.makeLogRecord(record.__dict__)
            record.args = tuple(
                safe_text(a) if is_database_error(a) else a for a in record.args or ()
            )
        return super().format(record)

    def formatException(self, ei: Any) -> str:
        exc = ei[1]
        if exc is None:
            return super().formatException(ei)
        return "".join(_chain(exc, set())).rstrip("\n")


def is_database_error(value: object) -> TypeGuard[BaseException]:
    if not isinstance(value, BaseException):
        return False
    if type(value).__module__.split(".")[0] in _DRIVERS:
        return True
    # SQLAlchemy's StatementError and its DBAPIError family carry the driver's message.
    return any(
        c.__module__ == "sqlalchemy.exc" and c.__name__ == "StatementError"
        for c in type(value).__mro__
    )


def safe_text(exc: BaseException) -> str:
    """What may be logged of an exception: all of it, or for a database error its kind."""
    name = f"{type(exc).__module__}.{type(exc).__qualname__}"
    if not is_database_error(exc):
        return "".join(traceback.format_exception_only(exc)).rstrip("\n")
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
    if orig is not exc:
        name += f" from {type(orig).__module__}.{type(orig).__qualname__}"
    return f"{name} (SQLSTATE {code or 'unknown'}; the message is not logged: it may quote data)"


def _chain(exc: BaseException, seen: set[int]) -> list[str]:
    """traceback.format_exception's layout, each message passed through safe_text."""
    seen.add(id(exc))
    lines: list[str] = []
    cause, context = exc.__cause__, exc.__context__
    if cause is not None and id(cause) not in seen:
        lines += _chain(cause, seen)
        lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif context is not None and not exc.__suppress_context__ and id(context) not in seen:
        lines += _chain(context, seen)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    if exc.__traceback__ is not None:
        lines.append("Traceback (most recent call last):\n")
        lines += traceback.format_tb(exc.__traceback__)
    lines.append(safe_text(exc) + "\n")
    return lines
