"""The list of a booked course for the patient to take home: every date and time, where and
with whom, written as a PDF (the same way the booking confirmation writes its own)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

from intake.domain.series import BookedSeries
from intake.ui import saved_files, when
from intake.ui.booking import wording
from intake.ui.i18n import translate


def course_html(booked: BookedSeries, patient: str) -> str:
    """The course as a page: a row per visit, then the visits still looking for a time."""
    first = booked.visits[0] if booked.visits else None
    cell = "<td style='padding:3px 12px 3px 0'>{}</td>"
    rows = "".join(
        "<tr>"
        + cell.format(v.series_number or "")
        + cell.format(html.escape(when.day(v.local_start, localized=True)))
        + cell.format(html.escape(when.time_of_day(v.local_start, localized=True)))
        + cell.format(html.escape(v.therapist_name))
        + cell.format(html.escape(v.location_name))
        + "</tr>"
        for v in booked.visits
    )
    names = (
        translate("CourseList", "No."),
        translate("CourseList", "Date"),
        translate("CourseList", "Time"),
        translate("CourseList", "Therapist"),
        translate("CourseList", "Location"),
    )
    head = "".join(
        f"<th align='left' style='padding:3px 12px 3px 0'>{html.escape(n)}</th>" for n in names
    )
    where = ""
    if first is not None:
        lines = [first.location_name, ", ".join(wording.address_lines(first.location_address))]
        lines.append(translate("CourseList", "Times are local time at the location."))
        where = "<p>" + "<br>".join(html.escape(line) for line in lines if line) + "</p>"
    missing = ""
    if booked.missing:
        numbers = ", ".join(str(v.number) for v in booked.missing)
        text = translate(
            "CourseList", "Visits {numbers} have no time yet: the practice will call you."
        )
        missing = f"<p>{html.escape(text.format(numbers=numbers))}</p>"
    title = translate("CourseList", "Your course of visits")
    kind = first.type_name if first else ""
    closing = translate(
        "CourseList",
        "Please arrive ten minutes early. To change or cancel a visit, call the practice; "
        "cancelling less than 24 hours ahead counts as a late cancellation.",
    )
    return (
        f"<h2>{html.escape(title)}</h2>"
        f"<p><b>{html.escape(patient)}</b> · {html.escape(kind)}</p>"
        f"{where}<table><tr>{head}</tr>{rows}</table>{missing}"
        f"<p>{html.escape(closing)}</p>"
    )


def suggested_name(booked: BookedSeries) -> str:
    first = booked.visits[0].local_start if booked.visits else None
    day = f"-{first:%Y-%m-%d}" if first is not None else ""
    return saved_files.suggested_path(f"course-{booked.series_id}{day}.pdf")


def write_pdf(booked: BookedSeries, patient: str, path: str | Path) -> Path:
    """The list as a PDF at `path` (a bare name goes to Documents); OSError if not written."""
    target = saved_files.in_documents(path, ".pdf")
    document = QTextDocument()
    document.setHtml(course_html(booked, patient))
    writer = QPdfWriter(str(target))
    writer.setTitle(QCoreApplication.translate("CourseList", "Course of visits"))
    writer.setCreator("Clinic Intake")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    document.print_(writer)
    del writer  # finishes the file
    if not target.exists() or target.stat().st_size == 0:
        raise OSError(f"The PDF could not be written to {target}.")
    return target
