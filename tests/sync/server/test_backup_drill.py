"""Encrypted backups and the restore drill, on SQLite and PostgreSQL: the backup holds no plaintext, the
admin's key (and only it) decrypts it, the drill restores it into a scratch database and counts what
came back, and every failure is one Chinese line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from sync.server import cli
from tests.sync.server.conftest import drop_postgres, postgres_url

ROOT = Path(__file__).resolve().parents[3]
ROSTER = "学号,姓名,学院\n2024001,张三丰,XG\n2024002,李四海,XG\n2024003,王五湖,XG\n"


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("错误：") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def _fill(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--database-url", url, "create-college", "信息工程学院", "--code", "XG"]) == 0
    assert (
        cli.main(["--database-url", url, "create-user", "wang.li", "--role", "counselor", "--college", "XG"])
        == 0
    )
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert cli.main(["--database-url", url, "import-roster", str(roster)]) == 0
    capsys.readouterr()


def _keygen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str = "admin-key.txt"
) -> tuple[Path, str]:
    key = tmp_path / name
    assert cli.main(["backup-keygen", "--output", str(key)]) == 0
    public = capsys.readouterr().out.strip()
    assert public.startswith("age1") and (key.stat().st_mode & 0o777) == 0o600
    return key, public


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(os.environ):
        if name.startswith("JIAFANG_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("JIAFANG_PASSWORD", "cli-password-1")
    monkeypatch.setenv("JIAFANG_DATA_DIR", str(tmp_path))


def test_sqlite_backup_is_encrypted_decrypts_and_passes_the_drill(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clean_env: None
) -> None:
    url = f"sqlite:///{tmp_path / 'live.sqlite3'}"
    _fill(url, tmp_path, capsys)
    backup = tmp_path / "backups" / "nightly.sqlite3.age"
    # No key configured: refused, unless plaintext is asked for by name.
    assert cli.main(["--database-url", url, "backup", "--output", str(backup)]) == 2
    assert "未设置备份加密公钥" in _one_line_error(capsys)
    key, public = _keygen(tmp_path, capsys)
    assert cli.main(["backup-keygen", "--output", str(key)]) == 2
    assert "不会覆盖" in _one_line_error(capsys)
    monkeypatch.setenv("JIAFANG_BACKUP_RECIPIENTS", public)
    assert cli.main(["--database-url", url, "backup", "--output", str(backup)]) == 0
    data = backup.read_bytes()
    assert data.startswith(b"age-encryption.org/v1") and (backup.stat().st_mode & 0o777) == 0o600
    for secret in ("张三丰", "2024001", "wang.li"):
        assert secret.encode() not in data
    assert not [path for path in backup.parent.iterdir() if path != backup]  # no plaintext left beside it

    plain = tmp_path / "plain.sqlite3"
    assert cli.main(["decrypt-backup", str(backup), "--identity", str(key), "--output", str(plain)]) == 0
    with sqlite3.connect(plain) as connection:
        (students,) = connection.execute(
            "SELECT count(*) FROM records WHERE record_type = 'student'"
        ).fetchone()
    assert students == 3

    assert cli.main(["--database-url", url, "restore-drill", str(backup), "--identity", str(key)]) == 0
    out = capsys.readouterr().out
    assert "演练通过" in out and "学生 3 名" in out and "账号 1 个" in out

    # Without the key, with another key, or a damaged file: one clear line each.
    assert cli.main(["--database-url", url, "restore-drill", str(backup)]) == 2
    assert "--identity" in _one_line_error(capsys)
    other, _ = _keygen(tmp_path, capsys, "other-key.txt")
    assert cli.main(["--database-url", url, "restore-drill", str(backup), "--identity", str(other)]) == 2
    assert "无法解密备份" in _one_line_error(capsys)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(plain.read_bytes()[:4096] + b"\x00" * 4096)
    assert cli.main(["--database-url", url, "restore-drill", str(damaged)]) == 2
    assert "演练失败" in _one_line_error(capsys)
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    assert cli.main(["--database-url", url, "restore-drill", str(tmp_path / "notes.txt")]) == 2
    assert "无法识别的备份文件" in _one_line_error(capsys)

    # The documented pipe: decrypt-backup to stdout (refused on a terminal, not in a pipe).
    done = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "decrypt-backup", str(backup), "--identity", str(key)],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0 and done.stdout == plain.read_bytes()


@pytest.mark.postgres
def test_postgres_backup_restores_in_a_drill_and_through_the_documented_pipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clean_env: None
) -> None:
    url = postgres_url()
    scratch = postgres_url()
    piped = postgres_url()
    try:
        _fill(url, tmp_path, capsys)
        key, public = _keygen(tmp_path, capsys)
        monkeypatch.setenv("JIAFANG_BACKUP_RECIPIENTS", public)
        backup = tmp_path / "nightly.dump.age"
        assert cli.main(["--database-url", url, "backup", "--output", str(backup)]) == 0
        data = backup.read_bytes()
        assert data.startswith(b"age-encryption.org/v1") and "张三丰".encode() not in data

        # A new database next to the live one, dropped afterwards.
        assert cli.main(["--database-url", url, "restore-drill", str(backup), "--identity", str(key)]) == 0
        out = capsys.readouterr().out
        assert "演练通过" in out and "学生 3 名" in out
        assert not [name for name in _databases(url) if "_drill_" in name]

        # An empty database the admin made; emptied again afterwards, and refused when not empty.
        arguments = ["--database-url", url, "restore-drill", str(backup), "--identity", str(key)]
        # (as documented: the scratch URL without a password, the role's password from the settings)
        bare = make_url(scratch).set(password=None).render_as_string(hide_password=False)
        assert cli.main([*arguments, "--scratch-url", bare]) == 0
        assert "学生 3 名" in capsys.readouterr().out
        assert _tables(scratch) == []
        engine = create_engine(scratch)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE something (id int)"))
        engine.dispose()
        assert cli.main([*arguments, "--scratch-url", scratch]) == 2
        assert "不是空的" in _one_line_error(capsys)
        assert _tables(scratch) == ["something"]

        # operations.md: decrypt-backup | pg_restore (the password in PGPASSWORD, never on the command line).
        target = make_url(piped)
        decrypt = subprocess.Popen(
            [sys.executable, "-m", "sync.server.cli", "decrypt-backup", str(backup), "--identity", str(key)],
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        restore = subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "-h",
                str(target.host),
                "-U",
                str(target.username),
                "-d",
                str(target.database),
            ],
            stdin=decrypt.stdout,
            capture_output=True,
            text=True,
            env={**os.environ, "PGPASSWORD": str(target.password)},
            check=False,
        )
        assert decrypt.stdout is not None
        decrypt.stdout.close()
        assert decrypt.wait() == 0 and restore.returncode == 0, restore.stderr
        engine = create_engine(piped)
        with engine.connect() as connection:
            count = connection.execute(
                text("SELECT count(*) FROM records WHERE record_type = 'student'")
            ).scalar()
        engine.dispose()
        assert count == 3
    finally:
        for database in (url, scratch, piped):
            drop_postgres(database)


def _databases(url: str) -> list[str]:
    engine = create_engine(make_url(url).set(database="postgres"))
    with engine.connect() as connection:
        names = list(connection.execute(text("SELECT datname FROM pg_database")).scalars())
    engine.dispose()
    return names


def _tables(url: str) -> list[str]:
    engine = create_engine(url)
    with engine.connect() as connection:
        names = list(
            connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
        )
    engine.dispose()
    return sorted(names)
