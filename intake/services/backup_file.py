"""The encrypted backup file: its format, the backup key, writing and reading. No database.

Hybrid encryption, so that automatic backups need no passphrase and restoring needs it:
at set-up an X25519 key pair is made; the private key is stored only encrypted with a key
derived from the admin's passphrase (scrypt), the public key plainly. Each backup makes a
fresh ephemeral key pair; X25519 + HKDF-SHA256 give a data key used for this file alone.
The passphrase-wrapped private key travels inside every backup, so a backup restores on a
new PC with nothing but the file and the passphrase.

Layout:  MAGIC | u16 format | u32 header length | header (JSON) | chunks...
A chunk is u32 length | AES-256-GCM ciphertext. The nonce is the chunk index (the data key
is never reused); the associated data binds the header's SHA-256, the index and a final
flag, so a reordered, altered or truncated file fails to decrypt. Chunk 0 holds the metadata
(JSON); the rest hold the zlib-compressed payload, the last one flagged final.
The file is written under a hidden temporary name and renamed only after fsync: a backup
killed mid-way leaves no file that looks like a finished backup.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from intake.domain.errors import KnownError
from intake.domain.words import QT_TRANSLATE_NOOP, Message, said

MAGIC = b"CLINIC-INTAKE-BACKUP\x00"
FORMAT_VERSION = 1
SUFFIX = ".intake-backup"
PARTIAL_SUFFIX = ".partial"
# Small blocks: the AEAD call holds the interpreter lock while it runs (about 0.2 ms for
# 64 KiB here), so a backup on a worker thread never holds up the window's thread for long.
CHUNK_SIZE = 64 * 1024
MIN_PASSPHRASE = 10
# scrypt cost as OWASP advises (128 MiB, ~0.3 s): paid once per set-up and per restore.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 1 << 17, 8, 1
_MAX_HEADER = 64 * 1024
_MAX_CHUNK = 4 << 20  # a reader's bound on one block, whatever size the writer chose
_HKDF_INFO = b"clinic-intake backup data key v1"


class BackupProblem(KnownError):
    """A backup cannot be made, read or restored; the message says why and what to do."""


class NotABackup(BackupProblem):
    pass


class WrongPassphrase(BackupProblem):
    pass


class DamagedBackup(BackupProblem):
    pass


class NewerBackup(BackupProblem):
    pass


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


# --- the backup key ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupKey:
    """The public key, and the private key wrapped with the passphrase. Safe to store."""

    public_key: bytes
    salt: bytes
    nonce: bytes
    wrapped_private_key: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def to_json(self) -> dict[str, object]:
        return {
            "public_key": _b64(self.public_key),
            "kdf": {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p},
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_private_key": _b64(self.wrapped_private_key),
        }

    @classmethod
    def from_json(cls, data: object) -> BackupKey:
        if not isinstance(data, dict) or not isinstance(data.get("kdf"), dict):
            raise ValueError("not a backup key")
        kdf = data["kdf"]
        if kdf.get("name") != "scrypt":
            raise ValueError("unknown key derivation")
        n, r, p = (int(kdf[name]) for name in ("n", "r", "p"))
        if not (2 <= n <= 1 << 22 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
            raise ValueError("key derivation parameters out of range")
        return cls(
            public_key=_unb64(data["public_key"]),
            salt=_unb64(data["salt"]),
            nonce=_unb64(data["nonce"]),
            wrapped_private_key=_unb64(data["wrapped_private_key"]),
            n=n,
            r=r,
            p=p,
        )


def check_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise BackupProblem(
            said(
                QT_TRANSLATE_NOOP(
                    "BackupFile",
                    "The backup passphrase must have at least {count} characters; a longer "
                    "phrase of several words is better. Nothing was changed.",
                ),
                count=MIN_PASSPHRASE,
            )
        )


def _passphrase_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def create_key(passphrase: str, *, n: int | None = None) -> BackupKey:
    """A new key pair, the private half encrypted with `passphrase` (never stored itself)."""
    check_passphrase(passphrase)
    n = n or SCRYPT_N
    private = X25519PrivateKey.generate()
    public = _raw_public(private.public_key())
    salt, nonce = os.urandom(16), os.urandom(12)
    raw_private = private.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    wrapping = _passphrase_key(passphrase, salt, n, SCRYPT_R, SCRYPT_P)
    wrapped = AESGCM(wrapping).encrypt(nonce, raw_private, public)
    return BackupKey(public, salt, nonce, wrapped, n=n)


def unlock(key: BackupKey, passphrase: str) -> X25519PrivateKey:
    """The private key; WrongPassphrase if the passphrase does not open it."""
    wrapping = _passphrase_key(passphrase, key.salt, key.n, key.r, key.p)
    try:
        raw = AESGCM(wrapping).decrypt(key.nonce, key.wrapped_private_key, key.public_key)
    except InvalidTag:
        raise WrongPassphrase(
            said(
                QT_TRANSLATE_NOOP(
                    "BackupFile",
                    "The backup passphrase is wrong: it does not open this backup's key. "
                    "Nothing was changed.",
                )
            )
        ) from None
    return X25519PrivateKey.from_private_bytes(raw)


def _data_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=_HKDF_INFO)
    return hkdf.derive(shared)


# --- writing -------------------------------------------------------------------------------------


def _chunk_aad(header_hash: bytes, index: int, final: bool) -> bytes:
    return header_hash + struct.pack(">QB", index, 1 if final else 0)


def _nonce(index: int) -> bytes:
    return struct.pack(">IQ", 0, index)


class BackupWriter:
    """Writes one backup file; use as a context manager, `write()` the payload, then leave.

    Leaving with an exception (or being killed) leaves only the hidden partial file, which
    `remove_stale_partials` clears later; leaving normally renames it into place.
    """

    def __init__(self, path: Path, key: BackupKey, metadata: dict[str, Any]) -> None:
        self.path = path
        self.partial = path.with_name(f".{path.name}{PARTIAL_SUFFIX}")
        ephemeral = X25519PrivateKey.generate()
        recipient = X25519PublicKey.from_public_bytes(key.public_key)
        ephemeral_public = _raw_public(ephemeral.public_key())
        self._aead = AESGCM(
            _data_key(ephemeral.exchange(recipient), ephemeral_public, key.public_key)
        )
        header = json.dumps(
            {
                "key": key.to_json(),
                "ephemeral_public_key": _b64(ephemeral_public),
                "cipher": "AES-256-GCM",
                "compression": "zlib",
                "chunk_size": CHUNK_SIZE,
            },
            sort_keys=True,
        ).encode("utf-8")
        self._prefix = MAGIC + struct.pack(">HI", FORMAT_VERSION, len(header)) + header
        self._hash = hashlib.sha256(self._prefix).digest()
        self._metadata = json.dumps(metadata, sort_keys=True).encode("utf-8")
        # Level 1: most of the size gain for a fraction of the CPU (backups run beside work).
        self._compressor = zlib.compressobj(1)
        self._pending = bytearray()
        self._index = 0
        self._handle: IO[bytes] | None = None
        self.size = 0

    def __enter__(self) -> BackupWriter:
        fd = os.open(self.partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _O_BINARY, 0o600)
        self._handle = os.fdopen(fd, "wb")
        self._handle.write(self._prefix)
        self._seal(self._metadata, final=False)
        return self

    def write(self, data: bytes) -> None:
        self._pending += self._compressor.compress(data)
        while len(self._pending) >= CHUNK_SIZE:
            self._seal(bytes(self._pending[:CHUNK_SIZE]), final=False)
            del self._pending[:CHUNK_SIZE]

    def _seal(self, plain: bytes, *, final: bool) -> None:
        assert self._handle is not None
        sealed = self._aead.encrypt(
            _nonce(self._index), plain, _chunk_aad(self._hash, self._index, final)
        )
        self._handle.write(struct.pack(">I", len(sealed)) + sealed)
        self._index += 1

    def __exit__(self, kind: object, _value: object, _tb: object) -> None:
        assert self._handle is not None
        handle = self._handle
        try:
            if kind is None:
                self._pending += self._compressor.flush()
                while len(self._pending) > CHUNK_SIZE:
                    self._seal(bytes(self._pending[:CHUNK_SIZE]), final=False)
                    del self._pending[:CHUNK_SIZE]
                self._seal(bytes(self._pending), final=True)
                handle.flush()
                os.fsync(handle.fileno())
                self.size = handle.tell()
        except BaseException:
            kind = True
            raise
        finally:
            handle.close()
            self._handle = None
            if kind is not None:
                with contextlib.suppress(OSError):
                    self.partial.unlink()
        if kind is not None:
            return
        os.replace(self.partial, self.path)
        _fsync_folder(self.path.parent)


_O_BINARY = getattr(os, "O_BINARY", 0)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder as a file (its
    NTFS journal keeps a completed rename), so it is not tried there."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_partials(folder: Path, older_than_seconds: float, now: float) -> int:
    """Delete partial files a killed backup left behind; returns how many."""
    removed = 0
    for path in folder.glob(f".*{SUFFIX}{PARTIAL_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > older_than_seconds:
                path.unlink()
                removed += 1
    return removed


# --- reading -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupHeader:
    key: BackupKey
    ephemeral_public_key: bytes
    header_hash: bytes
    body_offset: int


def read_header(path: Path) -> BackupHeader:
    """The header, or a clear BackupProblem for what is not (or no longer) a backup."""
    name = path.name
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(MAGIC))
            if magic != MAGIC:
                raise NotABackup(
                    said(
                        QT_TRANSLATE_NOOP(
                            "BackupFile",
                            "{name} is not a Clinic Intake backup (it does not start like one). "
                            "Nothing was changed.",
                        ),
                        name=name,
                    )
                )
            fixed = handle.read(6)
            if len(fixed) < 6:
                raise _truncated(name)
            version, length = struct.unpack(">HI", fixed)
            if version > FORMAT_VERSION:
                raise NewerBackup(
                    said(
                        QT_TRANSLATE_NOOP(
                            "BackupFile",
                            "{name} was written by a newer version of Clinic Intake (backup "
                            "format {version}); install that version to restore it. Nothing was "
                            "changed.",
                        ),
                        name=name,
                        version=version,
                    )
                )
            if version < 1 or length > _MAX_HEADER:
                raise DamagedBackup(
                    said(
                        QT_TRANSLATE_NOOP(
                            "BackupFile", "{name} is damaged (its header is invalid)."
                        ),
                        name=name,
                    )
                )
            header = handle.read(length)
    except OSError as exc:
        raise BackupProblem(_unreadable(name, exc)) from None
    if len(header) < length:
        raise _truncated(name)
    try:
        data = json.loads(header)
        parsed = BackupHeader(
            key=BackupKey.from_json(data["key"]),
            ephemeral_public_key=_unb64(data["ephemeral_public_key"]),
            header_hash=hashlib.sha256(magic + fixed + header).digest(),
            body_offset=len(magic) + len(fixed) + length,
        )
        if data.get("cipher") != "AES-256-GCM" or data.get("compression") != "zlib":
            raise ValueError("unknown cipher or compression")
    except (ValueError, KeyError, TypeError) as exc:
        raise DamagedBackup(
            said(
                QT_TRANSLATE_NOOP(
                    "BackupFile", "{name} is damaged (its header cannot be read: {problem})."
                ),
                name=name,
                problem=exc,
            )
        ) from None
    return parsed


def _truncated(name: str) -> DamagedBackup:
    return DamagedBackup(
        said(
            QT_TRANSLATE_NOOP(
                "BackupFile",
                "{name} is incomplete: it ends before the backup does (cut short while copying, "
                "or the backup was interrupted). Use another backup file. Nothing was changed.",
            ),
            name=name,
        )
    )


def _unreadable(name: str, exc: OSError) -> Message:
    return said(
        QT_TRANSLATE_NOOP("BackupFile", "Cannot read {name}: {problem}."),
        name=name,
        problem=exc.strerror,
    )


class BackupReader:
    """Opens a backup with the passphrase; `metadata` at once, `payload()` streams the rest."""

    def __init__(self, path: Path, passphrase: str) -> None:
        self.path = path
        self.header = read_header(path)
        private = unlock(self.header.key, passphrase)
        try:
            ephemeral = X25519PublicKey.from_public_bytes(self.header.ephemeral_public_key)
            shared = private.exchange(ephemeral)
        except ValueError:  # an altered key can be a point with no usable shared secret
            raise DamagedBackup(
                said(
                    QT_TRANSLATE_NOOP("BackupFile", "{name} is damaged (its key is invalid)."),
                    name=path.name,
                )
            ) from None
        self._aead = AESGCM(
            _data_key(shared, self.header.ephemeral_public_key, self.header.key.public_key)
        )
        chunks = self._chunks()
        first, final = next(chunks, (None, True))
        if first is None or final:
            raise DamagedBackup(
                said(
                    QT_TRANSLATE_NOOP("BackupFile", "{name} is damaged (it holds no backup data)."),
                    name=path.name,
                )
            )
        try:
            self.metadata: dict[str, Any] = json.loads(first)
        except ValueError:
            raise DamagedBackup(
                said(
                    QT_TRANSLATE_NOOP(
                        "BackupFile", "{name} is damaged (its description is unreadable)."
                    ),
                    name=path.name,
                )
            ) from None
        self._rest = chunks

    def _chunks(self) -> Iterator[tuple[bytes, bool]]:
        """(plaintext, final) per chunk, each authenticated before it is handed out."""
        name = self.path.name
        try:
            handle = self.path.open("rb")
        except OSError as exc:
            raise BackupProblem(_unreadable(name, exc)) from None
        with handle:
            handle.seek(self.header.body_offset)
            index = 0
            while True:
                size = handle.read(4)
                if len(size) < 4:
                    raise _truncated(name)
                (length,) = struct.unpack(">I", size)
                if length > _MAX_CHUNK:
                    raise DamagedBackup(
                        said(
                            QT_TRANSLATE_NOOP(
                                "BackupFile", "{name} is damaged (a block has an impossible size)."
                            ),
                            name=name,
                        )
                    )
                sealed = handle.read(length)
                if len(sealed) < length:
                    raise _truncated(name)
                plain, final = self._open_chunk(sealed, index)
                yield plain, final
                if final:
                    if handle.read(1):
                        raise DamagedBackup(
                            said(
                                QT_TRANSLATE_NOOP(
                                    "BackupFile", "{name} is damaged (data after its end)."
                                ),
                                name=name,
                            )
                        )
                    return
                index += 1

    def _open_chunk(self, sealed: bytes, index: int) -> tuple[bytes, bool]:
        nonce, hashed = _nonce(index), self.header.header_hash
        for final in (False, True):
            with contextlib.suppress(InvalidTag):
                return self._aead.decrypt(nonce, sealed, _chunk_aad(hashed, index, final)), final
        raise DamagedBackup(
            said(
                QT_TRANSLATE_NOOP(
                    "BackupFile",
                    "{name} is damaged or was altered (block {index} fails its check). "
                    "Use another backup file. Nothing was changed.",
                ),
                name=self.path.name,
                index=index,
            )
        )

    def payload(self) -> Iterator[bytes]:
        """The decompressed payload; raises DamagedBackup (at the end, at the latest) if the
        file was cut short, so write it to a scratch place and use it only once done."""
        decompressor = zlib.decompressobj()
        try:
            for plain, _final in self._rest:
                out = decompressor.decompress(plain)
                if out:
                    yield out
            tail = decompressor.flush()
        except zlib.error:
            raise DamagedBackup(
                said(
                    QT_TRANSLATE_NOOP(
                        "BackupFile", "{name} is damaged (its data cannot be unpacked)."
                    ),
                    name=self.path.name,
                )
            ) from None
        if tail:
            yield tail
        if not decompressor.eof:
            raise _truncated(self.path.name)


__all__ = [
    "FORMAT_VERSION",
    "SUFFIX",
    "BackupHeader",
    "BackupKey",
    "BackupProblem",
    "BackupReader",
    "BackupWriter",
    "DamagedBackup",
    "NewerBackup",
    "NotABackup",
    "WrongPassphrase",
    "check_passphrase",
    "create_key",
    "read_header",
    "remove_stale_partials",
    "unlock",
]
