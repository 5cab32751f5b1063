"""Passwords (Argon2id), device tokens (random, stored as SHA-256, expiring when unused)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # Argon2id with the library's current recommended parameters
_dummy_hashes: dict[int, str] = {}


def _dummy_hash() -> str:
    """Verified when the user name is unknown, so a wrong name costs the same time as a wrong password
    (made on first use, with the hasher in use then: no Argon2id run when the server or a command starts)."""
    key = id(_hasher)
    if key not in _dummy_hashes:
        _dummy_hashes[key] = _hasher.hash(secrets.token_hex(16))
    return _dummy_hashes[key]


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_expired(last_used: datetime | None, now: datetime, ttl_days: int) -> bool:
    """A token unused for ``ttl_days`` is dead (sliding expiry: every use moves ``last_used``)."""
    if last_used is None:
        return False
    if last_used.tzinfo is None:
        last_used = last_used.replace(tzinfo=now.tzinfo)
    return now - last_used > timedelta(days=ttl_days)


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer …`` header (``None``: missing or malformed)."""
    kind, _, token = (authorization or "").partition(" ")
    if kind.lower() != "bearer" or not token or len(token) > 200:
        return None
    return token
