"""What the caller wants: type, places, dates, part of day, weekdays and (maybe) a therapist.

Nothing chosen in a multi-choice filter means "any". Every change is announced so the
panel can search again; the bar itself never talks to the database.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intake.domain.booking import MAX_SEARCH_DAYS, SlotRequest
from intake.domain.enums import PartOfDay
from intake.domain.practice import AppointmentTypeInfo, LocationInfo, TherapistInfo
from intake.ui.flow_layout import FlowLayout, wrapping
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate

DEFAULT_TYPE = "EVAL60"
DEFAULT_DAYS = 14
# Each part of day's name, translated where shown.
PART_NAMES = {
    PartOfDay.MORNING: QT_TRANSLATE_NOOP("BookingFilters", "Morning"),
    PartOfDay.AFTERNOON: QT_TRANSLATE_NOOP("BookingFilters", "Afternoon"),
    PartOfDay.EVENING: QT_TRANSLATE_NOOP("BookingFilters", "Evening"),
}
W = TypeVar("W", bound=QWidget)


class FilterBar(QWidget):
    filters_did_change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingFilters")
        self.type_combo = _named(QComboBox(), translate("BookingFilters", "Appointment type"))
        self.locations = _named(
            QListWidget(), translate("BookingFilters", "Locations (none ticked means all)")
        )
        self.locations.setObjectName("locationList")
        self.from_date = _named(QDateEdit(), translate("BookingFilters", "First day"))
        self.from_date.setCalendarPopup(True)
        self.from_date.setDisplayFormat("MM/dd/yyyy")
        self.days = _named(QSpinBox(), translate("BookingFilters", "Number of days to search"))
        self.days.setRange(1, MAX_SEARCH_DAYS)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(translate("BookingFilters", " days"))
        self.parts = {
            part: _named(
                QCheckBox(translate("BookingFilters", PART_NAMES[part])),
                translate("BookingFilters", "Part of day: {part}").format(
                    part=translate("BookingFilters", PART_NAMES[part])
                ),
            )
            for part in PartOfDay
        }
        # The language's own day names (QLocale's), Monday first as the search counts them.
        locale = QLocale()
        self.weekdays = [
            _named(
                QCheckBox(locale.dayName(day, QLocale.FormatType.ShortFormat)),
                locale.dayName(day, QLocale.FormatType.LongFormat),
            )
            for day in range(1, 8)
        ]
        self.therapist_combo = _named(
            QComboBox(), translate("BookingFilters", "Therapist (optional)")
        )
        # As wide as its longest entry where there is room, but never needing more than ~12
        # characters: the practice's longest therapist name must not widen the booking step
        # past a 1024-px screen once the list is filled (elided there, whole in the list).
        for combo in (self.type_combo, self.therapist_combo):
            combo.setMinimumWidth(combo.fontMetrics().averageCharWidth() * 12 + 40)
        self._build()
        self._connect()

    # --- filling and reading -----------------------------------------------------------

    def set_first_day(self, day: dt.date) -> None:
        self.from_date.setDate(QDate(day.year, day.month, day.day))

    def set_choices(
        self,
        locations: Sequence[LocationInfo],
        types: Sequence[AppointmentTypeInfo],
        therapists: Sequence[TherapistInfo],
    ) -> None:
        """Fill the lists (quietly: one change is announced at the end)."""
        chosen_type = self.type_code()
        self.blockSignals(True)
        try:
            self._fill_types(types, chosen_type or DEFAULT_TYPE)
            self._fill_locations(locations)
            self._fill_therapists(therapists)
        finally:
            self.blockSignals(False)
        self.filters_did_change.emit()

    def set_type(self, code: str) -> None:
        index = self.type_combo.findData(code.strip().upper())
        if index >= 0:
            self.type_combo.setCurrentIndex(index)

    def type_code(self) -> str:
        return str(self.type_combo.currentData() or "")

    def location_codes(self) -> tuple[str, ...]:
        items = (self.locations.item(row) for row in range(self.locations.count()))
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def request(self, *, limit: int, earliest: dt.datetime | None = None) -> SlotRequest:
        therapist = self.therapist_combo.currentData()
        return SlotRequest(
            # PySide6's stubs type QDate.toPython() as object; it returns a datetime.date.
            first_day=self.from_date.date().toPython(),  # type: ignore[arg-type]
            days=self.days.value(),
            type_code=self.type_code() or DEFAULT_TYPE,
            location_codes=self.location_codes(),
            therapist_id=int(therapist) if therapist is not None else None,
            weekdays=tuple(n for n, box in enumerate(self.weekdays) if box.isChecked()),
            parts_of_day=tuple(p for p, box in self.parts.items() if box.isChecked()),
            limit=limit,
            earliest=earliest,
        )

    # --- building ----------------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_buddy(translate("BookingFilters", "&Type"), self.type_combo), self.type_combo)
        # The rows of choices wrap on a narrow screen (the summary step at 1024 px) instead of
        # widening the panel: the bar is then as narrow as its widest single box.
        form.addRow(
            _buddy(translate("BookingFilters", "&From"), self.from_date),
            _flow([self.from_date, self.days]),
        )
        form.addRow(
            _caption(translate("BookingFilters", "Part of day")), _flow(list(self.parts.values()))
        )
        form.addRow(_caption(translate("BookingFilters", "Weekdays")), _flow(self.weekdays))
        form.addRow(
            _buddy(translate("BookingFilters", "T&herapist"), self.therapist_combo),
            self.therapist_combo,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        places = _buddy(
            translate("BookingFilters", "&Locations — none ticked: all"), self.locations
        )
        layout.addWidget(places)
        layout.addWidget(self.locations, 1)
        chain: list[QWidget] = [
            self.type_combo,
            self.from_date,
            self.days,
            *self.parts.values(),
            *self.weekdays,
            self.therapist_combo,
            self.locations,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        changed = self.filters_did_change.emit
        self.type_combo.currentIndexChanged.connect(lambda _i: changed())
        self.therapist_combo.currentIndexChanged.connect(lambda _i: changed())
        self.from_date.dateChanged.connect(lambda _d: changed())
        self.days.valueChanged.connect(lambda _v: changed())
        self.locations.itemChanged.connect(lambda _item: changed())
        for box in (*self.parts.values(), *self.weekdays):
            box.toggled.connect(lambda _on: changed())

    def _fill_types(self, types: Sequence[AppointmentTypeInfo], chosen: str) -> None:
        self.type_combo.clear()
        for kind in types:
            self.type_combo.addItem(
                translate("BookingFilters", "{name} ({minutes} min)").format(
                    name=kind.name, minutes=kind.minutes
                ),
                kind.code,
            )
        self.set_type(chosen)

    def _fill_locations(self, locations: Sequence[LocationInfo]) -> None:
        kept = set(self.location_codes())
        self.locations.clear()
        for place in sorted(locations, key=lambda p: p.name):
            item = QListWidgetItem(place.name)
            item.setData(Qt.ItemDataRole.UserRole, place.code)
            item.setToolTip(f"{place.name}, {place.address} ({place.timezone})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = place.code in kept
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.locations.addItem(item)
        if self.locations.count():
            self.locations.setCurrentRow(0)

    def _fill_therapists(self, therapists: Sequence[TherapistInfo]) -> None:
        kept = self.therapist_combo.currentData()
        self.therapist_combo.clear()
        self.therapist_combo.addItem(translate("BookingFilters", "Any therapist"), None)
        for person in therapists:
            label = f"{person.display_name}, {person.credentials}".rstrip(", ")
            self.therapist_combo.addItem(label, person.id)
        index = self.therapist_combo.findData(kept) if kept is not None else 0
        self.therapist_combo.setCurrentIndex(max(index, 0))


def _named(widget: W, name: str) -> W:
    widget.setAccessibleName(name)
    widget.setToolTip(name)
    return widget


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _caption(text: str) -> QLabel:
    return QLabel(text)


def _flow(widgets: Sequence[QWidget]) -> QWidget:
    holder = QWidget()
    flow = FlowLayout(holder, spacing=8)
    wrapping(holder)
    for widget in widgets:
        flow.addWidget(widget)
    return holder
