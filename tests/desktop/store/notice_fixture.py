"""A hand-built school for the 公示 tests: two colleges, students with every kind of identification
result, and personal details (ID number, phones, address, causes, income) that a notice must never show."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.store.store import Store
from sync.records import (
    College,
    HardshipCause,
    Identification,
    IdentificationLevel,
    IdentificationStatus,
    Student,
    User,
    fake_id_number,
)

YEAR = "2025-2026"
MONDAY = date(2025, 10, 13)


@dataclass(frozen=True)
class NoticeSchool:
    arts: College
    science: College
    students: dict[str, Student]  # by 学号
    listed_arts: list[str]  # 学号 of the arts students a notice lists, in the notice's order
    listed_all: list[str]
    forbidden: list[str]  # texts that must never appear on a notice


def build_notice_school(store: Store) -> NoticeSchool:
    rng = random.Random(15)
    arts = College(name="文学院", code="WX")
    science = College(name="理学院", code="LX")
    counselor = User(staff_no="T1", name="王老师", role="counselor", college_id=arts.id)
    center = User(staff_no="C1", name="张主任", role="college_center", college_id=arts.id)

    def student(no: str, name: str, college: College, grade: int, major: str, class_name: str) -> Student:
        birth = date(2006, 1 + int(no[-1]), 10)
        return Student(
            student_no=no,
            name=name,
            college_id=college.id,
            grade=grade,
            major=major,
            class_name=class_name,
            birth_date=birth,
            id_number=fake_id_number(rng, birth),
            phone=f"1380013{no[-4:]}",
            parent_phone=f"1390013{no[-4:]}",
            home_address=f"某某省某某县青石镇{no[-1]}组27号",
            counselor_id=counselor.id,
        )

    students = [
        student("A0001", "周雨桐", arts, 2025, "汉语言文学", "中文2501"),
        student("A0002", "安小禾", arts, 2025, "汉语言文学", "中文2501"),
        student("A0003", "陈默", arts, 2024, "新闻学", "新闻2401"),
        student("A0004", "杜若", arts, 2025, "汉语言文学", "中文2502"),  # not difficult
        student("A0005", "冯远", arts, 2025, "汉语言文学", "中文2502"),  # still at college review
        student("A0006", "高岚", arts, 2025, "汉语言文学", "中文2502"),  # last year's result only
        student("B0001", "韩冰", science, 2025, "物理学", "物理2501"),
    ]
    by_no = {s.student_no: s for s in students}

    def identification(
        no: str,
        level: IdentificationLevel,
        status: IdentificationStatus,
        year: str = YEAR,
    ) -> Identification:
        return Identification(
            student_id=by_no[no].id,
            academic_year=year,
            level=level,
            status=status,
            causes=[HardshipCause.ILLNESS, HardshipCause.DISASTER],
            per_capita_income=Decimal("3456.78"),
            note="父亲重病住院",
        )

    L = IdentificationLevel
    S = IdentificationStatus
    identifications = [
        identification("A0001", L.ESPECIALLY_DIFFICULT, S.IDENTIFIED),
        identification("A0002", L.DIFFICULT, S.ARCHIVED),
        identification("A0003", L.GENERALLY_DIFFICULT, S.PUBLICIZED),
        identification("A0004", L.NOT_DIFFICULT, S.IDENTIFIED),
        identification("A0005", L.DIFFICULT, S.COLLEGE_REVIEW),
        identification("A0006", L.DIFFICULT, S.IDENTIFIED, year="2024-2025"),
        identification("B0001", L.DIFFICULT, S.IDENTIFIED),
    ]
    with store.session() as s:
        s.colleges.create_many([arts, science])
        s.users.create_many([counselor, center])
        s.students.create_many(students)
        s.identifications.create_many(identifications)
    forbidden: list[str] = []
    for no in ("A0001", "A0002", "A0003", "B0001"):
        known = by_no[no]
        assert known.id_number and known.phone and known.parent_phone
        forbidden += [known.id_number, known.phone, known.parent_phone, known.home_address, no]
    forbidden += [level.label for level in L] + ["因病", "因灾", "3456.78", "父亲重病住院", "困难"]
    forbidden += ["杜若", "冯远", "高岚"]  # not listed: not difficult, not reviewed, last year
    return NoticeSchool(
        arts=arts,
        science=science,
        students=by_no,
        # by grade (2024 first), then class, then name (pinyin: 安 before 周)
        listed_arts=["A0003", "A0002", "A0001"],
        listed_all=["B0001", "A0003", "A0002", "A0001"],  # 理 (li) before 文 (wen)
        forbidden=forbidden,
    )
