"""Outcomes (一个不失学, 学业): enrolment status per term, case reviews, academic results, college benchmarks.

Written by the centers (a college center for its own college's students, the school center for all);
counselors and mentors read those of their students.  The record types are new in this release; their
fields are listed with the schema's (tests/sync/records/schema_1_fields.txt) as new record types are: a
field added to one of them later declares its version like any other (docs/sync-protocol.md §2a).
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from sync.records.base import Record
from sync.records.enums import EnrolmentState
from sync.records.errors import FieldError, cross_field_error
from sync.records.terms import is_term
from sync.records.validators import LongText, Name, PastDate, ShortText

SOURCE_IMPORTED = "教务导入"
SOURCE_MANUAL = "手工录入"
MSG_TERM = "学期格式应为“2025-2026-1”（学年-第几学期）"
# States that end or interrupt a student's studies (the watch list's concern).
INTERRUPTED_STATES = frozenset({EnrolmentState.SUSPENDED, EnrolmentState.WITHDRAWN})


def check_term(value: str) -> str:
    text = value.strip()
    if not is_term(text):
        raise PydanticCustomError("term_format", MSG_TERM)
    return text


Term = Annotated[str, AfterValidator(check_term)]


class EnrolmentStatus(Record):
    """A student's enrolment state in one term, and a pending application (休学/退学 申请中) if any."""

    RECORD_TYPE: ClassVar[str] = "enrolment_status"
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset({"note"})

    student_id: str = Field(title="学生")
    term: Term = Field(title="学期")
    state: EnrolmentState = Field(title="学籍状态")
    applied_state: EnrolmentState | None = Field(None, title="申请中的学籍变动")
    effective_on: PastDate | None = Field(None, title="生效日期")
    source: ShortText = Field(SOURCE_MANUAL, title="来源", max_length=50)
    note: LongText = Field("", title="备注")

    @model_validator(mode="after")
    def _application(self) -> EnrolmentStatus:
        if self.applied_state is not None and self.applied_state == self.state:
            raise cross_field_error([FieldError("applied_state", "申请中的学籍变动与当前学籍状态相同")])
        return self


class CaseReview(Record):
    """The case review (个案评议) a disadvantaged student's withdrawal requires: who, when, what was offered."""

    RECORD_TYPE: ClassVar[str] = "case_review"
    RESTRICTED: ClassVar[bool] = True
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset({"offered", "conclusion"})

    student_id: str = Field(title="学生")
    reviewed_on: PastDate = Field(title="评议日期")
    reviewers: list[Name] = Field(title="评议人员", min_length=1)
    offered: LongText = Field(title="提供的帮扶", min_length=1)
    conclusion: LongText = Field("", title="评议结论")
    for_state: EnrolmentState = Field(EnrolmentState.WITHDRAWN, title="评议事项")


class AcademicResult(Record):
    """A student's academic result in one term (平均学分绩点 and 不及格门数)."""

    RECORD_TYPE: ClassVar[str] = "academic_result"
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset({"gpa", "failed_courses"})

    student_id: str = Field(title="学生")
    term: Term = Field(title="学期")
    gpa: float | None = Field(None, title="平均学分绩点", ge=0, le=5)
    failed_courses: int = Field(0, title="不及格门数", ge=0, le=100)
    source: ShortText = Field(SOURCE_MANUAL, title="来源", max_length=50)


class CollegeAcademicBenchmark(Record):
    """A college's overall academic level for one grade and term, as aggregates only (no student's data)."""

    RECORD_TYPE: ClassVar[str] = "college_academic_benchmark"

    college_id: str = Field(title="学院")
    term: Term = Field(title="学期")
    grade: int = Field(title="年级", ge=1990, le=2100)
    median_gpa: float = Field(title="平均学分绩点中位数", ge=0, le=5)
    pass_rate: float = Field(title="通过率(%)", ge=0, le=100)
    student_count: int | None = Field(None, title="学生人数", ge=0)
