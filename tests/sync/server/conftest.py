"""A real uvicorn server on 127.0.0.1 for the server suite, on SQLite and on PostgreSQL.

PostgreSQL comes from ``JIAFANG_TEST_PG_URL``; when it cannot be reached the PostgreSQL half is skipped
with the reason shown, except under ``CI=true`` where that is a failure.
"""

from __future__ import annotations

import itertools
import os
import secrets
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import uvicorn
from argon2 import PasswordHasher
from sqlalchemy import create_engine, make_url, text

from sync.ids import HybridClock, new_id
from sync.protocol import PROTOCOL_HEADER, SCHEMA_HEADER, SCHEMA_VERSION
from sync.records.enums import Role
from sync.server import auth, directory
from sync.server.app import create_app
from sync.server.database import Database
from sync.server.models import Base
from sync.server.settings import Settings

DEFAULT_PG_URL = "postgresql+psycopg://jiafang:jiafang@127.0.0.1:5432/jiafang_test"
VERSION_HEADERS = {PROTOCOL_HEADER: "1", SCHEMA_HEADER: str(SCHEMA_VERSION)}
PASSWORD = "correct-horse-42"
_DATABASE_NUMBERS = itertools.count()


def postgres_url() -> str:
    """A fresh database of its own for this test run, next to ``JIAFANG_TEST_PG_URL``'s (several test runs
    may share the server); skips (or fails under CI) when PostgreSQL cannot be reached."""
    base = make_url(os.environ.get("JIAFANG_TEST_PG_URL", DEFAULT_PG_URL))
    name = f"{base.database}_{os.getpid()}_{next(_DATABASE_NUMBERS)}"
    engine = create_engine(base, connect_args={"connect_timeout": 3}, isolation_level="AUTOCOMMIT")
    pause = threading.Event()
    try:
        for attempt in range(5):
            try:
                with engine.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                    connection.execute(text(f'CREATE DATABASE "{name}"'))
                break
            except Exception as error:
                # CREATE DATABASE fails while another session uses template1: try again shortly.
                if "template1" not in str(error) or attempt == 4:
                    raise
                pause.wait(0.3)
    except Exception as error:
        detail = str(getattr(error, "orig", error)).splitlines()[0][:160]
        reason = f"PostgreSQL not reachable at {base.host}:{base.port}: {type(error).__name__}: {detail}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    finally:
        engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def drop_postgres(url: str) -> None:
    own = make_url(url)
    engine = create_engine(
        own.set(database=os.environ.get("JIAFANG_TEST_PG_DB_ADMIN", "postgres")), isolation_level="AUTOCOMMIT"
    )
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{own.database}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(scope="session", autouse=True)
def _cheap_passwords() -> Iterator[None]:
    original = auth._hasher
    auth._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    yield
    auth._hasher = original


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class LiveServer:
    url: str
    database: Database
    settings: Settings
    server: uvicorn.Server
    thread: threading.Thread


def wait_healthy(url: str, *, attempts: int = 500) -> None:
    """Poll the health endpoint (bounded); each failed attempt waits on a connect timeout, not a sleep."""
    ready = threading.Event()
    for _ in range(attempts):
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            ready.wait(0.02)
    raise RuntimeError(f"server at {url} did not become healthy")


def start_server(settings: Settings) -> LiveServer:
    database = Database(settings)
    app = create_app(settings, database=database)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url)
    return LiveServer(url, database, settings, server, thread)


def stop_server(live: LiveServer) -> None:
    live.server.should_exit = True
    live.thread.join(timeout=30)
    live.database.dispose()


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    data_dir = tmp_path_factory.mktemp(f"server-{request.param}")
    url = f"sqlite:///{data_dir / 'server.sqlite3'}" if request.param == "sqlite" else postgres_url()
    # api_docs: the schemathesis test reads /openapi.json (off by default, as in production).
    settings = Settings(database_url=url, data_dir=data_dir, max_body_bytes=256 * 1024, api_docs=True)
    live = start_server(settings)
    yield live
    stop_server(live)
    if request.param == "postgres":
        drop_postgres(url)


def clean(database: Database) -> None:
    tables = [table.name for table in Base.metadata.sorted_tables if table.name != "seq_counter"]
    with database.engine.begin() as connection:
        if database.engine.dialect.name == "postgresql":
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for name in reversed(tables):
                connection.execute(text(f"DELETE FROM {name}"))
        # A new epoch: the history was replaced (as by a restore), so caches of it start over.
        connection.execute(
            text("UPDATE seq_counter SET value = 0, floor = 0, scope_seq = 0, epoch = :epoch"),
            {"epoch": secrets.token_hex(8)},
        )


class ApiError(AssertionError):
    pass


@dataclass
class Api:
    """A logged-in device talking to the live server."""

    base_url: str
    user_id: str
    device_id: str
    token: str
    clock: HybridClock = field(init=False)
    http: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.clock = HybridClock(self.device_id)
        headers = {**VERSION_HEADERS, "Authorization": f"Bearer {self.token}"}
        self.http = httpx.Client(base_url=self.base_url, headers=headers, timeout=30)

    def close(self) -> None:
        self.http.close()

    def post(self, path: str, body: Any) -> httpx.Response:
        return self.http.post(path, json=body)

    def op(
        self,
        record_type: str,
        record_id: str,
        fields: dict[str, Any],
        *,
        base: dict[str, int] | None = None,
        student_id: str | None = None,
        resolves: list[str] | None = None,
    ) -> dict[str, Any]:
        return {
            "op_id": new_id(),
            "record_type": record_type,
            "record_id": record_id,
            "kind": "upsert",
            "student_id": student_id,
            "fields": fields,
            "base": base if base is not None else dict.fromkeys(fields, 0),
            "resolves": resolves or [],
            "device_id": self.device_id,
            "author_id": self.user_id,
            "hlc": self.clock.now().encode(),
        }

    def delete_op(self, record_type: str, record_id: str, base_rev: int) -> dict[str, Any]:
        return {
            "op_id": new_id(),
            "record_type": record_type,
            "record_id": record_id,
            "kind": "delete",
            "base_rev": base_rev,
            "device_id": self.device_id,
            "author_id": self.user_id,
            "hlc": self.clock.now().encode(),
        }

    def push(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.post("/sync/push", {"device_id": self.device_id, "ops": list(ops)})
        if response.status_code != 200:
            raise ApiError(f"push: {response.status_code} {response.text}")
        results: list[dict[str, Any]] = response.json()["results"]
        return results

    def pull_all(self, cursor: str | None = None, limit: int = 1000) -> tuple[dict[str, Any], str]:
        """Pull until no page is left; returns everything received merged, and the last cursor."""
        out: dict[str, Any] = {"records": {}, "conflicts": {}, "scope": []}
        while True:
            response = self.post(
                "/sync/pull", {"device_id": self.device_id, "cursor": cursor, "limit": limit}
            )
            if response.status_code != 200:
                raise ApiError(f"pull: {response.status_code} {response.text}")
            page = response.json()
            for record in page["records"]:
                out["records"][record["id"]] = record
            for conflict in page["conflicts"]:
                out["conflicts"][conflict["id"]] = conflict
            out["scope"] += page["scope"]
            cursor = page["cursor"]
            if not page["more"]:
                return out, cursor


@dataclass
class Server:
    """The live server, emptied for one test, with helpers to set up colleges, users and students."""

    live: LiveServer
    apis: list[Api] = field(default_factory=list)
    student_nos: set[str] = field(default_factory=set)

    @property
    def url(self) -> str:
        return self.live.url

    @property
    def database(self) -> Database:
        return self.live.database

    def college(self, name: str = "计算机学院") -> str:
        return self.database.run(lambda s: directory.create_college(s, name, name[:2]))

    def user(self, username: str, role: Role, college_id: str | None = None) -> str:
        return self.database.run(
            lambda s: directory.create_user(
                s,
                username=username,
                password=PASSWORD,
                role=role,
                display_name=username,
                college_id=college_id,
            )
        )

    def login(self, username: str, password: str = PASSWORD, device_id: str | None = None) -> Api:
        device_id = device_id or new_id()
        response = httpx.post(
            f"{self.url}/auth/login",
            json={
                "username": username,
                "password": password,
                "device_id": device_id,
                "device_name": "测试机",
            },
            headers=VERSION_HEADERS,
        )
        if response.status_code != 200:
            raise ApiError(f"login: {response.status_code} {response.text}")
        body = response.json()
        api = Api(self.url, body["user"]["id"], device_id, body["token"])
        self.apis.append(api)
        return api

    def student(
        self, college_id: str, counselor_id: str | None, student_no: str | None = None, **fields: Any
    ) -> str:
        """A student; without ``student_no`` the next free number from 2024001 (学号 is unique per school)."""
        if student_no is None:
            number = 2024001
            while str(number) in self.student_nos:
                number += 1
            student_no = str(number)
        self.student_nos.add(student_no)
        student_id = new_id()
        data = {"student_no": student_no, "name": "学生" + student_no[-3:], "college_id": college_id}
        data["counselor_id"] = counselor_id
        data.update(fields)
        self.database.run(lambda s: directory.write_records(s, [("student", student_id, data)]))
        return student_id


@pytest.fixture
def server(live_server: LiveServer) -> Iterator[Server]:
    clean(live_server.database)
    handle = Server(live_server)
    yield handle
    for api in handle.apis:
        api.close()


@dataclass
class College:
    """One college with two counselors, a college center, a school center and an administrator."""

    server: Server
    college_id: str
    counselor_a: str
    counselor_b: str
    center: str
    school: str
    admin: str


@pytest.fixture
def college(server: Server) -> College:
    college_id = server.college()
    return College(
        server,
        college_id,
        server.user("counselor_a", Role.COUNSELOR, college_id),
        server.user("counselor_b", Role.COUNSELOR, college_id),
        server.user("center", Role.COLLEGE_CENTER, college_id),
        server.user("school", Role.SCHOOL_CENTER),
        server.user("admin", Role.ADMIN),
    )
