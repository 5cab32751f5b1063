"""Key support (重点帮扶): status, mentor assignments, support logs and rescue-education sessions.

These records are restricted: never published, shown only to roles that may see them.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import Field, model_validator

from sync.records.base import Part, Record
from sync.records.enums import DifficultyType, Ownership, ParticipantRole, SessionKind, SupportForm
from sync.records.errors import FieldError, cross_field_error
from sync.records.validators import LongText, Minutes, Name, PastDate, ShortText

COLLECTIVE_REVIEW = "集体评议"


class ReviewRecord(Part):
    """The record of a collective review (集体评议) that started or ended key support."""

    reviewed_on: PastDate = Field(title="评议日期")
    method: ShortText = Field(COLLECTIVE_REVIEW, title="评议方式", max_length=50)
    participants: list[Name] = Field(default_factory=list, title="参加人员")
    conclusion: LongText = Field("", title="评议结论")


class KeySupport(Record):
    """A student's key-support period: difficulty types, start and (later) exit with their reviews."""

    RECORD_TYPE: ClassVar[str] = "key_support"
    RESTRICTED: ClassVar[bool] = True
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {"difficulty_types", "start_review", "exit_review", "note"}
    )

    student_id: str = Field(title="学生")
    difficulty_types: list[DifficultyType] = Field(title="困难类型", min_length=1)
    started_on: PastDate = Field(title="纳入日期")
    start_review: ReviewRecord | None = Field(None, title="纳入评议记录")
    exited_on: PastDate | None = Field(None, title="退出日期")
    exit_review: ReviewRecord | None = Field(None, title="退出评议记录")
    note: LongText = Field("", title="备注")

    @property
    def active(self) -> bool:
        return self.exited_on is None

    def active_on(self, day: date) -> bool:
        return self.started_on <= day and (self.exited_on is None or day <= self.exited_on)

    @model_validator(mode="after")
    def _exit_rules(self) -> KeySupport:
        problems: list[FieldError] = []
        if self.exited_on is not None:
            if self.exited_on < self.started_on:
                problems.append(FieldError("exited_on", "退出日期不能早于纳入日期"))
            if self.exit_review is None:
                problems.append(FieldError("exit_review", "退出重点帮扶须经集体评议并记录"))
        elif self.exit_review is not None:
            problems.append(FieldError("exited_on", "已有退出评议记录，请填写退出日期"))
        if problems:
            raise cross_field_error(problems)
        return self


class MentorAssignment(Record):
    """A mentor assigned to a key-support student, with goals and the individual plan (一人一策)."""

    RECORD_TYPE: ClassVar[str] = "mentor_assignment"
    RESTRICTED: ClassVar[bool] = True

    student_id: str = Field(title="学生")
    mentor_id: str = Field(title="育人导师")
    key_support_id: str | None = Field(None, title="重点帮扶")
    from_date: date = Field(title="开始日期")
    to_date: date | None = Field(None, title="结束日期")
    goals: LongText = Field("", title="帮扶目标")
    plan: LongText = Field("", title="帮扶计划(一人一策)")
    mismatch_reason: LongText = Field("", title="专长不匹配原因")

    def active_on(self, day: date) -> bool:
        return self.from_date <= day and (self.to_date is None or day <= self.to_date)

    @model_validator(mode="after")
    def _dates(self) -> MentorAssignment:
        if self.to_date is not None and self.to_date < self.from_date:
            raise cross_field_error([FieldError("to_date", "结束日期不能早于开始日期")])
        return self


class SupportLogEntry(Record):
    """One support session logged by a mentor (counts toward the mentor's workload)."""

    RECORD_TYPE: ClassVar[str] = "support_log_entry"
    OWNERSHIP: ClassVar[Ownership] = Ownership.AUTHOR
    RESTRICTED: ClassVar[bool] = True
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset({"summary", "assessment", "next_steps"})

    student_id: str = Field(title="学生")
    mentor_id: str = Field(title="育人导师")
    assignment_id: str | None = Field(None, title="导师分配")
    log_date: PastDate = Field(title="日期")
    form: SupportForm = Field(title="形式")
    duration_minutes: Minutes = Field(60, title="时长(分钟)")
    summary: LongText = Field(title="摘要", min_length=1)
    assessment: LongText = Field("", title="评估")
    next_steps: LongText = Field("", title="下一步")


class Participant(Part):
    name: Name = Field(title="姓名")
    role: ParticipantRole = Field(title="身份")
    user_id: str | None = Field(None, title="对应账号")


class RescueSession(Record):
    """A rescue-education session (救助性教育) or collective case conference (集体教研)."""

    RECORD_TYPE: ClassVar[str] = "rescue_session"
    OWNERSHIP: ClassVar[Ownership] = Ownership.AUTHOR
    RESTRICTED: ClassVar[bool] = True
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset({"conclusions", "measures"})

    kind: SessionKind = Field(title="类别")
    session_date: PastDate = Field(title="日期")
    college_id: str | None = Field(None, title="学院")
    topic: ShortText = Field("", title="主题", max_length=200)
    participants: list[Participant] = Field(title="参加人员", min_length=1)
    student_ids: list[str] = Field(title="研讨学生", min_length=1)
    conclusions: LongText = Field("", title="结论")
    measures: LongText = Field("", title="措施")

    def scope_student_ids(self) -> tuple[str, ...]:
        return tuple(self.student_ids)
