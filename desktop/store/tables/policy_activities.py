"""Tables of the policy activities (民主测评, 个别交流, 诚信教育, 资助工作者培训, 专项研究): store schema v12."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import JSON, Index
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import RecordRow
from sync.records import (
    IdentificationEvaluation,
    IntegrityActivity,
    OneToOneTalk,
    Record,
    ResearchProject,
    StaffTraining,
)


class IdentificationEvaluationRow(RecordRow):
    """Table of :class:`sync.records.IdentificationEvaluation`."""

    __tablename__ = "identification_evaluation"
    RECORD: ClassVar[type[Record]] = IdentificationEvaluation
    __table_args__ = (Index(None, "academic_year", "college_id"),)

    college_id: Mapped[str]
    class_name: Mapped[str]
    academic_year: Mapped[str]
    held_on: Mapped[date]
    participants: Mapped[int]
    students_evaluated: Mapped[int]
    conclusion: Mapped[str]
    issues_found: Mapped[str]
    follow_up: Mapped[str]


class OneToOneTalkRow(RecordRow):
    """Table of :class:`sync.records.OneToOneTalk`."""

    __tablename__ = "one_to_one_talk"
    RECORD: ClassVar[type[Record]] = OneToOneTalk
    __table_args__ = (Index(None, "student_id"),)

    student_id: Mapped[str]
    talked_on: Mapped[date]
    talked_by_id: Mapped[str | None]
    mode: Mapped[str]
    topics: Mapped[str]
    summary: Mapped[str]
    follow_up: Mapped[str]


class IntegrityActivityRow(RecordRow):
    """Table of :class:`sync.records.IntegrityActivity`."""

    __tablename__ = "integrity_activity"
    RECORD: ClassVar[type[Record]] = IntegrityActivity

    college_id: Mapped[str | None]
    held_on: Mapped[date]
    title: Mapped[str]
    form: Mapped[str]
    participants: Mapped[int]
    description: Mapped[str]


class StaffTrainingRow(RecordRow):
    """Table of :class:`sync.records.StaffTraining`."""

    __tablename__ = "staff_training"
    RECORD: ClassVar[type[Record]] = StaffTraining

    college_id: Mapped[str | None]
    held_on: Mapped[date]
    title: Mapped[str]
    organiser: Mapped[str]
    trainees: Mapped[list[Any]] = mapped_column(JSON)
    hours: Mapped[Decimal]


class ResearchProjectRow(RecordRow):
    """Table of :class:`sync.records.ResearchProject`."""

    __tablename__ = "research_project"
    RECORD: ClassVar[type[Record]] = ResearchProject

    college_id: Mapped[str]
    title: Mapped[str]
    leader: Mapped[str]
    started_on: Mapped[date]
    status: Mapped[str]
    concluded_on: Mapped[date | None]
    outcome: Mapped[str]
