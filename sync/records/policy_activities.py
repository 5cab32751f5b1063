"""Activities the policy names (监测反馈制度, 诚信教育, 资助工作者培训, 专项研究制度) that are not about one
student's aid: 民主测评 of the identification results, 个别交流 with a student, 诚信教育 activities,
资助工作者专业能力培训 and each college's 专项研究 project.

They are new in schema 2 (``SCHEMA_SINCE``), so a laptop holds their ops until the center's
server knows them (docs/sync-protocol.md §2a).  Who may write them is decided on the server
(``sync.server.activity_rules``); the author of a talk (``talked_by_id``) is set there from the caller.
A talk is its author's (``Ownership.AUTHOR``); the college-level activities are shared by the college's
center, which may complete a counselor's evaluation (a counselor edits only those it recorded).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import ClassVar

from pydantic import Field, model_validator

from sync.records.base import Record
from sync.records.enums import CodedEnum, Ownership
from sync.records.errors import FieldError, cross_field_error
from sync.records.validators import AcademicYear, LongText, Name, PastDate, ShortText

SCHEMA = 2


class TalkMode(CodedEnum):
    IN_PERSON = "in_person", "面谈"
    PHONE = "phone", "电话"
    ONLINE = "online", "线上"


class IntegrityForm(CodedEnum):
    CLASS_MEETING = "class_meeting", "主题班会"
    LECTURE = "lecture", "讲座"
    CONTRACT_SIGNING = "contract_signing", "诚信承诺签名"
    CONTEST = "contest", "征文/竞赛"
    PUBLICITY = "publicity", "宣传活动"
    OTHER = "other", "其他"


class ProjectStatus(CodedEnum):
    APPROVED = "approved", "立项"
    IN_PROGRESS = "in_progress", "进行中"
    CONCLUDED = "concluded", "结题"


class IdentificationEvaluation(Record):
    """A periodic democratic evaluation (阶段性民主测评) of a class's identification results."""

    RECORD_TYPE: ClassVar[str] = "identification_evaluation"
    SCHEMA_SINCE: ClassVar[int] = SCHEMA

    college_id: str = Field(title="学院")
    class_name: ShortText = Field("", title="班级", max_length=100)
    academic_year: AcademicYear = Field(title="学年")
    held_on: PastDate = Field(title="测评日期")
    participants: int = Field(title="参加人数", ge=1, le=100000)
    students_evaluated: int = Field(title="测评学生数", ge=0, le=100000)
    conclusion: LongText = Field(title="测评结论", min_length=1)
    issues_found: LongText = Field("", title="发现的问题")
    follow_up: LongText = Field("", title="后续处理")

    @model_validator(mode="after")
    def _issues_need_follow_up(self) -> IdentificationEvaluation:
        if self.issues_found and not self.follow_up:
            raise cross_field_error(
                [FieldError("follow_up", "发现问题的，请填写后续处理（如向学院及学生处反馈）")]
            )
        return self


class OneToOneTalk(Record):
    """A one-to-one talk (个别交流) with a student; who talked is decided by the server."""

    RECORD_TYPE: ClassVar[str] = "one_to_one_talk"
    SCHEMA_SINCE: ClassVar[int] = SCHEMA
    OWNERSHIP: ClassVar[Ownership] = Ownership.AUTHOR
    SENSITIVE_FIELDS: ClassVar[frozenset[str]] = frozenset({"summary", "follow_up"})

    student_id: str = Field(title="学生")
    talked_on: PastDate = Field(title="交流日期")
    talked_by_id: str | None = Field(None, title="交流人")
    mode: TalkMode = Field(TalkMode.IN_PERSON, title="方式")
    topics: ShortText = Field(title="交流主题", min_length=1, max_length=200)
    summary: LongText = Field("", title="交流情况")
    follow_up: LongText = Field("", title="后续跟进")


class IntegrityActivity(Record):
    """An integrity-education activity (诚信教育) of a college, or of the school (no college)."""

    RECORD_TYPE: ClassVar[str] = "integrity_activity"
    SCHEMA_SINCE: ClassVar[int] = SCHEMA

    college_id: str | None = Field(None, title="学院")
    held_on: PastDate = Field(title="日期")
    title: Name = Field(title="活动名称", max_length=100)
    form: IntegrityForm = Field(IntegrityForm.CLASS_MEETING, title="形式")
    participants: int = Field(title="参加人数", ge=1, le=100000)
    description: LongText = Field("", title="活动内容")


class StaffTraining(Record):
    """A training of the people who do the aid work (资助工作者专业能力培训), a college's or the school's."""

    RECORD_TYPE: ClassVar[str] = "staff_training"
    SCHEMA_SINCE: ClassVar[int] = SCHEMA

    college_id: str | None = Field(None, title="学院")
    held_on: PastDate = Field(title="日期")
    title: Name = Field(title="培训名称", max_length=100)
    organiser: ShortText = Field("", title="组织单位", max_length=100)
    trainees: list[Name] = Field(title="参训人员", min_length=1, max_length=500)
    hours: Decimal = Field(title="学时", gt=0, le=1000, max_digits=6, decimal_places=1)


class ResearchProject(Record):
    """A college's 专项研究 project on developmental aid (项目化运作: 立项, 进行中, 结题)."""

    RECORD_TYPE: ClassVar[str] = "research_project"
    SCHEMA_SINCE: ClassVar[int] = SCHEMA

    college_id: str = Field(title="学院")
    title: Name = Field(title="项目名称", max_length=100)
    leader: Name = Field(title="负责人")
    started_on: PastDate = Field(title="立项日期")
    status: ProjectStatus = Field(ProjectStatus.APPROVED, title="状态")
    concluded_on: PastDate | None = Field(None, title="结题日期")
    outcome: LongText = Field("", title="研究成果")

    def active_between(self, first: date, last: date) -> bool:
        """Whether the project ran during the days from ``first`` to ``last`` (inclusive)."""
        ended = self.concluded_on if self.status == ProjectStatus.CONCLUDED else None
        return self.started_on <= last and (ended is None or ended >= first)

    @model_validator(mode="after")
    def _conclusion(self) -> ResearchProject:
        problems: list[FieldError] = []
        if self.status == ProjectStatus.CONCLUDED:
            if self.concluded_on is None:
                problems.append(FieldError("concluded_on", "已结题的项目须填写结题日期"))
            if not self.outcome:
                problems.append(FieldError("outcome", "已结题的项目须填写研究成果"))
        elif self.concluded_on is not None:
            problems.append(FieldError("status", "填写了结题日期，请将状态改为“结题”"))
        if self.concluded_on is not None and self.concluded_on < self.started_on:
            problems.append(FieldError("concluded_on", "结题日期不能早于立项日期"))
        if problems:
            raise cross_field_error(problems)
        return self


POLICY_ACTIVITY_RECORDS: tuple[type[Record], ...] = (
    IdentificationEvaluation,
    OneToOneTalk,
    IntegrityActivity,
    StaffTraining,
    ResearchProject,
)
