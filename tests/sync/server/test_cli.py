"""The ``jiafang-server`` admin command, run in-process against a fresh SQLite file (and ``serve`` as a
real process)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from openpyxl import Workbook
from sqlalchemy import select

from sync.server import cli
from sync.server.database import Database
from sync.server.models import Account, RecordRow, StudentScope
from sync.server.settings import Settings
from tests.sync.server.conftest import VERSION_HEADERS, free_port, wait_healthy


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
    assert run(url, "backup", "--output", str(target)) == 0
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
