"""The list of a booked course for the patient to take home: every date and time, where and
with whom, written as a PDF (the same way the booking confirmation writes its own).

In the patient's language (issue #20 point 4), whatever the staff's: its words come from
`i18n.patient_words` (marked here with QT_TRANSLATE_NOOP), its dates from their locale.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

from intake.domain.series import BookedSeries
from intake.ui import saved_files
from intake.ui.booking import wording
from intake.ui.i18n import QT_TRANSLATE_NOOP, patient_words

HEADINGS = (
    QT_TRANSLATE_NOOP("CourseList", "No."),
    QT_TRANSLATE_NOOP("CourseList", "Date"),
    QT_TRANSLATE_NOOP("CourseList", "Time"),
    QT_TRANSLATE_NOOP("CourseList", "Therapist"),
    QT_TRANSLATE_NOOP("CourseList", "Location"),
)
LOCAL_TIME = QT_TRANSLATE_NOOP("CourseList", "Times are local time at the location.")
MISSING = QT_TRANSLATE_NOOP(
    "CourseList", "Visits {numbers} have no time yet: the practice will call you."
)
TITLE = QT_TRANSLATE_NOOP("CourseList", "Your course of visits")
CLOSING = QT_TRANSLATE_NOOP(
    "CourseList",
    "Please arrive ten minutes early. To change or cancel a visit, call the practice; "
    "cancelling less than 24 hours ahead counts as a late cancellation.",
)
DOCUMENT_TITLE = QT_TRANSLATE_NOOP("CourseList", "Course of visits")


def course_html(booked: BookedSeries, patient: str, language: str = "en") -> str:
    """The course as a page in the patient's `language`: a row per visit, then the visits
    still looking for a time."""
    words = patient_words(language)
    first = booked.visits[0] if booked.visits else None
    cell = "<td style='padding:3px 12px 3px 0'>{}</td>"
    rows = "".join(
        "<tr>"
        + cell.format(v.series_number or "")
        + cell.format(html.escape(wording.day(v.local_start, language)))
        + cell.format(html.escape(wording.clock(v.local_start, language)))
        + cell.format(html.escape(v.therapist_name))
        + cell.format(html.escape(v.location_name))
        + "</tr>"
        for v in booked.visits
    )
    head = "".join(
        "<th align='left' style='padding:3px 12px 3px 0'>"
        + html.escape(words("CourseList", n))
        + "</th>"
        for n in HEADINGS
    )
    where = ""
    if first is not None:
        lines = [first.location_name, ", ".join(wording.address_lines(first.location_address))]
        lines.append(words("CourseList", LOCAL_TIME))
        where = "<p>" + "<br>".join(html.escape(line) for line in lines if line) + "</p>"
    missing = ""
    if booked.missing:
        numbers = ", ".join(str(v.number) for v in booked.missing)
        text = words("CourseList", MISSING).format(numbers=numbers)
        missing = f"<p>{html.escape(text)}</p>"
    title = words("CourseList", TITLE)
    kind = first.type_name if first else ""
    closing = words("CourseList", CLOSING)
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


def write_pdf(
    booked: BookedSeries, patient: str, path: str | Path, *, language: str = "en"
) -> Path:
    """The list as a PDF at `path` (a bare name goes to Documents) in the patient's
    `language`; OSError if not written."""
    target = saved_files.in_documents(path, ".pdf")
    document = QTextDocument()
    document.setHtml(course_html(booked, patient, language))
    writer = QPdfWriter(str(target))
    writer.setTitle(patient_words(language)("CourseList", DOCUMENT_TITLE))
    writer.setCreator("Clinic Intake")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    document.print_(writer)
    del writer  # finishes the file
    if not target.exists() or target.stat().st_size == 0:
        raise OSError(f"The PDF could not be written to {target}.")
    return target
