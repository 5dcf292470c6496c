"""Merging two records of one patient: the two side by side, a choice per differing field,
what moves and what blocks it; "Merge" after a confirmation; undo offered after.

Entry points: `open_merge` (the record screen's "Merge into…", the duplicate check's
matches). Whichever record is not given is picked with a patient search inside the dialog.
Everything runs through intake.services.patient_merge (admins: Permission.MERGE_PATIENTS).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from intake.domain.errors import StaleRecord
from intake.domain.languages import Language, own_name
from intake.domain.merge import MergeDone, MergePreview, MergeRefused, Side, UndoDone, moving_words
from intake.domain.patient import PatientInfo
from intake.domain.permissions import Permission, allows
from intake.services import patient_merge, practice_admin
from intake.ui import when
from intake.ui.context import UiContext
from intake.ui.i18n import QT_TRANSLATE_NOOP, translate
from intake.ui.patients.search_widget import PatientSearchWidget
from intake.ui.words import said
from intake.ui.worker import failure_text

LABELS = {
    "family_name": QT_TRANSLATE_NOOP("MergeDialog", "Family name"),
    "given_name": QT_TRANSLATE_NOOP("MergeDialog", "Given name"),
    "date_of_birth": QT_TRANSLATE_NOOP("MergeDialog", "Date of birth"),
    "sex": QT_TRANSLATE_NOOP("MergeDialog", "Sex"),
    "phone": QT_TRANSLATE_NOOP("MergeDialog", "Phone"),
    "email": QT_TRANSLATE_NOOP("MergeDialog", "E-mail"),
    "preferred_name": QT_TRANSLATE_NOOP("MergeDialog", "Preferred name"),
    "address_line": QT_TRANSLATE_NOOP("MergeDialog", "Address"),
    "city": QT_TRANSLATE_NOOP("MergeDialog", "City"),
    "postal_code": QT_TRANSLATE_NOOP("MergeDialog", "Postal code"),
    "preferred_language": QT_TRANSLATE_NOOP("MergeDialog", "Preferred language"),
    "emergency_contact_name": QT_TRANSLATE_NOOP("MergeDialog", "Emergency contact"),
    "emergency_contact_phone": QT_TRANSLATE_NOOP("MergeDialog", "Emergency contact phone"),
    "payer": QT_TRANSLATE_NOOP("MergeDialog", "Payer"),
    "member_id": QT_TRANSLATE_NOOP("MergeDialog", "Member ID"),
    "referral_source": QT_TRANSLATE_NOOP("MergeDialog", "Referral source"),
    "referring_provider": QT_TRANSLATE_NOOP("MergeDialog", "Referring provider"),
    "preferred_location_id": QT_TRANSLATE_NOOP("MergeDialog", "Preferred location"),
}


def can_merge(context: UiContext) -> bool:
    """Whether to offer "Merge…" at all (the service checks again)."""
    return allows(context.actor.role, Permission.MERGE_PATIENTS)


def open_merge(
    parent: QWidget | None,
    context: UiContext,
    surviving_id: int | None,
    merged_id: int | None,
    on_done: Callable[[MergeDone | UndoDone], None] | None = None,
) -> MergeDialog:
    """Open the merge dialog (window-modal). `on_done` hears of a merge and of its undo."""
    dialog = MergeDialog(context, surviving_id, merged_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_done is not None:
        dialog.merge_did_finish.connect(on_done)
        dialog.merge_was_undone.connect(on_done)
    dialog.open()
    return dialog


class MergeDialog(QDialog):
    preview_did_arrive = Signal()
    merge_did_finish = Signal(object)  # MergeDone
    merge_was_undone = Signal(object)  # UndoDone
    merge_did_fail = Signal(str)

    def __init__(
        self,
        context: UiContext,
        surviving_id: int | None,
        merged_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(translate("MergeDialog", "Merge duplicate records"))
        self.setAccessibleName(translate("MergeDialog", "Merge duplicate records"))
        self.resize(900, 560)
        self._context = context
        self.surviving_id, self.merged_id = surviving_id, merged_id
        self.preview: MergePreview | None = None
        self.done_merge: MergeDone | None = None
        self._places: dict[int, str] = {}
        self.choices: dict[str, QButtonGroup] = {}
        self._focus_target: QWidget | None = None
        self._build()
        self._start()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.picker = PatientSearchWidget(self._context)
        self.picker.setAccessibleName(
            translate("MergeDialog", "Find the other record of this patient")
        )
        self.picker.patient_was_chosen.connect(self._picked)
        self.heads = (QLabel(), QLabel())
        for head in self.heads:
            head.setObjectName("mergeHead")
            head.setTextFormat(Qt.TextFormat.RichText)
            head.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        self.moving = _wrapped("mergeMoving", translate("MergeDialog", "What moves"))
        self.blocked = _wrapped("mergeBlocked", translate("MergeDialog", "What stops the merge"))
        self.status = _wrapped("formStatus", translate("MergeDialog", "Merge status"))
        self.confirm = _ConfirmMerge()
        self.confirm.merge_now.clicked.connect(self._merge)
        self.confirm.go_back.clicked.connect(self._cancel_confirm)
        self.swap_button = _button(
            translate("MergeDialog", "Swap records"),
            translate("MergeDialog", "Make the other record the one that stays"),
        )
        self.swap_button.clicked.connect(self._swap)
        self.merge_button = _button(
            translate("MergeDialog", "Merge…"),
            translate("MergeDialog", "Merge the two records (asks first)"),
        )
        self.merge_button.setObjectName("primaryButton")
        self.merge_button.clicked.connect(self._ask)
        self.undo_button = _button(
            translate("MergeDialog", "Undo merge"),
            translate("MergeDialog", "Undo the merge just made"),
        )
        self.undo_button.clicked.connect(self._undo)
        self.undo_button.hide()
        self.close_button = _button(
            translate("MergeDialog", "Close"), translate("MergeDialog", "Close this window")
        )
        self.close_button.clicked.connect(self.reject)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        heads = QHBoxLayout()
        heads.addSpacing(150)
        for head in self.heads:
            heads.addWidget(head, 1)
        body.addLayout(heads)
        body.addWidget(scroll, 1)
        body.addWidget(self.moving)
        body.addWidget(self.blocked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.swap_button)
        buttons.addStretch(1)
        for button in (self.undo_button, self.merge_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        title = QLabel(translate("MergeDialog", "Merge duplicate records"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.confirm)
        layout.addLayout(buttons)

    def _start(self) -> None:
        self.confirm.hide()
        if self.surviving_id is None or self.merged_id is None:
            self.body.hide()
            self.merge_button.setEnabled(False)
            self.swap_button.setEnabled(False)
            self.status.setText(
                translate("MergeDialog", "Find the other record of this patient, then press Enter.")
            )
            self.picker.focus_search()
            return
        self.picker.hide()
        self.body.show()
        self._load()

    # --- the preview ------------------------------------------------------------------------

    def _picked(self, patient_id: int) -> None:
        known = self.surviving_id if self.surviving_id is not None else self.merged_id
        if patient_id == known:
            self.status.setText(
                translate("MergeDialog", "That is the same record: choose the other one.")
            )
            return
        if self.surviving_id is None:
            self.surviving_id = patient_id
        else:
            self.merged_id = patient_id
        self._start()

    def _load(self) -> None:
        surviving, merged = self.surviving_id, self.merged_id
        assert surviving is not None and merged is not None
        self.merge_button.setEnabled(False)
        self.status.setText(translate("MergeDialog", "Reading both records…"))

        def work(db: Any, actor: Any) -> tuple[MergePreview, dict[int, str]]:
            places = {p.id: p.name for p in practice_admin.list_locations(db, actor)}
            return patient_merge.preview(db, actor, surviving, merged), places

        self._context.run(work, self._show, self._failed)

    def _show(self, answer: tuple[MergePreview, dict[int, str]]) -> None:
        self.preview, self._places = answer
        p = self.preview
        self.heads[0].setText(
            translate("MergeDialog", "<b>Stays:</b> {who}").format(who=_who(p.surviving))
        )
        self.heads[1].setText(
            translate("MergeDialog", "<b>Merged into it:</b> {who}").format(who=_who(p.merged))
        )
        self._fill_grid(p)
        self.moving.setText(
            translate("MergeDialog", "Moves to {record}: {what}.").format(
                record=p.surviving.mrn, what=said(moving_words(p.moving))
            )
        )
        self.blocked.setVisible(p.blocked)
        self.blocked.setText(
            translate(
                "MergeDialog",
                "⚠ Cannot merge: the two records have visits at the same time. Cancel or move one "
                "of each pair first:",
            )
            + "\n"
            + "\n".join(f"• {said(o.words())}" for o in p.overlaps)
        )
        self.merge_button.setEnabled(not p.blocked and self.done_merge is None)
        self.swap_button.setEnabled(self.done_merge is None)
        if p.blocked:
            hint = translate(
                "MergeDialog", "The merge can be made once no two visits of the records overlap."
            )
        elif p.differing:
            hint = translate(
                "MergeDialog",
                "Choose, for each line, which value the record that stays keeps "
                "(← → or space; Tab to the next line).",
            )
        else:
            hint = translate(
                "MergeDialog",
                "The two records hold the same details; only their visits and intakes move.",
            )
        self.status.setText(hint)
        self.preview_did_arrive.emit()
        first = next(iter(self.choices.values()), None)
        target = first.checkedButton() if first is not None else None
        self._focus(target or (self.merge_button if self.merge_button.isEnabled() else None))

    def _focus(self, widget: QWidget | None) -> None:
        """Focus `widget` now, or when the window shows (a fast answer may come first)."""
        self._focus_target = widget
        if widget is not None and self.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._focus_target is not None:
            self._focus_target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_grid(self, p: MergePreview) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.choices = {}
        for row, field in enumerate(p.differing):
            label = QLabel(_label(field))
            label.setMinimumWidth(140)
            group = QButtonGroup(self)
            group.setExclusive(True)
            self.grid.addWidget(label, row, 0)
            for column, (side, info) in enumerate(
                ((Side.SURVIVING, p.surviving), (Side.MERGED, p.merged)), start=1
            ):
                radio = QRadioButton(self._value(field, info))
                radio.setAccessibleName(
                    translate("MergeDialog", "{field}: keep the value of {record}").format(
                        field=_label(field), record=info.mrn
                    )
                )
                radio.setProperty("side", side.value)
                radio.setChecked(side is Side.SURVIVING)
                group.addButton(radio, column)
                self.grid.addWidget(radio, row, column)
            self.choices[field] = group
        self.grid.setRowStretch(len(p.differing), 1)

    def _value(self, field: str, info: PatientInfo) -> str:
        value = getattr(info, field)
        if field == "date_of_birth":
            return when.date(value, localized=True)
        if field == "preferred_location_id":
            none = translate("MergeDialog", "(none)")
            return self._places.get(value, none) if value is not None else none
        if field == "preferred_language":
            if value == Language.OTHER.value:  # the one said in the staff's language
                return translate("PatientFields", "Other")
            return own_name(value)
        return str(value) if value not in ("", None) else translate("MergeDialog", "(empty)")

    def chosen(self) -> dict[str, Side]:
        """Field → whose value the record that stays keeps, as the radio buttons say."""
        found = {}
        for field, group in self.choices.items():
            button = group.checkedButton()
            found[field] = Side(button.property("side")) if button else Side.SURVIVING
        return found

    # --- merging ------------------------------------------------------------------------------

    def _swap(self) -> None:
        self.surviving_id, self.merged_id = self.merged_id, self.surviving_id
        self._load()

    def _ask(self) -> None:
        if self.preview is None or self.preview.blocked:
            return
        p = self.preview
        self.confirm.ask(
            translate(
                "MergeDialog",
                "Merge {merged} into {surviving}? {what} move to {surviving}; {merged} stays "
                "only as a pointer to it. An admin can undo this.",
            ).format(
                merged=p.merged.mrn,
                surviving=p.surviving.mrn,
                what=said(moving_words(p.moving)).capitalize(),
            )
        )
        self.merge_button.setEnabled(False)

    def _cancel_confirm(self) -> None:
        self.confirm.hide()
        self.merge_button.setEnabled(True)
        self.merge_button.setFocus()

    def _merge(self) -> None:
        p = self.preview
        assert p is not None
        self.confirm.hide()
        choices = self.chosen()
        versions = (p.surviving.version, p.merged.version)
        surviving, merged = p.surviving.id, p.merged.id
        self.status.setText(translate("MergeDialog", "Merging…"))
        self._context.run(
            lambda db, actor: patient_merge.merge(db, actor, surviving, merged, choices, versions),
            self._merged,
            self._failed,
        )

    def _merged(self, done: MergeDone) -> None:
        assert self.preview is not None
        self.done_merge = done
        self.moving.setText(
            translate("MergeDialog", "Moved to {record}: {what}.").format(
                record=done.surviving.mrn, what=said(moving_words(done.moved))
            )
        )
        self.status.setText(
            translate(
                "MergeDialog",
                "Merged {merged} into {surviving}. Searches for {merged} now lead to {surviving}.",
            ).format(merged=self.preview.merged.mrn, surviving=done.surviving.mrn)
        )
        for group in self.choices.values():
            for button in group.buttons():
                button.setEnabled(False)
        self.merge_button.setEnabled(False)
        self.swap_button.setEnabled(False)
        self.undo_button.setVisible(can_merge(self._context))
        self.undo_button.setFocus()
        self.merge_did_finish.emit(done)

    def _undo(self) -> None:
        done = self.done_merge
        assert done is not None
        self.undo_button.setEnabled(False)
        self.status.setText(translate("MergeDialog", "Undoing the merge…"))
        self._context.run(
            lambda db, actor: patient_merge.undo(db, actor, done.merge_id),
            self._undone,
            self._failed,
        )

    def _undone(self, undone: UndoDone) -> None:
        kept = ", ".join(_label(f).lower() for f in undone.kept_fields)
        note = (
            translate(
                "MergeDialog", " Changed since the merge, so kept on {record}: {fields}."
            ).format(record=undone.surviving.mrn, fields=kept)
            if kept
            else ""
        )
        self.status.setText(
            translate(
                "MergeDialog",
                "Merge undone: {record} is a record of its own again, with its "
                "intakes, appointments and waitlist entries.",
            ).format(record=undone.restored.mrn)
            + note
        )
        self.undo_button.hide()
        self.close_button.setFocus()
        self.merge_was_undone.emit(undone)

    def _failed(self, error: BaseException) -> None:
        text = failure_text(error)
        self.status.setText(text)
        self.undo_button.setEnabled(True)
        self.merge_did_fail.emit(text)
        if isinstance(error, MergeRefused | StaleRecord) and self.done_merge is None:
            self._load_after_failure(text)

    def _load_after_failure(self, text: str) -> None:
        """Show the records as they are now, keeping the refusal's words on screen."""

        def keep_words() -> None:
            self.status.setText(text)
            self.preview_did_arrive.disconnect(keep_words)

        self.preview_did_arrive.connect(keep_words)
        self._load()


class _ConfirmMerge(QFrame):
    """'Merge M2 into M1? …' inside the window, with its two answers."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("confirmBar")
        self.setAccessibleName(translate("_ConfirmMerge", "Confirm the merge"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.merge_now = _button(
            translate("_ConfirmMerge", "Merge now"),
            translate("_ConfirmMerge", "Merge the two records"),
        )
        self.go_back = _button(
            translate("_ConfirmMerge", "Go back"), translate("_ConfirmMerge", "Do not merge yet")
        )
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.merge_now)
        row.addWidget(self.go_back)

    def ask(self, text: str) -> None:
        self.text.setText(text)
        self.show()
        self.merge_now.setFocus()


def _who(info: PatientInfo) -> str:
    name = html.escape(f"{info.family_name}, {info.given_name}")
    born = (
        when.date(info.date_of_birth, localized=True)
        if info.date_of_birth
        else translate("MergeDialog", "date of birth unknown")
    )
    return translate("MergeDialog", "{name} · born {date} · {record}").format(
        name=name, date=born, record=info.mrn
    )


def _label(field: str) -> str:
    source = LABELS.get(field)
    return translate("MergeDialog", source) if source else field.replace("_", " ").capitalize()


def _wrapped(name: str, accessible: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setWordWrap(True)
    return label


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    # Never narrower than its words (a button shown later was squeezed to "Jndo merge").
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text) + 36)
    button.setAccessibleName(text.rstrip("…"))
    button.setToolTip(tip)
    return button
