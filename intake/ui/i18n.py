"""The interface's language: which one (INTAKE_LANGUAGE, settings.toml, the system's), Qt's
translation chain, and the tooling that keeps resources/i18n/intake_*.ts in step.

How a string is marked (the convention, checked by tests/ui/test_i18n.py):

- `translate("Context", "Text")` (this module's `translate`, which is
  `QCoreApplication.translate`), with the context spelled out: by convention the class or
  module that shows the text ("MainWindow", "SignIn", "Waitlist"...). Not `self.tr()`:
  PySide6 (checked on 6.11.3) looks `tr()` up under the *runtime* class name, while
  pyside6-lupdate files the string under the class it is written in, so a subclass (and
  every screen here is one) silently loses its translation.
- Values go in as named Python placeholders filled in afterwards:
  `translate("Ctx", "Signed in as {name}").format(name=...)`. Never an f-string inside
  `translate(...)`: lupdate would file the braces' code as the text.
- Counts: phrased so one form fits every number ("Waiting: {count}"). Qt's plurals
  (`translate("Ctx", "%n visit(s)", None, n)`) need lupdate to see the call as a plural,
  and pyside6-lupdate (6.11) does so only when the count is a number literal (`n`, `len(x)`
  are filed as plain text, and an expression there drops the whole file's strings), so a
  plural would silently lose its forms. Use `%n` only once that is fixed (and tested).
- Texts defined in a table before any translator exists are marked with
  `QT_TRANSLATE_NOOP("Context", "Text")` (returns the text unchanged, lupdate sees it) and
  translated where shown: `translate("Context", text)`.
- Words made outside the UI (the domain's role names, a service's message) are not
  marked yet: that is a later step (the list in tests/ui/test_i18n.py).

Update the Spanish source after changing marked strings, then fill in the translations
(Qt Linguist: `pyside6-linguist resources/i18n/intake_es.ts`, or by hand):

    python -m intake.ui.i18n update

The compiled .qm is not kept in the repository: at start the program compiles the .ts it
ships with PySide6's own lrelease into a cache named by the .ts content (one compile per
change, on any install: editable, wheel); the standalone bundle carries it precompiled
(packaging/clinic-intake.spec calls `compile_into`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

log = logging.getLogger(__name__)

translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark `source` for lupdate under `context`; returns it unchanged (typed, unlike
    PySide6's, whose stub says object)."""
    return source


__all__ = [
    "LANGUAGES",
    "QT_TRANSLATE_NOOP",
    "chosen_language",
    "install",
    "language_from",
    "patient_locale",
    "patient_words",
    "translate",
]

ENV = "INTAKE_LANGUAGE"
SOURCE_LANGUAGE = "en"  # the words written in the code
# Each language the interface speaks, named in itself (how a person finds their own).
LANGUAGES = {"en": "English", "es": "Español"}
# Its dates and numbers as a US practice writes them: "7:30 a.m.", "1,234.5" (es_ES would
# write "7:30" and "1234,5").
LOCALES = {"en": "en_US", "es": "es_US"}
# Each has resources/i18n/intake_<code>.ts (English is the code's own words).
TRANSLATED = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)
APP_NAME = "clinic-intake"


def language_from(env: str | None, setting: str | None, system: str) -> str:
    """INTAKE_LANGUAGE, else settings.toml's `language`, else the system's; a language the
    program does not speak is passed over (the system's falls back to English)."""
    for wanted in (env, setting, system):
        code = (wanted or "").strip().lower().replace("-", "_").split("_")[0]
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def system_language() -> str:
    """The operating system's language ("es" for es_MX, es_US...)."""
    return QLocale.system().name()


def chosen_language() -> str:
    """The language for this start of the program."""
    from intake.settings import SettingsError, language_setting

    try:
        setting = language_setting()
    except SettingsError:
        setting = None  # the start reports the broken file itself, in any language
    return language_from(os.environ.get(ENV), setting, system_language())


# ---- the translation files ------------------------------------------------------------------


def ts_file(language: str) -> Path:
    from intake.resources_path import resource

    return Path(str(resource("i18n", f"intake_{language}.ts")))


def _qm_name(language: str, ts: Path) -> str:
    """Named by the .ts content: a changed .ts is compiled again, never read stale."""
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    return f"intake_{language}-{digest}.qm"


def lrelease() -> str | None:
    """Qt's compiler for .ts files, as the PySide6 wheel ships it (else one on PATH)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return str(folder / name)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_ts(ts: Path, qm: Path) -> None:
    tool = lrelease()
    if tool is None:
        raise FileNotFoundError("lrelease (it ships with PySide6) was not found")
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_name(f".{qm.name}.{os.getpid()}")
    subprocess.run(
        [tool, "-silent", str(ts), "-qm", str(partial)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    partial.replace(qm)  # another program starting at once gets a whole file or none


def compile_into(folder: Path) -> list[Path]:
    """Compile every shipped .ts into `folder` under the names `compiled_qm` looks for
    (the bundle's build puts them beside the .ts)."""
    made = []
    for language in TRANSLATED:
        ts = ts_file(language)
        qm = folder / _qm_name(language, ts)
        compile_ts(ts, qm)
        made.append(qm)
    return made


def cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "i18n"


def compiled_qm(language: str, cache: Path | None = None) -> Path | None:
    """The .qm for `language`: shipped beside the .ts (the bundle), else in the cache,
    compiled there now if need be; None if it cannot be had (the interface stays English)."""
    ts = ts_file(language)
    if not ts.is_file():
        return None
    name = _qm_name(language, ts)
    shipped = ts.with_name(name)
    if shipped.is_file():
        return shipped
    for folder in (cache or cache_dir(), Path(tempfile.gettempdir()) / f"{APP_NAME}-i18n"):
        qm = folder / name
        if qm.is_file():
            return qm
        try:
            compile_ts(ts, qm)
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("Could not compile %s into %s: %s", ts.name, folder, error)
            continue
        return qm
    return None


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own translations (qtbase_es.qm) are: Qt's path, else PySide6's folder."""
    import PySide6

    return [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).parent / "Qt" / "translations",
    ]


_INSTALLED: list[QTranslator] = []
_SPEAKING = [SOURCE_LANGUAGE]  # the language `install` was last asked for


def speaking() -> str:
    """The language the program speaks since `install` (English before it)."""
    return _SPEAKING[-1]


def installed() -> list[QTranslator]:
    """The translators `install` put in, most recent first (the smoke test names them)."""
    return list(reversed(_INSTALLED))


def install(app: QCoreApplication, language: str, cache: Path | None = None) -> list[QTranslator]:
    """Speak `language` from now on: dates and numbers (QLocale's default), Qt's standard
    dialogs and buttons (qtbase), and the program's own words. Before any widget is made."""
    QLocale.setDefault(QLocale(LOCALES[language]))
    _SPEAKING.append(language)
    installed: list[QTranslator] = []
    if language == SOURCE_LANGUAGE:
        return installed
    qtbase = QTranslator(app)
    if any(qtbase.load(f"qtbase_{language}", str(folder)) for folder in qt_translations_dirs()):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    else:
        log.warning("Qt's own %s translation (qtbase) was not found", language)
    qm = compiled_qm(language, cache)
    ours = QTranslator(app)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)  # installed last: asked first
        installed.append(ours)
    else:
        log.warning("The %s translation could not be loaded; the interface stays English", language)
    _INSTALLED.extend(installed)
    return installed


# ---- the patient's language (what they take home) -------------------------------------------

Words = Callable[[str, str], str]
_PATIENT_TRANSLATORS: dict[str, QTranslator] = {}


def patient_words(language: str) -> Words:
    """A `translate`-like function in the patient's `language` ("es": Spanish, anything
    else English), whatever the staff read the program in: the confirmation slip and the
    course list a patient takes home (issue #20 point 4). Backed by a QTranslator of its
    own, never installed app-wide; the texts are marked with QT_TRANSLATE_NOOP (lupdate
    files them under their context) and looked up here."""
    code = language if language in TRANSLATED else SOURCE_LANGUAGE
    if code == SOURCE_LANGUAGE:
        return lambda _context, source: source
    translator = _PATIENT_TRANSLATORS.get(code)
    if translator is None:
        translator = QTranslator()
        qm = compiled_qm(code)
        if qm is None or not translator.load(str(qm)):
            log.warning("The %s translation could not be loaded for a patient's papers", code)
        _PATIENT_TRANSLATORS[code] = translator
    found = translator

    def words(context: str, source: str) -> str:
        return found.translate(context, source) or source

    return words


def patient_locale(language: str) -> QLocale:
    """Dates and times on the patient's papers: es_US or en_US, not the staff's locale."""
    return QLocale(LOCALES.get(language, LOCALES[SOURCE_LANGUAGE]))


# ---- the tooling -----------------------------------------------------------------------------


def source_files(root: Path) -> list[Path]:
    """The Python files lupdate reads: every module of the program."""
    return sorted(path for path in (root / "intake").rglob("*.py"))


def lupdate_into(ts: Path, root: Path, *, obsolete: bool = False) -> None:
    """Bring `ts` in step with the marked strings under root/intake (translations kept;
    strings gone from the code are dropped unless `obsolete`)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    tool = next(
        (str(folder / n) for n in ("lupdate", "lupdate.exe") if (folder / n).is_file()),
        shutil.which("pyside6-lupdate"),
    )
    if tool is None:
        raise FileNotFoundError("lupdate (it ships with PySide6) was not found")
    files = [str(path.relative_to(root)) for path in source_files(root)]
    args = [tool, "-silent", "-locations", "none", "-no-ui-lines"]
    if not obsolete:
        args.append("-no-obsolete")
    language = ts.stem.split("_", 1)[1]
    args += ["-source-language", "en_US", "-target-language", language]
    subprocess.run([*args, *files, "-ts", str(ts)], check=True, cwd=root, capture_output=True)


def main(argv: list[str]) -> int:
    """`python -m intake.ui.i18n update`: lupdate every resources/i18n/intake_*.ts."""
    if argv[1:] != ["update"]:
        print("usage: python -m intake.ui.i18n update", file=sys.stderr)
        return 2
    root = Path(__file__).resolve().parents[2]
    for language in TRANSLATED:
        ts = root / "resources" / "i18n" / f"intake_{language}.ts"
        lupdate_into(ts, root)
        print(f"updated {ts.relative_to(root)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
