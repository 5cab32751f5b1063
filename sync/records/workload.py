"""The confirmation of a term's workload figures (工作量确认) for 工作量认定 and 职称评定.

A center role confirms one college's figures for one term; the confirmation keeps what it counted, one
``WorkloadItem`` per teacher and activity (a frozen snapshot): from then on that term's figures are read
from it, never recomputed, and an activity added or changed later with a date in that term is counted in
the next open term with a note (``sync.figures.workload``, docs/workload.md).  Who confirmed
(``confirmed_by_id``) is set by the server from the caller; only the center roles write it
(``sync.server.workload_rules``).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field

from sync.records.base import Part, Record
from sync.records.enums import CodedEnum, Ownership
from sync.records.terms import is_term
from sync.records.validators import LongText, Name, PastDate, ShortText


def check_term(value: str) -> str:
    value = value.strip()
    if not is_term(value):
        raise ValueError(f"学期格式应为“2025-2026-1”（学年-第几学期）：{value}")
    return value


Term = Annotated[str, AfterValidator(check_term)]


class WorkloadKind(CodedEnum):
    """What a teacher's part in an activity counts as."""

    MENTOR_SESSION = "mentor_session", "导师帮扶"
    RESCUE_EDUCATION = "rescue_education", "救助性教育"
    CASE_CONFERENCE = "case_conference", "集体教研"
    HOME_VISIT = "home_visit", "家访"
    WISH_SERVICE = "wish_service", "心愿单服务"
    MENTEE = "mentee", "带教学生"


class WorkloadItem(Part):
    """One teacher's part in one activity as a confirmation counted it (a correction may be negative)."""

    activity_id: str = Field(title="活动", min_length=1, max_length=100)
    teacher_id: str = Field(title="教师", min_length=1, max_length=64)
    teacher_name: Name = Field(title="教师姓名")
    kind: WorkloadKind = Field(title="类别")
    activity_date: date = Field(title="日期")
    count: int = Field(1, title="次数", ge=-1000, le=1000)
    minutes: int = Field(0, title="时长(分钟)", ge=-100000, le=100000)
    mode: ShortText = Field("", title="形式", max_length=50)
    detail: ShortText = Field("", title="说明", max_length=200)
    note: ShortText = Field("", title="备注", max_length=200)


class WorkloadConfirmation(Record):
    """A center's confirmation of one college's workload figures for one term (then frozen)."""

    RECORD_TYPE: ClassVar[str] = "workload_confirmation"
    SCHEMA_SINCE: ClassVar[int] = 2  # a laptop holds its ops until the center's server knows the type
    OWNERSHIP: ClassVar[Ownership] = Ownership.AUTHOR

    term: Term = Field(title="学期")
    college_id: str = Field(title="学院", min_length=1, max_length=64)
    confirmed_on: PastDate = Field(title="确认日期")
    confirmed_by_id: str | None = Field(None, title="确认人")
    confirmed_by_name: ShortText = Field("", title="确认人姓名", max_length=50)
    items: list[WorkloadItem] = Field(default_factory=list, title="确认时的工作量", max_length=100000)
    note: LongText = Field("", title="备注")
