"""Cold start of the standalone program (dist/clinic-intake) beside the pip-installed one.

Run from the repository root, after packaging/build.sh:

    python -m tests.benchmarks.bench_bundle_start [--runs 5] [--bundle dist/clinic-intake]

Each run starts a fresh process on Qt's offscreen platform with an already migrated SQLite
database and measures the time until the program says its main window is shown and the
database open (INTAKE_SMOKE_QUIT_AFTER_SHOWN=1, the smoke check's way out, then quits it).
The first run of each is reported apart: right after a build or a reboot it is the one that
reads the files from disk. No target: the figures are for the issue (18) and docs/install.md.
Skipped, with a message, when there is no bundle.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOWN = "main window shown: True"


def started_in(command: list[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds from starting `command` to its line saying the window is shown."""
    began = time.perf_counter()
    child = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert child.stderr is not None
    shown_at = None
    for line in child.stderr:
        if SHOWN in line and shown_at is None:
            shown_at = time.perf_counter()
    if child.wait(timeout=120) != 0 or shown_at is None:
        raise SystemExit(f"{command[0]} did not start cleanly (exit {child.returncode})")
    return shown_at - began


def measure(command: list[str], env: dict[str, str], cwd: Path, runs: int) -> tuple[float, float]:
    samples = [started_in(command, env, cwd) for _ in range(runs)]
    return samples[0], statistics.median(samples[1:] or samples)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "clinic-intake")
    args = parser.parse_args()
    bundled = args.bundle / ("clinic-intake.exe" if os.name == "nt" else "clinic-intake")
    if not bundled.is_file():
        print(f"bench_bundle_start: skipped: no bundle at {bundled} (run packaging/build.sh)")
        return 0
    installed = shutil.which("intake", path=str(Path(sys.executable).parent))
    if installed is None:
        print("bench_bundle_start: skipped: no pip-installed `intake` beside this Python")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("INTAKE_", "PYTHON"))
        }
        env.update(
            QT_QPA_PLATFORM="offscreen",
            INTAKE_DATA_DIR=str(work / "data"),
            INTAKE_SMOKE_QUIT_AFTER_SHOWN="1",
        )
        # One database for both, migrated before anything is timed.
        subprocess.run(
            [str(bundled), "db", "upgrade"], env=env, cwd=work, check=True, capture_output=True
        )
        rows = [
            ("standalone program (bundle)", measure([str(bundled)], env, work, args.runs)),
            ("pip-installed program (intake)", measure([installed], env, work, args.runs)),
        ]
    print(f"start to main window shown and database open, offscreen, {args.runs} runs each")
    print(f"{'program':<34}{'first run':>11}{'median of the rest':>21}")
    for label, (first, median) in rows:
        print(f"{label:<34}{first:>10.2f}s{median:>20.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
