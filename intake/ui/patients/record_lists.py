"""The read-only parts of a record as lists: intakes, visits, waitlist entries, history.

Each row that leads somewhere carries its thing (an IntakeLine, a Visit, a waitlist entry);
Enter or a double-click on it emits `item_was_chosen` with that thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from intake.domain.accounts import AuditEntry
from intake.domain.booking import Visit, WaitlistEntryInfo
from intake.domain.enums import AppointmentStatus, CancelledBy
from intake.domain.patient_record import IntakeLine, PatientRecord
from intake.ui import when
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.patients.patient_fields import LABELS, field_label
from intake.ui.review import wording
from intake.ui.words import said

PAYLOAD = Qt.ItemDataRole.UserRole
Row = tuple[Sequence[str], object]  # the cells, and what choosing the row opens (or None)


class RecordList(QTreeWidget):
    item_was_chosen = Signal(object)

    def __init__(self, name: str, columns: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setColumnCount(len(columns))
        self.setHeaderLabels(list(columns))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(True)
        for column in range(len(columns) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(self._activated)

    def show_rows(self, groups: Sequence[tuple[str, Sequence[Row]]], empty: str) -> None:
        """Rows under group headings ("" for none); `empty` when there are no rows at all."""
        self.clear()
        grouped = any(title for title, _rows in groups)
        self.setRootIsDecorated(False)
        for title, rows in groups:
            parent: QTreeWidget | QTreeWidgetItem = self
            if title:
                heading = QTreeWidgetItem(self, [title])
                heading.setFirstColumnSpanned(True)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = heading.font(0)
                font.setBold(True)
                heading.setFont(0, font)
                heading.setExpanded(True)
                parent = heading
            for cells, payload in rows:
                item = QTreeWidgetItem(parent, list(cells))
                for column, text in enumerate(cells):
                    item.setToolTip(column, text)  # a narrow screen cuts a long status
                item.setData(0, PAYLOAD, payload)
                if payload is None:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if self.topLevelItemCount() == 0:
            item = QTreeWidgetItem(self, [empty])
            item.setFirstColumnSpanned(True)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.setItemsExpandable(grouped)
        self.expandAll()
        first = self._first_choosable()
        if first is not None:
            self.setCurrentItem(first)

    def choosable(self) -> list[QTreeWidgetItem]:
        found = []
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top is None:
                continue
            for item in [top, *(top.child(i) for i in range(top.childCount()))]:
                if item is not None and item.data(0, PAYLOAD) is not None:
                    found.append(item)
        return found

    def _first_choosable(self) -> QTreeWidgetItem | None:
        found = self.choosable()
        return found[0] if found else None

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        payload = item.data(0, PAYLOAD)
        if payload is not None:
            self.item_was_chosen.emit(payload)


# --- what each list shows --------------------------------------------------------------------


def intake_rows(record: PatientRecord) -> list[Row]:
    return [
        (
            (
                when.date(when.local(line.created_at, None).date(), localized=True),
                wording.word(line.triage),
                translate(line.state_words.context, line.state_words),
                _intake_detail(line),
            ),
            line,
        )
        for line in record.intakes
    ]


def _intake_detail(line: IntakeLine) -> str:
    if line.continues and line.source == "tablet" and not line.answered:
        return translate("RecordLists", "Handed to the tablet, not started yet")
    if line.continues and line.source == "tablet":
        return translate("RecordLists", "From tablet · Enter: check it with the patient")
    if line.continues:
        return translate("RecordLists", "Enter: continue it in the Intake area")
    if line.reviewed_at is not None:
        return translate("RecordLists", "Reviewed {when}").format(
            when=when.moment(line.reviewed_at, short=True, localized=True)
        )
    if line.submitted_at is not None:
        return translate("RecordLists", "Sent {when}").format(
            when=when.moment(line.submitted_at, short=True, localized=True)
        )
    return ""


def visit_groups(record: PatientRecord, now: dt.datetime) -> list[tuple[str, list[Row]]]:
    upcoming, past = record.upcoming(now), record.past(now)
    groups: list[tuple[str, list[Row]]] = []
    if upcoming:
        title = translate("RecordLists", "Upcoming ({count})").format(count=len(upcoming))
        groups.append((title, [_visit_row(v) for v in upcoming]))
    if past:
        title = translate("RecordLists", "Past and cancelled ({count})").format(count=len(past))
        groups.append((title, [_visit_row(v) for v in past]))
    return groups


def _visit_row(visit: Visit) -> Row:
    return (
        (
            _visit_time(visit),
            visit.type_name,
            f"{visit.therapist_name} · {visit.location_name}",
            visit_status(visit),
        ),
        visit,
    )


def _visit_time(visit: Visit) -> str:
    """Dec 2, 2026, 2:30 PM (EST): with the year, as past visits go back years."""
    at = when.local(visit.start, visit.timezone)
    return f"{when.date(at.date(), localized=True)}, {when.clock(at, localized=True)}"


def visit_status(visit: Visit) -> str:
    """The status in words: who cancelled, and whether late; a no-show marked."""
    if visit.status is AppointmentStatus.CANCELLED:
        by = _CANCELLED_BY.get(visit.cancelled_by, "") if visit.cancelled_by else ""
        text = (
            translate("RecordLists", "⚠ Late cancellation")
            if visit.late_cancellation
            else translate("RecordLists", "Cancelled")
        ) + (translate("RecordLists", by) if by else "")
        return f"{text}: {visit.cancel_reason}" if visit.cancel_reason else text
    if visit.status is AppointmentStatus.NO_SHOW:
        return translate("RecordLists", "✖ No-show")
    if visit.needs_review and visit.status is AppointmentStatus.BOOKED:
        return translate("RecordLists", "Booked · ⚑ intake to review")
    return said(visit.status.words).capitalize()


_CANCELLED_BY = {
    CancelledBy.PATIENT: QT_TRANSLATE_NOOP("RecordLists", " by the patient"),
    CancelledBy.CLINIC: QT_TRANSLATE_NOOP("RecordLists", " by the clinic"),
}


def waitlist_rows(record: PatientRecord) -> list[Row]:
    return [
        (
            (
                when.date(when.local(entry.created_at, None).date(), localized=True),
                entry.type_code or translate("RecordLists", "Any visit"),
                entry.status.value.capitalize(),
                waitlist_wishes(entry),
            ),
            entry,
        )
        for entry in record.waitlist
    ]


def waitlist_wishes(entry: WaitlistEntryInfo) -> str:
    wishes = entry.preferences
    parts = []
    if wishes.weekdays:
        short = QLocale.FormatType.ShortFormat  # the interface language's day names
        parts.append(", ".join(QLocale().dayName(d + 1, short) for d in wishes.weekdays))
    if wishes.parts_of_day:
        parts.append(", ".join(p.value for p in wishes.parts_of_day))
    if wishes.location_ids:
        count = len(wishes.location_ids)
        parts.append(
            (
                translate("RecordLists", "{count} location")
                if count == 1
                else translate("RecordLists", "{count} locations")
            ).format(count=count)
        )
    if entry.earliest_date is not None:
        parts.append(
            translate("RecordLists", "from {date}").format(
                date=when.date(entry.earliest_date, localized=True)
            )
        )
    if entry.note:
        parts.append(f"“{entry.note}”")
    return " · ".join(parts) or translate("RecordLists", "Any time")


_ACTIONS = {
    "open": QT_TRANSLATE_NOOP("RecordLists", "Opened"),
    "create": QT_TRANSLATE_NOOP("RecordLists", "Created"),
    "update": QT_TRANSLATE_NOOP("RecordLists", "Changed"),
    "export": QT_TRANSLATE_NOOP("RecordLists", "Exported"),
}


def history_rows(entries: Sequence[AuditEntry]) -> list[Row]:
    return [
        (
            (
                when.moment(entry.occurred_at, short=True, localized=True),
                translate("RecordLists", "{who} at {where}").format(
                    who=entry.username or translate("RecordLists", "the program"),
                    where=entry.workstation or "?",
                ),
                _action(entry.action) + " " + entry.entity.replace("_", " "),
                ", ".join(
                    field_label(name) if name in LABELS else name.replace("_", " ")
                    for name in entry.fields
                ),
            ),
            None,
        )
        for entry in entries
    ]


def _action(action: str) -> str:
    known = _ACTIONS.get(action)
    return translate("RecordLists", known) if known else action.replace("_", " ").capitalize()
