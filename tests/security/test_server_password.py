"""Item 5 (laptop side): `jiafang passwd --server` changes the counselor's center password through the
real endpoint (POST /auth/password with the device token) on a live server."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from tests.sync.server.conftest import PASSWORD, College

PASSPHRASE = "Qiu-feng 吹过 稻田 2024"
NEW_PASSWORD = "稻田 river-stone 8642"


def _cli(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


@pytest.fixture
def logged_in(college: College, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JIAFANG_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("JIAFANG_PASSWORD", PASSWORD)
    laptop = tmp_path / "laptop"
    assert _cli(laptop, "init", "--school", "示例大学", "--name", "甲", "--no-keyring") == 0
    assert _cli(laptop, "login", "--server", college.server.url, "--user", "counselor_a") == 0
    return laptop


def test_passwd_server_changes_the_center_password(
    college: College, logged_in: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    monkeypatch.setenv("JIAFANG_NEW_PASSWORD", NEW_PASSWORD)
    assert _cli(logged_in, "passwd", "--server") == 0
    assert "中心账号密码已更改" in capsys.readouterr().out
    assert _cli(logged_in, "sync") == 0, "this laptop stays signed in"
    college.server.login("counselor_a", NEW_PASSWORD)  # the new password works
    with pytest.raises(AssertionError):
        college.server.login("counselor_a", PASSWORD)


def test_wrong_current_password_and_weak_new_password_change_nothing(
    college: College, logged_in: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    monkeypatch.setenv("JIAFANG_PASSWORD", "not the password 99")
    monkeypatch.setenv("JIAFANG_NEW_PASSWORD", NEW_PASSWORD)
    assert _cli(logged_in, "passwd", "--server") == 1
    assert "当前密码不正确" in capsys.readouterr().err  # the server's 403
    monkeypatch.setenv("JIAFANG_PASSWORD", PASSWORD)
    monkeypatch.setenv("JIAFANG_NEW_PASSWORD", "12345678")
    assert _cli(logged_in, "passwd", "--server") == 1
    assert "密码太短" in capsys.readouterr().err
    college.server.login("counselor_a", PASSWORD)  # unchanged


def test_the_server_policy_answer_is_shown(
    college: College, logged_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 422 path: the client's own check is skipped so the server's Chinese refusal is what shows."""
    from desktop.store import center_sync
    from desktop.store.store import Store
    from sync import password_change
    from sync.password_change import PasswordRejected

    monkeypatch.setattr(password_change, "password_problems", lambda *_a, **_k: [])
    with (
        Store.open(logged_in, PASSPHRASE, backup_daily=False) as store,
        pytest.raises(PasswordRejected) as refused,
    ):
        center_sync.change_password(store, PASSWORD, "1234567890")
    assert "新密码不符合要求" in str(refused.value)
    college.server.login("counselor_a", PASSWORD)


def test_passwd_server_needs_a_login(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JIAFANG_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("JIAFANG_PASSWORD", PASSWORD)
    monkeypatch.setenv("JIAFANG_NEW_PASSWORD", NEW_PASSWORD)
    laptop = tmp_path / "laptop"
    assert _cli(laptop, "init", "--school", "示例大学", "--name", "甲", "--no-keyring") == 0
    assert _cli(laptop, "passwd", "--server") == 1
    assert "尚未连接中心服务器" in capsys.readouterr().err
