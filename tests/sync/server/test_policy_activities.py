"""Who may write the policy activities (民主测评, 个别交流, 诚信教育, 培训, 专项研究), against a live server."""

from __future__ import annotations

from typing import Any

from sync.ids import new_id
from sync.records.enums import Role
from tests.sync.server.conftest import Api, College


def _evaluation(college_id: str) -> dict[str, Any]:
    return {
        "college_id": college_id,
        "class_name": "会计2401",
        "academic_year": "2024-2025",
        "held_on": "2024-12-10",
        "participants": 38,
        "students_evaluated": 9,
        "conclusion": "认定结果得到认可",
    }


def _integrity(college_id: str | None) -> dict[str, Any]:
    return {"college_id": college_id, "held_on": "2025-04-01", "title": "诚信伴我行", "participants": 40}


def _training(college_id: str | None) -> dict[str, Any]:
    return {
        "college_id": college_id,
        "held_on": "2025-05-08",
        "title": "资助工作者专业能力培训",
        "trainees": ["王老师"],
        "hours": "4.0",
    }


def _project(college_id: str) -> dict[str, Any]:
    return {"college_id": college_id, "title": "资助育人品牌", "leader": "赵书记", "started_on": "2024-10-01"}


def _talk(student_id: str, **more: Any) -> dict[str, Any]:
    return {"student_id": student_id, "talked_on": "2025-03-02", "mode": "phone", "topics": "学业", **more}


def _status(api: Api, record_type: str, fields: dict[str, Any], student_id: str | None = None) -> str:
    [result] = api.push(api.op(record_type, new_id(), fields, student_id=student_id))
    return str(result["status"] if result["status"] == "applied" else result["reason"])


def test_college_center_writes_its_own_colleges_activities_only(college: College) -> None:
    other = college.server.college("外国语学院")
    center = college.server.login("center")
    mine, theirs = college.college_id, other
    assert _status(center, "identification_evaluation", _evaluation(mine)) == "applied"
    assert _status(center, "staff_training", _training(mine)) == "applied"
    assert _status(center, "research_project", _project(mine)) == "applied"
    assert _status(center, "integrity_activity", _integrity(mine)) == "applied"
    assert _status(center, "identification_evaluation", _evaluation(theirs)) == "forbidden"
    assert _status(center, "research_project", _project(theirs)) == "forbidden"
    assert _status(center, "staff_training", _training(None)) == "forbidden"  # the school's own training
    assert _status(center, "integrity_activity", _integrity(None)) == "forbidden"


def test_a_college_center_cannot_move_an_activity_or_touch_another_colleges(college: College) -> None:
    server = college.server
    other = server.college("外国语学院")
    server.user("center_other", Role.COLLEGE_CENTER, other)
    center = server.login("center")
    project = new_id()
    [made] = center.push(center.op("research_project", project, _project(college.college_id)))
    assert made["status"] == "applied"
    [moved] = center.push(
        center.op("research_project", project, {"college_id": other}, base={"college_id": 1})
    )
    assert moved["reason"] == "forbidden"
    stranger = server.login("center_other")
    [edit] = stranger.push(
        stranger.op("research_project", project, {"status": "in_progress"}, base={"status": 1})
    )
    assert edit["reason"] == "forbidden"
    [gone] = stranger.push(stranger.delete_op("research_project", project, base_rev=1))
    assert gone["reason"] == "forbidden"
    assert center.http.get(f"/records/{project}").json()["fields"]["college_id"] == college.college_id


def test_counselor_writes_evaluations_and_integrity_activities_of_own_college_only(college: College) -> None:
    other = college.server.college("外国语学院")
    a = college.server.login("counselor_a")
    assert _status(a, "identification_evaluation", _evaluation(college.college_id)) == "applied"
    assert _status(a, "integrity_activity", _integrity(college.college_id)) == "applied"
    assert _status(a, "identification_evaluation", _evaluation(other)) == "forbidden"
    assert _status(a, "staff_training", _training(college.college_id)) == "forbidden"
    assert _status(a, "research_project", _project(college.college_id)) == "forbidden"


def test_a_counselor_edits_only_the_evaluations_it_recorded(college: College) -> None:
    a, b = college.server.login("counselor_a"), college.server.login("counselor_b")
    evaluation = new_id()
    [made] = a.push(a.op("identification_evaluation", evaluation, _evaluation(college.college_id)))
    assert made["status"] == "applied"
    [edit] = b.push(
        b.op("identification_evaluation", evaluation, {"participants": 1}, base={"participants": 1})
    )
    assert edit["reason"] == "forbidden"
    [own] = a.push(
        a.op("identification_evaluation", evaluation, {"participants": 40}, base={"participants": 1})
    )
    assert own["status"] == "applied"
    center = college.server.login("center")
    [reviewed] = center.push(
        center.op("identification_evaluation", evaluation, {"follow_up": "已复核"}, base={"follow_up": 1})
    )
    assert reviewed["status"] == "applied"


def test_school_center_writes_every_activity_and_mentor_or_admin_none(college: College) -> None:
    college.server.user("mentor", Role.MENTOR, college.college_id)
    school = college.server.login("school")
    assert _status(school, "staff_training", _training(None)) == "applied"
    assert _status(school, "integrity_activity", _integrity(None)) == "applied"
    assert _status(school, "research_project", _project(college.college_id)) == "applied"
    mentor = college.server.login("mentor")
    assert _status(mentor, "identification_evaluation", _evaluation(college.college_id)) == "forbidden"
    assert _status(mentor, "staff_training", _training(college.college_id)) == "forbidden"
    admin = college.server.login("admin")
    op = admin.op("staff_training", new_id(), _training(None))
    assert admin.post("/sync/push", {"device_id": admin.device_id, "ops": [op]}).status_code == 403


def test_talks_are_written_by_the_students_counselor_and_attributed_by_the_server(college: College) -> None:
    server = college.server
    student = server.student(college.college_id, college.counselor_a)
    a = server.login("counselor_a")
    a.pull_all()
    talk = new_id()
    # the body names another person as the one who talked: the server records the caller
    [made] = a.push(
        a.op("one_to_one_talk", talk, _talk(student, talked_by_id=college.counselor_b), student_id=student)
    )
    assert made["status"] == "applied"
    assert a.http.get(f"/records/{talk}").json()["fields"]["talked_by_id"] == college.counselor_a
    [claim] = a.push(
        a.op("one_to_one_talk", talk, {"talked_by_id": college.center}, base={"talked_by_id": 1})
    )
    assert claim["status"] in ("applied", "duplicate")
    assert a.http.get(f"/records/{talk}").json()["fields"]["talked_by_id"] == college.counselor_a

    b = server.login("counselor_b")
    assert _status(b, "one_to_one_talk", _talk(student), student_id=student) == "not_found"
    school = server.login("school")
    assert _status(school, "one_to_one_talk", _talk(student), student_id=student) == "forbidden"
    center = server.login("center")
    [edit] = center.push(center.op("one_to_one_talk", talk, {"topics": "改写"}, base={"topics": 1}))
    assert edit["reason"] == "forbidden"  # a talk stays its author's
    assert _status(center, "one_to_one_talk", _talk(student), student_id=student) == "applied"
