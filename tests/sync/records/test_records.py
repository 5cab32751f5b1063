"""Enums have complete labels; every record round-trips through JSON; registry and helpers."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum

import pytest
from pydantic import ValidationError

import sync.records as records
from sync.records import (
    ALL_RECORDS,
    RECORD_TYPES,
    AcademicResult,
    AuditEntry,
    CaseReview,
    CodedEnum,
    College,
    CollegeAcademicBenchmark,
    DifficultyType,
    EnrolmentStatus,
    FamilyMember,
    GiveBackActivity,
    GrowthReward,
    GuaranteeAid,
    HomeVisit,
    Identification,
    IdentificationLevel,
    KeySupport,
    Mentor,
    MentorAssignment,
    MonitoringFlag,
    Ownership,
    Record,
    RescueSession,
    SchoolCenter,
    SpecialGroup,
    Student,
    SupportLogEntry,
    TriState,
    User,
    VisitMode,
    WishCatalogItem,
    WishSelection,
    academic_year_bounds,
    academic_year_of,
    fake_id_number,
    previous_academic_year,
    record_type,
    validate_record,
)


def coded_enums() -> list[type[CodedEnum]]:
    return [
        value
        for value in vars(records).values()
        if isinstance(value, type) and issubclass(value, CodedEnum) and value is not CodedEnum
    ]


def test_every_enum_has_ascii_codes_and_chinese_labels() -> None:
    enums = coded_enums()
    assert len(enums) >= 30
    for enum in enums:
        labels = enum.labels()
        assert labels, enum
        for code, label in labels.items():
            assert code.isascii() and code == code.lower() and " " not in code, (enum, code)
            assert label and not label.isascii(), (enum, code, label)
        assert len(set(labels.values())) == len(labels), f"duplicate label in {enum.__name__}"
        first = next(iter(enum))
        assert enum(first.value) is first
        assert enum.from_label(first.label) is first


def test_enum_examples() -> None:
    assert VisitMode("wechat_qq").label == "微信·QQ"
    assert len(DifficultyType) == 7
    assert len(SpecialGroup) == 10
    assert IdentificationLevel.NOT_DIFFICULT.label == "不困难"
    assert isinstance(VisitMode.PHONE, StrEnum) and VisitMode.PHONE == "phone"
    with pytest.raises(ValueError, match="不是有效的选项"):
        VisitMode.from_label("飞鸽传书")


def sample_records() -> list[Record]:
    rng = random.Random(7)
    student = Student(
        student_no="20240101",
        name="李小梅",
        gender="female",
        ethnicity="汉族",
        birth_date=date(2005, 5, 6),
        id_number=fake_id_number(rng, date(2005, 5, 6)),
        major="会计学",
        grade=2024,
        class_name="会计2401",
        political_status="league_member",
        hukou_type="rural",
        origin_place="江苏盐城",
        home_address="阜宁县某镇某村",
        phone="13800138000",
        parent_phone="13900139000",
        is_new_student=True,
    )
    sid = student.id
    return [
        College(
            name="经济管理学院",
            center_director="赵书记",
            center_staff=["钱老师"],
            center_established_on=date(2024, 6, 1),
            center_site="行政楼 201",
            center_deputies=["孙老师"],
        ),
        SchoolCenter(
            site="学生事务中心 3 楼", director="学工处处长", deputies=["资助中心主任"], members=["李老师"]
        ),
        User(staff_no="T2001", name="王老师", role="counselor", phone="13700137000"),
        Mentor(
            staff_no="T3001", name="孙老师", department="心理中心", specialties=["psychological", "academic"]
        ),
        student,
        FamilyMember(
            student_id=sid,
            name="李大山",
            age=48,
            relationship="父亲",
            annual_income=Decimal("18000"),
            health="major",
        ),
        Identification(
            student_id=sid,
            academic_year="2024-2025",
            level="difficult",
            special_groups={"dibao": "yes", "orphan": "no"},
            causes=["illness"],
            per_capita_income=Decimal("4500.00"),
            identified_on=date(2024, 10, 20),
            basis=["home_visit", "democratic_review"],
            visit_before_identification=True,
            status="identified",
            history=[
                {"changed_on": "2024-09-20", "status": "applied"},
                {"changed_on": "2024-10-20", "status": "identified", "level": "difficult"},
            ],
        ),
        HomeVisit(
            student_id=sid,
            category="pre_identification",
            mode="on_site",
            visit_date=date(2024, 9, 28),
            duration_minutes=120,
            place="阜宁县板湖镇",
            visitors=[{"name": "王老师", "role": "counselor"}],
            interviewees=[{"name": "李大山", "relationship": "父亲"}],
            household=[{"name": "李大山", "relationship": "父亲", "age": 48, "annual_income": "18000"}],
            income_sources=["farming", "migrant_work"],
            income_amount=Decimal("30000"),
            housing="self_built",
            special_groups_verified={"dibao": "yes"},
            causes=["illness"],
            school_feedback="入学适应良好",
            policies_explained=["green_channel", "loan_origin"],
            gifts_amount=Decimal("500"),
            family_opinions="感谢学校",
            verification_result="家庭经济情况属实",
            suggested_level="difficult",
            key_support_suggested=True,
            suggested_difficulties=["psychological"],
            family_confirmation="paper_signature",
            family_confirmed_by="李大山",
            photo_consent=True,
            attachments=[{"sha256": "0" * 64, "file_name": "a.jpg", "size": 1024}],
            reviewed_at=datetime(2024, 10, 1, 8, tzinfo=UTC),
        ),
        GuaranteeAid(
            student_id=sid,
            academic_year="2024-2025",
            aid_type="grant",
            project_name="国家助学金",
            amount=Decimal("3300"),
            granted_on=date(2024, 11, 1),
        ),
        GrowthReward(
            student_id=sid,
            academic_year="2024-2025",
            kind="skills_training",
            description="参加财务软件技能培训",
            granted_on=date(2024, 12, 1),
        ),
        GiveBackActivity(
            student_id=sid,
            kind="aid_ambassador",
            title="资助政策宣讲",
            activity_date=date(2025, 1, 10),
            hours=Decimal("3.5"),
        ),
        KeySupport(
            student_id=sid,
            difficulty_types=["psychological"],
            started_on=date(2024, 10, 25),
            start_review={"reviewed_on": "2024-10-25", "participants": ["赵书记", "王老师"]},
        ),
        MentorAssignment(
            student_id=sid,
            mentor_id="m",
            from_date=date(2024, 11, 1),
            goals="建立自信",
            plan="每两周谈心一次",
        ),
        SupportLogEntry(
            student_id=sid,
            mentor_id="m",
            log_date=date(2024, 11, 15),
            form="heart_to_heart",
            summary="谈适应情况",
        ),
        RescueSession(
            kind="case_conference",
            session_date=date(2024, 12, 5),
            participants=[{"name": "孙老师", "role": "psychology"}],
            student_ids=[sid],
            conclusions="继续跟进",
        ),
        WishCatalogItem(
            category="employment", service_item="简历一对一指导", provider_department="就业指导中心"
        ),
        WishSelection(
            student_id=sid,
            academic_year="2024-2025",
            item_ids=["w"],
            status="completed",
            completed_on=date(2025, 3, 1),
            responsible_person="周老师",
        ),
        MonitoringFlag(
            student_id=sid,
            kind="family_emergency",
            raised_on=date(2025, 2, 1),
            description="父亲住院",
            status="resolved",
            actions=["temporary_subsidy_granted"],
            resolved_on=date(2025, 2, 10),
        ),
        AuditEntry(actor_id="u", action="print", record_type="home_visit", record_id="v", student_id=sid),
        EnrolmentStatus(
            student_id=sid, term="2024-2025-2", state="studying", applied_state="suspended", source="教务导入"
        ),
        CaseReview(
            student_id=sid,
            reviewed_on=date(2025, 3, 2),
            reviewers=["周老师", "王主任"],
            offered="临时困难补助、学业导师、以休学代替退学",
            conclusion="学生同意暂缓退学",
        ),
        AcademicResult(student_id=sid, term="2024-2025-1", gpa=2.35, failed_courses=2, source="教务导入"),
        CollegeAcademicBenchmark(
            college_id="c", term="2024-2025-1", grade=2024, median_gpa=3.1, pass_rate=92.5, student_count=410
        ),
    ]


def test_samples_cover_every_record_type() -> None:
    assert {type(record) for record in sample_records()} == set(ALL_RECORDS)


@pytest.mark.parametrize("record", sample_records(), ids=lambda record: record.RECORD_TYPE)
def test_round_trip_through_json(record: Record) -> None:
    dumped = record.model_dump(mode="json")
    again = type(record).model_validate(dumped)
    assert again == record
    assert again.model_dump(mode="json") == dumped
    assert type(record).model_validate_json(record.model_dump_json()) == record


def test_outcome_records_refuse_what_they_cannot_hold() -> None:
    with pytest.raises(ValidationError, match="学期格式"):
        EnrolmentStatus(student_id="s", term="2025-2026", state="studying")
    with pytest.raises(ValidationError, match="申请中的学籍变动与当前学籍状态相同"):
        EnrolmentStatus(student_id="s", term="2025-2026-1", state="suspended", applied_state="suspended")
    with pytest.raises(ValidationError):
        AcademicResult(student_id="s", term="2025-2026-1", gpa=5.01)
    with pytest.raises(ValidationError):
        AcademicResult(student_id="s", term="2025-2026-1", failed_courses=-1)
    with pytest.raises(ValidationError):
        CaseReview(student_id="s", reviewed_on=date(2025, 3, 2), reviewers=[], offered="补助")
    with pytest.raises(ValidationError):
        CollegeAcademicBenchmark(
            college_id="c", term="2025-2026-1", grade=2024, median_gpa=3.0, pass_rate=100.5
        )
    assert CaseReview.RESTRICTED and {"gpa", "failed_courses"} <= AcademicResult.SENSITIVE_FIELDS


def test_registry() -> None:
    assert len(RECORD_TYPES) == len(ALL_RECORDS) == 23
    for name, cls in RECORD_TYPES.items():
        assert name == cls.RECORD_TYPE
        assert name.isascii() and name == name.lower()
        assert record_type(name) is cls
        assert isinstance(cls.OWNERSHIP, Ownership)
        for field_name, info in cls.model_fields.items():
            assert info.title, f"{name}.{field_name} has no Chinese title"
        assert set(cls.model_fields) >= cls.SENSITIVE_FIELDS
    with pytest.raises(KeyError, match="未知的记录类型"):
        record_type("nothing")
    assert HomeVisit.OWNERSHIP is Ownership.AUTHOR
    assert Student.OWNERSHIP is Ownership.SHARED
    assert KeySupport.RESTRICTED and not Student.RESTRICTED


def test_ids_are_uuid7_and_distinct() -> None:
    first, second = User(staff_no="1", name="甲", role="admin"), User(staff_no="2", name="乙", role="admin")
    assert first.id != second.id
    assert first.id[14] == "7"


def test_scope_student_ids() -> None:
    by_type = {type(record): record for record in sample_records()}
    student = by_type[Student]
    assert student.scope_student_ids() == (student.id,)
    assert by_type[HomeVisit].scope_student_ids() == (student.id,)
    assert by_type[RescueSession].scope_student_ids() == (student.id,)
    assert by_type[College].scope_student_ids() == ()


def test_identification_defaults_every_group_to_unknown() -> None:
    identification = Identification(
        student_id="s", academic_year="2025-2026", special_groups={"dibao": "yes"}
    )
    assert identification.special_groups[SpecialGroup.DIBAO] is TriState.YES
    assert identification.special_groups[SpecialGroup.ORPHAN] is TriState.UNKNOWN
    assert len(identification.special_groups) == len(SpecialGroup)
    assert identification.groups_with(TriState.YES) == [SpecialGroup.DIBAO]
    assert not identification.is_disadvantaged()


def test_college_center_coverage() -> None:
    full = College(name="甲", center_site="201 室", center_director="赵", center_deputies=["钱"])
    assert full.has_center and full.center_missing == []
    # staff alone is not enough: the policy names a site, a director and deputies
    partial = College(name="乙", center_director="赵", center_staff=["钱"])
    assert not partial.has_center
    assert partial.center_missing == ["阵地(地点/房间)", "副主任"]
    assert SchoolCenter().center_missing == ["阵地(地点/房间)", "主任", "副主任"]


def test_record_rules() -> None:
    errors = validate_record(
        KeySupport, {"student_id": "s", "difficulty_types": [], "started_on": "2024-10-01"}
    )
    assert [(e.field, e.message) for e in errors] == [("difficulty_types", "至少选择一项")]
    errors = validate_record(
        KeySupport,
        {
            "student_id": "s",
            "difficulty_types": ["academic"],
            "started_on": "2024-10-01",
            "exited_on": "2024-09-01",
        },
    )
    assert {e.field: e.message for e in errors} == {
        "exited_on": "退出日期不能早于纳入日期",
        "exit_review": "退出重点帮扶须经集体评议并记录",
    }
    errors = validate_record(
        MonitoringFlag,
        {
            "student_id": "s",
            "kind": "other",
            "raised_on": "2025-01-01",
            "description": "x",
            "status": "resolved",
        },
    )
    assert {e.field: e.message for e in errors} == {
        "resolved_on": "已处理的反馈须填写处理完成日期",
        "actions": "请选择采取的处理措施",
    }
    errors = validate_record(
        WishSelection,
        {"student_id": "s", "academic_year": "2024-2025", "item_ids": ["i"], "status": "matched"},
    )
    assert {e.field: e.message for e in errors} == {"responsible_person": "已对接的心愿须填写负责人"}
    errors = validate_record(
        MentorAssignment,
        {"student_id": "s", "mentor_id": "m", "from_date": "2025-01-02", "to_date": "2025-01-01"},
    )
    assert {e.field: e.message for e in errors} == {"to_date": "结束日期不能早于开始日期"}
    errors = validate_record(AuditEntry, {"action": "print", "at": "2025-01-01T08:00:00"})
    assert {e.field: e.message for e in errors} == {"at": "时间缺少时区"}
    errors = validate_record(User, {"staff_no": "T 1", "name": "甲", "role": "boss"})
    assert {e.field: e.message for e in errors} == {
        "staff_no": "工号只能包含字母、数字和短横线",
        "role": "请从列表中选择",
    }


@pytest.mark.parametrize(
    ("day", "year"),
    [(date(2025, 9, 1), "2025-2026"), (date(2025, 8, 31), "2024-2025"), (date(2026, 1, 15), "2025-2026")],
)
def test_academic_year_of(day: date, year: str) -> None:
    assert academic_year_of(day) == year


def test_academic_year_bounds() -> None:
    assert academic_year_bounds("2025-2026") == (date(2025, 9, 1), date(2026, 8, 31))
    assert previous_academic_year("2025-2026") == "2024-2025"
