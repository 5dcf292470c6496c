"""The day's list printed or saved as PDF, the schedule exported as CSV or iCalendar, and a
changed visit's calendar file for the patient (`calendar_offer`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QWidget,
)

from intake.domain.schedule import DaySchedule, WeekSchedule
from intake.services import schedule_view
from intake.ui import saved_files
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.schedule import daily_list
from intake.ui.schedule.calendar_offer import CalendarOffer

if TYPE_CHECKING:
    from intake.ui.schedule.page import SchedulePage


class Exports:
    """The print and export part of SchedulePage (it works on the page that holds it)."""

    def __init__(self, page: SchedulePage) -> None:
        self.page = page
        self.saved = saved_files.SavedFileNote()  # the page shows it under its status line
        self.calendar = CalendarOffer(page)  # the patient's file after a cancel or a move

    # The dialogs, as class methods: tests answer them without a person.

    @classmethod
    def ask_path(cls, parent: QWidget, title: str, suggested: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
        return path or None

    @classmethod
    def ask_printer(cls, parent: QWidget, printer: QPrinter) -> bool:
        return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted

    def print_daily_list(self) -> None:
        if not isinstance(self.page.schedule, DaySchedule):
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.ask_printer(self.page, printer):
            daily_list.print_list(self.page.schedule, printer)
            self.page._say("done", translate("ScheduleExports", "Daily list sent to the printer."))

    def save_daily_pdf(self) -> None:
        schedule = self.page.schedule
        if not isinstance(schedule, DaySchedule):
            return
        path = self.ask_path(
            self.page,
            translate("ScheduleExports", "Save the daily list as PDF"),
            self._suggested("pdf"),
            translate("ScheduleExports", "PDF files (*.pdf)"),
        )
        if not path:
            return
        self.saved.clear()
        target = daily_list.save_pdf(schedule, saved_files.in_documents(path, ".pdf"))
        if target.exists() and target.stat().st_size > 0:
            self.saved.show_saved(translate("ScheduleExports", "Daily list"), target)
            self.page._finished(
                translate("ScheduleExports", "Daily list saved: {path}").format(path=target),
                None,
                reload=False,
            )
        else:
            self.page._say(
                "error",
                translate("ScheduleExports", "The PDF could not be written to {path}.").format(
                    path=target
                ),
            )

    def export(self, kind: str) -> None:
        if self.page.schedule is None:
            return
        patterns = {
            "csv": translate("ScheduleExports", "CSV files (*.csv)"),
            "ics": translate("ScheduleExports", "Calendar files (*.ics)"),
        }
        path = self.ask_path(
            self.page,
            translate("ScheduleExports", "Export the schedule"),
            self._suggested(kind),
            patterns[kind],
        )
        if not path:
            return
        blocks = self.page.schedule.blocks
        yes_no = (translate("ScheduleExports", "yes"), translate("ScheduleExports", "no"))
        target = saved_files.in_documents(path, f".{kind}")
        self.saved.clear()

        def written(where: str) -> None:
            self.saved.show_saved(translate("ScheduleExports", "Export"), Path(where))
            self.page._finished(
                translate("ScheduleExports", "Exported: {path}").format(path=where),
                None,
                reload=False,
            )

        self.page._run(
            lambda _db, _actor: str(
                schedule_view.save_export(
                    blocks, target, kind, headers=csv_headers(), yes_no=yes_no
                )
            ),
            written,
            self.page._failed(translate("ScheduleExports", "export the schedule")),
        )

    def _suggested(self, kind: str) -> str:
        return saved_files.suggested_path(self._name(kind))

    def _name(self, kind: str) -> str:
        schedule = self.page.schedule
        if isinstance(schedule, DaySchedule):
            return f"schedule-{schedule.location_code}-{schedule.day.isoformat()}.{kind}"
        if isinstance(schedule, WeekSchedule):
            return f"week-therapist{schedule.therapist_id}-{schedule.first_day.isoformat()}.{kind}"
        return f"schedule.{kind}"


# The CSV's header row in the staff's language (issue #20: the exports follow it), in the
# order of schedule_view.CSV_COLUMNS.
CSV_HEADERS = (
    QT_TRANSLATE_NOOP("ScheduleExports", "date"),
    QT_TRANSLATE_NOOP("ScheduleExports", "start"),
    QT_TRANSLATE_NOOP("ScheduleExports", "end"),
    QT_TRANSLATE_NOOP("ScheduleExports", "time_zone"),
    QT_TRANSLATE_NOOP("ScheduleExports", "location"),
    QT_TRANSLATE_NOOP("ScheduleExports", "therapist"),
    QT_TRANSLATE_NOOP("ScheduleExports", "patient_record"),
    QT_TRANSLATE_NOOP("ScheduleExports", "patient"),
    QT_TRANSLATE_NOOP("ScheduleExports", "type"),
    QT_TRANSLATE_NOOP("ScheduleExports", "status"),
    QT_TRANSLATE_NOOP("ScheduleExports", "needs_review"),
)


def csv_headers() -> tuple[str, ...]:
    return tuple(translate("ScheduleExports", header) for header in CSV_HEADERS)
