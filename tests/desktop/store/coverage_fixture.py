"""A small school with hand-computed coverages for 2025-2026 (see the numbers in test_coverage.py).

Disadvantaged in 2025-2026: s1 s2 s3 s4 s7 s8 (s5 is 不困难, s6 has no identification this year).
Key support active on 2026-08-31: s1 s4 (s2 exited by review in May; s6's support is still open but s6
is not identified as disadvantaged this year, so s6 is no key-support student).
Centers: 文学院 and 艺术学院 complete, 理学院 lacks site and deputy, the school center is complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.store.store import Store
from sync.records import (
    College,
    GrowthReward,
    GuaranteeAid,
    HomeVisit,
    Identification,
    KeySupport,
    Mentor,
    MentorAssignment,
    MonitoringFlag,
    RescueSession,
    ReviewRecord,
    SchoolCenter,
    Student,
    User,
)

YEAR = "2025-2026"


def visit(student_id: str, day: date, **fields: Any) -> HomeVisit:
    return HomeVisit.model_validate(
        {
            "student_id": student_id,
            "category": "annual_coverage",
            "mode": "on_site",
            "visit_date": day,
            "duration_minutes": 60,
            "visitors": [{"name": "王老师"}],
            "school_feedback": "在校表现良好",
            "family_opinions": "无",
            **fields,
        }
    )


def reward(student_id: str, year: str, day: date) -> GrowthReward:
    return GrowthReward(
        student_id=student_id, academic_year=year, kind="commendation", description="优秀学生", granted_on=day
    )


def identification(student_id: str, year: str, level: str | None, **fields: Any) -> Identification:
    return Identification.model_validate(
        {"student_id": student_id, "academic_year": year, "level": level, **fields}
    )


@dataclass
class School:
    arts: College
    science: College
    empty: College
    wang: User
    li: User
    students: dict[str, Student]

    def id(self, key: str) -> str:
        return self.students[key].id


def build_school(store: Store) -> School:
    arts = College(
        name="文学院", center_site="文科楼 101", center_director="张主任", center_deputies=["刘老师"]
    )
    science = College(name="理学院", center_director="陈主任", center_staff=["何老师"])  # no site, deputy
    empty = College(
        name="艺术学院", center_site="艺术楼 2 楼", center_director="周主任", center_deputies=["吴老师"]
    )
    school_center = SchoolCenter(site="学生事务中心", director="学工处处长", deputies=["资助中心主任"])
    closed = College(name="旧学院", active=False)
    wang = User(staff_no="T1", name="王老师", role="counselor", college_id=arts.id)
    li = User(staff_no="T2", name="李老师", role="counselor", college_id=science.id)

    def student(no: str, name: str, college: College, class_name: str, counselor: User, **kw: Any) -> Student:
        return Student(
            student_no=no,
            name=name,
            college_id=college.id,
            class_name=class_name,
            counselor_id=counselor.id,
            **kw,
        )

    s = {
        "s1": student("A001", "张三", arts, "中文2501", wang),
        "s2": student("A002", "李四", arts, "中文2501", wang),
        "s3": student("A003", "王五", arts, "中文2502", wang, is_new_student=True),
        "s8": student("A004", "郑十", arts, "中文2502", wang, is_new_student=True),
        "s4": student("B001", "赵六", science, "物理2501", li),
        "s5": student("B002", "孙七", science, "物理2501", li),
        "s6": student("B003", "周八", science, "物理2502", li),
        "s7": student("B004", "吴九", science, "物理2501", li),
    }
    ids = {key: value.id for key, value in s.items()}
    good_mentor = Mentor(staff_no="M1", name="钱导师", specialties=["psychological"])
    gone_mentor = Mentor(staff_no="M2", name="冯导师", specialties=["academic"], active=False)
    review = ReviewRecord(reviewed_on=date(2026, 5, 1), participants=["张主任"], conclusion="已达成目标")
    with store.session() as db:
        db.colleges.create_many([arts, science, empty, closed])
        db.school_centers.create(school_center)
        db.users.create_many([wang, li])
        db.mentors.create_many([good_mentor, gone_mentor])
        db.students.create_many(list(s.values()))
        db.identifications.create_many(
            [
                identification(ids["s1"], YEAR, "difficult", aid_decision="国家助学金一等"),
                identification(ids["s2"], YEAR, "especially_difficult"),
                identification(ids["s3"], YEAR, None, visit_before_identification=True),
                identification(ids["s8"], YEAR, None, visit_before_identification=True),
                # identified in the middle of the year; visited before that
                identification(ids["s4"], YEAR, "generally_difficult", identified_on=date(2026, 3, 15)),
                identification(ids["s5"], YEAR, "not_difficult"),
                identification(ids["s6"], "2024-2025", "difficult"),
                identification(ids["s7"], YEAR, "difficult"),
                identification(ids["s7"], "2024-2025", "difficult"),
            ]
        )
        deleted = visit(ids["s7"], date(2025, 12, 1))
        db.visits.create_many(
            [
                visit(ids["s1"], date(2025, 10, 10), mode="video", student_traits="开朗"),  # online counts
                visit(ids["s2"], date(2026, 3, 1)),  # no traits
                visit(
                    ids["s8"],
                    date(2025, 9, 20),
                    mode="phone",
                    category="pre_identification",
                    verification_result="属实",
                    suggested_level="difficult",
                ),
                visit(ids["s4"], date(2025, 11, 1), student_traits="勤奋"),
                visit(ids["s5"], date(2025, 11, 2)),
                visit(ids["s7"], date(2026, 1, 5), status="draft"),  # a draft does not count
                visit(ids["s7"], date(2024, 10, 1), student_traits="内向"),  # last year: archive only
                deleted,
            ]
        )
        db.visits.delete(deleted.id)
        db.rewards.create_many(
            [
                reward(ids["s1"], YEAR, date(2025, 12, 20)),
                reward(ids["s4"], YEAR, date(2026, 4, 1)),
                reward(ids["s7"], "2024-2025", date(2025, 5, 1)),
            ]
        )
        db.aid.create(
            GuaranteeAid(
                student_id=ids["s4"],
                academic_year=YEAR,
                aid_type="grant",
                project_name="国家助学金",
                amount="3300",
                granted_on=date(2025, 11, 20),
            )
        )
        support_s1 = KeySupport(
            student_id=ids["s1"], difficulty_types=["psychological"], started_on=date(2025, 10, 1)
        )
        db.key_supports.create_many(
            [
                support_s1,
                KeySupport(
                    student_id=ids["s2"],
                    difficulty_types=["academic"],
                    started_on=date(2025, 11, 1),
                    exited_on=date(2026, 5, 1),
                    exit_review=review,
                ),
                KeySupport(student_id=ids["s4"], difficulty_types=["academic"], started_on=date(2026, 1, 10)),
                KeySupport(
                    student_id=ids["s6"], difficulty_types=["employment"], started_on=date(2024, 9, 1)
                ),
            ]
        )
        db.mentor_assignments.create_many(
            [
                MentorAssignment(
                    student_id=ids["s1"],
                    mentor_id=good_mentor.id,
                    key_support_id=support_s1.id,
                    from_date=date(2025, 10, 5),
                ),
                MentorAssignment(
                    student_id=ids["s4"],
                    mentor_id=good_mentor.id,
                    from_date=date(2026, 1, 15),
                    to_date=date(2026, 6, 30),
                ),
                MentorAssignment(student_id=ids["s6"], mentor_id=gone_mentor.id, from_date=date(2024, 9, 5)),
            ]
        )
        participants = [{"name": "王老师", "role": "counselor"}]
        db.rescue_sessions.create_many(
            [
                RescueSession.model_validate(
                    {
                        "kind": "rescue_education",
                        "session_date": date(2025, 12, 1),
                        "participants": participants,
                        "student_ids": [ids["s1"]],
                    }
                ),
                RescueSession.model_validate(
                    {
                        "kind": "case_conference",
                        "session_date": date(2026, 3, 1),
                        "participants": participants,
                        "student_ids": [ids["s1"]],
                    }
                ),
                RescueSession.model_validate(
                    {
                        "kind": "case_conference",
                        "session_date": date(2026, 2, 1),
                        "participants": participants,
                        "student_ids": [ids["s6"], ids["s5"]],
                    }
                ),
                RescueSession.model_validate(
                    {
                        "kind": "case_conference",
                        "session_date": date(2025, 5, 1),
                        "participants": participants,
                        "student_ids": [ids["s4"]],
                    }
                ),
            ]
        )
        db.flags.create_many(
            [
                MonitoringFlag(
                    student_id=ids["s1"],
                    kind="family_emergency",
                    raised_on=date(2025, 12, 1),
                    description="父亲住院",
                ),
                MonitoringFlag(
                    student_id=ids["s4"],
                    kind="psych_or_life_anomaly",
                    raised_on=date(2026, 1, 1),
                    description="情绪低落",
                    status="resolved",
                    actions=["referred"],
                    resolved_on=date(2026, 2, 1),
                ),
            ]
        )
    return School(arts, science, empty, wang, li, s)
