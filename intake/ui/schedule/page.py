"""The Schedule area: a location's day or a therapist's week, the actions on a visit, the
waitlist after a cancellation, exports, and live refresh from other PCs.

Every database call goes through `UiContext.run`; each load carries a number so an answer
that arrives after a newer request is dropped. A failed action leaves the schedule as the
database has it: the screen reloads and says why in the status line.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from intake.domain.booking import BookingConflict, BookingRequest, SlotOffer, SlotRequest, Visit
from intake.domain.enums import AppointmentStatus
from intake.domain.practice import LocationInfo, TherapistInfo
from intake.domain.schedule import DaySchedule, ScheduleBlock, WaitlistMatch, WeekSchedule
from intake.services import booking, practice_admin, schedule_view, slot_finder, staffing, waitlist
from intake.services.actor import Actor
from intake.services.changes import ScheduleChange
from intake.services.database import Database
from intake.ui.context import UiContext
from intake.ui.schedule import daily_list
from intake.ui.schedule.canvas import ScheduleCanvas, clock, describe, today_minute
from intake.ui.schedule.lanes import Layout, day_layout, free_for, instant, week_layout
from intake.ui.schedule.live import LiveRefresh
from intake.ui.schedule.panels import CancelPanel, DetailsPanel, ReschedulePanel, WaitlistPanel
from intake.ui.worker import Failure, failure_text

REFRESH_DELAY_MS = 150
RESCHEDULE_DAYS = 14
_TONE_MARK = {"info": "", "done": "✔", "warn": "⚠", "error": "✖"}


@dataclass(frozen=True)
class _Choices:
    locations: list[LocationInfo]
    therapists: list[TherapistInfo]


def _load_choices(database: Database, actor: Actor) -> _Choices:
    return _Choices(
        practice_admin.list_locations(database, actor), staffing.list_therapists(database, actor)
    )


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
        self._freed_text = ""
        self._shown_id: int | None = None
        self._moving: ScheduleBlock | None = None
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
        self._run(_load_choices, self._choices_arrived, self._failed("load the practice"))

    # --- the public face -------------------------------------------------------------------

    def show_day(self, location_id: int, day: dt.date) -> None:
        self.mode, self.location_id, self.day = "day", location_id, day
        self._sync_controls()
        self.reload()

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
        self.layout_ = (
            day_layout(schedule) if isinstance(schedule, DaySchedule) else week_layout(schedule)
        )
        self.canvas.drag_enabled = isinstance(schedule, DaySchedule)
        self.canvas.set_layout(self.layout_, keep=keep)
        self._place_now()
        if first_show:
            self._scroll_to_start()
        self.heading.setText(self.layout_.title)
        self.canvas.zone_label = _zone_label(schedule, self._now())
        self.canvas.viewport().update()
        visits = sum(1 for b in schedule.blocks if b.holds_time)
        review = sum(1 for b in schedule.blocks if b.needs_review)
        self.summary.setText(
            f"{len(self.layout_.lanes)} columns · {visits} visits · {review} to review"
            + (
                f" · Closed {schedule.closure_reason}"
                if isinstance(schedule, DaySchedule) and schedule.closed
                else ""
            )
        )
        self.print_action.setEnabled(isinstance(schedule, DaySchedule))
        self.pdf_action.setEnabled(isinstance(schedule, DaySchedule))
        self.schedule_did_load.emit()

    def _load_failed(self, number: int, error: BaseException) -> None:
        self._loading = False
        if number == self._load_number:
            self._say("error", f"Could not load the schedule: {failure_text(error)}")

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

    # --- choosing what to show -------------------------------------------------------------

    def _choices_arrived(self, choices: _Choices) -> None:
        self.location_combo.blockSignals(True)
        self.therapist_combo.blockSignals(True)
        for loc in choices.locations:
            self.location_combo.addItem(f"{loc.code} · {loc.name}", loc.id)
        for person in choices.therapists:
            self.therapist_combo.addItem(person.display_name, person.id)
        self.location_combo.blockSignals(False)
        self.therapist_combo.blockSignals(False)
        if self.location_id is None and choices.locations:
            self.location_id = choices.locations[0].id
        if self.therapist_id is None and choices.therapists:
            self.therapist_id = choices.therapists[0].id
        self._sync_controls()
        if self.schedule is None and not self._loading:
            self.reload()

    def _sync_controls(self) -> None:
        for combo, value in (
            (self.location_combo, self.location_id),
            (self.therapist_combo, self.therapist_id),
        ):
            index = combo.findData(value)
            if index >= 0 and index != combo.currentIndex():
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self.day.year, self.day.month, self.day.day))
        self.date_edit.blockSignals(False)
        day_mode = self.mode == "day"
        self.day_button.setChecked(day_mode)
        self.week_button.setChecked(not day_mode)
        self.location_combo.setVisible(day_mode)
        self.location_label.setVisible(day_mode)
        self.therapist_combo.setVisible(not day_mode)
        self.therapist_label.setVisible(not day_mode)

    def _step_day(self, direction: int) -> None:
        self.day += dt.timedelta(days=direction * (7 if self.mode == "week" else 1))
        self._sync_controls()
        self.reload()

    def _today(self) -> None:
        today = self._now().astimezone().date()
        self.day = today - dt.timedelta(days=today.weekday()) if self.mode == "week" else today
        self._sync_controls()
        self.reload()

    def _step_place(self, direction: int) -> None:
        combo = self.location_combo if self.mode == "day" else self.therapist_combo
        if combo.count():
            combo.setCurrentIndex((combo.currentIndex() + direction) % combo.count())

    def _place_chosen(self) -> None:
        self.location_id = self.location_combo.currentData()
        self.therapist_id = self.therapist_combo.currentData()
        self.reload()

    def _date_chosen(self, value: QDate) -> None:
        day = dt.date(value.year(), value.month(), value.day())
        self.day = day - dt.timedelta(days=day.weekday()) if self.mode == "week" else day
        self.reload()

    def _set_mode(self, mode: str) -> None:
        if mode == self.mode:
            return
        block = self.canvas.selected_block()
        if mode == "week" and block is not None:
            self.therapist_id = block.therapist_id
        self.mode = mode
        if mode == "week":
            self.day -= dt.timedelta(days=self.day.weekday())
        self._sync_controls()
        self.reload()

    # --- actions on a visit ----------------------------------------------------------------

    def open_patient(self) -> None:
        if (block := self._chosen()) is not None:
            self.patient_was_opened.emit(block.patient_id)

    def check_in(self) -> None:
        self._status_move(booking.check_in, "Checked in")

    def complete(self) -> None:
        self._status_move(booking.complete, "Completed")

    def no_show(self) -> None:
        self._status_move(booking.no_show, "Marked as a no-show")

    def _status_move(self, move: Callable[..., Visit], done: str) -> None:
        block = self._chosen()
        if block is None:
            return
        ident, version = block.appointment_id, block.version
        self._keep = ident
        self._run(
            lambda db, actor: move(db, actor, ident, version),
            lambda visit: self._finished(f"{done}: {block.patient_name}.", visit.id),
            self._failed(f"change {block.patient_name}'s visit"),
        )

    def ask_cancel(self) -> None:
        if (block := self._chosen()) is None:
            return
        if not block.status.holds_time or block.status == AppointmentStatus.COMPLETED:
            self._say(
                "warn",
                f"A visit that is {block.status.value.replace('_', ' ')} cannot be cancelled.",
            )
            return
        self.cancel_panel.ask(block)
        self.side.setCurrentWidget(self.cancel_panel)
        self.cancel_panel.reason.setFocus()

    def _cancel(self, reason: str) -> None:
        block = self._chosen()
        if block is None:
            return
        if not reason:
            self._say("warn", "Say why the visit is cancelled (type a reason), then Enter.")
            return
        ident, version, now = block.appointment_id, block.version, self._clock_now()

        def work(db: Database, actor: Actor) -> tuple[Any, tuple[WaitlistMatch, ...]]:
            outcome = booking.cancel(db, actor, ident, version, reason, now=now)
            return outcome, schedule_view.waitlist_matches(db, actor, outcome, now=now)

        self._run(work, self._cancelled, self._failed(f"cancel {block.patient_name}'s visit"))

    def _cancelled(self, result: tuple[Any, tuple[WaitlistMatch, ...]]) -> None:
        outcome, matches = result
        freed = outcome.freed
        start = freed.local_start
        self._freed_text = (
            f"{start:%a %b} {start.day}, {clock(start.hour * 60 + start.minute)} "
            f"{start.tzname()} with {freed.therapist_name}"
        )
        late = " (late cancellation)" if outcome.visit.late_cancellation else ""
        self._say("done", f"Cancelled{late}. {len(matches)} waiting patient(s) fit the slot.")
        self.waitlist_panel.show_matches(self._freed_text, list(matches))
        self.side.setCurrentWidget(self.waitlist_panel)
        self.waitlist_panel.list.setFocus()
        self.reload()
        self.waitlist_did_load.emit(len(matches))
        self.action_did_finish.emit("cancelled")

    def _offer(self, match: WaitlistMatch) -> None:
        entry = match.entry
        self._run(
            lambda db, actor: waitlist.offer(db, actor, entry.id, entry.version),
            lambda info: self._offered(WaitlistMatch(info, match.patient_name, match.slot)),
            self._failed("offer the slot"),
        )

    def _offered(self, match: WaitlistMatch) -> None:
        self.waitlist_panel.replace(match)
        self.waitlist_panel.list.setFocus()
        self._say("info", f"Offered to {match.patient_name}. Enter books it if they accept.")
        self.action_did_finish.emit("offered")

    def _book_waiting(self, match: WaitlistMatch) -> None:
        slot, entry = match.slot, match.entry
        request = BookingRequest(
            patient_id=entry.patient_id,
            therapist_id=slot.therapist_id,
            location_id=slot.location_id,
            start=slot.start,
            type_code=slot.type_code,
            intake_id=entry.intake_id,
            waitlist_entry_id=entry.id,
        )
        now = self._clock_now()
        self._run(
            lambda db, actor: booking.book(db, actor, request, now=now),
            lambda result: self._booked_waiting(match, result),
            self._failed(f"book {match.patient_name}", self._waiting_lost_race),
        )

    def _waiting_lost_race(self, conflict: BookingConflict) -> None:
        self._say("warn", f"Not booked: {conflict} The slot is no longer free.")
        self.action_did_fail.emit(str(conflict))
        self.reload()

    def _booked_waiting(self, match: WaitlistMatch, result: Visit) -> None:
        self.waitlist_panel.remove(match.entry.id)
        self._finished(f"Booked {match.patient_name} into the freed slot.", result.id)

    def ask_reschedule(self) -> None:
        if (block := self._chosen()) is None:
            return
        if block.status != AppointmentStatus.BOOKED:
            self._say("warn", "Only a booked visit can be moved.")
            return
        self._moving = block
        self.reschedule_panel.ask(block)
        self.side.setCurrentWidget(self.reschedule_panel)
        self._search_moves()

    def _search_moves(self) -> None:
        block = self._moving
        if block is None:
            return
        now = self._clock_now() or dt.datetime.now(dt.UTC)
        first = max(block.local_start.date(), now.astimezone(block.local_start.tzinfo).date())
        request = SlotRequest(
            first_day=first,
            days=RESCHEDULE_DAYS,
            type_code=block.type_code,
            location_codes=()
            if self.reschedule_panel.any_location.isChecked()
            else (block.location_code,),
            limit=60,
            earliest=now,
        )
        self._run(
            lambda db, actor: slot_finder.find(db, actor, request),
            self._offers_arrived,
            self._failed("search free slots"),
        )

    def _offers_arrived(self, offers: list[SlotOffer]) -> None:
        self.reschedule_panel.show_offers(offers)
        self.offers_did_load.emit(len(offers))

    def _move_to_offer(self, offer: SlotOffer) -> None:
        block = self._moving
        if block is not None:
            self._move(block, offer.therapist_id, offer.location_id, offer.start)

    def _dropped(self, block: ScheduleBlock, lane_index: int, minute: float) -> None:
        layout = self.layout_
        if layout is None or self.mode != "day":
            return
        length = (block.end - block.start).total_seconds() / 60
        problem = free_for(layout, lane_index, minute, minute + length, block.appointment_id)
        if block.status != AppointmentStatus.BOOKED:
            problem = "Only a booked visit can be moved."
        if problem:
            self._say("warn", f"Not moved: {problem} The visit stays where it was.")
            self.canvas.viewport().update()
            self.action_did_fail.emit(problem)
            return
        lane = layout.lanes[lane_index]
        assert lane.location_id is not None
        self._move(block, lane.therapist_id, lane.location_id, instant(lane.day, minute, lane.zone))

    def _move(
        self, block: ScheduleBlock, therapist_id: int, location_id: int, start: dt.datetime
    ) -> None:
        ident, version, now = block.appointment_id, block.version, self._clock_now()
        self._keep = ident
        self._say("info", f"Moving {block.patient_name}'s visit…")
        self._run(
            lambda db, actor: booking.reschedule(
                db,
                actor,
                ident,
                version,
                therapist_id=therapist_id,
                location_id=location_id,
                start=start,
                now=now,
            ),
            lambda result: self._moved(block, result),
            self._failed(f"move {block.patient_name}'s visit", self._move_lost_race),
        )

    def _move_lost_race(self, conflict: BookingConflict) -> None:
        self._say("warn", f"Not moved: {conflict} The visit stays at its old time.")
        if self.side.currentWidget() is self.reschedule_panel:
            self.reschedule_panel.show_offers(
                conflict.alternatives, "Nearest free slots instead; Enter moves the visit."
            )
        self.action_did_fail.emit(str(conflict))
        self.reload()

    def _moved(self, block: ScheduleBlock, result: Visit) -> None:
        local = result.local_start
        self.side.setCurrentWidget(self.details)
        self._finished(
            f"Moved {block.patient_name} to {local:%a %b} {local.day}, "
            f"{clock(local.hour * 60 + local.minute)} {local.tzname()} with "
            f"{result.therapist_name} at {result.location_code}.",
            result.id,
        )
        if self.mode == "day" and (
            result.location_id != self.location_id or local.date() != self.day
        ):
            self._say("done", self.status.text().lstrip("✔ ") + " (another day or place)")

    # --- exports ---------------------------------------------------------------------------

    @classmethod
    def ask_path(cls, parent: QWidget, title: str, suggested: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
        return path or None

    @classmethod
    def ask_printer(cls, parent: QWidget, printer: QPrinter) -> bool:
        return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted

    def print_daily_list(self) -> None:
        if not isinstance(self.schedule, DaySchedule):
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.ask_printer(self, printer):
            daily_list.print_list(self.schedule, printer)
            self._say("done", "Daily list sent to the printer.")

    def save_daily_pdf(self) -> None:
        schedule = self.schedule
        if not isinstance(schedule, DaySchedule):
            return
        path = self.ask_path(
            self, "Save the daily list as PDF", self._suggested("pdf"), "PDF files (*.pdf)"
        )
        if not path:
            return
        target = daily_list.save_pdf(schedule, path)
        if target.exists() and target.stat().st_size > 0:
            self._finished(f"Daily list saved: {target}", None, reload=False)
        else:
            self._say("error", f"The PDF could not be written to {target}.")

    def export(self, kind: str) -> None:
        if self.schedule is None:
            return
        patterns = {"csv": "CSV files (*.csv)", "ics": "Calendar files (*.ics)"}
        path = self.ask_path(self, "Export the schedule", self._suggested(kind), patterns[kind])
        if not path:
            return
        blocks = self.schedule.blocks
        self._run(
            lambda _db, _actor: str(schedule_view.save_export(blocks, path, kind)),
            lambda written: self._finished(f"Exported: {written}", None, reload=False),
            self._failed("export the schedule"),
        )

    def _suggested(self, kind: str) -> str:
        schedule = self.schedule
        if isinstance(schedule, DaySchedule):
            return f"schedule-{schedule.location_code}-{schedule.day.isoformat()}.{kind}"
        if isinstance(schedule, WeekSchedule):
            return f"week-therapist{schedule.therapist_id}-{schedule.first_day.isoformat()}.{kind}"
        return f"schedule.{kind}"

    # --- helpers ---------------------------------------------------------------------------

    def _chosen(self) -> ScheduleBlock | None:
        block = self.canvas.selected_block()
        if block is None:
            self._say("warn", "Choose a visit first (arrow keys or a click).")
        return block

    def _finished(self, message: str, keep: int | None, *, reload: bool = True) -> None:
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
            self._say("error", f"Could not {what}: {message} Nothing was changed.")
            self.action_did_fail.emit(message)
            self.reload()

        return report

    def _run(
        self,
        work: Callable[[Database, Actor], Any],
        on_success: Callable[[Any], None],
        on_failure: Failure,
    ) -> None:
        self.ctx.run(work, on_success, on_failure)

    def _say(self, tone: str, text: str) -> None:
        mark = _TONE_MARK.get(tone, "")
        self.status.setText(f"{mark}  {text}" if mark else text)
        self.status.setProperty("tone", tone)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status_did_change.emit(text)

    def _now(self) -> dt.datetime:
        return self._clock() if self._clock else dt.datetime.now(dt.UTC)

    def _clock_now(self) -> dt.datetime | None:
        return self._clock() if self._clock else None

    def _selection_changed(self, block: ScheduleBlock | None) -> None:
        self.details.show_block(block)
        ident = block.appointment_id if block is not None else None
        changed, self._shown_id = ident != self._shown_id, ident
        if changed and self.side.currentWidget() in (self.cancel_panel, self.reschedule_panel):
            self.side.setCurrentWidget(self.details)
        if block is not None:
            self.canvas.setAccessibleDescription(describe(block))

    def _menu(self, block: ScheduleBlock, where: QPoint) -> None:
        menu = QMenu(self)
        menu.setAccessibleName("Visit actions")
        for action in self.block_actions:
            menu.addAction(action)
        menu.popup(where)
        self.menu = menu

    def _back_to_details(self) -> None:
        self.side.setCurrentWidget(self.details)
        self.canvas.setFocus()

    # --- building --------------------------------------------------------------------------

    def _action(self, text: str, keys: list[str], slot: Callable[[], None], on: QWidget) -> QAction:
        action = QAction(text, on)
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
            act("Open patient", ["Ctrl+O"], self.open_patient, c),
            act("Check in", ["Ctrl+I"], self.check_in, c),
            act("Completed", ["Ctrl+D"], self.complete, c),
            act("No-show", ["Ctrl+N"], self.no_show, c),
            act("Cancel with reason…", ["Del"], self.ask_cancel, c),
            act("Reschedule…", ["Ctrl+R"], self.ask_reschedule, c),
        ]
        act("Previous day", ["Alt+Left"], lambda: self._step_day(-1), self)
        act("Next day", ["Alt+Right"], lambda: self._step_day(+1), self)
        act("Today", ["Alt+Home"], self._today, self)
        act("Previous location or therapist", ["Alt+Up"], lambda: self._step_place(-1), self)
        act("Next location or therapist", ["Alt+Down"], lambda: self._step_place(+1), self)
        act("Refresh", ["F5"], self.reload, self)
        act("Show the schedule", ["Alt+S"], lambda: self.canvas.setFocus(), self)
        self.print_action = act("Print daily list…", ["Ctrl+P"], self.print_daily_list, self)
        self.pdf_action = act("Save daily list as PDF…", [], self.save_daily_pdf, self)
        self.csv_action = act("Export as CSV…", [], lambda: self.export("csv"), self)
        self.ics_action = act("Export as iCalendar…", [], lambda: self.export("ics"), self)
        self.canvas.block_was_selected.connect(self._selection_changed)
        self.canvas.block_was_activated.connect(lambda _b: self.open_patient())
        self.canvas.menu_was_requested.connect(self._menu)
        self.canvas.block_was_dropped.connect(self._dropped)

        self.day_button = _toggle("&Day (Alt+D)", "Location day view")
        self.week_button = _toggle("&Week (Alt+W)", "Therapist week view")
        group = QButtonGroup(self)
        group.addButton(self.day_button)
        group.addButton(self.week_button)
        self.day_button.clicked.connect(lambda: self._set_mode("day"))
        self.week_button.clicked.connect(lambda: self._set_mode("week"))
        self.location_combo = QComboBox()
        self.location_combo.setAccessibleName("Location")
        self.location_combo.currentIndexChanged.connect(lambda _i: self._place_chosen())
        self.location_label = QLabel("&Location")
        self.location_label.setBuddy(self.location_combo)
        self.therapist_combo = QComboBox()
        self.therapist_combo.setAccessibleName("Therapist")
        self.therapist_combo.currentIndexChanged.connect(lambda _i: self._place_chosen())
        self.therapist_label = QLabel("T&herapist")
        self.therapist_label.setBuddy(self.therapist_combo)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd MM/dd/yyyy")
        self.date_edit.setAccessibleName("Day")
        self.date_edit.dateChanged.connect(self._date_chosen)
        date_label = QLabel("D&ate")
        date_label.setBuddy(self.date_edit)
        previous = _tool("◀", "Previous day (Alt+Left)", lambda: self._step_day(-1))
        today = _tool("Today", "Today (Alt+Home)", self._today)
        following = _tool("▶", "Next day (Alt+Right)", lambda: self._step_day(+1))
        refresh = _tool("⟳", "Refresh (F5)", self.reload)
        export = QToolButton()
        export.setText("Print / export")
        export.setAccessibleName("Print or export")
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(export)
        for action in (self.print_action, self.pdf_action, self.csv_action, self.ics_action):
            export_menu.addAction(action)
        export.setMenu(export_menu)
        bar = QHBoxLayout()
        for widget in (
            self.day_button,
            self.week_button,
            self.location_label,
            self.location_combo,
            self.therapist_label,
            self.therapist_combo,
            date_label,
            self.date_edit,
            previous,
            today,
            following,
            refresh,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(export)

        self.heading = QLabel("Schedule")
        self.heading.setObjectName("scheduleHeading")
        self.summary = QLabel()
        self.summary.setObjectName("scheduleSummary")
        self.summary.setAccessibleName("Schedule summary")
        self.location_combo.setMinimumContentsLength(24)
        self.therapist_combo.setMinimumContentsLength(20)
        buttons = [
            _action_button(a, f"{a.text()} ({a.shortcut().toString()})") for a in self.block_actions
        ]
        self.details = DetailsPanel(buttons)
        self.cancel_panel = CancelPanel()
        self.cancel_panel.confirmed.connect(self._cancel)
        self.cancel_panel.dismissed.connect(self._back_to_details)
        self.reschedule_panel = ReschedulePanel()
        self.reschedule_panel.search_requested.connect(self._search_moves)
        self.reschedule_panel.chosen.connect(self._move_to_offer)
        self.reschedule_panel.dismissed.connect(self._back_to_details)
        self.waitlist_panel = WaitlistPanel()
        self.waitlist_panel.offer_requested.connect(self._offer)
        self.waitlist_panel.book_requested.connect(self._book_waiting)
        self.waitlist_panel.dismissed.connect(self._back_to_details)
        self.side = QStackedWidget()
        self.side.setObjectName("scheduleSide")
        for page in (self.details, self.cancel_panel, self.reschedule_panel, self.waitlist_panel):
            self.side.addWidget(page)
        split = QSplitter()
        split.addWidget(self.canvas)
        split.addWidget(self.side)
        split.setStretchFactor(0, 1)
        split.setSizes([900, 300])
        self.legend = QLabel(
            "Grey: not working or closed · Hatched: time off or closure · "
            "⚑ Review: intake not yet reviewed · ✔ checked in · ✔✔ completed · ✖ no-show · "
            "Arrows choose · Enter opens patient · Menu key: actions · Alt+←/→ day · "
            "Alt+↑/↓ location"
        )
        self.legend.setObjectName("scheduleLegend")
        self.legend.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("scheduleStatus")
        self.status.setAccessibleName("Schedule status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        heading = QHBoxLayout()
        heading.addWidget(self.heading)
        heading.addStretch(1)
        heading.addWidget(self.summary)
        layout.addLayout(heading)
        layout.addWidget(split, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.status)
        self._sync_controls()


def _zone_label(schedule: DaySchedule | WeekSchedule, now: dt.datetime) -> str:
    """The time axis' zone, as the clock on the wall names it (EST / EDT, CST...)."""
    if isinstance(schedule, DaySchedule):
        noon = dt.datetime.combine(schedule.day, dt.time(12), schedule.zone)
        return noon.tzname() or schedule.timezone
    zones = {p.timezone for p in schedule.locations}
    if len(zones) == 1:
        noon = dt.datetime.combine(schedule.first_day, dt.time(12), ZoneInfo(zones.pop()))
        return noon.tzname() or ""
    return "local"


def _day(db: Database, actor: Actor, *, location_id: int, day: dt.date) -> DaySchedule:
    return schedule_view.location_day(db, actor, location_id, day)


def _week(db: Database, actor: Actor, *, therapist_id: int, first: dt.date) -> WeekSchedule:
    return schedule_view.therapist_week(db, actor, therapist_id, first)


def _toggle(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setCheckable(True)
    button.setAccessibleName(name)
    return button


def _tool(text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def _action_button(action: QAction, text: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(action.text())
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys work on the schedule itself
    button.clicked.connect(action.trigger)
    return button
