"""The generated records are valid, consistent with each other and realistic."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel

from sync.demo.regions import COUNTIES
from sync.demo.school import build_school
from sync.records import (
    AuditAction,
    HomeVisit,
    Identification,
    Record,
    Student,
    academic_year_of,
)
from sync.records.enums import CodedEnum
from sync.records.id_numbers import birth_date_of
from sync.records.validators import check_id_number
from tests.sync.demo.conftest import STUDENTS, TODAY

PHONE = re.compile(r"^1[3-9]\d{9}$")


def test_every_record_validates(demo_records: list[Record]) -> None:
    for record in demo_records:
        again = type(record).model_validate(record.model_dump())
        assert again == record
        assert type(record).model_validate_json(record.model_dump_json()) == record


def test_id_numbers_are_valid_fakes_matching_birth_date_region_and_gender(
    by_type: dict[str, list[Any]],
) -> None:
    codes = {county.origin_place: county.code for county in COUNTIES}
    students: list[Student] = by_type["student"]
    assert len(students) == STUDENTS
    for student in students:
        assert student.id_number is not None
        assert check_id_number(student.id_number) == student.id_number
        assert birth_date_of(student.id_number) == student.birth_date
        assert student.id_number[:6] == codes[student.origin_place]
        odd = int(student.id_number[16]) % 2 == 1
        assert odd == (student.gender is not None and student.gender.value == "male")


def test_birth_dates_fit_the_grade(by_type: dict[str, list[Any]]) -> None:
    for student in by_type["student"]:
        age_at_entry = student.grade - student.birth_date.year
        assert 16 <= age_at_entry <= 21


def test_phones_look_like_mainland_mobiles(by_type: dict[str, list[Any]]) -> None:
    for student in by_type["student"]:
        assert PHONE.match(student.phone)
        assert student.parent_phone is None or PHONE.match(student.parent_phone)
    for user in by_type["user"]:
        assert PHONE.match(user.phone)


def _enum_values(value: Any, found: set[Enum]) -> None:
    if isinstance(value, Enum):
        found.add(value)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _enum_values(getattr(value, name), found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _enum_values(key, found)
            _enum_values(item, found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _enum_values(item, found)


def test_every_enum_value_appears(demo_records: list[Record]) -> None:
    found: set[Enum] = set()
    for record in demo_records:
        _enum_values(record, found)
    # Audit entries are written by the store as people work, not generated. Only the enums of the
    # records count: other packages (e.g. the coverage measures) define coded enums of their own.
    enums = [
        enum
        for enum in CodedEnum.__subclasses__()
        if enum is not AuditAction and enum.__module__.startswith("sync.records")
    ]
    missing = [f"{enum.__name__}.{member.name}" for enum in enums for member in enum if member not in found]
    assert missing == []


def test_notes_are_varied_and_some_are_long(by_type: dict[str, list[Any]]) -> None:
    visits: list[HomeVisit] = by_type["home_visit"]
    notes = [visit.follow_up for visit in visits]
    assert len(set(notes)) == len(notes)
    assert sum(len(note) >= 1000 for note in notes) >= 10
    traits = [visit.student_traits for visit in visits if visit.student_traits]
    assert len(set(traits)) > 0.8 * len(traits)
    openings = Counter(note[note.index("，") + 1 : note.index("，") + 8] for note in notes)
    assert len(openings) > 10
    summaries = [log.summary for log in by_type["support_log_entry"]]
    assert len(set(summaries)) > 0.5 * len(summaries)


def test_online_notes_do_not_describe_the_house(by_type: dict[str, list[Any]]) -> None:
    for visit in by_type["home_visit"]:
        if visit.mode.value in ("phone", "wechat_qq"):
            assert "村口" not in visit.follow_up
            assert "书桌" not in visit.follow_up


def test_references_point_to_generated_records(by_type: dict[str, list[Any]]) -> None:
    students = {s.id: s for s in by_type["student"]}
    users = {u.id for u in by_type["user"]}
    mentors = {m.id for m in by_type["mentor"]}
    visits = {v.id: v for v in by_type["home_visit"]}
    catalog = {item.id for item in by_type["wish_catalog_item"]}
    colleges = {c.id for c in by_type["college"]}
    for student in students.values():
        assert student.counselor_id in users
        assert student.college_id in colleges
    for record_type, records in by_type.items():
        for record in records:
            # An objection to a notice may name no student (student_id is optional there).
            if getattr(record, "student_id", None) is not None and record_type != "student":
                assert record.student_id in students
    for assignment in by_type["mentor_assignment"]:
        assert assignment.mentor_id in mentors
    for mentor in by_type["mentor"]:
        assert mentor.user_id in users
    for wish in by_type["wish_selection"]:
        assert set(wish.item_ids) <= catalog
        if wish.visit_id is not None:
            assert visits[wish.visit_id].student_id == wish.student_id
            assert visits[wish.visit_id].wish_list_state.value == "filled_in"
    for session in by_type["rescue_session"]:
        assert set(session.student_ids) <= set(students)
    notices = {n.id: n for n in by_type["public_notice"]}
    for notice in notices.values():
        assert {students[s].college_id for s in notice.student_ids} == {notice.college_id}
    for objection in by_type["notice_objection"]:
        notice = notices[objection.notice_id]
        assert notice.published_on <= objection.received_on <= notice.ends_on
        assert objection.resolved_on is None or objection.resolved_on <= notice.ends_on
    for talk in by_type["one_to_one_talk"]:
        assert talk.talked_by_id == students[talk.student_id].counselor_id
    student_nos = [s.student_no for s in students.values()]
    assert len(set(student_nos)) == len(student_nos)


def test_people_look_realistic(by_type: dict[str, list[Any]]) -> None:
    students: list[Student] = by_type["student"]
    genders = Counter(s.gender for s in students)
    assert min(genders.values()) > 0.35 * len(students)
    ethnic = Counter(s.ethnicity for s in students)
    assert ethnic["汉族"] > 0.85 * len(students)
    assert len(ethnic) >= 5
    surnames = Counter(s.name[0] for s in students)
    assert surnames.most_common(1)[0][0] in "王李张刘陈"
    hukou = Counter(s.hukou_type.value for s in students if s.hukou_type is not None)
    assert hukou["rural"] > hukou["urban"]
    provinces = {s.origin_place[:3] for s in students}
    assert len(provinces) >= 8
    assert any(s.is_new_student for s in students)


def test_counselor_ratio_at_full_size() -> None:
    school = build_school(2024, 20_000, TODAY)
    counselors = sum(len(staff.counselors) for staff in school.colleges)
    assert 150 <= 20_000 / counselors <= 200
    assert 6 <= len(school.colleges) <= 10


def _coverages(by_type: dict[str, list[Any]]) -> dict[str, float]:
    year = academic_year_of(TODAY)
    identifications: list[Identification] = by_type["identification"]
    disadvantaged = {
        i.student_id for i in identifications if i.academic_year == year and i.is_disadvantaged()
    }
    visited = {v.student_id for v in by_type["home_visit"] if academic_year_of(v.visit_date) == year}
    rewarded = {r.student_id for r in by_type["growth_reward"] if r.academic_year == year}
    traits = {v.student_id for v in by_type["home_visit"] if v.student_traits}
    key = {k.student_id for k in by_type["key_support"] if k.active}
    mentored = {a.student_id for a in by_type["mentor_assignment"] if a.active_on(TODAY)}
    rescued = {
        sid
        for s in by_type["rescue_session"]
        if academic_year_of(s.session_date) == year
        for sid in s.student_ids
    }
    colleges = by_type["college"]
    return {
        "center": sum(c.has_center for c in colleges) / len(colleges),
        "visits": len(disadvantaged & visited) / len(disadvantaged),
        "rewards": len(disadvantaged & rewarded) / len(disadvantaged),
        "archive": len(disadvantaged & visited & rewarded & traits) / len(disadvantaged),
        "mentors": len(key & mentored) / len(key),
        "rescue": len(key & rescued) / len(key),
        "key_share": len(key) / len(disadvantaged),
    }


def test_coverages_are_realistic(by_type: dict[str, list[Any]]) -> None:
    coverages = _coverages(by_type)
    for name in ("center", "visits", "rewards", "archive", "mentors", "rescue"):
        assert 0.6 < coverages[name] < 1.0, (name, coverages[name])
    assert 0.07 <= coverages["key_share"] <= 0.14


def test_some_new_students_wait_for_their_first_visit(by_type: dict[str, list[Any]]) -> None:
    year = academic_year_of(TODAY)
    visited = {v.student_id for v in by_type["home_visit"]}
    waiting = [
        i
        for i in by_type["identification"]
        if i.academic_year == year and i.visit_before_identification and i.student_id not in visited
    ]
    assert waiting
    assert all(i.level is None for i in waiting)


def test_identification_history_covers_three_years(by_type: dict[str, list[Any]]) -> None:
    years = Counter(i.academic_year for i in by_type["identification"])
    assert len(years) == 3
    per_student = Counter(i.student_id for i in by_type["identification"])
    assert max(per_student.values()) == 3
    changed = [
        i for i in by_type["identification"] if len({step.level for step in i.history if step.level}) > 1
    ]
    assert changed  # some levels were adjusted within a year


def test_nothing_is_dated_after_today(demo_records: list[Record]) -> None:
    for record in demo_records:
        for name, value in record:
            day = value.date() if isinstance(value, datetime) else value
            if isinstance(day, date):
                assert day <= TODAY, (record.RECORD_TYPE, name)
