"""Backup and restore of the embedded SQLite database, and what a backup costs the GUI thread.

Run from the repository root:
    python -m tests.benchmarks.bench_backup [--patients 200000] [--runs 3]

A demo practice of --patients patients in a fresh SQLite file (filled in a child process).
Then --runs automatic backups (`services.backup.automatic`, as the program's worker runs them,
paced) on a background thread while the main thread ticks every 5 ms, as the GUI's event loop
would: the longest gap between ticks is what a backup can take from the GUI thread through the
interpreter lock (target: under 50 ms). Last, a restore of the newest backup into a new file.
For the whole GUI under a backup, see `bench_gui_stall --sqlite-backup`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from intake.demo.data import fill
from intake.demo.practice import DemoOptions
from intake.services import backup
from intake.services.database import connect, open_database
from intake.settings import BackupSettings

PASSPHRASE = "benchmark passphrase, synthetic data only"
TICK_S = 0.005
TARGET_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--fill", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill:
        database = open_database(args.fill)
        fill(database, DemoOptions(patients=args.patients, seed=1))
        database.close()
        return
    folder = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    url = f"sqlite+pysqlite:///{folder}/intake.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_backup", "--fill", url,
         "--patients", str(args.patients)],
        check=True, timeout=1800,
    )  # fmt: skip
    backup.set_up_key(folder, PASSPHRASE)
    settings = BackupSettings(folder / "backups", practice_name="Bench")
    database = connect(url)
    seconds: list[float] = []

    def work() -> None:
        for _ in range(args.runs):
            started = time.perf_counter()
            backup.automatic(database, folder, settings, min_age_hours=0)
            seconds.append(time.perf_counter() - started)

    idle = ticks(threading.Timer(10, lambda: None))  # the machine's own noise, no backup
    worker = threading.Thread(target=work)
    gaps = ticks(worker)
    database.close()
    (newest,) = sorted(backup.listed_backups(settings.folder))[-1:]
    started = time.perf_counter()
    restored = backup.restore(f"sqlite+pysqlite:///{folder}/restored.sqlite3", newest, PASSPHRASE)
    restore_s = time.perf_counter() - started
    size = os.path.getsize(folder / "intake.sqlite3") / 1e6
    longest = max(gaps)
    print(f"(the same ticking with no backup for 10 s: longest gap {max(idle):.1f} ms)")
    print(f"SQLite backup, {args.patients:,} patients, database file {size:.0f} MB")
    print(f"backup file: {newest.stat().st_size / 1e6:.0f} MB (encrypted, zlib level 1)")
    print(f"automatic backup (paced), seconds each: {', '.join(f'{s:.1f}' for s in seconds)}")
    print(f"restore into a new file: {restore_s:.1f} s, {restored.counts}")
    verdict = "ok" if longest <= TARGET_MS else "MISSED"
    print(f"longest 5 ms tick gap on the main thread meanwhile: {longest:.1f} ms "
          f"(target {TARGET_MS:.0f} ms) {verdict}")  # fmt: skip


def ticks(thread: threading.Thread) -> list[float]:
    """Gaps between 5 ms ticks of this thread while `thread` runs."""
    gaps = []
    last = time.perf_counter()
    thread.start()
    while thread.is_alive():
        time.sleep(TICK_S)
        now = time.perf_counter()
        gaps.append((now - last) * 1000)
        last = now
    thread.join()
    return gaps


if __name__ == "__main__":
    main()
