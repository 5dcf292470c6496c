"""The day's schedule of one location on paper (print or PDF), one section per therapist."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from intake.domain.schedule import DaySchedule
from intake.ui import when
from intake.ui.schedule.canvas import REVIEW_MARK, STATUS_MARKS, STATUS_WORDS


def daily_list_html(schedule: DaySchedule) -> str:
    day = schedule.day
    heading = when.day(day)
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt'>",
        f"<h2 style='margin-bottom:2px'>{html.escape(schedule.location_name)}</h2>",
        f"<p style='margin-top:0'>Daily list for {heading} · times in {schedule.timezone}</p>",
    ]
    if schedule.closed:
        reason = schedule.closure_reason or ""
        parts.append(f"<p><b>Closed</b> {html.escape(reason)}</p>")
    for column in schedule.columns:
        blocks = schedule.blocks_of(column.therapist_id)
        parts.append(f"<h3 style='margin-bottom:2px'>{html.escape(column.therapist_name)}</h3>")
        if not blocks:
            parts.append("<p style='color:#52606d'>No visits.</p>")
            continue
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            "<tr><th align='left'>Time</th><th align='left'>Patient</th>"
            "<th align='left'>Visit</th><th align='left'>Status</th>"
            "<th align='left'>Note</th></tr>"
        )
        for b in blocks:
            start, end = b.local_start, b.local_end
            status = STATUS_MARKS[b.status] + STATUS_WORDS[b.status]
            parts.append(
                f"<tr><td>{when.time_of_day(start)}–{when.time_of_day(end)}</td>"
                f"<td>{html.escape(b.patient_name)} ({html.escape(b.patient_record)})</td>"
                f"<td>{html.escape(b.type_name)}</td><td>{status}</td>"
                f"<td>{REVIEW_MARK if b.needs_review else ''}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def document(schedule: DaySchedule) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(daily_list_html(schedule))
    return doc


def save_pdf(schedule: DaySchedule, path: str | Path) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    writer = QPdfWriter(str(target))
    writer.setTitle(f"Daily list {schedule.location_code} {schedule.day.isoformat()}")
    writer.setCreator("Clinic Intake")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    document(schedule).print_(writer)
    del writer  # finishes the file
    return target


def print_list(schedule: DaySchedule, printer: QPrinter) -> None:
    printer.setDocName(f"Daily list {schedule.location_code} {schedule.day.isoformat()}")
    document(schedule).print_(printer)
