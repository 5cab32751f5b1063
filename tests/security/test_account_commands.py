"""Item 5, administration: ``jiafang-server passwd``, ``reset-password``, ``deactivate-user`` and
``expire-uploads``; the password policy applies to ``create-user`` too."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sync.ids import new_id
from sync.server import cli
from sync.server.settings import Settings
from tests.sync.server.conftest import VERSION_HEADERS, LiveServer, start_server, stop_server

FIRST = "tiankong-shuye-gangqin-3"
SECOND = "hongse-luobo-xiaolu-58"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("JIAFANG_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("JIAFANG_PASSWORD", FIRST)
    url = f"sqlite:///{tmp_path / 'accounts.sqlite3'}"
    assert cli.main(["--database-url", url, "create-college", "计算机学院"]) == 0
    assert (
        cli.main(
            ["--database-url", url, "create-user", "zhang", "--role", "counselor", "--college", "计算机学院"]
        )
        == 0
    )
    return url


@pytest.fixture
def live(url: str, tmp_path: Path) -> Iterator[LiveServer]:
    server = start_server(Settings(database_url=url, data_dir=tmp_path))
    yield server
    stop_server(server)


def _login(live: LiveServer, password: str) -> httpx.Response:
    body = {"username": "zhang", "password": password, "device_id": new_id()}
    return httpx.post(f"{live.url}/auth/login", json=body, headers=VERSION_HEADERS)


def _me(live: LiveServer, token: str) -> int:
    headers = {**VERSION_HEADERS, "Authorization": f"Bearer {token}"}
    return httpx.get(f"{live.url}/auth/me", headers=headers).status_code


def test_create_user_refuses_a_weak_password(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JIAFANG_PASSWORD", "1")
    assert cli.main(["--database-url", url, "create-user", "root", "--role", "admin"]) == 2
    assert "密码不符合要求" in capsys.readouterr().err


def test_passwd_sets_a_password_and_signs_out_devices(
    url: str, live: LiveServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    token = _login(live, FIRST).json()["token"]
    monkeypatch.setenv("JIAFANG_PASSWORD", "zhang12345")
    assert cli.main(["--database-url", url, "passwd", "zhang"]) == 2
    assert "密码不符合要求" in capsys.readouterr().err
    assert _me(live, token) == 200  # a refused change changes nothing
    monkeypatch.setenv("JIAFANG_PASSWORD", SECOND)
    assert cli.main(["--database-url", url, "passwd", "zhang"]) == 0
    assert "1 台设备需要重新登录" in capsys.readouterr().out
    assert _me(live, token) == 401
    assert _login(live, FIRST).status_code == 401
    assert _login(live, SECOND).status_code == 200


def test_reset_password_prints_a_strong_one_time_password(
    url: str, live: LiveServer, capsys: pytest.CaptureFixture[str]
) -> None:
    token = _login(live, FIRST).json()["token"]
    assert cli.main(["--database-url", url, "reset-password", "zhang"]) == 0
    new_password = capsys.readouterr().out.strip().splitlines()[-1]
    assert len(new_password) >= 20
    assert _me(live, token) == 401
    assert _login(live, FIRST).status_code == 401
    assert _login(live, new_password).status_code == 200


def test_deactivate_user_ends_every_session_at_once(
    url: str, live: LiveServer, capsys: pytest.CaptureFixture[str]
) -> None:
    tokens = [_login(live, FIRST).json()["token"] for _ in range(2)]
    assert cli.main(["--database-url", url, "deactivate-user", "zhang"]) == 0
    assert "2 台设备的授权已失效" in capsys.readouterr().out
    assert [_me(live, token) for token in tokens] == [401, 401]
    assert _login(live, FIRST).status_code == 401


def test_unknown_user_is_a_clear_error(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("passwd", "reset-password", "deactivate-user"):
        assert cli.main(["--database-url", url, command, "nobody"]) == 2
        assert "找不到用户：nobody" in capsys.readouterr().err


def test_expire_uploads_command(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--database-url", url, "expire-uploads", "--hours", "1"]) == 0
    assert "已清理 0 个超过 1 小时未完成的附件上传" in capsys.readouterr().out


def test_roster_import_refuses_a_number_twice(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "学号,姓名,学院\n2024001,张一,计算机学院\n2024002,张二,计算机学院\n2024001,张三,计算机学院\n",
        encoding="utf-8",
    )
    assert cli.main(["--database-url", url, "import-roster", str(roster)]) == 2
    assert "第 4 行“学号”列：与第 2 行的学号重复" in capsys.readouterr().err


def test_account_commands_name_their_operator_in_the_audit_log(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JIAFANG_PASSWORD", SECOND)
    assert cli.main(["--database-url", url, "passwd", "zhang"]) == 0
    assert cli.main(["--database-url", url, "deactivate-user", "zhang"]) == 0
    capsys.readouterr()
    assert cli.main(["--database-url", url, "audit", "--json"]) == 0
    entries = {entry["action"]: entry for entry in json.loads(capsys.readouterr().out)}
    for action in ("password_changed", "user_deactivated"):
        assert entries[action]["operator"].startswith("os:"), entries[action]
