"""Tables of outcome records (one per record type; columns named as the record fields)."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from sqlalchemy import JSON, Index
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import RecordRow
from sync.records import AcademicResult, CaseReview, CollegeAcademicBenchmark, EnrolmentStatus, Record


class EnrolmentStatusRow(RecordRow):
    """Table of :class:`sync.records.EnrolmentStatus`."""

    __tablename__ = "enrolment_status"
    RECORD: ClassVar[type[Record]] = EnrolmentStatus
    __table_args__ = (Index(None, "student_id", "term"),)

    student_id: Mapped[str]
    term: Mapped[str]
    state: Mapped[str]
    applied_state: Mapped[str | None]
    effective_on: Mapped[date | None]
    source: Mapped[str]
    note: Mapped[str]


class CaseReviewRow(RecordRow):
    """Table of :class:`sync.records.CaseReview`."""

    __tablename__ = "case_review"
    RECORD: ClassVar[type[Record]] = CaseReview
    __table_args__ = (Index(None, "student_id"),)

    student_id: Mapped[str]
    reviewed_on: Mapped[date]
    reviewers: Mapped[list[Any]] = mapped_column(JSON)
    offered: Mapped[str]
    conclusion: Mapped[str]
    for_state: Mapped[str]


class AcademicResultRow(RecordRow):
    """Table of :class:`sync.records.AcademicResult`."""

    __tablename__ = "academic_result"
    RECORD: ClassVar[type[Record]] = AcademicResult
    __table_args__ = (Index(None, "student_id", "term"),)

    student_id: Mapped[str]
    term: Mapped[str]
    gpa: Mapped[float | None]
    failed_courses: Mapped[int]
    source: Mapped[str]


class CollegeAcademicBenchmarkRow(RecordRow):
    """Table of :class:`sync.records.CollegeAcademicBenchmark`."""

    __tablename__ = "college_academic_benchmark"
    RECORD: ClassVar[type[Record]] = CollegeAcademicBenchmark
    __table_args__ = (Index(None, "college_id", "term", "grade"),)

    college_id: Mapped[str]
    term: Mapped[str]
    grade: Mapped[int]
    median_gpa: Mapped[float]
    pass_rate: Mapped[float]
    student_count: Mapped[int | None]
