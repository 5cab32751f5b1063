"""Each field validator, valid and invalid, with the exact Chinese message."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from pydantic import ValidationError

from sync.records import (
    MSG_FUTURE_DATE,
    MSG_ID_BIRTH_DATE,
    MSG_ID_CHECKSUM,
    MSG_ID_FORMAT,
    MSG_ID_LENGTH,
    MSG_PHONE,
    MSG_PLACE,
    FamilyMember,
    GuaranteeAid,
    HomeVisit,
    Student,
    check_char,
    fake_id_number,
    field_errors,
    mask_id_number,
    mask_phone,
    validate_record,
)

# A published sample number from GB 11643 documentation: 11010519491231002X
SAMPLE_ID = "11010519491231002X"


def student_errors(**fields: object) -> dict[str, str]:
    data: dict[str, object] = {"student_no": "2024001", "name": "测试学生"}
    data.update(fields)
    with pytest.raises(ValidationError) as info:
        Student.model_validate(data)
    return field_errors(info.value)


def test_sample_id_number_is_valid_and_normalised() -> None:
    assert check_char(SAMPLE_ID[:17]) == "X"
    student = Student(student_no="1", name="甲", id_number=SAMPLE_ID.lower())
    assert student.id_number == SAMPLE_ID


@pytest.mark.parametrize(
    ("id_number", "message"),
    [
        ("1101051949123100", MSG_ID_LENGTH),
        ("11010519491231002XX", MSG_ID_LENGTH),
        ("1101051949123100AX", MSG_ID_FORMAT),
        ("X10105194912310021", MSG_ID_FORMAT),
        ("110105194913310021", MSG_ID_BIRTH_DATE),
        ("110105194902300021", MSG_ID_BIRTH_DATE),
        ("110105189901010021", MSG_ID_BIRTH_DATE),
        ("110105194912310021", MSG_ID_CHECKSUM),
    ],
)
def test_bad_id_numbers(id_number: str, message: str) -> None:
    assert student_errors(id_number=id_number) == {"id_number": message}


def test_id_number_with_future_birth_date() -> None:
    future = date.today() + timedelta(days=400)
    number = fake_id_number(random.Random(3), future)
    assert student_errors(id_number=number) == {"id_number": MSG_ID_BIRTH_DATE}


def test_blank_id_number_and_phones_mean_not_given() -> None:
    student = Student(student_no="1", name="甲", id_number="  ", phone="", parent_phone=None)
    assert student.id_number is None
    assert student.phone is None


def test_fake_id_numbers_are_checksum_valid() -> None:
    rng = random.Random(42)
    for offset in range(200):
        born = date(1960, 1, 1) + timedelta(days=offset * 97)
        number = fake_id_number(rng, born, "320923")
        assert number.startswith("320923" + born.strftime("%Y%m%d"))
        assert Student(student_no="1", name="甲", id_number=number, birth_date=born).id_number == number


def test_fake_id_number_rejects_bad_region() -> None:
    with pytest.raises(ValueError, match="地区代码"):
        fake_id_number(random.Random(1), date(2000, 1, 1), "32")


def test_birth_date_must_match_id_number() -> None:
    number = fake_id_number(random.Random(1), date(2005, 6, 1))
    assert student_errors(id_number=number, birth_date=date(2005, 6, 2)) == {
        "birth_date": "出生日期与身份证号不一致"
    }


@pytest.mark.parametrize("phone", ["13800138000", "199 0000 1111", "+86 152-0000-1111", "16612345678"])
def test_good_phones(phone: str) -> None:
    assert Student(student_no="1", name="甲", phone=phone).phone is not None


@pytest.mark.parametrize("phone", ["12800138000", "1380013800", "138001380001", "0512-6666666", "abc"])
def test_bad_phones(phone: str) -> None:
    assert student_errors(parent_phone=phone) == {"parent_phone": MSG_PHONE}


def test_dates_not_in_the_future() -> None:
    tomorrow = date.today() + timedelta(days=1)
    assert student_errors(birth_date=tomorrow) == {"birth_date": MSG_FUTURE_DATE}
    assert Student(student_no="1", name="甲", birth_date=date.today()).birth_date == date.today()


def test_required_and_length_messages() -> None:
    assert student_errors(name="") == {"name": "不能为空"}
    assert student_errors(name="长" * 51) == {"name": "最多 50 个字符"}
    with pytest.raises(ValidationError) as info:
        Student.model_validate({"name": "甲"})
    assert field_errors(info.value) == {"student_no": "此项为必填"}
    assert student_errors(student_no="2024-001") == {"student_no": "学号只能包含字母和数字"}
    assert student_errors(gender="x") == {"gender": "请从列表中选择"}
    assert student_errors(grade="abc") == {"grade": "应为整数"}


def test_amounts_not_negative() -> None:
    errors = validate_record(
        FamilyMember, {"student_id": "s", "name": "父", "relationship": "父亲", "annual_income": "-1"}
    )
    assert [(e.field, e.message) for e in errors] == [("annual_income", "不能小于 0")]
    errors = validate_record(
        FamilyMember, {"student_id": "s", "name": "父", "relationship": "父亲", "annual_income": "1.234"}
    )
    assert [(e.field, e.message) for e in errors] == [("annual_income", "最多 2 位小数")]
    member = FamilyMember(student_id="s", name="父", relationship="父亲", annual_income=Decimal("12000.50"))
    assert member.annual_income == Decimal("12000.50")


def test_aid_needs_amount_or_position() -> None:
    base = {
        "student_id": "s",
        "academic_year": "2024-2025",
        "project_name": "国家助学金",
        "granted_on": "2024-10-01",
    }
    errors = validate_record(GuaranteeAid, {**base, "aid_type": "grant"})
    assert [(e.field, e.message) for e in errors] == [("amount", "请填写金额或岗位")]
    errors = validate_record(GuaranteeAid, {**base, "aid_type": "work_study"})
    assert [(e.field, e.message) for e in errors] == [("position", "请填写金额或岗位")]
    assert validate_record(GuaranteeAid, {**base, "aid_type": "work_study", "position": "图书馆助理"}) == []
    errors = validate_record(
        GuaranteeAid, {**base, "aid_type": "grant", "academic_year": "2024-2026", "amount": 1}
    )
    assert [(e.field, e.message) for e in errors] == [("academic_year", "学年格式应为“2025-2026”")]


def visit_data(**fields: object) -> dict[str, object]:
    data: dict[str, object] = {
        "student_id": "s",
        "category": "annual_coverage",
        "mode": "on_site",
        "visit_date": "2024-11-02",
        "duration_minutes": 90,
        "place": "阜宁县板湖镇",
        "visitors": [{"name": "王老师", "role": "counselor"}],
        "school_feedback": "学习认真，担任班级学习委员。",
        "family_opinions": "希望学校多关心孩子的身体。",
    }
    data.update(fields)
    return data


def visit_errors(**fields: object) -> dict[str, str]:
    return {e.field: e.message for e in validate_record(HomeVisit, visit_data(**fields))}


def test_valid_visit() -> None:
    assert visit_errors() == {}


def test_visit_always_requires_feedback_and_opinions() -> None:
    assert visit_errors(school_feedback="", family_opinions=" ", visitors=[]) == {
        "visitors": "请至少填写一名家访人员",
        "school_feedback": "在校表现反馈为必填项",
        "family_opinions": "家长及学生意见建议为必填项",
    }


def test_pre_identification_visit_requires_verification() -> None:
    assert visit_errors(category="pre_identification") == {
        "verification_result": "认定前核实须填写核实结论",
        "suggested_level": "认定前核实须填写档次建议",
    }
    assert (
        visit_errors(
            category="pre_identification", verification_result="情况属实", suggested_level="difficult"
        )
        == {}
    )


def test_draft_visit_may_be_incomplete_but_not_inconsistent() -> None:
    assert visit_errors(status="draft", school_feedback="", family_opinions="", visitors=[]) == {}
    attachment = {"sha256": "a" * 64, "file_name": "p.jpg", "size": 10}
    assert visit_errors(status="draft", attachments=[attachment]) == {
        "photo_consent": "上传照片前须记录学生的拍照同意"
    }


def test_visit_field_rules() -> None:
    assert visit_errors(duration_minutes=0) == {"duration_minutes": "必须大于 0"}
    assert visit_errors(place="板湖镇新河村12号") == {"place": MSG_PLACE}
    assert visit_errors(visit_date=(date.today() + timedelta(days=1)).isoformat()) == {
        "visit_date": MSG_FUTURE_DATE
    }
    assert visit_errors(gifts_amount=-5) == {"gifts_amount": "不能小于 0"}
    assert visit_errors(key_support_suggested=True) == {
        "suggested_difficulties": "建议重点帮扶时请选择困难类型"
    }
    assert visit_errors(visitors=[{"name": "", "role": "counselor"}]) == {"visitors.0.name": "不能为空"}
    assert visit_errors(family_confirmation="online") == {"family_confirmed_by": "请填写确认人"}


def test_assignment_is_validated() -> None:
    visit = HomeVisit.model_validate(visit_data())
    with pytest.raises(ValidationError) as info:
        visit.school_feedback = ""
    assert field_errors(info.value) == {"school_feedback": "在校表现反馈为必填项"}


def test_masks() -> None:
    assert mask_id_number(SAMPLE_ID) == "110105********002X"
    assert mask_id_number(None) == ""
    assert mask_id_number("12345") == "*****"
    assert mask_phone("13800138000") == "138****8000"
    assert mask_phone("") == ""
