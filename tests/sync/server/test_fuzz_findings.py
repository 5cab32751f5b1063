"""Regressions for what the schemathesis run (test_schemathesis.py) found, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import func, select

from sync.ids import new_id
from sync.server.models import LoginThrottle, ProcessedOp, RecordRow, SeqCounter
from tests.sync.server.conftest import VERSION_HEADERS, College
from tests.sync.server.records_data import family_member

NUL = "a\x00b"


def _state(college: College) -> tuple[Any, ...]:
    return college.server.database.run(
        lambda s: (
            s.scalar(select(SeqCounter.value)),
            s.scalar(select(func.count()).select_from(RecordRow)),
            s.scalar(select(func.count()).select_from(ProcessedOp)),
            s.scalar(select(func.count()).select_from(LoginThrottle)),
        )
    )


def test_a_nul_character_in_ids_is_refused_not_a_server_error(college: College) -> None:
    """PostgreSQL text cannot hold NUL: an op id, record id, device id, cursor or user name with one was
    a 500 there (and stored on SQLite); now it is a 422 on both, and nothing changes."""
    api = college.server.login("counselor_a")
    student = college.server.student(college.college_id, college.counselor_a)
    before = _state(college)
    good = api.op("family_member", new_id(), family_member(student), student_id=student)
    for key in ("op_id", "record_id", "record_type", "device_id", "author_id", "hlc", "student_id"):
        response = api.post("/sync/push", {"device_id": api.device_id, "ops": [{**good, key: NUL}]})
        assert response.status_code == 422, (key, response.text)
    resolving = {**good, "resolves": [NUL]}
    assert api.post("/sync/push", {"device_id": api.device_id, "ops": [resolving]}).status_code == 422
    assert api.post("/sync/push", {"device_id": NUL, "ops": []}).status_code == 422
    assert api.post("/sync/pull", {"device_id": api.device_id, "cursor": "1\x00.0"}).status_code == 422
    backfill = {"device_id": api.device_id, "student_ids": [NUL], "upto": 0}
    assert api.post("/sync/backfill", backfill).status_code == 422
    repair = {"device_id": api.device_id, "buckets": [1], "after": NUL}
    assert api.post("/sync/repair", repair).status_code == 422
    upload = {"sha256": "0" * 64, "size": 3, "student_id": NUL}
    assert api.post("/attachments", upload).status_code == 422
    assert api.http.get("/records/a%00b").status_code == 422
    login = {"username": NUL, "password": "x", "device_id": new_id()}
    response = httpx.post(f"{college.server.url}/auth/login", json=login, headers=VERSION_HEADERS)
    assert response.status_code == 422
    login = {"username": "counselor_a", "password": "x", "device_id": NUL}
    response = httpx.post(f"{college.server.url}/auth/login", json=login, headers=VERSION_HEADERS)
    assert response.status_code == 422
    assert _state(college) == before


def test_a_nul_character_in_a_field_the_server_indexes_rejects_only_that_op(college: College) -> None:
    """Record fields the server also keeps in columns (a student's counselor, a record's student): a NUL
    there rejects the op as invalid; a NUL in free text is kept (it is stored as JSON)."""
    api = college.server.login("counselor_a")
    student = college.server.student(college.college_id, college.counselor_a)
    bad_student = api.op(
        "student",
        new_id(),
        {"student_no": "2024999", "name": "某", "college_id": college.college_id, "counselor_id": NUL},
    )
    bad_member = api.op("family_member", new_id(), family_member(NUL))
    audit = api.op("audit_entry", new_id(), {"action": "export", "record_id": NUL})
    fine = api.op("family_member", new_id(), family_member(student, name="王\x00芳"), student_id=student)
    results = api.push(bad_student, bad_member, audit, fine)
    assert [r["status"] for r in results] == ["rejected", "rejected", "rejected", "applied"]
    assert {r["reason"] for r in results[:3]} == {"validation_failed"}
    pulled, _ = api.pull_all()
    assert pulled["records"][fine["record_id"]]["fields"]["name"] == "王\x00芳"
