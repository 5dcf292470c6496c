"""The day's schedule of one location on paper (print or PDF), one section per therapist."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from intake.domain.schedule import DaySchedule
from intake.ui import when
from intake.ui.i18n import translate
from intake.ui.schedule.canvas import STATUS_MARKS, review_mark, status_word


def daily_list_html(schedule: DaySchedule) -> str:
    day = schedule.day
    heading = when.day(day, localized=True)
    esc = html.escape
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt'>",
        f"<h2 style='margin-bottom:2px'>{html.escape(schedule.location_name)}</h2>",
        "<p style='margin-top:0'>"
        + esc(
            translate("DailyList", "Daily list for {day} · times in {zone}").format(
                day=heading, zone=schedule.timezone
            )
        )
        + "</p>",
    ]
    if schedule.closed:
        reason = schedule.closure_reason or ""
        closed = translate("DailyList", "Closed")
        parts.append(f"<p><b>{esc(closed)}</b> {esc(reason)}</p>")
    for column in schedule.columns:
        blocks = schedule.blocks_of(column.therapist_id)
        parts.append(f"<h3 style='margin-bottom:2px'>{html.escape(column.therapist_name)}</h3>")
        if not blocks:
            none = translate("DailyList", "No visits.")
            parts.append(f"<p style='color:#52606d'>{esc(none)}</p>")
            continue
        heads = (
            translate("DailyList", "Time"),
            translate("DailyList", "Patient"),
            translate("DailyList", "Visit"),
            translate("DailyList", "Status"),
            translate("DailyList", "Note"),
        )
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>"
            + "".join(f"<th align='left'>{esc(h)}</th>" for h in heads)
            + "</tr>"
        )
        for b in blocks:
            start, end = b.local_start, b.local_end
            status = esc(STATUS_MARKS[b.status] + status_word(b.status))
            parts.append(
                f"<tr><td>{when.time_of_day(start, localized=True)}–"
                f"{when.time_of_day(end, localized=True)}</td>"
                f"<td>{html.escape(b.patient_name)} ({html.escape(b.patient_record)})</td>"
                f"<td>{html.escape(b.type_name)}</td><td>{status}</td>"
                f"<td>{esc(review_mark()) if b.needs_review else ''}</td></tr>"
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
    writer.setTitle(_title(schedule))
    writer.setCreator("Clinic Intake")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    document(schedule).print_(writer)
    del writer  # finishes the file
    return target


def print_list(schedule: DaySchedule, printer: QPrinter) -> None:
    printer.setDocName(_title(schedule))
    document(schedule).print_(printer)


def _title(schedule: DaySchedule) -> str:
    return translate("DailyList", "Daily list {location} {day}").format(
        location=schedule.location_code, day=schedule.day.isoformat()
    )
