"""Resident memory of the whole program with a 200k-patient database open and a day view shown.

Run from the repository root:
    python -m tests.benchmarks.bench_memory [--patients 200000] [--postgres URL]
        [--database URL]  (an existing database, e.g. the 2,000,000-patient chain, as it is)

Each backend gets a demo practice of --patients patients. The real program then runs in a
fresh process (offscreen): the main window and `Startup` as `intake` builds them, signed in as
an admin (the sign-in dialog is replaced), the Schedule area shown with the day view of the
busiest location-day of the coming week. The child reads VmRSS from /proc/self/status at each
stage; the figure judged is the RSS once the day view has loaded and painted.
Target (issue 9): <= 150 MiB. An empty PySide6 window in a process of its own is the reference.

A second figure (issue 14): a working day of background calls. Another fresh process opens the
same database with the program's worker and `UiContext` and makes --calls calls one after
another, as a front desk does all day: patient searches (every keystroke is one), draft saves
(some refused as stale) and day-view refreshes, 6:2:2. The figure judged is how much RSS grows
from after a warm-up of 1,000 calls to the end (both after a collection). Target: <= 10 MiB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from intake.demo.data import fill
from intake.demo.practice import DemoOptions
from intake.services import practice_admin, schedule_view
from intake.services.actor import SYSTEM
from intake.services.database import Database, open_database
from tests.benchmarks.common import DEFAULT_POSTGRES, fresh_postgres

TARGET_MIB = 150.0
DAY_GROWTH_TARGET_MIB = 10.0
WARM_UP_CALLS = 1_000

EMPTY_WINDOW = """
import json, os
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
def rss():
    with open("/proc/self/status") as handle:
        fields = dict(line.split(":", 1) for line in handle)
    return {k: int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")}
app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
window.show()
def done():
    print(json.dumps({"window": rss()}), flush=True)
    os._exit(0)
QTimer.singleShot(500, done)
app.exec()
"""

# The program as `intake.ui.app.run_gui` starts it, with the sign-in answered by an admin.
PROGRAM = """
import datetime as dt, gc, json, os, sys
def rss():
    with open("/proc/self/status") as handle:
        fields = dict(line.split(":", 1) for line in handle)
    return {k: int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")}
stages = {"interpreter": rss()}
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from intake.domain.enums import Role
from intake.services.database import open_database
from intake.ui.app import Startup, style_sheet
from intake.ui.gc_guard import GuiThreadCollector
from intake.ui.main_window import MainWindow
from tests.db.practice import signed_in
location_id, day = int(sys.argv[1]), dt.date.fromisoformat(sys.argv[2])
_database = open_database(os.environ["INTAKE_DATABASE_URL"])
_admin = signed_in(_database, Role.ADMIN, username="bench-admin", workstation="bench")
_database.close()
Startup.ask_sign_in = lambda self, started: _admin
app = QApplication([])
app.setApplicationName("Clinic Intake")
app.setStyleSheet(style_sheet())
collector = GuiThreadCollector(app)
collector.start()
window = MainWindow()
window.resize(1366, 768)
window.show()
stages["window shown"] = rss()
startup = Startup(window, demo=False)
def fail(message):
    print(json.dumps({"error": message}), flush=True)
    os._exit(1)
def finish():
    gc.collect()
    stages["day view shown"] = rss()
    page = window.page("schedule")
    print(json.dumps({"stages": stages, "blocks": len(page.blocks())}), flush=True)
    os._exit(0)
def loaded():
    page = window.page("schedule")
    if page.location_id != location_id or page.day != day or not page.blocks():
        return  # the page's own first load (first location, today): wait for ours
    page.canvas.viewport().repaint()
    QTimer.singleShot(1000, finish)  # let the paint, the live feed and the collector settle
def signed_in(_actor):
    stages["signed in, first area built"] = rss()
    window.show_area("schedule")
    page = window.page("schedule")
    page.schedule_did_load.connect(loaded)
    page.action_did_fail.connect(fail)
    page.show_day(location_id, day)
startup.database_did_open.connect(lambda _db: stages.__setitem__("database open", rss()))
startup.database_did_fail.connect(fail)
startup.quit_on_failure = False
startup.session_did_start.connect(signed_in)
startup.begin()
QTimer.singleShot(120_000, lambda: fail("timed out"))
app.exec()
"""


# A day of calls through the program's own worker, each started when the last one answered.
DAY_OF_CALLS = """
import datetime as dt, gc, json, os, sys
def rss():
    with open("/proc/self/status") as handle:
        fields = dict(line.split(":", 1) for line in handle)
    return int(fields["VmRSS"].split()[0]) / 1024
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from intake.domain.enums import Role
from intake.services import intakes, patient_search, schedule_view
from intake.services.database import open_database
from tests.db.practice import signed_in
from intake.ui.context import UiContext
from intake.ui.gc_guard import GuiThreadCollector
from intake.ui.worker import Worker
location_id, day = int(sys.argv[1]), dt.date.fromisoformat(sys.argv[2])
calls, warm_up = int(sys.argv[3]), int(sys.argv[4])
app = QApplication([])
collector = GuiThreadCollector(app)
collector.start()
database = open_database(os.environ["INTAKE_DATABASE_URL"])
desk = signed_in(database, Role.FRONT_DESK, username="bench-desk", workstation="bench")
context = UiContext(database, desk, Worker())
names = ("smith", "garcia", "nguyen", "miller", "lopez")
typed = [word[:n] for word in names for n in (2, 3, 4, 5)]
draft = {"id": None, "version": None}
state = {"done": 0, "failed": 0, "at_warm": 0.0}
trace = []  # RSS every 2,000 calls: a cache filling levels off, a leak does not
def fail(message):
    print(json.dumps({"error": message}), flush=True)
    os._exit(1)
def search(n):
    text = typed[n % len(typed)]
    return lambda db, actor: patient_search.search(db, actor, text)
def save(n):
    ident, version = draft["id"], draft["version"]
    if ident is not None and n % 50 == 6:
        version = -1  # now and then a copy changed on another PC: refused as stale
    answers = {"has_neck_pain": True, "pain_now": n % 11}
    return lambda db, actor: intakes.save_draft(
        db, actor, answers, intake_id=ident, version=version
    )
def refresh(n):
    return lambda db, actor: schedule_view.location_day(db, actor, location_id, day)
PLAN = [search] * 6 + [save] * 2 + [refresh] * 2
def answered(result):
    if hasattr(result, "version") and hasattr(result, "checklist_id"):
        draft["id"], draft["version"] = result.id, result.version
    after()
def failed(error):
    state["failed"] += 1
    if state["failed"] > (warm_up + calls) // 50 + 10:  # more than the stale saves
        fail(f"too many failures: {error!r}")
    after()
def after():
    state["done"] += 1
    if state["done"] == warm_up:
        gc.collect()
        state["at_warm"] = rss()
    if state["done"] == warm_up + calls:
        QTimer.singleShot(0, finish)  # let the last deliveries and deferred deletes run
        return
    n = state["done"]
    if n % 2000 == 0:
        trace.append(round(rss(), 1))
    context.run(PLAN[n % len(PLAN)](n), answered, failed)
def finish():
    gc.collect()
    end = rss()
    print(json.dumps({"warm": state["at_warm"], "end": end, "calls": calls, "trace": trace,
                      "failed": state["failed"], "children": len(context.worker.children())}),
          flush=True)
    os._exit(0)
QTimer.singleShot(0, lambda: context.run(search(0), answered, failed))
QTimer.singleShot(3_600_000, lambda: fail("timed out"))
app.exec()
"""


def busiest_day(database: Database, today: dt.date, days: int = 7) -> tuple[int, dt.date, int]:
    """The location and day of the coming week with the most visits on the day view."""
    best = (0, today, -1)
    for location in practice_admin.list_locations(database, SYSTEM):
        for offset in range(days):
            day = today + dt.timedelta(days=offset)
            schedule = schedule_view.location_day(database, SYSTEM, location.id, day)
            visits = sum(1 for block in schedule.blocks if block.holds_time)
            if visits > best[2]:
                best = (location.id, day, visits)
    return best


def child(code: str, *args: str, env: dict[str, str], timeout: float = 300) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result: dict[str, object] = json.loads(lines[-1])
    if "error" in result:
        raise RuntimeError(f"child failed: {result['error']}\n{done.stderr[-3000:]}")
    return result


def measure(url: str, folder: str, patients: int, calls: int) -> dict[str, object]:
    """`patients` 0: the database at `url` is used as it is (--database)."""
    database = open_database(url)
    try:
        if patients:
            fill(database, DemoOptions(patients=patients, seed=1))
        location_id, day, visits = busiest_day(database, dt.date.today())
    finally:
        database.close()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        INTAKE_DATA_DIR=folder,
        INTAKE_DATABASE_URL=url,
    )
    result = child(PROGRAM, str(location_id), day.isoformat(), env=env)
    result["where"] = f"location {location_id}, {day.isoformat()}, {visits} visits"
    if calls:
        result["day"] = child(
            DAY_OF_CALLS,
            str(location_id),
            day.isoformat(),
            str(calls),
            str(WARM_UP_CALLS),
            env=env,
            timeout=3_600,
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=200_000)
    parser.add_argument(
        "--postgres", default=os.environ.get("INTAKE_BENCH_POSTGRES", DEFAULT_POSTGRES)
    )
    parser.add_argument(
        "--calls", type=int, default=20_000, help="a day's background calls (0: skip)"
    )
    parser.add_argument(
        "--database", metavar="URL", help="measure on this existing database alone (not filled)"
    )
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    empty = child(EMPTY_WINDOW, env=env)["window"]
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as folder:
        if args.database:
            backend = "SQLite" if args.database.startswith("sqlite") else "PostgreSQL"
            results[backend] = measure(args.database, folder, 0, args.calls)
        else:
            sqlite = f"sqlite+pysqlite:///{Path(folder) / 'intake.sqlite3'}"
            results["SQLite"] = measure(sqlite, folder, args.patients, args.calls)
            postgres = fresh_postgres(args.postgres, "memory")
            results["PostgreSQL"] = measure(postgres, folder, args.patients, args.calls)
    size = "the given" if args.database else f"{args.patients:,}-patient"
    print(f"resident memory, {size} database, admin signed in, day view shown")
    print(f"{'figure':<52}{'RSS MiB':>9}{'target':>9}  result")
    print(f"{'empty PySide6 window (reference)':<52}{empty['VmRSS']:>9.1f}{'':>9}  reference")  # type: ignore[index]
    for backend, result in results.items():
        stages: dict[str, dict[str, float]] = result["stages"]  # type: ignore[assignment]
        print(f"{backend}: {result['where']}, {result['blocks']} blocks drawn")
        for stage, figures in stages.items():
            print(f"{'  ' + stage:<52}{figures['VmRSS']:>9.1f}")
        final = stages["day view shown"]
        verdict = "ok" if final["VmRSS"] <= TARGET_MIB else "MISSED"
        label = f"  {backend}: RSS with the day view shown"
        print(f"{label:<52}{final['VmRSS']:>9.1f}{TARGET_MIB:>9.0f}  {verdict}")
        print(f"{'  peak RSS so far (VmHWM)':<52}{final['VmHWM']:>9.1f}")
    if args.calls:
        print("\na working day of background calls (searches, draft saves, day-view refreshes)")
        print(f"{'figure':<52}{'MiB':>9}{'target':>9}  result")
        for backend, result in results.items():
            day: dict[str, float] = result["day"]  # type: ignore[assignment]
            growth = day["end"] - day["warm"]
            verdict = "ok" if growth <= DAY_GROWTH_TARGET_MIB else "MISSED"
            label = f"  {backend}: RSS growth over {int(day['calls']):,} calls"
            print(f"{label:<52}{growth:>+9.1f}{DAY_GROWTH_TARGET_MIB:>9.0f}  {verdict}")
            detail = (
                f"    ({day['warm']:.1f} -> {day['end']:.1f} MiB; {int(day['failed'])} refused "
                f"as stale; worker children at the end: {int(day['children'])})"
            )
            print(detail)
            trace = " ".join(f"{mib:.0f}" for mib in day["trace"])  # type: ignore[attr-defined]
            print(f"    (RSS every 2,000 calls, MiB: {trace})")


if __name__ == "__main__":
    main()
