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


def _tr(text: str) -> str:
    return QCoreApplication.translate("CourseList", text)


def course_html(booked: BookedSeries, patient: str) -> str:
    """The course as a page: a row per visit, then the visits still looking for a time."""
    first = booked.visits[0] if booked.visits else None
    rows = "".join(
        "<tr>"
        f"<td style='padding:3px 12px 3px 0'>{v.series_number or ''}</td>"
        f"<td style='padding:3px 12px 3px 0'>{html.escape(when.day(v.local_start))}</td>"
        f"<td style='padding:3px 12px 3px 0'>{html.escape(when.time_of_day(v.local_start))}</td>"
        f"<td style='padding:3px 12px 3px 0'>{html.escape(v.therapist_name)}</td>"
        f"<td style='padding:3px 0'>{html.escape(v.location_name)}</td>"
        "</tr>"
        for v in booked.visits
    )
    head = "".join(
        f"<th align='left' style='padding:3px 12px 3px 0'>{html.escape(_tr(name))}</th>"
        for name in ("No.", "Date", "Time", "Therapist", "Location")
    )
    where = ""
    if first is not None:
        address = ", ".join(wording.address_lines(first.location_address))
        where = (
            f"<p>{html.escape(first.location_name)}"
            + (f"<br>{html.escape(address)}" if address else "")
            + f"<br>{html.escape(_tr('Times are local time at the location.'))}</p>"
        )
    missing = ""
    if booked.missing:
        numbers = ", ".join(str(v.number) for v in booked.missing)
        missing = (
            "<p>"
            + html.escape(
                _tr("Visits {numbers} have no time yet: the practice will call you.").format(
                    numbers=numbers
                )
            )
            + "</p>"
        )
    return (
        f"<h2>{html.escape(_tr('Your course of visits'))}</h2>"
        f"<p><b>{html.escape(patient)}</b> · {html.escape(first.type_name if first else '')}</p>"
        f"{where}<table><tr>{head}</tr>{rows}</table>{missing}"
        "<p>"
        + html.escape(
            _tr(
                "Please arrive ten minutes early. To change or cancel a visit, call the "
                "practice; cancelling less than 24 hours ahead counts as a late cancellation."
            )
        )
        + "</p>"
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
    writer.setTitle(_tr("Course of visits"))
    writer.setCreator("Clinic Intake")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    document.print_(writer)
    del writer  # finishes the file
    if not target.exists() or target.stat().st_size == 0:
        raise OSError(f"The PDF could not be written to {target}.")
    return target
