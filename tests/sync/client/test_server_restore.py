"""A server restored from a backup taken mid-way while three laptops kept working (protocol §8a).

PostgreSQL: ``pg_dump`` of the running database, then the database dropped, created again and filled
with ``pg_restore`` (the restore is found at start by the database's identity).  SQLite: a copy of the
file taken with the backup API, copied back over the database (the restore is found by the first
laptop's cursor, before any new change is numbered).  After one sync each, the laptops and the server
hold the same data, including every record pushed after the dump.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import URL, create_engine, make_url, select, text, update

from desktop.store.store import Store
from desktop.store.sync_replica import StoreReplica
from sync.client import SyncEngine, SyncReport
from sync.ids import new_id
from sync.protocol import Cursor
from sync.records import HomeVisit, Role
from sync.server.models import RecordRow, SeqCounter
from sync.server.settings import Settings
from tests.helpers.memory_replica import MemoryReplica
from tests.sync.client.conftest import College, Devices
from tests.sync.server.conftest import (
    LiveServer,
    Server,
    drop_postgres,
    postgres_url,
    start_server,
    stop_server,
)
from tests.sync.server.records_data import family_member, visit


@dataclass
class Laptop:
    name: str
    replica: MemoryReplica | StoreReplica
    token: str
    engine: SyncEngine

    def sync(self) -> SyncReport:
        return self.engine.sync()

    def reconnect(self, url: str) -> None:
        self.engine.close()
        self.engine = SyncEngine(self.replica, url, self.token)


@dataclass
class Backend:
    kind: str
    url: str
    data_dir: Path

    def settings(self) -> Settings:
        return Settings(database_url=self.url, data_dir=self.data_dir, max_body_bytes=256 * 1024)

    def dump(self, target: Path) -> None:
        if self.kind == "sqlite":
            source, copy = sqlite3.connect(self._sqlite_file()), sqlite3.connect(target)
            with copy:
                source.backup(copy)
            copy.close()
            source.close()
            return
        subprocess.run(
            ["pg_dump", "--format=custom", "--file", str(target), "--dbname", self._conninfo()],
            env=self._pg_env(),
            check=True,
        )

    def restore(self, dump: Path) -> None:
        """The server is stopped: put the dump back in place of the database."""
        if self.kind == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self._sqlite_file()}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(dump, self._sqlite_file())
            os.chmod(self._sqlite_file(), 0o600)  # the server refuses a database others could read
            return
        drop_postgres(self.url)
        own = make_url(self.url)
        admin = create_engine(own.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{own.database}"'))
        admin.dispose()
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", "--dbname", self._conninfo(), str(dump)],
            env=self._pg_env(),
            check=True,
        )

    def _sqlite_file(self) -> str:
        return str(make_url(self.url).database)

    def _conninfo(self) -> str:
        url = make_url(self.url)
        plain = URL.create("postgresql", url.username, None, url.host, url.port, url.database)
        return plain.render_as_string(hide_password=False)

    def _pg_env(self) -> dict[str, str]:
        return {**os.environ, "PGPASSWORD": str(make_url(self.url).password or "")}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    data_dir = tmp_path / "server"
    data_dir.mkdir()
    if request.param == "sqlite":
        yield Backend("sqlite", f"sqlite:///{data_dir / 'server.sqlite3'}", data_dir)
        return
    url = postgres_url()
    yield Backend("postgres", url, data_dir)
    drop_postgres(url)


def _epoch(server: Server) -> str:
    return str(server.database.run(lambda s: s.execute(select(SeqCounter.epoch)).scalar_one()))


def _memory_laptop(server: Server, name: str, username: str) -> Laptop:
    device_id = new_id()
    api = server.login(username, device_id=device_id)
    replica = MemoryReplica(device_id, api.user_id)
    return Laptop(name, replica, api.token, SyncEngine(replica, server.url, api.token))


def _store_laptop(server: Server, store: Store, username: str, user_id: str) -> Laptop:
    store.set_local_user(user_id=user_id, user_name=username, role=Role.COUNSELOR)
    api = server.login(username, device_id=store.info.device_id)
    replica = StoreReplica(store)
    return Laptop("store", replica, api.token, SyncEngine(replica, server.url, api.token))


def _server_rows(live: LiveServer) -> dict[str, tuple[bool, dict[str, Any]]]:
    def read(session: Any) -> dict[str, tuple[bool, dict[str, Any]]]:
        rows = session.execute(select(RecordRow.id, RecordRow.deleted, RecordRow.fields)).all()
        return {row[0]: (bool(row[1]), json.loads(row[2])) for row in rows}

    return live.database.run(read)


def _subset(expected: dict[str, dict[str, Any]], actual: dict[str, dict[str, Any]]) -> list[str]:
    """What of ``expected`` (id -> fields) is missing or different in ``actual``."""
    wrong = []
    for record_id, fields in expected.items():
        held = actual.get(record_id)
        if held is None:
            wrong.append(f"{record_id}: missing")
            continue
        wrong += [f"{record_id}.{name}" for name, value in fields.items() if held.get(name) != value]
    return wrong


def test_a_restore_keeps_every_laptop_syncing_and_loses_nothing(backend: Backend, tmp_path: Path) -> None:
    live = start_server(backend.settings())
    server = Server(live)
    store = Store.create(
        tmp_path / "laptop", "correct horse battery", school_name="示例大学", user_name="甲",
        role=Role.COUNSELOR, use_keyring=False,
    )  # fmt: skip
    laptops: list[Laptop] = []
    try:
        college = server.college()
        counselor_a = server.user("counselor_a", Role.COUNSELOR, college)
        counselor_b = server.user("counselor_b", Role.COUNSELOR, college)
        s_a1 = server.student(college, counselor_a, "2024001")
        s_a2 = server.student(college, counselor_a, "2024002")
        s_b = server.student(college, counselor_b, "2024003")
        one = _memory_laptop(server, "one", "counselor_a")
        two = _store_laptop(server, store, "counselor_a", counselor_a)
        three = _memory_laptop(server, "three", "counselor_b")
        laptops = [one, two, three]
        assert isinstance(one.replica, MemoryReplica) and isinstance(three.replica, MemoryReplica)
        for laptop in laptops * 2:
            laptop.sync()

        # Before the backup.
        one.replica.edit("student", s_a1, {"major": "计算机"})
        early_member = new_id()
        one.replica.edit("family_member", early_member, family_member(s_a1, "王芳"), student_id=s_a1)
        with store.session() as s:
            early_visit = s.visits.create(HomeVisit.model_validate(visit(s_a2))).id
        three.replica.edit("student", s_b, {"talents": "篮球"})
        for laptop in laptops * 2:
            laptop.sync()

        dump = tmp_path / "backup.dump"
        backend.dump(dump)

        # After the backup: new records, edits and a deletion, on all three laptops.
        late_member = new_id()
        one.replica.edit("family_member", late_member, family_member(s_a1, "李强"), student_id=s_a1)
        one.replica.edit("student", s_a1, {"major": "软件工程"})
        one.replica.delete(early_member)
        with store.session() as s:
            late_visit = s.visits.create(HomeVisit.model_validate(visit(s_a2, notes="新的家访记录。"))).id
            s.students.patch(s_a2, talents="书法")
        b_member = new_id()
        three.replica.edit("family_member", b_member, family_member(s_b, "赵敏"), student_id=s_b)
        three.replica.edit("student", s_b, {"high_school": "第一中学"})
        for laptop in laptops * 2:
            report = laptop.sync()
            assert report.digest_ok is not False
        # An edit still in the outbox when the server is restored.
        one.replica.edit("student", s_a2, {"class_name": "一班"})
        held_one = {rid: dict(r.fields) for rid, r in one.replica.records.items() if not r.deleted}
        held_three = three.replica.live()
        before_horizon = live.database.run(
            lambda s: s.execute(select(SeqCounter.value, SeqCounter.epoch)).one()
        )

        stop_server(live)
        backend.restore(dump)
        live = start_server(backend.settings())
        server.live = live
        restored_horizon, restored_epoch = live.database.run(
            lambda s: s.execute(select(SeqCounter.value, SeqCounter.epoch)).one()
        )
        assert restored_horizon < before_horizon[0]
        rows = _server_rows(live)
        assert late_member not in rows and late_visit not in rows and b_member not in rows
        if backend.kind == "postgres":
            assert restored_epoch != before_horizon[1]  # found restored at start (database identity)
        else:
            assert restored_epoch == before_horizon[1]  # the file copy looks the same: a laptop tells

        # One sync each, on the restored server; nobody logs in again.
        reports = {}
        for laptop in laptops:
            laptop.reconnect(live.url)
            reports[laptop.name] = laptop.sync()
        assert all(report.recovered > 0 for report in reports.values())
        assert all(report.quarantined == 0 for report in reports.values())

        rows = _server_rows(live)
        live_rows = {rid: fields for rid, (deleted, fields) in rows.items() if not deleted}
        for record_id in (late_member, late_visit, b_member, early_visit, s_a1, s_a2, s_b):
            assert record_id in live_rows, record_id
        assert early_member not in live_rows
        assert live_rows[s_a1]["major"] == "软件工程"
        assert live_rows[s_a2]["talents"] == "书法" and live_rows[s_a2]["class_name"] == "一班"
        assert live_rows[s_b]["talents"] == "篮球" and live_rows[s_b]["high_school"] == "第一中学"
        assert live_rows[late_visit]["follow_up"] == "新的家访记录。"
        open_conflicts = live.database.run(
            lambda s: s.execute(text("SELECT count(*) FROM conflicts WHERE status = 'open'")).scalar_one()
        )
        assert open_conflicts == 0

        # Nothing a laptop held is lost, and every laptop holds what the server holds for it.
        held_one[s_a2]["class_name"] = "一班"
        assert _subset(held_one, one.replica.live()) == []
        assert _subset(held_three, three.replica.live()) == []
        for memory, names in ((one.replica, ("counselor_a",)), (three.replica, ("counselor_b",))):
            assert isinstance(memory, MemoryReplica)
            observer = _memory_laptop(server, "observer", names[0])
            laptops.append(observer)
            observer.sync()
            assert isinstance(observer.replica, MemoryReplica)
            assert observer.replica.live() == memory.live()
        assert one.replica.live().keys() >= {late_member, late_visit, s_a1, s_a2}
        with store.session() as s:
            assert s.visits.get(late_visit) is not None and s.visits.get(early_visit) is not None
            student = s.students.get(s_a2)
            assert student is not None and student.talents == "书法" and student.class_name == "一班"
            first = s.students.get(s_a1)
            assert first is not None and first.major == "软件工程"
            assert s.family.get(late_member) is not None and s.family.get(early_member) is None
        assert reports["store"].digest_ok is True and reports["three"].digest_ok is True
    finally:
        for laptop in laptops:
            laptop.engine.close()
        store.close()
        stop_server(live)


def test_a_push_with_a_cursor_from_another_history_is_refused_before_any_op(
    college: College, devices: Devices
) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    laptop = devices.device("counselor_a")
    laptop.sync()
    api = college.server.login("counselor_a")
    _pulled, old_style = api.pull_all()  # a client that does not ask for epochs: ``seq.gen`` cursors
    assert old_style.count(".") == 1
    cursor = Cursor.decode(laptop.replica.state().cursor)
    assert cursor is not None and cursor.epoch
    # (The shared test server keeps its epoch between tests: let this one start at 0.)
    college.server.database.run(lambda s: s.execute(update(SeqCounter).values(epoch_start=0)))
    before = _epoch(college.server)
    op = api.op("student", student, {"major": "数学"})
    foreign = Cursor(seq=cursor.seq, gen=0, epoch="0" * 16).encode()
    refused = api.post("/sync/push", {"device_id": api.device_id, "ops": [op], "cursor": foreign})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "server_restored"
    assert _epoch(college.server) == before  # an unknown epoch renews nothing
    # A cursor beyond the horizon: the server had not noticed, it renews its epoch first.
    beyond = Cursor(seq=cursor.seq + 1000, gen=0, epoch=before).encode()
    refused = api.post("/sync/push", {"device_id": api.device_id, "ops": [op], "cursor": beyond})
    assert refused.status_code == 409
    assert _epoch(college.server) != before
    info = api.post("/sync/epoch", {"device_id": api.device_id}).json()
    assert info["epoch"] == _epoch(college.server) and info["since"] == info["horizon"]
    rows = college.server.database.run(lambda s: s.execute(text("SELECT fields FROM records")).all())
    assert all("数学" not in row[0] for row in rows)  # nothing of the refused pushes applied
    # The laptop's cursor lies in the history shared with the new epoch: it simply carries on.
    laptop.replica.edit("student", student, {"talents": "围棋"})
    report = laptop.sync()
    assert report.pushed["applied"] == 1 and report.recovered == 0
    assert not any("备份恢复" in entry.message for entry in laptop.replica.sync_log)
    after = Cursor.decode(laptop.replica.state().cursor)
    assert after is not None and after.epoch == _epoch(college.server)
    assert laptop.replica.live()[student]["talents"] == "围棋"
    # ... but a cursor of that old epoch beyond where it ended is from another history.
    stale = Cursor(seq=info["horizon"] + 1, gen=0, epoch=before).encode()
    assert api.post("/sync/pull", {"device_id": api.device_id, "cursor": stale}).status_code == 409


def test_a_push_acknowledged_but_lost_by_the_restore_is_sent_again(
    college: College, devices: Devices
) -> None:
    """A push the server acknowledged, whose pull never completed, and then a restore from a backup taken
    before it: the device's cursor is still inside the restored history, but the push answer told it how
    far the server had got (``seen``), so it learns of the restore and sends the record again."""
    student = college.server.student(college.college_id, college.counselor_a)
    laptop = devices.device("counselor_a")
    laptop.sync()
    database = college.server.database
    dumped = database.run(lambda s: s.execute(select(SeqCounter.value)).scalar_one())
    member = new_id()
    laptop.replica.edit("family_member", member, family_member(student, "王芳"), student_id=student)
    laptop.engine._seen = laptop.replica.state().seen
    laptop.engine._push_all(SyncReport())  # acknowledged; the pull that should follow never happens
    assert laptop.replica.outbox == [] and laptop.replica.state().seen > dumped

    def restore_backup(session: Any) -> None:  # what the backup taken before the push holds
        session.execute(
            text("DELETE FROM processed_ops WHERE device_id = :d"), {"d": laptop.replica.device_id}
        )
        session.execute(text("DELETE FROM records WHERE id = :r"), {"r": member})
        session.execute(update(SeqCounter).values(value=dumped))

    database.run(restore_backup)
    report = laptop.sync()
    assert report.recovered == 1 and report.digest_ok is True
    assert _server_rows(college.server.live)[member][1]["name"] == "王芳"
    assert laptop.replica.records[member].seq > 0  # pulled back from the server this time
