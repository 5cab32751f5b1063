"""Item 3: a student reassigned to another counselor is out of reach of the old counselor's laptop at
once — even when that laptop never confirms the scope change — except edits made before the leave that
arrive within the grace (7 days by default; never deletes).  Attachments follow the current read scope."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from sqlalchemy import update

from sync.ids import new_id
from sync.server import directory
from sync.server.models import StudentScope
from sync.server.models.base import utcnow
from tests.security.attack import OP_ANSWERS, changed, snapshot
from tests.sync.server.conftest import Api, College
from tests.sync.server.records_data import family_member, visit


def _reassign(college: College, student: str) -> None:
    college.server.database.run(
        lambda s: directory.write_records(s, [("student", student, {"counselor_id": college.counselor_b})])
    )


def _upload(api: Api, student: str, data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    started = api.post("/attachments", {"sha256": sha, "size": len(data), "student_id": student})
    assert started.status_code == 200, started.text
    put = api.http.put(f"/attachments/{sha}", params={"offset": 0}, content=data)
    assert put.status_code == 200 and put.json()["complete"], put.text
    return sha


def _setup(college: College) -> tuple[Api, str, str, str]:
    """Counselor A's student with a family member and a photo; A has pulled (holds the student)."""
    student = college.server.student(college.college_id, college.counselor_a)
    a = college.server.login("counselor_a")
    member = new_id()
    a.push(a.op("family_member", member, family_member(student), student_id=student))
    photo = _upload(a, student, b"old photo " * 50)
    a.pull_all()
    return a, student, member, photo


def _refused(college: College, api: Api, *ops: dict[str, Any]) -> None:
    before = snapshot(college.server.database, ignore_tables=OP_ANSWERS)
    results = api.push(*ops)
    assert [(r["status"], r["reason"]) for r in results] == [("rejected", "not_found")] * len(ops), results
    assert not changed(college.server.database, before, ignore_tables=OP_ANSWERS)


def test_a_laptop_that_never_confirms_the_leave_cannot_write_after_it(college: College) -> None:
    a, student, member, _ = _setup(college)
    made_before = a.op(
        "family_member", member, {"occupation": "务农"}, base={"occupation": 1}, student_id=student
    )
    _reassign(college, student)
    # The laptop does not pull (it never learns, never confirms): what it makes now is refused.
    _refused(
        college,
        a,
        a.op("family_member", member, {"occupation": "外出务工"}, base={"occupation": 1}, student_id=student),
        a.op("home_visit", new_id(), visit(student), student_id=student),
        a.op("student", student, {"talents": "篮球"}, base={"talents": 1}),
    )
    # Deletes are never accepted after the leave, even when made before it.
    _refused(college, a, a.delete_op("family_member", member, base_rev=1))
    # An edit made before the reassignment still arrives (within the grace) and reaches the new counselor.
    [early] = a.push(made_before)
    assert early["status"] == "applied", early
    b = college.server.login("counselor_b")
    got, _ = b.pull_all()
    assert got["records"][member]["fields"]["occupation"] == "务农"


def test_edits_made_before_the_leave_are_refused_after_the_grace(college: College) -> None:
    a, student, member, _ = _setup(college)
    made_before = a.op(
        "family_member", member, {"occupation": "务农"}, base={"occupation": 1}, student_id=student
    )
    _reassign(college, student)
    grace = college.server.live.settings.reassignment_grace_days
    college.server.database.run(
        lambda s: s.execute(
            update(StudentScope)
            .where(StudentScope.student_id == student)
            .values(scope_changed_at=utcnow() - timedelta(days=grace, hours=1))
        )
    )
    # Refused exactly like the same edit of a record the server never had; nothing changes.
    unknown = {**made_before, "op_id": new_id(), "record_id": new_id()}
    before = snapshot(college.server.database, ignore_tables=OP_ANSWERS)
    late, never = a.push(made_before, unknown)
    assert late["status"] == never["status"] == "rejected"
    assert (late["reason"], late["message"]) == (never["reason"], never["message"])
    assert not changed(college.server.database, before, ignore_tables=OP_ANSWERS)


def test_attachments_are_served_by_current_read_scope_only(college: College) -> None:
    a, student, _, old_photo = _setup(college)
    assert a.http.get(f"/attachments/{old_photo}", params={"offset": 0}).status_code == 200
    _reassign(college, student)
    b = college.server.login("counselor_b")
    b.pull_all()
    new_photo = _upload(b, student, b"new photo after the reassignment " * 40)
    for sha in (new_photo, old_photo):
        for path in (f"/attachments/{sha}", f"/attachments/{sha}/status"):
            response = a.http.get(path, params={"offset": 0})
            unknown = a.http.get(path.replace(sha, "0" * 64), params={"offset": 0})
            assert response.status_code == unknown.status_code == 404
            assert response.json() == unknown.json()
    assert b.http.get(f"/attachments/{old_photo}", params={"offset": 0}).content.startswith(b"old photo")


def test_an_upload_started_before_the_leave_may_finish_within_the_grace(college: College) -> None:
    a, student, _, _ = _setup(college)
    data = b"photo taken on the last visit " * 40
    sha = hashlib.sha256(data).hexdigest()
    a.post("/attachments", {"sha256": sha, "size": len(data), "student_id": student})
    assert a.http.put(f"/attachments/{sha}", params={"offset": 0}, content=data[:100]).status_code == 200
    _reassign(college, student)
    status = a.http.get(f"/attachments/{sha}/status")
    assert status.status_code == 200 and status.json()["received"] == 100
    done = a.http.put(f"/attachments/{sha}", params={"offset": 100}, content=data[100:])
    assert done.status_code == 200 and done.json()["complete"]
    # Finished, it is the new counselor's to read, not the old laptop's.
    assert a.http.get(f"/attachments/{sha}", params={"offset": 0}).status_code == 404
    # Uploads have no creation time: within the grace the old laptop may still start one for the student
    # (the photos of a visit made before the leave are uploaded just before that visit), never for others.
    other = b"a later photo " * 10
    refused = a.post(
        "/attachments",
        {"sha256": hashlib.sha256(other).hexdigest(), "size": len(other), "student_id": new_id()},
    )
    late = a.post(
        "/attachments",
        {"sha256": hashlib.sha256(other).hexdigest(), "size": len(other), "student_id": student},
    )
    assert refused.status_code == 404
    assert late.status_code == 200
