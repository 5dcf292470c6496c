"""Which backups to keep, and how the state of backups is told to a person. Pure.

Rotation keeps the newest backup of each of the `daily` most recent days that have one, and
the newest of each of the `weekly` most recent ISO weeks that have one; the newest backup
of all is always kept. Times are the local wall-clock times the files were made.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from intake.domain.words import QT_TRANSLATE_NOOP, Message, Words, said


@dataclass(frozen=True)
class RetentionPolicy:
    daily: int = 14
    weekly: int = 8

    def __post_init__(self) -> None:
        if self.daily < 0 or self.weekly < 0:
            raise ValueError("backup retention counts must not be negative")


def backups_to_keep(times: Iterable[dt.datetime], policy: RetentionPolicy) -> set[dt.datetime]:
    """The subset of `times` to keep; every other backup may be deleted."""
    ordered = sorted(set(times), reverse=True)
    if not ordered:
        return set()
    keep = {ordered[0]}
    keep |= _newest_per(ordered, lambda t: t.date(), policy.daily)
    keep |= _newest_per(ordered, lambda t: t.isocalendar()[:2], policy.weekly)
    return keep


def _newest_per(
    newest_first: list[dt.datetime], period: Callable[[dt.datetime], Hashable], count: int
) -> set[dt.datetime]:
    chosen: dict[Hashable, dt.datetime] = {}
    for time in newest_first:
        key = period(time)
        if key not in chosen:
            if len(chosen) == count:
                break
            chosen[key] = time
    return set(chosen.values())


class BackupHealth(enum.Enum):
    GOOD = "good"
    WARNING = "warning"


@dataclass(frozen=True)
class BackupState:
    """What the status bar says about backups, from facts gathered off the GUI thread."""

    configured: bool  # a backup passphrase was set up
    folder: str
    folder_exists: bool
    last_good: dt.datetime | None  # local time of the newest finished backup
    failure: Words | None = None  # why the last attempt failed, if it did


STALE_AFTER = dt.timedelta(days=1)


def describe_state(state: BackupState, now: dt.datetime) -> tuple[BackupHealth, Message, Words]:
    """A short line for the status bar, a longer explanation, and whether it is a warning
    (the screen says them in the staff's language)."""
    warning = BackupHealth.WARNING
    if not state.configured:
        return (
            warning,
            said(QT_TRANSLATE_NOOP("Backups", "Backups off: no passphrase set")),
            said(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "No backup is made until an admin sets the backup passphrase once "
                    "(intake db backup-passphrase). It is needed to restore.",
                )
            ),
        )
    if not state.folder_exists:
        return (
            warning,
            said(QT_TRANSLATE_NOOP("Backups", "Backup folder missing")),
            said(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "{folder} cannot be reached: is the USB stick or network share connected?",
                ),
                folder=state.folder,
            ),
        )
    if state.failure:
        return warning, said(QT_TRANSLATE_NOOP("Backups", "Last backup failed")), state.failure
    where = said(QT_TRANSLATE_NOOP("Backups", "Backups go to {folder}."), folder=state.folder)
    if state.last_good is None:
        return warning, said(QT_TRANSLATE_NOOP("Backups", "No backup made yet")), where
    when = _when(state.last_good, now)
    if now - state.last_good > STALE_AFTER:
        return (
            warning,
            said(QT_TRANSLATE_NOOP("Backups", "Last backup {when}: over a day ago"), when=when),
            where,
        )
    return (
        BackupHealth.GOOD,
        said(QT_TRANSLATE_NOOP("Backups", "Last backup {when}"), when=when),
        where,
    )


def _when(time: dt.datetime, now: dt.datetime) -> Message | dt.datetime:
    """Today's or yesterday's time in words, else the moment itself (written 2026-11-30 15:00
    in English, as the staff's locale writes it elsewhere)."""
    if time.date() == now.date():
        return said(QT_TRANSLATE_NOOP("Backups", "today {time:%H:%M}"), time=time.time())
    if time.date() == now.date() - dt.timedelta(days=1):
        return said(QT_TRANSLATE_NOOP("Backups", "yesterday {time:%H:%M}"), time=time.time())
    return time
