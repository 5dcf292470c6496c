"""The booking panel, used as the front desk uses it: filters, arrows, Enter, confirmation."""

from __future__ import annotations

import shutil
import subprocess
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QListWidget,
    QMessageBox,
    QSpinBox,
    QTreeView,
    QWidget,
)
from sqlalchemy import select

from intake.db.models import Appointment
from intake.domain.booking import BookingRequest, SlotRequest
from intake.services import booking, practice_admin, slot_finder
from intake.ui import saved_files
from intake.ui.booking import BookingConfirmation, BookingPanel
from intake.ui.booking.slot_model import SlotModel
from intake.ui.context import UiContext
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, admin, at, build, desk, screened_intake
from tests.ical_checks import check_calendar

WAIT = 15_000


@pytest.fixture
def practice(database):  # type: ignore[no-untyped-def]
    built = build(database)
    for code, street in (("EAST", "100 Example Street"), ("WEST", "200 Sample Road")):
        place = practice_admin.get_location(database, admin(database), code)
        practice_admin.update_location(
            database, admin(database), code, place.version, address=f"{street}, Demo City"
        )
    return built


@pytest.fixture
def ctx(database) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    context = UiContext(database, desk(database), Worker())
    yield context
    context.worker.wait_for_done()


@pytest.fixture
def open_panel(qtbot, show_active, ctx, practice):  # type: ignore[no-untyped-def]
    def open_() -> BookingPanel:
        panel = BookingPanel(ctx, clock=lambda: NOW)
        with qtbot.waitSignal(panel.slots_did_load, timeout=WAIT):
            show_active(panel)
        return panel

    return open_


def _type_date(qtbot, panel: BookingPanel, text: str) -> None:  # type: ignore[no-untyped-def]
    """Tab into the date field (which selects its first part) and type, as a person does."""
    panel.filters.type_combo.setFocus()
    qtbot.keyClick(panel.filters.type_combo, Qt.Key.Key_Tab)
    assert panel.filters.from_date.hasFocus()
    qtbot.keyClicks(panel.filters.from_date, text)


def _tick_location(qtbot, panel: BookingPanel, name: str) -> None:  # type: ignore[no-untyped-def]
    places = panel.filters.locations
    places.setFocus()
    row = next(r for r in range(places.count()) if places.item(r).text() == name)
    places.setCurrentRow(row)
    qtbot.keyClick(places, Qt.Key.Key_Space)


def _filters(panel: BookingPanel) -> SlotRequest:
    return panel.filters.request(limit=1)


def test_search_by_filters_arrow_down_and_enter_books(qtbot, open_panel, practice, database):
    panel = open_panel()
    intake_id = screened_intake(database, practice.patients[0])
    panel.set_patient(practice.patients[0], intake_id)
    with qtbot.waitSignal(panel.slots_did_load, timeout=WAIT):
        _tick_location(qtbot, panel, "Test Site West")
    with qtbot.waitSignal(panel.slots_did_load, timeout=WAIT):
        _type_date(qtbot, panel, "03012027")  # sections advance by themselves
    assert panel.filters.from_date.date().toPython() == MONDAY
    offers = panel.model.offers()
    assert offers and {o.location_code for o in offers} == {"WEST"}
    assert offers[0].local_start.date() == MONDAY
    assert [o.start for o in offers] == sorted(o.start for o in offers)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    chosen = panel.view.current_offer()
    assert chosen == offers[1]
    with qtbot.waitSignal(panel.visit_was_booked, timeout=WAIT) as booked:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    visit = booked.args[0]
    assert (visit.start, visit.therapist_id, visit.intake_id) == (
        chosen.start,
        practice.ben,
        intake_id,
    )
    assert panel.pages.currentWidget() is panel.confirmation
    facts = {k: label.text() for k, label in panel.confirmation.fields.items()}
    assert facts["date"] == "Monday, March 1, 2027"
    assert facts["time"].startswith("8:15 AM – 9:15 AM CST")
    assert facts["location"] == "Test Site West"
    assert facts["address"] == "200 Sample Road, Demo City"
    assert facts["therapist"] == "Ben Samplefield"
    assert facts["type"] == "Initial evaluation"
    assert "Booked" in panel.status_text()


def test_arrows_skip_day_headers(qtbot, open_panel, practice):
    panel = open_panel()
    panel.view.setFocus()
    seen = [panel.view.current_offer()]
    for _ in range(len(panel.model.offers()) + 2):
        qtbot.keyClick(panel.view, Qt.Key.Key_Down)
        seen.append(panel.view.current_offer())
    assert None not in seen
    assert seen[-1] == panel.model.offers()[-1]
    assert len({(o.local_day, o.location_id) for o in seen if o}) > 1  # crossed groups
    qtbot.keyClick(panel.view, Qt.Key.Key_Home)
    assert panel.view.current_offer() == panel.model.offers()[0]


def test_a_lost_race_shows_alternatives_and_keeps_the_choice(qtbot, open_panel, practice, database):
    panel = open_panel()
    patient = practice.patients[1]
    intake_id = screened_intake(database, patient)
    panel.set_patient(patient, intake_id)
    with qtbot.waitSignal(panel.slots_did_load, timeout=WAIT):
        _tick_location(qtbot, panel, "Test Site East")
    before = _filters(panel)
    wanted = panel.view.current_offer()
    assert wanted is not None
    # Another PC books the same slot for someone else after our list loaded.
    other = practice.patients[0]
    booking.book(
        database,
        desk(database),
        BookingRequest(
            other,
            wanted.therapist_id,
            wanted.location_id,
            wanted.start,
            intake_id=screened_intake(database, other),
        ),
        now=NOW,
    )
    panel.view.setFocus()
    with qtbot.waitSignal(panel.booking_did_conflict, timeout=WAIT) as lost:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert "just taken" in lost.args[0]
    assert panel.banner.isVisible() and "just taken" in panel.banner.text()
    alternatives = panel.model.offers()
    assert len(alternatives) == 3
    assert wanted not in alternatives
    assert _filters(panel) == before  # nothing the receptionist chose is lost
    assert (panel.patient_id, panel.intake_id) == (patient, intake_id)
    assert panel.view.current_offer() == alternatives[0]
    with qtbot.waitSignal(panel.visit_was_booked, timeout=WAIT) as booked:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert booked.args[0].start == alternatives[0].start
    assert booked.args[0].patient_id == patient


def test_booking_blocked_by_the_screening(qtbot, open_panel, practice, database):
    panel = open_panel()
    panel.set_patient(practice.patients[0], screened_intake(database, practice.patients[0]))
    assert panel.book_button.isEnabled()
    panel.set_booking_allowed(False, "Refer: contact the physician before booking.")
    assert not panel.book_button.isEnabled()
    assert not panel.book_action.isEnabled()
    assert "Booking blocked: Refer" in panel.status_text()
    panel.view.setFocus()
    with qtbot.assertNotEmitted(panel.visit_was_booked, wait=100):
        qtbot.keyClick(panel.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert "Booking blocked" in panel.status_text()
    panel.set_booking_allowed(True, "")
    assert panel.book_button.isEnabled()
    with qtbot.waitSignal(panel.visit_was_booked, timeout=WAIT):
        qtbot.keyClick(panel.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)


def test_the_service_refusal_shows_in_the_status_line(qtbot, open_panel, practice):
    panel = open_panel()
    panel.set_patient(practice.patients[0], None)  # an evaluation needs a screened intake
    panel.view.setFocus()
    with qtbot.waitSignal(panel.booking_did_fail, timeout=WAIT) as refused:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert "take the intake first" in refused.args[0]
    assert "Not booked" in panel.status_text()
    assert panel.pages.currentIndex() == 0
    assert panel.book_button.isEnabled()  # they may fix it and try again


def test_an_older_search_never_overwrites_a_newer_one(
    qtbot, open_panel, practice, monkeypatch: pytest.MonkeyPatch
):
    panel = open_panel()
    real = panel.model.offers()
    east = [o for o in real if o.location_code == "EAST"][:2]
    west = [o for o in real if o.location_code == "WEST"][:3]
    release = threading.Event()
    answers = iter([("slow", east), ("fast", west)])

    def find(_db, _actor, _request):  # type: ignore[no-untyped-def]
        kind, offers = next(answers)
        if kind == "slow":
            release.wait(10)
        return offers

    monkeypatch.setattr(slot_finder, "find", find)
    with qtbot.waitSignal(panel.busy_did_change, timeout=WAIT) as busy:
        panel.search_now()  # the slow one
    assert busy.args == [True] and panel.busy_bar.isVisible()
    with qtbot.waitSignal(panel.slots_did_load, timeout=WAIT):
        panel.search_now()  # the fast, newer one
    release.set()
    with qtbot.waitSignal(panel.busy_did_change, timeout=WAIT):
        pass
    qtbot.waitUntil(lambda: not panel.busy_bar.isVisible())
    assert panel.model.offers() == west


@pytest.fixture
def booked_panel(qtbot, open_panel, practice, database):  # type: ignore[no-untyped-def]
    panel = open_panel()
    panel.set_patient(practice.patients[2], screened_intake(database, practice.patients[2]))
    panel.view.setFocus()
    with qtbot.waitSignal(panel.visit_was_booked, timeout=WAIT):
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    return panel


def test_add_to_calendar_writes_an_ics(
    qtbot, booked_panel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "visit.ics"
    monkeypatch.setattr(BookingConfirmation, "ask_calendar_path", lambda *_a: str(target))
    confirmation = booked_panel.confirmation
    visit = confirmation.visit
    with qtbot.waitSignal(confirmation.calendar_was_saved, timeout=WAIT):
        qtbot.mouseClick(confirmation.calendar_button, Qt.MouseButton.LeftButton)
    text = target.read_text()
    [event] = check_calendar(target.read_bytes(), method="REQUEST").walk("VEVENT")
    assert str(event["uid"]) == f"appointment-{visit.id}@clinic-intake.invalid"
    assert int(event["sequence"]) == 0 and str(event["status"]) == "CONFIRMED"
    assert event.decoded("dtstart") == visit.start
    assert "100 Example Street, Demo City" in str(event["location"]).replace("\\,", ",")
    assert "Testcase" not in text and "Sample2" not in text
    assert "Calendar file saved" in booked_panel.status_text()


def test_save_as_pdf_and_print(
    qtbot, booked_panel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    confirmation = booked_panel.confirmation
    pdf = tmp_path / "confirmation.pdf"
    monkeypatch.setattr(
        BookingConfirmation, "ask_pdf_path", lambda *_a: str(tmp_path / "confirmation")
    )
    with qtbot.waitSignal(confirmation.pdf_was_saved, timeout=WAIT):
        qtbot.mouseClick(confirmation.pdf_button, Qt.MouseButton.LeftButton)
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        text = unicodedata.normalize("NFKC", text)  # the PDF may use the "fi" ligature
        assert "Appointment confirmation" in text
        assert "Ann Testwood" in text and "Test Site East" in text
    printed = tmp_path / "printed.pdf"

    def printer_answer(_parent: QWidget, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(BookingConfirmation, "ask_printer", staticmethod(printer_answer))
    with qtbot.waitSignal(confirmation.visit_was_printed, timeout=WAIT):
        qtbot.keyClick(confirmation, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.read_bytes().startswith(b"%PDF")


def test_back_to_slots_searches_again_without_the_booked_slot(qtbot, booked_panel):
    visit = booked_panel.confirmation.visit
    with qtbot.waitSignal(booked_panel.slots_did_load, timeout=WAIT):
        qtbot.mouseClick(booked_panel.confirmation.back_button, Qt.MouseButton.LeftButton)
    assert booked_panel.pages.currentIndex() == 0
    assert all(
        not (o.therapist_id == visit.therapist_id and o.start == visit.start)
        for o in booked_panel.model.offers()
    )


def test_slot_model_passes_the_model_tester(qtmodeltester, database, practice):
    offers = slot_finder.find(
        database, desk(database), SlotRequest(MONDAY, days=3, earliest=NOW, limit=200)
    )
    model = SlotModel()
    model.set_offers(offers)
    qtmodeltester.check(model)
    assert model.rowCount() == 6  # three days, two locations
    first = model.index(0, 0)
    assert model.is_group(first) and "Monday, March 1, 2027" in first.data()
    assert not model.flags(first) & Qt.ItemFlag.ItemIsSelectable
    assert model.offer(model.first_slot()) == min(offers, key=lambda o: o.start)
    model.set_offers([])
    qtmodeltester.check(model)
    model.set_offers(list(reversed(offers)))  # the model sorts: soonest group, soonest slot
    firsts = [model.offer(model.index(0, 0, model.index(g, 0))) for g in range(6)]
    assert [f.start for f in firsts] == sorted(f.start for f in firsts)
    assert model.offer(model.first_slot()) == min(offers, key=lambda o: o.start)


def test_every_input_has_a_name_and_the_tab_order_reads_left_to_right(open_panel):
    panel = open_panel()
    kinds = (QComboBox, QDateEdit, QSpinBox, QCheckBox, QListWidget, QTreeView, QAbstractButton)
    unnamed = [
        type(w).__name__
        for kind in kinds
        for w in panel.findChildren(kind)
        if not w.accessibleName()
    ]
    assert unnamed == []
    chain, widget = [], panel.filters.type_combo
    for _ in range(80):  # the raw chain: labels and the wrapping rows' holders count too
        chain.append(widget)
        widget = widget.nextInFocusChain()
    order = [
        panel.filters.type_combo,
        panel.filters.from_date,
        panel.filters.therapist_combo,
        panel.filters.locations,
        panel.view,
        panel.book_button,
        panel.waitlist_button,
    ]
    positions = [chain.index(w) for w in order]
    assert positions == sorted(positions)


def test_times_and_ends_show_whole_once_slots_arrive(open_panel):  # type: ignore[no-untyped-def]
    panel = open_panel()
    panel.resize(1100, 600)  # room for every column
    view, model = panel.view, panel.model
    assert not view.isColumnHidden(1)
    metrics = view.fontMetrics()
    group = model.index(0, 0)
    for column in (0, 1):  # Time, Until: never cut short ("9:45 A…")
        widest = max(
            metrics.horizontalAdvance(str(model.index(row, column, group).data()))
            for row in range(model.rowCount(group))
        )
        extra = view.indentation() if column == 0 else 0
        assert view.columnWidth(column) >= widest + extra


def test_on_a_narrow_screen_the_end_time_gives_way_to_the_therapist(open_panel):  # type: ignore[no-untyped-def]
    panel = open_panel()
    panel.resize(panel.minimumSizeHint().width(), 600)  # the summary step at 1024 px
    view = panel.view
    assert view.isColumnHidden(1)  # "Until" (the tooltip still says the whole slot)
    therapist = view.header().sectionViewportPosition(2)
    assert 0 < therapist < view.viewport().width() - view.fontMetrics().averageCharWidth() * 8
    panel.resize(1100, 600)
    assert not view.isColumnHidden(1)


def test_every_status_mark_is_a_glyph_the_font_has(qtbot, open_panel):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetrics

    from intake.ui.status_line import TONE_MARK

    panel = open_panel()
    panel.set_booking_allowed(False, "the screening does not allow booking.")
    shown = panel.status.text()
    assert "Booking blocked" in shown
    metrics = QFontMetrics(panel.status.font())
    marks = {*TONE_MARK.values(), shown}
    missing = {c for text in marks for c in text if not metrics.inFontUcs4(ord(c))}
    assert missing == set(), f"drawn as an empty box: {sorted(missing)}"


def _evaluations(database, patient_id: int) -> int:  # type: ignore[no-untyped-def]
    with database.reading() as session:
        return len(
            session.scalars(
                select(Appointment).where(
                    Appointment.patient_id == patient_id, Appointment.status == "booked"
                )
            ).all()
        )


def _asked(qtbot, panel: BookingPanel, key: Qt.Key) -> QMessageBox:  # type: ignore[no-untyped-def]
    """Enter on the slot list; the question must open (not a booking)."""
    panel.view.setFocus()
    with qtbot.waitSignal(panel.second_evaluation_was_asked, timeout=WAIT) as asked:
        qtbot.keyClick(panel.view, key)
    box = asked.args[0]
    assert isinstance(box, QMessageBox) and box.isVisible()
    return box


def test_a_second_evaluation_is_asked_about_and_booked_only_on_yes(
    qtbot, open_panel, practice, database, ctx
):
    patient = practice.patients[0]
    booking.book(  # booked earlier, by phone
        database,
        desk(database),
        BookingRequest(
            patient,
            practice.ann,
            practice.east,
            at(MONDAY, 9),
            intake_id=screened_intake(database, patient),
        ),
        now=NOW,
    )
    panel = open_panel()
    panel.set_patient(patient, screened_intake(database, patient))
    box = _asked(qtbot, panel, Qt.Key.Key_Return)
    said = f"{box.text()} {box.informativeText()}"
    assert "already has an initial evaluation booked" in said
    assert "Monday, March 1, 2027 at 9:00 AM EST, Test Site East" in said
    assert "Book another" in said
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter answers the default: No
    qtbot.waitUntil(lambda: not box.isVisible())
    ctx.worker.wait_for_done()
    assert _evaluations(database, patient) == 1
    assert "Not booked" in panel.status_text()
    assert panel.pages.currentIndex() == 0 and panel.book_action.isEnabled()
    box = _asked(qtbot, panel, Qt.Key.Key_Return)
    with qtbot.waitSignal(panel.visit_was_booked, timeout=WAIT) as booked:
        qtbot.keyClick(box, Qt.Key.Key_Y)  # Yes, by its underlined letter
    assert booked.args[0].type_code == "EVAL60"
    assert _evaluations(database, patient) == 2


def test_enter_twice_after_a_booking_books_once(qtbot, open_panel, practice, database, ctx):
    patient = practice.patients[3]
    panel = open_panel()
    panel.set_patient(patient, screened_intake(database, patient))
    panel.view.setFocus()
    with qtbot.waitSignal(panel.visit_was_booked, timeout=WAIT) as booked:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    visit = booked.args[0]
    assert all(o.start != visit.start for o in panel.model.offers())  # gone from the list
    focus = QApplication.focusWidget()
    assert focus is not None and panel.confirmation.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_Return)  # the second Enter, on the confirmation
    ctx.worker.wait_for_done()
    assert panel.pages.currentWidget() is panel.confirmation
    assert _evaluations(database, patient) == 1
    with qtbot.waitSignal(panel.slots_did_load, timeout=WAIT):
        qtbot.keyClick(focus, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # back to slots
    box = _asked(qtbot, panel, Qt.Key.Key_Return)  # and Enter again, on the list
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    ctx.worker.wait_for_done()
    assert _evaluations(database, patient) == 1


def test_the_confirmation_is_saved_in_documents_with_its_path_and_folder(
    qtbot, booked_panel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """It once went to the bare home folder (or the working folder for a typed name)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    confirmation = booked_panel.confirmation
    offered: list[str] = []
    monkeypatch.setattr(  # the person presses Enter in the save dialog
        BookingConfirmation,
        "ask_pdf_path",
        staticmethod(lambda _parent, suggested: offered.append(suggested) or suggested),
    )
    monkeypatch.setattr(  # a bare name typed in the dialog
        BookingConfirmation, "ask_calendar_path", staticmethod(lambda _p, _s: "visit")
    )
    opened: list[Path] = []
    monkeypatch.setattr(saved_files, "open_folder", lambda folder: opened.append(folder) or True)
    with qtbot.waitSignal(confirmation.pdf_was_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(confirmation.pdf_button, Qt.MouseButton.LeftButton)
    pdf = Path(saved.args[0])
    assert pdf.parent == home / "Documents" and offered == [str(pdf)]
    assert str(pdf) in confirmation.saved.text.text()
    with qtbot.waitSignal(confirmation.calendar_was_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(confirmation.calendar_button, Qt.MouseButton.LeftButton)
    assert Path(saved.args[0]) == home / "Documents" / "visit.ics"
    assert list(tmp_path.glob("*.ics")) == [] and list(tmp_path.glob("*.pdf")) == []
    assert confirmation.saved.open_button.isVisible()
    qtbot.mouseClick(confirmation.saved.open_button, Qt.MouseButton.LeftButton)
    assert opened == [home / "Documents"]


# --- what the patient takes home, in the patient's language (issue #20 point 4) ----------


def test_a_spanish_speaking_patient_takes_home_spanish_while_the_desk_reads_english(
    qtbot, open_panel, practice, database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from sqlalchemy import update

    from intake.db.models import Patient

    patient = practice.patients[2]
    with database.writing() as session:
        session.execute(
            update(Patient).where(Patient.id == patient).values(preferred_language="es")
        )
    panel = open_panel()
    panel.set_patient(patient, screened_intake(database, patient))
    panel.view.setFocus()
    with qtbot.waitSignal(panel.visit_was_booked, timeout=WAIT):
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    confirmation = panel.confirmation
    assert confirmation.calendar_button.text() == "&Add to calendar…"  # the desk's English
    assert "Spanish" in confirmation.language_note.text()
    target = tmp_path / "visit.ics"
    monkeypatch.setattr(BookingConfirmation, "ask_calendar_path", lambda *_a: str(target))
    with qtbot.waitSignal(confirmation.calendar_was_saved, timeout=WAIT):
        qtbot.mouseClick(confirmation.calendar_button, Qt.MouseButton.LeftButton)
    [event] = check_calendar(target.read_bytes(), method="REQUEST").walk("VEVENT")
    assert str(event["summary"]) == "Cita en Test Site East"
    assert "de 2027" in str(event["description"]) and "hora local" in str(event["description"])
    slip = confirmation.document().toPlainText()
    assert "Confirmación de cita" in slip and "Fisioterapeuta" in slip
    assert "lunes, 22 de febrero de 2027" in slip and "Appointment" not in slip
    pdf = tmp_path / "confirmation.pdf"
    monkeypatch.setattr(BookingConfirmation, "ask_pdf_path", lambda *_a: str(pdf))
    with qtbot.waitSignal(confirmation.pdf_was_saved, timeout=WAIT):
        qtbot.mouseClick(confirmation.pdf_button, Qt.MouseButton.LeftButton)
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Confirmación de cita" in unicodedata.normalize("NFKC", text)


def test_an_english_speaking_patient_takes_home_english_while_the_desk_reads_spanish(
    qapp, booked_panel, tmp_path: Path
):
    from PySide6.QtCore import QLocale

    from intake.services import ical_export
    from intake.ui import i18n
    from intake.ui.booking.confirmation import confirmation_html

    visit = booked_panel.confirmation.visit
    installed = i18n.install(qapp, "es", cache=tmp_path)
    try:
        assert i18n.translate("BookingConfirmation", "Date") == "Fecha"  # the desk's Spanish
        slip = confirmation_html(visit, "en")
        assert "Appointment confirmation" in slip and "Monday, February 22, 2027" in slip
        assert "Cita" not in slip and "Fecha" not in slip
        from icalendar import Calendar

        [event] = Calendar.from_ical(ical_export.calendar_text(visit, language="en")).walk("VEVENT")
        assert str(event["summary"]) == "Appointment at Test Site East"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))
        i18n._SPEAKING[:] = [i18n.SOURCE_LANGUAGE]
