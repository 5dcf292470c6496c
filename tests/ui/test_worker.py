"""The background worker over a working day: answers delivered, nothing left behind."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from intake.domain.booking import BookingConflict
from intake.domain.errors import StaleRecord
from intake.ui.worker import BUG_SENTENCE, Worker, failure_text

CALLS = 3_000


def _settle() -> None:
    """Run what deleteLater() queued, as the event loop would between two key presses."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_thousands_of_calls_leave_no_child_objects_behind(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = Worker()
    before = len(worker.children())
    answers: list[object] = []
    for number in range(CALLS):
        # Every keystroke of a search is a call; some of them fail.
        if number % 10:
            worker.submit(lambda n=number: n, answers.append, answers.append)
        else:
            worker.submit(_raise_stale, answers.append, answers.append)
    qtbot.waitUntil(lambda: len(answers) == CALLS, timeout=60_000)
    worker.wait_for_done()
    _settle()
    assert len(worker.children()) <= before + 2  # bounded: not one per call
    assert worker.pending == 0


def test_a_known_failure_arrives_as_the_exception_with_its_data(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = Worker()
    failures: list[BaseException] = []

    def lost_race() -> None:
        raise BookingConflict("That time was just taken by another booking.", [])

    worker.submit(lost_race, lambda _r: None, failures.append)
    worker.submit(_raise_stale, lambda _r: None, failures.append)
    qtbot.waitUntil(lambda: len(failures) == 2)
    kinds = {type(f) for f in failures}
    assert kinds == {BookingConflict, StaleRecord}
    conflict = next(f for f in failures if isinstance(f, BookingConflict))
    assert conflict.alternatives == []
    assert failure_text(conflict) == "That time was just taken by another booking."


def test_a_bug_arrives_as_the_exception_is_logged_and_reads_as_one_sentence(  # type: ignore[no-untyped-def]
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    worker = Worker()
    failures: list[BaseException] = []

    def buggy() -> None:
        raise ZeroDivisionError("synthetic bug")

    with caplog.at_level(logging.ERROR, logger="intake.ui.worker"):
        worker.submit(buggy, lambda _r: None, failures.append)
        qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], ZeroDivisionError)
    assert failure_text(failures[0]) == BUG_SENTENCE
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)


def _raise_stale() -> None:
    raise StaleRecord("Someone else changed this record a moment ago.")
