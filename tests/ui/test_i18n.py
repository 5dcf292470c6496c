"""The interface in two languages (issue #20): every word of the converted screens goes
through Qt's translation chain, the Spanish .ts is complete and in step with the code, and
the Spanish screens have no English left and nothing cut off at 1366×768.

The screens are built in a pseudo-language (every translated text comes back inside ⟦ ⟧),
so a word that reaches a widget without passing the translator is found. Synthetic data only.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from intake.domain.accounts import DemoAccount
from intake.domain.enums import Role
from intake.domain.languages import OWN_NAMES, Language
from intake.ui import i18n
from intake.ui.context import UiContext
from intake.ui.worker import Worker
from tests.db.practice import NOW, admin, build, desk, screened_intake

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "intake_es.ts"
WAIT = 15_000

# Screens whose words are marked (this step) and those not yet (a later step takes them off
# this list one by one, and adds their screens to `SCREENS` below).
CONVERTED = [
    "intake/ui/app.py", "intake/ui/main_window.py", "intake/ui/sign_in.py",
    "intake/ui/startup.py", "intake/ui/front_desk.py", "intake/ui/status_line.py",
    "intake/ui/idle_lock.py", "intake/ui/idle.py", "intake/ui/saved_files.py",
    "intake/ui/keys.py", "intake/ui/when.py", "intake/ui/guard.py",
    "intake/ui/auto_backup.py", "intake/ui/language_choice.py", "intake/ui/waitlist/",
    "intake/ui/intake_form/", "intake/ui/review/", "intake/ui/booking/", "intake/ui/worker.py",
    "intake/ui/schedule/", "intake/ui/journal.py",
    "intake/ui/kiosk/", "intake/ui/desk_alerts.py",
    "intake/ui/admin/", "intake/ui/series/", "intake/ui/languages.py", "intake/ui/fhir_export.py",
    "intake/ui/roles.py", "intake/ui/patients/", "intake/ui/words.py",
]  # fmt: skip
NOT_YET_CONVERTED = [
]  # fmt: skip
# Words made outside intake/ui, still English in every language until their step (the role
# names and the admin forms' "Problem with" are translated at the UI edge now).
NOT_YET_TRANSLATED: list[str] = []
# A patient's preferred language is named in itself, never translated (but for "Other").
LANGUAGE_NAMES = {name for language, name in OWN_NAMES.items() if language is not Language.OTHER}


# ---- the .ts file -----------------------------------------------------------------------


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_spanish_text_is_finished_and_none_is_obsolete() -> None:
    left = [
        (context, source)
        for context, source, message in _messages(TS)
        if (message.find("translation") is None)
        or message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")  # type: ignore[union-attr]
        or not (message.findtext("translation") or "").strip()
    ]
    assert left == []


def test_the_translations_keep_each_placeholder_and_key_letter() -> None:
    for context, source, message in _messages(TS):
        spanish = message.findtext("translation") or ""
        names = set(re.findall(r"\{(\w*)\}", source))
        assert set(re.findall(r"\{(\w*)\}", spanish)) == names, (context, source)
        assert ("&" in source) == ("&" in spanish), (context, source)


def test_the_spanish_source_is_in_step_with_the_code(tmp_path: Path) -> None:
    """lupdate over the code finds exactly the texts the .ts holds (0.2 s)."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    i18n.lupdate_into(copy, ROOT, obsolete=True)
    found = {(c, s) for c, s, m in _messages(copy)}
    kept = {(c, s) for c, s, m in _messages(TS)}
    assert found == kept, "run: python -m intake.ui.i18n update"


def test_no_text_is_written_as_an_f_string_inside_translate() -> None:
    """lupdate would file the braces' code as the text (see intake/ui/i18n.py)."""
    for _context, source, _message in _messages(TS):
        assert not re.search(r"\{[^}]*[(.\[]", source), source


# ---- the source ---------------------------------------------------------------------------

# A widget given words straight from the code: `QLabel("Text")`, `.setToolTip(f"...")`,
# `say(label, "info", "Text")`. In a converted module the words go through `translate`
# (the log's, `log.warning("...")`, stay English for the IT person).
_BARE = re.compile(
    r"(?<!log\.)\b(?:setText|setToolTip|setAccessibleName|setAccessibleDescription|setPlaceholderText"
    r"|setWindowTitle|setStatusTip|QLabel|QPushButton|QToolButton|QCheckBox|QRadioButton"
    r"|QGroupBox|QAction|addItem|addItems|addButton|addRow|addTab|showMessage|critical|warning"
    r"|information|question|about)\(\s*(?:[\w.]+,\s*)?f?[\"'][A-Za-z]"
    r"|\bsay\([^()]*?,\s*\"[a-z]+\",\s*f?[\"'][A-Za-z]"
)


def _modules(entries: list[str]) -> set[str]:
    found = set()
    for entry in entries:
        path = ROOT / entry
        files = path.rglob("*.py") if entry.endswith("/") else [path]
        found |= {str(p.relative_to(ROOT)) for p in files}
    return found


def test_every_screen_module_is_converted_or_listed_as_not_yet() -> None:
    """A new module under intake/ui is placed on one list or the other, never forgotten."""
    everything = {str(p.relative_to(ROOT)) for p in (ROOT / "intake" / "ui").rglob("*.py")}
    converted, not_yet = _modules(CONVERTED), _modules(NOT_YET_CONVERTED)
    assert not converted & not_yet
    assert everything - converted - not_yet <= {
        "intake/ui/__init__.py",
        "intake/ui/i18n.py",
        "intake/ui/context.py",
        "intake/ui/feature_scan.py",
        "intake/ui/flow_layout.py",
        "intake/ui/gc_guard.py",
        "intake/ui/journal_seal.py",
        "intake/ui/opening.py",
        "intake/ui/qt_types.py",
        "intake/ui/wheel_guard.py",
        "intake/ui/window_place.py",
    }  # fmt: skip  (no words a person sees)


def test_no_converted_module_gives_a_widget_words_straight_from_the_code() -> None:
    bare = [
        f"{name}:{number}: {line.strip()}"
        for name in sorted(_modules(CONVERTED))
        for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1)
        if _BARE.search(line)
    ]
    assert bare == []


# ---- choosing the language ------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "setting", "system", "chosen"),
    [
        (None, None, "es_MX", "es"),  # the system's by default
        (None, None, "de_DE", "en"),  # a language the program does not speak: English
        (None, "es", "en_US", "es"),  # settings.toml over the system
        ("en", "es", "es_US", "en"),  # INTAKE_LANGUAGE over both
        ("fr", "es", "en_US", "es"),  # an unknown override is passed over
        ("ES-us", None, "en_US", "es"),
    ],
)
def test_the_language_is_the_environment_then_the_settings_then_the_system(
    env: str | None, setting: str | None, system: str, chosen: str
) -> None:
    assert i18n.language_from(env, setting, system) == chosen


def test_the_choice_made_in_the_program_is_this_pcs_settings_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intake.settings import SETTINGS_FILE, language_setting, write_language

    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv(i18n.ENV, raising=False)
    (tmp_path / SETTINGS_FILE).write_text("idle_lock_minutes = 7\n", encoding="utf-8")
    write_language("es")
    assert language_setting() == "es" and i18n.chosen_language() == "es"
    monkeypatch.setenv(i18n.ENV, "en")
    assert i18n.chosen_language() == "en"
    write_language(None)  # the system's again: the line goes, the rest stays
    assert language_setting() is None
    assert (tmp_path / SETTINGS_FILE).read_text(encoding="utf-8") == "idle_lock_minutes = 7\n"


def test_a_language_the_program_does_not_speak_is_a_settings_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intake.settings import SETTINGS_FILE, SettingsError, language_setting

    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    (tmp_path / SETTINGS_FILE).write_text('language = "fr"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="line 1"):
        language_setting()


# ---- the chain at run time ------------------------------------------------------------


def test_the_staffs_language_is_the_one_the_program_speaks(speak) -> None:  # type: ignore[no-untyped-def]
    from intake.ui.languages import staff_language

    assert staff_language() == "en"
    speak("es")
    # The triage panel's rule messages and the review follow it (issue #20 point 3).
    assert staff_language() == "es"


def test_spanish_is_compiled_once_and_loaded_with_qts_own(speak, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    qm = i18n.compiled_qm("es", cache=tmp_path)
    assert qm is not None and qm.parent == tmp_path
    assert i18n.compiled_qm("es", cache=tmp_path) == qm  # named by the .ts: not compiled again
    speak("es")
    assert QCoreApplication.translate("SignIn", "Sign in") == "Iniciar sesión"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # qtbase_es
    from intake.ui import when

    wednesday = dt.datetime(2026, 12, 2, 19, 30)
    assert when.day(wednesday, localized=True) == "miércoles, 2 de diciembre de 2026"
    # A US practice's clock (CLDR puts a narrow no-break space before "p.m.").
    assert when.time_of_day(wednesday, localized=True) == "7:30\u202fp.m."
    # A screen not converted yet keeps its US English dates: no screen mixes the two.
    assert when.day(wednesday) == "Wednesday, December 2, 2026"
    assert when.time_of_day(wednesday) == "7:30 PM"


def test_english_dates_read_the_same_localized_or_not(speak) -> None:  # type: ignore[no-untyped-def]
    from intake.ui import when

    speak("en")
    wednesday = dt.datetime(2026, 12, 2, 7, 5)
    for form in (when.day, when.short_day, when.time_of_day):
        assert form(wednesday, localized=True) == form(wednesday)
    assert when.date(wednesday.date(), localized=True) == "Dec 2, 2026"


class Pseudo(QTranslator):
    """Every text marked for translation comes back inside ⟦ ⟧; what was asked is kept."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def,override]
        if context.startswith("Q") or source == "MM/dd/yyyy":
            return ""  # Qt's own words; a date format stays a date format
        self.asked.add((context, source))
        return f"⟦{source}⟧"


def _not_yet_converted() -> tuple[type, ...]:
    """Panels from the not-yet-converted modules that converted screens hold (the front
    desk's search, unfinished work, returned intakes, registration, intake form, booking):
    their words are their own step's."""
    return ()


def _inside(widget: QWidget | None, kinds: tuple[type, ...]) -> bool:
    while widget is not None:
        if isinstance(widget, kinds):
            return True
        widget = widget.parentWidget()
    return False


def _texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every word a person sees or hears from `root` and its children."""
    found: list[tuple[str, str]] = []
    skip = _not_yet_converted()
    widgets = [w for w in root.findChildren(QWidget) if not _inside(w, skip)]
    for n, widget in enumerate([root, *widgets]):
        name = f"{type(widget).__name__}#{n}:{widget.objectName()}"
        texts = [("tip", widget.toolTip()), ("a11y", widget.accessibleName())]
        if widget.isWindow():
            texts.append(("title", widget.windowTitle()))
        if isinstance(widget, QLabel):
            texts.append(("label", re.sub(r"<[^>]+>", " ", widget.text())))
        if isinstance(widget, QAbstractButton):
            texts.append(("button", widget.text()))
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            texts.append(("placeholder", widget.placeholderText()))
        if isinstance(widget, QComboBox):
            texts += [("item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                texts += [("item", widget.item(i).text()), ("tip", widget.item(i).toolTip())]
        texts += [("action", action.text()) for action in widget.actions()]
        found += [(f"{name}/{kind}", text) for kind, text in texts if text.strip()]
    return found


KEYS = {"Ctrl", "Shift", "Alt", "Enter", "Esc", "Del", "F1", "Clinic", "Intake"}
# Day and month names come from QLocale (the language's own), not from the translator.
_EN = QLocale("en_US")
_FORMATS = (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat)
LOCALE_WORDS = (
    {_EN.dayName(d, f) for d in range(1, 8) for f in _FORMATS}
    | {_EN.monthName(m, f) for m in range(1, 13) for f in _FORMATS}
    | {"AM", "PM"}
)


def _strings(value: object, found: set[str] | None = None) -> set[str]:
    """Every text held in `value` (a checklist, a screening view, a review: data, not the
    program's words), however deep."""
    import dataclasses
    import enum

    found = set() if found is None else found
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, enum.Enum):
        pass
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            _strings(getattr(value, field.name), found)
    elif isinstance(value, type):
        pass
    elif hasattr(value, "items"):
        for key, item in value.items():  # type: ignore[attr-defined]
            _strings(key, found)
            _strings(item, found)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _strings(item, found)
    return found


def _unmarked(text: str, data: set[str]) -> list[str]:
    while (shorter := re.sub(r"⟦[^⟦⟧]*⟧", " ", text)) != text:
        text = shorter
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    return [word for word in re.findall(r"[A-Za-z]{2,}", text) if word not in KEYS]


def _admin_data(page: QWidget) -> set[str]:
    """The admin area's data: what the practice is called and has (names, codes, time zones,
    the audit trail's users)."""
    from intake.ui.admin.audit_tab import AuditTab

    found: set[str] = set()
    for tab in page.findChildren(AuditTab):
        found |= {tab.user.itemText(i) for i in range(1, tab.user.count())}
    for combo in page.findChildren(QComboBox):
        if combo.isEditable():  # the time zone: IANA names
            found |= {combo.itemText(i) for i in range(combo.count())}
    for box in page.findChildren(QListWidget):  # names, codes, credentials
        for i in range(box.count()):
            found |= set(re.split(r"[⟦⟧,—()]", box.item(i).text()))
    return {text.strip() for text in found if text.strip()}


def _record_data(page: QWidget) -> set[str]:
    """A patient record's data: the patient's details as typed, the practice's places, and
    the words the domain says (a visit's status) until their step."""
    from intake.ui.patients.record_page import RecordPage

    assert isinstance(page, RecordPage)
    record = page.view.record
    assert record is not None
    info = record.patient
    found = {str(v) for v in vars(info).values() if isinstance(v, str) and v}
    found.add(f"{info.family_name}, {info.given_name}")
    fields = page.view.form.fields
    for name, widget in fields.inputs.items():
        if isinstance(widget, QComboBox) and name == "preferred_location_id":
            found |= {widget.itemText(i) for i in range(1, widget.count())}
    return found


@pytest.fixture
def screens(qtbot, database, tmp_path) -> Callable[[], list[tuple[QWidget, set[str]]]]:  # type: ignore[no-untyped-def]
    """The converted screens, built anew in whatever language is installed, each with the
    data words it may show untranslated (names from the database)."""
    practice = build(database)
    actor = desk(database)
    worker = Worker()
    context = UiContext(database, actor, worker)
    admin_context = UiContext(database, admin(database), worker)
    patient = practice.patients[1]
    intake_id = screened_intake(database, patient)
    from intake.domain.booking import WaitlistPreferences
    from intake.services import waitlist

    waitlist.add(
        database, actor, patient, WaitlistPreferences(weekdays=(0, 2)), intake_id=intake_id
    )
    from tests.db.test_review import RED_FLAGS

    red_intake = screened_intake(database, practice.patients[2], **RED_FLAGS)

    booked: list = []  # the visit, booked once for every build

    def make() -> list[tuple[QWidget, set[str]]]:
        from intake.ui.admin.page import AdminPage
        from intake.ui.front_desk import FrontDeskPage
        from intake.ui.idle_lock import LockScreen
        from intake.ui.journal import Journal
        from intake.ui.language_choice import LanguageDialog
        from intake.ui.main_window import MainWindow
        from intake.ui.patients.record_page import RecordPage
        from intake.ui.saved_files import SavedFileNote
        from intake.ui.series import CourseDialog, CourseStart
        from intake.ui.sign_in import ChangePasswordDialog, SignInDialog
        from intake.ui.startup import _checklist_refused
        from intake.ui.waitlist.entry_form import WaitlistEntryForm
        from intake.ui.waitlist.list_panel import WaitlistView

        demo = (DemoAccount("frontdesk", Role.FRONT_DESK, "demo-pass"),)
        data = {actor.username, "frontdesk", "demo-pass", *NOT_YET_TRANSLATED, *LANGUAGE_NAMES}
        window = MainWindow()
        window.set_allowed_areas({"intake", "schedule", "review", "patients", "admin"})
        window.show_database("sqlite:///synthetic.sqlite3")
        lock_host = QWidget()
        lock = LockScreen(lock_host)
        lock.present(actor, "")
        note = SavedFileNote()
        note.show_saved("Report", Path("/tmp/report.pdf"))
        form = WaitlistEntryForm(None, context, patient, intake_id)
        view = WaitlistView(context)
        with qtbot.waitSignal(view.list_did_load, timeout=WAIT):
            view.reload()
        qtbot.waitUntil(lambda: form.save_button.isEnabled(), timeout=WAIT)
        places = {form.locations.item(i).text() for i in range(form.locations.count())}
        places |= {form.locations.item(i).toolTip() for i in range(form.locations.count())}
        people = {form.therapist.itemText(i) for i in range(1, form.therapist.count())}
        names = {line.patient_name for line in view.model.lines()}
        names |= {line.record_number for line in view.model.lines()}
        front_desk = FrontDeskPage(context, Journal(tmp_path / "journal", os.urandom(32)))
        front_desk.register_form  # noqa: B018 (built on first use, with its page's button)
        # The intake form (the checklist's words are data: the patient's language), with an
        # urgent screening so the stop bar, the panel's reasons and the summary all show.
        from intake import screening
        from intake.domain.search_query import mrn_for
        from intake.screening import front_desk as desk_words
        from intake.ui.intake_form.recovery import RecoveryOffer, ResumeBar, UnfinishedDraft
        from intake.ui.intake_form.wizard import IntakeWizard
        from intake.ui.review import ReviewPage, ReviewScreen
        from tests.db.test_review import RED_FLAGS

        checklist_words = _strings(screening.load_checklist(None)) | _strings(
            [v for k, v in vars(desk_words).items() if k.lstrip("_").isupper()]
        )
        checklist_words |= {"English", "Español"}
        wizard = IntakeWizard(None, saving=False)  # keeps nothing: no database, no journal
        for question_id, value in RED_FLAGS.items():
            if question_id in wizard.rows:  # "age" comes from the date of birth
                wizard.set_answer(question_id, value)
        for index in range(len(wizard.section_pages)):
            wizard.go_to_step(index)
        asked = _strings(wizard._view) | checklist_words
        summary = IntakeWizard(None, saving=False)
        summary.go_to_step(len(summary.section_pages))
        record = mrn_for(patient)
        draft = UnfinishedDraft(
            answers={}, checklist_id=wizard.checklist.id,
            checklist_version=wizard.checklist.version, saved_at=dt.datetime(2026, 12, 2, 9, 5),
            patient_id=patient, only_on_this_computer=True,
        )  # fmt: skip
        offer, resume = RecoveryOffer(), ResumeBar()
        offer.show_drafts([draft])
        resume.offer([draft, draft])
        review_screen = ReviewScreen(context)
        with qtbot.waitSignal(review_screen.review_did_load, timeout=WAIT):
            review_screen.open(red_intake)
        opened = _strings(review_screen.review) | checklist_words
        queue = ReviewPage(context)
        with qtbot.waitSignal(queue.queue.queue_did_load, timeout=WAIT):
            queue.queue.load()
        # The schedule (a day with a visit, chosen) and the booked visit's confirmation.
        from intake.domain.booking import BookingRequest
        from intake.services import booking
        from intake.ui.booking.confirmation import BookingConfirmation
        from intake.ui.schedule.page import SchedulePage
        from tests.db.practice import MONDAY, at

        visit = booked[0] if booked else booking.book(
            database,
            actor,
            BookingRequest(patient, practice.ann, practice.east, at(MONDAY, 9), "EVAL60",
                           intake_id),
            now=NOW,
        )  # fmt: skip
        booked[:] = [visit]
        schedule = SchedulePage(context, clock=lambda: NOW)
        with qtbot.waitSignal(schedule.schedule_did_load, timeout=WAIT):
            schedule.show_day(practice.east, MONDAY)
        schedule.canvas.select_appointment(visit.id)  # the details panel shows it
        confirmation = BookingConfirmation(context)
        confirmation.show_visit(visit, "es")
        shown = {visit.location_name, visit.location_code, visit.therapist_name, visit.type_name,
                 visit.local_start.tzname() or "", "Ben Samplefield", "Test Site West", "WEST",
                 "Ann Testwood", "Test Site East", "EAST", "Demo", "City", "Example", "Street",
                 "Sample", "Road", "Follow", "up", "Initial", "evaluation"}  # fmt: skip
        registering = front_desk.register_form.field_set.inputs["preferred_location_id"]
        qtbot.waitUntil(lambda: registering.count() > 1, timeout=WAIT)
        places |= {registering.itemText(i) for i in range(1, registering.count())}
        record_page = RecordPage(admin_context, clock=lambda: NOW)
        with qtbot.waitSignal(record_page.record_did_open, timeout=WAIT):
            record_page.open_patient(patient)
        qtbot.waitUntil(
            lambda: record_page.view.form.fields.inputs["preferred_location_id"].count() > 1,
            timeout=WAIT,
        )
        record_data = _record_data(record_page)
        admin_page = AdminPage(admin_context)
        for key in reversed(
            admin_page.pages
        ):  # as a person opens each tab (once), back to the first
            if hasattr(tab := admin_page.pages[key], "did_load"):
                with qtbot.waitSignal(tab.did_load, timeout=WAIT):
                    admin_page.show_tab(key)
        tabs = admin_page.pages.values()  # each chosen item reads its own (closures, hours)
        qtbot.waitUntil(lambda: all(getattr(t, "busy", 0) == 0 for t in tabs), timeout=WAIT)
        admin_data = _admin_data(admin_page)
        course = CourseDialog(context, CourseStart(patient, "Testcase1, Sample1"))
        qtbot.waitUntil(lambda: course.form.isEnabled(), timeout=WAIT)
        course_data = {
            course.form.type_box.itemText(i) for i in range(course.form.type_box.count())
        }
        course_data |= {
            course.form.location_box.itemText(i) for i in range(course.form.location_box.count())
        }
        course_data |= {
            course.form.therapist_box.itemText(i) for i in range(course.form.therapist_box.count())
        }
        return [
            (window, data | {"sqlite", "synthetic"}),
            (front_desk, data | places),
            (
                _checklist_refused("checklist.toml, line 3: synthetic"),
                data | {"checklist", "toml", "line", "synthetic"},
            ),
            (SignInDialog(None, worker, demo_accounts=demo), data),  # type: ignore[arg-type]
            (SignInDialog(None, worker, first_admin=True), data),  # type: ignore[arg-type]
            (ChangePasswordDialog(context, forced=True), data),
            (lock_host, data),
            (note, data),
            (LanguageDialog(), data | {"English", "Español", i18n.ENV}),
            (form, data | places | people | {form.who.text()}),
            (view, data | places | people | names),
            (wizard, data | asked),
            (summary, data | checklist_words | _strings(summary._view)),
            (offer, data | {record}),
            (resume, data | {record}),
            (review_screen, data | opened),
            (queue, data | places | people),
            (schedule, data | shown | names | {"Testcase", "Sample", "MRN"}),
            (confirmation, data | shown),
            (admin_page, data | admin_data),
            (record_page, data | record_data),
            (course, data | course_data | {"Testcase1", "Sample1"}),
        ]

    yield make
    worker.wait_for_done()


def test_every_word_of_the_converted_screens_is_marked_for_translation(speak, screens) -> None:  # type: ignore[no-untyped-def]
    pseudo = Pseudo()
    speak(pseudo)
    problems = [
        (where, text, words)
        for root, data in screens()
        for where, text in _texts(root)
        if (words := _unmarked(text, data | LOCALE_WORDS))
    ]
    assert problems == [], "\n".join(map(repr, problems))
    # Each converted screen was walked (a context missing here is a screen left out).
    assert {context for context, _source in pseudo.asked} >= {
        "MainWindow", "SignIn", "IdleLock", "SavedFiles", "Language", "Waitlist", "FrontDesk",
        "Keys", "Startup", "IntakeWizard", "IntakeForm", "ScreeningPanel", "IntakeSummary",
        "Recovery", "ReviewScreen", "Review", "ReviewQueue", "PainPicture",
        "SchedulePage", "ScheduleToolbar", "SchedulePanels",
        "BookingConfirmation",
    }  # fmt: skip
    # ... and lupdate found each of them (a text it cannot read stays English in Spanish).
    assert pseudo.asked - {(c, s) for c, s, _m in _messages(TS)} == set()


def test_the_spanish_screens_have_no_english_left_and_nothing_cut_off(
    speak, screens, qtbot
) -> None:  # type: ignore[no-untyped-def]
    english = [_texts(root) for root, _data in screens()]
    speak("es")
    built = screens()
    left, cut = [], []
    for (root, data), before in zip(built, english, strict=True):
        for (where, text), (_w, was) in zip(_texts(root), before, strict=False):
            if text == was and _unmarked(text, data | {"Intake"}):
                left.append((where, text))
        if root.isWindow():
            root.resize(1366 if root.inherits("QMainWindow") else root.sizeHint().width(), 768)
            qtbot.addWidget(root)
            root.show()
            qtbot.waitExposed(root)
        for widget in root.findChildren(QWidget):
            if not widget.isVisible():
                continue
            one_line = isinstance(widget, QLabel) and not widget.wordWrap()
            has_text = isinstance(widget, (QLabel, QAbstractButton)) and widget.text()
            wider = widget.sizeHint().width() > widget.width()  # elided or clipped
            if (one_line or isinstance(widget, QAbstractButton)) and has_text and wider:
                cut.append((widget.objectName(), widget.text()))
    assert left == [], "\n".join(map(repr, left))
    assert cut == [], "\n".join(map(repr, cut))


def test_a_person_chooses_spanish_for_the_next_start(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, Qt, QTimer

    from intake.settings import SETTINGS_FILE, language_setting
    from intake.ui.language_choice import LanguageDialog
    from intake.ui.main_window import MainWindow

    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv(i18n.ENV, raising=False)
    window = MainWindow()
    qtbot.addWidget(window)
    seen: list[LanguageDialog] = []

    def choose() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LanguageDialog))
        seen.append(dialog)
        qtbot.waitExposed(dialog)
        assert any("next time the program starts" in label.text() for label in
                   dialog.findChildren(QLabel))  # fmt: skip
        spanish = dialog.choices["es"]  # on its words: the button is wider than they are
        qtbot.mouseClick(spanish, Qt.MouseButton.LeftButton, pos=QPoint(8, spanish.height() // 2))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose)
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert seen and language_setting() == "es"
    assert 'language = "es"' in (tmp_path / SETTINGS_FILE).read_text(encoding="utf-8")
    assert i18n.chosen_language() == "es"  # what the next start speaks


# ---- sentences from the pure layers and the services (intake/ui/words.py) -----------------


def test_a_services_sentence_reads_in_the_staffs_language(speak) -> None:  # type: ignore[no-untyped-def]
    from intake.domain.errors import Invalid, NotFound
    from intake.domain.patient import PatientDraft, check_patient
    from intake.domain.words import QT_TRANSLATE_NOOP as MARK
    from intake.domain.words import said
    from intake.ui.words import error_text, problems_of
    from intake.ui.worker import failure_text

    problems = check_patient(PatientDraft("", "Quinn", None, "female"), dt.date(2027, 2, 22))
    assert problems_of(problems)["family_name"] == "Enter the family name."
    speak("es")
    assert problems_of(problems)["family_name"] == "Escriba el apellido."
    assert problems_of(Invalid(problems))["date_of_birth"] == "Escriba la fecha de nacimiento."
    # Shown whole (a status line), an Invalid reads as its problems, not "field: ..." English.
    assert error_text(Invalid({"family_name": problems["family_name"]})) == "Escriba el apellido."
    too_long = check_patient(PatientDraft("x" * 101, "Quinn", None, "female"), dt.date(2027, 2, 22))
    assert problems_of(too_long)["family_name"] == "Es demasiado largo: como máximo 100 caracteres."
    # Dates follow the staff's locale (the English form is the log's); an unknown sentence and
    # a value that is itself a sentence read as far as they are translated.
    day = said(
        MARK("PatientChecks", "That makes the patient older than {years}."),
        years=dt.date(2026, 12, 2),
    )
    assert error_text(NotFound(day)) == "Con esa fecha el paciente tendría más de 2 dic 2026 años."
    assert str(day) == "That makes the patient older than 2026-12-02."
    assert failure_text(NotFound("Plain words.")) == "Plain words."
    assert "Algo" in failure_text(RuntimeError("a bug"))  # the bug sentence, never the details


def test_a_registrations_field_problems_are_spanish(qtbot, show_active, speak, database) -> None:  # type: ignore[no-untyped-def]
    from intake.ui.patients.register_form import PatientRegisterForm

    speak("es")
    context = UiContext(database, desk(database), Worker())
    form = PatientRegisterForm(context, today=dt.date(2027, 2, 22))
    form.resize(1100, 800)
    show_active(form)
    context.worker.wait_for_done()
    form.inputs["phone"].setFocus()
    qtbot.keyClicks(form.inputs["phone"], "55-12")
    qtbot.keyClick(form.inputs["phone"], Qt.Key.Key_Return)
    assert form.errors["phone"].text() == "⚠ Un número de teléfono tiene de 7 a 15 dígitos."
    assert form.inputs["phone"].text() == "55-12"  # nothing typed is lost
    form.save()
    assert "Elija femenino" in form.errors["sex"].text()
    assert form.errors["family_name"].text() == "⚠ Escriba el apellido."
    context.worker.wait_for_done()
