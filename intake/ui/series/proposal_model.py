"""The proposed visits of a course as a table: each visit's day, time and therapist, and a
note that marks every moved or missing one and says why, in words and with a mark, never by
colour alone. The first column's check box keeps a visit in the course or leaves it out."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from intake.domain.booking import SlotOffer
from intake.domain.series import Obstacle, Placement, ProposedVisit, SeriesProposal
from intake.ui import when
from intake.ui.i18n import translate

Index = QModelIndex | QPersistentModelIndex
BOOK, NUMBER, DAY, TIME, THERAPIST, NOTE = range(6)
VISIT_ROLE = Qt.ItemDataRole.UserRole + 1


class ProposalModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.proposal: SeriesProposal | None = None
        self._visits: tuple[ProposedVisit, ...] = ()
        self.left_out: set[int] = set()  # visit numbers the desk took out of the course
        self.renewed: set[int] = set()  # re-proposed after another PC took their times
        self.changed: set[int] = set()  # given another time by the desk
        self.can_leave_out = True
        self._headers = (
            translate("ProposalModel", "Book"),
            translate("ProposalModel", "No."),
            translate("ProposalModel", "Day"),
            translate("ProposalModel", "Time"),
            translate("ProposalModel", "Therapist"),
            translate("ProposalModel", "Note"),
        )
        self._bold = QFont()
        self._bold.setBold(True)
        self._renewed_brush = QBrush(QColor("#fff4d6"))

    # --- filling ----------------------------------------------------------------------

    def set_proposal(self, proposal: SeriesProposal | None, renewed: tuple[int, ...] = ()) -> None:
        """Show a proposal; `renewed` marks the visits proposed anew after a lost race.
        Visits left out stay out when the same numbers come back."""
        self.beginResetModel()
        self.proposal = proposal
        self._visits = proposal.visits if proposal is not None else ()
        numbers = {v.number for v in self._visits}
        self.left_out &= numbers
        self.renewed = set(renewed)
        self.changed.clear()
        self.endResetModel()

    def change_time(self, row: int, offer: SlotOffer) -> None:
        """The desk chose another free time for this visit (from the nearest few)."""
        proposal, visit = self.proposal, self._visits[row]
        if proposal is None:
            return
        request = proposal.request
        same_day = offer.local_start.date() == visit.wanted_local.date()
        placement = (
            Placement.OTHER_THERAPIST
            if offer.therapist_id != request.therapist_id
            else Placement.OTHER_TIME
            if same_day
            else Placement.OTHER_DAY
        )
        if offer.start == visit.wanted_start and offer.therapist_id == request.therapist_id:
            placement = Placement.AS_WANTED
        new = replace(visit, offer=offer, placement=placement)
        self._visits = (*self._visits[:row], new, *self._visits[row + 1 :])
        self.proposal = replace(proposal, visits=self._visits)
        self.changed.add(new.number)
        self.renewed.discard(new.number)
        self.dataChanged.emit(self.index(row, 0), self.index(row, NOTE))

    def others(self, row: int) -> tuple[ProposedVisit, ...]:
        """The other visits that will be booked (for what a changed time must not meet)."""
        number = self._visits[row].number
        return tuple(
            v
            for v in self._visits
            if v.number != number and v.offer is not None and v.number not in self.left_out
        )

    def chosen(self) -> SeriesProposal | None:
        """The proposal as the desk will book it: the left-out visits taken away. The others
        keep the rule's numbers, so a lost race maps back onto the same visits."""
        if self.proposal is None:
            return None
        kept = tuple(v for v in self._visits if v.number not in self.left_out)
        return SeriesProposal(self.proposal.request, kept, moving=self.proposal.moving)

    def to_book(self) -> int:
        return sum(1 for v in self._visits if v.offer is not None and v.number not in self.left_out)

    def missing(self) -> int:
        return sum(1 for v in self._visits if v.offer is None and v.number not in self.left_out)

    def visit(self, row: int) -> ProposedVisit:
        return self._visits[row]

    def toggle(self, row: int) -> None:
        """Leave a visit out of the course, or take it back in."""
        if not self.can_leave_out or not 0 <= row < len(self._visits):
            return
        number = self._visits[row].number
        self.left_out ^= {number}
        self.dataChanged.emit(self.index(row, 0), self.index(row, NOTE))

    # --- the model ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == BOOK and self.can_leave_out:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != BOOK
            or role != Qt.ItemDataRole.CheckStateRole
            or not self.can_leave_out
        ):
            return False
        visit = self._visits[index.row()]
        keep = Qt.CheckState(value) == Qt.CheckState.Checked
        if keep == (visit.number not in self.left_out):
            return True
        self.toggle(index.row())
        return True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visits):
            return None
        visit = self._visits[index.row()]
        column = index.column()
        out = visit.number in self.left_out
        if role == VISIT_ROLE:
            return visit
        if role == Qt.ItemDataRole.CheckStateRole and column == BOOK:
            return Qt.CheckState.Unchecked if out else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(visit, column, out)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._sentence(visit, out)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._sentence(visit, out) if column == BOOK else self._text(visit, column, out)
        if role == Qt.ItemDataRole.DecorationRole and column == NOTE:
            return self._icon(visit, out)
        if role == Qt.ItemDataRole.FontRole and visit.number in self.renewed:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and visit.number in self.renewed:
            return self._renewed_brush
        if role == Qt.ItemDataRole.ForegroundRole and out:
            return QBrush(QColor("#7b8794"))
        return None

    # --- words ------------------------------------------------------------------------

    def _text(self, visit: ProposedVisit, column: int, out: bool) -> str:
        offer = visit.offer
        local = offer.local_start if offer is not None else visit.wanted_local
        if column == BOOK:
            return ""
        if column == NUMBER:
            return str(visit.number)
        if column == DAY:
            return when.short_day(local, localized=True)
        if column == TIME:
            return when.time_of_day(local, localized=True) if offer is not None else "—"
        if column == THERAPIST:
            return offer.therapist_name if offer is not None else "—"
        return self.note(visit, out)

    def note(self, visit: ProposedVisit, out: bool = False) -> str:
        """The note column: left out, new after a lost race, moved or missing, and why (the
        icon beside it marks the moved and missing ones)."""
        if out:
            return translate("ProposalModel", "Left out of the course")
        why = self.why(visit)
        if visit.number in self.changed and visit.offer is not None:
            local = visit.offer.local_start
            return translate("ProposalModel", "Changed here to {day} {time}").format(
                day=_weekday(local), time=when.time_of_day(local, localized=True)
            )
        if visit.number in self.renewed:
            return translate("ProposalModel", "New time — ") + (
                why or translate("ProposalModel", "free as wanted")
            )
        return why

    def why(self, visit: ProposedVisit) -> str:
        """ProposedVisit.why() in the desk's own clock: "holiday: Wed 9:00 AM instead"."""
        if visit.placement is Placement.AS_WANTED or visit.obstacle is None:
            return ""
        words = {
            Obstacle.HOLIDAY: translate("ProposalModel", "holiday"),
            Obstacle.THERAPIST_AWAY: translate("ProposalModel", "therapist away"),
            Obstacle.TAKEN: translate("ProposalModel", "taken"),
            Obstacle.PATIENT_BUSY: translate("ProposalModel", "patient has another visit"),
            Obstacle.PAST: translate("ProposalModel", "already past"),
            Obstacle.OUTSIDE_HOURS: translate("ProposalModel", "outside working hours"),
        }
        reason, offer = words[visit.obstacle], visit.offer
        if offer is None:
            return reason + translate("ProposalModel", ": no free time that week")
        local = offer.local_start
        if visit.placement is Placement.OTHER_TIME:
            instead = when.time_of_day(local, localized=True)
        elif visit.placement is Placement.OTHER_DAY:
            instead = f"{_weekday(local)} {when.time_of_day(local, localized=True)}"
        else:
            instead = offer.therapist_name
        return reason + translate("ProposalModel", ": {instead} instead").format(instead=instead)

    def _sentence(self, visit: ProposedVisit, out: bool) -> str:
        wanted = visit.wanted_local
        text = translate("ProposalModel", "Visit {n}, wanted {day} at {time}").format(
            n=visit.number,
            day=when.short_day(wanted, localized=True),
            time=when.time_of_day(wanted, localized=True),
        )
        note = self.note(visit, out)
        return f"{text}. {note}" if note else text

    def _icon(self, visit: ProposedVisit, out: bool) -> Any:
        if out:
            return None
        pixmap = None
        if visit.offer is None:
            pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical
        elif (
            visit.number in self.renewed | self.changed
            or visit.placement is not Placement.AS_WANTED
        ):
            pixmap = QStyle.StandardPixmap.SP_MessageBoxWarning
        if pixmap is None:
            return None
        return QApplication.style().standardIcon(pixmap)


def _weekday(moment: dt.datetime) -> str:
    """Wed (mié): the interface language's short day name."""
    return QLocale().dayName(moment.isoweekday(), QLocale.FormatType.ShortFormat)
