"""Item 9 (server): the SQLite database holds student data in plaintext; it is created 0600 (its -wal
and -shm follow) and the server refuses to start on a file, -wal or -shm that other users may read."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from sync.server import cli
from sync.server.database import Database, InsecureDatabaseFile
from sync.server.settings import Settings


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_and_its_wal_are_created_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "server.sqlite3"
    database = Database(Settings(database_url=f"sqlite:///{path}", data_dir=tmp_path))
    database.run(lambda s: s.execute(text("CREATE TABLE IF NOT EXISTS probe (x INTEGER)")))
    try:
        assert _mode(path) == 0o600
        for suffix in ("-wal", "-shm"):
            side = Path(f"{path}{suffix}")
            assert side.exists() and _mode(side) == 0o600, suffix
        assert _mode(path.parent) == 0o700
    finally:
        database.dispose()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_server_refuses_a_database_others_can_read(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "server.sqlite3"
    Database(Settings(database_url=f"sqlite:///{path}", data_dir=tmp_path)).dispose()
    exposed = Path(f"{path}{suffix}")
    exposed.touch()
    exposed.chmod(0o644)
    before = path.read_bytes()
    with pytest.raises(InsecureDatabaseFile, match="chmod 600"):
        Database(Settings(database_url=f"sqlite:///{path}", data_dir=tmp_path))
    monkeypatch.setenv("JIAFANG_DATA_DIR", str(tmp_path))
    assert cli.main(["--database-url", f"sqlite:///{path}", "init-db"]) == 2
    err = capsys.readouterr().err
    assert "其他用户可以读取" in err and str(exposed) in err
    assert path.read_bytes() == before
