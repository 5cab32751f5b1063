"""Scope on every endpoint: a counselor cannot read or change another counselor's student, nor tell
that it exists; reassignment moves a student between devices with scope events."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
from sqlalchemy import select

from sync.ids import new_id
from sync.records.enums import Role
from sync.server import directory
from sync.server.models import RecordRow
from tests.sync.server.conftest import Api, College
from tests.sync.server.records_data import family_member, visit


def _a_student_with_history(college: College) -> tuple[Api, str, str, str]:
    """Counselor A's student with a family member and a visit; returns (api, student, member, visit)."""
    student = college.server.student(college.college_id, college.counselor_a)
    api = college.server.login("counselor_a")
    api.pull_all()
    member, visit_id = new_id(), new_id()
    api.push(
        api.op("family_member", member, family_member(student), student_id=student),
        api.op("home_visit", visit_id, visit(student), student_id=student),
    )
    return api, student, member, visit_id


def _same_as_unknown(api: Api, known: httpx.Response, unknown: httpx.Response) -> None:
    assert known.status_code == unknown.status_code
    body, other = known.json(), unknown.json()
    assert body == other


def test_records_endpoint_hides_other_counselors_students(college: College) -> None:
    a, student, member, visit_id = _a_student_with_history(college)
    b = college.server.login("counselor_b")
    assert a.http.get(f"/records/{student}").status_code == 200
    for record_id in (student, member, visit_id):
        _same_as_unknown(b, b.http.get(f"/records/{record_id}"), b.http.get(f"/records/{new_id()}"))
        assert b.http.get(f"/records/{record_id}").status_code == 404


def test_push_cannot_touch_other_counselors_students(college: College) -> None:
    a, student, member, visit_id = _a_student_with_history(college)
    b = college.server.login("counselor_b")
    stranger = new_id()
    attempts = [
        (
            b.op("student", student, {"major": "x"}, base={"major": 1}),
            b.op("student", new_id(), {"major": "x"}, base={"major": 1}),
        ),
        (
            b.op("family_member", new_id(), family_member(student), student_id=student),
            b.op("family_member", new_id(), family_member(stranger), student_id=stranger),
        ),
        (
            b.op("family_member", member, {"occupation": "x"}, base={"occupation": 1}),
            b.op("family_member", new_id(), {"occupation": "x"}, base={"occupation": 1}),
        ),
        (b.delete_op("home_visit", visit_id, base_rev=1), b.delete_op("home_visit", new_id(), base_rev=1)),
    ]
    for hidden, unknown in attempts:
        [hidden_result, unknown_result] = b.push(hidden, unknown)
        assert hidden_result["status"] == unknown_result["status"] == "rejected"
        assert hidden_result["reason"] == unknown_result["reason"]
        assert hidden_result["message"] == unknown_result["message"]
    still = a.http.get(f"/records/{visit_id}").json()
    assert still["deleted"] is False
    assert a.http.get(f"/records/{student}").json()["fields"]["major"] == ""


def test_pull_backfill_digest_and_repair_show_nothing_out_of_scope(college: College) -> None:
    _a, student, member, visit_id = _a_student_with_history(college)
    b = college.server.login("counselor_b")
    got, cursor = b.pull_all()
    hidden = {student, member, visit_id}
    assert hidden.isdisjoint(got["records"])
    horizon = int(cursor.split(".")[0])
    page = b.post(
        "/sync/backfill", {"device_id": b.device_id, "student_ids": [student], "upto": horizon}
    ).json()
    assert page["records"] == [] and page["conflicts"] == []
    digest = b.post("/sync/digest", {"device_id": b.device_id, "buckets": False}).json()
    assert digest["count"] == len([r for r in got["records"].values() if not r["deleted"]])
    repaired = b.post(
        "/sync/repair", {"device_id": b.device_id, "buckets": list(range(256)), "limit": 5000}
    ).json()
    assert hidden.isdisjoint(r["id"] for r in repaired["records"])


def test_attachments_of_other_counselors_students_look_unknown(college: College) -> None:
    a, student, _, _ = _a_student_with_history(college)
    b = college.server.login("counselor_b")
    data = b"photo-bytes" * 100
    sha = hashlib.sha256(data).hexdigest()
    assert (
        a.post("/attachments", {"sha256": sha, "size": len(data), "student_id": student}).status_code == 200
    )
    put = a.http.put(f"/attachments/{sha}", params={"offset": 0}, content=data)
    assert put.json()["complete"] is True
    unknown_sha = hashlib.sha256(b"other").hexdigest()
    _same_as_unknown(
        b,
        b.post("/attachments", {"sha256": sha, "size": len(data), "student_id": student}),
        b.post("/attachments", {"sha256": unknown_sha, "size": 5, "student_id": new_id()}),
    )
    for path in (f"/attachments/{sha}/status", f"/attachments/{sha}?offset=0"):
        _same_as_unknown(b, b.http.get(path), b.http.get(path.replace(sha, unknown_sha)))
    _same_as_unknown(
        b,
        b.http.put(f"/attachments/{sha}", params={"offset": 0}, content=b"x"),
        b.http.put(f"/attachments/{unknown_sha}", params={"offset": 0}, content=b"x"),
    )


def test_college_center_sees_its_college_only_and_school_center_reads_all(college: College) -> None:
    server = college.server
    other_college = server.college("外国语学院")
    mine = server.student(college.college_id, college.counselor_a, "2024001")
    theirs = server.student(other_college, None, "2024999")
    center = server.login("center")
    got, _ = center.pull_all()
    assert mine in got["records"] and theirs not in got["records"]
    school = server.login("school")
    got, _ = school.pull_all()
    assert {mine, theirs} <= set(got["records"])
    [result] = school.push(school.op("student", mine, {"major": "x"}, base={"major": 1}))
    assert result["reason"] == "forbidden"


def test_counselor_creates_a_student_in_own_college_only(college: College) -> None:
    a = college.server.login("counselor_a")
    a.pull_all()
    mine = new_id()
    fields = {"student_no": "2024123", "name": "新生", "college_id": college.college_id}
    [ok] = a.push(a.op("student", mine, {**fields, "counselor_id": college.counselor_a}))
    assert ok["status"] == "applied"
    [for_b] = a.push(a.op("student", new_id(), {**fields, "counselor_id": college.counselor_b}))
    assert for_b["reason"] == "forbidden"
    [elsewhere] = a.push(
        a.op("student", new_id(), {**fields, "college_id": new_id(), "counselor_id": college.counselor_a})
    )
    assert elsewhere["reason"] == "forbidden"
    [reassign] = a.push(
        a.op("student", mine, {"counselor_id": college.counselor_b}, base={"counselor_id": 1})
    )
    assert reassign["reason"] == "forbidden"


def _reassign(college: College, student: str, counselor: str) -> None:
    def work(session: Any) -> None:
        row = session.scalar(select(RecordRow).where(RecordRow.id == student))
        assert row is not None
        directory.write_records(session, [("student", student, {"counselor_id": counselor})])

    college.server.database.run(work)


def test_reassignment_moves_the_student_with_its_history(college: College) -> None:
    a, student, member, visit_id = _a_student_with_history(college)
    _, a_cursor = a.pull_all()
    b = college.server.login("counselor_b")
    _, b_cursor = b.pull_all()
    # A note written offline before the reassignment, sent after it.
    late_note = new_id()
    early = a.op("home_visit", late_note, visit(student, notes="离线补记"), student_id=student)
    _reassign(college, student, college.counselor_b)
    # B: the student enters; older records come by backfill.
    got, b_cursor = b.pull_all(b_cursor)
    assert {"kind": "enter", "student_id": student} in got["scope"]
    horizon = int(b_cursor.split(".")[0])
    page = b.post(
        "/sync/backfill", {"device_id": b.device_id, "student_ids": [student], "upto": horizon}
    ).json()
    assert {member, visit_id} <= {r["id"] for r in page["records"]}
    # A: the student leaves; A may still flush edits made before the reassignment (within the grace).
    response = a.post("/sync/pull", {"device_id": a.device_id, "cursor": a_cursor}).json()
    assert response["scope"] == [{"kind": "leave", "student_id": student}]
    [flushed] = a.push(early)
    assert flushed["status"] == "applied"
    # Once A sends the cursor that confirms the leave, the student is gone for A.
    confirm = a.post("/sync/pull", {"device_id": a.device_id, "cursor": response["cursor"]}).json()
    assert confirm["scope"] == []
    [late] = a.push(a.op("home_visit", new_id(), visit(student), student_id=student))
    assert late["status"] == "rejected" and late["reason"] == "not_found"
    # The flushed note reached the new counselor.
    got, _ = b.pull_all(b_cursor)
    assert late_note in got["records"]


def test_lost_pull_response_repeats_the_scope_events(college: College) -> None:
    a, student, _, _ = _a_student_with_history(college)
    _, cursor = a.pull_all()
    _reassign(college, student, college.counselor_b)
    first = a.post("/sync/pull", {"device_id": a.device_id, "cursor": cursor}).json()
    again = a.post("/sync/pull", {"device_id": a.device_id, "cursor": cursor}).json()
    assert first["scope"] == again["scope"] == [{"kind": "leave", "student_id": student}]


def test_mentor_sees_assigned_students_and_writes_support_logs_only(college: College) -> None:
    server = college.server
    mentor_user = server.user("mentor_li", Role.MENTOR, college.college_id)
    served = server.student(college.college_id, college.counselor_a, "2024001")
    other = server.student(college.college_id, college.counselor_a, "2024002")
    server.database.run(lambda s: directory.assign(s, username="mentor_li", student_nos=["2024001"]))
    mentor = server.login("mentor_li")
    got, _ = mentor.pull_all()
    assert served in got["records"] and other not in got["records"]
    mentor_record = next(r["id"] for r in got["records"].values() if r["record_type"] == "mentor")
    log = {
        "student_id": served,
        "mentor_id": mentor_record,
        "log_date": "2025-03-02",
        "form": "heart_to_heart",
        "summary": "谈心一次。",
    }
    [ok] = mentor.push(mentor.op("support_log_entry", new_id(), log, student_id=served))
    assert ok["status"] == "applied", ok
    [no] = mentor.push(mentor.op("student", served, {"talents": "x"}, base={"talents": 1}))
    assert no["reason"] == "forbidden"
    [hidden] = mentor.push(
        mentor.op("support_log_entry", new_id(), {**log, "student_id": other}, student_id=other)
    )
    assert hidden["reason"] == "not_found"
    assert mentor_user


def _pages(api: Api, cursor: str, limit: int = 1000) -> tuple[list[dict[str, Any]], str]:
    """Every page until ``more`` is false (each answered page's cursor confirms the one before)."""
    pages = []
    while True:
        response = api.post("/sync/pull", {"device_id": api.device_id, "cursor": cursor, "limit": limit})
        assert response.status_code == 200, response.text
        page = response.json()
        pages.append(page)
        cursor = page["cursor"]
        if not page["more"]:
            return pages, cursor


def test_a_scope_change_larger_than_a_page_is_announced_in_bounded_pieces(college: College) -> None:
    from sync.protocol import MAX_BACKFILL_STUDENTS, MAX_SCOPE_EVENTS

    api = college.server.login("counselor_a")
    _, cursor = api.pull_all()
    count = 2 * MAX_SCOPE_EVENTS + 37
    students = [new_id() for _ in range(count)]
    changes = [
        (
            "student",
            student,
            {
                "student_no": f"2026{n:05d}",
                "name": f"新生{n}",
                "college_id": college.college_id,
                "counselor_id": college.counselor_a,
            },
        )
        for n, student in enumerate(students)
    ]
    college.server.database.run(lambda s: directory.write_records(s, changes, new=True))
    # A lost answer: the same pull again (with the old cursor) announces the same first piece.
    lost = api.post("/sync/pull", {"device_id": api.device_id, "cursor": cursor, "limit": 1000}).json()
    pages, cursor = _pages(api, cursor)
    assert [event["student_id"] for event in lost["scope"]] == [
        event["student_id"] for event in pages[0]["scope"]
    ]
    events = [event for page in pages for event in page["scope"]]
    assert all(len(page["scope"]) <= MAX_SCOPE_EVENTS for page in pages)
    assert all(page["more"] for page in pages[:-1]) and len(pages) >= 3
    assert sorted(event["student_id"] for event in events) == sorted(students)
    assert {event["kind"] for event in events} == {"enter"}
    # A smaller page limit bounds the events as well.
    assert _pages(api, cursor, limit=10)[0][-1]["scope"] == []
    # The whole grade leaves again: leaves in pieces, each confirmed by the next pull.
    moved = [("student", student, {"counselor_id": college.counselor_b}) for student in students]
    college.server.database.run(lambda s: directory.write_records(s, moved))
    pages, cursor = _pages(api, cursor, limit=400)
    leaves = [event for page in pages for event in page["scope"]]
    assert all(len(page["scope"]) <= 400 for page in pages)
    assert sorted(event["student_id"] for event in leaves) == sorted(students)
    assert {event["kind"] for event in leaves} == {"leave"}
    assert _pages(api, cursor)[0][-1]["scope"] == []
    # One backfill request names at most MAX_BACKFILL_STUDENTS students (the client splits larger ones).
    b = college.server.login("counselor_b")
    b.pull_all()
    too_many = {"device_id": b.device_id, "student_ids": students[: MAX_BACKFILL_STUDENTS + 1], "upto": 1}
    assert b.post("/sync/backfill", too_many).status_code == 422
    assert (
        b.post("/sync/backfill", {**too_many, "student_ids": students[:MAX_BACKFILL_STUDENTS]}).status_code
        == 200
    )
