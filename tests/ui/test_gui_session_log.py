"""A whole front-desk session in the program as started (the log configured by the GUI's
start), on the demo practice: sign in, find a caller, open their record, take the intake,
book. Then the log folder is searched for every demo patient's names and phone number."""

from __future__ import annotations

import datetime as dt
import re
import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from intake.db.models import Appointment, AppointmentType, Patient
from intake.demo.data import demo_accounts
from intake.services import accounts
from intake.ui import startup as gui_startup
from intake.ui.app import Startup, start_gui
from intake.ui.gc_guard import GuiThreadCollector
from intake.ui.wheel_guard import WheelGuard
from tests.log_capture import log_folder, log_text  # noqa: F401
from tests.ui.test_front_desk import _answer_by_keyboard


def test_a_demo_session_leaves_a_log_without_patient_data(
    qtbot, log_folder: Path, monkeypatch  # noqa: F811
):  # fmt: skip
    monkeypatch.setattr(gui_startup, "DEMO_PATIENTS", 40)
    desk = next(a for a in demo_accounts() if a.role.value == "front_desk")
    monkeypatch.setattr(
        Startup,
        "ask_sign_in",
        lambda self, started: accounts.sign_in(started.database, desk.username, desk.password),
    )
    app, startup = None, None
    try:
        app, startup = start_gui(demo=True)
        qtbot.addWidget(startup.window)
        startup.quit_on_failure = False
        qtbot.waitUntil(lambda: startup.desk is not None, timeout=120_000)
        page = startup.desk
        with startup.database.reading() as s:
            demo = s.execute(
                select(Patient.family_name, Patient.given_name, Patient.phone, Patient.id)
            ).all()
            evaluated = set(  # the demo books an evaluation ahead for each of them
                s.scalars(
                    select(Appointment.patient_id)
                    .join(AppointmentType)
                    .where(AppointmentType.requires_screening, Appointment.status == "booked")
                )
            )
            visit_days: dict[int, set[dt.date]] = {}
            for patient, start in s.execute(
                select(Appointment.patient_id, Appointment.starts_at).where(
                    Appointment.status == "booked"
                )
            ):  # a UTC start touches its UTC day and, in the Americas, the day before
                visit_days.setdefault(patient, set()).update(
                    {start.date(), start.date() - dt.timedelta(days=1)}
                )
        # keyClicks types ASCII only: a caller whose name has no accents
        # The demo's patients come most days: book on a day free of the caller's own visits (the
        # database refuses a patient in two places at once, whatever the hour of the run).
        today = dt.date.today()
        family, given, _phone, free_day = next(
            (r[0], r[1], r[2], day)
            for r in demo
            if f"{r[0]}{r[1]}".isascii() and r[3] in evaluated
            for day in (today + dt.timedelta(days=n) for n in range(2, 15))
            if day not in visit_days.get(r[3], set())
        )
        with qtbot.waitSignal(page.search.results_did_arrive, timeout=15_000):
            box = page.search.box
            box.setFocus()
            qtbot.keyClicks(box, f"{given} {family}")
        with qtbot.waitSignal(page.intake_did_start, timeout=15_000) as opened:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        wizard = opened.args[0]
        _answer_by_keyboard(qtbot, wizard)
        with qtbot.waitSignal(wizard.intake_did_submit, timeout=15_000):
            qtbot.keyClick(
                QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
            )
        panel = page.booking
        panel.filters.set_first_day(free_day)
        with qtbot.waitSignal(panel.slots_did_load, timeout=15_000):
            panel.search_now()
        panel.view.setFocus()
        with qtbot.waitSignal(panel.second_evaluation_was_asked, timeout=15_000) as asked:
            qtbot.keyClick(panel.view, Qt.Key.Key_Return)
        with qtbot.waitSignal(page.visit_was_booked, timeout=15_000):
            qtbot.keyClick(asked.args[0], Qt.Key.Key_Y)  # yes, a second evaluation
    finally:
        if startup is not None:
            startup.stop()
            startup.worker.wait_for_done()
            if startup.database is not None:
                startup.database.close()
        if app is not None:  # what start_gui set on the shared application, undone
            app.setStyleSheet("")
            for collector in app.findChildren(GuiThreadCollector):
                collector.stop()
                collector.setParent(None)
            for guard in app.findChildren(WheelGuard):
                app.removeEventFilter(guard)
                guard.setParent(None)

    text = log_text(log_folder)
    assert "signed in: account" in text  # the GUI wrote its log, from its own start-up
    assert stat.S_IMODE(log_folder.stat().st_mode) == 0o700
    for path in log_folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for family, given, phone, _id in demo:
        digits = re.sub(r"\D", "", phone or "")
        for secret in (family, given, phone, digits):
            if secret:
                assert not re.search(rf"\b{re.escape(secret)}\b", text), secret
