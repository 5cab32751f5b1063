"""A push batch gives the same per-op results and final state as the same ops pushed one by one.

The workloads are the convergence test's random scripts (tests/sync/client/test_convergence.py): three
devices of one counselor edit a student's fields and add family members offline and push in random
orders.  Two databases get the same ops: one as each device's whole outbox in one batch, the other one
op per transaction.  Every result (status, revision, versions, number of conflicts, reasons), every
repeated push (duplicates) and the final records and conflicts must be the same.  With ``trusted``
(the admin command's path) new records are written in bulk at the end of the batch (``bulk_rows``).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.ids import HybridClock, new_id
from sync.protocol import Op, OpKind, OpResult
from sync.records.enums import Role
from sync.server import directory, merge
from sync.server.database import Database
from sync.server.models import ConflictRow, ProcessedOp, RecordRow, RecordStudent
from sync.server.scope import Principal
from sync.server.settings import Settings
from tests.sync.client.test_convergence import actions
from tests.sync.server.records_data import family_member

COLLEGE = new_id()
COUNSELOR = new_id()
STUDENT = new_id()


def _database(folder: Path) -> Database:
    database = Database(Settings(database_url=f"sqlite:///{folder / 'server.sqlite3'}", data_dir=folder))

    def setup(session: Session) -> None:
        directory.write_records(
            session, [("college", COLLEGE, {"name": "计算机学院", "code": "CS"})], new=True
        )
        student = {
            "student_no": "2024001",
            "name": "学生001",
            "college_id": COLLEGE,
            "counselor_id": COUNSELOR,
        }
        directory.write_records(session, [("student", STUDENT, student)], new=True)

    database.run(setup)
    return database


def _result(result: OpResult) -> tuple[Any, ...]:
    return (
        result.op_id,
        result.status,
        result.original,
        result.rev,
        result.versions,
        len(result.conflicts),
        result.reason,
        result.message,
        result.retryable,
    )


def _without_arrival(meta: dict[str, Any]) -> dict[str, Any]:
    # [version, device, author, hlc, received_at]: the arrival time differs between the two runs, and so
    # does the server's own clock (the set-up records, written by the system in each database).
    return {
        name: entry if name == "@students" else entry[:3] if entry[1] == "server" else entry[:4]
        for name, entry in meta.items()
    }


def _side(text: str) -> dict[str, Any]:
    side: dict[str, Any] = json.loads(text)
    side.pop("received_at", None)
    return side


def _state(database: Database) -> tuple[Any, ...]:
    def read(session: Session) -> tuple[Any, ...]:
        records = sorted(
            (
                row.id,
                row.record_type,
                row.student_id,
                row.multi,
                row.author_id,
                row.deleted,
                row.rev,
                row.fields_dict(),
                _without_arrival(row.meta_dict()),
                json.loads(row.versions),
            )
            for row in session.scalars(select(RecordRow))
        )
        conflicts = sorted(
            json.dumps(
                [row.record_id, row.field, row.status, _side(row.kept), _side(row.other)],
                ensure_ascii=False,
                sort_keys=True,
            )
            for row in session.scalars(select(ConflictRow))
        )
        links = sorted(session.execute(select(RecordStudent.record_id, RecordStudent.student_id)).all())
        stored = session.scalars(select(ProcessedOp.result).where(ProcessedOp.device_id != "server"))
        processed = sorted(_result(OpResult.model_validate_json(result)) for result in stored)
        seqs = [row.seq for row in session.scalars(select(RecordRow))]
        seqs += [row.seq for row in session.scalars(select(ConflictRow))]
        assert len(set(seqs)) == len(seqs) and 0 not in seqs  # every change numbered, once
        return records, conflicts, links, processed

    return database.run(read)


class _Device:
    def __init__(self, number: int) -> None:
        self.principal = Principal(
            user_id=COUNSELOR, role=Role.COUNSELOR, college_id=COLLEGE, device_id=f"device-{number}"
        )
        self.clock = HybridClock(self.principal.device_id)
        self.outbox: list[Op] = []
        self.known: dict[str, dict[str, int]] = {}  # record id -> field versions last pulled
        self.members: list[str] = []

    def op(self, record_type: str, record_id: str, fields: dict[str, Any]) -> Op:
        known = self.known.get(record_id, {})
        return Op(
            op_id=new_id(),
            record_type=record_type,
            record_id=record_id,
            kind=OpKind.UPSERT,
            student_id=STUDENT,
            fields=fields,
            base={name: known.get(name, 0) for name in fields},
            device_id=self.principal.device_id,
            author_id=COUNSELOR,
            hlc=self.clock.now().encode(),
        )


def _versions(database: Database) -> dict[str, dict[str, int]]:
    def read(session: Session) -> dict[str, dict[str, int]]:
        rows = session.execute(select(RecordRow.id, RecordRow.versions))
        return {record_id: json.loads(versions) for record_id, versions in rows}

    return database.run(read)


def _run_script(script: list[tuple[Any, ...]], trusted: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("batched", "single"):
            (Path(tmp) / name).mkdir()
        batched = _database(Path(tmp) / "batched")
        single = _database(Path(tmp) / "single")
        devices = [_Device(number) for number in range(3)]
        for device in devices:
            device.known = _versions(batched)
        try:
            for action in script:
                device = devices[action[1]]
                if action[0] == "edit":
                    _, _, name, value = action
                    device.outbox.append(device.op("student", STUDENT, {name: value}))
                elif action[0] == "member":
                    member_id = new_id()
                    fields = family_member(STUDENT, f"成员{len(device.members)}")
                    device.outbox.append(device.op("family_member", member_id, fields))
                    # An edit of a member made in the same batch (a new record changed again).
                    device.outbox.append(device.op("family_member", member_id, {"occupation": "务农"}))
                    if device.members:
                        device.outbox.append(device.op("family_member", device.members[-1], {"phone": ""}))
                    device.members.append(member_id)
                else:
                    _push_both(batched, single, device, trusted)
            for device in devices:
                _push_both(batched, single, device, trusted)
            assert _state(batched) == _state(single)
        finally:
            batched.dispose()
            single.dispose()


def _push_both(batched: Database, single: Database, device: _Device, trusted: bool) -> None:
    ops = device.outbox
    principal = device.principal

    def push(session: Session, some: list[Op]) -> list[OpResult]:
        return merge.apply_batch(session, principal, some, trusted=trusted)

    together = batched.run(lambda session: push(session, ops))
    one_by_one = [result for op in ops for result in single.run(lambda session, op=op: push(session, [op]))]
    assert [_result(result) for result in together] == [_result(result) for result in one_by_one]
    # A repeated batch (a lost response) is answered from the stored results, alike in both.
    again = batched.run(lambda session: push(session, ops))
    again_single = [result for op in ops for result in single.run(lambda session, op=op: push(session, [op]))]
    assert [_result(result) for result in again] == [_result(result) for result in again_single]
    assert all(result.status == "duplicate" for result in again if result.original != "rejected")
    device.outbox = []
    device.known = _versions(batched)
    assert device.known == _versions(single)


@pytest.mark.parametrize("trusted", [False, True], ids=["device", "trusted"])
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(script=actions)
def test_a_batch_gives_the_results_and_state_of_one_op_at_a_time(
    trusted: bool, script: list[tuple[Any, ...]]
) -> None:
    _run_script(script, trusted)


def test_conflicting_devices_in_one_batch_each() -> None:
    """A fixed script with conflicts, members and repeated pushes (the property's examples may miss it)."""
    script = [
        ("edit", 0, "major", "甲"),
        ("edit", 1, "major", "乙"),
        ("member", 1),
        ("edit", 1, "talents", "丙"),
        ("sync", 0),
        ("member", 0),
        ("edit", 0, "major", "丁"),
        ("sync", 1),
        ("member", 1),
        ("sync", 0),
        ("edit", 2, "major", "丙"),
        ("edit", 2, "talents", "甲"),
    ]
    _run_script(script, trusted=False)
    _run_script(script, trusted=True)
