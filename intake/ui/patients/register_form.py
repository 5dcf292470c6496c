"""Registering a patient: a form with messages beside each field and a live duplicate check.

Nothing typed is ever thrown away: a field that cannot be accepted keeps its text and shows
why beside it. While the form is typed, likely matches already on file appear on the right
with "Use this patient"; saving while a likely match is shown asks for a confirmation in a
bar inside the window (no dialog).

Every change goes to the local journal as it is typed (a registration entry, journal.py's
bound and format), so a crash loses nothing; the next start offers it back ("Restore the
unfinished registration"), and the entry goes once the patient is registered.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from intake.domain.duplicates import MAX_SCORE, Likeness
from intake.domain.errors import Invalid
from intake.domain.patient import PatientDraft, PatientInfo
from intake.services import patients
from intake.services.patients import DuplicateCandidate
from intake.ui import keys, when
from intake.ui.context import UiContext
from intake.ui.guard import while_alive
from intake.ui.i18n import translate
from intake.ui.journal import REGISTRATION, Journal, RegistrationEntry, new_key
from intake.ui.patients.merge_dialog import can_merge, open_merge
from intake.ui.patients.patient_fields import REQUIRED, PatientFields
from intake.ui.words import problems_of
from intake.ui.worker import failure_text, in_words

if TYPE_CHECKING:
    from intake.services.actor import Actor
    from intake.services.database import Database

DUPLICATE_DELAY_MS = 300
DUPLICATE_FIELDS = ("family_name", "given_name", "date_of_birth", "sex", "phone", "email")


@dataclass(frozen=True)
class _Outcome:
    """What a save attempt came back with: a new record, or matches to confirm first."""

    registered: PatientInfo | None
    likely: tuple[DuplicateCandidate, ...] = ()


class PatientRegisterForm(QWidget):
    patient_was_registered = Signal(int)
    existing_patient_was_chosen = Signal(int)  # "Use this patient"
    duplicates_did_arrive = Signal(int)  # candidates shown for the newest check
    registration_did_fail = Signal(str)

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        duplicate_delay_ms: int = DUPLICATE_DELAY_MS,
        journal: Journal | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registerForm")
        self._context = context
        self._journal = journal
        self.journal_key: str | None = None  # set while the journal holds this form
        self._today = today or dt.date.today()
        self._generation = 0
        self._confirmed_ids: frozenset[int] = frozenset()
        # The fields and their checks, shared with the record (patient_fields).
        self.field_set = PatientFields(context, today=self._today)
        self.field_set.setObjectName("registerFields")
        self.inputs = self.field_set.inputs
        self.errors = self.field_set.errors
        self.field_set.field_was_edited.connect(self._edited)
        self.field_set.field_was_finished.connect(self._finished)
        self.field_set.fields_did_change.connect(self._keep)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(duplicate_delay_ms)
        self._timer.timeout.connect(self._check_duplicates)
        self.duplicates = DuplicatePanel(merge_allowed=can_merge(context))
        self.duplicates.patient_was_chosen.connect(self.existing_patient_was_chosen)
        self.duplicates.merge_was_asked.connect(self._open_merge)
        self.confirm_bar = ConfirmBar()
        self.confirm_bar.save_anyway.clicked.connect(self._save_confirmed)
        self.confirm_bar.go_back.clicked.connect(self._cancel_confirm)
        self.status = QLabel("")
        self.status.setObjectName("formStatus")
        self.status.setAccessibleName(translate("PatientRegisterForm", "Registration status"))
        self.status.setWordWrap(True)
        self.save_button = QPushButton(translate("PatientRegisterForm", "Register patient"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setAccessibleName(translate("PatientRegisterForm", "Register patient"))
        self.save_button.setToolTip(
            translate("PatientRegisterForm", "Register the patient (Ctrl+S)")
        )
        self.save_button.clicked.connect(self.save)
        keys.means(QShortcut(QKeySequence("Ctrl+S"), self), keys.SAVE).activated.connect(self.save)
        self._build()

    # --- public -----------------------------------------------------------------------------

    def draft(self) -> PatientDraft:
        """The form as a draft (the date of birth None when it cannot be read)."""
        return self.field_set.draft()

    def problems(self) -> dict[str, str]:
        """Field -> message for everything that stops the form being saved now."""
        return self.field_set.problems()

    def save(self) -> None:
        problems = self.field_set.check_now()
        if problems:
            self.status.setText(
                translate(
                    "PatientRegisterForm",
                    "Some fields need attention: see the messages beside them.",
                )
            )
            self.field_set.focus_first(problems)
            return
        self._submit(confirmed=self._confirmed_ids)

    @property
    def unsent(self) -> bool:
        """True while something typed here is not registered (the journal keeps it)."""
        return self.journal_key is not None

    def fields(self) -> dict[str, str]:
        """The form as typed: field -> text (a choice as its stored value)."""
        return self.field_set.values()

    def restore(self, key: str, fields: dict[str, str]) -> None:
        """Put an unfinished registration back, as typed; it stays in the journal under the
        same key (nothing is written until a person changes it)."""
        for name, text in fields.items():
            if name in self.inputs:
                self.field_set.set_text(name, text)
        self.journal_key = key
        self.status.setText(
            translate(
                "PatientRegisterForm",
                "Restored from this computer: check it, then register the patient.",
            )
        )

    def start_new(self, fields: dict[str, str]) -> None:
        """A blank form for the next patient, with `fields` (what the search box held) put
        in: nothing of the patient registered before, and nothing kept in the journal until
        a person types (the search text alone is not unfinished work)."""
        with self.field_set.filling():
            self.clear()
            for name, text in fields.items():
                if isinstance(self.inputs.get(name), QLineEdit):
                    self.field_set.set_text(name, text)
        self.status.setText("")
        self.duplicates.show_candidates(())
        if fields:
            self._timer.start()  # who is on file already, for what was carried in
        first_empty = next(
            (w for n, w in self.inputs.items() if n in REQUIRED and not self._text(n)),
            self.inputs["family_name"],
        )
        first_empty.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self.field_set.clear()
        self.duplicates.show_candidates(())
        self.confirm_bar.hide()
        self._confirmed_ids = frozenset()
        self.inputs["family_name"].setFocus()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        form = self.field_set
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        left = QVBoxLayout()
        title = QLabel(translate("PatientRegisterForm", "Register a patient"))
        title.setObjectName("pageTitle")
        left.addWidget(title)
        left.addWidget(scroll, 1)
        left.addWidget(self.confirm_bar)
        left.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.duplicates, 2)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        order = [*self.inputs.values(), self.save_button]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    # --- the journal --------------------------------------------------------------------------

    def _keep(self) -> None:
        """Hand the form to the journal on every change (the writer puts it on disk)."""
        if self._journal is None or self.field_set.quiet:
            return
        if self._blank():
            self._forget()
            return
        if self.journal_key is None:
            self.journal_key = new_key()
        self._journal.keep(RegistrationEntry(self.journal_key, self.fields()))

    def _forget(self) -> None:
        if self._journal is not None and self.journal_key is not None:
            self._journal.drop(self.journal_key, REGISTRATION)
        self.journal_key = None

    def _blank(self) -> bool:
        return self.field_set.blank()

    # --- reacting to typing -----------------------------------------------------------------

    def _edited(self, name: str) -> None:
        if name in self.field_set.touched:  # once a message shows, keep it current
            self.field_set.show_problems(self.problems())
        if name in DUPLICATE_FIELDS:
            self._timer.start()

    def _finished(self, name: str) -> None:
        if name in ("family_name", "given_name"):
            self._split_pasted_name()
        self.field_set.show_problems(self.problems())
        if name in DUPLICATE_FIELDS:
            self._timer.start()

    def _split_pasted_name(self) -> None:
        """'Testcase, Zoë' in the family name or 'Zoë Ann Testcase' in the given name."""
        family, given = self.inputs["family_name"], self.inputs["given_name"]
        assert isinstance(family, QLineEdit) and isinstance(given, QLineEdit)
        if "," in family.text() and not given.text().strip():
            last, first = (p.strip() for p in family.text().split(",", 1))
            family.setText(last)
            given.setText(first)
        elif not family.text().strip() and len(given.text().split()) > 1:
            *given_names, family_name = given.text().split()
            given.setText(" ".join(given_names))
            family.setText(family_name)

    # --- duplicates -------------------------------------------------------------------------

    def _check_duplicates(self) -> None:
        self._generation += 1
        generation, draft = self._generation, self.draft()
        self._context.run(
            lambda db, actor: patients.duplicates(db, actor, draft),
            while_alive(self, lambda found: self._show_duplicates(generation, found)),
            while_alive(self, lambda e: self._duplicates_failed(generation, failure_text(e))),
        )

    def _show_duplicates(self, generation: int, found: tuple[DuplicateCandidate, ...]) -> None:
        if generation != self._generation:
            return
        self.duplicates.show_candidates(found)
        self.duplicates_did_arrive.emit(len(found))

    def _open_merge(self, surviving_id: int, merged_id: int) -> None:
        open_merge(
            self, self._context, surviving_id, merged_id, lambda _done: self._check_duplicates()
        )

    def _duplicates_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.duplicates.show_message(message)

    # --- saving -----------------------------------------------------------------------------

    def _submit(self, confirmed: frozenset[int]) -> None:
        draft, today = self.draft(), self._today
        self.save_button.setEnabled(False)
        self.status.setText(translate("PatientRegisterForm", "Saving…"))

        def work(db: Database, actor: Actor) -> _Outcome:
            likely = tuple(
                c
                for c in patients.duplicates(db, actor, draft)
                if c.likeness is Likeness.LIKELY and c.patient.id not in confirmed
            )
            if likely:
                return _Outcome(None, likely)
            return _Outcome(patients.register(db, actor, draft, today=today))

        self._context.run(
            work, while_alive(self, self._saved), in_words(while_alive(self, self._save_failed))
        )

    def _saved(self, outcome: _Outcome) -> None:
        self.save_button.setEnabled(True)
        if outcome.registered is None:
            self.duplicates.show_candidates(outcome.likely)
            self.confirm_bar.ask(outcome.likely)
            self.status.setText("")
            return
        self.confirm_bar.hide()
        self._confirmed_ids = frozenset()
        self._forget()  # stored for good: the journal's copy goes
        info = outcome.registered
        self.status.setText(
            translate("PatientRegisterForm", "Registered {name} as {record}.").format(
                name=f"{info.given_name} {info.family_name}", record=info.mrn
            )
        )
        self.patient_was_registered.emit(info.id)

    def _save_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(message)
        self.registration_did_fail.emit(message)

    def _save_confirmed(self) -> None:
        self._confirmed_ids = self._confirmed_ids | self.confirm_bar.candidate_ids
        self.confirm_bar.hide()
        self.save()

    def _cancel_confirm(self) -> None:
        self.confirm_bar.hide()
        self.status.setText(
            translate(
                "PatientRegisterForm",
                "Not saved. Choose “Use this patient” beside the form, or edit.",
            )
        )
        self.duplicates.setFocus()

    def _text(self, name: str) -> str:
        return self.field_set.text(name)

    def show_invalid(self, error: Invalid) -> None:
        self.field_set.touched.update(error.problems)
        self.field_set.show_problems(problems_of(error))


class DuplicatePanel(QFrame):
    """Likely matches already on file, each with its reasons and 'Use this patient'.

    Registering is not merging: the person typed is not a record yet. But when two or more
    records on file match, they are likely duplicates of each other, so (for those allowed to
    merge) each match after the first offers "Merge into" the first (the dialog can swap)."""

    patient_was_chosen = Signal(int)
    merge_was_asked = Signal(int, int)  # (the record that stays, the one merged into it)

    def __init__(self, parent: QWidget | None = None, *, merge_allowed: bool = False) -> None:
        super().__init__(parent)
        self._merge_allowed = merge_allowed
        self.merge_buttons: list[QPushButton] = []
        self.setObjectName("duplicatePanel")
        self.setAccessibleName(translate("DuplicatePanel", "Possible matches already on file"))
        self._layout = QVBoxLayout(self)
        title = QLabel(translate("DuplicatePanel", "Already on file?"))
        title.setObjectName("sectionTitle")
        self._layout.addWidget(title)
        self.message = QLabel(translate("DuplicatePanel", "Matches appear here while you type."))
        self.message.setObjectName("panelHint")
        self.message.setWordWrap(True)
        self._layout.addWidget(self.message)
        self._cards: list[QFrame] = []
        self.use_buttons: list[QPushButton] = []
        self._layout.addStretch(1)

    def show_candidates(self, found: tuple[DuplicateCandidate, ...]) -> None:
        for card in self._cards:
            card.deleteLater()
        self._cards, self.use_buttons, self.merge_buttons = [], [], []
        self.message.setText(
            translate("DuplicatePanel", "No one on file looks like this patient.")
            if not found
            else ""
        )
        self.message.setVisible(not found)
        for position, candidate in enumerate(found):
            card, button = self._card(candidate)
            self._cards.append(card)
            self.use_buttons.append(button)
            self._layout.insertWidget(2 + position, card)
            if self._merge_allowed and position > 0:
                self._offer_merge(card, found[0].patient, candidate.patient)

    def _offer_merge(self, card: QFrame, first: PatientInfo, this: PatientInfo) -> None:
        button = QPushButton(
            translate("DuplicatePanel", "Merge into {record}…").format(record=first.mrn)
        )
        button.setAccessibleName(
            translate("DuplicatePanel", "Merge {record} into {other}").format(
                record=this.mrn, other=first.mrn
            )
        )
        button.setToolTip(
            translate(
                "DuplicatePanel", "These two records on file look like one patient: merge them"
            )
        )
        button.clicked.connect(
            lambda _c=False, s=first.id, m=this.id: self.merge_was_asked.emit(s, m)
        )
        layout = card.layout()
        assert layout is not None
        layout.addWidget(button)
        self.merge_buttons.append(button)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _card(self, candidate: DuplicateCandidate) -> tuple[QFrame, QPushButton]:
        p = candidate.patient
        card = QFrame()
        card.setObjectName("duplicateCard")
        card.setProperty("likeness", candidate.likeness.value)
        layout = QVBoxLayout(card)
        word = (
            translate("DuplicatePanel", "⚑ Likely the same — {score} of {most} points")
            if candidate.likeness is Likeness.LIKELY
            else translate("DuplicatePanel", "⚑ Possibly the same — {score} of {most} points")
        )
        head = QLabel(word.format(score=candidate.score, most=MAX_SCORE))
        head.setObjectName("duplicateLikeness")
        name = QLabel(f"<b>{p.family_name}, {p.given_name}</b> · {p.mrn}")
        name.setTextFormat(Qt.TextFormat.RichText)
        detail = QLabel(
            translate("DuplicatePanel", "Born {date} · {phone}").format(
                date=when.date(p.date_of_birth, localized=True) if p.date_of_birth else "?",
                phone=p.phone or translate("DuplicatePanel", "no phone"),
            )
        )
        reasons = QLabel(candidate.reasons[:1].upper() + candidate.reasons[1:])
        reasons.setObjectName("duplicateReasons")
        reasons.setWordWrap(True)
        button = QPushButton(translate("DuplicatePanel", "Use this patient"))
        button.setAccessibleName(
            translate("DuplicatePanel", "Use this patient: {record}").format(record=p.mrn)
        )
        button.clicked.connect(lambda _c=False, pid=p.id: self.patient_was_chosen.emit(pid))
        for widget in (head, name, detail, reasons):
            layout.addWidget(widget)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return card, button


class ConfirmBar(QFrame):
    """'This looks like a patient on file. Register anyway?' inside the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmBar")
        self.setAccessibleName(translate("ConfirmBar", "Confirm registration"))
        self.candidate_ids: frozenset[int] = frozenset()
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.save_anyway = QPushButton(translate("ConfirmBar", "Register as a new patient"))
        self.save_anyway.setAccessibleName(
            translate("ConfirmBar", "Register as a new patient anyway")
        )
        self.go_back = QPushButton(translate("ConfirmBar", "Go back"))
        self.go_back.setAccessibleName(translate("ConfirmBar", "Do not register"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.go_back)
        layout.addWidget(self.save_anyway)
        self.hide()

    def ask(self, likely: tuple[DuplicateCandidate, ...]) -> None:
        self.candidate_ids = frozenset(c.patient.id for c in likely)
        first = likely[0].patient
        others = (
            translate("ConfirmBar", " and {count} more").format(count=len(likely) - 1)
            if len(likely) > 1
            else ""
        )
        self.text.setText(
            translate(
                "ConfirmBar",
                "⚠ This looks like {name} ({record}){others}, already on file. "
                "Is this really a new patient?",
            ).format(
                name=f"{first.given_name} {first.family_name}", record=first.mrn, others=others
            )
        )
        self.show()
        self.go_back.setFocus()
