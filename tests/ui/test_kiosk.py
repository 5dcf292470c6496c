"""The waiting-room tablet, driven by touch (clicks) like a patient: English and Spanish,
identification that gives nothing away, a red flag heard by a desk PC (its own database
connection) at once, and no way out or back to a previous patient. Synthetic people only.

The kiosk runs as a tablet account, as `intake kiosk` does: on PostgreSQL (a server that
checks passwords) that is the tablet's own login, which cannot read patients (0015), so
everything the kiosk does here also proves the login's grants suffice."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontInfo, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy import text as sql
from sqlalchemy.engine import make_url

from intake import screening
from intake.db.engine import without_login
from intake.db.models import DeskAlert, Intake
from intake.domain.enums import Role
from intake.domain.patient import PatientDraft
from intake.screening import QuestionType
from intake.services import accounts, desk_alerts, patients
from intake.services.actor import SYSTEM, Actor
from intake.services.database import Database, open_database
from intake.ui.context import UiContext
from intake.ui.desk_alerts import DeskAlertBanner
from intake.ui.intake_form.pain_picture import HEIGHT, WIDTH, PainCanvas, PainPicture
from intake.ui.journal import Journal, writer
from intake.ui.kiosk import language as kiosk_language
from intake.ui.kiosk.answers import ButtonsAnswer, NumberAnswer, PainTouchAnswer, QuestionCard
from intake.ui.kiosk.session import KioskSession
from intake.ui.kiosk.window import KioskWindow
from intake.ui.worker import Worker
from tests.db.practice import TEST_PASSWORD, build, cheap_hashing, desk

WAIT = 15_000
BORN = dt.date(1975, 6, 7)
# A folder: each page saved at 1280x800 as kiosk-<page>.png (Spanish: kiosk-<page>-es.png).
# The README's pictures: KIOSK_SHOTS=docs/screenshots pytest tests/ui/test_kiosk.py
SHOTS = os.environ.get("KIOSK_SHOTS")


@pytest.fixture
def database_url(checked_database_url: str) -> str:
    return checked_database_url


@pytest.fixture
def tablet(database: Database, database_url: str) -> Iterator[tuple[Database, Actor]]:
    """The tablet's PC: a tablet account an admin made, signed in on a connection of its own
    (on PostgreSQL as its own login)."""
    with cheap_hashing():
        accounts.create_account(database, SYSTEM, "tablet-1", "Waiting room", Role.TABLET,
                                TEST_PASSWORD)  # fmt: skip
    url = make_url(database_url)
    pc = open_database(
        without_login(url).render_as_string() if url.get_backend_name() == "postgresql"
        else database_url
    )  # fmt: skip
    try:
        actor = accounts.sign_in(pc, "tablet-1", TEST_PASSWORD, workstation="tablet")
        assert actor.role == Role.TABLET
        if url.get_backend_name() == "postgresql":  # the kiosk works as the tablet's login
            with pc.reading() as session:
                assert session.scalar(sql("SELECT session_user")).startswith("tablet-1@")
        yield pc, actor
    finally:
        pc.close()


@pytest.fixture
def kiosk(qtbot, database: Database, tablet, tmp_path) -> Iterator[KioskWindow]:  # type: ignore[no-untyped-def]
    practice = build(database, patients_count=1)
    draft = PatientDraft("Testcase-Kiosk", "Pat", BORN, "other")
    patients.register(database, desk(database), draft)
    context = UiContext(*tablet, Worker())
    window = KioskWindow(
        context, Journal(tmp_path / "journal", os.urandom(32)), location_id=practice.east
    )
    window.resize(1280, 800)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.stop_watching()
    kiosk_language.use(kiosk_language.ENGLISH)  # a patient's language never outlives the test
    context.worker.wait_for_done()
    writer().wait_until_written()


def _shot(window: QWidget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()  # the layout a touch asked for, as the screen shows it
        window.grab().save(os.path.join(SHOTS, f"{name}.png"))


def _in(language: str) -> str:
    return "" if language == "en" else f"-{language}"


def _click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _start(qtbot, kiosk: KioskWindow, language: str, given: str = "Pat") -> KioskSession:  # type: ignore[no-untyped-def]
    _shot(kiosk, "kiosk-welcome")
    with qtbot.waitSignal(kiosk.session_did_start) as started:
        _click(qtbot, kiosk.language_buttons[language])
    session: KioskSession = started.args[0]
    qtbot.keyClicks(session.given, given)
    qtbot.keyClicks(session.family, "Testcase Kiosk")
    for part, text in zip(session.birth, ("7", "6", "1975"), strict=True):
        qtbot.keyClicks(part, text)
    _shot(kiosk, f"kiosk-identify{_in(language)}")
    _click(qtbot, session.continue_button)
    return session


# Where the calm patient feels it: a small region (the temple) and one on the back view.
TOUCHED = (("temple_left", "front"), ("neck_right", "back"))


def _touch(qtbot, answer: PainTouchAnswer, value: str, view: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """A finger on the region's centre."""
    point = answer.canvas.point_for(value, view).toPoint()
    qtbot.mouseClick(answer.canvas, Qt.MouseButton.LeftButton, pos=point)


def _answer_calmly(qtbot, card: QuestionCard) -> None:  # type: ignore[no-untyped-def]
    """The answer that raises no flag: No, the first choice, none of these, 0, a number."""
    answer = card.answer
    if isinstance(answer, PainTouchAnswer):
        for value, view in TOUCHED:
            _touch(qtbot, answer, value, view)
    elif isinstance(answer, ButtonsAnswer):
        question = card.question
        if question.type == QuestionType.YESNO:
            target = answer.buttons[1][1]
        elif question.type == QuestionType.MULTI:
            target = answer.buttons[-1][1]
        else:
            target = answer.buttons[0][1]
        _click(qtbot, target)
    elif isinstance(answer, NumberAnswer):
        qtbot.keyClicks(answer.field, "2")


def _through(  # type: ignore[no-untyped-def]
    qtbot, kiosk, session: KioskSession, language: str, *, red: str = "",
    seen: list[str] | None = None,
) -> list[str]:  # fmt: skip
    """Answer page after page (each page's controls checked for a name and a big enough
    font); the words on the first yes/no question's buttons. `seen` gets "pain" for each
    pain picture page passed."""
    qtbot.waitUntil(lambda: session.page == "questions", timeout=WAIT)
    pages = 0
    questions_shot = False
    yes_no: list[str] = []
    while session.page == "questions":
        assert_readable_and_named(kiosk)
        for card in session.cards:
            if isinstance(card.answer, PainTouchAnswer) and seen is not None:
                seen.append("pain")
            if card.question.type == QuestionType.YESNO and not yes_no:
                yes_no = [b.label for _v, b in card.answer.buttons]  # type: ignore[attr-defined]
            if card.question.id == red:
                _click(qtbot, card.answer.buttons[0][1])  # type: ignore[attr-defined]  # Yes
                return yes_no
            _answer_calmly(qtbot, card)
        if len(session.cards) > 1 and not questions_shot:
            _shot(kiosk, f"kiosk-questions{_in(language)}")
            questions_shot = True
        if any(isinstance(card.answer, PainTouchAnswer) for card in session.cards):
            _shot(kiosk, f"kiosk-pain{_in(language)}")
        pages += 1
        _click(qtbot, session.next_button)
    assert pages > 10
    return yes_no


def assert_readable_and_named(window: QWidget) -> None:
    """Issue #21 point 6 on the page shown: every control has a name a screen reader says,
    every word on it is at least 18 pt."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        control = isinstance(widget, QAbstractButton | QLineEdit | PainCanvas)
        if control and not widget.accessibleName().strip():
            problems.append(f"{name} has no accessible name")
        text = (
            widget.text() if isinstance(widget, QLabel | QAbstractButton | QLineEdit) else ""
        ) or (widget.placeholderText() if isinstance(widget, QLineEdit) else "")
        points = QFontInfo(widget.font()).pointSizeF()
        if isinstance(widget, PainCanvas):  # its own words (Front, R, L) in drawing units
            text = "Front"
            scale = min(widget.width() / WIDTH, widget.height() / HEIGHT)
            points = (widget.text_px or 0) * scale * 72 / widget.logicalDpiY()
        if text.strip() and points < 17.5:  # 18 pt drawn as whole pixels
            problems.append(f"{name} {text[:30]!r} is {points:.1f} pt")
    assert not problems, problems


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_whole_self_intake_by_touch_is_a_tablet_draft(qtbot, kiosk, database, language):  # type: ignore[no-untyped-def]
    assert_readable_and_named(kiosk)  # the welcome page
    session = _start(qtbot, kiosk, language)
    assert_readable_and_named(kiosk)  # identification
    qtbot.waitUntil(lambda: session.page == "questions", timeout=WAIT)
    checklist = screening.load_checklist(None, language=language)
    first = session.cards[0]
    assert first.question.text == checklist.question(first.question.id).text  # type: ignore[union-attr]
    yes = "Sí" if language == "es" else "Yes"
    seen: list[str] = []
    assert _through(qtbot, kiosk, session, language, seen=seen) == [yes, "No"]
    assert seen == ["pain"]  # the pain picture, by touch, on its own page
    assert session.page == "done"
    assert_readable_and_named(kiosk)
    _shot(kiosk, f"kiosk-done{_in(language)}")
    qtbot.waitUntil(lambda: session.keeper.intake_id is not None and not session.keeper.pending,
                    timeout=WAIT)  # fmt: skip
    intake_id = session.keeper.intake_id
    with database.reading() as s:
        row = s.get(Intake, intake_id)
        assert row is not None
        assert (row.source, row.status, row.patient_language) == ("tablet", "draft", language)
        assert row.answers["dob"] == BORN.isoformat() and len(row.answers) > 30
        # What the desk's pain picture stores for the same two regions.
        assert row.answers["pain_regions"] == ["temple_left", "neck_right"]
    with qtbot.waitSignal(kiosk.did_reset):
        _click(qtbot, session.finish_button)
    assert kiosk.stack.currentWidget() is kiosk.welcome and kiosk.session is None
    assert kiosk.stack.count() == 1  # the patient's pages are gone: no Back reaches them
    qtbot.waitUntil(lambda: not kiosk.findChildren(KioskSession), timeout=WAIT)  # destroyed


def _to_the_pain_picture(qtbot, session: KioskSession) -> PainTouchAnswer:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: session.page == "questions", timeout=WAIT)
    while not any(isinstance(card.answer, PainTouchAnswer) for card in session.cards):
        for card in session.cards:
            _answer_calmly(qtbot, card)
        _click(qtbot, session.next_button)
    assert len(session.cards) == 1  # a page of its own
    answer = session.cards[0].answer
    assert isinstance(answer, PainTouchAnswer)
    return answer


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_pain_picture_by_touch_stores_what_the_desks_would(  # type: ignore[no-untyped-def]
    qtbot, kiosk, database, language
):
    session = _start(qtbot, kiosk, language)
    answer = _to_the_pain_picture(qtbot, session)
    question = answer.question
    chosen_text = answer.chosen.text
    assert chosen_text() == ("Nada todavía" if language == "es" else "Nothing yet")
    assert not answer.clear_button.isEnabled()
    # The patient's own help, not the desk's ("the patient points to").
    card = session.cards[0]
    shown = [w.text() for w in card.findChildren(QLabel) if w.isVisible()]
    assert question.help not in shown and answer.help_text() in shown
    # Big enough for a finger where the drawing allows: the shoulder, the back of the head.
    rects = {(v, view): r for v, view, r in answer.canvas.region_rects()}
    for region in (("shoulder_left", "front"), ("occiput_left", "back"), ("arm_left", "back")):
        assert min(rects[region].width(), rects[region].height()) >= 44
    # Every region has a name a screen reader says, with the side of the figure.
    names = {t.accessibleName() for t in answer.canvas.targets}
    label = dict(zip(question.choice_values, (c.label for c in question.choices), strict=True))
    side = "delante" if language == "es" else "front"
    assert f"{label['temple_left']} ({side})" in names and len(names) == 21

    for value, view in (("temple_left", "front"), ("behind_eye_right", "front"),
                        ("occiput_right", "back"), ("shoulder_left", "back")):  # fmt: skip
        _touch(qtbot, answer, value, view)
    _touch(qtbot, answer, "temple_left", "front")  # touched again: unmarked
    # A finger a little below the small region behind the eye still marks it.
    eye = rects[("behind_eye_left", "front")]
    below = eye.center().toPoint()
    below.setY(round(eye.bottom()) + 10)
    qtbot.mouseClick(answer.canvas, Qt.MouseButton.LeftButton, pos=below)
    touched = ["behind_eye_left", "behind_eye_right", "occiput_right", "shoulder_left"]
    # Named in words (not colour alone), in the checklist's order, and ticked for a reader.
    assert chosen_text().splitlines() == [
        f"• {label[v]}" for v in question.choice_values if v in touched
    ]
    assert {t.value for t in answer.canvas.targets if t.isChecked()} == set(touched)

    # The desk's pain picture, given the same regions, holds the same answer.
    desk_picture = PainPicture(question)
    qtbot.addWidget(desk_picture)
    for value in touched:
        desk_picture.toggle(value)
    assert answer.value() == desk_picture.value()
    qtbot.waitUntil(
        lambda: session.keeper.intake_id is not None and not session.keeper.pending, timeout=WAIT
    )
    session.keeper.flush(force=True)
    qtbot.waitUntil(lambda: not session.keeper.pending, timeout=WAIT)
    with database.reading() as s:
        row = s.get(Intake, session.keeper.intake_id)
        assert row is not None and row.answers["pain_regions"] == desk_picture.value()

    with qtbot.waitSignal(answer.answer_did_change):
        _click(qtbot, answer.clear_button)
    assert answer.value() == [] and chosen_text() == (
        "Nada todavía" if language == "es" else "Nothing yet"
    )
    assert not any(t.isChecked() for t in answer.canvas.targets)
    answer.canvas.setFocus()  # and from a keyboard: arrows move, Space marks
    qtbot.keyClick(answer.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(answer.canvas, Qt.Key.Key_Space)
    assert answer.value() == [answer.canvas.regions[1].value]
    _click(qtbot, answer.clear_button)
    _click(qtbot, session.back_button)  # and forward again: the picture shows what is stored
    _click(qtbot, session.next_button)
    again = session.cards[0].answer
    assert isinstance(again, PainTouchAnswer) and again.value() == []


def test_identification_refuses_a_mismatch_without_saying_why(qtbot, kiosk):  # type: ignore[no-untyped-def]
    session = _start(qtbot, kiosk, "en", given="Someone")
    qtbot.waitUntil(lambda: session.continue_button.isEnabled(), timeout=WAIT)
    assert session.page == "identify"
    assert session.identify_message.text() == (
        "We could not find you — please ask at the front desk."
    )
    _shot(kiosk, "kiosk-not-found")


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_red_flag_sends_the_patient_to_the_desk_and_alerts_a_desk_pc(  # type: ignore[no-untyped-def]
    qtbot, kiosk, database, database_url, language
):
    desk_db = open_database(database_url)
    banner = DeskAlertBanner(UiContext(desk_db, desk(desk_db), Worker()))
    qtbot.addWidget(banner)
    banner.start()
    qtbot.waitUntil(banner.is_ready, timeout=WAIT)
    try:
        session = _start(qtbot, kiosk, language)
        # PostgreSQL: the NOTIFY arrives well within a second; SQLite: the half-second poll.
        timeout = 1_000 if database.backend == "postgresql" else 5_000
        seen: list[str] = []
        with qtbot.waitSignal(session.alert_was_sent, timeout=WAIT):
            _through(qtbot, kiosk, session, language, red="rf_sudden_onset", seen=seen)
        assert seen == ["pain"]  # the pain picture touched on the way
        with qtbot.waitSignal(
            banner.alerts_did_change, check_params_cb=lambda n: n == 1, timeout=timeout
        ):
            pass
        assert session.page == "desk"
        _shot(kiosk, f"kiosk-desk{_in(language)}")
        shown = " ".join(w.text() for w in session.findChildren(QLabel) if w.isVisible())
        assert_readable_and_named(kiosk)
        assert (
            "Por favor, vaya ahora a la recepción" if language == "es"
            else "Please go to the front desk now"
        ) in shown  # fmt: skip
        assert not [w for w in session.findChildren(QPushButton) if w.isVisible()]
        [alert] = banner.alerts
        assert alert.message not in shown  # the staff's words never reach the patient
        assert alert.patient_label.startswith("Testcase-Kiosk, Pat") and alert.message
        with database.reading() as s:
            row = s.get(DeskAlert, alert.id)
            assert row is not None and row.acknowledged_at is None
        button = banner.button
        with qtbot.waitSignal(
            banner.alerts_did_change, check_params_cb=lambda n: n == 0, timeout=WAIT
        ):
            _click(qtbot, button)
        assert banner.isHidden()
    finally:
        banner.stop()
        banner.context.worker.wait_for_done()
        desk_db.close()


def test_escape_attempts_leave_nothing_reachable(qtbot, kiosk, database):  # type: ignore[no-untyped-def]
    session = _start(qtbot, kiosk, "en")
    qtbot.waitUntil(lambda: session.page == "questions", timeout=WAIT)
    _answer_calmly(qtbot, session.cards[0])
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    QApplication.sendEvent(kiosk, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F4,
                                            Qt.KeyboardModifier.AltModifier))  # fmt: skip
    assert not kiosk.close()  # the window manager's close (Alt+F4) is refused
    assert kiosk.isVisible() and kiosk.session is session
    kiosk.ask_staff_sign_in = lambda: None  # type: ignore[method-assign]
    # The patient walks off: after the idle time the screen clears by itself.
    kiosk.idle.setInterval(50)
    kiosk.idle.start()
    with qtbot.waitSignal(kiosk.did_reset, timeout=WAIT):
        pass
    assert kiosk.session is None and kiosk.stack.count() == 1
    qtbot.waitUntil(lambda: not kiosk.findChildren(KioskSession), timeout=WAIT)  # destroyed
    assert not [f for f in kiosk.findChildren(QLineEdit) if f.text()]  # nothing typed remains
    _click(qtbot, kiosk.staff_button)  # no staff sign-in: still the kiosk
    assert kiosk.isVisible()
    kiosk.ask_staff_sign_in = lambda: desk(database)  # type: ignore[method-assign]
    with qtbot.waitSignal(kiosk.was_released):
        _click(qtbot, kiosk.staff_button)
    assert not kiosk.isVisible()


def test_a_draft_left_in_the_tablets_journal_reaches_the_database_at_start(  # type: ignore[no-untyped-def]
    qtbot, database, tablet, tmp_path
):
    """A power cut before the database had the answers: the next start sends them."""
    from intake.ui.journal import JournalEntry, new_key

    pid = patients.register(
        database, desk(database), PatientDraft("Testcase-Journal", "Pat", BORN, "other")
    ).id
    journal = Journal(tmp_path / "journal", os.urandom(32))
    checklist = screening.load_checklist(None)
    key = new_key()
    journal.write(
        JournalEntry(
            key,
            {"has_neck_pain": True},
            checklist.id,
            checklist.version,
            patient_id=pid,
            language="es",
        )
    )
    context = UiContext(*tablet, Worker())
    window = KioskWindow(context, journal)
    qtbot.addWidget(window)
    try:
        assert window.send_journal() == 1
        qtbot.waitUntil(lambda: not window.keepers, timeout=WAIT)  # saved, then let go
        writer().wait_until_written()
        assert journal.read(key) is None  # the journal copy went once the database had it
        with database.reading() as s:
            [row] = s.query(Intake).filter(Intake.patient_id == pid).all()
            assert (row.source, row.answers, row.patient_language) == (
                "tablet", {"has_neck_pain": True}, "es",
            )  # fmt: skip
    finally:
        window.stop_watching()
        context.worker.wait_for_done()


def test_the_desk_program_shows_a_tablet_alert_above_every_area(  # type: ignore[no-untyped-def]
    qtbot, app_env, database, monkeypatch
):
    from intake.domain.enums import Role
    from intake.services import self_intake
    from intake.ui.app import Startup
    from intake.ui.main_window import MainWindow
    from tests.db.practice import signed_in

    practice = build(database, patients_count=1)
    actor = signed_in(database, Role.FRONT_DESK)
    monkeypatch.setattr(Startup, "ask_sign_in", lambda self, started: actor)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)  # a desk PC's screen
    window.show()
    startup = Startup(window, demo=False)
    try:
        with qtbot.waitSignal(startup.session_did_start, timeout=30_000):
            startup.begin()
        banner: DeskAlertBanner = startup.alerts
        qtbot.waitUntil(banner.is_ready, timeout=WAIT)
        with qtbot.waitSignal(
            banner.alerts_did_change, check_params_cb=lambda n: n == 1, timeout=WAIT
        ):
            self_intake.alert_desk(
                database, actor, practice.patients[0], {"rf_neuro_deficit": True}
            )
        assert banner.isVisible() and banner.list.count() == 1
        assert window.isAncestorOf(banner)
        _shot(window, "kiosk-desk-alert")
        # Locked, the desk PC still says that a patient needs the desk, naming nobody.
        startup.lock.lock()
        notice = startup.lock.screen.alert_notice
        assert notice.isVisible() and "front desk now" in notice.text()
        with qtbot.waitSignal(
            banner.alerts_did_change, check_params_cb=lambda n: n == 2, timeout=WAIT
        ):
            self_intake.alert_desk(
                database, actor, practice.patients[0], {"rf_neuro_deficit": True}
            )
        assert notice.isVisible()
        patient = patients.get(database, actor, practice.patients[0])
        shown = " ".join(w.text() for w in startup.lock.screen.findChildren(QLabel))
        assert patient.given_name not in shown and patient.family_name not in shown
        for alert in desk_alerts.open_alerts(database, actor):
            desk_alerts.acknowledge(database, actor, alert.id)
        with qtbot.waitSignal(
            banner.alerts_did_change, check_params_cb=lambda n: n == 0, timeout=WAIT
        ):
            banner.refresh()
        assert not notice.isVisible()
    finally:
        startup.stop()
        startup.worker.wait_for_done()
        startup.database.close()


def test_a_desk_alert_that_failed_is_sent_after_the_patient_has_left(  # type: ignore[no-untyped-def]
    qtbot, kiosk, database, monkeypatch
):
    from intake.domain.errors import DatabaseUnavailable
    from intake.services import self_intake
    from intake.ui.kiosk import session as session_module

    real = self_intake.alert_desk
    calls: list[int] = []

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseUnavailable("the network dropped")
        return real(*args, **kwargs)

    monkeypatch.setattr(self_intake, "alert_desk", flaky)
    monkeypatch.setattr(session_module, "ALERT_RETRY_MS", 50)
    session = _start(qtbot, kiosk, "en")
    _through(qtbot, kiosk, session, "en", red="rf_sudden_onset")
    assert session.page == "desk"
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=WAIT)
    kiosk.reset()  # two minutes pass; the next patient sees the welcome page
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=WAIT)
    kiosk.context.worker.wait_for_done()
    with database.reading() as s:
        assert s.query(DeskAlert).count() == 1
