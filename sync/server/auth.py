"""Passwords (Argon2id), device tokens (random, stored as SHA-256) and the login rate limit."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from sync.server.models import LoginFailure
from sync.server.models.base import utcnow

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


def failure_keys(username: str, address: str) -> tuple[str, str]:
    return f"user:{username.casefold()}", f"addr:{address}"


def recent_failures(session: Session, key: str, window_seconds: int) -> int:
    since = utcnow() - timedelta(seconds=window_seconds)
    query = (
        select(func.count())
        .select_from(LoginFailure)
        .where(LoginFailure.key == key, LoginFailure.at >= since)
    )
    return int(session.execute(query).scalar_one())


def record_failure(session: Session, keys: tuple[str, ...], window_seconds: int) -> None:
    session.add_all(LoginFailure(key=key) for key in keys)
    old = utcnow() - timedelta(seconds=window_seconds * 4)
    session.execute(delete(LoginFailure).where(LoginFailure.at < old))


def clear_failures(session: Session, key: str) -> None:
    session.execute(delete(LoginFailure).where(LoginFailure.key == key))
