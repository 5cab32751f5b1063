"""A live sync server on SQLite (one per test session) and an empty encrypted laptop store, for the
desktop's sync tests (store functions and UI).  Import the fixtures into a test module:

    from tests.desktop.sync_fixtures import college, devices, laptop, live_server, server  # noqa: F401
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.store import Store
from sync.records import Role
from sync.server.settings import Settings
from tests.sync.client.conftest import Devices
from tests.sync.server import conftest as server_fixtures
from tests.sync.server.conftest import LiveServer, Server, clean, start_server, stop_server

LAPTOP_PASSPHRASE = "correct horse battery"
college = server_fixtures.college
_cheap_passwords = server_fixtures._cheap_passwords


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data_dir = tmp_path_factory.mktemp("desktop-sync-server")
    live = start_server(Settings(database_url=f"sqlite:///{data_dir / 'server.sqlite3'}", data_dir=data_dir))
    yield live
    stop_server(live)


@pytest.fixture
def server(live_server: LiveServer) -> Iterator[Server]:
    clean(live_server.database)
    handle = Server(live_server)
    yield handle
    for api in handle.apis:
        api.close()


@pytest.fixture
def devices(server: Server) -> Iterator[Devices]:
    handle = Devices(server)
    yield handle
    for device in handle.made:
        device.engine.close()


def make_laptop(folder: Path) -> None:
    """An empty store, as a counselor's new laptop has before the first login."""
    Store.create(
        folder,
        LAPTOP_PASSPHRASE,
        school_name="示例大学",
        user_name="新用户",
        role=Role.COUNSELOR,
        use_keyring=False,
    ).close()


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Store]:
    make_laptop(tmp_path / "laptop")
    store = Store.open(tmp_path / "laptop", LAPTOP_PASSPHRASE, backup_daily=False)
    try:
        yield store
    finally:
        store.close()
