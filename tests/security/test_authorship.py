"""Item 4: the server decides who did what.  Each test tries one forbidden write as a device would send
it, and checks it is refused (or its author fields replaced) and that nothing else changed."""

from __future__ import annotations

from typing import Any

from sync.ids import new_id
from sync.records.enums import Role
from sync.server import directory
from tests.security.attack import OP_ANSWERS, changed, snapshot
from tests.sync.server.conftest import Api, College
from tests.sync.server.records_data import visit


def _counselor_with_student(college: College) -> tuple[Api, str]:
    student = college.server.student(college.college_id, college.counselor_a)
    api = college.server.login("counselor_a")
    api.pull_all()
    return api, student


def _refused(college: College, api: Api, op: dict[str, Any], reason: str) -> dict[str, Any]:
    before = snapshot(college.server.database, ignore_tables=OP_ANSWERS)
    [result] = api.push(op)
    assert result["status"] == "rejected", result
    assert result["reason"] == reason, result
    assert not changed(college.server.database, before, ignore_tables=OP_ANSWERS)
    return result


def _fields(api: Api, record_id: str) -> dict[str, Any]:
    response = api.http.get(f"/records/{record_id}")
    assert response.status_code == 200, response.text
    fields: dict[str, Any] = response.json()["fields"]
    return fields


def test_author_fields_come_from_the_token_not_the_body(college: College) -> None:
    api, student = _counselor_with_student(college)
    visit_id = new_id()
    forged = {**visit(student), "recorded_by_id": college.counselor_b}
    [result] = api.push(api.op("home_visit", visit_id, forged, student_id=student))
    assert result["status"] == "applied"
    assert _fields(api, visit_id)["recorded_by_id"] == college.counselor_a
    # Nor can an edit change who recorded it later.
    [edit] = api.push(
        api.op("home_visit", visit_id, {"recorded_by_id": college.counselor_b}, base={"recorded_by_id": 1})
    )
    assert edit["status"] == "applied"
    assert _fields(api, visit_id)["recorded_by_id"] == college.counselor_a


def test_a_counselor_cannot_mark_a_visit_reviewed_or_name_a_reviewer(college: College) -> None:
    api, student = _counselor_with_student(college)
    forged = {**visit(student), "status": "reviewed", "reviewed_by_id": college.center}
    _refused(college, api, api.op("home_visit", new_id(), forged, student_id=student), "forbidden")
    visit_id = new_id()
    api.push(api.op("home_visit", visit_id, visit(student), student_id=student))
    _refused(
        college,
        api,
        api.op(
            "home_visit",
            visit_id,
            {"status": "reviewed", "reviewed_by_id": college.center},
            base={"status": 1, "reviewed_by_id": 1},
        ),
        "forbidden",
    )


def test_the_college_center_reviews_and_becomes_the_reviewer(college: College) -> None:
    api, student = _counselor_with_student(college)
    visit_id = new_id()
    api.push(api.op("home_visit", visit_id, visit(student), student_id=student))
    center = college.server.login("center")
    center.pull_all()
    [review] = center.push(
        center.op(
            "home_visit",
            visit_id,
            {"status": "reviewed", "reviewed_by_id": college.counselor_b},
            base={"status": 1, "reviewed_by_id": 1},
        )
    )
    assert review["status"] == "applied", review
    fields = _fields(api, visit_id)
    assert (fields["status"], fields["reviewed_by_id"]) == ("reviewed", college.center)
    # The center may review, not rewrite the counselor's notes.
    _refused(
        college,
        center,
        center.op("home_visit", visit_id, {"follow_up": "改写"}, base={"follow_up": 1}),
        "forbidden",
    )
    # And the counselor cannot take the review back.
    _refused(
        college, api, api.op("home_visit", visit_id, {"status": "submitted"}, base={"status": 2}), "forbidden"
    )


def test_identification_steps_after_college_review_are_the_centers(college: College) -> None:
    api, student = _counselor_with_student(college)
    fields = {
        "student_id": student,
        "academic_year": "2024-2025",
        "status": "identified",
        "level": "difficult",
    }
    _refused(college, api, api.op("identification", new_id(), fields, student_id=student), "forbidden")
    applied = new_id()
    [ok] = api.push(api.op("identification", applied, {**fields, "status": "applied"}, student_id=student))
    assert ok["status"] == "applied", ok
    _refused(
        college,
        api,
        api.op("identification", applied, {"status": "identified"}, base={"status": 1}),
        "forbidden",
    )


def test_identification_history_steps_are_attributed_by_the_server(college: College) -> None:
    api, student = _counselor_with_student(college)
    ident = new_id()
    first = {"changed_on": "2024-09-20", "status": "applied", "semester": "第一学期", "note": ""}
    fields = {
        "student_id": student,
        "academic_year": "2024-2025",
        "status": "applied",
        "history": [{**first, "changed_by_id": college.center}],
    }
    [ok] = api.push(api.op("identification", ident, fields, student_id=student))
    assert ok["status"] == "applied", ok
    [step] = _fields(api, ident)["history"]
    assert step["changed_by_id"] == college.counselor_a  # not the centre the body named
    # The centre adds a step; the counselor's edit afterwards cannot re-attribute either step.
    center = college.server.login("center")
    center.pull_all()
    second = {"changed_on": "2024-10-08", "status": "college_review", "semester": "第一学期", "note": ""}
    [added] = center.push(
        center.op(
            "identification",
            ident,
            {
                "status": "college_review",
                "history": [{**first, "changed_by_id": None}, {**second, "changed_by_id": None}],
            },
            base={"status": 1, "history": 1},
        )
    )
    assert added["status"] == "applied", added
    assert [s["changed_by_id"] for s in _fields(api, ident)["history"]] == [
        college.counselor_a,
        college.center,
    ]
    api.pull_all()
    forged = [{**first, "changed_by_id": college.center}, {**second, "changed_by_id": college.counselor_a}]
    [edit] = api.push(api.op("identification", ident, {"history": forged}, base={"history": 2}))
    assert edit["status"] == "applied", edit
    assert [s["changed_by_id"] for s in _fields(api, ident)["history"]] == [
        college.counselor_a,
        college.center,
    ]


def test_a_monitoring_flag_is_raised_by_the_caller(college: College) -> None:
    api, student = _counselor_with_student(college)
    flag_id = new_id()
    flag = {
        "student_id": student,
        "kind": "family_emergency",
        "raised_on": "2025-03-01",
        "raised_by_id": college.counselor_b,
        "description": "家中突发变故。",
    }
    [ok] = api.push(api.op("monitoring_flag", flag_id, flag, student_id=student))
    assert ok["status"] == "applied", ok
    assert _fields(api, flag_id)["raised_by_id"] == college.counselor_a


def _support_log(student: str, mentor_id: str) -> dict[str, Any]:
    return {
        "student_id": student,
        "mentor_id": mentor_id,
        "log_date": "2025-03-02",
        "form": "heart_to_heart",
        "duration_minutes": 600,
        "summary": "谈心一次。",
    }


def _mentors(college: College, student_no: str) -> tuple[str, str, str]:
    """Two mentors serving the student; returns the student and both mentor records."""
    server = college.server
    student = server.student(college.college_id, college.counselor_a, student_no)
    for name in ("mentor_li", "mentor_wang"):
        server.user(name, Role.MENTOR, college.college_id)
        server.database.run(lambda s, n=name: directory.assign(s, username=n, student_nos=[student_no]))
    li = server.database.run(
        lambda s: directory.mentor_record_of(s, directory.find_account(s, "mentor_li").id)
    )
    wang = server.database.run(
        lambda s: directory.mentor_record_of(s, directory.find_account(s, "mentor_wang").id)
    )
    return student, li, wang


def test_only_the_mentor_or_a_center_writes_a_mentors_support_log(college: College) -> None:
    student, li, wang = _mentors(college, "2024010")
    counselor = college.server.login("counselor_a")
    counselor.pull_all()
    # A counselor logging 600 minutes of a mentor's workload.
    _refused(
        college,
        counselor,
        counselor.op("support_log_entry", new_id(), _support_log(student, li), student_id=student),
        "forbidden",
    )
    mentor = college.server.login("mentor_wang")
    mentor.pull_all()
    _refused(
        college,
        mentor,
        mentor.op("support_log_entry", new_id(), _support_log(student, li), student_id=student),
        "forbidden",
    )
    [own] = mentor.push(
        mentor.op("support_log_entry", new_id(), _support_log(student, wang), student_id=student)
    )
    assert own["status"] == "applied", own
    center = college.server.login("center")
    center.pull_all()
    [named] = center.push(
        center.op("support_log_entry", new_id(), _support_log(student, li), student_id=student)
    )
    assert named["status"] == "applied", named


def test_a_counselor_cannot_create_key_support_records(college: College) -> None:
    api, student = _counselor_with_student(college)
    record = {"student_id": student, "difficulty_types": ["academic"], "started_on": "2025-03-01"}
    _refused(college, api, api.op("key_support", new_id(), record, student_id=student), "forbidden")
    center = college.server.login("center")
    center.pull_all()
    [ok] = center.push(center.op("key_support", new_id(), record, student_id=student))
    assert ok["status"] == "applied", ok


def test_a_counselor_cannot_delete_a_student_profile(college: College) -> None:
    api, student = _counselor_with_student(college)
    _refused(college, api, api.delete_op("student", student, base_rev=1), "forbidden")
    center = college.server.login("center")
    center.pull_all()
    [ok] = center.push(center.delete_op("student", student, base_rev=1))
    assert ok["status"] == "applied", ok


def test_a_base_above_the_current_revision_is_refused(college: College) -> None:
    api, student = _counselor_with_student(college)
    visit_id = new_id()
    api.push(api.op("home_visit", visit_id, visit(student), student_id=student))
    other = college.server.login("counselor_a")
    other.pull_all()
    other.push(other.op("home_visit", visit_id, {"follow_up": "第二台电脑的修改"}, base={"follow_up": 1}))
    # A delete claiming to have seen revision 999 would skip the delete-versus-edit conflict.
    _refused(college, api, api.delete_op("home_visit", visit_id, base_rev=999), "validation_failed")
    _refused(
        college,
        api,
        api.op("home_visit", visit_id, {"follow_up": "x"}, base={"follow_up": 999}),
        "validation_failed",
    )
    assert _fields(api, visit_id)["follow_up"] == "第二台电脑的修改"


def _audit(api: Api, **fields: Any) -> dict[str, Any]:
    return api.op("audit_entry", new_id(), {"action": "view_restricted", **fields})


def test_audit_entries_only_about_records_in_scope(college: College) -> None:
    theirs = college.server.student(college.college_id, college.counselor_b, "2024099")
    api, mine = _counselor_with_student(college)
    _refused(college, api, _audit(api, student_id=theirs), "not_found")
    _refused(college, api, _audit(api, record_id=theirs, record_type="student"), "not_found")
    [ok] = api.push(_audit(api, student_id=mine, record_id=mine, record_type="student"))
    assert ok["status"] == "applied", ok


def test_audit_entries_are_accepted_at_a_bounded_rate(college: College, monkeypatch: Any) -> None:
    monkeypatch.setattr(college.server.live.settings, "audit_entries_per_hour", 5)
    api, mine = _counselor_with_student(college)
    results = api.push(*[_audit(api, student_id=mine) for _ in range(8)])
    assert [r["status"] for r in results] == ["applied"] * 5 + ["rejected"] * 3
    assert all(r["retryable"] and r["reason"] == "busy" for r in results[5:])
    before = snapshot(college.server.database)
    [late] = api.push(_audit(api, student_id=mine))
    assert late["status"] == "rejected" and late["retryable"]
    assert not changed(college.server.database, before)  # retryable: not even its answer is kept
