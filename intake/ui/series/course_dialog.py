"""Book a course of visits: the rule on the left, the proposed visits on the right, proposed
again (off the GUI thread, after a short pause in the typing) whenever the rule changes.

The desk can leave visits out, put the visits with no time on the waitlist, and book the
course in one step. When another PC took a time meanwhile, nothing is booked: the new
proposal is shown with the re-proposed visits marked, and the desk books again. The same
dialog moves the rest of a booked course (its type, place and length fixed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake.domain.booking import SlotOffer, SlotRequest, Visit
from intake.domain.errors import Invalid
from intake.domain.series import (
    BookedSeries,
    ProposedVisit,
    SeriesConflict,
    SeriesProposal,
    SeriesRequest,
)
from intake.services import booking, ical_export, practice_admin, series, slot_finder, staffing
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui import saved_files, when
from intake.ui.context import UiContext
from intake.ui.i18n import translate
from intake.ui.series import course_list
from intake.ui.series.proposal_model import BOOK, NOTE, ProposalModel
from intake.ui.series.rule_form import Choices, Rule, RuleForm
from intake.ui.status_line import say
from intake.ui.words import error_text, problems_of
from intake.ui.worker import failure_text

PROPOSE_DELAY_MS = 250  # a pause in the typing before the course is proposed again
RULE, SUMMARY = 0, 1


@dataclass(frozen=True)
class CourseStart:
    """Who the course is for and what the form starts with. `moving` (an appointment id)
    makes it "move the rest of the course from this visit"."""

    patient_id: int
    patient_label: str
    type_code: str | None = None
    location_id: int | None = None
    therapist_id: int | None = None
    first_day: dt.date | None = None
    weekly: tuple[tuple[int, dt.time], ...] = ()
    intake_id: int | None = None
    moving: int | None = None


def load_choices(database: Database, actor: Actor) -> Choices:
    types = practice_admin.list_appointment_types(database, actor)
    return Choices(
        tuple(t for t in types if not t.requires_screening),
        tuple(practice_admin.list_locations(database, actor)),
        tuple(staffing.list_therapists(database, actor)),
    )


def next_week(day: dt.date) -> dt.date:
    """The Monday after `day`: a course usually starts the week after the evaluation."""
    return day + dt.timedelta(days=7 - day.weekday())


class ProposalView(QTableView):
    """The proposal table: Space (or Delete) leaves the current visit out, or takes it back;
    Enter offers the visit's nearest other free times (it never books the course)."""

    other_time_was_asked = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.other_time_was_asked.emit()
            event.accept()
            return
        model = self.model()
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Delete) and isinstance(
            model, ProposalModel
        ):
            if self.currentIndex().isValid():
                model.toggle(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)


class CourseDialog(QDialog):
    proposal_did_arrive = Signal(object)  # SeriesProposal, or None when the rule is unfinished
    course_was_booked = Signal(object)  # BookedSeries, or the moved visits (tuple of Visit)
    booking_did_fail = Signal(str)
    list_was_saved = Signal(str)
    calendar_was_saved = Signal(str)
    other_times_did_show = Signal(int)  # how many other free times the menu offers

    def __init__(
        self,
        ctx: UiContext,
        start: CourseStart,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("courseDialog")
        self.ctx = ctx
        self.start = start
        self.patient_language = "en"  # known once booked: what the patient takes home
        self._clock = clock
        self._asked = 0  # proposals asked for: only the newest answer is shown
        self._shown = -1  # the proposal on screen answers this request
        self.other_times: QMenu | None = None  # the menu of nearest free times last shown
        self._booking = False
        self.booked: BookedSeries | None = None
        self.moving = start.moving is not None
        title = (
            translate("CourseDialog", "Move the rest of the course — {who}")
            if self.moving
            else translate("CourseDialog", "Book a course of visits — {who}")
        )
        self.setWindowTitle(title.format(who=start.patient_label))
        self.form = RuleForm()
        self.model = ProposalModel(self)
        self.model.can_leave_out = not self.moving  # a move keeps every visit of the rest
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PROPOSE_DELAY_MS)
        self.timer.timeout.connect(self.propose_now)
        self._build()
        self.form.rule_did_change.connect(self.timer.start)
        self.model.dataChanged.connect(lambda *_args: self._update_buttons())
        self.form.setEnabled(False)
        self._say("info", translate("CourseDialog", "Loading the practice…"))
        self.ctx.run(load_choices, self._choices_arrived, self._choices_failed, owner=self)

    # --- replaceable questions (tests and scripts answer them without a dialog) ---------

    @classmethod
    def ask_pdf_path(cls, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("CourseDialog", "Save the list of visits as PDF"),
            suggested,
            "PDF files (*.pdf)",
        )
        return path or None

    @property
    def settled(self) -> bool:
        """The proposal on screen is the one for the rule as it stands."""
        return not self.timer.isActive() and self._shown == self._asked

    # --- proposing ----------------------------------------------------------------------

    def _choices_arrived(self, choices: Choices) -> None:
        s = self.start
        self.form.set_choices(choices)
        self.form.prefill(
            type_code=s.type_code,
            location_id=s.location_id,
            therapist_id=s.therapist_id,
            first_day=s.first_day or next_week(self._today()),
            weekly=s.weekly,
        )
        self.form.setEnabled(True)
        if self.moving:
            self.form.fix_course()
        first = next((c for c in self.form.days if c.isEnabled()), None)
        target = self.form.type_box if not self.moving else first
        if target is not None:
            target.setFocus()
        self.propose_now()

    def _choices_failed(self, error: BaseException) -> None:
        self._say(
            "error",
            translate("CourseDialog", "Could not load the practice: ") + failure_text(error),
        )

    def propose_now(self) -> None:
        """Ask for the proposal of the rule as it stands (the newest answer wins)."""
        self.timer.stop()
        if self._booking:
            return
        self._asked += 1
        asked = self._asked
        try:
            rule = self.form.rule()
        except Invalid as problems:
            self._shown = asked
            self._show_proposal(None)
            self._say("info", " ".join(problems_of(problems).values()))
            self.proposal_did_arrive.emit(None)
            return
        self._say("info", translate("CourseDialog", "Finding times for the course…"))
        work = self._move_work(rule) if self.moving else self._propose_work(rule)
        self.ctx.run(
            work,
            lambda proposal: self._arrived(asked, proposal),
            lambda error: self._propose_failed(asked, error),
            owner=self,
        )

    def _propose_work(self, rule: Rule) -> Callable[[Database, Actor], SeriesProposal]:
        request = SeriesRequest(
            patient_id=self.start.patient_id,
            type_code=rule.type_code,
            location_id=rule.location_id,
            therapist_id=rule.therapist_id,
            weekly=rule.weekly,
            first_day=rule.first_day,
            count=rule.count,
            until=rule.until,
            any_therapist=rule.any_therapist,
            window=rule.window,
            intake_id=self.start.intake_id,
        )
        now = self._clock_now()
        return lambda db, actor: series.propose(db, actor, request, now=now)

    def _move_work(self, rule: Rule) -> Callable[[Database, Actor], SeriesProposal]:
        moving, now = self.start.moving, self._clock_now()
        assert moving is not None
        return lambda db, actor: series.propose_move_rest(
            db,
            actor,
            moving,
            rule.weekly,
            first_day=rule.first_day,
            any_therapist=rule.any_therapist,
            window=rule.window,
            now=now,
        )

    def _arrived(self, asked: int, proposal: SeriesProposal) -> None:
        if asked != self._asked or self._booking:
            return
        self._shown = asked
        self._show_proposal(proposal)
        self._say("info", self._proposal_words())
        self.proposal_did_arrive.emit(proposal)

    def _propose_failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        self._shown = asked
        self._show_proposal(None)
        if isinstance(error, Invalid):
            self._say("warn", " ".join(problems_of(error).values()))
        else:
            self._say(
                "error",
                translate("CourseDialog", "Could not propose the course: ") + failure_text(error),
            )
        self.proposal_did_arrive.emit(None)

    def _show_proposal(
        self, proposal: SeriesProposal | None, renewed: tuple[int, ...] = ()
    ) -> None:
        if not renewed:
            self.model.left_out.clear()  # a new rule: its visits are new ones
        self.model.set_proposal(proposal, renewed)
        self._update_buttons()

    def _proposal_words(self) -> str:
        proposal = self.model.proposal
        if proposal is None:
            return ""
        moved = sum(1 for v in proposal.visits if v.why() and v.offer is not None)
        missing = len(proposal.missing)
        parts = [translate("CourseDialog", "{n} visits proposed").format(n=len(proposal.visits))]
        if moved:
            parts.append(translate("CourseDialog", "{n} moved").format(n=moved))
        if missing:
            parts.append(translate("CourseDialog", "{n} with no time").format(n=missing))
        if self.moving:
            if missing:
                parts.append(
                    translate("CourseDialog", "a visit with no time is cancelled, not moved")
                )
            return " · ".join(parts) + "."
        return (
            " · ".join(parts)
            + ". "
            + translate(
                "CourseDialog", "In the table, Space leaves a visit out, Enter offers other times."
            )
        )

    def _update_buttons(self) -> None:
        count, missing = self.model.to_book(), self.model.missing()
        verb = (
            translate("CourseDialog", "Move {n} visits")
            if self.moving
            else translate("CourseDialog", "Book {n} visits")
        )
        if count == 0:
            verb = (
                translate("CourseDialog", "Move the course")
                if self.moving
                else translate("CourseDialog", "Book the course")
            )
        self.book_button.setText(verb.format(n=count))
        self.book_button.setEnabled(count > 0 and not self._booking)
        self.waitlist.setText(
            translate("CourseDialog", "Put the {n} visits with no time on the &waitlist").format(
                n=missing
            )
            if missing
            else translate("CourseDialog", "Put the visits with no time on the &waitlist")
        )
        self.waitlist.setEnabled(missing > 0)

    # --- another time for one visit ------------------------------------------------------

    def ask_other_time(self) -> None:
        """The nearest free times that week for the chosen visit, as a small menu."""
        index, proposal = self.table.currentIndex(), self.model.proposal
        if not index.isValid() or proposal is None or self._booking:
            return
        row, request = index.row(), proposal.request
        wanted = self.model.visit(row).wanted_local
        monday = wanted.date() - dt.timedelta(days=wanted.weekday())
        first = max(monday, request.first_day)
        code = next((p.code for p in self.form.locations if p.id == request.location_id), "")
        ask = SlotRequest(
            first_day=first,
            days=(monday + dt.timedelta(days=7) - first).days,
            type_code=request.type_code,
            location_codes=(code,),
            therapist_id=None if request.any_therapist else request.therapist_id,
            limit=200,
            earliest=self._clock_now(),
        )
        number = self.model.visit(row).number
        self.ctx.run(
            lambda db, actor: slot_finder.find(db, actor, ask),
            lambda offers: self._offers_arrived(number, offers),
            lambda error: self._say("error", failure_text(error)),
            owner=self,
        )

    def _offers_arrived(self, number: int, offers: list[SlotOffer]) -> None:
        row = next(
            (r for r in range(self.model.rowCount()) if self.model.visit(r).number == number),
            None,
        )
        if row is None:
            return
        nearest = nearest_free(self.model.visit(row), self.model.others(row), offers)
        if not nearest:
            self._say(
                "info", translate("CourseDialog", "No other free time that week for this visit.")
            )
            self.other_times_did_show.emit(0)
            return
        menu = QMenu(self)
        menu.setAccessibleName(translate("CourseDialog", "Other free times for this visit"))
        for offer in nearest:
            local = offer.local_start
            action = menu.addAction(
                translate("CourseDialog", "{day}, {time} with {who}").format(
                    day=when.short_day(local, localized=True),
                    time=when.time_of_day(local, localized=True),
                    who=offer.therapist_name,
                )
            )
            action.triggered.connect(lambda _on=False, o=offer: self.model.change_time(row, o))
        self.other_times = menu
        rect = self.table.visualRect(self.table.currentIndex())
        menu.popup(self.table.viewport().mapToGlobal(rect.bottomLeft()))
        self.other_times_did_show.emit(len(nearest))

    # --- booking ------------------------------------------------------------------------

    def book(self) -> None:
        chosen = self.model.chosen()
        if chosen is None or self.model.to_book() == 0 or self._booking:
            return
        if not self.settled:
            # The rule changed after this proposal was shown: never book what is not on screen.
            self.propose_now()
            self._say(
                "warn",
                translate("CourseDialog", "The rule changed: check the new proposal, then book."),
            )
            return
        self._booking = True
        self._update_buttons()
        self.form.setEnabled(False)
        now = self._clock_now()
        waitlist = self.waitlist.isChecked() and self.waitlist.isEnabled()
        self._say("info", translate("CourseDialog", "Booking the course…"))
        moving = self.moving

        patient_id = self.start.patient_id

        def work(db: Database, actor: Actor) -> tuple[BookedSeries | tuple[Visit, ...], str]:
            # The list and calendar file the patient takes home are in their language
            # (issue #20 point 4); read first, so its failure books nothing.
            language = booking.patient_language(db, actor, patient_id)
            if moving:
                return series.move_rest(db, actor, chosen, now=now), language
            return series.book(db, actor, chosen, now=now, waitlist_missing=waitlist), language

        self.ctx.run(work, lambda answer: self._booked(*answer), self._book_failed, owner=self)

    def _booked(self, result: BookedSeries | tuple[Visit, ...], language: str = "en") -> None:
        self._booking = False
        self.patient_language = language
        visits = result.visits if isinstance(result, BookedSeries) else result
        self.booked = result if isinstance(result, BookedSeries) else None
        self._show_summary(visits, result.missing if isinstance(result, BookedSeries) else ())
        self.course_was_booked.emit(result)

    def _book_failed(self, error: BaseException) -> None:
        self._booking = False
        self.form.setEnabled(True)
        if self.moving:
            self.form.fix_course()
        if isinstance(error, SeriesConflict):
            self._show_proposal(error.proposal, error.lost)
            self._say(
                "warn",
                error_text(error)
                + " "
                + translate(
                    "CourseDialog",
                    'The new times say "New time" (in bold). Check them and book again.',
                ),
            )
            self.book_button.setFocus()
        else:
            self._update_buttons()
            self._say("error", translate("CourseDialog", "Not booked: ") + failure_text(error))
        self.booking_did_fail.emit(failure_text(error))

    # --- after booking ------------------------------------------------------------------

    def _show_summary(self, visits: tuple[Visit, ...], missing: tuple[Any, ...]) -> None:
        self.summary_list.clear()
        for visit in visits:
            local = visit.local_start
            self.summary_list.addItem(
                translate("CourseDialog", "{n}. {day}, {time} with {who} at {where}").format(
                    n=visit.series_number,
                    day=when.short_day(local, localized=True),
                    time=when.time_of_day(local, localized=True),
                    who=visit.therapist_name,
                    where=visit.location_code,
                )
            )
        done = (
            translate("CourseDialog", "✔  Moved {n} visits of the course for {who}")
            if self.moving
            else translate("CourseDialog", "✔  Booked {n} visits for {who}")
        )
        self.summary_heading.setText(done.format(n=len(visits), who=self.start.patient_label))
        numbers = ", ".join(str(v.number) for v in missing)
        waiting = ""
        if missing and self.waitlist.isChecked():
            waiting = translate(
                "CourseDialog", "Visits {numbers} have no time yet: they are on the waitlist."
            )
        elif missing:
            waiting = translate(
                "CourseDialog", "Visits {numbers} have no time and were not put on the waitlist."
            )
        waiting = waiting.format(numbers=numbers)
        self.summary_note.setText(waiting)
        self.summary_note.setVisible(bool(waiting))
        self.print_button.setVisible(self.booked is not None)
        self.calendar_button.setVisible(self.booked is not None and bool(self.booked.visits))
        self.pages.setCurrentIndex(SUMMARY)
        (self.print_button if self.booked is not None else self.done_button).setFocus()

    @classmethod
    def ask_ics_path(cls, parent: QWidget, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("CourseDialog", "Save the course as a calendar file"),
            suggested,
            QCoreApplication.translate("CourseDialog", "Calendar files (*.ics)"),
        )
        return path or None

    def save_calendar(self) -> None:
        """One .ics for the whole course: each visit its own event (see ical_export)."""
        booked = self.booked
        if booked is None or not booked.visits:
            return
        suggested = str(Path(course_list.suggested_name(booked)).with_suffix(".ics"))
        path = self.ask_ics_path(self, suggested)
        if not path:
            return
        self.saved.clear()
        try:
            written = ical_export.save_course(
                booked.visits,
                saved_files.in_documents(path, ".ics"),
                language=self.patient_language,
            )
        except OSError as exc:
            self._say_summary(str(exc))
            return
        self.saved.show_saved(translate("CourseDialog", "Calendar file"), written)
        self.calendar_was_saved.emit(str(written))

    def print_list(self) -> None:
        booked = self.booked
        if booked is None:
            return
        path = self.ask_pdf_path(self, course_list.suggested_name(booked))
        if not path:
            return
        self.saved.clear()
        try:
            written = course_list.write_pdf(
                booked, self.start.patient_label, path, language=self.patient_language
            )
        except OSError as exc:
            self._say_summary(str(exc))
            return
        self.saved.show_saved(translate("CourseDialog", "List of visits"), written)
        self.list_was_saved.emit(str(written))

    # --- helpers ------------------------------------------------------------------------

    def _today(self) -> dt.date:
        return (self._clock() if self._clock else dt.datetime.now(dt.UTC)).astimezone().date()

    def _clock_now(self) -> dt.datetime | None:
        return self._clock() if self._clock else None

    def _say(self, tone: str, text: str) -> None:
        say(self.status, tone, text)

    def _say_summary(self, text: str) -> None:
        say(self.summary_note, "error", text)
        self.summary_note.show()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.pages = QStackedWidget()
        self.pages.addWidget(self._rule_page())
        self.pages.addWidget(self._summary_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.pages)
        self._fit_screen()

    def _rule_page(self) -> QWidget:
        who = QLabel(
            (
                translate("CourseDialog", "Move the rest of the course for {who}")
                if self.moving
                else translate("CourseDialog", "Course of visits for {who}")
            ).format(who=self.start.patient_label)
        )
        who.setObjectName("courseTitle")
        font = who.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        who.setFont(font)
        who.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The rule keeps its natural width (a scroll bar's room too); the table takes the rest.
        scroll.setMinimumWidth(self.form.minimumSizeHint().width() + 20)
        scroll.setMaximumWidth(self.form.sizeHint().width() + 20)
        self.table = ProposalView()
        self.table.setObjectName("courseProposal")
        self.table.setAccessibleName(translate("CourseDialog", "Proposed visits"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # Rows as tall as their note (at most 60 rows): a wrapped reason stays readable.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)  # the note is read whole, on a narrow screen too
        header = self.table.horizontalHeader()
        for column in range(NOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(BOOK, self.moving)
        self.status = QLabel()
        self.status.setObjectName("courseStatus")
        self.status.setAccessibleName(translate("CourseDialog", "Course status"))
        self.status.setWordWrap(True)
        self.leave_button = QPushButton(translate("CourseDialog", "&Leave out / back in (Space)"))
        self.leave_button.setAccessibleName(
            translate("CourseDialog", "Leave the chosen visit out, or take it back")
        )
        self.leave_button.setAutoDefault(False)
        self.leave_button.clicked.connect(self._toggle_current)
        self.leave_button.setVisible(not self.moving)
        self.other_button = QPushButton(translate("CourseDialog", "Other &time… (Enter)"))
        self.other_button.setAccessibleName(
            translate("CourseDialog", "Choose another free time for the visit")
        )
        self.other_button.setAutoDefault(False)
        self.other_button.clicked.connect(self.ask_other_time)
        self.table.other_time_was_asked.connect(self.ask_other_time)

        self.waitlist = QCheckBox(
            translate("CourseDialog", "Put the visits with no time on the &waitlist")
        )
        self.waitlist.setVisible(not self.moving)
        self.book_button = QPushButton(translate("CourseDialog", "Book the course"))
        self.book_button.setObjectName("bookCourse")
        self.book_button.setDefault(True)
        self.book_button.setEnabled(False)
        self.book_button.clicked.connect(self.book)
        self.close_button = QPushButton(translate("CourseDialog", "Close (Esc)"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        proposed = QLabel(translate("CourseDialog", "&Proposed visits"))
        proposed.setBuddy(self.table)
        right = QVBoxLayout()
        right.addWidget(proposed)
        right.addWidget(self.table, 1)
        right.addWidget(self.status)
        options = QHBoxLayout()
        options.addWidget(self.leave_button)
        options.addWidget(self.other_button)
        options.addStretch(1)
        right.addLayout(options)
        buttons = QHBoxLayout()  # the waitlist choice sits beside the button it changes
        buttons.addWidget(self.waitlist)
        buttons.addStretch(1)
        buttons.addWidget(self.book_button)
        buttons.addWidget(self.close_button)
        right.addLayout(buttons)
        columns = QHBoxLayout()
        columns.addWidget(scroll)
        columns.addLayout(right, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(who)
        layout.addLayout(columns, 1)
        return page

    def _summary_page(self) -> QWidget:
        self.summary_heading = QLabel()
        self.summary_heading.setObjectName("confirmationHeading")
        self.summary_heading.setWordWrap(True)
        self.summary_list = QListWidget()
        self.summary_list.setObjectName("courseSummary")
        self.summary_list.setAccessibleName(translate("CourseDialog", "Booked visits"))
        self.summary_note = QLabel()
        self.summary_note.setWordWrap(True)
        self.summary_note.hide()
        self.print_button = QPushButton(translate("CourseDialog", "&Print list (PDF)…"))
        self.print_button.setAccessibleName(
            translate("CourseDialog", "Save the list of visits as a PDF for the patient")
        )
        self.print_button.clicked.connect(self.print_list)
        self.calendar_button = QPushButton(translate("CourseDialog", "Calendar &file (.ics)…"))
        self.calendar_button.setAccessibleName(
            translate("CourseDialog", "Save the course as a calendar file for the patient")
        )
        self.calendar_button.clicked.connect(self.save_calendar)
        self.done_button = QPushButton(translate("CourseDialog", "&Done"))
        self.done_button.clicked.connect(self.accept)
        self.saved = saved_files.SavedFileNote()
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.calendar_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_heading)
        layout.addWidget(self.summary_list, 1)
        layout.addWidget(self.summary_note)
        layout.addWidget(self.saved)
        layout.addLayout(buttons)
        return page

    def _toggle_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.toggle(index.row())
        self.table.setFocus()

    def _fit_screen(self) -> None:
        """As large as the work needs, never larger than the screen (1024 x 600 too)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 1180, 640
        if room is not None:
            width, height = min(width, room.width() - 16), min(height, room.height() - 48)
        self.resize(width, height)


def nearest_free(
    visit: ProposedVisit, others: tuple[ProposedVisit, ...], offers: list[SlotOffer], n: int = 3
) -> list[SlotOffer]:
    """Up to n free times for a visit, one a day: on each day the time nearest the wanted
    wall-clock time, the wanted day first, then the nearest days. They keep clear of the
    course's other visits (one visit a day, none overlapping) and differ from the time shown."""
    taken_days = {v.offer.local_start.date() for v in others if v.offer is not None}
    spans = [(v.offer.start, v.offer.end) for v in others if v.offer is not None]
    wanted = visit.wanted_local
    minute = wanted.hour * 60 + wanted.minute
    best: dict[dt.date, SlotOffer] = {}
    for o in offers:
        day = o.local_start.date()
        if (
            day in taken_days
            or any(o.start < end and start < o.end for start, end in spans)
            or (visit.offer is not None and o.start == visit.offer.start)
        ):
            continue
        off = abs(o.local_start.hour * 60 + o.local_start.minute - minute)
        if day not in best or off < abs(
            best[day].local_start.hour * 60 + best[day].local_start.minute - minute
        ):
            best[day] = o
    days = sorted(best, key=lambda d: (abs((d - wanted.date()).days), d))
    return [best[d] for d in days[:n]]


def open_course(
    parent: QWidget,
    ctx: UiContext,
    start: CourseStart,
    *,
    clock: Callable[[], dt.datetime] | None = None,
    on_done: Callable[[Any], None] | None = None,
) -> CourseDialog:
    """Open the dialog (window-modal, not blocking); `on_done` hears what was booked."""
    dialog = CourseDialog(ctx, start, parent, clock=clock)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_done is not None:
        dialog.course_was_booked.connect(on_done)
    dialog.open()
    return dialog
