"""Where the program keeps its data and which database it talks to.

Order of precedence: environment (`INTAKE_DATABASE_URL`, `INTAKE_DATA_DIR`,
`INTAKE_LANGUAGE`), then the settings file `settings.toml` in the data folder, then the
embedded SQLite default.
A settings file that cannot be used stops the start with one sentence (`SettingsError`)
naming the file, the line and what is wrong: guessing a database would be worse.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from intake.domain.errors import KnownError

APP_NAME = "clinic-intake"
SETTINGS_FILE = "settings.toml"
DATABASE_FILE = "intake.sqlite3"
DEMO_DATABASE_FILE = "demo.sqlite3"
IDLE_LOCK_RANGE = (1, 24 * 60)  # minutes
# libpq's sslmode values, weakest first; the verifying ones need the CA that signed the server.
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
VERIFYING_SSL_MODES = ("verify-ca", "verify-full")
# The interface languages (intake/ui/i18n.py LANGUAGES; this module stays free of Qt).
LANGUAGE_CODES = ("en", "es")
# The base of the canonical URLs in our FHIR output (Questionnaire, code systems), key
# fhir_base_url. The default is the program's own namespace: the checklist is the program's,
# so practices that keep it share one canonical URL; .example.org (RFC 2606) never resolves.
DEFAULT_FHIR_BASE_URL = "https://clinic-intake.example.org/fhir"


class SettingsError(KnownError):
    """The settings file cannot be used; `str()` names the file, the line and the fault."""

    def __init__(self, path: Path, problem: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f", line {line}" if line else ""
        super().__init__(f"The settings file {path}{where}: {problem}.")


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    idle_lock_minutes: int = 5
    backup: BackupSettings | None = None  # None: the defaults (see backup_settings)
    fhir_base_url: str = DEFAULT_FHIR_BASE_URL


@dataclass(frozen=True)
class BackupSettings:
    """settings.toml keys backup_folder, backup_interval_hours, backup_keep_daily,
    backup_keep_weekly and practice_name (the name that starts each backup file's name)."""

    folder: Path
    interval_hours: float = 4.0
    keep_daily: int = 14
    keep_weekly: int = 8
    practice_name: str = "practice"


def backup_settings(settings: Settings) -> BackupSettings:
    return settings.backup or BackupSettings(settings.data_dir / "backups")


def _checked_number(value: object) -> float:
    assert isinstance(value, int | float)  # read_settings_file has checked it
    return value


def _backup_settings(folder: Path, values: dict[str, object]) -> BackupSettings:
    # read_settings_file has checked every type and range.
    where = values.get("backup_folder")
    return BackupSettings(
        folder=Path(str(where)).expanduser() if where else folder / "backups",
        interval_hours=float(_checked_number(values.get("backup_interval_hours", 4.0))),
        keep_daily=int(_checked_number(values.get("backup_keep_daily", 14))),
        keep_weekly=int(_checked_number(values.get("backup_keep_weekly", 8))),
        practice_name=str(values.get("practice_name", "practice")),
    )


def data_dir() -> Path:
    override = os.environ.get("INTAKE_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def load_settings(*, demo: bool = False) -> Settings:
    """The settings in force. The demo practice always uses its own SQLite file.

    Raises SettingsError when the settings file exists but cannot be used.
    """
    folder = data_dir()
    file_values = read_settings_file(folder / SETTINGS_FILE)
    idle = file_values.get("idle_lock_minutes", 5)
    assert isinstance(idle, int)  # read_settings_file checked it
    backup = _backup_settings(folder, file_values)
    fhir = str(file_values.get("fhir_base_url", DEFAULT_FHIR_BASE_URL)).strip().rstrip("/")
    if demo:
        return Settings(folder, sqlite_url(folder / DEMO_DATABASE_FILE), idle, backup, fhir)
    from_file = file_values.get("database_url")
    if from_file and not os.environ.get("INTAKE_DATABASE_URL"):
        _refuse_a_login_in_the_file(str(from_file), folder / SETTINGS_FILE)
    url = os.environ.get("INTAKE_DATABASE_URL") or from_file
    if not url:
        return Settings(folder, sqlite_url(folder / DATABASE_FILE), idle, backup, fhir)
    url = _with_transport(str(url), file_values, folder / SETTINGS_FILE)
    return Settings(folder, url, idle, backup, fhir)


def write_server(
    host: str,
    database: str,
    *,
    port: int = 5432,
    sslmode: str | None = None,
    sslrootcert: Path | None = None,
) -> Path:
    """Point this PC at a shared server: database_url (server and database, never a login)
    and the TLS keys, each written over its line in settings.toml or added; the rest of the
    file stays as it was. The result is checked as a start would check it, then replaces the
    file (owner-only) in one step."""
    from urllib.parse import quote

    folder = data_dir()
    path = folder / SETTINGS_FILE
    wanted: dict[str, str] = {
        "database_url": f"postgresql+psycopg://{host.strip()}:{port}/{quote(database, safe='')}"
    }
    if sslmode is not None:
        wanted["sslmode"] = sslmode
    if sslrootcert is not None:
        wanted["sslrootcert"] = str(sslrootcert.expanduser().resolve())
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = old.splitlines()
    for key, value in wanted.items():
        line = f"{key} = {json.dumps(value)}"  # a JSON string is a TOML basic string
        found = _line_of(old, key)
        if found is None:
            lines.append(line)
        else:
            lines[found - 1] = line
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    trial = path.with_name(f".{SETTINGS_FILE}.new")
    trial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    trial.chmod(0o600)
    try:
        values = read_settings_file(trial)
        _refuse_a_login_in_the_file(str(values["database_url"]), trial)
        _with_transport(str(values["database_url"]), values, trial)
    except BaseException:
        trial.unlink()
        raise
    trial.replace(path)
    return path


def language_setting() -> str | None:
    """settings.toml's `language` ("en", "es"), None when the file does not choose one
    (the interface then speaks the system's language; intake/ui/i18n.py)."""
    value = read_settings_file(data_dir() / SETTINGS_FILE).get("language")
    return str(value) if value is not None else None


def write_language(language: str | None) -> Path:
    """Choose this PC's interface language in settings.toml (None: the system's again),
    over its line or added; the rest of the file stays as it was, checked before it
    replaces the file."""
    folder = data_dir()
    path = folder / SETTINGS_FILE
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = old.splitlines()
    found = _line_of(old, "language")
    line = f"language = {json.dumps(language)}" if language is not None else None
    if found is not None:
        lines[found - 1 : found] = [line] if line is not None else []
    elif line is not None:
        lines.append(line)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    trial = path.with_name(f".{SETTINGS_FILE}.new")
    trial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    trial.chmod(0o600)
    try:
        read_settings_file(trial)
    except BaseException:
        trial.unlink()
        raise
    trial.replace(path)
    return path


def _refuse_a_login_in_the_file(url: str, path: Path) -> None:
    """A clinic PC's file names the server and database only: each person signs in with
    their own login, and a password kept in a file is one anybody at the PC can read."""
    scheme, _, rest = url.strip().partition("://")
    if not scheme.lower().startswith("postgresql") or "@" not in rest:
        return
    raise SettingsError(
        path,
        "database_url names a user (and perhaps a password): on a shared server each person "
        "signs in with their own login, so the file names only the server and the database, "
        "like postgresql+psycopg://HOST:5432/DBNAME. Remove the part before the @ (the IT "
        "person's own commands take INTAKE_DATABASE_URL instead)",
        _line_of(path.read_text(encoding="utf-8"), "database_url"),
    )


def _with_transport(url: str, values: dict[str, object], path: Path) -> str:
    """The PostgreSQL address with the file's sslmode and sslrootcert added as libpq
    parameters to its query; a value the address names itself wins. Other backends and
    addresses without the two keys are unchanged."""
    wanted: dict[str, str] = {
        key: str(values[key]) for key in ("sslmode", "sslrootcert") if key in values
    }
    if not wanted or not url.strip().lower().startswith("postgresql"):
        return url
    if "sslrootcert" in wanted:
        wanted["sslrootcert"] = str(Path(wanted["sslrootcert"]).expanduser())
    # As intake.db.engine.parse_url reads it: the user info (a password may hold ? or #)
    # runs to the last @, and the query starts at the first ? after it.
    head, at, rest = url.strip().rpartition("@")
    before, _, query = rest.partition("?")
    named = dict(parse_qsl(query, keep_blank_values=True))
    added = {key: value for key, value in wanted.items() if key not in named}
    mode = added.get("sslmode")
    if mode in VERIFYING_SSL_MODES and not (added.get("sslrootcert") or named.get("sslrootcert")):
        raise SettingsError(
            path,
            f"sslmode {mode!r} checks the server's certificate, so it needs sslrootcert, the "
            "full path of the file of the certificate authority that signed it",
            _line_of(path.read_text(encoding="utf-8"), "sslmode"),
        )
    if not added:
        return url
    joined = "&".join(part for part in (query, urlencode(added)) if part)
    return f"{head}{at}{before}?{joined}"


def read_settings_file(path: Path) -> dict[str, object]:
    """The checked values of the file at `path`; {} when there is none (an empty file too)."""
    raw = _read_bytes(path)
    if raw is None:
        return {}
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SettingsError(
            path, "not UTF-8 text (save it as UTF-8 in a plain-text editor)", line
        ) from None
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problem, problem_line = _toml_problem(exc)
        raise SettingsError(path, f"not valid TOML: {problem}", problem_line) from None
    _check(path, text, values)
    return values


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise SettingsError(path, "a folder, not a file") from None
    except PermissionError:
        raise SettingsError(path, "cannot be read: permission denied") from None
    except OSError as exc:
        raise SettingsError(path, f"cannot be read: {exc.strerror or exc}") from None


_AT = re.compile(r"\s*\(at line (\d+), column \d+\)$")


def _toml_problem(exc: tomllib.TOMLDecodeError) -> tuple[str, int | None]:
    # tomllib puts the position at the end of its message (3.11-3.13) or in attributes (3.14).
    message = str(getattr(exc, "msg", None) or exc)
    found = _AT.search(message)
    line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else None)
    return _AT.sub("", message).rstrip(".") or "cannot be parsed", line


def _whole(low: int, high: int, unit: str) -> _Rule:
    def ok(value: object) -> bool:
        return not isinstance(value, bool) and isinstance(value, int) and low <= value <= high

    return ok, f"a whole number of {unit} from {low} to {high}"


def _number(low: float, high: float, unit: str) -> _Rule:
    def ok(value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        return low <= value <= high

    return ok, f"a number of {unit} from {low:g} to {high:g}"


def _one_of(*choices: str) -> _Rule:
    return (lambda value: value in choices), f"one of {', '.join(map(repr, choices))}"


def _readable_file(what: str) -> _Rule:
    def ok(value: object) -> bool:
        if not isinstance(value, str) or not value.strip():
            return False
        path = Path(value).expanduser()
        return path.is_absolute() and path.is_file() and os.access(path, os.R_OK)

    return ok, f"the full path, in quotes, of {what} that exists and can be read"


def _web_address(what: str) -> _Rule:
    def ok(value: object) -> bool:
        return isinstance(value, str) and bool(
            re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", value.strip())
        )

    return ok, f'{what} in quotes, such as "https://fhir.example-practice.org/fhir"'


def _text(what: str) -> _Rule:
    return (lambda value: isinstance(value, str) and bool(value.strip())), f"{what} in quotes"


_Rule = tuple[Callable[[object], bool], str]
# Every key the file may hold, with what its value must be.
_RULES: dict[str, _Rule] = {
    "database_url": _text("a database address"),
    "idle_lock_minutes": _whole(*IDLE_LOCK_RANGE, "minutes"),
    "backup_folder": _text("a folder"),
    "backup_interval_hours": _number(0.25, 24 * 7, "hours"),
    "backup_keep_daily": _whole(1, 366, "backups"),
    "backup_keep_weekly": _whole(0, 520, "backups"),
    "practice_name": _text("a name"),
    "fhir_base_url": _web_address("a web address (http or https) without ? or #"),
    "language": _one_of(*LANGUAGE_CODES),
    "sslmode": _one_of(*SSL_MODES),
    "sslrootcert": _readable_file("a certificate file (PEM)"),
}


def _check(path: Path, text: str, values: dict[str, object]) -> None:
    for key, value in values.items():
        line = _line_of(text, key)
        rule = _RULES.get(key)
        if rule is None:
            raise SettingsError(path, f"unknown setting {key!r} (known: {', '.join(_RULES)})", line)
        ok, wanted = rule
        if not ok(value):
            raise SettingsError(path, f"{key} must be {wanted}, not {_shown(value)}", line)


def _line_of(text: str, key: str) -> int | None:
    pattern = re.compile(r"^\s*(\[\s*)?[\"']?" + re.escape(key) + r"[\"']?\s*[=\].]")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if not isinstance(value, bool) else str(value).lower()
    return text if len(text) <= 40 else text[:37] + "..."
