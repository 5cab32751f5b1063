"""Students, their family members and their identification (困难认定) per academic year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import ClassVar

from pydantic import Field, model_validator

from sync.records.base import Part, Record
from sync.records.enums import (
    Gender,
    HardshipCause,
    HealthStatus,
    HukouType,
    IdentificationBasis,
    IdentificationLevel,
    IdentificationStatus,
    MemberStatus,
    PoliticalStatus,
    SpecialGroup,
    TriState,
)
from sync.records.errors import FieldError, cross_field_error
from sync.records.validators import (
    AcademicYear,
    LongText,
    Money,
    Name,
    OptionalIdNumber,
    OptionalMobilePhone,
    PastDate,
    ShortText,
    StudentNo,
)

_SPECIAL_GROUPS = tuple(SpecialGroup)  # iterating the enum class itself is slow (a first sync reads many)


def unknown_special_groups() -> dict[SpecialGroup, TriState]:
    """Every special group marked "unknown" (the default until someone has checked)."""
    return dict.fromkeys(_SPECIAL_GROUPS, TriState.UNKNOWN)


class Student(Record):
    """A student's profile (shared: merged field by field)."""

    RECORD_TYPE: ClassVar[str] = "student"
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"id_number", "home_address", "phone", "parent_phone"}
    )

    student_no: StudentNo = Field(title="学号")
    name: Name = Field(title="姓名")
    gender: Gender | None = Field(None, title="性别")
    ethnicity: ShortText = Field("", title="民族", max_length=20)
    birth_date: PastDate | None = Field(None, title="出生日期")
    id_number: OptionalIdNumber = Field(None, title="身份证件号")
    college_id: str | None = Field(None, title="学院")
    major: ShortText = Field("", title="专业", max_length=100)
    grade: int | None = Field(None, title="年级", ge=1990, le=2100)
    class_name: ShortText = Field("", title="班级", max_length=50)
    political_status: PoliticalStatus | None = Field(None, title="政治面貌")
    hukou_type: HukouType | None = Field(None, title="户口性质")
    origin_place: ShortText = Field("", title="生源地", max_length=100)
    home_address: ShortText = Field("", title="家庭住址")
    phone: OptionalMobilePhone = Field(None, title="本人手机")
    parent_phone: OptionalMobilePhone = Field(None, title="家长手机")
    high_school: ShortText = Field("", title="毕业中学", max_length=100)
    talents: ShortText = Field("", title="个人特长", max_length=500)
    counselor_id: str | None = Field(None, title="辅导员")
    is_new_student: bool = Field(False, title="是否新生")

    def scope_student_ids(self) -> tuple[str, ...]:
        return (self.id,)

    @model_validator(mode="after")
    def _birth_date_matches_id(self) -> Student:
        if self.id_number and self.birth_date and self.id_number[6:14] != f"{self.birth_date:%Y%m%d}":
            raise cross_field_error([FieldError("birth_date", "出生日期与身份证号不一致")])
        return self


class FamilyMember(Record):
    """One member of a student's household."""

    RECORD_TYPE: ClassVar[str] = "family_member"
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset({"annual_income", "health", "employer"})

    student_id: str = Field(title="学生")
    name: Name = Field(title="姓名")
    age: int | None = Field(None, title="年龄", ge=0, le=130)
    relationship: Name = Field(title="与学生关系", max_length=20)
    employer: ShortText = Field("", title="工作(学习)单位", max_length=100)
    occupation: ShortText = Field("", title="职业", max_length=50)
    annual_income: Money | None = Field(None, title="年收入(元)")
    health: HealthStatus = Field(HealthStatus.HEALTHY, title="健康状况")
    status: MemberStatus = Field(MemberStatus.PRESENT, title="状态")
    note: ShortText = Field("", title="备注", max_length=500)


class IdentificationChange(Part):
    """One step of an identification's history (status or level changed)."""

    changed_on: PastDate = Field(title="日期")
    status: IdentificationStatus = Field(title="状态")
    level: IdentificationLevel | None = Field(None, title="等级")
    semester: ShortText = Field("", title="学期", max_length=30)
    note: ShortText = Field("", title="说明", max_length=500)
    changed_by_id: str | None = Field(None, title="操作人")


class Identification(Record):
    """A student's identification for one academic year, with every change kept."""

    RECORD_TYPE: ClassVar[str] = "identification"
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"special_groups", "causes", "per_capita_income", "level", "note"}
    )

    student_id: str = Field(title="学生")
    academic_year: AcademicYear = Field(title="学年")
    level: IdentificationLevel | None = Field(None, title="认定等级")
    special_groups: dict[SpecialGroup, TriState] = Field(
        default_factory=unknown_special_groups, title="特殊群体"
    )
    causes: list[HardshipCause] = Field(default_factory=list, title="致困原因")
    per_capita_income: Money | None = Field(None, title="家庭人均年收入(元)")
    identified_on: PastDate | None = Field(None, title="认定日期")
    basis: list[IdentificationBasis] = Field(default_factory=list, title="认定依据")
    without_application: bool = Field(False, title="免申即享")
    visit_before_identification: bool = Field(False, title="先家访后认定")
    visit_exception_reason: LongText = Field("", title="先家访后认定例外原因")
    aid_decision: ShortText = Field("", title="资助决定", max_length=500)
    status: IdentificationStatus = Field(IdentificationStatus.APPLIED, title="状态")
    history: list[IdentificationChange] = Field(default_factory=list, title="变更记录")
    note: LongText = Field("", title="备注")

    @model_validator(mode="after")
    def _complete_special_groups(self) -> Identification:
        if any(group not in self.special_groups for group in _SPECIAL_GROUPS):
            # Assigning through __dict__ avoids re-running validation (validate_assignment).
            self.__dict__["special_groups"] = {**unknown_special_groups(), **self.special_groups}
        return self

    def is_disadvantaged(self) -> bool:
        """True when the student is identified at one of the three disadvantaged levels."""
        return self.level is not None and self.level != IdentificationLevel.NOT_DIFFICULT

    def groups_with(self, answer: TriState) -> list[SpecialGroup]:
        return [group for group, value in self.special_groups.items() if value == answer]


def age_on(birth_date: date, day: date) -> int:
    """Full years of age on a day."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def per_capita(total_income: Decimal, members: int) -> Decimal:
    """Household income divided by the number of members, to the fen."""
    if members <= 0:
        raise ValueError("家庭人口数应大于 0")
    return (total_income / members).quantize(Decimal("0.01"))
