"""The server's handle on its database: sessions, and write transactions retried on contention."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from sync.protocol import ErrorCode
from sync.server import epoch
from sync.server.db import make_engine, make_session_factory, run_migrations
from sync.server.errors import ApiError
from sync.server.settings import Settings

T = TypeVar("T")
log = logging.getLogger("jiafang.server")

# PostgreSQL: serialization_failure, deadlock_detected, unique_violation (two devices racing on one id),
# lock_not_available.  SQLite: "database is locked".
_RETRY_SQLSTATES = frozenset({"40001", "40P01", "23505", "55P03"})


def _retryable(error: DBAPIError) -> bool:
    if error.connection_invalidated:
        return True  # the connection was dead (database restarted): the pool was renewed
    if isinstance(error, IntegrityError):
        return getattr(error.orig, "sqlstate", None) == "23505" or "UNIQUE" in str(error.orig)
    if isinstance(error, OperationalError):
        sqlstate = getattr(error.orig, "sqlstate", None)
        return sqlstate in _RETRY_SQLSTATES or "locked" in str(error.orig) or "busy" in str(error.orig)
    return False


class Database:
    def __init__(self, settings: Settings, *, migrate: bool = True) -> None:
        self.settings = settings
        self.engine: Engine = make_engine(settings.resolved_database_url(), pool_size=settings.pool_size)
        if migrate:
            run_migrations(self.engine)
            epoch.check_identity(self.engine)  # a restored PostgreSQL database gets a new epoch
        self.sessions: sessionmaker[Session] = make_session_factory(self.engine)

    def run(self, work: Callable[[Session], T], *, retries: int | None = None) -> T:
        """Run ``work`` in one transaction; on contention roll back and run it again (bounded)."""
        attempts = (self.settings.push_retries if retries is None else retries) + 1
        for attempt in range(attempts):
            try:
                with self.sessions() as session, session.begin():
                    return work(session)
            except DBAPIError as error:
                if not _retryable(error) or attempt == attempts - 1:
                    if _retryable(error):
                        raise ApiError(ErrorCode.UNAVAILABLE) from error
                    raise
                log.info("transaction retried after contention (attempt %d)", attempt + 1)
                time.sleep(random.uniform(0, 0.005 * 2**attempt))
        raise ApiError(ErrorCode.UNAVAILABLE)

    def dispose(self) -> None:
        self.engine.dispose()
