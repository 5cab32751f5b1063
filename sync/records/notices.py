"""公示 of identification results: the notice (a list of names for a notice board) and its objections.

A notice lists only the students; what is printed of them (姓名、学院、年级、专业、班级) is decided by
the report, never stored here. Its period is five working days (Monday to Friday) from the day it is
published: :func:`add_working_days` knows no public holidays (the official calendar of 调休 changes
every year and is out of reach offline), so the person who publishes a notice over a holiday moves
``ends_on`` by hand. A notice cannot end (已结束) while one of its objections is unresolved.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import ClassVar

from pydantic import Field, model_validator

from sync.records.base import Record
from sync.records.enums import CodedEnum
from sync.records.errors import FieldError, cross_field_error
from sync.records.validators import AcademicYear, LongText, PastDate, ShortText

NOTICE_WORKING_DAYS = 5


class NoticeStatus(CodedEnum):
    OPEN = "open", "公示中"
    ENDED = "ended", "已结束"
    WITHDRAWN = "withdrawn", "已撤回"


class ObjectionResult(CodedEnum):
    UPHELD = "upheld", "维持"
    CORRECTED = "corrected", "更正"
    REVOKED = "revoked", "撤销认定"


def is_working_day(day: date) -> bool:
    """Monday to Friday (public holidays and 调休 are not known: see the module's docstring)."""
    return day.weekday() < 5


def add_working_days(start: date, days: int) -> date:
    """The last day of a period of ``days`` working days that begins on ``start`` (or on the next
    working day when ``start`` is a Saturday or Sunday): published on Monday → ends on Friday."""
    if days < 1:
        raise ValueError("公示期至少 1 个工作日")
    day = start
    while not is_working_day(day):
        day += timedelta(days=1)
    counted = 1
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def working_days_left(today: date, ends_on: date) -> int:
    """Working days from ``today`` (counted when it is one) to ``ends_on`` inclusive; 0 once past."""
    left = 0
    day = today
    while day <= ends_on:
        if is_working_day(day):
            left += 1
        day += timedelta(days=1)
    return left


class PublicNotice(Record):
    """A 公示 of one academic year's identification results, for a college or (no college) the school.

    ``student_ids`` are the students listed: the notice is held by whoever may read all of them (the
    college's center, the school center).
    """

    RECORD_TYPE: ClassVar[str] = "public_notice"
    SCHEMA_SINCE: ClassVar[int] = 2

    college_id: str | None = Field(None, title="学院")
    academic_year: AcademicYear = Field(title="学年")
    title: ShortText = Field(title="公示标题", min_length=1)
    published_on: date = Field(title="公示开始日期")
    ends_on: date = Field(title="公示截止日期")
    student_ids: list[str] = Field(default_factory=list, title="公示学生")
    contact: ShortText = Field("", title="异议受理方式")
    issuer: ShortText = Field("", title="发布单位", max_length=100)
    status: NoticeStatus = Field(NoticeStatus.OPEN, title="状态")

    def scope_student_ids(self) -> tuple[str, ...]:
        return tuple(self.student_ids)

    @model_validator(mode="after")
    def _period(self) -> PublicNotice:
        if self.ends_on < self.published_on:
            raise cross_field_error([FieldError("ends_on", "公示截止日期不能早于开始日期")])
        return self


class NoticeObjection(Record):
    """An objection (异议) raised during a notice, and how it was resolved."""

    RECORD_TYPE: ClassVar[str] = "notice_objection"
    SCHEMA_SINCE: ClassVar[int] = 2
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset({"summary", "resolution"})

    notice_id: str = Field(title="公示")
    received_on: PastDate = Field(title="受理日期")
    student_id: str | None = Field(None, title="涉及学生")
    summary: LongText = Field(title="异议内容", min_length=1)
    resolution: LongText = Field("", title="处理意见")
    resolved_on: PastDate | None = Field(None, title="处理日期")
    result: ObjectionResult | None = Field(None, title="处理结果")

    @property
    def resolved(self) -> bool:
        return self.result is not None

    @model_validator(mode="after")
    def _resolution(self) -> NoticeObjection:
        problems: list[FieldError] = []
        if self.result is not None:
            if self.resolved_on is None:
                problems.append(FieldError("resolved_on", "已处理的异议须填写处理日期"))
            if not self.resolution.strip():
                problems.append(FieldError("resolution", "请填写处理意见"))
        elif self.resolved_on is not None:
            problems.append(FieldError("result", "请选择处理结果"))
        if self.resolved_on is not None and self.resolved_on < self.received_on:
            problems.append(FieldError("resolved_on", "处理日期不能早于受理日期"))
        if problems:
            raise cross_field_error(problems)
        return self


def unresolved(objections: Iterable[NoticeObjection]) -> list[NoticeObjection]:
    """The objections still waiting for a result (the notice cannot end while there is one)."""
    return [objection for objection in objections if not objection.resolved]
