"""The intake wizard: built from the checklist, screened live, typed like a person types.

All answers are synthetic.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QWidget,
)

from intake import screening
from intake.domain.patient import PatientDraft
from intake.services import intakes, patients
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.intake_form import IntakeWizard, PainPicture
from intake.ui.intake_form.inputs import ScaleInput
from intake.ui.intake_form.pain_picture import PainCanvas
from intake.ui.journal import Journal, writer
from intake.ui.worker import Worker
from tests.db.practice import desk
from tests.unit.screening.builders import ON, answers_for

KEY = os.urandom(32)  # the journal key: these tests are not about where it comes from
CHECKLIST_FILE = Path(__file__).resolve().parents[2] / "resources/screening/neck-headache-1.toml"


@pytest.fixture
def checklist() -> screening.Checklist:
    return screening.load_checklist(None)


@pytest.fixture
def wizard(qtbot) -> IntakeWizard:  # type: ignore[no-untyped-def]
    form = IntakeWizard(None, today=ON)
    qtbot.addWidget(form)
    form.resize(1200, 760)
    form.show()
    qtbot.waitExposed(form)
    return form


def _radio(form: IntakeWizard, question_id: str, label: str) -> QRadioButton:
    row = form.rows[question_id]
    return next(b for b in row.findChildren(QRadioButton) if b.text() == label)


def _click(qtbot, form: IntakeWizard, question_id: str, label: str) -> None:  # type: ignore[no-untyped-def]
    form.go_to_question(question_id)
    button = _radio(form, question_id, label)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_form_follows_the_checklist_file_without_code(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    text = CHECKLIST_FILE.read_text(encoding="utf-8")
    extra = (
        '[[sections.questions]]\nid = "synthetic_extra"\ntype = "yesno"\n'
        'text = "Synthetic extra question for the test?"\nhelp = "Added by a test."\n'
        'required = true\n\n\n[[sections]]\nid = "arterial"\n'
    )
    changed = tmp_path / "neck-headache-9.toml"
    changed.write_text(text.replace('[[sections]]\nid = "arterial"\n', extra, 1), encoding="utf-8")
    checklist = screening.load_checklist_file(changed)
    form = IntakeWizard(None, checklist=checklist, today=ON)
    qtbot.addWidget(form)
    titles = [form.steps.item(i).text() for i in range(form.steps.count())]
    assert len(titles) == len(checklist.sections) + 1
    row = form.rows["synthetic_extra"]
    assert "Synthetic extra question for the test?" in row.label.text()
    assert "*" in row.label.text()  # required mark
    assert "synthetic_extra" in form.screening_result.missing
    form.go_to_question("synthetic_extra")
    assert form.step == "headache_red_flags" and not row.isHidden()
    assert [q.id for q in checklist.questions] == list(form.rows)


def test_opening_builds_the_first_step_now_and_the_rest_while_idle(qtbot, checklist):  # type: ignore[no-untyped-def]
    form = IntakeWizard(None, today=ON)
    qtbot.addWidget(form)
    built = [page.built for page in form.section_pages]
    assert built[0] and not all(built)  # the caller can answer at once; no freeze for the rest
    form.show()
    qtbot.waitUntil(lambda: all(page.built for page in form.section_pages))
    assert [q.id for q in checklist.questions] == list(form._rows)


def test_answers_for_steps_not_built_yet_are_kept_and_screened(qtbot, checklist):  # type: ignore[no-untyped-def]
    form = IntakeWizard(None, today=ON)
    qtbot.addWidget(form)
    last = checklist.sections[-1]
    assert not form.section_pages[-1].built
    question = last.questions[0]
    form.load({question.id: True})  # a draft's answer for a step not built yet
    assert form.answers[question.id] is True
    assert question.id not in form.screening_result.missing
    ndi = next(q for q in checklist.questions if q.id == "ndi_driving")
    form.set_answer(ndi.id, 2)  # a pre-filled answer, the same way
    assert form.answers[ndi.id] == 2
    form.show()
    qtbot.waitUntil(lambda: all(page.built for page in form.section_pages))
    assert form.rows[question.id].input.value() is True  # the row took it when built
    assert form.rows[ndi.id].input.value() == 2
    assert form.answers[question.id] is True


def test_yes_no_starts_unanswered(wizard: IntakeWizard, checklist):  # type: ignore[no-untyped-def]
    radios = wizard.rows["rf_fever"].findChildren(QRadioButton)
    assert [r.text() for r in radios] == ["Yes", "No"]
    assert not any(r.isChecked() for r in radios)
    assert wizard.answers == {}
    assert "rf_fever" in wizard.screening_result.missing


def test_an_emergency_shows_the_stop_and_disables_booking(qtbot, show_active, checklist):  # type: ignore[no-untyped-def]
    form = IntakeWizard(None, today=ON)
    form.load(answers_for(checklist, has_headache=True))
    show_active(form)
    assert form.booking_allowed
    with qtbot.waitSignal(form.booking_allowed_did_change) as caught:
        _click(qtbot, form, "rf_sudden_onset", "Yes")
    assert caught.args == [False]
    assert form.screening_result.triage == screening.TriageLevel.EMERGENCY
    assert form.panel.level == "emergency"
    assert form.stop_bar.isVisible()
    assert "STOP" in form.stop_bar.findChild(QLabel, "stopText").text()
    assert "emergency" in form.panel.advice.text().lower()
    assert not form.booking_widget.isEnabled()
    assert "disabled" in form.booking_note.text()


def test_an_emergency_shows_even_before_the_screen_is_complete(qtbot, wizard):  # type: ignore[no-untyped-def]
    _click(qtbot, wizard, "rf_neuro_deficit", "Yes")
    assert not wizard.screening_result.complete
    assert wizard.panel.level == "emergency"
    assert not wizard.booking_allowed


def test_a_refer_case_disables_booking_with_what_to_do(qtbot, wizard, checklist):  # type: ignore[no-untyped-def]
    wizard.load(answers_for(checklist))
    assert wizard.booking_allowed
    with qtbot.waitSignal(wizard.booking_allowed_did_change):
        _click(qtbot, wizard, "rf_fever", "Yes")
    assert wizard.screening_result.triage == screening.TriageLevel.REFER
    assert wizard.panel.level == "refer"
    assert "physician" in wizard.panel.advice.text()
    assert not wizard.booking_widget.isEnabled()


def test_review_allows_booking_marked_for_the_therapist(qtbot, wizard, checklist):  # type: ignore[no-untyped-def]
    wizard.load(answers_for(checklist, cad_dizziness=True, cad_timing="older"))
    assert wizard.screening_result.triage == screening.TriageLevel.REVIEW
    assert wizard.booking_allowed
    assert wizard.panel.level == "review"
    assert "review" in wizard.booking_note.text()
    assert wizard.booking_widget.isEnabled()
    assert wizard.panel.flags.text().count("REVIEW") >= 1


def test_incomplete_lists_what_is_missing_and_jumps_there(qtbot, show_active):  # type: ignore[no-untyped-def]
    form = show_active(IntakeWizard(None, today=ON))
    missing = form.screening_result.missing
    assert form.panel.level == "incomplete"
    assert form.panel.missing.count() == len(missing) > 10
    target = form.panel.missing.item(missing.index("rf_fever"))
    form.panel.missing.scrollToItem(target)
    rect = form.panel.missing.visualItemRect(target)
    qtbot.mouseClick(form.panel.missing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert form.step == "headache_red_flags"
    assert form.rows["rf_fever"].isAncestorOf(QApplication.focusWidget())
    _click(qtbot, form, "rf_fever", "No")
    assert "rf_fever" not in form.screening_result.missing
    assert form.panel.missing.count() == len(missing) - 1


def test_a_click_on_the_pain_picture_sets_the_answer(qtbot, wizard):  # type: ignore[no-untyped-def]
    wizard.show()
    wizard.go_to_question("pain_regions")
    picture = wizard.rows["pain_regions"].input
    assert isinstance(picture, PainPicture)
    canvas = picture.canvas
    qtbot.mouseClick(
        canvas, Qt.MouseButton.LeftButton, pos=canvas.point_for("occiput_right").toPoint()
    )
    qtbot.mouseClick(
        canvas, Qt.MouseButton.LeftButton, pos=canvas.point_for("neck_right", "front").toPoint()
    )
    assert sorted(wizard.answers["pain_regions"]) == ["neck_right", "occiput_right"]
    assert picture.boxes["occiput_right"].isChecked()  # the list shows the same
    qtbot.mouseClick(
        canvas, Qt.MouseButton.LeftButton, pos=canvas.point_for("neck_right", "back").toPoint()
    )
    assert wizard.answers["pain_regions"] == ["occiput_right"]
    box = picture.boxes["forehead"]  # the list: the keyboard and screen-reader path
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert sorted(wizard.answers["pain_regions"]) == ["forehead", "occiput_right"]


def test_every_checklist_region_is_on_the_picture(qtbot, checklist):  # type: ignore[no-untyped-def]
    question = checklist.question("pain_regions")
    assert PainPicture.can_show(question)
    canvas = PainCanvas(question.choice_values, {})
    qtbot.addWidget(canvas)
    canvas.resize(420, 270)
    for value in question.choice_values:
        assert canvas.region_at(canvas.point_for(value)) == value, value


def test_the_pain_picture_works_from_the_keyboard(qtbot, wizard):  # type: ignore[no-untyped-def]
    wizard.show()
    wizard.go_to_question("pain_regions")
    canvas = wizard.rows["pain_regions"].input.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Space)
    assert len(wizard.answers["pain_regions"]) == 1


def test_typing_with_enter_moves_to_the_next_question(qtbot, show_active):  # type: ignore[no-untyped-def]
    form = show_active(IntakeWizard(None, today=ON))
    dob = form.rows["dob"].input.focus_widget()
    assert QApplication.focusWidget() is dob
    qtbot.keyClicks(dob, "5/31/1980")
    qtbot.keyClick(dob, Qt.Key.Key_Return)
    assert form.answers["dob"] == "1980-05-31"
    assert form.rows["sex"].isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # Female
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert form.answers["sex"] == "female"
    assert form.rows["pregnancy"].isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    with qtbot.waitSignal(form.step_did_change) as caught:  # the last one moves to the next step
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert caught.args == ["complaint"]
    focus = QApplication.focusWidget()
    assert form.rows["has_neck_pain"].isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_Y)
    assert form.answers["has_neck_pain"] is True
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N)
    assert form.answers["has_headache"] is False
    assert form.steps.item(2).text().endswith("(not asked)")  # headache section hidden


def test_bad_input_is_kept_and_explained(qtbot, wizard):  # type: ignore[no-untyped-def]
    edit = wizard.rows["symptom_duration_weeks"].input.focus_widget()
    qtbot.keyClicks(edit, "2000")
    assert edit.text() == "2000"
    assert "Between 0 and 1040" in wizard.rows["symptom_duration_weeks"].input.note.text()
    assert "symptom_duration_weeks" not in wizard.answers
    dob = wizard.rows["dob"].input.focus_widget()
    qtbot.keyClicks(dob, "31.12.2999")
    assert "future" in wizard.rows["dob"].input.note.text()


def test_a_scale_takes_digits(qtbot, wizard):  # type: ignore[no-untyped-def]
    scale = wizard.rows["pain_now"].input
    assert isinstance(scale, ScaleInput)
    qtbot.keyClicks(scale, "1")
    qtbot.keyClicks(scale, "0")
    assert wizard.answers["pain_now"] == 10
    ndi = wizard.rows["ndi_driving"].input
    qtbot.mouseClick(ndi.buttons[None], Qt.MouseButton.LeftButton)  # not applicable
    assert "ndi_driving" in wizard.answers and wizard.answers["ndi_driving"] is None


def test_step_shortcuts_move_between_steps(qtbot, show_active):  # type: ignore[no-untyped-def]
    form = show_active(IntakeWizard(None, today=ON))
    with qtbot.waitSignal(form.step_did_change) as caught:
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier
        )
    assert caught.args == ["complaint"]
    with qtbot.waitSignal(form.step_did_change) as caught:
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
        )
    assert caught.args == ["headache_red_flags"]  # the headache step is not asked yet: skipped
    with qtbot.waitSignal(form.step_did_change) as caught:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert caught.args == ["complaint"]


def test_every_input_has_an_accessible_name(wizard, checklist):  # type: ignore[no-untyped-def]
    wizard.load(
        answers_for(checklist, has_headache=True, onset_mechanism="fall", trauma_days_ago=3)
    )
    kinds = (QLineEdit, QAbstractButton, QComboBox, QListWidget, ScaleInput, PainCanvas, QCheckBox)
    unnamed = [
        f"{type(w).__name__}:{w.objectName() or getattr(w, 'text', lambda: '')()}"
        for w in wizard.findChildren(QWidget)
        if isinstance(w, kinds) and not w.accessibleName()
    ]
    assert unnamed == []


def test_the_booking_area_takes_the_booking_panel(qtbot, wizard, checklist):  # type: ignore[no-untyped-def]
    panel = QLabel("synthetic booking panel")
    wizard.set_booking_widget(panel)
    assert wizard.booking_widget is panel
    assert not panel.isEnabled()  # nothing answered: booking waits
    wizard.load(answers_for(checklist))
    assert panel.isEnabled() and wizard.booking_allowed
    wizard.go_to_step(wizard.pages.count() - 1)
    assert wizard.step == "summary"
    assert "CLEAR" in wizard.summary.text()


# ---- keeping drafts --------------------------------------------------------------------------


@pytest.fixture
def context(database: Database) -> Iterator[UiContext]:
    worker = Worker()
    yield UiContext(database, desk(database), worker)
    worker.wait_for_done()


def _patient(database: Database) -> int:
    draft = PatientDraft("Testcase", "Synthia", dt.date(1980, 5, 6), "female")
    return patients.register(database, desk(database), draft).id


def test_each_change_reaches_the_journal_and_the_database(qtbot, context, tmp_path):  # type: ignore[no-untyped-def]
    journal = Journal(tmp_path / "journal", KEY)
    pid = _patient(context.database)
    form = IntakeWizard(context, patient_id=pid, journal=journal, today=ON, autosave_ms=50)
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.draft_did_save, timeout=10_000):
        form.set_answer("has_headache", True)
        form.set_answer("pain_now", 7)
    assert writer().wait_until_written()
    (path,) = journal.folder.iterdir()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert re.fullmatch(r"draft-[0-9a-f]{32}\.sealed", path.name)  # no name, no ids
    assert b"pain_now" not in path.read_bytes()  # sealed (tests/ui/test_journal_sealed.py)
    (stored,) = journal.read_all()
    assert stored.answers == {"has_headache": True, "pain_now": 7}
    assert stored.intake_id == form.intake_id
    saved = intakes.get(context.database, context.actor, form.intake_id)
    assert saved.answers == {"has_headache": True, "pain_now": 7}
    assert saved.patient_id == pid
    with qtbot.waitSignal(form.draft_did_save, timeout=10_000):
        form.set_answer("pain_now", 5)
    assert intakes.get(context.database, context.actor, form.intake_id).answers["pain_now"] == 5


def test_each_keystroke_reaches_the_journal_at_once_off_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, monkeypatch
):
    from intake.ui import journal as journal_module

    threads: list[threading.Thread] = []
    replace = journal_module._replace

    def spy(target: Path, data: bytes) -> None:
        threads.append(threading.current_thread())
        replace(target, data)

    monkeypatch.setattr(journal_module, "_replace", spy)
    journal = Journal(tmp_path / "journal", KEY)
    # The database save waits for a minute's pause here: the journal must not wait for it.
    form = IntakeWizard(None, journal=journal, today=ON, autosave_ms=60_000)
    qtbot.addWidget(form)
    form.go_to_question("symptom_duration_weeks")
    edit = form.rows["symptom_duration_weeks"].input.focus_widget()
    for key, expected in (("1", 1), ("2", 12)):
        qtbot.keyClicks(edit, key)
        qtbot.waitUntil(
            lambda expected=expected: (
                [e.answers.get("symptom_duration_weeks") for e in journal.read_all()] == [expected]
            ),
            timeout=2_000,
        )
    assert form.keeper._timer.isActive()  # the database copy still waits for the pause
    assert threads and threading.main_thread() not in threads


def test_a_lost_connection_keeps_the_journal_and_retries(qtbot, database, tmp_path):  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine  # the test builds a broken database; the UI never does

    gone = Database(create_engine(f"sqlite+pysqlite:///{tmp_path / 'missing' / 'x.sqlite3'}"))
    worker = Worker()
    journal = Journal(tmp_path / "journal", KEY)
    form = IntakeWizard(
        UiContext(gone, desk(database), worker), journal=journal, today=ON, autosave_ms=20
    )
    qtbot.addWidget(form)
    form.set_answer("rf_fever", False)
    qtbot.waitUntil(lambda: "Trying again" in form.save_status.text(), timeout=10_000)
    assert writer().wait_until_written()
    (entry,) = journal.read_all()
    assert entry.answers == {"rf_fever": False} and entry.intake_id is None
    assert form.keeper._retry.isActive()
    worker.wait_for_done()
    gone.close()


def test_finishing_stores_the_intake_and_drops_the_journal(qtbot, context, tmp_path, checklist):  # type: ignore[no-untyped-def]
    journal = Journal(tmp_path / "journal", KEY)
    pid = _patient(context.database)
    form = IntakeWizard(context, patient_id=pid, journal=journal, today=ON, autosave_ms=20)
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.draft_did_save, timeout=10_000):
        form.load(answers_for(checklist))
        form.set_answer("pain_now", 3)
    form.show()
    form.go_to_step(form.pages.count() - 1)
    with qtbot.waitSignal(form.intake_did_submit, timeout=10_000) as caught:
        qtbot.mouseClick(form.finish_button, Qt.MouseButton.LeftButton)
    assert caught.args == [form.intake_id]
    assert writer().wait_until_written()
    assert journal.read_all() == []
    assert intakes.list_unfinished(context.database, context.actor) == []


def test_finishing_after_another_computer_changed_the_intake_says_what_happened(  # type: ignore[no-untyped-def]
    qtbot, context, tmp_path, checklist
):
    journal = Journal(tmp_path / "journal", KEY)
    pid = _patient(context.database)
    form = IntakeWizard(context, patient_id=pid, journal=journal, today=ON, autosave_ms=20)
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.draft_did_save, timeout=10_000):
        form.load(answers_for(checklist))
        form.set_answer("pain_now", 3)
    assert form.keeper.intake_id is not None and form.keeper.version is not None
    intakes.save_draft(  # the same intake, saved meanwhile at the other desk
        context.database, context.actor, answers_for(checklist), patient_id=pid,
        intake_id=form.keeper.intake_id, version=form.keeper.version, on=ON,
    )  # fmt: skip
    form.set_answer("pain_now", 4)
    qtbot.waitUntil(lambda: form.keeper.stopped, timeout=10_000)
    form.show()
    form.go_to_step(form.pages.count() - 1)
    with qtbot.waitSignal(form.submit_did_fail, timeout=10_000) as caught:
        qtbot.mouseClick(form.finish_button, Qt.MouseButton.LeftButton)
    assert caught.args[0].startswith("Not finished: the database did not take the latest copy.")
    assert form.save_status.text() == caught.args[0]
    assert form.finish_button.isEnabled()
    assert writer().wait_until_written()
    assert journal.read_all()[0].answers["pain_now"] == 4  # kept on this computer
