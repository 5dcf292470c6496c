"""Sealing a journal file: AES-256-GCM, so a file read without the practice's journal key
(intake.services.journal_key) shows nothing of what was typed, and a file changed or cut
short is refused whole, never half-read.

A sealed file is MAGIC (8 bytes) | salt (16) | nonce (12) | ciphertext and tag. Every write
draws a fresh salt and nonce; its AES key is HKDF-SHA256 of the journal key and that salt,
so one long-lived journal key never meets the limit on random nonces per AES key. The file's
own name (kind and random key, never patient data) is authenticated with the content: a
file renamed or copied over another is refused too. The cleartext header says only that the
file is a Clinic Intake journal file of format 2.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"CIJRNL02"
KEY_BYTES = 32
_SALT, _NONCE = 16, 12
_HEADER = len(MAGIC) + _SALT + _NONCE
_INFO = b"clinic-intake journal file"


class SealBroken(Exception):
    """The file is not one this key sealed under this name: changed, cut short or foreign."""


def check_key(key: bytes) -> bytes:
    if len(key) != KEY_BYTES:
        raise ValueError("a journal key is 32 bytes")
    return key


def seal(key: bytes, name: str, plaintext: bytes) -> bytes:
    """The sealed bytes of `plaintext` for the file called `name` (fresh salt and nonce)."""
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    aead = AESGCM(_file_key(key, salt))
    return MAGIC + salt + nonce + aead.encrypt(nonce, plaintext, MAGIC + name.encode())


def unseal(key: bytes, name: str, data: bytes) -> bytes:
    """The plaintext of a sealed file, or SealBroken (nothing of it is returned then)."""
    if len(data) < _HEADER + 16 or not data.startswith(MAGIC):
        raise SealBroken("not a sealed journal file, or cut short")
    salt = data[len(MAGIC) : len(MAGIC) + _SALT]
    nonce = data[len(MAGIC) + _SALT : _HEADER]
    try:
        return AESGCM(_file_key(key, salt)).decrypt(nonce, data[_HEADER:], MAGIC + name.encode())
    except InvalidTag:
        raise SealBroken("changed, cut short, or sealed with another key") from None


def _file_key(key: bytes, salt: bytes) -> bytes:
    return HKDF(hashes.SHA256(), length=32, salt=salt, info=_INFO).derive(check_key(key))
