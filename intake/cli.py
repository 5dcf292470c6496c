"""The `intake` command: starts the program, or runs one admin or scripting task.

A thin face over `services/`; heavy imports happen inside each command so that
`intake --help` and the GUI start stay quick.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from intake.services.fhir_export import ExportProgress

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


def _at_least_one(text: str) -> int:
    value = _positive(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _locations(text: str) -> int:
    value = _at_least_one(text)
    if value > 100:  # each location gets a fictional 555-01xx phone number
        raise argparse.ArgumentTypeError("at most 100 locations")
    return value


class _VersionAction(argparse.Action):
    """argparse's own version action, with the text made only when asked for (it reads the
    migrations, which `intake --help` and the GUI start need not)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from intake.services.about import describe_program

        print(describe_program())
        parser.exit(EXIT_OK)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intake", description="Clinic Intake: patient intake, screening and scheduling."
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a demo practice in its own database"
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help="print the program's version and the schema revision it needs, then stop",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    kiosk = sub.add_parser(
        "kiosk", help="the waiting-room tablet: patients fill in their own intake (full screen)"
    )
    kiosk.add_argument("--location", metavar="CODE", help="the location whose desk is alerted")
    db = sub.add_parser("db", help="database schema migrations")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_sub.add_parser("upgrade", help="migrate the database to this program's schema")
    down = db_sub.add_parser("downgrade", help="migrate the database down to revision REV")
    down.add_argument("revision", metavar="REV", help="a revision id, -N (N steps) or base")
    down.add_argument(
        "--yes-destroy-all-data",
        dest="destroy_data",
        action="store_true",
        help="drop tables that hold data too (patients, the audit trail...): no undo",
    )
    db_sub.add_parser("current", help="print the database's schema revision")
    db_sub.add_parser("check", help="fail unless the database is at this program's schema")
    _add_backup_commands(db_sub)

    _add_account_commands(sub)
    connect = sub.add_parser(
        "connect", help="point this PC at a shared PostgreSQL server (no login is stored)"
    )
    connect.add_argument("server", metavar="HOST", help="the server name its certificate names")
    connect.add_argument("database", metavar="DBNAME")
    connect.add_argument("--port", type=_positive, default=5432)
    connect.add_argument(
        "--sslmode", choices=["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]
    )
    connect.add_argument("--sslrootcert", type=Path, metavar="CA_FILE")

    demo = sub.add_parser("demo-data", help="fill the database with a synthetic practice")
    demo.add_argument("--patients", type=_positive, default=2000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--days-back", type=_positive, default=30)
    demo.add_argument("--days-ahead", type=_positive, default=60)
    # A chain; left out, the demo practice's own size (12 locations, 80 therapists).
    demo.add_argument("--locations", type=_locations, help="1 to 100 (default 12)")
    demo.add_argument("--therapists", type=_at_least_one, help="default 80")

    screen = sub.add_parser("screen", help="evaluate screening answers, print the result as JSON")
    screen.add_argument("answers", type=Path, metavar="ANSWERS.json")
    screen.add_argument(
        "--checklist", metavar="ID", help="checklist id, e.g. neck-headache or neck-headache-1"
    )
    screen.add_argument("--on", type=_date, metavar="DATE", help="intake date (default: today)")
    _add_fhir_commands(sub)
    slots = sub.add_parser("slots", help="list free appointment slots, soonest first")
    slots.add_argument("--from", dest="first_day", type=_date, required=True, metavar="DATE")
    slots.add_argument("--days", type=_positive, default=14)
    slots.add_argument("--location", action="append", default=[], metavar="CODE")
    slots.add_argument("--therapist", type=_positive, metavar="ID")
    slots.add_argument("--type", dest="type_code", default="EVAL60", metavar="CODE")
    slots.add_argument("--limit", type=_positive, default=20)
    slots.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from intake import logs

    logs.configure()  # before anything can fail: the GUI's and every command's log
    if args.command is None:
        from intake.ui.app import run_gui

        return run_gui(demo=args.demo)
    if args.command == "kiosk":
        from intake.ui.kiosk.app import run_kiosk

        return run_kiosk(demo=args.demo, location_code=args.location)
    from intake.domain.errors import KnownError

    try:
        return _HANDLERS[args.command](args)
    except KnownError as exc:
        print(f"intake {args.command}: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception:
        from intake.logs import log_path, report_bug

        report_bug(f"intake {args.command} failed")
        print(
            f"intake {args.command}: an unexpected error stopped the command; nothing more "
            f"was changed. The details are in {log_path()} for your IT person.",
            file=sys.stderr,
        )
        return EXIT_FAILURE


def _cmd_screen(args: argparse.Namespace) -> int:
    from intake import screening

    try:
        checklist = screening.load_checklist(args.checklist)
    except screening.ChecklistError as exc:
        print(f"intake screen: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    try:
        answers = json.loads(args.answers.read_text(encoding="utf-8"))
    except OSError as exc:
        print(f"intake screen: cannot read {args.answers}: {exc.strerror}", file=sys.stderr)
        return EXIT_FAILURE
    except json.JSONDecodeError as exc:
        errors = [{"question": None, "message": f"not valid JSON: {exc.msg} (line {exc.lineno})"}]
        print(json.dumps({"errors": errors}, indent=2))
        return EXIT_USAGE
    except (ValueError, RecursionError):  # e.g. a number too long to convert, absurd nesting
        errors = [{"question": None, "message": "the answers file cannot be read as JSON"}]
        print(json.dumps({"errors": errors}, indent=2))
        return EXIT_USAGE
    if not isinstance(answers, dict):
        errors = [{"question": None, "message": "answers must be a JSON object of question ids"}]
        print(json.dumps({"errors": errors}, indent=2))
        return EXIT_USAGE
    on = args.on or dt.date.today()
    problems = screening.validate_answers(checklist, answers, on=on)
    if problems:
        print(json.dumps({"errors": [e.to_json() for e in problems]}, indent=2))
        return EXIT_USAGE
    result = screening.evaluate(checklist, answers, on=on)
    print(json.dumps(result.to_json(), indent=2))
    return EXIT_OK


def _cmd_db(args: argparse.Namespace) -> int:
    if args.db_command in _BACKUP_ACTIONS:
        return _BACKUP_ACTIONS[args.db_command](args)
    from intake.services import database as database_service
    from intake.services import schema
    from intake.settings import load_settings

    database = database_service.connect(load_settings().database_url)
    try:
        action = args.db_command
        if action == "upgrade":
            before = schema.report(database).current
            result = schema.upgrade(database)
            print(f"{result.database}: schema {before or 'empty'} -> {result.current} (head)")
        elif action == "downgrade":
            result = schema.downgrade(database, args.revision, destroy_data=args.destroy_data)
            for name, rows in result.dropped:
                print(f"{result.database}: dropped table {name} ({rows} rows)")
            print(f"{result.database}: schema now at {result.current or 'base (empty)'}")
        elif action == "current":
            result = schema.report(database)
            state = "head" if result.current == result.head else f"head is {result.head}"
            print(f"{result.database}: {result.current or 'empty (no schema)'} ({state})")
        else:
            result = schema.report(database, compare_models=True)
            if not result.ok:
                print(_schema_problem(result), file=sys.stderr)
                return EXIT_FAILURE
            print(f"{result.database}: schema {result.current} is current")
        return EXIT_OK
    finally:
        database.close()


def _schema_problem(result: object) -> str:
    from intake.services.schema import SchemaReport

    assert isinstance(result, SchemaReport)
    if not result.known:
        return f"{result.database}: revision {result.current} is newer than this program"
    if result.current != result.head:
        return (
            f"{result.database}: schema {result.current or 'empty'} is behind {result.head}; "
            "run `intake db upgrade`"
        )
    return f"{result.database}: models and migrations differ: " + "; ".join(result.differences)


def _cmd_demo_data(args: argparse.Namespace) -> int:
    from intake.demo import data as demo_data
    from intake.demo.practice import DemoOptions
    from intake.services import database as database_service
    from intake.settings import load_settings

    database = database_service.open_database(load_settings().database_url)
    try:
        options = DemoOptions(
            patients=args.patients,
            seed=args.seed,
            days_back=args.days_back,
            days_ahead=args.days_ahead,
            **{
                name: getattr(args, name)
                for name in ("locations", "therapists")
                if getattr(args, name) is not None
            },
        )
        summary = demo_data.fill(database, options)
    finally:
        database.close()
    counts = ", ".join(f"{n} {name}" for name, n in summary.rows.items())
    print(f"{database.display_url}: demo practice written in {summary.seconds:.1f} s ({counts})")
    return EXIT_OK


def _cmd_slots(args: argparse.Namespace) -> int:
    from intake.domain.booking import SlotRequest
    from intake.domain.errors import Invalid
    from intake.services import database as database_service
    from intake.services import slot_finder
    from intake.services.actor import SYSTEM
    from intake.settings import load_settings

    request = SlotRequest(
        first_day=args.first_day,
        days=args.days,
        type_code=args.type_code,
        location_codes=tuple(args.location),
        therapist_id=args.therapist,
        limit=args.limit,
    )
    database = database_service.open_database(load_settings().database_url, upgrade=False)
    try:
        offers = slot_finder.find(database, SYSTEM, request)
    except Invalid as exc:
        if args.json:
            print(json.dumps({"errors": exc.problems}, indent=2))
        else:
            for field, problem in exc.problems.items():
                print(f"intake slots: --{field}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        database.close()
    if args.json:
        print(json.dumps([_slot_json(o) for o in offers], indent=2))
    elif not offers:
        print("No free slots match.")
    else:
        for o in offers:
            local = o.local_start
            print(
                f"{local:%a %Y-%m-%d %H:%M} {local:%Z}  {o.location_code:<6} "
                f"{o.location_name:<28} {o.therapist_name} (therapist {o.therapist_id})"
            )
    return EXIT_OK


def _slot_json(offer: object) -> dict[str, object]:
    from intake.domain.booking import SlotOffer

    assert isinstance(offer, SlotOffer)
    return {
        "start": offer.start.isoformat(),
        "end": offer.end.isoformat(),
        "local_start": offer.local_start.isoformat(),
        "timezone": offer.timezone,
        "location": offer.location_code,
        "location_name": offer.location_name,
        "therapist_id": offer.therapist_id,
        "therapist": offer.therapist_name,
        "type": offer.type_code,
    }


# --- backups (intake db backup|restore|backup-passphrase) ----------------------------------------

PASSPHRASE_VARIABLE = "INTAKE_BACKUP_PASSPHRASE"


def _add_backup_commands(db_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = db_sub.add_parser("backup", help="write an encrypted backup of the whole database")
    backup.add_argument("--to", type=Path, metavar="FOLDER", help="default: the settings' folder")
    restore = db_sub.add_parser("restore", help="restore an encrypted backup into the database")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument(
        "--replace-data",
        action="store_true",
        help="replace a database that holds data (the data replaced is kept aside)",
    )
    key = db_sub.add_parser(
        "backup-passphrase", help="set the passphrase backups are encrypted for (once)"
    )
    key.add_argument("--replace", action="store_true", help="replace the passphrase already set")


def _passphrase(prompt: str, *, confirm: bool = False) -> str:
    import getpass
    import os

    from intake.services.backup_file import BackupProblem

    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given:
        return given
    if not sys.stdin.isatty():
        raise BackupProblem(f"No passphrase: type it at a terminal, or set {PASSPHRASE_VARIABLE}.")
    typed = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != typed:
        raise BackupProblem("The two passphrases differ. Nothing was changed.")
    return typed


def _cmd_db_backup_passphrase(args: argparse.Namespace) -> int:
    from intake.services import backup
    from intake.services.backup_file import check_passphrase
    from intake.settings import load_settings

    folder = load_settings().data_dir
    if backup.key_path(folder).exists() and not args.replace:
        backup.set_up_key(folder, "", replace=False)  # raises: says how to replace it
    passphrase = _passphrase("New backup passphrase: ", confirm=True)
    check_passphrase(passphrase)
    path = backup.set_up_key(folder, passphrase, replace=args.replace)
    print(
        f"Backup passphrase set (key stored in {path}, the passphrase itself is not stored). "
        "Keep the passphrase somewhere safe away from this PC: without it no backup restores."
    )
    return EXIT_OK


def _cmd_db_backup(args: argparse.Namespace) -> int:
    from intake.services import backup
    from intake.services import database as database_service
    from intake.settings import backup_settings, load_settings

    settings = load_settings()
    chosen = backup_settings(settings)
    key = backup.require_key(settings.data_dir)
    folder = args.to or chosen.folder
    if args.to is None:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # No schema check: a database a version behind is exactly what to back up before upgrading.
    database = database_service.connect(settings.database_url)
    try:
        result = backup.make_backup(database, folder, key, chosen.practice_name)
    finally:
        database.close()
    if args.to is None:
        from intake.domain.backups import RetentionPolicy

        backup.rotate(folder, RetentionPolicy(chosen.keep_daily, chosen.keep_weekly))
    counts = ", ".join(f"{n} {table}" for table, n in result.metadata["counts"].items())
    print(
        f"{result.path}: {result.size / 1e6:.1f} MB in {result.seconds:.1f} s, schema "
        f"{result.metadata['revision']} ({counts})"
    )
    return EXIT_OK


def _cmd_db_restore(args: argparse.Namespace) -> int:
    from intake.services import backup
    from intake.settings import backup_settings, load_settings

    settings = load_settings()
    passphrase = _passphrase(f"Passphrase of {args.file.name}: ")
    result = backup.restore(
        settings.database_url,
        args.file,
        passphrase,
        replace_data=args.replace_data,
        aside_folder=backup_settings(settings).folder,
        local_key=backup.load_key(settings.data_dir),
    )
    made = result.metadata.get("created_at", "?")
    counts = ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in result.counts.items())
    print(f"Restored {args.file.name} (made {made}, practice {result.metadata.get('practice')})")
    print(f"into {result.database}: {counts}")
    if result.upgraded_from:
        print(f"schema upgraded from {result.upgraded_from} to {result.revision}")
    if result.replaced_kept_at:
        print(f"the data it replaced is kept at {result.replaced_kept_at}")
    return EXIT_OK


_BACKUP_ACTIONS = {
    "backup": _cmd_db_backup,
    "restore": _cmd_db_restore,
    "backup-passphrase": _cmd_db_backup_passphrase,
}


def _add_account_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    accounts = sub.add_parser("accounts", help="staff accounts (on PostgreSQL: their logins)")
    act = accounts.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    add = act.add_parser("add", help="create an account (PostgreSQL: and its login)")
    add.add_argument("name", metavar="NAME")
    roles = ["front_desk", "therapist", "admin", "tablet"]  # tablet: only `intake kiosk`
    add.add_argument("--role", required=True, choices=roles)
    add.add_argument("--full-name", required=True, metavar="TEXT")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    act.add_parser("disable", help="switch an account off (kept for the audit trail)").add_argument(
        "name", metavar="NAME"
    )
    reset = act.add_parser("reset-password", help="set a one-time password and unlock")
    reset.add_argument("name", metavar="NAME")
    reset.add_argument("--password-stdin", action="store_true")
    act.add_parser("list", help="list the accounts")


def _new_password(args: argparse.Namespace) -> str:
    import getpass

    from intake.domain.errors import Invalid

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise Invalid({"password": "No password: type it at a terminal, or give --password-stdin."})
    typed = getpass.getpass("Password for the account: ")
    if getpass.getpass("Type it again: ") != typed:
        raise Invalid({"password": "The two passwords differ. Nothing was changed."})
    return typed


def _cmd_connect(args: argparse.Namespace) -> int:
    from intake.domain.errors import Invalid
    from intake.settings import write_server

    if "@" in args.server or "/" in args.server or ":" in args.server:
        raise Invalid(
            {"server": "Give the server's name alone: no user, password, port or path (each "
             "person signs in with their own login)."}
        )  # fmt: skip
    path = write_server(
        args.server, args.database, port=args.port, sslmode=args.sslmode,
        sslrootcert=args.sslrootcert,
    )  # fmt: skip
    print(f"This PC now uses {args.server}:{args.port}/{args.database} ({path}); no login or "
          "password is kept here: each person signs in with their own.")  # fmt: skip
    return EXIT_OK


def _cmd_accounts(args: argparse.Namespace) -> int:
    """The IT person's accounts: on PostgreSQL run with their own login in
    INTAKE_DATABASE_URL (the owner, or an admin's login); on SQLite the embedded database."""
    from intake.domain.enums import Role
    from intake.domain.errors import NotFound
    from intake.services import accounts
    from intake.services.actor import SYSTEM
    from intake.services.database import open_database
    from intake.settings import load_settings

    database = open_database(load_settings().database_url)
    try:
        if args.accounts_command == "add":
            info = accounts.create_account(
                database, SYSTEM, args.name, args.full_name, Role(args.role), _new_password(args)
            )
            where = f", login {info.login}" if info.login else ""
            print(f"Account {info.username} ({info.role.value}{where}) created.")
            return EXIT_OK
        found = {a.username: a for a in accounts.list_accounts(database, SYSTEM)}
        if args.accounts_command == "list":
            for a in found.values():
                state = "active" if a.active else "switched off"
                login = a.login or "-"
                print(
                    f"{a.username:<20} {a.role.value:<11} {state:<12} {login:<40} {a.display_name}"
                )
            return EXIT_OK
        name = args.name.strip().lower()
        if name not in found:
            raise NotFound(f"There is no account {name!r}.")
        info = found[name]
        if args.accounts_command == "disable":
            accounts.deactivate_account(database, SYSTEM, info.id, info.version)
            print(f"Account {name} switched off; it can no longer sign in.")
        else:
            accounts.reset_password(database, SYSTEM, info.id, info.version, _new_password(args))
            print(f"Account {name} has a one-time password; a new one is asked at sign-in.")
        return EXIT_OK
    finally:
        database.close()


def _add_fhir_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fhir = sub.add_parser("fhir", help="FHIR R4: the checklist as a Questionnaire, bulk export")
    act = fhir.add_subparsers(dest="fhir_command", metavar="ACTION", required=True)
    form = act.add_parser(
        "questionnaire", help="write the screening checklist as a FHIR R4 Questionnaire (JSON)"
    )
    form.add_argument(
        "--checklist", metavar="ID", help="checklist id, e.g. neck-headache or neck-headache-1"
    )
    form.add_argument("--out", type=Path, metavar="FILE", help="write here instead of printing")
    export = act.add_parser(
        "export", help="write patients and intakes as FHIR Bulk Data files (TYPE.ndjson)"
    )
    export.add_argument("--out", type=Path, metavar="DIR", required=True)
    export.add_argument(
        "--since", type=_date, metavar="DATE", help="only what changed on or after this day"
    )
    export.add_argument("--patient", metavar="MRN", help="only this patient (record number)")
    _add_fhir_import(act)


def _cmd_fhir(args: argparse.Namespace) -> int:
    from intake import fhir, screening
    from intake.settings import load_settings

    if args.fhir_command == "export":
        return _cmd_fhir_export(args)
    if args.fhir_command == "import":
        return _cmd_fhir_import(args)
    try:
        checklist = screening.load_checklist(args.checklist)
    except screening.ChecklistError as exc:
        print(f"intake fhir: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    resource = fhir.questionnaire(checklist, load_settings().fhir_base_url)
    text = json.dumps(resource, indent=2, ensure_ascii=False) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"intake fhir: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE
    print(f"Wrote the Questionnaire {resource['url']}|{resource['version']} to {args.out}")
    return EXIT_OK


def _cmd_fhir_export(args: argparse.Namespace) -> int:
    from intake.services import database as database_service
    from intake.services import fhir_export
    from intake.services.actor import SYSTEM
    from intake.settings import backup_settings, load_settings

    settings = load_settings()
    database = database_service.open_database(settings.database_url, upgrade=False)
    show = _ExportProgress(sys.stderr)
    try:
        summary = fhir_export.write_export(
            database,
            SYSTEM,
            args.out,
            base_url=settings.fhir_base_url,
            practice_name=backup_settings(settings).practice_name,
            since=args.since,
            mrn=args.patient,
            progress=show,
        )
    finally:
        show.finish()
        database.close()
    counts = ", ".join(f"{n} {kind}" for kind, n in summary.counts.items())
    print(f"Wrote {counts or 'nothing (no matching records)'} to {args.out}")
    return EXIT_OK


# --- FHIR import (intake fhir import FILE) ------------------------------------------------------


def _add_fhir_import(act: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    take = act.add_parser(
        "import",
        help="take in QuestionnaireResponses (JSON, a Bundle, or .ndjson) as draft intakes",
    )
    take.add_argument("file", type=Path, metavar="FILE")


def _cmd_fhir_import(args: argparse.Namespace) -> int:
    """Exit 0: every response imported; 1: something unmatched or invalid (nothing of an
    invalid file is written); 2: the file is not JSON or not FHIR."""
    from intake.domain.errors import BadDocument, UnreadableFile
    from intake.fhir.reading import parse_file, read_responses
    from intake.services import database as database_service
    from intake.services import fhir_import
    from intake.services.actor import SYSTEM
    from intake.settings import load_settings

    name = f"intake fhir import: {args.file}"
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(f"{name}: cannot read it: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE
    settings = load_settings()
    try:
        documents = parse_file(data, ndjson=args.file.suffix.lower() == ".ndjson")
        responses = read_responses(documents, settings.fhir_base_url, today=dt.date.today())
    except BadDocument as exc:
        for problem in exc.problems:
            print(f"{name}: {problem}", file=sys.stderr)
        print(f"{name}: nothing was imported.", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, UnreadableFile) else EXIT_FAILURE
    database = database_service.open_database(settings.database_url, upgrade=False)
    try:
        outcomes = fhir_import.import_responses(database, SYSTEM, responses)
    finally:
        database.close()
    for outcome in outcomes:
        if outcome.imported:
            print(
                f"{outcome.label}: imported as draft intake {outcome.intake_id} for record "
                f"number {outcome.patient_mrn}"
            )
        else:
            print(f"{outcome.label}: unmatched, left alone ({outcome.unmatched})")
    return EXIT_OK if all(o.imported for o in outcomes) else EXIT_FAILURE


class _ExportProgress:
    """The export's progress on stderr: one line rewritten in place on a terminal, else a
    line per phase every 10 % (a log or a pipe gets no carriage returns)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self.shown: tuple[str, int] | None = None

    def __call__(self, step: ExportProgress) -> None:
        percent = step.done * 100 // step.total if step.total else 100
        if self.live:
            self.stream.write(
                f"\rExporting {step.phase}: {step.done:,} of {step.total:,} ({percent}%)\x1b[K"
            )
            self.stream.flush()
            return
        mark = (step.phase, percent // 10)
        if mark != self.shown and (
            self.shown is None or mark[0] != self.shown[0] or mark > self.shown
        ):
            self.shown = mark
            print(f"Exporting {step.phase}: {percent}%", file=self.stream, flush=True)

    def finish(self) -> None:
        if self.live:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


_HANDLERS = {
    "accounts": _cmd_accounts,
    "connect": _cmd_connect,
    "screen": _cmd_screen,
    "fhir": _cmd_fhir,
    "db": _cmd_db,
    "demo-data": _cmd_demo_data,
    "slots": _cmd_slots,
}


if __name__ == "__main__":
    raise SystemExit(main())
