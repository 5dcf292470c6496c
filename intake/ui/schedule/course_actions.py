"""The course actions on a chosen visit: book a course after an evaluation, and cancel or
move the rest of a course from any of its visits. Offered in the visit's menu (right click or
the Menu key) only where they apply: the side panel has no room for more buttons at 1024 x
600 (the visit's facts would be squeezed out)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from intake.domain.booking import Visit
from intake.domain.enums import AppointmentStatus, CancelledBy
from intake.domain.schedule import ScheduleBlock
from intake.services import series
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui.i18n import translate
from intake.ui.schedule.canvas import course_words
from intake.ui.schedule.panels import CancelPanel
from intake.ui.series import CourseStart, open_course
from intake.ui.series.course_dialog import next_week

if TYPE_CHECKING:
    from intake.ui.schedule.page import SchedulePage

# An evaluation the patient came to: the course the therapist prescribed follows it.
_SEEN = (AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED)


class CourseActions(QObject):
    """The course part of SchedulePage (it works on the page that holds it)."""

    def __init__(self, page: SchedulePage) -> None:
        super().__init__(page)
        self.page = page
        self.dialog: Any = None  # the course dialog last opened (tests reach it here)
        self.book_action = QAction(
            translate("CourseActions", "Book a course of visits…"), page.canvas
        )
        self.cancel_action = QAction(
            translate("CourseActions", "Cancel the rest of the course…"), page.canvas
        )
        self.move_action = QAction(
            translate("CourseActions", "Move the rest of the course…"), page.canvas
        )
        self.book_action.triggered.connect(lambda _on=False: self.ask_book())
        self.cancel_action.triggered.connect(lambda _on=False: self.ask_cancel_rest())
        self.move_action.triggered.connect(lambda _on=False: self.ask_move_rest())
        self.cancel_panel = CancelPanel()
        self.cancel_panel.title.setText(translate("CourseActions", "Cancel the rest of the course"))
        self.cancel_panel.confirm_button.setText(
            translate("CourseActions", "Cancel the rest (Enter)")
        )
        self.cancel_panel.confirm_button.setAccessibleName(
            translate("CourseActions", "Cancel the rest of the course")
        )
        self.cancel_panel.keep_button.setText(translate("CourseActions", "Keep the course (Esc)"))
        self.cancel_panel.confirmed.connect(self.cancel_rest)

    def attach(self) -> None:
        """Put the cancel panel beside the schedule's other side panels, and follow the
        schedule's selection."""
        self.page.side.addWidget(self.cancel_panel)
        self.cancel_panel.dismissed.connect(self.page.visits.back_to_details)
        self.page.canvas.block_was_selected.connect(self.selection_changed)

    def offered(self, block: ScheduleBlock | None) -> list[QAction]:
        if block is None:
            return []
        if block.series_id is not None:
            return [self.move_action, self.cancel_action] if self._booked(block) else []
        if block.evaluation and block.status in _SEEN:
            return [self.book_action]
        return []

    def selection_changed(self, block: ScheduleBlock | None) -> None:
        del block  # another visit chosen: the question was about the one before
        if self.page.side.currentWidget() is self.cancel_panel:
            self.page.side.setCurrentWidget(self.page.details)

    # --- book a course after an evaluation ---------------------------------------------------

    def ask_book(self) -> None:
        block = self.page.canvas.selected_block()
        if block is None or self.book_action not in self.offered(block):
            self.page._say(
                "warn",
                translate("CourseActions", "Choose an evaluation the patient came to first."),
            )
            return
        start = CourseStart(
            patient_id=block.patient_id,
            patient_label=block.patient_name,
            location_id=block.location_id,
            therapist_id=block.therapist_id,
            first_day=next_week(block.local_start.date()),
        )
        self.dialog = open_course(
            self.page, self.page.ctx, start, clock=self.page._clock, on_done=self._course_done
        )

    def _course_done(self, result: object) -> None:
        visits = getattr(result, "visits", result)
        count = len(visits) if isinstance(visits, tuple) else 0
        self.page._finished(
            translate("CourseActions", "Course booked: {n} visits.").format(n=count), None
        )

    # --- the rest of a course ----------------------------------------------------------------

    def ask_cancel_rest(self) -> None:
        block = self._course_visit()
        if block is None:
            return
        self.cancel_panel.ask(block, self.page._now())
        self.cancel_panel.what.setText(
            translate(
                "CourseActions",
                "{who}: this visit ({which}) and every later visit of the course still "
                "booked. Choose or type the reason, and say who cancelled.",
            ).format(who=block.patient_name, which=course_words(block).lower())
        )
        self.page.side.setCurrentWidget(self.cancel_panel)
        self.cancel_panel.reason.setFocus()

    def cancel_rest(self, reason: str, by: CancelledBy | None) -> None:
        block = self._course_visit()
        if block is None:
            return
        if not reason:
            self.page._say(
                "warn", translate("CourseActions", "Say why the course is cancelled, then Enter.")
            )
            return
        if by is None:
            self.page._say(
                "warn",
                translate(
                    "CourseActions", "Say who cancelled: the patient (Alt+P) or the clinic (Alt+C)."
                ),
            )
            return
        ident, version, now = block.appointment_id, block.version, self.page._clock_now()

        def work(db: Database, actor: Actor) -> tuple[Visit, ...]:
            return series.cancel_rest(db, actor, ident, version, reason, by=by, now=now)

        self.page._run(
            work,
            lambda cancelled: self._cancelled(block, cancelled),
            self.page._failed(
                translate("CourseActions", "cancel the rest of {who}'s course").format(
                    who=block.patient_name
                )
            ),
        )

    def _cancelled(self, block: ScheduleBlock, cancelled: tuple[Visit, ...]) -> None:
        self.page.side.setCurrentWidget(self.page.details)
        numbers = [v.series_number for v in cancelled if v.series_number is not None]
        span = f"{min(numbers)}–{max(numbers)}" if len(numbers) > 1 else "".join(map(str, numbers))
        self.page._finished(
            translate(
                "CourseActions", "Cancelled {n} visits of {who}'s course (visits {span})."
            ).format(n=len(cancelled), who=block.patient_name, span=span),
            None,
        )
        self.page.canvas.setFocus()

    def ask_move_rest(self) -> None:
        block = self._course_visit()
        if block is None:
            return
        local = block.local_start
        start = CourseStart(
            patient_id=block.patient_id,
            patient_label=block.patient_name,
            location_id=block.location_id,
            therapist_id=block.therapist_id,
            first_day=local.date(),
            weekly=((local.weekday(), local.time().replace(tzinfo=None)),),
            moving=block.appointment_id,
        )
        self.dialog = open_course(
            self.page, self.page.ctx, start, clock=self.page._clock, on_done=self._moved
        )

    def _moved(self, result: object) -> None:
        count = len(result) if isinstance(result, tuple) else 0
        self.page._finished(
            translate("CourseActions", "Moved the rest of the course: {n} visits.").format(n=count),
            None,
        )

    # --- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _booked(block: ScheduleBlock) -> bool:
        return block.status == AppointmentStatus.BOOKED

    def _course_visit(self) -> ScheduleBlock | None:
        block = self.page.canvas.selected_block()
        if block is None or block.series_id is None:
            self.page._say("warn", translate("CourseActions", "Choose a visit of a course first."))
            return None
        if not self._booked(block):
            self.page._say(
                "warn",
                translate(
                    "CourseActions", "The rest of a course is changed from a visit still booked."
                ),
            )
            return None
        return block
