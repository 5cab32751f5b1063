"""`jiafang login` and `jiafang sync` against a live server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from sync.server import devices as device_admin
from tests.sync.client.conftest import College
from tests.sync.server.conftest import PASSWORD


def test_login_then_sync_then_revoked(
    college: College, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    college.server.student(college.college_id, college.counselor_a)
    monkeypatch.setenv("JIAFANG_PASSPHRASE", "correct horse battery")
    monkeypatch.setenv("JIAFANG_PASSWORD", PASSWORD)
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "init", "--school", "示例大学", "--name", "甲", "--no-keyring"]) == 0
    assert main([*data, "login", "--server", college.server.url, "--user", "counselor_a"]) == 0
    assert "已登录" in capsys.readouterr().out
    assert main([*data, "sync", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["pulled"] >= 1 and summary["pending"] == 0
    listed = college.server.database.run(device_admin.list_devices)
    college.server.database.run(lambda s: device_admin.revoke(s, listed[0].id, by=None))
    assert main([*data, "sync"]) == 1
    assert "同步失败" in capsys.readouterr().out
