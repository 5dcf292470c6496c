"""A patient's details as form fields with the message beside each: one set of widgets for
registering a patient and for editing the record, so both check and say things the same way.

The checks are domain.patient's (check_patient, phone_notes) plus how a typed date of birth
reads; a field shows its message once a person has left it (or tried to save), and keeps
what was typed. Enter moves to the next field, as everywhere in the program.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from intake.domain.languages import OWN_NAMES, Language
from intake.domain.patient import (
    DESK_NOTE_LENGTH,
    PatientDraft,
    check_patient,
    phone_notes,
)
from intake.domain.practice import LocationInfo
from intake.domain.search_query import read_date
from intake.services import practice_admin
from intake.ui import when
from intake.ui.context import UiContext
from intake.ui.guard import while_alive
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.words import problems_of
from intake.ui.worker import in_words

# Each language in its own words (intake.domain.languages), so the patient can point at it.
LANGUAGES = tuple((language.value, name) for language, name in OWN_NAMES.items())
SEXES = (
    ("", QT_TRANSLATE_NOOP("PatientFields", "Choose…")),
    ("female", QT_TRANSLATE_NOOP("PatientFields", "Female")),
    ("male", QT_TRANSLATE_NOOP("PatientFields", "Male")),
    ("other", QT_TRANSLATE_NOOP("PatientFields", "Other")),
)
# (field, label, placeholder); order is the tab order. Translated where shown.
TEXT_FIELDS = (
    (
        "family_name",
        QT_TRANSLATE_NOOP("PatientFields", "Family name *"),
        QT_TRANSLATE_NOOP("PatientFields", "Testcase  (or paste 'Testcase, Zoë')"),
    ),
    (
        "given_name",
        QT_TRANSLATE_NOOP("PatientFields", "Given name *"),
        QT_TRANSLATE_NOOP("PatientFields", "Zoë  (or paste the full name)"),
    ),
    ("preferred_name", QT_TRANSLATE_NOOP("PatientFields", "Preferred name"), ""),
    (
        "date_of_birth",
        QT_TRANSLATE_NOOP("PatientFields", "Date of birth *"),
        QT_TRANSLATE_NOOP("PatientFields", "1980-03-07, 7.3.1980 or 19800307"),
    ),
)
CONTACT_FIELDS = (
    (
        "phone",
        QT_TRANSLATE_NOOP("PatientFields", "Phone"),
        QT_TRANSLATE_NOOP("PatientFields", "(212) 555-0101"),
    ),
    (
        "email",
        QT_TRANSLATE_NOOP("PatientFields", "E-mail"),
        QT_TRANSLATE_NOOP("PatientFields", "name@example.org"),
    ),
    ("address_line", QT_TRANSLATE_NOOP("PatientFields", "Address"), ""),
    ("city", QT_TRANSLATE_NOOP("PatientFields", "City"), ""),
    ("postal_code", QT_TRANSLATE_NOOP("PatientFields", "Postal code"), ""),
)
OTHER_FIELDS = (
    (
        "emergency_contact_name",
        QT_TRANSLATE_NOOP("PatientFields", "Emergency contact"),
        QT_TRANSLATE_NOOP("PatientFields", "Name"),
    ),
    ("emergency_contact_phone", QT_TRANSLATE_NOOP("PatientFields", "Emergency phone"), ""),
    (
        "payer",
        QT_TRANSLATE_NOOP("PatientFields", "Payer"),
        QT_TRANSLATE_NOOP("PatientFields", "Insurance or self-pay"),
    ),
    ("member_id", QT_TRANSLATE_NOOP("PatientFields", "Member ID"), ""),
)
# A form section: heading, text fields as above, then (field, label, choices) combo boxes.
_Section = tuple[
    str, tuple[tuple[str, str, str], ...], list[tuple[str, str, tuple[tuple[str, str], ...]]]
]
SECTIONS: tuple[_Section, ...] = (
    (
        QT_TRANSLATE_NOOP("PatientFields", "Patient"),
        TEXT_FIELDS,
        [("sex", QT_TRANSLATE_NOOP("PatientFields", "Sex *"), SEXES)],
    ),
    (QT_TRANSLATE_NOOP("PatientFields", "Contact"), CONTACT_FIELDS, []),
    (
        QT_TRANSLATE_NOOP("PatientFields", "Preferences"),
        (),
        [("preferred_location_id", QT_TRANSLATE_NOOP("PatientFields", "Preferred location"), ())],
    ),
    (
        "",
        (),
        [
            (
                "preferred_language",
                QT_TRANSLATE_NOOP("PatientFields", "Preferred language"),
                LANGUAGES,
            )
        ],
    ),
    (QT_TRANSLATE_NOOP("PatientFields", "Emergency contact and payer"), OTHER_FIELDS, []),
)
REQUIRED = ("family_name", "given_name", "date_of_birth", "sex")
# Each field's label as written in the code (English, with its "*"); field_label says it.
SOURCES = {name: label for _h, texts, _c in SECTIONS for name, label, _p in texts}
SOURCES |= {name: label for _h, _t, combos in SECTIONS for name, label, _c in combos}
SOURCES["desk_note"] = QT_TRANSLATE_NOOP("PatientFields", "Note for the desk")
LABELS = {name: label.rstrip(" *") for name, label in SOURCES.items()}  # English
NOTE_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "PatientFields", "What the desk should know before the patient arrives (access, a guardian…)"
)


def field_label(name: str) -> str:
    """A field's name in the staff's language, without the required mark ("Apellido")."""
    source = SOURCES.get(name)
    return translate("PatientFields", source).rstrip(" *") if source else name


class PatientFields(QWidget):
    """The fields; `note=True` adds the note for the desk (the record has it)."""

    field_was_edited = Signal(str)  # typed into
    field_was_finished = Signal(str)  # left, or a choice made
    fields_did_change = Signal()  # a person changed something (never the program)

    def __init__(
        self,
        context: UiContext,
        *,
        today: dt.date,
        note: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.quiet = False  # set while the program fills the fields
        self._location_wanted: int | None = None  # chosen before the locations arrived
        self.touched: set[str] = set()
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.note: QPlainTextEdit | None = None
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        row = 0
        for heading, texts, combos in SECTIONS:
            if heading:
                row = _heading(grid, row, translate("PatientFields", heading))
            for name, label, placeholder in texts:
                label, shown = translate("PatientFields", label), ""
                if placeholder:
                    shown = translate("PatientFields", placeholder)
                row = self._add(grid, row, name, label, _line(name, label, shown))
            for name, label, choices in combos:
                label = translate("PatientFields", label)
                # Each language stays in its own name (the patient points at theirs).
                own = name == "preferred_language"
                row = self._add(grid, row, name, label, _combo(label, choices, translated=not own))
        if note:
            row = _heading(grid, row, field_label("desk_note"))
            self.note = _note_box()
            row = self._add_note(grid, row, self.note)
        self._load_locations(context)

    # --- reading ------------------------------------------------------------------------

    def text(self, name: str) -> str:
        if name == "desk_note":
            return self.note.toPlainText() if self.note is not None else ""
        widget = self.inputs[name]
        return widget.text() if isinstance(widget, QLineEdit) else str(widget.currentData() or "")

    def values(self) -> dict[str, str]:
        """The form as typed: field -> text (a choice as its stored value)."""
        found = {name: self.text(name) for name in self.inputs}
        if self.note is not None:
            found["desk_note"] = self.text("desk_note")
        return found

    def draft(self) -> PatientDraft:
        """The form as a draft (the date of birth None when it cannot be read)."""
        values = {name: self.text(name) for name in self.inputs}
        born = read_date(values.pop("date_of_birth"), self._today)
        location = self.inputs["preferred_location_id"]
        assert isinstance(location, QComboBox)
        values.pop("preferred_location_id")
        return PatientDraft(
            **values,
            date_of_birth=born[0] if len(born) == 1 else None,
            preferred_location_id=location.currentData(),
            desk_note=self.text("desk_note"),
        )

    def problems(self) -> dict[str, str]:
        """Field -> message for everything that stops the form being saved now."""
        found = problems_of(check_patient(self.draft(), self._today))
        typed = self.text("date_of_birth").strip()
        readings = read_date(typed, self._today)
        if typed and not readings:
            found["date_of_birth"] = translate(
                "PatientFields", "Type the date as 1980-03-07, 7.3.1980 or 19800307."
            )
        elif len(readings) > 1:
            a, b = readings[:2]
            found["date_of_birth"] = translate(
                "PatientFields", "Is that {first} or {second}? Type it as {typed} to be sure."
            ).format(
                first=QLocale().toString(QDate(a.year, a.month, a.day), "d MMMM yyyy"),
                second=QLocale().toString(QDate(b.year, b.month, b.day), "d MMMM yyyy"),
                typed=f"{a:%Y-%m-%d}",
            )
        return found

    def blank(self) -> bool:
        return all(
            not w.text() if isinstance(w, QLineEdit) else w.currentIndex() <= 0
            for w in self.inputs.values()
        ) and not self.text("desk_note")

    def widgets(self) -> list[QWidget]:
        """Every input in tab order."""
        found: list[QWidget] = list(self.inputs.values())
        if self.note is not None:
            found.append(self.note)
        return found

    def widget(self, name: str) -> QWidget:
        return self.note if name == "desk_note" and self.note is not None else self.inputs[name]

    # --- showing ------------------------------------------------------------------------

    def show_problems(self, problems: dict[str, str]) -> None:
        """Messages beside the fields a person has left; advice (a phone number with no area
        code) where there is no problem."""
        notes = problems_of(phone_notes(self.draft()))
        for name, label in self.errors.items():
            message = problems.get(name, "") if name in self.touched else ""
            note = notes.get(name, "") if name in self.touched and not message else ""
            label.setText(f"⚠ {message}" if message else f"ⓘ {note}" if note else "")
            label.setVisible(bool(message or note))
            label.setProperty("tone", "note" if note else "")
            label.style().polish(label)
            widget = self.widget(name)
            widget.setProperty("invalid", bool(message))
            widget.style().polish(widget)

    def check_now(self) -> dict[str, str]:
        """Every field counts as left (a save was tried): show and return the problems."""
        self.touched.update(self.errors)
        problems = self.problems()
        self.show_problems(problems)
        return problems

    def focus_first(self, problems: dict[str, str]) -> None:
        for name in self.errors:
            if name in problems:
                self.widget(name).setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # --- filling ------------------------------------------------------------------------

    @contextmanager
    def filling(self) -> Iterator[None]:
        """The program fills the fields: no change is reported as a person's."""
        was, self.quiet = self.quiet, True
        try:
            yield
        finally:
            self.quiet = was

    def set_text(self, name: str, text: str) -> None:
        with self.filling():
            if name == "desk_note" and self.note is not None:
                self.note.setPlainText(text)
                return
            widget = self.inputs.get(name)
            if isinstance(widget, QLineEdit):
                widget.setText(text)
            elif isinstance(widget, QComboBox):
                self.choose(name, text)

    def put(self, draft: PatientDraft) -> None:
        """Show a stored record (nothing touched yet, no messages)."""
        for name in self.values():
            self.set_text(name, _as_text(name, getattr(draft, name)))
        self.touched.clear()
        self.show_problems({})

    def choose(self, name: str, text: str) -> None:
        """Select the choice stored as `text` (a location may arrive later)."""
        combo = self.inputs[name]
        assert isinstance(combo, QComboBox)
        wanted: object = text
        if name == "preferred_location_id":
            wanted = int(text) if text.isdigit() else None
            self._location_wanted = wanted
        index = combo.findData(wanted)
        if index >= 0:
            with self.filling():
                combo.setCurrentIndex(index)
            if name == "preferred_location_id":
                self._location_wanted = None

    def clear(self) -> None:
        with self.filling():
            for widget in self.inputs.values():
                if isinstance(widget, QLineEdit):
                    widget.clear()
                else:
                    widget.setCurrentIndex(0)
            if self.note is not None:
                self.note.clear()
        self.touched.clear()
        self.show_problems({})

    # --- building -----------------------------------------------------------------------

    def _add(
        self, grid: QGridLayout, row: int, name: str, label: str, widget: QLineEdit | QComboBox
    ) -> int:
        widget.setObjectName(name)
        self.inputs[name] = widget
        widget.installEventFilter(self)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _t, n=name: self.field_was_edited.emit(n))
            widget.editingFinished.connect(lambda n=name: self._finished(n))
            widget.textChanged.connect(self._changed)
        else:
            widget.currentIndexChanged.connect(lambda _i, n=name: self._finished(n))
            widget.currentIndexChanged.connect(self._changed)
        return self._place(grid, row, name, label, widget)

    def _add_note(self, grid: QGridLayout, row: int, note: QPlainTextEdit) -> int:
        note.textChanged.connect(self._changed)
        note.textChanged.connect(self._note_edited)
        note.installEventFilter(self)
        return self._place(grid, row, "desk_note", field_label("desk_note"), note)

    def _place(self, grid: QGridLayout, row: int, name: str, label: str, widget: QWidget) -> int:
        caption = QLabel(label)
        caption.setBuddy(widget)
        caption.setObjectName("fieldLabel")
        error = QLabel("")
        error.setObjectName("fieldError")
        error.setAccessibleName(
            translate("PatientFields", "{field} problem").format(field=label.rstrip(" *"))
        )
        error.setWordWrap(True)
        error.hide()
        align = Qt.AlignmentFlag.AlignRight | (
            Qt.AlignmentFlag.AlignTop
            if isinstance(widget, QPlainTextEdit)
            else Qt.AlignmentFlag.AlignVCenter
        )
        grid.addWidget(caption, row, 0, align)
        grid.addWidget(widget, row, 1)
        grid.addWidget(error, row + 1, 1)
        self.errors[name] = error
        return row + 2

    def _load_locations(self, context: UiContext) -> None:
        combo = self.inputs["preferred_location_id"]
        assert isinstance(combo, QComboBox)
        combo.addItem(translate("PatientFields", "No preference"), None)

        def arrived(found: list[LocationInfo]) -> None:
            with self.filling():  # adding choices is not typing
                for location in found:
                    combo.addItem(location.name, location.id)
            if self._location_wanted is not None:
                self.choose("preferred_location_id", str(self._location_wanted))

        def failed(message: str) -> None:
            self.errors["preferred_location_id"].setText(f"⚠ {message}")
            self.errors["preferred_location_id"].show()

        context.run(
            lambda db, actor: practice_admin.list_locations(db, actor),
            while_alive(self, arrived),
            in_words(while_alive(self, failed)),
        )

    # --- reacting to typing ---------------------------------------------------------------

    def _changed(self) -> None:
        if not self.quiet:
            self.fields_did_change.emit()

    def _finished(self, name: str) -> None:
        if self.quiet:
            return
        self.touched.add(name)
        self.field_was_finished.emit(name)

    def _note_edited(self) -> None:
        if not self.quiet:
            self.touched.add("desk_note")  # a note's length shows as it is typed
            self.field_was_edited.emit("desk_note")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, QLineEdit | QComboBox)  # the note takes its own lines
        ):
            if isinstance(watched, QComboBox) and watched.view().isVisible():
                return False
            self.focusNextChild()  # Enter moves on
            if isinstance(watched, QLineEdit):
                watched.editingFinished.emit()
            return True
        return super().eventFilter(watched, event)


def _as_text(name: str, value: object) -> str:
    if value is None:
        return ""
    if name == "date_of_birth" and isinstance(value, dt.date):
        return when.typed_date(value)
    return str(value)


def _heading(grid: QGridLayout, row: int, text: str) -> int:
    title = QLabel(text)
    title.setObjectName("sectionTitle")
    grid.addWidget(title, row, 0, 1, 2)
    return row + 1


def _line(name: str, label: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(label.rstrip(" *"))
    edit.setPlaceholderText(placeholder)
    return edit


def _combo(
    label: str, choices: tuple[tuple[str, str], ...], *, translated: bool = True
) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(label.rstrip(" *"))
    for value, text in choices:
        # "Other" is the one language said in the staff's language (intake.domain.languages).
        shown = translated or value == Language.OTHER.value
        combo.addItem(translate("PatientFields", text) if shown else text, value)
    return combo


def _note_box() -> QPlainTextEdit:
    note = QPlainTextEdit()
    note.setObjectName("desk_note")
    note.setAccessibleName(field_label("desk_note"))
    note.setPlaceholderText(translate("PatientFields", NOTE_PLACEHOLDER))
    note.setTabChangesFocus(True)  # Tab leaves the note, as it leaves every field
    note.setFixedHeight(72)
    note.setToolTip(
        translate("PatientFields", "At most {count} characters; Enter starts a new line.").format(
            count=DESK_NOTE_LENGTH
        )
    )
    return note
