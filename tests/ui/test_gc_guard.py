"""Collections on the GUI thread never walk start-up's heap (issue 25: no stall at start)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from intake.ui import gc_guard
from intake.ui.gc_guard import GuiThreadCollector


@pytest.fixture
def collector(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    collector = GuiThreadCollector()
    collector.start()
    yield collector
    collector.stop()
    gc.unfreeze()  # give the test run's objects back to the collector


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_no_collection_while_the_program_starts(collector: GuiThreadCollector) -> None:
    gc.collect()
    for _ in range(gc.get_threshold()[0] * 3):
        Cycle()
    assert collector.starting()
    before = gc.get_count()[0]
    collector.collect()
    assert gc.get_count()[0] >= before  # the tick left the young generation alone


def test_once_settled_start_up_objects_are_out_of_sight_and_ticks_collect(
    collector: GuiThreadCollector,
) -> None:
    kept = [Cycle() for _ in range(1000)]
    GuiThreadCollector.settle()
    assert not collector.starting()
    assert gc.get_freeze_count() >= len(kept)
    # Everything built so far is out of the collector's sight: no collection walks it again.
    in_sight = {id(o) for o in gc.get_objects()}
    assert not any(id(cycle) in in_sight for cycle in kept)
    for _ in range(gc.get_threshold()[0] * 3):
        Cycle()
    collector.collect()
    assert gc.get_count()[0] < gc.get_threshold()[0]


def test_collections_resume_if_start_up_never_settles(
    collector: GuiThreadCollector, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gc_guard, "START_GRACE_MS", 0)
    assert not collector.starting()


def _rss_mib() -> float:
    with open("/proc/self/status") as handle:
        fields = dict(line.split(":", 1) for line in handle)
    return int(fields["VmRSS"].split()[0]) / 1024


@pytest.mark.skipif(gc_guard._glibc() is None, reason="glibc's allocator only")
def test_memory_freed_by_a_worker_thread_goes_back_to_the_system_on_a_tick(
    collector: GuiThreadCollector, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker's results, freed with a few survivors between them, leave the C heap full of
    holes the system cannot reuse until a tick gives them back (issue 25)."""
    GuiThreadCollector.settle()
    kept: list[bytes] = []

    def busy_day() -> None:
        results = [bytes(1000 + n % 7) for n in range(60_000)]  # ~60 MiB from malloc
        kept.extend(results[::16])  # a survivor every 16 KiB pins each page's neighbours

    worker = threading.Thread(target=busy_day)
    worker.start()
    worker.join()
    before = _rss_mib()
    monkeypatch.setattr(gc_guard, "TRIM_EVERY_S", 0.0)
    collector.collect()
    assert _rss_mib() < before - 20
    assert len(kept) == 3750


def test_the_arenas_are_limited_where_the_allocator_allows_it(qapp: QApplication) -> None:
    assert gc_guard.limit_arenas() == (gc_guard._glibc() is not None)
