"""The home visit (家访记录): the heart of the app."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import AwareDatetime, Field, StringConstraints, model_validator

from sync.records.base import Part, Record
from sync.records.enums import (
    ConfirmationMethod,
    DifficultyType,
    HardshipCause,
    HealthStatus,
    HousingType,
    IdentificationLevel,
    IncomeSource,
    MemberStatus,
    Ownership,
    Policy,
    SpecialGroup,
    TriState,
    VisitCategory,
    VisitMode,
    VisitorRole,
    VisitStatus,
    WishListState,
)
from sync.records.errors import FieldError, cross_field_error
from sync.records.record_numbers import RECORD_NO_PATTERN
from sync.records.students import unknown_special_groups
from sync.records.validators import LongText, Minutes, Money, Name, PastDate, Place, ShortText

# Empty until the laptop that made the record has its device number (see record_numbers).
RecordNo = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=40, pattern=f"{RECORD_NO_PATTERN}|^$")
]

ONLINE_MODES: frozenset[VisitMode] = frozenset({VisitMode.PHONE, VisitMode.VIDEO, VisitMode.WECHAT_QQ})


class Visitor(Part):
    name: Name = Field(title="姓名")
    role: VisitorRole = Field(VisitorRole.COUNSELOR, title="身份")
    user_id: str | None = Field(None, title="对应账号")


class Interviewee(Part):
    name: Name = Field(title="姓名")
    relationship: Name = Field(title="与学生关系", max_length=20)


class HouseholdMember(Part):
    """A family member as found on the visit (applied to the family table when the visit is saved)."""

    family_member_id: str | None = Field(None, title="家庭成员")
    name: Name = Field(title="姓名")
    age: int | None = Field(None, title="年龄", ge=0, le=130)
    relationship: Name = Field(title="与学生关系", max_length=20)
    employer: ShortText = Field("", title="工作(学习)单位", max_length=100)
    occupation: ShortText = Field("", title="职业", max_length=50)
    annual_income: Money | None = Field(None, title="年收入(元)")
    health: HealthStatus = Field(HealthStatus.HEALTHY, title="健康状况")
    status: MemberStatus = Field(MemberStatus.PRESENT, title="状态")
    verified: bool = Field(False, title="本次核实")  # checked in person (or by call) on this visit


class Attachment(Part):
    """A photo or signed scan, content-addressed; the bytes live encrypted in the attachment store."""

    sha256: str = Field(title="摘要", pattern=r"^[0-9a-f]{64}$")
    file_name: ShortText = Field(title="文件名", max_length=200)
    media_type: ShortText = Field("image/jpeg", title="类型", max_length=100)
    size: int = Field(title="大小", ge=0)


class HomeVisit(Record):
    """One home visit, in any mode; online modes count toward coverage too."""

    RECORD_TYPE: ClassVar[str] = "home_visit"
    OWNERSHIP: ClassVar[Ownership] = Ownership.AUTHOR
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {
            "household",
            "income_sources",
            "income_amount",
            "income_notes",
            "main_expenses",
            "debts_amount",
            "debts_notes",
            "housing_notes",
            "special_groups_verified",
            "causes",
            "recent_shocks",
            "student_traits",
            "family_opinions",
            "verification_result",
            "follow_up",
            "attachments",
        }
    )

    student_id: str = Field(title="学生")
    category: VisitCategory = Field(title="家访类别")
    mode: VisitMode = Field(title="家访形式")
    visit_date: PastDate = Field(title="家访日期")
    duration_minutes: Minutes = Field(title="时长(分钟)")
    place: Place = Field("", title="地点(县/镇)")
    visitors: list[Visitor] = Field(default_factory=list, title="家访人员")
    interviewees: list[Interviewee] = Field(default_factory=list, title="受访人")
    household: list[HouseholdMember] = Field(default_factory=list, title="家庭成员情况")
    income_sources: list[IncomeSource] = Field(default_factory=list, title="收入来源")
    income_amount: Money | None = Field(None, title="家庭年收入(元)")
    income_notes: LongText = Field("", title="收入情况说明")
    main_expenses: LongText = Field("", title="主要支出")
    debts_amount: Money | None = Field(None, title="负债金额(元)")
    debts_notes: LongText = Field("", title="负债情况")
    housing: HousingType | None = Field(None, title="住房情况")
    housing_notes: LongText = Field("", title="住房说明")
    special_groups_verified: dict[SpecialGroup, TriState] = Field(
        default_factory=unknown_special_groups, title="特殊群体核实"
    )
    causes: list[HardshipCause] = Field(default_factory=list, title="致困原因")
    recent_shocks: LongText = Field("", title="近期突发情况")
    suggest_temporary_subsidy: bool = Field(False, title="建议临时困难补助")
    student_traits: LongText = Field("", title="学生特点/在家表现")
    school_feedback: LongText = Field("", title="在校表现反馈")
    aid_explained: LongText = Field("", title="受助情况告知")
    policies_explained: list[Policy] = Field(default_factory=list, title="政策宣传内容")
    gifts_amount: Money | None = Field(None, title="慰问金(元)")
    gifts_items: ShortText = Field("", title="慰问品", max_length=500)
    wish_list_state: WishListState = Field(WishListState.NOT_HANDED_OUT, title="心愿单填写情况")
    family_opinions: LongText = Field("", title="家长及学生意见建议")
    verification_result: LongText = Field("", title="核实结论")
    suggested_level: IdentificationLevel | None = Field(None, title="档次建议")
    key_support_suggested: bool = Field(False, title="建议重点帮扶")
    suggested_difficulties: list[DifficultyType] = Field(default_factory=list, title="帮扶困难类型")
    follow_up: LongText = Field("", title="后续措施/家访手记")
    visitor_signed: bool = Field(False, title="家访人已签字")
    family_confirmation: ConfirmationMethod = Field(ConfirmationMethod.NONE, title="家长确认方式")
    family_confirmed_by: ShortText = Field("", title="确认人", max_length=50)
    student_signed: bool = Field(False, title="学生已签字")
    photo_consent: bool = Field(False, title="同意拍照")
    publicity_consent: bool = Field(False, title="同意宣传使用")
    attachments: list[Attachment] = Field(default_factory=list, title="附件")
    status: VisitStatus = Field(VisitStatus.SUBMITTED, title="状态")
    recorded_by_id: str | None = Field(None, title="录入人")
    reviewed_by_id: str | None = Field(None, title="审核人")
    reviewed_at: AwareDatetime | None = Field(None, title="审核时间")
    record_no: RecordNo = Field("", title="记录编号")

    @property
    def is_online(self) -> bool:
        return self.mode in ONLINE_MODES

    @model_validator(mode="after")
    def _rules(self) -> HomeVisit:
        problems = visit_rule_errors(self)
        if problems:
            raise cross_field_error(problems)
        return self


def visit_rule_errors(visit: HomeVisit) -> list[FieldError]:
    """The rules that depend on several fields; drafts only need to be consistent, not complete."""
    problems: list[FieldError] = []
    if visit.attachments and not visit.photo_consent:
        problems.append(FieldError("photo_consent", "上传照片前须记录学生的拍照同意"))
    if visit.publicity_consent and not visit.photo_consent:
        problems.append(FieldError("publicity_consent", "宣传使用须以拍照同意为前提"))
    if visit.family_confirmation != ConfirmationMethod.NONE and not visit.family_confirmed_by:
        problems.append(FieldError("family_confirmed_by", "请填写确认人"))
    if visit.status == VisitStatus.DRAFT:
        return problems
    if not visit.visitors:
        problems.append(FieldError("visitors", "请至少填写一名家访人员"))
    if not visit.school_feedback:
        problems.append(FieldError("school_feedback", "在校表现反馈为必填项"))
    if not visit.family_opinions:
        problems.append(FieldError("family_opinions", "家长及学生意见建议为必填项"))
    if visit.category == VisitCategory.PRE_IDENTIFICATION:
        if not visit.verification_result:
            problems.append(FieldError("verification_result", "认定前核实须填写核实结论"))
        if visit.suggested_level is None:
            problems.append(FieldError("suggested_level", "认定前核实须填写档次建议"))
    if visit.key_support_suggested and not visit.suggested_difficulties:
        problems.append(FieldError("suggested_difficulties", "建议重点帮扶时请选择困难类型"))
    if visit.status == VisitStatus.REVIEWED and not visit.reviewed_by_id:
        problems.append(FieldError("reviewed_by_id", "已审核的记录须有审核人"))
    return problems
