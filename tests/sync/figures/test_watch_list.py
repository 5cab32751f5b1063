"""The 一个不失学 watch list and the 免申即享 aid to-do list on a hand-built school, with exact results."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sync.figures.facts import SchoolFacts
from sync.figures.watch_list import (
    AidTodo,
    WatchReason,
    WatchRules,
    aid_todo,
    count_by_college,
    watch_list,
)
from sync.records import (
    AcademicResult,
    CaseReview,
    EnrolmentStatus,
    GuaranteeAid,
    Identification,
    MonitoringFlag,
    Record,
    Student,
)

DAY = date(2025, 11, 20)  # term 2025-2026-1, academic year 2025-2026
TERM = "2025-2026-1"
FIRST = "2025-2026学年第一学期"


class School:
    def __init__(self) -> None:
        self.records: list[Record] = []
        self.ids: dict[str, str] = {}

    def student(
        self, no: str, level: str | None = "difficult", year: str = "2025-2026", college: str = "c1"
    ) -> str:
        student = Student(
            student_no=no, name=f"学生{no}", college_id=college, counselor_id="u1", class_name="一班"
        )
        self.records.append(student)
        self.ids[no] = student.id
        if level is not None:
            self.identify(student.id, level, year)
        return student.id

    def identify(self, student_id: str, level: str, year: str, **fields: object) -> None:
        self.records.append(Identification(student_id=student_id, academic_year=year, level=level, **fields))

    def status(self, student_id: str, state: str, term: str = TERM, applied: str | None = None) -> None:
        self.records.append(
            EnrolmentStatus(
                student_id=student_id, term=term, state=state, applied_state=applied, source="教务导入"
            )
        )

    def result(self, student_id: str, term: str, failed: int) -> None:
        self.records.append(AcademicResult(student_id=student_id, term=term, gpa=2.0, failed_courses=failed))

    def review(self, student_id: str, on: date, for_state: str = "withdrawn") -> None:
        self.records.append(
            CaseReview(
                student_id=student_id,
                reviewed_on=on,
                reviewers=["王主任"],
                offered="补助",
                for_state=for_state,
            )
        )

    def flag(
        self, student_id: str, days_ago: int, kind: str = "psych_or_life_anomaly", status: str = "open"
    ) -> None:
        raised = DAY - timedelta(days=days_ago)
        resolved = {"actions": ["referred"], "resolved_on": raised} if status == "resolved" else {}
        self.records.append(
            MonitoringFlag(
                student_id=student_id,
                kind=kind,
                raised_on=raised,
                description="情况",
                status=status,
                **resolved,
            )
        )

    def facts(self) -> SchoolFacts:
        return SchoolFacts.of_records(self.records)


def _listed(school: School, rules: WatchRules | None = None) -> dict[str, tuple[str, ...]]:
    numbers = {student_id: no for no, student_id in school.ids.items()}
    return {numbers[entry.student_id]: entry.reasons for entry in watch_list(school.facts(), DAY, rules)}


def test_enrolment_status_and_applications() -> None:
    school = School()
    school.status(school.student("01"), "suspended")
    school.status(school.student("02"), "withdrawn")
    reviewed = school.student("03")
    school.status(reviewed, "withdrawn")
    school.review(reviewed, date(2025, 3, 1))  # the first day of the term before: counts
    too_early = school.student("04")
    school.status(too_early, "withdrawn")
    school.review(too_early, date(2025, 2, 28))  # before the term before: does not count
    wrong_kind = school.student("05")
    school.status(wrong_kind, "withdrawn")
    school.review(wrong_kind, date(2025, 10, 1), for_state="suspended")
    school.status(school.student("06"), "studying", applied="withdrawn")
    school.status(school.student("07"), "studying", applied="suspended")
    cleared = school.student("08")
    school.status(cleared, "suspended", term="2024-2025-2")
    school.status(cleared, "studying")  # a later 在读 clears it
    ahead = school.student("09")
    school.status(ahead, "studying")
    school.status(ahead, "withdrawn", term="2025-2026-2")  # a later term than the day's: not yet
    school.status(school.student("10"), "reserved")  # 保留学籍 is not 休学/退学
    school.status(school.student("11", level="not_difficult"), "suspended")
    school.status(school.student("12", level=None), "suspended")
    assert _listed(school) == {
        "01": (f"休学（{FIRST}）",),
        "02": (f"退学（{FIRST}）", "退学未经个案评议"),
        "03": (f"退学（{FIRST}）",),
        "04": (f"退学（{FIRST}）", "退学未经个案评议"),
        "05": (f"退学（{FIRST}）", "退学未经个案评议"),
        "06": ("退学申请中",),
        "07": ("休学申请中",),
    }


def test_a_student_who_left_the_schools_care_is_not_listed() -> None:
    school = School()
    for no, state in (("01", "graduated"), ("02", "completed"), ("03", "transferred")):
        student = school.student(no)
        school.status(student, state)
        school.result(student, "2024-2025-2", failed=4)
    assert _listed(school) == {}


def test_which_identification_makes_a_student_disadvantaged() -> None:
    school = School()
    last_year = school.student("01", year="2024-2025")  # the year's identification not made yet
    school.status(last_year, "suspended")
    dropped = school.student("02", year="2024-2025")
    school.identify(dropped, "not_difficult", "2025-2026")  # this year's says 不困难
    school.status(dropped, "suspended")
    older = school.student("03", year="2023-2024")  # two years ago: not counted
    school.status(older, "suspended")
    relisted = school.student("04", level="not_difficult", year="2024-2025")
    school.identify(relisted, "especially_difficult", "2025-2026")
    school.status(relisted, "suspended")
    assert set(_listed(school)) == {"01", "04"}


def test_failed_courses_in_the_latest_term_against_the_threshold() -> None:
    school = School()
    equal = school.student("01")
    school.result(equal, "2024-2025-1", failed=5)
    school.result(equal, "2024-2025-2", failed=2)  # the latest term: exactly the threshold
    below = school.student("02")
    school.result(below, "2024-2025-1", failed=3)
    school.result(below, "2024-2025-2", failed=1)  # the latest decides
    current = school.student("03")
    school.result(current, TERM, failed=3)
    school.result(current, "2025-2026-2", failed=0)  # a later term than the day's is not read
    assert _listed(school) == {
        "01": ("2024-2025学年第二学期不及格 2 门",),
        "03": (f"{FIRST}不及格 3 门",),
    }
    assert _listed(school, WatchRules(failed_courses=3)) == {"03": (f"{FIRST}不及格 3 门",)}


def test_a_psychological_flag_unresolved_for_thirty_days() -> None:
    school = School()
    school.flag(school.student("01"), 30)
    school.flag(school.student("02"), 29)
    school.flag(school.student("03"), 90, status="resolved")
    school.flag(school.student("04"), 45, status="in_progress")
    school.flag(school.student("05"), 60, kind="family_emergency")
    two = school.student("06")
    school.flag(two, 31)
    school.flag(two, 50)
    school.flag(school.student("07", level="not_difficult"), 60)
    assert _listed(school) == {
        "01": ("心理/生活异常反馈 30 天未解决",),
        "04": ("心理/生活异常反馈 45 天未解决",),
        "06": ("心理/生活异常反馈 50 天未解决",),
    }


def test_every_reason_of_one_student_in_order_and_counts_by_college() -> None:
    school = School()
    many = school.student("01")
    school.status(many, "suspended", applied="withdrawn")
    school.result(many, "2024-2025-2", failed=3)
    school.flag(many, 40)
    school.status(school.student("02", college="c2"), "suspended")
    school.status(school.student("03", college="c2"), "withdrawn")
    entries = watch_list(school.facts(), DAY)
    first = entries[0]
    assert first.kinds == (
        WatchReason.SUSPENDED,
        WatchReason.APPLIED_WITHDRAWAL,
        WatchReason.FAILED_COURSES,
        WatchReason.PSYCH_FLAG,
    )
    assert first.reasons == (
        f"休学（{FIRST}）",
        "退学申请中",
        "2024-2025学年第二学期不及格 3 门",
        "心理/生活异常反馈 40 天未解决",
    )
    assert [entry.student_no for entry in entries] == ["01", "02", "03"]
    assert count_by_college(entries) == {"c1": 1, "c2": 2}
    assert set(first.to_json()) == {
        "student_id",
        "name",
        "student_no",
        "college_id",
        "counselor_id",
        "class_name",
        "grade",
        "kinds",
        "reasons",
    }


def _aid(student_id: str, on: date) -> GuaranteeAid:
    return GuaranteeAid(
        student_id=student_id,
        academic_year="2025-2026",
        aid_type="grant",
        project_name="国家助学金",
        amount=Decimal("1650"),
        granted_on=on,
    )


def test_aid_to_do_of_students_identified_without_an_application() -> None:
    school = School()
    due_today = school.student("01", level=None)
    school.identify(
        due_today, "difficult", "2025-2026", without_application=True, identified_on=DAY - timedelta(days=30)
    )
    late = school.student("02", level=None)
    school.identify(
        late, "difficult", "2025-2026", without_application=True, identified_on=DAY - timedelta(days=31)
    )
    aided_late = school.student("03", level=None)
    school.identify(
        aided_late, "difficult", "2025-2026", without_application=True, identified_on=date(2025, 10, 1)
    )
    school.records.append(_aid(aided_late, date(2025, 11, 15)))
    aided_before = school.student("04", level=None)
    school.identify(
        aided_before,
        "especially_difficult",
        "2025-2026",
        without_application=True,
        identified_on=date(2025, 10, 1),
    )
    school.records.append(_aid(aided_before, date(2025, 9, 20)))  # before the identification: not its aid
    applied = school.student("05", level=None)
    school.identify(applied, "difficult", "2025-2026", identified_on=date(2025, 9, 1))
    not_difficult = school.student("06", level=None)
    school.identify(
        not_difficult, "not_difficult", "2025-2026", without_application=True, identified_on=date(2025, 9, 1)
    )
    undated = school.student("07", level=None)
    school.identify(undated, "difficult", "2025-2026", without_application=True)
    todos = aid_todo(school.facts(), DAY)
    assert todos == [
        AidTodo(
            student_id=aided_before,
            name="学生04",
            student_no="04",
            college_id="c1",
            counselor_id="u1",
            class_name="一班",
            identified_on=date(2025, 10, 1),
            due_on=date(2025, 10, 31),
            days_overdue=20,
        ),
        AidTodo(
            student_id=late,
            name="学生02",
            student_no="02",
            college_id="c1",
            counselor_id="u1",
            class_name="一班",
            identified_on=date(2025, 10, 20),
            due_on=date(2025, 11, 19),
            days_overdue=1,
        ),
    ]
