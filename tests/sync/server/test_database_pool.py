"""The connection pool without pre-ping: connections that died under it (PostgreSQL restarted, or an
administrator ended them) cost a retry, never an error for the client."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from tests.sync.server.conftest import College


def test_requests_survive_the_databases_connections_being_ended(college: College) -> None:
    database = college.server.database
    if database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no server connections to end")
    api = college.server.login("counselor_a")
    for _ in range(3):
        api.pull_all()  # pooled connections exist now
    killer = create_engine(database.engine.url, isolation_level="AUTOCOMMIT")
    try:
        with killer.connect() as connection:
            ended = connection.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).scalar_one()
    finally:
        killer.dispose()
    assert ended >= 1
    for _ in range(3):
        api.pull_all()  # raises on any answer but 200
    assert api.http.get("/auth/me").status_code == 200
