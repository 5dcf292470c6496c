"""Logging to a rotating file in the data folder. Log lines carry ids and events, never
patient data (names, dates of birth, phone numbers): callers log what happened, not to whom."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from intake.settings import data_dir

LOG_FILE = "intake.log"
_configured = False


def log_path() -> Path:
    return data_dir() / "logs" / LOG_FILE


def configure() -> None:
    global _configured
    if _configured:
        return
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("intake")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = True


def report_bug(what: str) -> None:
    """Log the exception being handled, with its traceback, for the IT person."""
    configure()
    logging.getLogger("intake.bug").exception(what)
