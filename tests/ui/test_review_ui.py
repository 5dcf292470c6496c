"""The Review area as a therapist uses it: queue, one-screen review, sign-off, PDF packet."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QWidget

from intake.domain.enums import CancelledBy, IntakeStatus
from intake.domain.review import QueueRow
from intake.services import review
from intake.ui.context import UiContext
from intake.ui.review import ReturnedList, ReviewPage, ReviewScreen
from intake.ui.review.queue_model import QueueModel
from intake.ui.worker import Worker
from tests.db.practice import MONDAY, NOW, desk
from tests.db.test_review import ReviewPractice, review_practice

WAIT = 15_000
CLOCK = dt.datetime.combine(MONDAY, dt.time(7), dt.UTC)


@pytest.fixture
def rp(database) -> ReviewPractice:  # type: ignore[no-untyped-def]
    return review_practice(database)


@pytest.fixture
def ann_ctx(database, rp) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    context = UiContext(database, rp.ann_actor, Worker())
    yield context
    context.worker.wait_for_done()


@pytest.fixture
def page(qtbot, show_active, ann_ctx) -> ReviewPage:  # type: ignore[no-untyped-def]
    built = ReviewPage(ann_ctx, clock=lambda: CLOCK)
    with qtbot.waitSignal(built.queue.queue_did_load, timeout=WAIT):
        show_active(built)
    return built


def _ids(page: ReviewPage) -> list[int]:
    model = page.queue.model
    return [model.row_at(r).appointment_id for r in range(model.rowCount())]


def _open_red(qtbot, page: ReviewPage, rp: ReviewPractice) -> ReviewScreen:  # type: ignore[no-untyped-def]
    row = _ids(page).index(rp.red)
    page.queue.table.setFocus()
    page.queue.table.setCurrentIndex(page.queue.model.index(row, 2))
    with qtbot.waitSignal(page.review_screen.review_did_load, timeout=WAIT):
        qtbot.keyClick(page.queue.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.review_screen
    return page.review_screen


def _screen_text(screen: ReviewScreen) -> str:
    texts = [label.text() for label in screen.findChildren(QLabel)]
    return " ".join(texts) + screen.answers.toPlainText()


def test_queue_model_passes_the_model_tester(qtbot, qtmodeltester, database, rp):
    model = QueueModel()
    rows: list[QueueRow] = review.review_queue(
        database, rp.ann_actor, review.QueueFilter(MONDAY, MONDAY + dt.timedelta(days=6))
    )
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() in {"REVIEW", "CLEAR"}
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_queue_defaults_to_my_week_and_filters(qtbot, page, rp):
    queue = page.queue
    assert queue.therapist.currentData() == rp.ann  # the signed-in therapist
    assert queue.from_date.date() == QDate(MONDAY)
    assert queue.to_date.date() == QDate(MONDAY + dt.timedelta(days=6))
    assert _ids(page) == [rp.plain, rp.red, rp.later]
    with qtbot.waitSignal(queue.queue_did_load, timeout=WAIT):
        queue.therapist.setCurrentIndex(0)  # all therapists
    assert _ids(page) == [rp.plain, rp.west_visit, rp.red, rp.later]
    with qtbot.waitSignal(queue.queue_did_load, timeout=WAIT):
        queue.location.setCurrentIndex(queue.location.findData(rp.west))
    assert _ids(page) == [rp.west_visit]
    for widget in (queue.therapist, queue.location, queue.from_date, queue.to_date):
        assert widget.accessibleName()


def test_queue_times_name_their_zone_when_it_is_not_this_pcs(qtbot, page, rp, monkeypatch):
    """East (New York) and West (Chicago) visits in one list: each time says whose clock
    it is on, unless it is this computer's, so the list never looks mis-sorted."""
    from zoneinfo import ZoneInfo

    from intake.ui import when

    queue = page.queue
    monkeypatch.setattr(when, "here", lambda: ZoneInfo("America/New_York"))
    with qtbot.waitSignal(queue.queue_did_load, timeout=WAIT):
        queue.therapist.setCurrentIndex(0)  # all therapists, both locations
    model = queue.model
    shown = {
        model.row_at(r).location_name: model.index(r, 1).data() for r in range(model.rowCount())
    }
    west = next(text for name, text in shown.items() if "West" in name)
    east = next(text for name, text in shown.items() if "East" in name)
    assert west.endswith(("CST", "CDT")) and not east.endswith(("EST", "EDT"))


def test_review_shows_every_flag_of_a_red_flag_case(qtbot, page, rp, database):
    screen = _open_red(qtbot, page, rp)
    result = screen.review.screening
    assert result is not None and len(result.flags) >= 6
    text = _screen_text(screen)
    for flag in result.flags:
        assert flag.rationale in text and flag.source in text
    assert "TRIAGE: REVIEW" in screen.triage_word.text()
    assert screen.banner.property("triage") == "review"
    assert "24/50" in screen.clinical.text() and "moderate" in screen.clinical.text()
    assert "MET" in screen.clinical.text()
    assert screen.pain.selected == {"occiput_right", "neck_right", "arm_left"}
    assert "version 1" in screen.checklist.text()
    answers = screen.answers.toPlainText()
    assert answers.index("Spinal cord") < answers.index("Consent")  # positives first


def test_sign_off_and_return_round_trip(qtbot, page, rp, database):
    screen = _open_red(qtbot, page, rp)
    qtbot.keyClicks(screen.note, "Please call the patient about the dizziness.")
    with qtbot.waitSignal(screen.intake_was_signed, timeout=WAIT) as signed:
        qtbot.mouseClick(screen.return_button, Qt.MouseButton.LeftButton)
    assert signed.args[0].status == IntakeStatus.RETURNED
    qtbot.waitUntil(lambda: "Returned to the front desk" in screen.sign_off_state.text())
    front = UiContext(database, desk(database), Worker())
    returned = ReturnedList(front, clock=lambda: NOW)
    qtbot.addWidget(returned)
    with qtbot.waitSignal(returned.list_did_load, timeout=WAIT) as loaded:
        returned.refresh()
    assert loaded.args == [1]
    assert "call the patient about the dizziness" in returned.list.item(0).text()
    with qtbot.waitSignal(returned.intake_was_chosen, timeout=WAIT) as chosen:
        returned.list.itemActivated.emit(returned.list.item(0))
    assert chosen.args[0].intake_id == rp.red_intake
    # the reload after signing names the new version before the next sign-off
    qtbot.waitUntil(lambda: screen.review.sign_off.status == IntakeStatus.RETURNED)
    with qtbot.waitSignal(screen.intake_was_signed, timeout=WAIT) as signed:
        qtbot.keyClick(
            screen,
            Qt.Key.Key_R,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert signed.args[0].status == IntakeStatus.REVIEWED
    with qtbot.waitSignal(returned.list_did_load, timeout=WAIT) as loaded:
        returned.refresh()
    assert loaded.args == [0]
    front.worker.wait_for_done()


def test_a_concurrent_sign_off_is_refused_and_the_note_kept(qtbot, page, rp, database):
    screen = _open_red(qtbot, page, rp)
    review.mark_reviewed(database, rp.ben_actor, screen.review.key)  # another PC, first
    qtbot.keyClicks(screen.note, "Refer to the physician first.")
    with qtbot.waitSignal(screen.sign_off_did_fail, timeout=WAIT) as failed:
        qtbot.mouseClick(screen.return_button, Qt.MouseButton.LeftButton)
    assert "nothing was overwritten" in failed.args[0]
    assert screen.note.toPlainText() == "Refer to the physician first."
    qtbot.waitUntil(lambda: "Reviewed by Ben Samplefield" in screen.sign_off_state.text())
    assert "nothing was overwritten" in screen.message.text()


def test_a_cancelled_appointment_is_said_plainly(qtbot, page, rp, database):
    from intake.services import booking

    screen = _open_red(qtbot, page, rp)
    visit = booking.get_visit(database, desk(database), rp.red)
    booking.cancel(
        database,
        desk(database),
        rp.red,
        visit.version,
        "synthetic test",
        by=CancelledBy.CLINIC,
        now=NOW,
    )
    with qtbot.waitSignal(screen.sign_off_did_fail, timeout=WAIT) as failed:
        qtbot.mouseClick(screen.review_button, Qt.MouseButton.LeftButton)
    assert "cancelled or deleted" in failed.args[0]
    qtbot.waitUntil(lambda: "No upcoming appointment" in screen.visit.text())


def test_front_desk_sees_no_sign_off_buttons(qtbot, show_active, database, rp):
    ctx = UiContext(database, desk(database), Worker())
    screen = ReviewScreen(ctx)
    with qtbot.waitSignal(screen.review_did_load, timeout=WAIT):
        show_active(screen)
        screen.open(rp.red_intake)
    assert screen.review_button is None and screen.return_button is None
    assert not screen.note.isVisible() and screen.pdf_button.isVisible()
    ctx.worker.wait_for_done()


def test_the_pdf_packet_holds_the_flags_and_renders(qtbot, page, rp, tmp_path, monkeypatch):
    screen = _open_red(qtbot, page, rp)
    monkeypatch.setattr(ReviewScreen, "ask_pdf_path", lambda *_a: str(tmp_path / "packet"))
    with qtbot.waitSignal(screen.pdf_was_saved, timeout=WAIT) as saved:
        qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    pdf = Path(saved.args[0])
    assert pdf.name == "packet.pdf" and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        flat = " ".join(unicodedata.normalize("NFKC", text).split())
        assert "Testcase1, Sample1" in flat and "TRIAGE: REVIEW" in flat
        assert screen.review.screening is not None
        for flag in screen.review.screening.flags:
            assert " ".join(flag.rationale.split())[:40] in flat
        assert "24/50" in flat and "Spinal cord" in flat
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert any(line.split()[-1] in {"1", "2"} for line in info.splitlines() if "Pages" in line)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True
        )
        assert (tmp_path / "page-1.png").stat().st_size > 1000

    printed = tmp_path / "printed.pdf"

    def printer_answer(_parent: QWidget, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(ReviewScreen, "ask_printer", staticmethod(printer_answer))
    with qtbot.waitSignal(screen.packet_was_printed, timeout=WAIT):
        qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    assert printed.read_bytes().startswith(b"%PDF")


def test_the_pdf_packet_goes_to_documents_with_its_full_path_and_folder(
    qtbot, page, rp, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)  # the program's working folder: nothing may land here
    screen = _open_red(qtbot, page, rp)
    offered: list[str] = []
    monkeypatch.setattr(  # the person presses Enter in the save dialog
        ReviewScreen,
        "ask_pdf_path",
        staticmethod(lambda _parent, suggested: offered.append(suggested) or suggested),
    )
    opened: list[Path] = []
    monkeypatch.setattr(
        ReviewScreen, "open_folder", staticmethod(lambda folder: opened.append(folder) or True)
    )
    with qtbot.waitSignal(screen.pdf_was_saved, timeout=WAIT) as saved:
        qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    pdf = Path(saved.args[0])
    assert pdf.parent == home / "Documents" and pdf.read_bytes().startswith(b"%PDF")
    assert offered == [str(pdf)]  # the dialog opened there, not in the working folder
    assert list(tmp_path.glob("*.pdf")) == []
    assert str(pdf) in screen.message.text()  # the full path, to find it again
    assert screen.open_folder_button.isVisible()
    qtbot.mouseClick(screen.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [home / "Documents"]


def test_an_intake_asked_in_spanish_is_reviewed_in_the_staffs_words_with_a_note(
    qtbot, page, rp, database
):  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with database.engine.begin() as conn:
        conn.execute(
            text("UPDATE intakes SET patient_language = 'es' WHERE id = :i"), {"i": rp.red_intake}
        )
    screen = _open_red(qtbot, page, rp)
    assert "Questions were asked in Spanish." in screen.checklist.text()
    answers = screen.answers.toPlainText()
    assert "Spinal cord" in answers and "¿" not in answers  # the answers in English
