"""The schedule's toolbar: day or week, which location or therapist, which day, refresh,
print and export; and what changes when one of them is chosen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
)

from intake.domain.practice import LocationInfo, TherapistInfo
from intake.services import practice_admin, staffing
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui.i18n import translate

if TYPE_CHECKING:
    from intake.ui.schedule.page import SchedulePage


@dataclass(frozen=True)
class Choices:
    locations: list[LocationInfo]
    therapists: list[TherapistInfo]


def load_choices(database: Database, actor: Actor) -> Choices:
    return Choices(
        practice_admin.list_locations(database, actor), staffing.list_therapists(database, actor)
    )


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


class Toolbar:
    """The toolbar part of SchedulePage (it works on the page that holds it)."""

    def __init__(self, page: SchedulePage) -> None:
        self.page = page

    def choices_arrived(self, choices: Choices) -> None:
        self.location_combo.blockSignals(True)
        self.therapist_combo.blockSignals(True)
        for loc in choices.locations:
            self.location_combo.addItem(f"{loc.code} · {loc.name}", loc.id)
        for person in choices.therapists:
            self.therapist_combo.addItem(person.display_name, person.id)
        self.location_combo.blockSignals(False)
        self.therapist_combo.blockSignals(False)
        if self.page.location_id is None and choices.locations:
            self.page.location_id = choices.locations[0].id
        if self.page.therapist_id is None and choices.therapists:
            self.page.therapist_id = choices.therapists[0].id
        self.sync()
        if self.page.schedule is None and not self.page._loading:
            self.page.reload()

    def sync(self) -> None:
        for combo, value in (
            (self.location_combo, self.page.location_id),
            (self.therapist_combo, self.page.therapist_id),
        ):
            index = combo.findData(value)
            if index >= 0 and index != combo.currentIndex():
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self.page.day.year, self.page.day.month, self.page.day.day))
        self.date_edit.blockSignals(False)
        day_mode = self.page.mode == "day"
        self.day_button.setChecked(day_mode)
        self.week_button.setChecked(not day_mode)
        self.location_combo.setVisible(day_mode)
        self.location_label.setVisible(day_mode)
        self.therapist_combo.setVisible(not day_mode)
        self.therapist_label.setVisible(not day_mode)

    def step_day(self, direction: int) -> None:
        self.page.day += dt.timedelta(days=direction * (7 if self.page.mode == "week" else 1))
        self.sync()
        self.page.reload()

    def today(self) -> None:
        today = self.page._now().astimezone().date()
        self.page.day = (
            today - dt.timedelta(days=today.weekday()) if self.page.mode == "week" else today
        )
        self.sync()
        self.page.reload()

    def step_place(self, direction: int) -> None:
        combo = self.location_combo if self.page.mode == "day" else self.therapist_combo
        if combo.count():
            combo.setCurrentIndex((combo.currentIndex() + direction) % combo.count())

    def _place_chosen(self) -> None:
        self.page.location_id = self.location_combo.currentData()
        self.page.therapist_id = self.therapist_combo.currentData()
        self.page.reload()

    def _date_chosen(self, value: QDate) -> None:
        day = dt.date(value.year(), value.month(), value.day())
        self.page.day = day - dt.timedelta(days=day.weekday()) if self.page.mode == "week" else day
        self.page.reload()

    def _set_mode(self, mode: str) -> None:
        if mode == self.page.mode:
            return
        block = self.page.canvas.selected_block()
        if mode == "week" and block is not None:
            self.page.therapist_id = block.therapist_id
        self.page.mode = mode
        if mode == "week":
            self.page.day -= dt.timedelta(days=self.page.day.weekday())
        self.sync()
        self.page.reload()

    def build(self) -> QHBoxLayout:
        self.day_button = _toggle(
            translate("ScheduleToolbar", "&Day (Alt+D)"),
            translate("ScheduleToolbar", "Location day view"),
        )
        self.week_button = _toggle(
            translate("ScheduleToolbar", "&Week (Alt+W)"),
            translate("ScheduleToolbar", "Therapist week view"),
        )
        group = QButtonGroup(self.page)
        group.addButton(self.day_button)
        group.addButton(self.week_button)
        self.day_button.clicked.connect(lambda: self._set_mode("day"))
        self.week_button.clicked.connect(lambda: self._set_mode("week"))
        self.location_combo = QComboBox()
        self.location_combo.setAccessibleName(translate("ScheduleToolbar", "Location"))
        self.location_combo.currentIndexChanged.connect(lambda _i: self._place_chosen())
        self.location_label = QLabel(translate("ScheduleToolbar", "&Location"))
        self.location_label.setBuddy(self.location_combo)
        self.therapist_combo = QComboBox()
        self.therapist_combo.setAccessibleName(translate("ScheduleToolbar", "Therapist"))
        self.therapist_combo.currentIndexChanged.connect(lambda _i: self._place_chosen())
        self.therapist_label = QLabel(translate("ScheduleToolbar", "T&herapist"))
        self.therapist_label.setBuddy(self.therapist_combo)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd MM/dd/yyyy")
        self.date_edit.setAccessibleName(translate("ScheduleToolbar", "Day"))
        self.date_edit.dateChanged.connect(self._date_chosen)
        date_label = QLabel(translate("ScheduleToolbar", "D&ate"))
        date_label.setBuddy(self.date_edit)
        previous = _tool(
            "◀", translate("ScheduleToolbar", "Previous day (Alt+Left)"), lambda: self.step_day(-1)
        )
        today = _tool(
            translate("ScheduleToolbar", "Today"),
            translate("ScheduleToolbar", "Today (Alt+Home)"),
            self.today,
        )
        following = _tool(
            "▶", translate("ScheduleToolbar", "Next day (Alt+Right)"), lambda: self.step_day(+1)
        )
        refresh = _tool("⟳", translate("ScheduleToolbar", "Refresh (F5)"), self.page.reload)
        export = QToolButton()
        export.setText(translate("ScheduleToolbar", "Print / export"))
        export.setAccessibleName(translate("ScheduleToolbar", "Print or export"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(export)
        for action in (
            self.page.print_action,
            self.page.pdf_action,
            self.page.csv_action,
            self.page.ics_action,
        ):
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
        return bar
