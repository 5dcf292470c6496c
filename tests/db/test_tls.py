"""Transport: the program talks to PostgreSQL over TLS and checks whom it talks to.

Against a cluster these tests start themselves (tests/pg_cluster.py): it checks passwords
(SCRAM) and holds a certificate for `localhost` and 127.0.0.1 signed by a CA made for it.
Each way the connection can be refused is one sentence with the password nowhere in it,
nor in the log. They need the PostgreSQL server programs, not the CI server, and run in
the PostgreSQL run (where CI installs those programs).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from intake.cli import main
from intake.domain.errors import DatabaseUnavailable
from intake.services.database import connect
from intake.settings import SETTINGS_FILE, load_settings
from tests.log_capture import log_folder, log_text  # noqa: F401
from tests.pg_cluster import PgCluster, make_ca, write_pem

pytestmark = pytest.mark.backend("postgresql")

WRONG_PASSWORD = "Wrong-horse-battery-7"


def _refusal(url: str, caplog: pytest.LogCaptureFixture, *secrets: str) -> str:
    """The sentence `connect` refuses `url` with; no secret in it nor in any log record."""
    caplog.set_level(logging.DEBUG)
    with pytest.raises(DatabaseUnavailable) as caught:
        connect(url)
    message = str(caught.value)
    for secret in secrets:
        assert secret not in message
        assert secret not in caplog.text
    assert "\n" not in message
    return message


def _verifying(server: PgCluster, mode: str = "verify-full", **query: str) -> str:
    return server.url(sslmode=mode, sslrootcert=str(server.ca_file), **query)


def test_verify_full_from_the_settings_file_connects_over_tls(
    scram_server: PgCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = scram_server.create_database()
    (tmp_path / SETTINGS_FILE).write_text(
        f"sslmode = 'verify-full'\nsslrootcert = '{scram_server.ca_file}'\n", encoding="utf-8"
    )
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    # A login in the file is refused (each person signs in): the address comes from the
    # environment, as the IT person's commands take it.
    monkeypatch.setenv("INTAKE_DATABASE_URL", scram_server.url(database))
    opened = connect(load_settings().database_url)
    try:
        with opened.engine.connect() as connection:
            row = connection.execute(
                text("SELECT ssl, current_database() FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).one()
    finally:
        opened.close()
    assert tuple(row) == (True, database)


def test_a_wrong_password_is_refused_in_a_sentence(
    scram_server: PgCluster, caplog: pytest.LogCaptureFixture
) -> None:
    message = _refusal(
        _verifying(scram_server).replace(scram_server.password, WRONG_PASSWORD),
        caplog,
        WRONG_PASSWORD,
        scram_server.password,
    )
    assert "The user name or password was refused" in message


def test_a_wrong_password_stays_out_of_the_command_line_and_its_log(
    scram_server: PgCluster,
    log_folder: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = scram_server.url(password=WRONG_PASSWORD, sslmode="require")
    monkeypatch.setenv("INTAKE_DATABASE_URL", url)
    assert main(["db", "current"]) == 1
    out, err = capsys.readouterr()
    assert "The user name or password was refused" in err
    everything = out + err + log_text(log_folder)
    assert WRONG_PASSWORD not in everything
    assert scram_server.password not in everything


def test_a_server_that_refuses_tls_is_one_sentence(
    scram_server_without_tls: PgCluster, caplog: pytest.LogCaptureFixture
) -> None:
    server = scram_server_without_tls
    message = _refusal(server.url(sslmode="require"), caplog, server.password)
    assert "does not offer an encrypted connection (TLS)" in message
    # The same server lets the login in without TLS: it was the transport that was refused.
    connect(server.url(sslmode="disable")).close()


@pytest.mark.parametrize("expected", ["localhost", "127.0.0.1"])
def test_the_names_on_the_certificate_are_accepted(scram_server: PgCluster, expected: str) -> None:
    url = make_url(_verifying(scram_server, hostaddr="127.0.0.1")).set(host=expected)
    connect(url.render_as_string(hide_password=False)).close()


def test_a_certificate_for_another_name_is_refused(
    scram_server: PgCluster, caplog: pytest.LogCaptureFixture
) -> None:
    # The same server at the same address, but the address names a server the certificate
    # (for localhost and 127.0.0.1) does not: as if the name led to someone else's machine.
    url = make_url(_verifying(scram_server, hostaddr="127.0.0.1")).set(host="db.clinic.invalid")
    message = _refusal(url.render_as_string(hide_password=False), caplog, scram_server.password)
    assert "certificate is made out to another name" in message
    assert "db.clinic.invalid" in message


@pytest.mark.parametrize("mode", ["verify-ca", "verify-full"])
def test_a_certificate_from_an_unknown_authority_is_refused(
    scram_server: PgCluster, mode: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _, other_ca = make_ca("Some other authority")
    other = write_pem(tmp_path / "other-ca.crt", other_ca)
    url = scram_server.url(sslmode=mode, sslrootcert=str(other))
    message = _refusal(url, caplog, scram_server.password)
    assert "certificate cannot be checked with the certificate authority file" in message


def test_a_missing_authority_file_is_one_sentence(
    scram_server: PgCluster, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = scram_server.url(sslmode="verify-full", sslrootcert=str(tmp_path / "gone.crt"))
    message = _refusal(url, caplog, scram_server.password)
    assert "certificate authority file in the settings (sslrootcert) cannot be read" in message
