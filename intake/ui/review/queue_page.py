"""The review queue: upcoming evaluations with their intakes, filtered and opened from here.

Keyboard: the filters are tab stops; F5 reloads; Enter (or a double click) opens a row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake.domain.review import QueueFilter, QueueOptions, QueueRow
from intake.services import review
from intake.ui import keys
from intake.ui.context import UiContext
from intake.ui.flow_layout import wrapped_row
from intake.ui.i18n import translate
from intake.ui.review.queue_model import COLUMNS, LOCATION, PATIENT, ROW_ROLE, QueueModel
from intake.ui.review.referral_list import ReferralList
from intake.ui.worker import failure_text


class QueuePage(QWidget):
    queue_did_load = Signal(int)  # rows shown
    queue_did_fail = Signal(str)
    intake_was_chosen = Signal(object)  # the QueueRow
    status_did_change = Signal(str)

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewQueue")
        self.context = context
        self._clock = clock or (lambda: dt.datetime.now().astimezone())
        self.options: QueueOptions | None = None
        self._asked = 0  # only the newest answer is shown
        self.model = QueueModel(self)
        self._build()

    # --- loading -------------------------------------------------------------------------

    def load(self) -> None:
        """Read the filter choices once (defaults: my own queue, the coming week), then rows."""
        if self.options is None:
            self.context.run(
                lambda db, actor: review.queue_options(db, actor),
                self._options_did_load,
                self._failed,
            )
        else:
            self.refresh()

    def refresh(self) -> None:
        if self.options is None:
            self.load()
            return
        self.referrals.refresh()
        self._asked += 1
        asked, wanted = self._asked, self.current_filter()
        self.message.setText(translate("ReviewQueue", "Loading…"))
        self.context.run(
            lambda db, actor: review.review_queue(db, actor, wanted),
            lambda rows: self._rows_did_load(asked, rows),
            self._failed,
        )

    def current_filter(self) -> QueueFilter:
        return QueueFilter(
            # PySide6's stubs type QDate.toPython() as object; it returns a datetime.date.
            first_day=self.from_date.date().toPython(),  # type: ignore[arg-type]
            last_day=self.to_date.date().toPython(),  # type: ignore[arg-type]
            therapist_id=self.therapist.currentData(),
            location_id=self.location.currentData(),
        )

    def _options_did_load(self, options: QueueOptions) -> None:
        self.options = options
        for combo, everyone, entries in (
            (self.therapist, translate("ReviewQueue", "All therapists"), options.therapists),
            (self.location, translate("ReviewQueue", "All locations"), options.locations),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for entry in entries:
                combo.addItem(entry.label, entry.id)
            combo.blockSignals(False)
        mine = self.therapist.findData(options.my_therapist_id)
        self.therapist.setCurrentIndex(max(mine, 0) if options.my_therapist_id else 0)
        defaults = QueueFilter.coming_days(self._clock().date())
        for edit, day in ((self.from_date, defaults.first_day), (self.to_date, defaults.last_day)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh()

    def _rows_did_load(self, asked: int, rows: list[QueueRow]) -> None:
        if asked != self._asked:
            return
        self.model.set_rows(rows)
        waiting = sum(not row.reviewed for row in rows)
        text = (
            translate("ReviewQueue", "Evaluations: {count}, to review: {waiting}").format(
                count=len(rows), waiting=waiting
            )
            if rows
            else translate("ReviewQueue", "No evaluations with an intake in this range.")
        )
        self.message.setText(text)
        if rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, PATIENT))
        self.queue_did_load.emit(len(rows))

    def _failed(self, error: BaseException) -> None:
        message = failure_text(error)
        self.message.setText(message)
        self.status_did_change.emit(message)
        self.queue_did_fail.emit(message)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.intake_was_chosen.emit(index.data(ROW_ROLE))

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(translate("ReviewQueue", "Intakes to review"))
        title.setObjectName("pageTitle")
        self.therapist = _combo(translate("ReviewQueue", "Therapist"))
        self.location = _combo(translate("ReviewQueue", "Location"))
        self.from_date = _date_edit(translate("ReviewQueue", "From date"))
        self.to_date = _date_edit(translate("ReviewQueue", "To date (inclusive)"))
        self.refresh_button = QPushButton(translate("ReviewQueue", "Reload (F5)"))
        self.refresh_button.setAccessibleName(translate("ReviewQueue", "Reload the queue"))
        self.refresh_button.setToolTip(translate("ReviewQueue", "Reload the queue (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        for text, widget in (
            (translate("ReviewQueue", "&Therapist"), self.therapist),
            (translate("ReviewQueue", "&Location"), self.location),
            (translate("ReviewQueue", "&From"), self.from_date),
            (translate("ReviewQueue", "&Until"), self.to_date),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            # A name and its field wrap onto the next line together, never apart.
            pair = QWidget()
            pair_row = QHBoxLayout(pair)
            pair_row.setContentsMargins(0, 0, 0, 0)
            pair_row.addWidget(label)
            pair_row.addWidget(widget)
            bar.addWidget(pair)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        for combo in (self.therapist, self.location):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self.refresh)
        self.table = QTableView()
        self.table.setObjectName("reviewQueueTable")
        self.table.setAccessibleName(translate("ReviewQueue", "Upcoming evaluations with intakes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setIconSize(self.table.iconSize() * 1.2)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The patient and record number whole; the location's long name gives way (elided,
        # its tooltip whole) so the row fits a 1366-px screen without sideways scrolling.
        header.setSectionResizeMode(LOCATION, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        columns = ", ".join(translate("ReviewQueue", c) for c in COLUMNS)
        self.table.setToolTip(
            translate("ReviewQueue", "Columns: {columns}. Enter opens the intake.").format(
                columns=columns
            )
        )
        self.message = QLabel("")
        self.message.setObjectName("reviewMessage")
        self.message.setAccessibleName(translate("ReviewQueue", "Queue status"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(wrapped_row(bar))  # two lines on a narrow screen
        # Closed referrals have no visit: they come first, for whoever is on duty.
        self.referrals = ReferralList(self.context)
        layout.addWidget(self.referrals)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        reload_key = keys.means(QShortcut(QKeySequence(Qt.Key.Key_F5), self), keys.REFRESH)
        # While the queue shows, from anywhere in the window (the sidebar too).
        reload_key.setContext(Qt.ShortcutContext.WindowShortcut)
        reload_key.activated.connect(self.refresh)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            opening = keys.means(QShortcut(QKeySequence(key), self.table), keys.OPEN)
            opening.setContext(Qt.ShortcutContext.WidgetShortcut)
            opening.activated.connect(self.open_current)


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setMinimumContentsLength(20)  # "All therapists" whole in a longer language too
    return combo


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    return edit
