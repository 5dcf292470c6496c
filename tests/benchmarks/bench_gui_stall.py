"""The longest GUI event-loop stall at the front desk, PostgreSQL with 20 ms of network latency.

Run from the repository root:
    python -m tests.benchmarks.bench_gui_stall [--patients 200000] [--postgres URL]
        [--latency-ms 20] [--latency-by tcp|statement] [--database URL]

A demo practice of --patients patients in a fresh PostgreSQL database. The real program runs in
this process (offscreen): `MainWindow` and `Startup` as `intake` builds them, an admin signs in
by typing into the real sign-in dialog, up with the window while the database opens. The
program reaches PostgreSQL through a TCP proxy in this process (a thread of its own) that
holds every chunk of bytes --latency-ms / 2 in each direction, so each round trip costs
--latency-ms, as on a clinic's network (issue 25); with
--latency-by statement every statement, commit, rollback and new connection sleeps --latency-ms
first instead (SQLAlchemy engine events, the measure of issue 9). Either way a query on the GUI
thread shows up as a stall. A 5 ms timer on the GUI thread records the gap between its ticks;
a watchdog thread samples the GUI thread's Python stack whenever a gap passes 50 ms, so every
stall is reported with the code that held the thread.

Then, as a person would at human speed (the event loop runs between keys): type a patient's
name into the search box and open the record; answer the screening questions by keyboard and
finish the intake; search free slots (F5); book the first one (Enter).
Target (issue 9): no stall over 50 ms in any of these activities; issue 25: nor at start-up
(open the database, sign in, build the first area). Each activity also shows the most CPU
time the GUI thread used within one gap: a stall whose CPU time is small was the machine's.

With --sqlite-backup (issue 24) the same walk runs on the embedded SQLite database (no added
latency) while the program's automatic backup runs over and over on its worker, from sign-in
to the end: the same target holds while a backup of the whole database is under way.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import gc
import os
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from sqlalchemy import Engine, event, text
from sqlalchemy.engine import make_url

from intake.demo.data import fill
from intake.demo.practice import DemoOptions
from intake.domain.enums import Role
from intake.screening import QuestionType
from intake.services import accounts
from intake.services.database import open_database
from intake.ui.app import Startup, style_sheet
from intake.ui.gc_guard import GuiThreadCollector
from intake.ui.intake_form.wizard import SUMMARY, IntakeWizard, _owning_row
from intake.ui.main_window import MainWindow
from intake.ui.sign_in import SignInDialog
from tests.benchmarks.common import DEFAULT_POSTGRES, fresh_postgres
from tests.db.practice import CHEAP_HASHER, TEST_PASSWORD, signed_in

TICK_MS = 5
STALL_MS = 50.0
KEY_GAP_MS = 120  # a quick typist
ADMIN = "bench-admin"
TYPED = {"symptom_duration_weeks": "4", "pain_now": "3", "pain_best": "1", "pain_worst": "5"}
HERE = str(Path(__file__).resolve())
MODULE = "tests.benchmarks.bench_gui_stall"


# --- latency at the driver level -------------------------------------------------------------


def add_latency(seconds: float) -> None:
    """Every round trip of every engine (made from now on) waits `seconds` first."""

    def network(*_args: Any, **_kwargs: Any) -> None:
        time.sleep(seconds)

    event.listen(Engine, "before_cursor_execute", network)
    event.listen(Engine, "commit", network)
    event.listen(Engine, "rollback", network)
    event.listen(Engine, "engine_connect", network)


class LatencyProxy:
    """A TCP proxy to `host:port` on 127.0.0.1 that delivers each chunk `delay` seconds after
    it arrived, in each direction, keeping order (pipelined bytes are not slowed further)."""

    def __init__(self, host: str, port: int, delay: float) -> None:
        self.host, self.port, self.delay = host, port, delay
        self.listening = 0
        self._ready = threading.Event()
        threading.Thread(target=self._serve, daemon=True, name="latency-proxy").start()
        self._ready.wait()

    def url(self, url: str) -> str:
        return make_url(url).set(host="127.0.0.1", port=self.listening).render_as_string(False)

    def _serve(self) -> None:
        loop = asyncio.new_event_loop()
        server = loop.run_until_complete(asyncio.start_server(self._connected, "127.0.0.1", 0))
        self.listening = server.sockets[0].getsockname()[1]
        self._ready.set()
        loop.run_forever()

    async def _connected(self, client_in: Any, client_out: Any) -> None:
        server_in, server_out = await asyncio.open_connection(self.host, self.port)
        await asyncio.gather(self._pipe(client_in, server_out), self._pipe(server_in, client_out))

    async def _pipe(self, source: Any, sink: Any) -> None:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, chunk = await queue.get()
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not chunk:
                    sink.close()
                    return
                sink.write(chunk)
                await sink.drain()

        sending = asyncio.ensure_future(deliver())
        try:
            while chunk := await source.read(65536):
                queue.put_nowait((loop.time() + self.delay, chunk))
        except ConnectionError:
            pass
        queue.put_nowait((loop.time() + self.delay, b""))
        with contextlib.suppress(ConnectionError):
            await sending


# --- the stall meter -----------------------------------------------------------------------------


class StallMeter:
    """A 5 ms timer on the GUI thread; the largest gap between ticks per activity, and the CPU
    time the GUI thread itself used in it: on a machine shared with other work a gap can be
    the scheduler's (the process waited for a core), the CPU time is the program's own."""

    def __init__(self) -> None:
        self.activity = "idle"
        self.longest: dict[str, float] = collections.defaultdict(float)
        self.busiest: dict[str, float] = collections.defaultdict(float)
        self.stalls: list[tuple[str, float, float, list[traceback.StackSummary], list]] = []
        self._cpu = time.thread_time()
        self._gui = threading.get_ident()
        self._tick = 0
        self._last = time.perf_counter()
        self._samples: dict[int, list[traceback.StackSummary]] = collections.defaultdict(list)
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._ticked)
        self._running = True
        self._watchdog = threading.Thread(target=self._watch, daemon=True)
        self._collections: list[tuple[float, float, int]] = []  # end, ms, generation
        self._gc_started = 0.0
        gc.callbacks.append(self._collected)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._cpu = time.thread_time()
        self._timer.start()
        self._watchdog.start()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        gc.callbacks.remove(self._collected)

    def _collected(self, phase: str, info: dict[str, int]) -> None:
        """The cyclic collector holds the GIL, so the watchdog cannot sample it: time it."""
        now = time.perf_counter()
        if phase == "start":
            self._gc_started = now
        elif threading.get_ident() == self._gui:
            self._collections.append((now, (now - self._gc_started) * 1000, info["generation"]))

    def _ticked(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        cpu = time.thread_time()
        busy, self._cpu = (cpu - self._cpu) * 1000, cpu
        tick, self._tick, self._last = self._tick, self._tick + 1, now
        samples = self._samples.pop(tick, [])
        self.longest[self.activity] = max(self.longest[self.activity], gap)
        self.busiest[self.activity] = max(self.busiest[self.activity], busy)
        if gap > STALL_MS:
            since = now - gap / 1000
            collected = [c for c in self._collections if c[0] >= since and c[1] >= 10]
            self.stalls.append((self.activity, gap, busy, samples, collected))
        self._collections.clear()

    def _watch(self) -> None:
        """Off the GUI thread: while the GUI thread is stuck, sample its stack every 20 ms."""
        sampled_at = 0.0
        while self._running:
            time.sleep(0.005)
            tick, last, now = self._tick, self._last, time.perf_counter()
            if (now - last) * 1000 > STALL_MS and now - sampled_at > 0.02:
                frame = sys._current_frames().get(self._gui)
                if frame is not None:
                    self._samples[tick].append(traceback.extract_stack(frame))
                    sampled_at = now


def culprit(samples: list[traceback.StackSummary]) -> str:
    """Where the GUI thread was while stuck: the program's entry frame and its busiest frames."""
    if not samples:
        return "no sample (inside Qt's C++ code, or too short to sample)"
    entries: collections.Counter[str] = collections.Counter()
    inner: collections.Counter[str] = collections.Counter()
    for stack in samples:
        ours = [f for f in stack if "/intake/" in f.filename and f.filename != HERE]
        latency = any(f.name == "network" and f.filename == HERE for f in stack)
        if not ours:
            entries[f"(outside intake) {Path(stack[-1].filename).name}:{stack[-1].name}"] += 1
            continue
        entries[_short(ours[0])] += 1
        inner[_short(ours[-1]) + (" [waiting on the database]" if latency else "")] += 1
    entry = entries.most_common(1)[0][0]
    busiest = ", ".join(f"{where} ({seen})" for where, seen in inner.most_common(3))
    return f"{entry}; {len(samples)} samples, innermost: {busiest or '-'}"


def _short(frame: traceback.FrameSummary) -> str:
    path = frame.filename[frame.filename.rfind("/intake/") + 1 :]
    return f"{path}:{frame.lineno} {frame.name}"


# --- driving the program as a person --------------------------------------------------------


def pause(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal: Any, action: Callable[[], object], timeout_ms: int = 60_000) -> tuple:
    """Run `action`, then let the event loop run until `signal` fires."""
    loop = QEventLoop()
    got: list[tuple] = []

    def caught(*args: object) -> None:
        got.append(args)
        loop.quit()

    signal.connect(caught)
    QTimer.singleShot(timeout_ms, loop.quit)
    action()
    if not got:
        loop.exec()
    signal.disconnect(caught)
    if not got:
        raise TimeoutError(f"no {signal} within {timeout_ms} ms")
    return got[0]


def key(widget: QWidget | None, code: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, code, modifier)
    pause(KEY_GAP_MS)


def type_text(widget: QWidget, typed: str) -> None:
    for char in typed:
        QTest.keyClicks(widget, char)
        pause(KEY_GAP_MS)


def answer_by_keyboard(wizard: IntakeWizard) -> int:
    """Answer the focused question as a receptionist would, until the summary."""
    answered = 0
    for _ in range(400):
        if wizard.step == SUMMARY:
            return answered
        focus = QApplication.focusWidget()
        row = _owning_row(focus)
        if row is None:
            key(focus or wizard, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
            continue
        question = row.question
        answered += 1
        if wizard.answers.get(question.id) is None:
            kind = question.type
            if kind == QuestionType.YESNO:
                yes = question.id.startswith("consent_")
                key(focus, Qt.Key.Key_Y if yes else Qt.Key.Key_N)
            elif kind == QuestionType.CHOICE and isinstance(focus, QComboBox):
                key(focus, Qt.Key.Key_Down)
            elif kind == QuestionType.CHOICE:
                key(focus, Qt.Key.Key_Space)
            elif kind == QuestionType.MULTI:
                for _box in row.input.boxes:
                    key(QApplication.focusWidget(), Qt.Key.Key_Tab)
                key(QApplication.focusWidget(), Qt.Key.Key_Space)
            elif kind == QuestionType.DATE:
                type_text(focus, "1979-04-12")
            elif kind in (QuestionType.NUMBER, QuestionType.SCALE):
                type_text(focus, TYPED.get(question.id, "1"))
        key(QApplication.focusWidget(), Qt.Key.Key_Return)
    raise RuntimeError("the wizard never reached its summary")


def sign_in_as_a_person(startup: Startup) -> None:
    """The real sign-in dialog, up with the window: name and password typed key by key while
    the database opens (and the front desk loads behind the dialog), then Enter."""
    startup.begin()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SignInDialog), dialog
    type_text(dialog.username, ADMIN)
    type_text(dialog.password, TEST_PASSWORD)
    key(dialog.password, Qt.Key.Key_Return)


def scenario(meter: StallMeter, window: MainWindow, startup: Startup, name: str) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    meter.activity = "start: sign-in typed as the database opens, pages built"
    wait_for(startup.session_did_start, lambda: sign_in_as_a_person(startup))
    window.show_area("intake")
    desk = startup.desk
    pause(1500)  # the pages' first loads (choices, unfinished intakes) finish

    meter.activity = "search: type a name"
    box = desk.search.box
    desk.search.focus_search()
    results = wait_for(desk.search.results_did_arrive, lambda: type_text(box, name))
    pause(500)  # any later answer for the full text
    facts["search hits"] = results[0]
    meter.activity = "open: Enter on the record, wizard shown"
    (wizard,) = wait_for(desk.intake_did_start, lambda: key(box, Qt.Key.Key_Return))
    pause(500)

    meter.activity = "screening: answer the wizard, finish"
    facts["questions answered"] = answer_by_keyboard(wizard)
    wait_for(
        wizard.intake_did_submit,
        lambda: key(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        ),
    )
    pause(500)

    meter.activity = "slots: find free slots (F5)"
    panel = desk.booking
    panel.view.setFocus()
    (count,) = wait_for(panel.slots_did_load, lambda: key(panel.view, Qt.Key.Key_F5))
    facts["slots listed"] = count
    pause(500)

    meter.activity = "booking: book the first slot (Enter)"
    panel.view.setFocus()
    if panel.view.currentIndex().row() < 0:
        panel.view.setCurrentIndex(panel.model.index(0, 0))
    wait_for(desk.visit_was_booked, lambda: key(panel.view, Qt.Key.Key_Return))
    pause(1000)
    meter.activity = "after booking"
    return facts


def prepare(url: str, patients: int) -> str:
    """Fill the database in a child process, so this one's heap is the program's alone."""
    done = subprocess.run(
        [sys.executable, "-m", MODULE, "--fill", url, "--patients", str(patients)],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip().splitlines()[-1]


def fill_and_pick(url: str, patients: int) -> str:
    """The demo practice (`patients` 0: the database as it is), and the name of a patient a
    third of the way in."""
    database = open_database(url)
    try:
        if patients:
            fill(database, DemoOptions(patients=patients, seed=1))
        with database.reading() as session:
            count = patients or session.execute(text("SELECT max(id) FROM patients")).scalar()
            names = session.execute(
                text(
                    "SELECT family_name, given_name FROM patients WHERE id > :n "
                    "ORDER BY id LIMIT 50"
                ),
                {"n": (count or 0) // 3},
            ).all()
        # Typed by QTest, which takes ASCII only.
        family, given = next(n for n in names if f"{n[0]}{n[1]}".isascii())
    finally:
        database.close()
    return f"{family} {given}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=200_000)
    parser.add_argument(
        "--postgres", default=os.environ.get("INTAKE_BENCH_POSTGRES", DEFAULT_POSTGRES)
    )
    parser.add_argument("--latency-ms", type=float, default=20.0, help="per round trip")
    parser.add_argument(
        "--latency-by",
        choices=("tcp", "statement"),
        default="tcp",
        help="a TCP proxy delaying every chunk (default), or a sleep before each statement",
    )
    parser.add_argument("--fill", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument(
        "--database", metavar="URL", help="an existing PostgreSQL database, used as it is"
    )
    parser.add_argument("--sqlite", action="store_true", help="embedded SQLite, no latency")
    parser.add_argument(
        "--sqlite-backup",
        action="store_true",
        help="embedded SQLite, with automatic backups running throughout",
    )
    args = parser.parse_args()
    args.sqlite = args.sqlite or args.sqlite_backup
    if args.fill:
        print(fill_and_pick(args.fill, args.patients), flush=True)
        os._exit(0)
    folder = tempfile.mkdtemp(prefix="bench-stall-")
    if args.sqlite:
        url = f"sqlite+pysqlite:///{folder}/intake.sqlite3"
        args.latency_ms = 0.0
    elif args.database:
        url, args.patients = args.database, 0
    else:
        url = fresh_postgres(args.postgres, "stall")
    name = prepare(url, args.patients)
    os.environ.update(INTAKE_DATABASE_URL=url, INTAKE_DATA_DIR=folder)
    if args.sqlite_backup:
        backups = keep_backing_up(Path(folder))
    database = open_database(url)
    signed_in(database, Role.ADMIN, username=ADMIN, workstation="bench")
    database.close()
    accounts.HASHER = CHEAP_HASHER  # the account's own cheap hash stays as it is
    if not args.sqlite and args.latency_by == "tcp":
        parsed = make_url(url)
        proxy = LatencyProxy(
            parsed.host or "127.0.0.1", parsed.port or 5432, args.latency_ms / 2000
        )
        os.environ["INTAKE_DATABASE_URL"] = proxy.url(url)
    elif not args.sqlite:
        add_latency(args.latency_ms / 1000)
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Clinic Intake")
    app.setStyleSheet(style_sheet())
    collector = GuiThreadCollector(app)
    collector.start()
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.windowHandle().requestActivate()
    QGuiApplication.processEvents()
    startup = Startup(window, demo=False)
    startup.quit_on_failure = False
    meter = StallMeter()
    meter.start()
    if args.sqlite_backup:
        startup.session_did_start.connect(lambda _actor: backups.attach(startup))
    facts = scenario(meter, window, startup, name)
    meter.stop()
    if args.sqlite_backup:
        facts.update(backups.facts())
    report(meter, args, name, facts)
    sys.stdout.flush()
    # PySide6 can crash while tearing down at interpreter exit; the figures are printed.
    os._exit(0)


class Backups:
    """Keeps the program's automatic backup running back to back during the scenario."""

    def __init__(self) -> None:
        self.finished: list[float] = []
        self.started = 0.0
        self.outcome = ""
        self.backups: Any = None

    def attach(self, startup: Startup) -> None:
        from intake.ui import auto_backup

        auto_backup.ON_LEAVING_HOURS = 0  # every run makes a backup
        self.backups = startup.backups
        self.backups.state_did_change.connect(self._done)
        self.started = time.perf_counter()  # the first one began at sign-in

    def _done(self, _state: object) -> None:
        now = time.perf_counter()
        self.finished.append(now - self.started)
        self.outcome = self.backups.label.text()
        self.started = now
        self.backups.run(0)

    def facts(self) -> dict[str, Any]:
        seconds = ", ".join(f"{s:.1f}" for s in self.finished)
        return {"backups finished": len(self.finished), "seconds each": seconds,
                "status bar": self.outcome}  # fmt: skip


def keep_backing_up(folder: Path) -> Backups:
    """A backup passphrase set, as the admin would; automatic backups go to folder/backups."""
    from intake.services import backup

    backup.set_up_key(folder, "benchmark passphrase, synthetic data only")
    return Backups()


def report(meter: StallMeter, args: argparse.Namespace, name: str, facts: dict) -> None:
    kind = "PostgreSQL"
    if args.sqlite:
        kind = "SQLite, automatic backups running" if args.sqlite_backup else "SQLite"
    print(
        f"GUI-thread stalls, {f'{args.patients:,}-patient' if args.patients else 'given'} {kind}, "
        f"+{args.latency_ms:.0f} ms per round trip"
        f"{' (TCP proxy)' if args.latency_by == 'tcp' and not args.sqlite else ''}, "
        f"timer every {TICK_MS} ms"
    )
    print(f"searched for {name!r}; " + ", ".join(f"{k}: {v}" for k, v in facts.items()))
    print(f"{'activity':<46}{'longest stall':>14}{'GUI CPU':>10}{'target':>9}  result")
    for activity, longest in meter.longest.items():
        if activity in ("idle", "after booking"):
            continue
        busy = meter.busiest[activity]
        verdict = "ok" if longest <= STALL_MS else "MISSED"
        if verdict == "MISSED" and busy <= STALL_MS:
            verdict += " (waiting for a core: the GUI thread's own work is under the target)"
        print(f"{activity:<46}{longest:>11.1f} ms{busy:>7.1f} ms{STALL_MS:>6.0f} ms  {verdict}")
    if not meter.stalls:
        print("no stall over 50 ms")
        return
    print(f"\nstalls over {STALL_MS:.0f} ms and the code on the GUI thread while stuck:")
    for activity, gap, busy, samples, collected in meter.stalls:
        where = culprit(samples)
        if collected:
            where = "; ".join(
                f"gc.collect(generation={gen}) {ms:.0f} ms, from intake/ui/gc_guard.py collect"
                for _end, ms, gen in collected
            ) + (f"; also {where}" if samples else "")
        print(f"  {gap:7.1f} ms ({busy:5.1f} ms GUI CPU)  {activity.split(':')[0]:<10} {where}")
    print("(frames are file:line function of intake's code; entry = outermost, then innermost)")


if __name__ == "__main__":
    main()
