"""Every open waitlist entry, most urgent first: Enter changes one, Del takes it off the list
with a reason. Shown beside the schedule (Ctrl+Shift+W); its database calls go through
`UiContext.run`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.domain.booking import WaitlistEntryInfo, WaitlistLine
from intake.domain.errors import Invalid, StaleRecord
from intake.services import practice_admin, staffing, waitlist
from intake.services.actor import Actor
from intake.services.database import Database
from intake.ui import keys
from intake.ui.context import UiContext
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.status_line import say
from intake.ui.waitlist.entry_form import WaitlistEntryForm, edit_waitlist_entry
from intake.ui.waitlist.list_model import WaitlistModel
from intake.ui.words import said
from intake.ui.worker import failure_text

# Offered in the staff's language; what is chosen or typed is stored as it reads.
REMOVE_REASONS = (
    QT_TRANSLATE_NOOP("Waitlist", "Booked elsewhere"),
    QT_TRANSLATE_NOOP("Waitlist", "No longer needs a visit"),
    QT_TRANSLATE_NOOP("Waitlist", "Could not be reached"),
    QT_TRANSLATE_NOOP("Waitlist", "Asked to come off the list"),
)


@dataclass(frozen=True)
class _Loaded:
    lines: list[WaitlistLine]
    locations: dict[int, str]
    therapists: dict[int, str]


def _load(database: Database, actor: Actor) -> _Loaded:
    return _Loaded(
        waitlist.listed(database, actor),
        {p.id: p.name for p in practice_admin.list_locations(database, actor)},
        {t.id: t.display_name for t in staffing.list_therapists(database, actor)},
    )


class _EntryList(QListView):
    entered = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
        elif event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class WaitlistView(QWidget):
    """The whole waitlist. `list_did_load(count)`, `entry_did_change(entry_id)`."""

    dismissed = Signal()  # Esc: back to the schedule's side panel
    list_did_load = Signal(int)
    entry_did_change = Signal(int)
    action_did_fail = Signal(str)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitlistView")
        self.ctx = context
        self.form: WaitlistEntryForm | None = None  # the open edit form, if any
        self._busy = False  # a removal is under way
        self.title = QLabel(translate("Waitlist", "Waitlist"))
        self.title.setObjectName("scheduleSideTitle")
        self.title.setWordWrap(True)
        self.what = QLabel(translate("Waitlist", "Loading…"))
        self.what.setWordWrap(True)
        self.what.setObjectName("waitlistStatus")
        self.what.setAccessibleName(translate("Waitlist", "Waitlist status"))
        self.model = WaitlistModel(self)
        self.list = _EntryList()
        self.list.setObjectName("waitlistEntries")
        self.list.setAccessibleName(translate("Waitlist", "Waiting patients, most urgent first"))
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.entered.connect(self.edit_current)
        self.list.delete_pressed.connect(self.ask_remove)
        self.list.doubleClicked.connect(lambda _index: self.edit_current())
        self.edit_button = QPushButton(translate("Waitlist", "Change…") + " (Enter)")
        self.edit_button.setAccessibleName(translate("Waitlist", "Change the chosen entry"))
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button = QPushButton(translate("Waitlist", "Remove…") + " (Del)")
        self.remove_button.setAccessibleName(
            translate("Waitlist", "Remove the chosen entry from the waitlist")
        )
        self.remove_button.clicked.connect(self.ask_remove)
        self.close_button = QPushButton(translate("Waitlist", "Done") + " (Esc)")
        self.close_button.setAccessibleName(translate("Waitlist", "Close the waitlist"))
        self.close_button.clicked.connect(self.dismissed.emit)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems([translate("Waitlist", reason) for reason in REMOVE_REASONS])
        self.reason.setObjectName("waitlistRemoveReason")
        self.reason.setAccessibleName(translate("Waitlist", "Why the patient leaves the waitlist"))
        self.reason_error = QLabel()
        self.reason_error.setObjectName("fieldError")
        self.reason_error.setWordWrap(True)
        self.reason_error.hide()
        self.confirm_button = QPushButton(
            translate("Waitlist", "Remove from the waitlist") + " (Enter)"
        )
        self.confirm_button.setAccessibleName(translate("Waitlist", "Remove from the waitlist"))
        self.confirm_button.clicked.connect(self.remove_current)
        self.keep_button = QPushButton(translate("Waitlist", "Keep on the list") + " (Esc)")
        self.keep_button.setAccessibleName(translate("Waitlist", "Keep on the waitlist"))
        self.keep_button.clicked.connect(self.keep)
        keys.enter_confirms(self.reason, self.remove_current)
        self.removing = QWidget()
        self.removing.setObjectName("waitlistRemoving")
        self.removing_what = QLabel()
        self.removing_what.setWordWrap(True)
        removing = QVBoxLayout(self.removing)
        removing.setContentsMargins(0, 0, 0, 0)
        reason_label = QLabel(translate("Waitlist", "&Reason"))
        reason_label.setBuddy(self.reason)
        for widget in (
            self.removing_what,
            reason_label,
            self.reason,
            self.reason_error,
            self.confirm_button,
            self.keep_button,
        ):
            removing.addWidget(widget)
        self.removing.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.what)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.removing)
        layout.addWidget(self.edit_button)
        layout.addWidget(self.remove_button)
        layout.addWidget(self.close_button)

    # --- the public face -----------------------------------------------------------------

    def reload(self, keep: int | None = None, said: tuple[str, str] | None = None) -> None:
        """Load the list again; `keep` is the entry to leave chosen (else the current one),
        `said` the (tone, text) the status line says then (else how to use the list)."""
        current = self.current()
        wanted = keep if keep is not None else (current.entry.id if current else None)
        self.ctx.run(
            _load,
            lambda loaded: self._loaded(loaded, wanted, said),
            self._failed(translate("Waitlist", "load the waitlist")),
            owner=self,
        )

    def current(self) -> WaitlistLine | None:
        return self.model.line(self.list.currentIndex())

    def edit_current(self) -> None:
        line = self.current()
        if line is None:
            return
        self.form = edit_waitlist_entry(
            self,
            self.ctx,
            line,
            on_done=lambda info: self._changed(info, translate("Waitlist", "Saved the changes")),
        )
        self.form.finished.connect(lambda _result: self.list.setFocus())

    def ask_remove(self) -> None:
        line = self.current()
        if line is None:
            return
        self.removing_what.setText(
            translate(
                "Waitlist",
                "Take {name} (no. {number}) off the waitlist? Say why; the reason stays with "
                "the entry.",
            ).format(name=line.patient_name, number=line.record_number)
        )
        self.reason_error.hide()
        self.reason.setCurrentIndex(0)
        self.removing.show()
        self.edit_button.hide()
        self.remove_button.hide()
        self.reason.setFocus()
        reason_line = self.reason.lineEdit()
        assert reason_line is not None
        reason_line.selectAll()

    def keep(self) -> None:
        self.removing.hide()
        self.edit_button.show()
        self.remove_button.show()
        self.list.setFocus()

    def remove_current(self) -> None:
        line = self.current()
        if line is None:
            return
        reason = self.reason.currentText().strip()
        if not reason:
            self._reason_problem(translate("Waitlist", "Say why the patient leaves the waitlist."))
            return
        entry = line.entry
        # One removal at a time: an editable box's Enter reaches us twice (the line edit
        # and the box), and a second call would only meet its own change as a conflict.
        if self._busy:
            return
        self._busy = True

        def failed(error: BaseException) -> None:
            self._busy = False
            if isinstance(error, Invalid) and "reason" in error.problems:
                self._reason_problem(said(error.problems["reason"]))
                return
            self._failed(translate("Waitlist", "remove {name}").format(name=line.patient_name))(
                error
            )

        self.ctx.run(
            lambda db, actor: waitlist.remove(db, actor, entry.id, entry.version, reason),
            lambda info: self._removed(info, line),
            failed,
            owner=self,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            # Esc first leaves the removal question, then the waitlist.
            self.keep() if self.removing.isVisible() else self.dismissed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- answers -------------------------------------------------------------------------

    def _loaded(self, loaded: _Loaded, keep: int | None, said: tuple[str, str] | None) -> None:
        self.model.set_names(loaded.locations, loaded.therapists)
        self.model.set_lines(loaded.lines)
        count = len(loaded.lines)
        self.title.setText(
            translate("Waitlist", "Waitlist · waiting: {count}").format(count=count)
            if count
            else translate("Waitlist", "Waitlist")
        )
        if said:
            self._say(*said)
        elif count:
            self._say(
                "info",
                translate(
                    "Waitlist", "Most urgent first. Enter changes the entry, Del removes it."
                ),
            )
        else:
            self._say("info", translate("Waitlist", "Nobody is on the waitlist."))
        row = self.model.row_of(keep) if keep is not None else -1
        if count:
            self.list.setCurrentIndex(self.model.index(max(row, 0)))
        self.edit_button.setEnabled(bool(count))
        self.remove_button.setEnabled(bool(count))
        self.list_did_load.emit(count)

    def _changed(self, info: WaitlistEntryInfo, words: str) -> None:
        self.entry_did_change.emit(info.id)
        self.reload(keep=info.id, said=("done", f"{words}."))

    def _removed(self, info: WaitlistEntryInfo, line: WaitlistLine) -> None:
        self._busy = False
        self.keep()
        row = self.model.row_of(info.id)
        following = self.model.lines()[row + 1] if 0 <= row < self.model.rowCount() - 1 else None
        self.reload(
            keep=following.entry.id if following else None,
            said=(
                "done",
                translate("Waitlist", "Removed {name} from the waitlist ({reason}).").format(
                    name=line.patient_name, reason=info.removed_reason
                ),
            ),
        )
        self.entry_did_change.emit(info.id)

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        def show(error: BaseException) -> None:
            text = translate("Waitlist", "Could not {what}: {why}").format(
                what=what, why=failure_text(error)
            )
            self._say("error", text)
            if isinstance(error, StaleRecord):  # shown again as it is now, the words kept
                self.keep()
                self.reload(said=("error", text))
            self.action_did_fail.emit(text)

        return show

    def _reason_problem(self, text: str) -> None:
        self.reason_error.setText(text)
        self.reason_error.show()
        self.reason.setFocus()

    def _say(self, tone: str, text: str) -> None:
        say(self.what, tone, text)
