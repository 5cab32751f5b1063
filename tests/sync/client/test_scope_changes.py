"""Scope changes of any size (a new intake, a reassigned grade): every laptop in scope syncs to the same
state in one run, a cut backfill resumes at its page, and a request the server refuses for good stops
the sync with a Chinese message that loses nothing (the next sync after an upgrade carries on)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from desktop.store.store import Store
from desktop.store.sync_replica import StoreReplica
from sync import client as sync_client
from sync.client import EngineSettings, Progress, RequestRefused, ServerUnavailable, SyncEngine
from sync.ids import new_id
from sync.protocol import MAX_BACKFILL_STUDENTS, MAX_SCOPE_EVENTS
from sync.records import Role
from sync.server import directory
from sync.server.routes import sync as sync_routes
from tests.sync.client.conftest import College, Device, Devices
from tests.sync.server.records_data import family_member, visit

INTAKE = 5000


def _student(college: College, number: int, counselor: str) -> dict[str, Any]:
    return {
        "student_no": f"2026{number:05d}",
        "name": f"新生{number}",
        "college_id": college.college_id,
        "counselor_id": counselor,
    }


def _students(device: Device) -> dict[str, dict[str, Any]]:
    return {rid: fields for rid, fields in device.replica.live().items() if "student_no" in fields}


def _progress(device: Device) -> list[Progress]:
    seen: list[Progress] = []
    device.engine._progress = seen.append
    return seen


def _store_engine(college: College, store: Store, username: str, user_id: str, **kw: Any) -> SyncEngine:
    store.set_local_user(user_id=user_id, user_name=username, role=Role.COUNSELOR)
    api = college.server.login(username, device_id=store.info.device_id)
    return SyncEngine(StoreReplica(store), college.server.url, api.token, **kw)


def _store_students(store: Store) -> set[str]:
    with store.session() as s:
        return {student.id for student in s.students.list()}


def test_a_new_intake_of_5000_reaches_every_laptop_in_scope(
    college: College, devices: Devices, laptop_store: Store
) -> None:
    """A college center imports 5,000 new students for a counselor; the counselor's two laptops (one the
    encrypted store), the center's other laptop and the school center's each sync once and hold the
    same students as a laptop syncing for the first time."""
    old = college.server.student(college.college_id, college.counselor_a, "2025000")
    importer = devices.device("center")
    center = devices.device("center")
    counselor = devices.device("counselor_a")
    school = devices.device("school")
    for laptop in (importer, center, counselor, school):
        laptop.sync()
    with _store_engine(college, laptop_store, "counselor_a", college.counselor_a) as store_engine:
        store_engine.sync()
        for number in range(INTAKE):
            importer.replica.edit("student", new_id(), _student(college, number, college.counselor_a))
        assert importer.sync().pushed["applied"] == INTAKE
        seen = _progress(counselor)
        reports = {name: laptop.sync() for name, laptop in (("center", center), ("counselor", counselor))}
        reports["school"] = school.sync()
        store_report = store_engine.sync()
        assert store_report.digest_ok is True
        assert len(store_report.entered) == INTAKE
        store_students = _store_students(laptop_store)
    for report in reports.values():
        assert len(report.entered) == INTAKE and report.digest_ok is True
    fresh = devices.device("counselor_a")
    fresh.sync()
    expected = _students(fresh)
    assert len(expected) == INTAKE + 1 and old in expected
    for laptop in (importer, center, counselor, school):
        assert _students(laptop) == expected
        assert laptop.replica.state().backfills == []
    assert store_students == set(expected)
    # Progress: students whose history arrived, of those pending, in pieces the server accepts.
    students = [step for step in seen if step.stage == "students"]
    assert students and all(step.total and step.total <= MAX_SCOPE_EVENTS for step in students)
    assert sum(1 for step in students if step.done == step.total) >= INTAKE // MAX_SCOPE_EVENTS


def test_a_reassigned_grade_of_5000_leaves_one_laptop_and_enters_another(
    college: College, devices: Devices, laptop_store: Store
) -> None:
    """5,000 students with history move from counselor A to counselor B: A's laptops (one the encrypted
    store) purge them all, B's receives them with their history, the centers' laptops keep them; all in
    one sync each."""
    b = devices.device("counselor_b")
    school = devices.device("school")
    a = devices.device("counselor_a")
    b.sync()
    school.sync()
    grade, center = _grade(college, devices, INTAKE, notes=50)
    a.sync()
    with _store_engine(college, laptop_store, "counselor_a", college.counselor_a) as store_engine:
        assert store_engine.sync().digest_ok is True
        assert len(_store_students(laptop_store)) == INTAKE
        a.replica.edit("home_visit", new_id(), visit(grade[-1], notes="离线补记"), student_id=grade[-1])
        with laptop_store.session() as s:
            s.students.patch(grade[0], talents="书法")  # unsent when the move happens
        _move(college, center, grade, on_server=True)
        seen: list[Progress] = []
        store_engine._progress = seen.append
        store_left = store_engine.sync()
        assert len(store_left.left) == INTAKE
        assert _store_students(laptop_store) == set()
        assert store_engine.replica.pending_count() == 0
        assert any(step.stage == "leave" and step.done == INTAKE for step in seen)
    left = a.sync()
    entered = b.sync()
    assert len(left.left) == INTAKE
    assert _students(a) == {}
    assert a.replica.outbox == [] and a.replica.quarantine == []  # the late note was flushed first
    assert len(entered.entered) == INTAKE and entered.digest_ok is True
    school.sync()
    center.sync()
    fresh = devices.device("counselor_b")
    fresh.sync()
    expected = fresh.replica.live()
    assert len(_students(fresh)) == INTAKE
    assert any(fields.get("follow_up") == "离线补记" for fields in expected.values())
    assert expected[grade[0]]["talents"] == "书法"  # flushed before the purge
    for laptop in (b, center, school):
        held = laptop.replica.live()
        assert {rid: _without_staff_phone(held[rid]) for rid in expected} == expected
    assert b.replica.live() == expected


def _without_staff_phone(fields: dict[str, Any]) -> dict[str, Any]:
    """Centers also receive staff phone numbers (user records), which counselors never do."""
    if "role" in fields and "staff_no" in fields:
        return {key: value for key, value in fields.items() if key != "phone"}
    return fields


def _grade(
    college: College, devices: Devices, count: int, *, notes: int | None = None
) -> tuple[list[str], Device]:
    """``count`` students of counselor A, the first ``notes`` (default: all) with a visit and a family
    member; returns the center's laptop (which moves them with ``_move``)."""
    center = devices.device("center")
    a = devices.device("counselor_a")
    center.sync()
    students = [new_id() for _ in range(count)]
    for number, student in enumerate(students):
        center.replica.edit("student", student, _student(college, number, college.counselor_a))
    center.sync()
    a.sync()
    for student in students[:notes]:
        a.replica.edit("home_visit", new_id(), visit(student), student_id=student)
        a.replica.edit("family_member", new_id(), family_member(student), student_id=student)
    a.sync()
    center.sync()
    return students, center


def _move(college: College, center: Device, students: list[str], *, on_server: bool = False) -> None:
    """Reassign the students to counselor B: by the center's laptop, or (``on_server``) as the
    server's admin command imports an assignment list."""
    if on_server:
        moved = [("student", student, {"counselor_id": college.counselor_b}) for student in students]
        for start in range(0, len(moved), 1000):
            chunk = moved[start : start + 1000]
            college.server.database.run(lambda s, chunk=chunk: directory.write_records(s, chunk))
        return
    for student in students:
        center.replica.edit("student", student, {"counselor_id": college.counselor_b})
    center.sync()


class CutTransport(httpx.HTTPTransport):
    """Loses the answer to the ``cut_at``-th backfill request (the server did the work) and then every
    answer, like a network that went away; ``afters`` lists each backfill request's ``after``."""

    def __init__(self) -> None:
        super().__init__()
        self.cut_at: int | None = None
        self.backfills = 0
        self.afters: list[int] = []
        self.down = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("network gone", request=request)
        backfill = request.url.path == "/sync/backfill"
        if backfill:
            import json

            self.afters.append(int(json.loads(request.content)["after"]))
            self.backfills += 1
        response = super().handle_request(request)
        if backfill and self.backfills == self.cut_at:
            response.read()
            self.down = True
            raise httpx.ReadError("cut", request=request)
        return response


def test_a_backfill_cut_at_every_page_resumes_at_that_page(
    college: College, devices: Devices, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small pieces and pages so that a dozen students make many backfill pages in several pieces.
    monkeypatch.setattr(sync_client, "MAX_BACKFILL_STUDENTS", 5)
    students, center = _grade(college, devices, 12)
    settings = EngineSettings(page_limit=4, attempts=1)
    cuts = [CutTransport() for _ in range(20)]
    laptops = [devices.device("counselor_b", settings=settings, transport=cut) for cut in cuts]
    for laptop in laptops:
        laptop.sync()  # before the move: the students will enter their scope
    _move(college, center, students)
    probe = laptops.pop()
    probe.sync()
    expected = probe.replica.live()
    assert set(students) <= set(expected)
    total = cuts.pop().backfills
    assert 8 <= total < len(laptops)
    for page, (laptop, cut) in enumerate(zip(laptops, cuts, strict=False), start=1):
        if page > total:
            break
        cut.cut_at = page
        with pytest.raises(ServerUnavailable):
            laptop.sync()
        stored = laptop.replica.state().backfills
        assert stored  # the progress is kept
        cut.down = False
        cut.cut_at = None
        sent_before = len(cut.afters)
        report = laptop.sync()
        assert report.digest_ok is True
        assert laptop.replica.live() == expected
        assert laptop.replica.state().backfills == []
        # It resumed where it stopped: the cut page again (its answer was lost), not the start.
        assert cut.afters[sent_before] == cut.afters[page - 1]
        assert len(cut.afters) - sent_before == total - page + 1


def test_a_refused_backfill_stops_with_a_chinese_message_and_the_next_sync_after_the_fix_resumes(
    college: College, devices: Devices, laptop_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old fault: more students entering than one backfill request may name.  The server answers
    422; the sync says so in Chinese, keeps everything (the pushed visit, the pulled pages, the pending
    backfill), and after the upgrade the next sync resumes and completes."""
    count = MAX_BACKFILL_STUDENTS + 1
    students, center = _grade(college, devices, count)
    with _store_engine(college, laptop_store, "counselor_b", college.counselor_b) as engine:
        replica: StoreReplica = engine.replica  # type: ignore[assignment]
        engine.sync()
        _move(college, center, students)
        monkeypatch.setattr(sync_routes, "MAX_SCOPE_EVENTS", count)  # a server announcing all at once
        monkeypatch.setattr(sync_client, "MAX_BACKFILL_STUDENTS", count)  # the client before the fix
        with pytest.raises(RequestRefused) as refused:
            engine.sync()
        message = str(refused.value)
        assert "服务器不接受" in message and "已保留" in message and "升级" in message
        assert refused.value.status == 422
        assert any("服务器不接受" in entry["message"] for entry in replica.sync_log())
        [pending] = replica.state().backfills
        assert len(pending.student_ids) == count
        # A second sync with the same client is refused the same way, once, and loses nothing.
        with laptop_store.session() as s:
            s.students.patch(students[0], talents="书法")
        with pytest.raises(RequestRefused):
            engine.sync()
        assert replica.pending_count() == 0  # the edit was pushed before the refusal
        monkeypatch.setattr(sync_client, "MAX_BACKFILL_STUDENTS", MAX_BACKFILL_STUDENTS)  # upgraded
        report = engine.sync()
        assert report.digest_ok is True
        assert replica.state().backfills == []
        assert set(students) <= _store_students(laptop_store)
        with laptop_store.session() as s:
            assert len(s.visits.for_student(students[-1])) == 1
    center.sync()
    assert center.replica.live()[students[0]]["talents"] == "书法"
