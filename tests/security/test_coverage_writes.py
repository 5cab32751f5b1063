"""The writes the coverage work (docs/coverage.md) added, tried by the roles that may not make them: the
school center record, a college's center fields, a mentor's expertise, the reason a mentor does not
match, the exception to 先家访后认定, the aid decision, and the 核实 mark of a visit's family table.
Each refused write changes nothing on the server; the allowed writer is shown to get through."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from sync.ids import new_id
from sync.records.enums import Role
from sync.server import directory
from sync.server.models import MentorLink
from tests.security.attack import OP_ANSWERS, changed, snapshot
from tests.sync.server.conftest import Api, College
from tests.sync.server.records_data import visit

# Out of scope is answered as an unknown id would be: not found, or, for an edit naming only some
# fields, the validation that creating such a record would fail.
UNKNOWN = "unknown"


def _refused(college: College, api: Api, op: dict[str, Any], reason: str = "forbidden") -> None:
    before = snapshot(college.server.database, ignore_tables=OP_ANSWERS)
    [result] = api.push(op)
    assert result["status"] == "rejected", result
    if reason == UNKNOWN:
        assert result["reason"] in ("not_found", "validation_failed"), result
    else:
        assert result["reason"] == reason, result
    assert not changed(college.server.database, before, ignore_tables=OP_ANSWERS)


def _applied(api: Api, op: dict[str, Any]) -> None:
    [result] = api.push(op)
    assert result["status"] == "applied", result


def _login(college: College, username: str) -> Api:
    api = college.server.login(username)
    api.pull_all()
    return api


def _other_college(college: College) -> str:
    """外国语学院 with its own center account ``wy_center``; returns the college id."""
    other = college.server.college("外国语学院")
    college.server.user("wy_center", Role.COLLEGE_CENTER, other)
    return other


def test_only_the_school_center_writes_the_school_center_record(college: College) -> None:
    record = {"site": "行政楼 201", "director": "周处长", "deputies": ["吴副处长"]}
    school = _login(college, "school")
    school_center = new_id()
    _applied(school, school.op("school_center", school_center, record))
    for username in ("counselor_a", "center"):
        api = _login(college, username)
        _refused(college, api, api.op("school_center", new_id(), record))
        _refused(college, api, api.op("school_center", school_center, {"site": "x"}, base={"site": 1}))
        _refused(college, api, api.delete_op("school_center", school_center, base_rev=1))


def test_a_colleges_center_fields_are_its_own_centers(college: College) -> None:
    other = _other_college(college)
    fields = {"center_director": "假主任", "center_deputies": ["假副主任"], "center_staff": ["某人"]}
    base = dict.fromkeys(fields, 1)
    counselor = _login(college, "counselor_a")
    _refused(college, counselor, counselor.op("college", college.college_id, fields, base=base))
    wy_center = _login(college, "wy_center")
    _refused(college, wy_center, wy_center.op("college", college.college_id, fields, base=base))
    _refused(college, wy_center, wy_center.op("college", new_id(), {"name": "新学院", **fields}))
    _applied(wy_center, wy_center.op("college", other, fields, base=base))


def _mentor(college: College, username: str, college_id: str | None) -> str:
    user = college.server.user(username, Role.MENTOR, college_id)
    return college.server.database.run(lambda s: directory.mentor_record_of(s, user))


def test_a_mentors_expertise_is_set_by_a_center_of_the_mentors_college(college: College) -> None:
    other = _other_college(college)
    ours = _mentor(college, "mentor_ours", college.college_id)
    theirs = _mentor(college, "mentor_theirs", other)
    expertise = {"specialties": ["psychological", "academic", "employment"]}
    base = {"specialties": 1}
    for username in ("counselor_a", "mentor_ours"):
        api = _login(college, username)
        _refused(college, api, api.op("mentor", ours, expertise, base=base))
    center = _login(college, "center")
    _applied(center, center.op("mentor", ours, expertise, base=base))
    # Another college's mentor, serving none of this college's students: not this center's to describe.
    _refused(college, center, center.op("mentor", theirs, expertise, base=base))
    wy_center = _login(college, "wy_center")
    _applied(wy_center, wy_center.op("mentor", theirs, expertise, base=base))
    # Once that mentor serves one of this college's students, this center describes them too.
    college.server.student(college.college_id, college.counselor_a, "2024100")
    college.server.database.run(
        lambda s: directory.assign(s, username="mentor_theirs", student_nos=["2024100"])
    )
    _applied(center, center.op("mentor", theirs, {"specialties": ["academic"]}, base={"specialties": 2}))


def _assignment(college: College) -> str:
    """A mentor assigned to a student of the college; returns the assignment record."""
    server = college.server
    student = server.student(college.college_id, college.counselor_a, "2024200")
    _mentor(college, "mentor_li", college.college_id)
    server.database.run(lambda s: directory.assign(s, username="mentor_li", student_nos=["2024200"]))

    def made(session: Any) -> str:
        query = select(MentorLink.record_id).where(MentorLink.student_id == student)
        return str(session.scalars(query).one())

    return server.database.run(made)


def test_only_a_center_records_why_a_mentor_does_not_match(college: College) -> None:
    assignment = _assignment(college)
    reason = {"mismatch_reason": "本院暂无就业指导专长导师，由心理导师先行帮扶。"}
    base = {"mismatch_reason": 1}
    for username in ("counselor_a", "mentor_li"):
        api = _login(college, username)
        _refused(college, api, api.op("mentor_assignment", assignment, reason, base=base))
    # Nor does the mentor start key support for the student they serve (a center's collective review).
    mentor = _login(college, "mentor_li")
    student = mentor.http.get(f"/records/{assignment}").json()["fields"]["student_id"]
    support = {"student_id": student, "difficulty_types": ["employment"], "started_on": "2025-03-01"}
    _refused(college, mentor, mentor.op("key_support", new_id(), support, student_id=student))
    center = _login(college, "center")
    _applied(center, center.op("mentor_assignment", assignment, reason, base=base))
    # Nor can the counselor clear the reason the center recorded.
    counselor = _login(college, "counselor_a")
    _refused(
        college,
        counselor,
        counselor.op("mentor_assignment", assignment, {"mismatch_reason": ""}, base={"mismatch_reason": 2}),
    )


def _identification(student: str, **fields: Any) -> dict[str, Any]:
    return {"student_id": student, "academic_year": "2025-2026", "level": "difficult", **fields}


def test_only_a_center_records_the_exception_to_visit_first(college: College) -> None:
    student = college.server.student(college.college_id, college.counselor_a, is_new_student=True)
    counselor = _login(college, "counselor_a")
    exception = {"visit_exception_reason": "学生家在边远山区，汛期无法入户，经中心研究先行认定。"}
    _refused(
        college,
        counselor,
        counselor.op("identification", new_id(), _identification(student, **exception), student_id=student),
    )
    record = new_id()
    _applied(
        counselor,
        counselor.op(
            "identification",
            record,
            _identification(student, visit_before_identification=True),
            student_id=student,
        ),
    )
    base = {"visit_exception_reason": 1}
    _refused(college, counselor, counselor.op("identification", record, exception, base=base))
    center = _login(college, "center")
    _applied(center, center.op("identification", record, exception, base=base))
    # The counselor can neither rewrite nor clear the center's exception; other edits still go through.
    base = {"visit_exception_reason": 2}
    for value in ("辅导员改写的原因", ""):
        _refused(
            college,
            counselor,
            counselor.op("identification", record, {"visit_exception_reason": value}, base=base),
        )
    _applied(
        counselor, counselor.op("identification", record, {"note": "已电话联系家长。"}, base={"note": 1})
    )


def test_the_aid_decision_is_written_only_within_scope(college: College) -> None:
    """Allowed to the counselor of the student (who also records aid), not to another counselor nor
    another college's center (out of scope looks like not-found)."""
    _other_college(college)
    student = college.server.student(college.college_id, college.counselor_a)
    counselor = _login(college, "counselor_a")
    record = new_id()
    _applied(counselor, counselor.op("identification", record, _identification(student), student_id=student))
    decision = {"aid_decision": "国家助学金一等"}
    for username in ("counselor_b", "wy_center", "school"):
        api = _login(college, username)
        reason = "forbidden" if username == "school" else UNKNOWN
        _refused(college, api, api.op("identification", record, decision, base={"aid_decision": 1}), reason)
    _applied(counselor, counselor.op("identification", record, decision, base={"aid_decision": 1}))


def test_only_the_visits_author_marks_its_family_table_verified(college: College) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    counselor = _login(college, "counselor_a")
    visit_id = new_id()
    member = {"name": "父亲", "relationship": "父子", "annual_income": "12000.00"}
    _applied(
        counselor,
        counselor.op("home_visit", visit_id, {**visit(student), "household": [member]}, student_id=student),
    )
    verified = {"household": [{**member, "verified": True}]}
    base = {"household": 1}
    center = _login(college, "center")
    _refused(college, center, center.op("home_visit", visit_id, verified, base=base))
    other = _login(college, "counselor_b")
    _refused(college, other, other.op("home_visit", visit_id, verified, base=base), UNKNOWN)
    _applied(counselor, counselor.op("home_visit", visit_id, verified, base=base))


def _this_year() -> str:
    from datetime import date

    from sync.records.academic import academic_year_of

    return academic_year_of(date.today())


def test_a_new_students_level_waits_for_the_visit_whatever_the_client(college: College) -> None:
    """先家访后认定 sent around the app: a counselor's op setting a new student's level this year without
    the 认定前核实 visit is refused; with the visit (sent in the same push) or the center's exception it
    is not."""
    year = _this_year()
    student = college.server.student(college.college_id, college.counselor_a, is_new_student=True)
    counselor = _login(college, "counselor_a")
    level = {"student_id": student, "academic_year": year, "level": "difficult"}
    _refused(
        college,
        counselor,
        counselor.op("identification", new_id(), level, student_id=student),
        "validation_failed",
    )
    pending = new_id()
    _applied(counselor, counselor.op("identification", pending, {**level, "level": None}, student_id=student))
    _refused(
        college,
        counselor,
        counselor.op("identification", pending, {"level": "difficult"}, base={"level": 1}),
        "validation_failed",
    )
    # A visit without its conclusion, or a talk in another category, does not count.
    first = int(year[:4])
    check = {
        **visit(student),
        "category": "pre_identification",
        "suggested_level": "difficult",
        "visit_date": f"{first}-06-15",
    }
    [talk] = counselor.push(
        counselor.op(
            "home_visit", new_id(), {**visit(student), "visit_date": f"{first}-06-15"}, student_id=student
        )
    )
    assert talk["status"] == "applied", talk
    _refused(
        college,
        counselor,
        counselor.op("identification", pending, {"level": "difficult"}, base={"level": 1}),
        "validation_failed",
    )
    results = counselor.push(
        counselor.op(
            "home_visit", new_id(), {**check, "verification_result": "情况属实。"}, student_id=student
        ),
        counselor.op("identification", pending, {"level": "difficult"}, base={"level": 1}),
    )
    assert [r["status"] for r in results] == ["applied", "applied"], results
    # Another new student: the center's exception reason lets the level go first.
    other = college.server.student(college.college_id, college.counselor_a, is_new_student=True)
    center = _login(college, "center")
    exception = {"visit_exception_reason": "汛期无法入户，经中心研究先行认定。"}
    _applied(
        center,
        center.op("identification", new_id(), {**level, "student_id": other, **exception}, student_id=other),
    )
