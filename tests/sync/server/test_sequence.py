"""The global change sequence: a change that commits late is never skipped by a pull."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy.orm import Session

from sync.ids import new_id
from sync.protocol import Op
from sync.records.enums import Role
from sync.server import merge
from sync.server.scope import Principal
from tests.sync.server.conftest import College
from tests.sync.server.records_data import family_member


def test_pull_stops_below_a_change_that_has_not_committed(college: College) -> None:
    server = college.server
    if server.database.engine.dialect.name == "sqlite":
        pytest.skip("SQLite serialises every transaction (BEGIN IMMEDIATE): no change can commit late there")
    student = server.student(college.college_id, college.counselor_a)
    api = server.login("counselor_a")
    reader = server.login("counselor_a")
    _, cursor = reader.pull_all()
    principal = Principal(college.counselor_a, Role.COUNSELOR, college.college_id, api.device_id)
    late_id, early_id = new_id(), new_id()
    numbered = threading.Event()
    release = threading.Event()

    def slow_push(session: Session) -> None:
        op = Op.model_validate(
            api.op("family_member", late_id, family_member(student, "迟到"), student_id=student)
        )
        merge.apply_batch(session, principal, [op])
        numbered.set()  # the change has its number and holds the counter until commit
        release.wait()

    slow = threading.Thread(target=server.database.run, args=(slow_push,))
    slow.start()
    numbered.wait()
    follower_result: list[object] = []
    follower = threading.Thread(
        target=lambda: follower_result.append(
            api.push(api.op("family_member", early_id, family_member(student, "随后"), student_id=student))
        )
    )
    follower.start()
    got, during = reader.pull_all(cursor)
    assert got["records"] == {}
    assert during.split(".")[0] == cursor.split(".")[0]
    release.set()
    slow.join()
    follower.join()
    got, _ = reader.pull_all(during)
    assert list(got["records"]) == [late_id, early_id]
    seqs = [record["seq"] for record in got["records"].values()]
    assert seqs[0] < seqs[1]


def test_concurrent_pushes_from_many_devices_number_every_change_once(college: College) -> None:
    server = college.server
    student = server.student(college.college_id, college.counselor_a)
    apis = [server.login("counselor_a") for _ in range(6)]
    reader = server.login("counselor_a")
    _, cursor = reader.pull_all()
    pushed: list[str] = []
    lock = threading.Lock()

    def work(api_index: int) -> None:
        api = apis[api_index]
        for n in range(5):
            record_id = new_id()
            [result] = api.push(
                api.op("family_member", record_id, family_member(student, f"成员{n}"), student_id=student)
            )
            assert result["status"] == "applied"
            with lock:
                pushed.append(record_id)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(apis))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    got, _ = reader.pull_all(cursor, limit=4)
    assert sorted(got["records"]) == sorted(pushed)
    seqs = sorted(record["seq"] for record in got["records"].values())
    assert len(set(seqs)) == len(seqs) == len(pushed)
