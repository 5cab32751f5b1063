"""Passwords (Argon2id), device tokens (random, stored as SHA-256, expiring when unused)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # Argon2id with the library's current recommended parameters
# Verified when the user name is unknown, so a wrong name costs the same time as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
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
