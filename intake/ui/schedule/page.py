"""The Schedule area: a location's day or a therapist's week, the actions on a visit, the
waitlist after a cancellation, exports, and live refresh from other PCs.

This module holds the page itself: loading, live refresh, the status line and the layout.
Its parts each work on the page: `toolbar` (what is shown), `visits` (check in, cancel,
move...), `waitlist` (the freed slot offered) and `exports` (print, PDF, CSV, iCalendar).

Every database call goes through `UiContext.run`; each load carries a number so an answer
that arrives after a newer request is dropped. A failed action leaves the schedule as the
database has it: the screen reloads and says why in the status line.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from intake.domain.booking import BookingConflict
from intake.domain.schedule import DaySchedule, ScheduleBlock, WeekSchedule
from intake.services import schedule_view
from intake.services.actor import Actor
from intake.services.changes import ScheduleChange
from intake.services.database import Database
from intake.ui import keys
from intake.ui.context import UiContext
from intake.ui.flow_layout import wrapped_row
from intake.ui.i18n import translate
from intake.ui.keys import means
from intake.ui.schedule.canvas import ScheduleCanvas, today_minute
from intake.ui.schedule.course_actions import CourseActions
from intake.ui.schedule.exports import Exports
from intake.ui.schedule.free_time import FreeTime
from intake.ui.schedule.lanes import Layout, day_layout, free_for, from_now, week_layout
from intake.ui.schedule.live import LiveRefresh
from intake.ui.schedule.panels import (
    LEGEND,
    CancelPanel,
    DetailsPanel,
    NoShowPanel,
    ReschedulePanel,
    WaitlistPanel,
    summary_text,
    zone_label,
)
from intake.ui.schedule.toolbar import Toolbar, load_choices
from intake.ui.schedule.visit_actions import VisitActions
from intake.ui.schedule.waitlist_actions import WaitlistActions
from intake.ui.status_line import action_button, say
from intake.ui.waitlist.list_panel import WaitlistView
from intake.ui.worker import Failure, failure_text

REFRESH_DELAY_MS = 150


class SchedulePage(QWidget):
    patient_was_opened = Signal(int)  # the patient id
    schedule_did_load = Signal()
    action_did_finish = Signal(str)
    action_did_fail = Signal(str)
    waitlist_did_load = Signal(int)  # how many waiting patients fit the freed slot
    offers_did_load = Signal(int)  # free slots listed for a reschedule
    status_did_change = Signal(str)

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
        live: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("schedulePage")
        self.ctx = context
        self._clock = clock
        self._live_wanted = live
        self.mode = "day"
        self.day = self._now().astimezone().date()
        self.location_id: int | None = None
        self.therapist_id: int | None = None
        self.schedule: DaySchedule | WeekSchedule | None = None
        self.layout_: Layout | None = None
        self._load_number = 0
        self._loading = False
        self._dirty = False
        self._keep: int | None = None
        self._busy_block: int | None = None
        self.toolbar = Toolbar(self)
        self.visits = VisitActions(self)
        self.waitlist = WaitlistActions(self)
        self.free_time = FreeTime(self)
        self.exports = Exports(self)
        self.live = LiveRefresh(context, self)
        self.live.schedule_did_change.connect(self._heard)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.reload)
        self._now_timer = QTimer(self)
        self._now_timer.setInterval(30_000)
        self._now_timer.timeout.connect(self._place_now)
        self._build()
        self.courses = CourseActions(self)
        self.courses.attach()
        self._run(
            load_choices,
            self.toolbar.choices_arrived,
            self._failed(translate("SchedulePage", "load the practice")),
        )

    # --- the public face -------------------------------------------------------------------

    def show_day(self, location_id: int, day: dt.date) -> None:
        self.mode, self.location_id, self.day = "day", location_id, day
        self.toolbar.sync()
        self.reload()

    def show_visit(self, location_id: int, day: dt.date, appointment_id: int) -> None:
        """The location's day with one visit chosen (a visit opened from the record)."""
        self._keep = appointment_id
        self.show_day(location_id, day)

    def blocks(self) -> tuple[ScheduleBlock, ...]:
        return self.schedule.blocks if self.schedule is not None else ()

    def status_text(self) -> str:
        return self.status.text()

    def shutdown(self) -> None:
        """Stop the live refresh thread (call before the page goes away)."""
        self.live.stop(wait=True)
        self._refresh_timer.stop()
        self._now_timer.stop()

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self._refresh_timer.stop()
        if self._loading:
            self._dirty = True
            return
        self._load_number += 1
        number = self._load_number
        work: Callable[[Database, Actor], Any]
        if self.mode == "day" and self.location_id is not None:
            work = functools.partial(_day, location_id=self.location_id, day=self.day)
        elif self.mode == "week" and self.therapist_id is not None:
            work = functools.partial(_week, therapist_id=self.therapist_id, first=self.day)
        else:
            return
        self._loading = True
        self._run(work, lambda s: self._arrived(number, s), lambda e: self._load_failed(number, e))

    def _arrived(self, number: int, schedule: DaySchedule | WeekSchedule) -> None:
        self._loading = False
        if self._dirty:
            self._dirty = False
            self.reload()
        if number != self._load_number:
            return
        keep = self._keep
        if keep is None and (chosen := self.canvas.selected_block()) is not None:
            keep = chosen.appointment_id
        self._keep = None
        first_show = self.schedule is None
        self.schedule = schedule
        self.layout_ = from_now(
            day_layout(schedule) if isinstance(schedule, DaySchedule) else week_layout(schedule),
            self._now(),
        )
        self.canvas.set_layout(self.layout_, keep=keep)
        self._place_now()
        if first_show:
            self._scroll_to_start()
        self.heading.setText(self.layout_.title)
        self.canvas.zone_label = zone_label(schedule)
        self.canvas.viewport().update()
        self.summary.setText(summary_text(schedule, len(self.layout_.lanes)))
        self.print_action.setEnabled(isinstance(schedule, DaySchedule))
        self.pdf_action.setEnabled(isinstance(schedule, DaySchedule))
        self.schedule_did_load.emit()

    def _load_failed(self, number: int, error: BaseException) -> None:
        self._loading = False
        if number == self._load_number:
            self._say(
                "error",
                translate("SchedulePage", "Could not load the schedule: {message}").format(
                    message=failure_text(error)
                ),
            )

    def _scroll_to_start(self) -> None:
        layout = self.layout_
        if layout is None:
            return
        tops = [t for lane in layout.lanes for t, _ in lane.working]
        self.canvas.scroll_to_minute(min(tops) if tops else layout.first_minute)

    def _place_now(self) -> None:
        layout, now = self.layout_, self._now()
        if layout is None:
            return
        for index, lane in enumerate(layout.lanes):
            minute = today_minute(lane.zone, lane.day, now)
            if minute is not None:
                lanes = tuple(range(len(layout.lanes))) if self.mode == "day" else (index,)
                self.canvas.set_now(minute, lanes)
                return
        self.canvas.set_now(None)

    # --- live refresh ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._live_wanted and not self.live.running:
            self.live.start()
            if self.schedule is not None:  # changes made while hidden were not heard
                self.reload()
        self._now_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.live.stop(wait=False)
        self._now_timer.stop()

    def _heard(self, change: ScheduleChange) -> None:
        schedule = self.schedule
        if schedule is None:
            return
        if isinstance(schedule, DaySchedule):
            wanted = change.concerns(schedule.location_id, (schedule.day,))
        else:
            wanted = any(change.concerns(p.id, schedule.dates) for p in schedule.locations)
        if wanted:
            self._refresh_timer.start()

    # --- helpers ---------------------------------------------------------------------------

    def _finished(self, message: str, keep: int | None, *, reload: bool = True) -> None:
        self.exports.calendar.clear()  # the offer belongs to the action before this one
        self._say("done", message)
        if keep is not None:
            self._keep = keep
        if reload:
            self.reload()
        self.action_did_finish.emit(message)

    def _failed(
        self, what: str, lost_race: Callable[[BookingConflict], None] | None = None
    ) -> Failure:
        """A failure callback; a lost race (the slot was taken) goes to `lost_race`."""

        def report(error: BaseException) -> None:
            if lost_race is not None and isinstance(error, BookingConflict):
                lost_race(error)
                return
            message = failure_text(error)
            self._say(
                "error",
                translate(
                    "SchedulePage", "Could not {what}: {message} Nothing was changed."
                ).format(what=what, message=message),
            )
            self.action_did_fail.emit(message)
            self.reload()

        return report

    def _run(
        self,
        work: Callable[[Database, Actor], Any],
        on_success: Callable[[Any], None],
        on_failure: Failure,
    ) -> None:
        self.ctx.run(work, on_success, on_failure, owner=self)  # a closed page drops answers

    def _say(self, tone: str, text: str) -> None:
        say(self.status, tone, text)
        self.status_did_change.emit(text)

    def _now(self) -> dt.datetime:
        return self._clock() if self._clock else dt.datetime.now(dt.UTC)

    def _clock_now(self) -> dt.datetime | None:
        return self._clock() if self._clock else None

    # --- building --------------------------------------------------------------------------

    def _action(self, text: str, keys: list[str], slot: Callable[[], None], on: QWidget) -> QAction:
        action = QAction(translate("SchedulePage", text), on)  # marked in panels.ACTIONS
        action.setShortcuts([QKeySequence(k) for k in keys])
        context = (
            Qt.ShortcutContext.WidgetShortcut
            if on is self.canvas
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False: slot())
        on.addAction(action)
        return action

    def _build(self) -> None:
        self.canvas = ScheduleCanvas()
        self.canvas.drop_check = lambda placed, lane, minute: (
            free_for(
                self.layout_,
                lane,
                minute,
                minute + placed.bottom - placed.top,
                placed.block.appointment_id,
            )
            if self.layout_ is not None
            else None
        )
        act = self._action
        c = self.canvas
        self.block_actions = [
            act("Open patient", ["Ctrl+O"], self.visits.open_patient, c),
            act("Check in", ["Ctrl+I"], self.visits.check_in, c),
            act("Completed", ["Ctrl+D"], self.visits.complete, c),
            means(act("No-show…", ["Ctrl+Shift+N"], self.visits.ask_no_show, c), keys.NO_SHOW),
            means(act("Undo no-show", ["Ctrl+Z"], self.visits.undo_no_show, c), keys.UNDO_NO_SHOW),
            act("Cancel with reason…", ["Del"], self.visits.ask_cancel, c),
            act("Reschedule…", ["Ctrl+R"], self.visits.ask_reschedule, c),
        ]
        means(
            act("Previous day", ["Alt+Left"], lambda: self.toolbar.step_day(-1), self),
            keys.PREVIOUS,
        )
        means(act("Next day", ["Alt+Right"], lambda: self.toolbar.step_day(+1), self), keys.NEXT)
        act("Today", ["Alt+Home"], self.toolbar.today, self)
        act("Previous location or therapist", ["Alt+Up"], lambda: self.toolbar.step_place(-1), self)
        act("Next location or therapist", ["Alt+Down"], lambda: self.toolbar.step_place(+1), self)
        means(act("Refresh", ["F5"], self.reload, self), keys.REFRESH)
        act("Show the schedule", ["Alt+S"], lambda: self.canvas.setFocus(), self)
        self.waitlist_action = act("Waitlist", ["Ctrl+Shift+W"], self.waitlist.show_all, self)
        self.print_action = means(
            act("Print daily list…", ["Ctrl+P"], self.exports.print_daily_list, self), keys.PRINT
        )
        self.pdf_action = act("Save daily list as PDF…", [], self.exports.save_daily_pdf, self)
        self.csv_action = act("Export as CSV…", [], lambda: self.exports.export("csv"), self)
        self.ics_action = act("Export as iCalendar…", [], lambda: self.exports.export("ics"), self)
        self.canvas.block_was_selected.connect(self.visits.selection_changed)
        self.canvas.block_was_activated.connect(lambda _b: self.visits.open_patient())
        self.canvas.menu_was_requested.connect(self.visits.show_menu)
        self.canvas.block_was_dropped.connect(self.visits.dropped)
        self.canvas.free_time_was_activated.connect(self.free_time.activated)

        bar = self.toolbar.build()

        self.heading = QLabel(translate("SchedulePage", "Schedule"))
        self.heading.setObjectName("scheduleHeading")
        # A long location name wraps instead of pushing the page past a 1024 px screen.
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("scheduleSummary")
        self.summary.setAccessibleName(translate("SchedulePage", "Schedule summary"))
        self.toolbar.location_combo.setMinimumContentsLength(24)
        self.toolbar.therapist_combo.setMinimumContentsLength(20)
        buttons = [
            action_button(a, f"{a.text()} ({a.shortcut().toString()})", takes_focus=False)
            for a in self.block_actions  # the keys work on the schedule itself
        ]
        self.details = DetailsPanel(buttons)
        self.undo_button = buttons[4]
        self.undo_button.hide()  # shown for a no-show that can still be undone
        self.no_show_panel = NoShowPanel()
        self.no_show_panel.confirmed.connect(self.visits.no_show)
        self.no_show_panel.dismissed.connect(self.visits.back_to_details)
        self.cancel_panel = CancelPanel()
        self.cancel_panel.confirmed.connect(self.visits.cancel)
        self.cancel_panel.dismissed.connect(self.visits.back_to_details)
        self.reschedule_panel = ReschedulePanel()
        self.reschedule_panel.search_requested.connect(self.visits.search_moves)
        self.reschedule_panel.chosen.connect(self.visits.move_to_offer)
        self.reschedule_panel.dismissed.connect(self.visits.back_to_details)
        self.waitlist_panel = WaitlistPanel()
        self.waitlist_panel.offer_requested.connect(self.waitlist.offer)
        self.waitlist_panel.book_requested.connect(self.waitlist.book_waiting)
        self.waitlist_panel.dismissed.connect(self.visits.back_to_details)
        self.waitlist_view = WaitlistView(self.ctx)
        self.waitlist_view.dismissed.connect(self.visits.back_to_details)
        self.waitlist_view.action_did_fail.connect(self.action_did_fail)
        self.side = QStackedWidget()
        self.side.setObjectName("scheduleSide")
        for page in (
            self.details,
            self.no_show_panel,
            self.cancel_panel,
            self.reschedule_panel,
            self.waitlist_panel,
            self.waitlist_view,
        ):
            self.side.addWidget(page)
        split = QSplitter()
        split.addWidget(self.canvas)
        split.addWidget(self.side)
        split.setStretchFactor(0, 1)
        split.setSizes([900, 300])
        self.legend = QLabel(translate("SchedulePage", LEGEND))
        self.legend.setObjectName("scheduleLegend")
        self.legend.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("scheduleStatus")
        self.status.setAccessibleName(translate("SchedulePage", "Schedule status"))
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_row(bar))  # two lines on a narrow screen
        heading = QHBoxLayout()
        heading.addWidget(self.heading, 1)  # it takes the room, and wraps when there is none
        heading.addWidget(self.summary)
        heading.addWidget(
            action_button(
                self.waitlist_action,
                translate("SchedulePage", "Waitlist (Ctrl+Shift+W)"),
                takes_focus=False,
            )
        )
        layout.addLayout(heading)
        layout.addWidget(split, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.status)
        layout.addWidget(self.exports.calendar)
        layout.addWidget(self.exports.saved)
        self.toolbar.sync()


def _day(db: Database, actor: Actor, *, location_id: int, day: dt.date) -> DaySchedule:
    return schedule_view.location_day(db, actor, location_id, day)


def _week(db: Database, actor: Actor, *, therapist_id: int, first: dt.date) -> WeekSchedule:
    return schedule_view.therapist_week(db, actor, therapist_id, first)
