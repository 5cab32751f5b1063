"""The ``jiafang-server`` admin command, run in-process against a fresh SQLite file (and ``serve`` as a
real process)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import Workbook
from sqlalchemy import make_url, select

from sync.server import admin_backup, cli
from sync.server.database import Database
from sync.server.models import Account, RecordRow, StudentScope
from sync.server.settings import Settings
from tests.sync.server.conftest import (
    VERSION_HEADERS,
    drop_postgres,
    free_port,
    postgres_url,
    wait_healthy,
)


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("JIAFANG_PASSWORD", "cli-password-1")
    monkeypatch.setenv("JIAFANG_DATA_DIR", str(tmp_path))
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def run(url: str, *args: str) -> int:
    return cli.main(["--database-url", url, *args])


def _database(url: str) -> Database:
    return Database(Settings(database_url=url), migrate=False)


def test_setup_a_college_from_the_command_line(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(url, "init-db") == 0
    assert run(url, "create-college", "计算机学院", "--code", "CS") == 0
    assert run(url, "create-user", "wang", "--role", "counselor", "--college", "CS", "--name", "王老师") == 0
    assert run(url, "create-user", "li", "--role", "mentor", "--name", "李导师") == 0
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "学号,姓名,性别,学院,年级\n2024001,张三,男,计算机学院,2024\n2024002,李四,女,CS,2024\n", "utf-8-sig"
    )
    assert run(url, "import-roster", str(roster)) == 0
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["用户名", "学号"])
    sheet.append(["wang", "2024001"])
    sheet.append(["wang", "2024002"])
    book.save(tmp_path / "assign.xlsx")
    assert run(url, "assign", "--file", str(tmp_path / "assign.xlsx")) == 0
    assert run(url, "assign", "li", "2024002") == 0
    database = _database(url)
    wang = database.run(lambda s: s.scalar(select(Account).where(Account.username == "wang")))
    assert wang is not None and wang.role == "counselor"
    scopes = database.run(lambda s: list(s.scalars(select(StudentScope))))
    assert {scope.counselor_id for scope in scopes} == {wang.id}
    types = database.run(lambda s: sorted(s.scalars(select(RecordRow.record_type))))
    assert types.count("student") == 2 and "mentor_assignment" in types
    database.dispose()
    # Re-importing the same roster updates, never duplicates.
    assert run(url, "import-roster", str(roster)) == 0
    database = _database(url)
    assert (
        database.run(
            lambda s: len(list(s.scalars(select(RecordRow.id).where(RecordRow.record_type == "student"))))
        )
        == 2
    )
    database.dispose()


def test_errors_are_chinese_and_exit_2(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "create-user", "x", "--role", "counselor", "--college", "没有的学院") == 2
    assert "找不到学院" in capsys.readouterr().err
    assert run(url, "revoke-device", "nope") == 2


def test_demo_devices_revoke_wipe_and_backup(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(url, "demo", "--students", "20", "--per-role", "1", "--json") == 0
    output = json.loads(capsys.readouterr().out)
    roles = {account["role"] for account in output["accounts"]}
    assert roles == {"counselor", "mentor", "college_center", "school_center", "admin"}
    assert output["records"] > 20
    assert run(url, "list-devices", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    target = tmp_path / "copy.sqlite3"
    assert run(url, "backup", "--unencrypted", "--output", str(target)) == 0
    assert target.exists() and (target.stat().st_mode & 0o777) == 0o600


def test_serve_runs_a_server_that_answers(url: str, tmp_path: Path) -> None:
    assert run(url, "create-college", "计算机学院") == 0
    port = free_port()
    env = {**os.environ, "JIAFANG_DATABASE_URL": url}
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}")
        assert httpx.get(f"http://127.0.0.1:{port}/auth/me", headers=VERSION_HEADERS).status_code == 401
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def test_backup_makes_a_missing_output_folder_and_says_clearly_when_it_cannot(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(url, "init-db") == 0
    target = tmp_path / "not" / "yet" / "there" / "copy.sqlite3"
    assert run(url, "backup", "--unencrypted", "--output", str(target)) == 0
    assert target.stat().st_size > 0 and (target.stat().st_mode & 0o777) == 0o600
    capsys.readouterr()
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert run(url, "backup", "--unencrypted", "--output", str(blocker / "copy.sqlite3")) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：无法写入备份文件") and err.count("\n") == 1


@pytest.mark.postgres
def test_postgres_backup_keeps_the_password_off_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pg_url = postgres_url()
    try:
        password = make_url(pg_url).password
        assert password, "the test database URL carries a password"
        assert run(pg_url, "init-db") == 0
        calls: list[tuple[list[str], dict[str, str]]] = []
        real_run = subprocess.run

        def spy(command: list[str], **kwargs: Any) -> Any:
            calls.append((list(command), dict(kwargs.get("env") or {})))
            return real_run(command, **kwargs)

        monkeypatch.setattr(admin_backup.subprocess, "run", spy)
        target = tmp_path / "missing" / "folder" / "server.dump"
        assert run(pg_url, "backup", "--unencrypted", "--output", str(target)) == 0
        [(command, env)] = calls
        # (the test password may equal the user name, so look for it where a URL would carry it)
        dbname = command[command.index("--dbname") + 1]
        assert make_url(dbname).password is None
        assert not any(f":{password}@" in part or part == password for part in command)
        assert env["PGPASSWORD"] == str(password)
        assert target.read_bytes()[:5] == b"PGDMP" and (target.stat().st_mode & 0o777) == 0o600
        # A refused connection is one clear line (no traceback) and leaves no partial file.
        capsys.readouterr()
        wrong = make_url(pg_url).set(password="not-the-password").render_as_string(hide_password=False)
        broken = tmp_path / "refused.dump"
        assert run(wrong, "backup", "--unencrypted", "--output", str(broken)) == 2
        err = capsys.readouterr().err
        assert err.startswith("错误：pg_dump 备份失败") and err.count("\n") == 1
        assert "not-the-password" not in err and not broken.exists()
    finally:
        drop_postgres(pg_url)
