"""Client-engine tests run against the same live server fixtures as the server suite."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from desktop.store.store import Store
from sync.client import EngineSettings, SyncEngine, SyncReport
from sync.ids import new_id
from sync.records import Role
from tests.helpers.memory_replica import MemoryReplica
from tests.sync.server import conftest as server_fixtures
from tests.sync.server.conftest import College, Server

# The live server fixtures of the server suite (SQLite and PostgreSQL).
_cheap_passwords = server_fixtures._cheap_passwords
live_server = server_fixtures.live_server
server = server_fixtures.server
college = server_fixtures.college
__all__ = ["College", "Device", "Devices", "Server"]


@dataclass
class Device:
    """A laptop: a replica plus an engine logged in to the server."""

    replica: MemoryReplica
    engine: SyncEngine
    user_id: str

    def sync(self) -> SyncReport:
        return self.engine.sync()


@dataclass
class Devices:
    server: Server
    made: list[Device] = field(default_factory=list)

    def device(
        self,
        username: str,
        *,
        settings: EngineSettings | None = None,
        url: str | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> Device:
        device_id = new_id()
        api = self.server.login(username, device_id=device_id)
        replica = MemoryReplica(device_id, api.user_id)
        engine = SyncEngine(
            replica,
            url or self.server.url,
            api.token,
            settings=settings or EngineSettings(),
            transport=transport,
        )
        made = Device(replica, engine, api.user_id)
        self.made.append(made)
        return made


@pytest.fixture
def devices(server: Server) -> Iterator[Devices]:
    handle = Devices(server)
    yield handle
    for device in handle.made:
        device.engine.close()


@pytest.fixture
def laptop_store(tmp_path: Path) -> Iterator[Store]:
    """An empty encrypted desktop store (the laptop's real replica)."""
    store = Store.create(
        tmp_path / "laptop",
        "correct horse battery",
        school_name="示例大学",
        user_name="甲",
        role=Role.COUNSELOR,
        use_keyring=False,
    )
    try:
        yield store
    finally:
        store.close()
