"""A store folder for the command tests, unlocked through JIAFANG_PASSPHRASE."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.commands.context import PASSPHRASE_ENV
from desktop.store.store import Store
from sync.records import Role

PASSPHRASE = "correct horse battery"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    return tmp_path / "data"


def make_store(data_dir: Path, role: Role = Role.SCHOOL_CENTER) -> Store:
    return Store.create(
        data_dir, PASSPHRASE, school_name="示例大学", user_name="张主任", role=role, use_keyring=False
    )


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = make_store(data_dir)
    try:
        yield opened
    finally:
        opened.close()
