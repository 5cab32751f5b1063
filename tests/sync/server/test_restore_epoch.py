"""The server's epoch (protocol §8a): kept across restarts, renewed by ``mark-restored`` and when a
PostgreSQL database is found restored (its identity changed), and checked against pushed cursors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from sync.server import epoch
from sync.server.cli import main
from sync.server.database import Database
from sync.server.models import SeqCounter
from sync.server.settings import Settings
from tests.sync.server.conftest import drop_postgres, postgres_url


def _epoch(database: Database) -> tuple[str, int]:
    row = database.run(lambda s: s.execute(select(SeqCounter.epoch, SeqCounter.epoch_start)).one())
    return str(row[0]), int(row[1])


def test_mark_restored_starts_a_new_epoch_at_the_horizon(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    database = Database(Settings(database_url=url, data_dir=tmp_path))
    database.run(lambda s: s.execute(update(SeqCounter).values(value=41)))
    first, _ = _epoch(database)
    assert len(first) == 16
    again = Database(Settings(database_url=url, data_dir=tmp_path))
    assert _epoch(again)[0] == first  # a restart is no restore
    assert main(["--database-url", url, "mark-restored"]) == 0
    assert "41" in capsys.readouterr().out
    token, start = _epoch(database)
    assert token != first and start == 41
    database.dispose()
    again.dispose()


@pytest.mark.postgres
def test_a_recreated_postgres_database_gets_a_new_epoch(tmp_path: Path) -> None:
    url = postgres_url()
    try:
        database = Database(Settings(database_url=url, data_dir=tmp_path))
        first = _epoch(database)[0]
        assert database.run(epoch.database_identity).startswith("pg:")
        assert not epoch.check_identity(database.engine)  # same database: nothing to do
        # pg_restore creates every table anew: the counter table's oid changes.
        with database.engine.begin() as connection:
            connection.execute(text("CREATE TABLE seq_copy AS SELECT * FROM seq_counter"))
            connection.execute(text("DROP TABLE seq_counter"))
            connection.execute(text("ALTER TABLE seq_copy RENAME TO seq_counter"))
        assert epoch.check_identity(database.engine)
        assert _epoch(database)[0] != first
        assert not epoch.check_identity(database.engine)
        database.dispose()
    finally:
        drop_postgres(url)
