"""A Spanish-speaking desk reads the system's own sentences in Spanish: sign-in and account
refusals, a lock's end (its time written the Spanish way), a stale or forbidden change,
backups (the status bar's words with their times and dates), the database's and the export's
refusals. Each is made by the real service on the test database; the logs keep the English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from intake.domain.accounts import SIGN_IN_REFUSED, SignInRefused, UnlockRefused
from intake.domain.backups import BackupState, describe_state
from intake.domain.enums import Role
from intake.domain.errors import (
    DatabaseUnavailable,
    Invalid,
    NotFound,
    PermissionDenied,
    StaleRecord,
)
from intake.services import accounts, backup, backup_file, fhir_export
from intake.services.actor import SYSTEM
from intake.services.database import connect
from intake.settings import BackupSettings
from intake.ui import when
from intake.ui.auto_backup import AutoBackup
from intake.ui.main_window import MainWindow
from intake.ui.sign_in import SignInDialog
from intake.ui.words import error_text, problems_of, said
from intake.ui.worker import Worker
from tests.db.test_accounts import PASSWORD, cheap_hasher  # noqa: F401


@pytest.fixture
def database_url(checked_database_url: str) -> str:
    """Wrong passwords must be refused: on PostgreSQL a server that checks them."""
    return checked_database_url


@pytest.fixture
def boss(database, cheap_hasher):  # type: ignore[no-untyped-def]  # noqa: F811
    return accounts.create_first_admin(database, "boss", "Test Boss", PASSWORD)


def test_a_refused_sign_in_is_said_in_spanish_on_the_sign_in_screen(qtbot, speak, database, boss):  # type: ignore[no-untyped-def]
    speak("es")
    with pytest.raises(SignInRefused) as refused:
        accounts.sign_in(database, "boss", "wrong-password")
    text = error_text(refused.value)
    assert text.startswith("No se pudo iniciar sesión.") and "15 minutos" in text, text
    assert str(refused.value) == str(SIGN_IN_REFUSED)  # the log's words stay English
    worker = Worker()
    dialog = SignInDialog(database, worker)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "boss")
    qtbot.keyClicks(dialog.password, "wrong-again")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.general.text() == text, timeout=10_000)
    worker.wait_for_done()


def test_a_locked_account_says_until_when_with_the_spanish_time(speak, database, boss):  # type: ignore[no-untyped-def]
    speak("es")
    for tries in range(5):
        with pytest.raises(SignInRefused):
            accounts.sign_in(database, "boss", f"wrong-{tries}")
    until = accounts.locked_until(database, boss)
    assert until is not None
    local = (until if until.tzinfo else until.replace(tzinfo=dt.UTC)).astimezone()
    text = error_text(UnlockRefused(local))  # as the lock screen raises it
    spanish_time = when.time_of_day(local.time(), localized=True)
    assert "." in spanish_time  # 1:05 p.m.
    assert text.startswith(f"Esta cuenta está bloqueada hasta las {spanish_time} "), text
    assert f"until {local:%H:%M}" in str(UnlockRefused(local))


def test_account_problems_stale_changes_and_forbidden_ones_are_spanish(speak, database, boss):  # type: ignore[no-untyped-def]
    speak("es")
    with pytest.raises(Invalid) as short:
        accounts.create_account(database, boss, "boss2", "Other Boss", Role.ADMIN, "short")
    assert problems_of(short.value) == {
        "password": "Una contraseña necesita al menos 8 caracteres."
    }
    with pytest.raises(Invalid) as taken:
        accounts.create_account(database, boss, "boss", "Other Boss", Role.ADMIN, PASSWORD)
    assert problems_of(taken.value) == {"username": "El nombre de usuario 'boss' ya está en uso."}
    created = accounts.create_account(
        database, boss, "desk2", "Desk Two", Role.FRONT_DESK, PASSWORD
    )
    accounts.update_account(database, boss, created.id, created.version, display_name="Desk 2")
    with pytest.raises(StaleRecord) as stale:
        accounts.update_account(database, boss, created.id, created.version, display_name="Desk")
    assert error_text(stale.value) == (
        "Otra computadora cambió o eliminó esto desde que usted lo abrió (La cuenta desk2). "
        "Vuelva a cargarlo y haga su cambio de nuevo."
    )
    desk = accounts.sign_in(database, "desk2", PASSWORD)
    with pytest.raises(PermissionDenied) as forbidden:
        accounts.list_accounts(database, desk)
    assert error_text(forbidden.value) == (
        "Su función (recepción) no le permite hacer esto (cuentas)."
    )
    assert str(forbidden.value) == "Your role (front desk) may not do this (accounts)."


def test_backup_words_and_refusals_are_spanish_with_spanish_times_and_dates(  # type: ignore[no-untyped-def]
    speak, tmp_path: Path
):
    speak("es")
    with pytest.raises(backup_file.BackupProblem) as no_key:
        backup.require_key(tmp_path)
    assert error_text(no_key.value).startswith("No hay frase de contraseña"), error_text(
        no_key.value
    )
    now = dt.datetime(2026, 12, 2, 15, 0)
    state = BackupState(True, "/media/usb", True, last_good=dt.datetime(2026, 12, 1, 20, 0))
    _, short, detail = describe_state(state, now)
    spanish_time = when.time_of_day(dt.time(20, 0), localized=True)
    assert said(short) == f"Última copia de seguridad: ayer {spanish_time}"
    assert str(short) == "Last backup yesterday 20:00"
    assert said(detail) == "Las copias de seguridad se guardan en /media/usb."
    older = dt.datetime(2026, 11, 28, 9, 30)
    _, short, _ = describe_state(BackupState(True, "/media/usb", True, last_good=older), now)
    written = when.moment(older, short=True, localized=True)
    assert "nov" in written
    assert said(short) == f"Última copia de seguridad: {written} (hace más de un día)"


def test_the_status_bar_says_backups_are_off_in_spanish(qtbot, speak, database, tmp_path: Path):  # type: ignore[no-untyped-def]
    speak("es")
    window = MainWindow()
    qtbot.addWidget(window)
    settings = BackupSettings(tmp_path / "backups", practice_name="Test")
    automatic = AutoBackup(window, database, settings, tmp_path / "no-key-here")
    with qtbot.waitSignal(automatic.state_did_change, timeout=30_000):
        automatic.start()
    assert (
        automatic.label.text() == "⚠ Copias de seguridad desactivadas: no hay frase de contraseña"
    )
    assert "intake db backup-passphrase" in automatic.label.toolTip()
    assert automatic.label.toolTip().startswith("No se hace ninguna copia")


def test_the_database_and_the_export_refuse_in_spanish(speak, database, boss):  # type: ignore[no-untyped-def]
    speak("es")
    with pytest.raises(DatabaseUnavailable) as bad:
        connect("nonsense-address")
    assert error_text(bad.value).startswith("La dirección de la base de datos"), error_text(
        bad.value
    )
    with pytest.raises(NotFound) as missing:
        fhir_export.read_for_export(database, SYSTEM, mrn="NO-SUCH-1")
    assert error_text(missing.value) == (
        "No hay ningún paciente con el número de expediente NO-SUCH-1."
    )
