"""A throw-away PostgreSQL cluster that really checks passwords (SCRAM) and speaks TLS.

CI's shared server trusts every connection from 127.0.0.1, so tests about passwords and
transport start their own: `initdb --auth=scram-sha-256` in a temporary folder, a superuser
password, listening on 127.0.0.1 only (a free port; the Unix socket stays in the folder), and
TLS with a certificate for `localhost` and 127.0.0.1 signed by a CA made here (`ca_file`).
`tls=False` makes one that refuses TLS, for the test that needs such a server.

initdb and postgres refuse to run as root: as root they run as the `postgres` OS user
(`runuser`), which then owns the folder.
"""

from __future__ import annotations

import datetime
import ipaddress
import itertools
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

INSTALL_ROOT = Path("/usr/lib/postgresql")  # Debian's: one VERSION/bin folder per version
SUPERUSER = "postgres"
OS_USER = "postgres"  # who runs the server when we are root
START_DEADLINE_S = 30.0
PORT_TRIES = 3  # another program may take the free port between choosing and binding it


class ClusterError(RuntimeError):
    """The test cluster cannot be made or started; the message says what to install or fix."""


def server_binaries() -> Path:
    """The folder holding initdb, pg_ctl, pg_isready: the newest installed PostgreSQL."""
    found = sorted(
        (p for p in INSTALL_ROOT.glob("*/bin") if (p / "initdb").is_file()),
        key=lambda p: [int(part) for part in re.findall(r"\d+", p.parent.name)] or [0],
    )
    if found:
        return found[-1]
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise ClusterError(
        "These tests start their own PostgreSQL server and need its programs (initdb, pg_ctl), "
        f"found neither in {INSTALL_ROOT}/*/bin nor on PATH: install the PostgreSQL server "
        "package (Debian: apt-get install postgresql)."
    )


class PgCluster:
    """One running cluster. Start with `PgCluster.start(...)`, end with `stop()`."""

    superuser = SUPERUSER
    host = "127.0.0.1"

    def __init__(self, *, tls: bool = True) -> None:
        self.tls = tls
        self.password = secrets.token_urlsafe(18)
        self.bin = server_binaries()
        self._as_os_user = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="intake-pg-"))
        self.data = self.folder / "data"
        self.ca_file = self.folder / "ca.crt"
        self.log_file = self.folder / "server.log"
        self.port = 0
        self._names = itertools.count(1)
        self._running = False

    @classmethod
    def start(cls, *, tls: bool = True) -> PgCluster:
        cluster = cls(tls=tls)
        try:
            cluster._make()
            cluster._launch()
        except BaseException:
            cluster.stop()
            raise
        return cluster

    # --- what tests use ------------------------------------------------------------------

    def url(
        self,
        database: str = "postgres",
        user: str | None = None,
        password: str | None = None,
        **query: str,
    ) -> str:
        """A postgresql+psycopg:// URL; no user means the superuser with its password."""
        from sqlalchemy.engine import URL

        if user is None:
            user, password = self.superuser, password if password is not None else self.password
        return URL.create(
            "postgresql+psycopg",
            username=user,
            password=password,
            host=self.host,
            port=self.port,
            database=database,
            query=query,
        ).render_as_string(hide_password=False)

    def admin(self) -> Any:
        """A psycopg connection as the superuser, in autocommit (close it, or use `with`)."""
        import psycopg

        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.superuser,
            password=self.password,
            dbname="postgres",
            autocommit=True,
            connect_timeout=10,
        )

    def create_database(self, name: str | None = None) -> str:
        from psycopg import sql

        name = name or f"intake_{os.getpid()}_{next(self._names)}"
        with self.admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return name

    def stop(self) -> None:
        if self._running:
            self._run(["pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w"], check=False)
            self._running = False
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- making it ------------------------------------------------------------------------

    def _make(self) -> None:
        password_file = self.folder / "superuser-password"
        password_file.write_text(self.password + "\n")
        if self.tls:
            _write_certificates(self.folder)
        self._give_to_os_user()
        self._run(
            [
                "initdb",
                "-D",
                str(self.data),
                "-U",
                self.superuser,
                "--pwfile",
                str(password_file),
                "--auth=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ]
        )
        password_file.unlink()
        (self.data / "pg_hba.conf").write_text(
            "# TYPE  DATABASE USER ADDRESS       METHOD\n"
            "local   all      all                scram-sha-256\n"
            "hostssl all      all  127.0.0.1/32  scram-sha-256\n"
            "host    all      all  127.0.0.1/32  scram-sha-256\n"
        )

    def _configure(self) -> None:
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.folder}'",
            "password_encryption": "'scram-sha-256'",
            "ssl": "on" if self.tls else "off",
            "fsync": "off",  # a test cluster: speed over durability
            "synchronous_commit": "off",
            "full_page_writes": "off",
        }
        if self.tls:
            settings["ssl_cert_file"] = f"'{self.folder / 'server.crt'}'"
            settings["ssl_key_file"] = f"'{self.folder / 'server.key'}'"
        lines = [f"{key} = {value}\n" for key, value in settings.items()]
        (self.data / "postgresql.auto.conf").write_text("".join(lines))

    def _launch(self) -> None:
        for attempt in range(PORT_TRIES):
            self.port = _free_port()
            self._configure()
            self.log_file.unlink(missing_ok=True)
            self._run(["pg_ctl", "start", "-D", str(self.data), "-l", str(self.log_file), "-W"])
            self._running = True
            if self._wait_until_ready():
                return
            self._running = False
            log = self._log_tail()
            if "could not bind" not in log or attempt == PORT_TRIES - 1:
                raise ClusterError(f"The test PostgreSQL server did not start:\n{log}")

    def _wait_until_ready(self) -> bool:
        """Poll pg_isready until the server accepts connections (True) or it has ended
        (False: its log says why). Ready: pg_isready answers and the pid file says "ready".
        Ended: the pid file it wrote is gone or names a process that is gone; before it
        writes one, a FATAL line in its log."""
        deadline = time.monotonic() + START_DEADLINE_S
        ready = [str(self.bin / "pg_isready"), "-q", "-h", self.host, "-p", str(self.port)]
        seen_pid = False
        while time.monotonic() < deadline:
            pid, status = self._postmaster_state()
            # Ours, not another server that took the port: its pid file says "ready" too.
            if status == "ready" and subprocess.run(ready, check=False).returncode == 0:
                return True
            if pid is None and (seen_pid or "FATAL:" in self._log_tail()):
                return False
            if pid is not None:
                seen_pid = True
                if not _alive(pid):
                    return False
            time.sleep(0.05)
        raise ClusterError(
            f"The test PostgreSQL server did not accept connections within "
            f"{START_DEADLINE_S:g} s:\n{self._log_tail()}"
        )

    def _postmaster_state(self) -> tuple[int | None, str]:
        """The postmaster's pid and status ("starting", "ready", ...) from its pid file."""
        try:
            lines = (self.data / "postmaster.pid").read_text().splitlines()
        except OSError:
            return None, ""
        pid = int(lines[0]) if lines and lines[0].strip().isdigit() else None
        return pid, lines[7].strip() if len(lines) > 7 else ""

    def _log_tail(self) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-15:])
        except OSError:
            return "(no server log)"

    def _give_to_os_user(self) -> None:
        if not self._as_os_user:
            return
        for path in [self.folder, *self.folder.iterdir()]:
            shutil.chown(path, OS_USER, OS_USER)

    def _run(
        self, command: Sequence[str], *, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        argv = [str(self.bin / command[0]), *command[1:]]
        if self._as_os_user:
            argv = ["runuser", "-u", OS_USER, "--", *argv]
        done = subprocess.run(
            argv, cwd=self.folder, capture_output=True, text=True, check=False, timeout=60
        )
        if check and done.returncode != 0:
            raise ClusterError(
                f"{command[0]} failed for the test PostgreSQL server (exit {done.returncode}):\n"
                f"{done.stderr.strip() or done.stdout.strip()}"
            )
        return done


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_ca(common_name: str) -> tuple[Any, Any]:
    """A self-signed certificate authority: (private key, certificate)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    cert = (
        _builder(name, name, key.public_key())
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, _sha256())
    )
    return key, cert


def write_pem(path: Path, cert: Any) -> Path:
    from cryptography.hazmat.primitives.serialization import Encoding

    path.write_bytes(cert.public_bytes(Encoding.PEM))
    return path


def _write_certificates(folder: Path) -> None:
    """ca.crt, and server.crt/server.key for `localhost` and 127.0.0.1 signed by it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    ca_key, ca_cert = make_ca("Clinic Intake test CA")
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    cert = (
        _builder(subject, ca_cert.subject, key.public_key())
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, _sha256())
    )
    write_pem(folder / "ca.crt", ca_cert)
    write_pem(folder / "server.crt", cert)
    key_file = folder / "server.key"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_file.chmod(0o600)  # the server refuses a key others can read


def _builder(subject: Any, issuer: Any, public_key: Any) -> Any:
    from cryptography import x509

    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=2))
    )


def _sha256() -> Any:
    from cryptography.hazmat.primitives import hashes

    return hashes.SHA256()
