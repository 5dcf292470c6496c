"""One patient's visit to the tablet: who they are, then the questions a few at a time.

Everything of this patient lives in this widget and its draft keeper: the kiosk window
throws the widget away when the patient finishes or walks off, so nothing is reachable
afterwards. Answers go to the journal at once and to the database as a draft marked
'tablet' (the desk's DraftKeeper, with self_intake.save_draft). When the live screening
reaches emergency or refer, the patient sees a calm page sending them to the desk, and the
desk gets an alert with the rules' staff messages (never shown here).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from intake import screening
from intake.domain.errors import NotFound
from intake.screening import Question
from intake.screening.conditions import Facts
from intake.services import self_intake
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.intake_form.autosave import DraftKeeper, DraftState
from intake.ui.intake_form.inputs import UNANSWERED
from intake.ui.journal import Journal
from intake.ui.kiosk.answers import TARGET, PainTouchAnswer, QuestionCard, date_part

log = logging.getLogger(__name__)

PER_PAGE = 3
RED = ("emergency", "refer")
KNOWN_FROM_IDENTIFYING = ("dob",)  # asked on the first page already
ALERT_RETRY_MS = 5_000  # a failed desk alert is tried again this often


def big_button(text: str, name: str = "kioskButton") -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setMinimumHeight(TARGET)
    button.setMinimumWidth(160)
    button.setAccessibleName(text)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a touch leaves no focus frame behind
    return button


def heading(text: str, name: str = "kioskTitle") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class KioskSession(QWidget):
    did_finish = Signal()  # the patient is done (or sent to the desk and touched Finish)
    page_did_change = Signal(str)  # identify, questions, desk, done
    alert_was_sent = Signal(int)

    def __init__(
        self,
        context: UiContext,
        journal: Journal | None,
        language: str,
        *,
        location_id: int | None = None,
        today: dt.date | None = None,
        keeper_parent: Any = None,
        handover: self_intake.Handover | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskSession")
        self.context = context
        self.language = language
        self.location_id = location_id
        self.today = today or dt.date.today()
        self.checklist = screening.load_checklist(None, language=language)
        self.keeper = DraftKeeper(
            context, journal, keeper_parent, save_draft=self_intake.save_draft
        )
        self.patient_id: int | None = None
        self.raw: dict[str, object] = {}
        self.position = 0  # index into the checklist's questions of the page shown
        self.history: list[int] = []
        self.cards: list[QuestionCard] = []
        self.page = ""
        self.alert_id: int | None = None
        self._alerting = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(40, 24, 40, 24)
        self._body: QWidget | None = None
        # Asked on the identification page; a patient the desk chose is asked with the rest.
        self.known_already: tuple[str, ...] = () if handover else KNOWN_FROM_IDENTIFYING
        if handover is None:
            self._show_identify()
            return
        # The desk chose this patient: no identification, the answers go to the desk's draft.
        self.patient_id = handover.patient_id
        self.keeper.resume(None, handover.intake_id, handover.version)
        self._show_questions(0)

    # ---- pages -------------------------------------------------------------------------

    def _replace(self, body: QWidget, page: str) -> None:
        if self._body is not None:
            # Hidden, not deleted: the page may be inside its own button's click. Its
            # widgets go with the session, which the window destroys when the patient leaves.
            self._layout.removeWidget(self._body)
            self._body.hide()
        self._body = body
        self._layout.addWidget(body)
        body.show()  # at once, not on the next turn of the event loop
        self.page = page
        self.page_did_change.emit(page)

    def _show_identify(self) -> None:
        body = QWidget(self)  # owned by the session from birth: deleteLater deletes it
        layout = QVBoxLayout(body)
        layout.addWidget(heading(translate("KioskSession", "Please tell us who you are")))
        layout.addWidget(
            heading(
                translate(
                    "KioskSession", "Type your name and date of birth as the clinic has them."
                ),
                "kioskHelp",
            )
        )
        self.given = self._field(translate("KioskSession", "First name"))
        self.family = self._field(translate("KioskSession", "Last name"))
        self.birth = [
            date_part(translate("KioskSession", "Day"), 1, 31, 80),
            date_part(translate("KioskSession", "Month"), 1, 12, 80),
            date_part(translate("KioskSession", "Year"), 1900, 2100, 120),
        ]
        for name, field in (
            (translate("KioskSession", "First name"), self.given),
            (translate("KioskSession", "Last name"), self.family),
        ):
            label = QLabel(name)
            label.setBuddy(field)
            layout.addWidget(label)
            layout.addWidget(field)
        born = QLabel(translate("KioskSession", "Date of birth (day, month, year)"))
        born.setBuddy(self.birth[0])
        layout.addWidget(born)
        row = QHBoxLayout()
        for part in self.birth:
            row.addWidget(part)
        row.addStretch(1)
        layout.addLayout(row)
        self.identify_message = heading("", "kioskMessage")
        self.identify_message.setAccessibleName(translate("KioskSession", "Message"))
        layout.addWidget(self.identify_message)
        layout.addStretch(1)
        self.continue_button = big_button(translate("KioskSession", "Continue"), "kioskPrimary")
        self.continue_button.clicked.connect(self.identify)
        self.family.returnPressed.connect(self.identify)
        layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)
        self._replace(body, "identify")
        self.given.setFocus()

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(name)
        field.setMinimumHeight(TARGET)
        field.setMaxLength(100)
        return field

    def identify(self) -> None:
        try:
            born = dt.date(*(int(p.text()) for p in reversed(self.birth)))
        except ValueError:
            self.identify_message.setText(
                translate("KioskSession", "Please type your date of birth: day, month and year.")
            )
            return
        given, family = self.given.text(), self.family.text()
        self.continue_button.setEnabled(False)
        self.identify_message.setText(translate("KioskSession", "One moment…"))

        def work(database: Database, actor: Actor) -> int:
            return self_intake.identify(database, actor, given, family, born)

        self.context.run(work, lambda pid: self._identified(pid, born), self._not_identified)

    def _identified(self, patient_id: int, born: dt.date) -> None:
        self.patient_id = patient_id
        self.raw["dob"] = born.isoformat()
        self._show_questions(0)

    def _not_identified(self, error: BaseException) -> None:
        self.continue_button.setEnabled(True)
        if isinstance(error, NotFound):
            text = translate(
                "KioskSession", "We could not find you — please ask at the front desk."
            )
        else:
            text = translate(
                "KioskSession", "The tablet cannot reach the clinic's computer. Please ask at the "
                "front desk.",
            )  # fmt: skip
        self.identify_message.setText(text)

    # ---- the questions -------------------------------------------------------------------

    def asked(self) -> dict[str, object]:
        """The answers to questions that are asked, as the answers so far say (a skipped
        'not applicable' is None)."""
        asked: dict[str, object] = {}
        in_force: dict[str, object] = {}
        for question in self.checklist.questions:
            if not self._is_asked(question, in_force):
                continue
            value = self.raw.get(question.id, UNANSWERED)
            if value is UNANSWERED:
                continue
            asked[question.id] = value
            if value is not None:
                in_force[question.id] = value
        return asked

    def _is_asked(self, question: Question, in_force: dict[str, object]) -> bool:
        condition = question.asked_when
        return condition is None or condition.evaluate(Facts(in_force, self.today)).value is True

    def page_from(self, start: int) -> tuple[list[Question], int]:
        """The questions of the page starting at `start` (at most PER_PAGE, one section, none
        whose asking depends on an answer on the same page, the pain picture alone), and where
        the next one starts."""
        questions = self.checklist.questions
        in_force = {k: v for k, v in self.asked().items() if v is not None}
        page: list[Question] = []
        index = start
        while index < len(questions) and len(page) < PER_PAGE:
            question = questions[index]
            if page and question.section != page[0].section:
                break
            condition = question.asked_when
            if page and condition is not None and condition.questions() & {q.id for q in page}:
                break
            alone = PainTouchAnswer.can_show(question)  # the pain picture: a page to itself
            if page and alone:
                break
            index += 1
            if question.id in self.known_already or not self._is_asked(question, in_force):
                continue
            page.append(question)
            if alone:
                break
        return page, index

    def _show_questions(self, start: int) -> None:
        page, end = self.page_from(start)
        while not page and end < len(self.checklist.questions):
            start = end
            page, end = self.page_from(start)
        if not page:
            self._show_done()
            return
        self.position, self._next = start, end
        section = next(s for s in self.checklist.sections if s.id == page[0].section)
        body = QWidget(self)  # owned by the session from birth: deleteLater deletes it
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        title = heading(section.title)
        layout.addWidget(title)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        cards = QVBoxLayout(inner)
        self.cards = []
        for question in page:
            card = QuestionCard(question)
            card.answer.set_value(self.raw.get(question.id, UNANSWERED))
            card.answer.answer_did_change.connect(lambda card=card: self._answered(card))
            cards.addWidget(card)
            self.cards.append(card)
        cards.addStretch(1)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.back_button = big_button(translate("KioskSession", "Back"))
        self.back_button.setEnabled(bool(self.history))
        self.back_button.clicked.connect(self.back)
        self.next_button = big_button(translate("KioskSession", "Next"), "kioskPrimary")
        self.next_button.clicked.connect(self.next)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        self._replace(body, "questions")

    def _answered(self, card: QuestionCard) -> None:
        value = card.answer.value()
        if value is UNANSWERED:
            self.raw.pop(card.question.id, None)
        else:
            self.raw[card.question.id] = value
        answers = self.asked()
        self.keeper.changed(
            DraftState(
                answers=answers,
                checklist_id=self.checklist.id,
                checklist_version=self.checklist.version,
                patient_id=self.patient_id,
                step=card.question.section,
                on=self.today,
                language=self.language,
            )
        )
        result = screening.evaluate(self.checklist, answers, self.today)
        if result.triage.value in RED:
            self._send_to_desk()

    def next(self) -> None:
        self.history.append(self.position)
        self._show_questions(self._next)

    def back(self) -> None:
        if self.history:
            self._show_questions(self.history.pop())

    # ---- the end: done, or sent to the desk ----------------------------------------------

    def _show_done(self) -> None:
        self.keeper.flush()
        body = QWidget(self)  # owned by the session from birth: deleteLater deletes it
        layout = QVBoxLayout(body)
        layout.addStretch(1)
        layout.addWidget(heading(translate("KioskSession", "Thank you")))
        layout.addWidget(
            heading(
                translate(
                    "KioskSession",
                    "Your answers are saved. Please give the tablet back to the front desk.",
                ),
                "kioskText",
            )
        )
        self.finish_button = big_button(translate("KioskSession", "Finish"), "kioskPrimary")
        self.finish_button.clicked.connect(self.finish)
        layout.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)
        self._replace(body, "done")

    def finish(self) -> None:
        """The patient touched Finish: the draft's next save marks it finished for the desk."""
        if self.keeper.state is not None:
            self.keeper.changed(replace(self.keeper.state, finished=True))
        self.did_finish.emit()

    def _send_to_desk(self) -> None:
        if self._alerting:
            return
        self._alerting = True
        self.keeper.flush(force=True)
        body = QWidget(self)  # owned by the session from birth: deleteLater deletes it
        body.setObjectName("kioskDeskPage")
        layout = QVBoxLayout(body)
        layout.addStretch(1)
        layout.addWidget(heading(translate("KioskSession", "Please go to the front desk now")))
        layout.addWidget(
            heading(
                translate(
                    "KioskSession",
                    "Thank you for your answers. A member of our team would like to see you "
                    "straight away. Leave the tablet here.",
                ),
                "kioskText",
            )
        )
        layout.addStretch(2)
        self._replace(body, "desk")
        self._alert()

    def _alert(self) -> None:
        if self.patient_id is None:
            return

        def sent(alert_id: int) -> None:
            try:
                self._alerted(alert_id)
            except RuntimeError:  # the patient has left the tablet meanwhile: sent all the same
                log.info("desk alert sent after the patient left the tablet")

        # The window, not this session, owns the sending: it goes on (retrying) after the
        # screen clears for the next patient.
        owner = self.keeper.parent() or self
        send_alert(
            self.context, owner, self.patient_id, self.asked(), location_id=self.location_id,
            intake_id=self.keeper.intake_id, on=self.today, sent=sent,
        )  # fmt: skip

    def _alerted(self, alert_id: int) -> None:
        self.alert_id = alert_id
        self.alert_was_sent.emit(alert_id)


def send_alert(
    context: UiContext,
    owner: QObject,
    patient_id: int,
    answers: dict[str, object],
    *,
    location_id: int | None,
    intake_id: int | None,
    on: dt.date,
    sent: Callable[[int], None],
) -> None:
    """Raise the desk alert, trying again every few seconds until the database has it."""

    def work(database: Database, actor: Actor) -> int:
        return self_intake.alert_desk(
            database, actor, patient_id, answers, location_id=location_id, intake_id=intake_id,
            on=on,
        )  # fmt: skip

    def failed(error: BaseException) -> None:
        log.error("desk alert not sent (%s); trying again", type(error).__name__)
        QTimer.singleShot(
            ALERT_RETRY_MS,
            owner,
            lambda: send_alert(
                context,
                owner,
                patient_id,
                answers,
                location_id=location_id,
                intake_id=intake_id,
                on=on,
                sent=sent,
            ),
        )

    context.run(work, sent, failed, owner=owner)
