"""Who may write the outcome records (学籍状态, 个案评议, 学业成绩, 学院学业基准), against the live server:
the centers write them (a college center for its own college's students, the school center for all);
counselors read those of their students but may not write them."""

from __future__ import annotations

from typing import Any

from sync.ids import new_id
from sync.records.enums import Role
from tests.sync.server.conftest import College


def _status(student_id: str, state: str = "withdrawn") -> dict[str, Any]:
    return {"student_id": student_id, "term": "2025-2026-1", "state": state, "source": "手工录入", "note": ""}


def _review(student_id: str) -> dict[str, Any]:
    return {
        "student_id": student_id,
        "reviewed_on": "2025-10-09",
        "reviewers": ["王主任", "李老师"],
        "offered": "临时困难补助、学业导师",
        "conclusion": "",
        "for_state": "withdrawn",
    }


def _result(student_id: str) -> dict[str, Any]:
    return {
        "student_id": student_id,
        "term": "2025-2026-1",
        "gpa": 2.1,
        "failed_courses": 3,
        "source": "教务导入",
    }


def _benchmark(college_id: str) -> dict[str, Any]:
    return {
        "college_id": college_id,
        "term": "2025-2026-1",
        "grade": 2024,
        "median_gpa": 3.05,
        "pass_rate": 91.5,
        "student_count": 300,
    }


def test_a_counselor_may_not_write_outcome_records_of_their_own_student(college: College) -> None:
    server = college.server
    student = server.student(college.college_id, college.counselor_a)
    counselor = server.login("counselor_a")
    results = counselor.push(
        counselor.op("enrolment_status", new_id(), _status(student), student_id=student),
        counselor.op("case_review", new_id(), _review(student), student_id=student),
        counselor.op("academic_result", new_id(), _result(student), student_id=student),
        counselor.op("college_academic_benchmark", new_id(), _benchmark(college.college_id)),
    )
    assert [(r["status"], r["reason"]) for r in results] == [("rejected", "forbidden")] * 4


def test_a_college_center_writes_its_own_students_only_and_counselors_read_them(college: College) -> None:
    server = college.server
    other_college = server.college("外国语学院")
    server.user("other_counselor", Role.COUNSELOR, other_college)
    own = server.student(college.college_id, college.counselor_a)
    stranger = server.student(other_college, None)
    center = server.login("center")
    status_id, review_id = new_id(), new_id()
    results = center.push(
        center.op("enrolment_status", status_id, _status(own), student_id=own),
        center.op("case_review", review_id, _review(own), student_id=own),
        center.op("enrolment_status", new_id(), _status(stranger), student_id=stranger),
        center.op("academic_result", new_id(), _result(stranger), student_id=stranger),
    )
    assert [r["status"] for r in results] == ["applied", "applied", "rejected", "rejected"]
    assert results[2]["reason"] == results[3]["reason"] == "not_found"
    # a later edit of the other college's record is refused the same way
    counselor = server.login("counselor_a")
    got, _ = counselor.pull_all()
    assert got["records"][status_id]["fields"]["state"] == "withdrawn"
    assert got["records"][review_id]["fields"]["offered"] == "临时困难补助、学业导师"
    [edit] = counselor.push(
        counselor.op("enrolment_status", status_id, {"state": "studying"}, base={"state": 1}, student_id=own)
    )
    assert (edit["status"], edit["reason"]) == ("rejected", "forbidden")
    assert center.http.get(f"/records/{status_id}").json()["fields"]["state"] == "withdrawn"


def test_the_school_center_writes_every_college(college: College) -> None:
    server = college.server
    other_college = server.college("外国语学院")
    stranger = server.student(other_college, None)
    school = server.login("school")
    results = school.push(
        school.op("enrolment_status", new_id(), _status(stranger, "suspended"), student_id=stranger),
        school.op("academic_result", new_id(), _result(stranger), student_id=stranger),
        school.op("college_academic_benchmark", new_id(), _benchmark(other_college)),
    )
    assert [r["status"] for r in results] == ["applied"] * 3


def test_a_college_center_writes_its_own_colleges_benchmark_only(college: College) -> None:
    server = college.server
    other_college = server.college("外国语学院")
    center = server.login("center")
    own_id = new_id()
    results = center.push(
        center.op("college_academic_benchmark", own_id, _benchmark(college.college_id)),
        center.op("college_academic_benchmark", new_id(), _benchmark(other_college)),
    )
    assert [r["status"] for r in results] == ["applied", "rejected"]
    assert results[1]["reason"] == "forbidden"
    [moved] = center.push(
        center.op("college_academic_benchmark", own_id, {"college_id": other_college}, base={"college_id": 1})
    )
    assert (moved["status"], moved["reason"]) == ("rejected", "forbidden")
    [edited] = center.push(
        center.op("college_academic_benchmark", own_id, {"median_gpa": 3.2}, base={"median_gpa": 1})
    )
    assert edited["status"] == "applied"
