"""Password hashing: argon2id for the program's own accounts (SQLite), and SCRAM-SHA-256
verifiers for PostgreSQL logins, made here so a password never travels to the server (or
its statement log) in clear."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import stringprep
import unicodedata

from argon2 import PasswordHasher

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
SCRAM_ITERATIONS = 4096  # PostgreSQL's own default (scram_iterations)
SCRAM_PREFIX = "SCRAM-SHA-256$"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def scram_verifier(password: str, *, salt: bytes | None = None) -> str:
    """What PostgreSQL stores for a SCRAM-SHA-256 password (RFC 5802, RFC 7677), as libpq's
    PQencryptPasswordConn makes it: the server accepts it in ALTER ROLE … PASSWORD and keeps
    it as it is."""
    salt = os.urandom(16) if salt is None else salt
    salted = hashlib.pbkdf2_hmac("sha256", _saslprep(password), salt, SCRAM_ITERATIONS)
    client_key = hmac.digest(salted, b"Client Key", "sha256")
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.digest(salted, b"Server Key", "sha256")
    b64 = base64.b64encode
    return (
        f"{SCRAM_PREFIX}{SCRAM_ITERATIONS}:{b64(salt).decode()}"
        f"${b64(stored_key).decode()}:{b64(server_key).decode()}"
    )


def _saslprep(password: str) -> bytes:
    """SASLprep (RFC 4013) as PostgreSQL applies it: a password that cannot be prepared
    (prohibited characters) is used as its raw UTF-8 bytes, as the server does."""
    mapped = "".join(
        " " if stringprep.in_table_c12(ch) else ch
        for ch in password
        if not stringprep.in_table_b1(ch)
    )
    prepared = unicodedata.normalize("NFKC", mapped)
    prohibited = (
        stringprep.in_table_c12,
        stringprep.in_table_c21_c22,
        stringprep.in_table_c3,
        stringprep.in_table_c4,
        stringprep.in_table_c5,
        stringprep.in_table_c6,
        stringprep.in_table_c7,
        stringprep.in_table_c8,
        stringprep.in_table_c9,
        stringprep.in_table_a1,
    )
    if any(check(ch) for ch in prepared for check in prohibited):
        return password.encode()
    return prepared.encode()
