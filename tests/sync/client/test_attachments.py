"""Attachments end to end against a live server: uploaded before the op that references them, in
resumable chunks checked by hash; downloaded (and checked) by the other devices of the same scope."""

from __future__ import annotations

import hashlib
import random
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.cli import main
from desktop.store.store import Store
from desktop.store.sync_replica import StoreReplica
from sync.client import EngineSettings, SyncEngine
from sync.protocol import MAX_CHUNK_BYTES
from sync.records import HomeVisit, Role
from sync.server import directory
from sync.server.models import Attachment, AttachmentChunk
from tests.sync.client.conftest import College, Devices
from tests.sync.client.cutting_proxy import Cut, CuttingProxy
from tests.sync.client.test_faults import NEGOTIATION
from tests.sync.server.conftest import PASSWORD
from tests.sync.server.records_data import visit

CHUNK = 64 * 1024  # the test server refuses bodies over 256 KiB
SETTINGS = EngineSettings(chunk_bytes=CHUNK, backoff_base=0.001, backoff_cap=0.002)


def photo(size: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    return b"\xff\xd8\xff\xe0" + rng.randbytes(size - 4)


def server_blob(college: College, sha: str) -> tuple[bool, str] | None:
    """(complete, SHA-256 of the stored chunks) as the server keeps the attachment, or None."""

    def read(session: Session) -> tuple[bool, str] | None:
        item = session.scalars(select(Attachment).where(Attachment.sha256 == sha)).first()
        if item is None:
            return None
        digest = hashlib.sha256()
        query = (
            select(AttachmentChunk.data)
            .where(AttachmentChunk.sha256 == sha, AttachmentChunk.student_id == item.student_id)
            .order_by(AttachmentChunk.offset)
        )
        for data in session.scalars(query):
            digest.update(data)
        return item.complete, digest.hexdigest()

    result: tuple[bool, str] | None = college.server.database.run(read)
    return result


def visit_with(student: str, *refs: dict[str, object], notes: str = "拍了院子的照片") -> dict[str, object]:
    return {**visit(student, notes=notes), "photo_consent": True, "attachments": list(refs)}


class Recording(httpx.HTTPTransport):
    """Records (method, path, offset, status) of every request; may damage the first chunk it sends."""

    def __init__(self, *, corrupt_first_chunk: bool = False, fresh_connections: bool = False) -> None:
        limits = httpx.Limits(max_keepalive_connections=0) if fresh_connections else httpx.Limits()
        super().__init__(limits=limits)
        self.corrupt = corrupt_first_chunk
        self.seen: list[tuple[str, str, str | None, int]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.corrupt and request.method == "PUT":
            self.corrupt = False
            body = bytearray(request.read())
            body[len(body) // 2] ^= 0xFF
            request = httpx.Request(request.method, request.url, headers=request.headers, content=bytes(body))
        try:
            response = super().handle_request(request)
        except httpx.TransportError:
            self.seen.append((request.method, request.url.path, request.url.params.get("offset"), 0))
            raise
        self.seen.append(
            (request.method, request.url.path, request.url.params.get("offset"), response.status_code)
        )
        return response

    def puts(self) -> list[int]:
        return [int(offset or 0) for method, _path, offset, _status in self.seen if method == "PUT"]


# -- two desktop stores ---------------------------------------------------------------------------------


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[list[Store]]:
    stores = [
        Store.create(
            tmp_path / name,
            "correct horse battery",
            school_name="示例大学",
            user_name=name,
            role=Role.COUNSELOR,
            use_keyring=False,
        )
        for name in ("甲", "乙")
    ]
    try:
        yield stores
    finally:
        for store in stores:
            store.close()


def _engine(college: College, store: Store) -> SyncEngine:
    store.set_local_user(user_id=college.counselor_a, user_name="counselor_a", role=Role.COUNSELOR)
    api = college.server.login("counselor_a", device_id=store.info.device_id)
    return SyncEngine(StoreReplica(store), college.server.url, api.token, settings=SETTINGS)


def test_a_visit_photo_reaches_the_server_and_the_other_laptop(
    college: College, laptops: list[Store]
) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    first, second = laptops
    data = photo(300 * 1024)
    with _engine(college, first) as engine_a, _engine(college, second) as engine_b:
        engine_a.sync()
        engine_b.sync()
        with first.session() as s:
            stored = s.attachments.add_photo(data)
            ref = {
                "sha256": stored.sha256,
                "file_name": "院子.jpg",
                "media_type": stored.media_type,
                "size": stored.size,
            }
            created = s.visits.create(HomeVisit.model_validate(visit_with(student, ref)))
        report = engine_a.sync()
        assert report.attachments_uploaded == 1 and report.held == {}
        assert report.pushed["applied"] == 1
        assert server_blob(college, stored.sha256) == (True, hashlib.sha256(data).hexdigest())
        with first.session() as s:
            assert s.attachments.missing_on_server() == set()
        # Nothing to upload again: the next sync sends no chunk.
        assert engine_a.sync().attachments_uploaded == 0

        report = engine_b.sync()
        assert report.attachments_downloaded == 1
        with second.session() as s:
            pulled = s.visits.require(created.id)
            assert [a.sha256 for a in pulled.attachments] == [stored.sha256]
            assert s.attachments.get(stored.sha256) == data
            assert s.attachments.missing_on_server() == set()
        # Already here: a later sync downloads nothing and does not look again.
        assert engine_b.sync().attachments_downloaded == 0


# -- faults (in-memory replicas) --------------------------------------------------------------------------


def test_a_cut_upload_resumes_where_the_server_stopped(college: College, devices: Devices) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    parsed = urlparse(college.server.url)
    proxy = CuttingProxy((parsed.hostname or "127.0.0.1", parsed.port or 80))
    proxy_url = proxy.start()
    recording = Recording(fresh_connections=True)  # one connection per request: one planned cut each
    laptop = devices.device("counselor_a", settings=SETTINGS, url=proxy_url, transport=recording)
    reader = devices.device("counselor_a")
    data = photo(5 * CHUNK + 1000, seed=2)
    try:
        laptop.sync()
        ref = laptop.replica.add_attachment(data)
        visit_id = "v-" + ref["sha256"][:8]
        laptop.replica.edit("home_visit", visit_id, visit_with(student, ref), student_id=student)
        recording.seen.clear()
        # Connections: the upload's status, the first chunk, then the second chunk is cut halfway.
        proxy.plan = deque([*NEGOTIATION, None, None, Cut("up", CHUNK // 2)])
        report = laptop.sync()
    finally:
        proxy.close()
    assert proxy.cuts_made == 1
    assert recording.puts() == [0, CHUNK, CHUNK, 2 * CHUNK, 3 * CHUNK, 4 * CHUNK, 5 * CHUNK]
    assert report.attachments_uploaded == 1 and report.pushed["applied"] == 1
    assert server_blob(college, ref["sha256"]) == (True, hashlib.sha256(data).hexdigest())
    reader.sync()
    assert reader.replica.attachments[ref["sha256"]] == data


def test_a_damaged_chunk_is_refused_by_the_server_and_sent_again(college: College, devices: Devices) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    recording = Recording(corrupt_first_chunk=True)
    laptop = devices.device("counselor_a", settings=SETTINGS, transport=recording)
    data = photo(2 * CHUNK + 10, seed=3)
    laptop.sync()
    ref = laptop.replica.add_attachment(data)
    laptop.replica.edit("home_visit", "v-damaged", visit_with(student, ref), student_id=student)
    report = laptop.sync()
    statuses = [(offset, status) for method, _p, offset, status in recording.seen if method == "PUT"]
    # The server checks the hash when the last chunk arrives, refuses (422) and discards the upload;
    # the engine sends it again from the start.
    assert statuses == [
        ("0", 200),
        (str(CHUNK), 200),
        (str(2 * CHUNK), 422),
        ("0", 200),
        (str(CHUNK), 200),
        (str(2 * CHUNK), 200),
    ]
    assert any("损坏" in entry.message for entry in laptop.replica.sync_log)
    assert report.attachments_uploaded == 1 and report.pushed["applied"] == 1
    assert server_blob(college, ref["sha256"]) == (True, hashlib.sha256(data).hexdigest())


def test_an_op_whose_photo_cannot_be_uploaded_waits_without_blocking_others(
    college: College, devices: Devices
) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    laptop = devices.device("counselor_a", settings=SETTINGS)
    reader = devices.device("counselor_a")
    laptop.sync()
    data = photo(1000, seed=4)
    ref = laptop.replica.add_attachment(data)
    del laptop.replica.attachments[ref["sha256"]]  # the bytes are not here (yet)
    held = laptop.replica.edit("home_visit", "v-waits", visit_with(student, ref), student_id=student)
    later = laptop.replica.edit("home_visit", "v-waits", {"follow_up": "补充说明"}, student_id=student)
    laptop.replica.edit("student", student, {"talents": "摄影"})
    report = laptop.sync()
    assert set(report.held) == {held.op_id, later.op_id}
    assert "本机没有该附件" in report.held[held.op_id]
    assert "前一项修改" in report.held[later.op_id]
    assert laptop.replica.held[held.op_id] == report.held[held.op_id]
    assert [p.op.op_id for p in laptop.replica.outbox] == [held.op_id, later.op_id]
    assert report.pushed["applied"] == 1
    reader.sync()
    assert reader.replica.live()[student]["talents"] == "摄影"
    assert "v-waits" not in reader.replica.records
    assert any("暂缓" in entry.message for entry in laptop.replica.sync_log)
    # The bytes are back: the visit goes, with its photo.
    laptop.replica.attachments[ref["sha256"]] = data
    report = laptop.sync()
    assert report.held == {} and laptop.replica.outbox == [] and laptop.replica.held == {}
    assert report.pushed["applied"] == 2
    reader.sync()
    assert reader.replica.live()["v-waits"]["follow_up"] == "补充说明"
    assert reader.replica.attachments[ref["sha256"]] == data


def test_a_cut_download_resumes_at_its_offset(college: College, devices: Devices) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    laptop = devices.device("counselor_a", settings=SETTINGS)
    parsed = urlparse(college.server.url)
    proxy = CuttingProxy((parsed.hostname or "127.0.0.1", parsed.port or 80))
    proxy_url = proxy.start()
    recording = Recording(fresh_connections=True)
    reader = devices.device("counselor_a", settings=SETTINGS, url=proxy_url, transport=recording)
    data = photo(MAX_CHUNK_BYTES + 300 * 1024, seed=5)  # two download parts
    try:
        laptop.sync()
        reader.sync()
        ref = laptop.replica.add_attachment(data)
        laptop.replica.edit("home_visit", "v-big", visit_with(student, ref), student_id=student)
        laptop.sync()
        recording.seen.clear()
        # Connections: the pull page, the first part, then the second part is cut on its way back.
        proxy.plan = deque([*NEGOTIATION, None, None, Cut("down", 100_000)])
        report = reader.sync()
    finally:
        proxy.close()
    gets = [
        int(offset or 0)
        for method, path, offset, _s in recording.seen
        if method == "GET" and "attach" in path
    ]
    assert gets == [0, MAX_CHUNK_BYTES, MAX_CHUNK_BYTES]
    assert report.attachments_downloaded == 1
    assert reader.replica.attachments[ref["sha256"]] == data


def test_a_departed_students_photos_leave_the_laptop(college: College, laptops: list[Store]) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    laptop = laptops[0]
    with _engine(college, laptop) as engine:
        engine.sync()
        with laptop.session() as s:
            stored = s.attachments.add_photo(photo(5000, seed=6))
            ref = {
                "sha256": stored.sha256,
                "file_name": "a.jpg",
                "media_type": stored.media_type,
                "size": stored.size,
            }
            s.visits.create(HomeVisit.model_validate(visit_with(student, ref)))
        engine.sync()
        college.server.database.run(
            lambda db: directory.write_records(
                db, [("student", student, {"counselor_id": college.counselor_b})]
            )
        )
        report = engine.sync()
        assert report.left == [student]
        with laptop.session() as s:
            assert s.attachments.get(stored.sha256) is None


def test_jiafang_sync_reports_photos_and_waiting_changes(
    college: College, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    monkeypatch.setenv("JIAFANG_PASSPHRASE", "correct horse battery")
    monkeypatch.setenv("JIAFANG_PASSWORD", PASSWORD)
    folder = tmp_path / "data"
    data = ["--data-dir", str(folder)]
    assert main([*data, "init", "--school", "示例大学", "--name", "甲", "--no-keyring"]) == 0
    assert main([*data, "login", "--server", college.server.url, "--user", "counselor_a"]) == 0
    assert main([*data, "sync"]) == 0
    image = photo(200 * 1024, seed=7)
    with Store.open(folder, "correct horse battery") as store, store.session() as s:
        stored = s.attachments.add_photo(image)
        ref = {
            "sha256": stored.sha256,
            "file_name": "a.jpg",
            "media_type": stored.media_type,
            "size": stored.size,
        }
        s.visits.create(HomeVisit.model_validate(visit_with(student, ref)))
        s.attachments.remove([stored.sha256])  # the bytes went missing
    capsys.readouterr()
    assert main([*data, "sync"]) == 1  # the visit still waits
    assert "1 项修改因附件未能上传而暂缓发送" in capsys.readouterr().out
    with Store.open(folder, "correct horse battery") as store, store.session() as s:
        s.attachments.add_photo(image)
    assert main([*data, "sync"]) == 0
    assert "附件：上传 1 个，下载 0 个" in capsys.readouterr().out
    assert server_blob(college, stored.sha256) == (True, hashlib.sha256(image).hexdigest())
