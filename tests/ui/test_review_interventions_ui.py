"""The "Guideline interventions to consider" section: on the review screen and in the packet
for a therapist, never for the front desk."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from intake.ui.context import UiContext
from intake.ui.review import ReviewPage, ReviewScreen, packet
from intake.ui.worker import Worker
from tests.db.practice import desk
from tests.db.test_review import ReviewPractice, review_practice
from tests.ui.test_review_ui import CLOCK, WAIT, _open_red

HEADING = "Guideline interventions to consider"


@pytest.fixture
def rp(database) -> ReviewPractice:  # type: ignore[no-untyped-def]
    return review_practice(database)


@pytest.fixture
def page(qtbot, show_active, database, rp) -> Iterator[ReviewPage]:  # type: ignore[no-untyped-def]
    context = UiContext(database, rp.ann_actor, Worker())
    built = ReviewPage(context, clock=lambda: CLOCK)
    with qtbot.waitSignal(built.queue.queue_did_load, timeout=WAIT):
        show_active(built)
    yield built
    context.worker.wait_for_done()


def test_the_therapist_sees_the_section_with_grades_and_sources(qtbot, page, rp):
    screen = _open_red(qtbot, page, rp)
    section = screen.interventions
    assert section.isVisible() and section.title.text() == HEADING
    advice = screen.review.interventions
    assert advice is not None and advice.interventions
    text = section.body.text()
    assert "not a prescription" in text and "general recommendations" in text
    for entry in advice.interventions:
        assert entry.source in text
        if entry.grade:
            assert f"{entry.grade})" in text or f"Grade {entry.grade}" in text
    first = advice.interventions[0]
    assert text.index(first.source) <= text.index(advice.interventions[-1].source)
    assert "Not yet signed off" in text  # the clinical lead has not signed the file yet


def test_the_packet_holds_the_section(qtbot, page, rp, tmp_path, monkeypatch):
    screen = _open_red(qtbot, page, rp)
    html = packet.packet_html(screen.review)
    assert HEADING in html and "not a prescription" in html
    laid_out = packet.document(screen.review).toPlainText()  # what the pages print
    advice = screen.review.interventions
    assert advice is not None
    assert laid_out.index(HEADING) < laid_out.index("Answers by section")
    for entry in advice.interventions:
        assert entry.text in laid_out
    monkeypatch.setattr(ReviewScreen, "ask_pdf_path", lambda *_a: str(tmp_path / "packet"))
    with qtbot.waitSignal(screen.pdf_was_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(screen.pdf_button, Qt.MouseButton.LeftButton)
    pdf = Path(saved.args[0])
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        flat = " ".join(unicodedata.normalize("NFKC", text).split())
        assert HEADING in flat and "Blanpied 2017" in flat


def test_the_front_desk_sees_neither_the_section_nor_it_in_the_packet(
    qtbot, show_active, database, rp
):
    context = UiContext(database, desk(database), Worker())
    screen = ReviewScreen(context)
    with qtbot.waitSignal(screen.review_did_load, timeout=WAIT):
        show_active(screen)
        screen.open(rp.red_intake)
    assert screen.review is not None and screen.review.screening is not None
    assert not screen.interventions.isVisible() and not screen.interventions.body.text()
    assert HEADING not in packet.packet_html(screen.review)
    assert "not a prescription" not in packet.packet_html(screen.review)
    context.worker.wait_for_done()
