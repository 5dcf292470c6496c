"""Password hashing with argon2id."""

from __future__ import annotations

from argon2 import PasswordHasher

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    return _hasher.hash(password)
