"""`jiafang login`: the center shows the laptop under a name people use — by default "<name>的电脑", or
the one given with --device-name, which a later login changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from sync.server import devices
from tests.desktop.sync_fixtures import college, live_server, make_laptop, server  # noqa: F401
from tests.sync.server.conftest import PASSWORD, College


def _names(handle: College) -> list[str]:
    return [row.name for row in handle.server.database.run(devices.list_devices)]


def test_default_name_and_renaming_at_login(
    college: College,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.desktop.sync_fixtures import LAPTOP_PASSPHRASE

    monkeypatch.setenv("JIAFANG_PASSPHRASE", LAPTOP_PASSPHRASE)
    monkeypatch.setenv("JIAFANG_PASSWORD", PASSWORD)
    folder = tmp_path / "laptop"
    make_laptop(folder)
    login = ["--data-dir", str(folder), "login", "--server", college.server.url, "--user", "counselor_a"]
    assert main(login) == 0
    assert _names(college) == ["counselor_a的电脑"]  # named after the account's display name
    assert main([*login, "--device-name", "王老师的笔记本"]) == 0
    assert _names(college) == ["王老师的笔记本"]  # the same device, renamed
    assert main(login) == 0
    assert _names(college) == ["王老师的笔记本"]  # a login without a name keeps the one it has
    capsys.readouterr()
