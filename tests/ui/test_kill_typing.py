"""A crash during steady typing loses nothing typed more than journal.BOUND_MS before it.

A child process types into the real registration form and intake wizard at 8 to 15 keys a
second and is killed (SIGKILL) at a random moment; what the next start offers must hold every
field completed more than the bound before the kill. A few runs here; many in
tests/benchmarks/bench_kill_typing.py. Synthetic data only.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from intake.ui.journal import BOUND_MS
from tests.ui.kill_typing import new_patient, run_once

RUNS = 4
MAX_RUNS = 10


@pytest.mark.slow
def test_a_process_killed_while_typing_offers_back_every_field(database_url: str, tmp_path: Path):
    patient_id = new_patient(database_url)
    checked, number = 0, 0
    # RUNS runs, and more (up to MAX_RUNS) while every kill so far came before any field was
    # complete: a random early kill, or a slow machine, must not leave the promise untested.
    while number < RUNS or (not checked and number < MAX_RUNS):
        seed = random.randrange(1_000_000)
        run = run_once(
            database_url, patient_id, tmp_path / f"run{number}", seed=seed, bound_ms=BOUND_MS
        )
        assert run.lost == [], (
            f"seed {seed}: killed {run.killed_after_s:.2f} s in, lost {run.lost} "
            f"(completed at {run.completed})"
        )
        checked += len(run.checked)
        number += 1
    assert checked, "no field was complete before any kill: the runs tested nothing"
