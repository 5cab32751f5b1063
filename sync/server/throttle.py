"""Progressive delays after failed logins, per account, per client address and per account-and-address.

Each attempt is counted *before* its password is checked, in one transaction that locks the throttle rows
(``SELECT … FOR UPDATE``; a first attempt inserts them and a racing insert is retried), so parallel wrong
tries cannot slip past the count: the database is the counter, shared by every worker.  A success takes
its attempt back.  After the free tries each further failure doubles the wait (1 s, 2 s, 4 s …) up to a
cap; nothing locks an account for good, and the per-account cap is short (60 s by default) so a stranger
guessing from many addresses slows the real user down but cannot keep them out, while the
account-and-address and address delays (up to 15 min) fall on the guesser.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from sync.server.models import LoginThrottle
from sync.server.models.base import utcnow
from sync.server.settings import Settings

_FORGET_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class _Rule:
    key: str
    free: int
    cap: int


def _rules(settings: Settings, username: str, address: str) -> list[_Rule]:
    user = username.casefold()[:80]
    return [
        _Rule(
            f"pair:{user}@{address[:64]}",
            settings.login_free_failures_per_pair,
            settings.login_max_delay_pair_seconds,
        ),
        _Rule(f"user:{user}", settings.login_free_failures_per_user, settings.login_max_delay_user_seconds),
        _Rule(
            f"addr:{address[:64]}",
            settings.login_free_failures_per_address,
            settings.login_max_delay_address_seconds,
        ),
    ]


def delay_after(failures: int, free: int, cap: int) -> int:
    """Seconds to wait after ``failures`` failed tries: none for the free ones, then 1, 2, 4 … up to cap."""
    if failures <= free:
        return 0
    return min(cap, 2 ** min(failures - free - 1, 30))


def _aware(moment: datetime, now: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=now.tzinfo)


def reserve(session: Session, settings: Settings, username: str, address: str) -> int | None:
    """Count one attempt as failed; ``None`` if it may go ahead, else the seconds to wait (nothing counted)."""
    now = utcnow()
    rules = _rules(settings, username, address)
    rows = {rule.key: session.get(LoginThrottle, rule.key, with_for_update=True) for rule in rules}
    waits = [(_aware(row.next_at, now) - now).total_seconds() for row in rows.values() if row is not None]
    wait = max(waits, default=0.0)
    if wait > 0:
        return max(1, math.ceil(wait))
    for rule in rules:
        row = rows[rule.key]
        if row is None:
            row = LoginThrottle(key=rule.key, failures=0)
            session.add(row)
        row.failures += 1
        row.next_at = now + timedelta(seconds=delay_after(row.failures, rule.free, rule.cap))
        row.updated_at = now
    session.flush()
    return None


def succeeded(session: Session, settings: Settings, username: str, address: str) -> None:
    """A correct password: forget the account's failures and take this attempt back from the address."""
    pair, user, addr = _rules(settings, username, address)
    session.execute(delete(LoginThrottle).where(LoginThrottle.key.in_((pair.key, user.key))))
    _take_back(session, addr)


def released(session: Session, settings: Settings, username: str, address: str) -> None:
    """The attempt was not judged (the server was too busy to check the password): take it back."""
    for rule in _rules(settings, username, address):
        _take_back(session, rule)


def _take_back(session: Session, rule: _Rule) -> None:
    row = session.get(LoginThrottle, rule.key, with_for_update=True)
    if row is not None:
        row.failures = max(0, row.failures - 1)
        row.next_at = row.updated_at + timedelta(seconds=delay_after(row.failures, rule.free, rule.cap))


def forget_old(session: Session) -> int:
    """Remove throttles untouched for a day (maintenance)."""
    result = session.execute(delete(LoginThrottle).where(LoginThrottle.updated_at < utcnow() - _FORGET_AFTER))
    return int(getattr(result, "rowcount", 0) or 0)
