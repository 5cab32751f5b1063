"""Fixtures for the store tests: a real SQLCipher store in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.store import Store
from sync.records import Role

PASSPHRASE = "correct horse battery"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.create(
        data_dir,
        PASSPHRASE,
        school_name="示例大学",
        user_name="王老师",
        role=Role.COUNSELOR,
        use_keyring=False,
    )
    try:
        yield opened
    finally:
        opened.close()
