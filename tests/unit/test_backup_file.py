"""The encrypted backup file: what it hides, and every way a file can be wrong."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.services import backup_file as bf

PASSPHRASE = "correct horse battery staple"
CHEAP = 1 << 10  # scrypt cost for tests; the files carry their own parameters


@pytest.fixture(scope="module")
def key() -> bf.BackupKey:
    return bf.create_key(PASSPHRASE, n=CHEAP)


def write(path: Path, key: bf.BackupKey, payload: bytes, meta: dict | None = None) -> Path:
    with bf.BackupWriter(path, key, meta or {"practice": "Test"}) as writer:
        for start in range(0, len(payload), 300_000):
            writer.write(payload[start : start + 300_000])
    return path


def read(path: Path, passphrase: str = PASSPHRASE) -> tuple[dict, bytes]:
    reader = bf.BackupReader(path, passphrase)
    return reader.metadata, b"".join(reader.payload())


def payload(size: int) -> bytes:
    return os.urandom(size // 2) + b"compressible " * (size // 26)  # spans several chunks


def test_round_trip_and_nothing_readable_inside(tmp_path: Path, key: bf.BackupKey):
    data = payload(3 * bf.CHUNK_SIZE) + b"PATIENT-Smith-1979"
    path = write(tmp_path / "b.intake-backup", key, data, {"practice": "Hidden Name"})
    meta, back = read(path)
    assert back == data and meta == {"practice": "Hidden Name"}
    raw = path.read_bytes()
    assert b"PATIENT-Smith" not in raw and b"Hidden Name" not in raw
    assert PASSPHRASE.encode() not in raw
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_key_stores_no_passphrase_and_opens_only_with_it(key: bf.BackupKey):
    stored = repr(key.to_json())
    assert PASSPHRASE not in stored
    assert bf.BackupKey.from_json(key.to_json()) == key
    bf.unlock(key, PASSPHRASE)
    with pytest.raises(bf.WrongPassphrase, match="passphrase is wrong"):
        bf.unlock(key, PASSPHRASE + "!")


def test_a_short_passphrase_is_refused():
    with pytest.raises(bf.BackupProblem, match="at least 10 characters"):
        bf.create_key("short", n=CHEAP)


def test_wrong_passphrase(tmp_path: Path, key: bf.BackupKey):
    path = write(tmp_path / "b.intake-backup", key, b"data")
    with pytest.raises(bf.WrongPassphrase):
        read(path, "not the passphrase at all")


def test_every_truncation_is_detected(tmp_path: Path, key: bf.BackupKey):
    path = write(tmp_path / "b.intake-backup", key, payload(2 * bf.CHUNK_SIZE + 10))
    raw = path.read_bytes()
    header = bf.read_header(path).body_offset
    cuts = {0, 5, 30, header - 1, header, header + 3, header + 100, len(raw) // 2, len(raw) - 1}
    # Exactly at a chunk boundary: the chunks before are intact, only the final flag is missing.
    offset = header
    while offset < len(raw):
        (length,) = struct.unpack(">I", raw[offset : offset + 4])
        offset += 4 + length
        cuts.add(offset)
    cuts.discard(len(raw))
    for cut in sorted(cuts):
        cut_path = tmp_path / f"cut{cut}.intake-backup"
        cut_path.write_bytes(raw[:cut])
        with pytest.raises((bf.NotABackup, bf.DamagedBackup)):
            read(cut_path)


def test_reordered_chunks_and_appended_data_are_detected(tmp_path: Path, key: bf.BackupKey):
    path = write(tmp_path / "b.intake-backup", key, payload(3 * bf.CHUNK_SIZE))
    raw = path.read_bytes()
    offset = bf.read_header(path).body_offset
    chunks = []
    while offset < len(raw):
        (length,) = struct.unpack(">I", raw[offset : offset + 4])
        chunks.append(raw[offset : offset + 4 + length])
        offset += 4 + length
    head = raw[: bf.read_header(path).body_offset]
    swapped = head + chunks[0] + chunks[2] + chunks[1] + b"".join(chunks[3:])
    (tmp_path / "swapped").write_bytes(swapped)
    with pytest.raises(bf.DamagedBackup, match="altered"):
        read(tmp_path / "swapped")
    (tmp_path / "longer").write_bytes(raw + chunks[1])
    with pytest.raises(bf.DamagedBackup):
        read(tmp_path / "longer")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.floats(0, 1, exclude_max=True), bit=st.integers(0, 7))
def test_any_flipped_bit_is_detected(tmp_path: Path, key: bf.BackupKey, position: float, bit: int):
    path = tmp_path / "flip.intake-backup"
    if not path.exists():
        write(path, key, b"x" * 5000)
    raw = bytearray(path.read_bytes())
    index = int(position * len(raw))
    raw[index] ^= 1 << bit
    flipped = tmp_path / "flipped.intake-backup"
    flipped.write_bytes(bytes(raw))
    with pytest.raises(bf.BackupProblem):
        read(flipped)


def test_a_key_with_no_usable_shared_secret_is_damage_not_a_crash(
    tmp_path: Path, key: bf.BackupKey
):
    """Found by the flipped-bit property: an ephemeral key altered into a low-order point
    makes X25519 refuse to agree a secret (ValueError), which must read as damage."""
    import base64

    path = write(tmp_path / "b.intake-backup", key, b"data")
    raw = path.read_bytes()
    header = bf.read_header(path)
    old = base64.b64encode(header.ephemeral_public_key)
    assert raw.count(old) == 1
    path.write_bytes(raw.replace(old, base64.b64encode(bytes(32))))
    with pytest.raises(bf.DamagedBackup, match="key is invalid"):
        read(path)


def test_a_file_that_is_not_a_backup(tmp_path: Path):
    other = tmp_path / "notes.sqlite3"
    other.write_bytes(b"SQLite format 3\x00" + bytes(1000))
    with pytest.raises(bf.NotABackup, match="not a Clinic Intake backup"):
        read(other)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    with pytest.raises(bf.NotABackup):
        read(empty)


def test_a_newer_format_is_refused(tmp_path: Path, key: bf.BackupKey):
    path = write(tmp_path / "b.intake-backup", key, b"data")
    raw = bytearray(path.read_bytes())
    raw[len(bf.MAGIC) : len(bf.MAGIC) + 2] = struct.pack(">H", bf.FORMAT_VERSION + 1)
    path.write_bytes(bytes(raw))
    with pytest.raises(bf.NewerBackup, match="newer version"):
        read(path)


def test_a_failed_write_leaves_no_file_that_looks_complete(tmp_path: Path, key: bf.BackupKey):
    target = tmp_path / "b.intake-backup"
    with pytest.raises(RuntimeError), bf.BackupWriter(target, key, {}) as writer:
        writer.write(payload(bf.CHUNK_SIZE * 2))
        raise RuntimeError("disk pulled")
    assert list(tmp_path.iterdir()) == []


def test_stale_partials_are_cleared(tmp_path: Path):
    stale = tmp_path / f".x{bf.SUFFIX}{bf.PARTIAL_SUFFIX}"
    stale.write_bytes(b"half")
    os.utime(stale, (1000, 1000))
    fresh = tmp_path / f".y{bf.SUFFIX}{bf.PARTIAL_SUFFIX}"
    fresh.write_bytes(b"being written")
    assert bf.remove_stale_partials(tmp_path, 3600, now=fresh.stat().st_mtime + 10) == 1
    assert not stale.exists() and fresh.exists()
