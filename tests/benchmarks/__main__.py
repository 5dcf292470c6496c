"""Every benchmark, one after another, each in a process of its own:

    python -m tests.benchmarks [--only NAME ...] [--patients 200000]

Each prints its own table of figure / target / result; this prints them in turn and, at the
end, which ones missed a target. PostgreSQL is expected at 127.0.0.1:5432 (see common.py).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

SUITE = (
    "bench_demo_data",
    "bench_patient_search",
    "bench_booking",
    "bench_scheduling_pure",
    "bench_series",
    "bench_day_view",
    "bench_startup",
    "bench_memory",
    "bench_gui_stall",
    "bench_data_guards",
    "bench_backup",
    "bench_kill_typing",
    "bench_bundle_start",  # skips itself when packaging/build.sh has not been run
)
TAKES_PATIENTS = {
    "bench_backup",
    "bench_series",
    "bench_demo_data",
    "bench_patient_search",
    "bench_booking",
    "bench_startup",
    "bench_memory",
    "bench_gui_stall",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", choices=SUITE, help="run just these")
    parser.add_argument("--patients", type=int, help="demo practice size where it applies")
    args = parser.parse_args()
    missed: list[str] = []
    for name in args.only or SUITE:
        command = [sys.executable, "-m", f"tests.benchmarks.{name}"]
        if args.patients and name in TAKES_PATIENTS:
            command += ["--patients", str(args.patients)]
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        lines = [line for line in done.stdout.splitlines() if "propagateSizeHints" not in line]
        print("\n".join(lines), flush=True)
        if done.returncode != 0:
            print(done.stderr[-2000:], flush=True)
            missed.append(f"{name} (failed, exit {done.returncode})")
        elif "MISSED" in done.stdout:
            missed.append(name)
        print(f"({time.perf_counter() - started:.0f} s)", flush=True)
    print("\nmissed a target: " + (", ".join(missed) if missed else "none"))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
