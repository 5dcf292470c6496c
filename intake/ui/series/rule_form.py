"""The rule of a course as the front desk enters it: the visit type (follow-ups only), where
and with whom, the weekdays each with its time (quarter hours), the first day, how it ends,
and the patient's preferred time window. Every change says so, for the live proposal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intake.domain.errors import Invalid
from intake.domain.practice import AppointmentTypeInfo, LocationInfo, TherapistInfo
from intake.scheduling.series import MAX_VISITS
from intake.ui import when
from intake.ui.i18n import translate

FIRST_MINUTE, LAST_MINUTE = 6 * 60, 21 * 60  # the times offered, on the quarter hour
DEFAULT_TIME = dt.time(9)
DEFAULT_COUNT = 12


@dataclass(frozen=True)
class Choices:
    """What the boxes offer: follow-up types (no screening), locations, therapists."""

    types: tuple[AppointmentTypeInfo, ...]
    locations: tuple[LocationInfo, ...]
    therapists: tuple[TherapistInfo, ...]


@dataclass(frozen=True)
class Rule:
    """The form's values, ready for a SeriesRequest."""

    type_code: str
    location_id: int
    therapist_id: int
    any_therapist: bool
    weekly: tuple[tuple[int, dt.time], ...]
    first_day: dt.date
    count: int | None
    until: dt.date | None
    window: tuple[dt.time, dt.time] | None


def _date(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def typed_time(typed: str) -> dt.time | None:
    """The quarter hour a person means by "9", "930", "9:30", "2" (2 PM: clinic hours),
    "1015", "8p" or "14"; None when it is no time."""
    text = typed.strip().lower().replace(":", "").replace(" ", "")
    suffix = text[-1] if text[-1:] in ("a", "p") else ""
    digits = text.rstrip("apm")
    if not digits.isdigit() or not 1 <= len(digits) <= 4:
        return None
    split = len(digits) - 2 if len(digits) > 2 else len(digits)
    hour, minute = int(digits[:split]), int(digits[split:] or 0)
    if suffix == "p" and hour < 12:
        hour += 12
    elif suffix == "a" and hour == 12:
        hour = 0
    elif not suffix and 1 <= hour <= 6:
        hour += 12  # "2" at a clinic is 2 PM
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute - minute % 15)


class TimeBox(QComboBox):
    """Quarter hours as a list: arrows step 15 minutes, and typing "930" or "2p" picks that
    time (a plain list would jump to the first entry starting with the typed text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._reset = QTimer(self)
        self._reset.setSingleShot(True)
        self._reset.setInterval(1200)
        self._reset.timeout.connect(self._forget)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and (text.isdigit() or text in ":aApPmM "):
            self._typed += text
            self._reset.start()
            if (at := typed_time(self._typed)) is not None:
                set_time(self, at)
            event.accept()
            return
        self._forget()
        super().keyPressEvent(event)

    def _forget(self) -> None:
        self._typed = ""


def time_box(name: str, chosen: dt.time = DEFAULT_TIME) -> TimeBox:
    box = TimeBox()
    box.setAccessibleName(name)
    box.setToolTip(QCoreApplication.translate("RuleForm", 'Type "930" or "2p", or use the arrows'))
    for minute in range(FIRST_MINUTE, LAST_MINUTE + 1, 15):
        at = dt.time(minute // 60, minute % 60)
        box.addItem(when.time_of_day(at, localized=True), at)
    set_time(box, chosen)
    return box


def set_time(box: QComboBox, at: dt.time) -> None:
    # findData does not match Python times (they travel as wrapped objects): compare here.
    for index in range(box.count()):
        if box.itemData(index) == at:
            box.setCurrentIndex(index)
            return


class RuleForm(QWidget):
    rule_did_change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("courseRule")
        self.therapists: tuple[TherapistInfo, ...] = ()
        self.locations: tuple[LocationInfo, ...] = ()
        self.type_box = QComboBox()
        self.type_box.setAccessibleName(translate("RuleForm", "Visit type"))
        self.location_box = QComboBox()
        self.location_box.setAccessibleName(translate("RuleForm", "Location"))
        self.therapist_box = QComboBox()
        self.therapist_box.setAccessibleName(translate("RuleForm", "Therapist"))
        for box in (self.type_box, self.location_box, self.therapist_box):
            box.setMinimumContentsLength(14)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.any_therapist = QCheckBox(translate("RuleForm", "&Any therapist at this location"))
        self.days: list[QCheckBox] = []
        self.times: list[TimeBox] = []
        # The interface language's own short day names (QLocale's), Monday first.
        names = [QLocale().dayName(d, QLocale.FormatType.ShortFormat) for d in range(1, 8)]
        for name in names:
            check = QCheckBox(name)
            check.setAccessibleName(translate("RuleForm", "Visit on {day}").format(day=name))
            box = time_box(translate("RuleForm", "Time on {day}").format(day=name))
            box.setEnabled(False)
            check.toggled.connect(box.setEnabled)
            self.days.append(check)
            self.times.append(box)
        self.first_day = QDateEdit()
        self.first_day.setCalendarPopup(True)
        self.first_day.setDisplayFormat("ddd MMM d, yyyy")
        self.first_day.setAccessibleName(translate("RuleForm", "First day"))
        self.by_count = QRadioButton(translate("RuleForm", "&Visits"))
        self.by_count.setAccessibleName(translate("RuleForm", "Ends after a number of visits"))
        self.by_until = QRadioButton(translate("RuleForm", "or &until"))
        self.by_until.setAccessibleName(translate("RuleForm", "Ends on a day"))
        self.ends = QButtonGroup(self)
        self.ends.addButton(self.by_count)
        self.ends.addButton(self.by_until)
        self.by_count.setChecked(True)
        self.count = QSpinBox()
        self.count.setRange(1, MAX_VISITS)
        self.count.setValue(DEFAULT_COUNT)
        self.count.setAccessibleName(translate("RuleForm", "Number of visits"))
        self.count.setMaximumWidth(self.count.fontMetrics().horizontalAdvance("0000") + 48)
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("MMM d, yyyy")
        self.until.setAccessibleName(translate("RuleForm", "Last day of the course"))
        self.until.setEnabled(False)
        self.by_count.toggled.connect(self.count.setEnabled)
        self.by_until.toggled.connect(self.until.setEnabled)
        self.use_window = QCheckBox(translate("RuleForm", "Moved visits only &between"))
        self.use_window.setAccessibleName(
            translate("RuleForm", "Keep other times inside the patient's window")
        )
        self.window_from = time_box(
            translate("RuleForm", "Earliest time the patient can come"), dt.time(8)
        )
        self.window_to = time_box(
            translate("RuleForm", "Latest time the patient can stay until"), dt.time(12)
        )
        for box in (self.window_from, self.window_to):
            box.setEnabled(False)
            self.use_window.toggled.connect(box.setEnabled)
        self._build()
        self._connect()

    # --- filling ----------------------------------------------------------------------

    def set_choices(self, choices: Choices) -> None:
        self.blockSignals(True)
        self.therapists, self.locations = choices.therapists, choices.locations
        self.type_box.clear()
        for kind in choices.types:
            self.type_box.addItem(
                translate("RuleForm", "{name} ({minutes} min)").format(
                    name=kind.name, minutes=kind.minutes
                ),
                kind.code,
            )
        self.location_box.clear()
        for place in choices.locations:
            self.location_box.addItem(f"{place.code} · {place.name}", place.id)
        self._fill_therapists()
        self.blockSignals(False)

    def prefill(
        self,
        *,
        type_code: str | None = None,
        location_id: int | None = None,
        therapist_id: int | None = None,
        first_day: dt.date | None = None,
        weekly: tuple[tuple[int, dt.time], ...] = (),
    ) -> None:
        self.blockSignals(True)
        if type_code is not None and (i := self.type_box.findData(type_code)) >= 0:
            self.type_box.setCurrentIndex(i)
        if location_id is not None and (i := self.location_box.findData(location_id)) >= 0:
            self.location_box.setCurrentIndex(i)
            self._fill_therapists()
        if therapist_id is not None and (i := self.therapist_box.findData(therapist_id)) >= 0:
            self.therapist_box.setCurrentIndex(i)
        if first_day is not None:
            self.first_day.setDate(_qdate(first_day))
            self.until.setDate(_qdate(first_day + dt.timedelta(weeks=6)))
        for weekday, at in weekly:
            self.days[weekday].setChecked(True)
            set_time(self.times[weekday], at)
        self.blockSignals(False)

    def fix_course(self) -> None:
        """Moving the rest of a course: its type, place and length stay; days and times move."""
        for box in (self.type_box, self.location_box, self.therapist_box):
            box.setEnabled(False)
        for widget in (self.by_count, self.count, self.by_until, self.until):
            widget.hide()  # the rest of the course keeps its number of visits

    # --- reading ----------------------------------------------------------------------

    def weekly(self) -> tuple[tuple[int, dt.time], ...]:
        return tuple(
            (weekday, self.times[weekday].currentData())
            for weekday, check in enumerate(self.days)
            if check.isChecked()
        )

    def rule(self) -> Rule:
        """The values, or Invalid with what to fix (said on the form, no service asked)."""
        problems: dict[str, str] = {}
        if self.type_box.currentData() is None:
            problems["type"] = translate(
                "RuleForm", "There is no follow-up visit type to book a course of."
            )
        if self.location_box.currentData() is None:
            problems["location"] = translate("RuleForm", "Choose a location.")
        if self.therapist_box.currentData() is None:
            problems["therapist"] = translate(
                "RuleForm", "Choose a therapist who works at this location."
            )
        if not self.weekly():
            problems["days"] = translate(
                "RuleForm", "Tick the weekdays of the course and their times."
            )
        window = None
        if self.use_window.isChecked():
            window = (self.window_from.currentData(), self.window_to.currentData())
            if not window[0] < window[1]:
                problems["window"] = translate(
                    "RuleForm", "The patient's window must end after it starts."
                )
        if problems:
            raise Invalid(problems)
        by_count = self.by_count.isChecked()
        return Rule(
            type_code=self.type_box.currentData(),
            location_id=self.location_box.currentData(),
            therapist_id=self.therapist_box.currentData(),
            any_therapist=self.any_therapist.isChecked(),
            weekly=self.weekly(),
            first_day=_date(self.first_day),
            count=self.count.value() if by_count else None,
            until=None if by_count else _date(self.until),
            window=window,
        )

    # --- building ---------------------------------------------------------------------

    def _fill_therapists(self) -> None:
        chosen = self.therapist_box.currentData()
        place = next((p for p in self.locations if p.id == self.location_box.currentData()), None)
        self.therapist_box.clear()
        for person in self.therapists:
            if place is not None and place.code in person.location_codes:
                self.therapist_box.addItem(person.display_name, person.id)
        if chosen is not None and (i := self.therapist_box.findData(chosen)) >= 0:
            self.therapist_box.setCurrentIndex(i)

    def _location_changed(self) -> None:
        self._fill_therapists()
        self.rule_did_change.emit()

    def _connect(self) -> None:
        changed = self.rule_did_change.emit
        self.location_box.currentIndexChanged.connect(lambda _i: self._location_changed())
        for box in (self.type_box, self.therapist_box, self.window_from, self.window_to):
            box.currentIndexChanged.connect(lambda _i: changed())
        for box in self.times:
            box.currentIndexChanged.connect(lambda _i: changed())
        for check in (*self.days, self.any_therapist, self.use_window, self.by_count):
            check.toggled.connect(lambda _on: changed())
        self.count.valueChanged.connect(lambda _v: changed())
        for edit in (self.first_day, self.until):
            edit.dateChanged.connect(lambda _d: changed())

    def _build(self) -> None:
        who = QFormLayout()
        who.addRow(translate("RuleForm", "Visit &type"), self.type_box)
        who.addRow(translate("RuleForm", "&Location"), self.location_box)
        who.addRow(translate("RuleForm", "T&herapist"), self.therapist_box)
        who.addRow("", self.any_therapist)
        days = QGroupBox(translate("RuleForm", "Weekdays and times"))
        grid = QGridLayout(days)
        grid.setVerticalSpacing(2)
        for weekday, (check, box) in enumerate(zip(self.days, self.times, strict=True)):
            row, column = weekday % 4, (weekday // 4) * 2
            grid.addWidget(check, row, column)
            grid.addWidget(box, row, column + 1)
        when_box = QFormLayout()
        when_box.addRow(translate("RuleForm", "&First day"), self.first_day)
        ends = QHBoxLayout()  # one line: a number of visits, or a last day
        ends.addWidget(self.by_count)
        ends.addWidget(self.count)
        ends.addSpacing(8)
        ends.addWidget(self.by_until)
        ends.addWidget(self.until, 1)
        window = QHBoxLayout()  # under its check box: the column stays narrow
        window.setContentsMargins(24, 0, 0, 0)
        window.addWidget(self.window_from)
        window.addWidget(QLabel(translate("RuleForm", "and")))
        window.addWidget(self.window_to)
        window.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(who)
        layout.addWidget(days)
        layout.addLayout(when_box)
        layout.addLayout(ends)
        layout.addWidget(self.use_window)
        layout.addLayout(window)
        layout.addStretch(1)
