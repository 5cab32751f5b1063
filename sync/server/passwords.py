"""Account passwords: the policy on every path that sets one, changing and resetting them, deactivating.

Every way a password is set — ``create-user``, the demo accounts, ``passwd``, ``reset-password`` and
``POST /auth/password`` — goes through :func:`set_password`, which applies ``sync.password_policy``.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync.password_policy import password_problems
from sync.server import audit, auth
from sync.server.models import Account, Device

_RESET_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


class WeakPassword(ValueError):
    """The password fails the policy; ``str()`` is the Chinese explanation."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("".join(problems))
        self.problems = problems


def check(password: str, *, username: str, display_name: str = "") -> None:
    problems = password_problems(password, user_inputs=[word for word in (username, display_name) if word])
    if problems:
        raise WeakPassword(problems)


def hash_checked(password: str, *, username: str, display_name: str = "") -> str:
    """The Argon2id hash of a password that passes the policy (raises ``WeakPassword`` otherwise)."""
    check(password, username=username, display_name=display_name)
    return auth.hash_password(password)


def sign_out_devices(session: Session, user_id: str, *, keep_device: str | None = None) -> int:
    """Drop the tokens of the user's devices (they must log in again); their local data is untouched."""
    query = update(Device).where(Device.user_id == user_id, Device.token_hash.is_not(None))
    if keep_device is not None:
        query = query.where(Device.id != keep_device)
    result = session.execute(query.values(token_hash=None))
    return int(getattr(result, "rowcount", 0) or 0)


def set_password(
    session: Session,
    account: Account,
    password_hash: str,
    *,
    by: str | None,
    keep_device: str | None = None,
    operator: str = "",
) -> int:
    """Store a new (already checked and hashed) password and sign out the account's other devices;
    returns how many devices were signed out."""
    account.password_hash = password_hash
    signed_out = sign_out_devices(session, account.id, keep_device=keep_device)
    audit.record(
        session,
        "password_changed",
        user_id=by,
        target=account.id,
        operator=operator,
        college_id=account.college_id,
    )
    return signed_out


def generated_password() -> str:
    """A random password for ``reset-password``: 4 groups of 5 (about 98 bits), easy to read aloud."""
    groups = ["".join(secrets.choice(_RESET_ALPHABET) for _ in range(5)) for _ in range(4)]
    return "-".join(groups)


def find(session: Session, username: str) -> Account | None:
    return session.scalar(select(Account).where(Account.username == username))


def deactivate(session: Session, account: Account, *, by: str | None, operator: str = "") -> int:
    """The account can no longer log in and its devices lose their tokens at once; returns how many."""
    account.active = False
    signed_out = sign_out_devices(session, account.id)
    audit.record(
        session,
        "user_deactivated",
        user_id=by,
        target=account.id,
        operator=operator,
        college_id=account.college_id,
    )
    return signed_out
