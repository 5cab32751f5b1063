"""公示 on a real server: only the center roles write notices and objections (a college center for its
own college only), and nobody else receives them."""

from __future__ import annotations

from typing import Any

from sync.ids import new_id
from sync.records.enums import Role
from tests.sync.server.conftest import College


def _notice(college_id: str | None, students: list[str]) -> dict[str, Any]:
    return {
        "college_id": college_id,
        "academic_year": "2025-2026",
        "title": "2025-2026学年资助认定结果公示",
        "published_on": "2025-10-13",
        "ends_on": "2025-10-17",
        "student_ids": students,
        "contact": "学院学生发展支持中心",
    }


def _objection(notice_id: str, student: str | None = None) -> dict[str, Any]:
    return {"notice_id": notice_id, "received_on": "2025-10-14", "student_id": student, "summary": "有异议"}


def test_only_centers_write_notices_and_a_college_center_only_its_own(college: College) -> None:
    server = college.server
    other = server.college("外国语学院")
    server.user("other_center", Role.COLLEGE_CENTER, other)
    mine = server.student(college.college_id, college.counselor_a)
    theirs = server.student(other, None)
    center, counselor, school = server.login("center"), server.login("counselor_a"), server.login("school")
    for api in (center, counselor, school):
        api.pull_all()

    # a counselor (even with every listed student in scope) may not publish
    [by_counselor] = counselor.push(
        counselor.op("public_notice", new_id(), _notice(college.college_id, [mine]))
    )
    assert by_counselor["reason"] == "forbidden"
    # a college center: not for another college, not a school notice, not listing another college's student
    [elsewhere] = center.push(center.op("public_notice", new_id(), _notice(other, [theirs])))
    assert elsewhere["reason"] == "forbidden"
    [school_wide] = center.push(center.op("public_notice", new_id(), _notice(None, [mine])))
    assert school_wide["reason"] == "forbidden"
    [stranger] = center.push(
        center.op("public_notice", new_id(), _notice(college.college_id, [mine, theirs]))
    )
    assert stranger["status"] != "applied"

    notice = new_id()
    [ok] = center.push(center.op("public_notice", notice, _notice(college.college_id, [mine])))
    assert ok["status"] == "applied"
    # …nor move it to another college afterwards
    [moved] = center.push(center.op("public_notice", notice, {"college_id": other}, base={"college_id": 1}))
    assert moved["reason"] == "forbidden"

    # objections: the counselor may not record one; another college's center may not touch this notice
    [by_counselor] = counselor.push(counselor.op("notice_objection", new_id(), _objection(notice, mine)))
    assert by_counselor["status"] != "applied"
    other_center = server.login("other_center")
    other_center.pull_all()
    [foreign] = other_center.push(other_center.op("notice_objection", new_id(), _objection(notice)))
    assert foreign["reason"] == "forbidden"
    objection = new_id()
    [recorded] = center.push(center.op("notice_objection", objection, _objection(notice)))
    assert recorded["status"] == "applied"
    [by_school] = school.push(school.op("notice_objection", new_id(), _objection(notice, mine)))
    assert by_school["status"] == "applied"
    # the school center publishes a notice of any college
    [school_notice] = school.push(school.op("public_notice", new_id(), _notice(other, [theirs])))
    assert school_notice["status"] == "applied"

    # only the centers receive them: not the counselor, though the notice lists only their student
    got, _ = counselor.pull_all()
    assert notice not in got["records"] and objection not in got["records"]
    assert counselor.http.get(f"/records/{objection}").status_code == 404
    [edit] = counselor.push(
        counselor.op("notice_objection", objection, {"summary": "改"}, base={"summary": 1})
    )
    assert edit["reason"] == "not_found"
    got, _ = center.pull_all()
    assert {notice, objection} <= set(got["records"])
    got, _ = school.pull_all()
    assert {notice, objection} <= set(got["records"])
