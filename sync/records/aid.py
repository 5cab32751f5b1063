"""Guarantee aid (保障型资助), growth rewards (成长奖励) and give-back activities (回馈活动)."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from pydantic import Field, model_validator

from sync.records.base import Record
from sync.records.enums import AidType, GiveBackKind, Ownership, RewardForm, RewardKind
from sync.records.errors import FieldError, cross_field_error
from sync.records.validators import AcademicYear, LongText, Money, Name, PastDate, ShortText


class GuaranteeAid(Record):
    """One item of the 八位一体 aid (or a 临时困难补助) received in an academic year."""

    RECORD_TYPE: ClassVar[str] = "guarantee_aid"
    OWNERSHIP: ClassVar[Ownership] = Ownership.AUTHOR
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset({"amount"})

    student_id: str = Field(title="学生")
    academic_year: AcademicYear = Field(title="学年")
    aid_type: AidType = Field(title="资助类型")
    project_name: Name = Field(title="项目名称", max_length=100)
    amount: Money | None = Field(None, title="金额(元)")
    position: ShortText = Field("", title="岗位", max_length=100)
    granted_on: PastDate = Field(title="日期")
    funding_source: ShortText = Field("", title="资金来源", max_length=100)
    note: LongText = Field("", title="备注")

    @model_validator(mode="after")
    def _amount_or_position(self) -> GuaranteeAid:
        if self.amount is None and not self.position:
            field = "position" if self.aid_type == AidType.WORK_STUDY else "amount"
            raise cross_field_error([FieldError(field, "请填写金额或岗位")])
        return self


class GrowthReward(Record):
    """A growth reward: every disadvantaged student should get at least one per academic year."""

    RECORD_TYPE: ClassVar[str] = "growth_reward"
    OWNERSHIP: ClassVar[Ownership] = Ownership.AUTHOR

    student_id: str = Field(title="学生")
    academic_year: AcademicYear = Field(title="学年")
    kind: RewardKind = Field(title="奖励类别")
    form: RewardForm = Field(RewardForm.INDIRECT, title="奖励形式")
    description: Name = Field(title="内容", max_length=500)
    value: Money | None = Field(None, title="价值(元)")
    granted_on: PastDate = Field(title="日期")
    granting_department: ShortText = Field("", title="授予部门", max_length=100)


class GiveBackActivity(Record):
    """A give-back activity (志愿服务, 资助宣传大使) for the growth archive."""

    RECORD_TYPE: ClassVar[str] = "give_back_activity"
    OWNERSHIP: ClassVar[Ownership] = Ownership.AUTHOR

    student_id: str = Field(title="学生")
    kind: GiveBackKind = Field(title="类别")
    title: Name = Field(title="活动名称", max_length=100)
    activity_date: PastDate = Field(title="日期")
    hours: Decimal | None = Field(None, title="时长(小时)", ge=0, le=1000, max_digits=6, decimal_places=1)
    description: LongText = Field("", title="说明")
