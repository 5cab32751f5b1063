"""Enrolment status per term, case reviews, academic results and college benchmarks (outcome records)."""

from __future__ import annotations

import builtins
from typing import ClassVar

from desktop.store.repositories.base import Repository, StudentOwnedRepository
from desktop.store.tables import (
    AcademicResultRow,
    CaseReviewRow,
    CollegeAcademicBenchmarkRow,
    EnrolmentStatusRow,
    RecordRow,
)
from sync.records import AcademicResult, CaseReview, CollegeAcademicBenchmark, EnrolmentStatus, Record


class EnrolmentStatusRepository(StudentOwnedRepository[EnrolmentStatus]):
    RECORD: ClassVar[type[Record]] = EnrolmentStatus
    TABLE: ClassVar[type[RecordRow]] = EnrolmentStatusRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("term",)
    DATE_COLUMN: ClassVar[str | None] = "term"  # terms sort in time order

    def of_term(self, student_id: str, term: str) -> EnrolmentStatus | None:
        """The student's status in a term (the first recorded when a sync left two)."""
        found = self.list(where={"student_id": student_id, "term": term}, limit=1)
        return found[0] if found else None


class CaseReviewRepository(StudentOwnedRepository[CaseReview]):
    RECORD: ClassVar[type[Record]] = CaseReview
    TABLE: ClassVar[type[RecordRow]] = CaseReviewRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("reviewed_on",)
    DATE_COLUMN: ClassVar[str | None] = "reviewed_on"


class AcademicResultRepository(StudentOwnedRepository[AcademicResult]):
    RECORD: ClassVar[type[Record]] = AcademicResult
    TABLE: ClassVar[type[RecordRow]] = AcademicResultRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("term",)
    DATE_COLUMN: ClassVar[str | None] = "term"

    def of_term(self, student_id: str, term: str) -> AcademicResult | None:
        found = self.list(where={"student_id": student_id, "term": term}, limit=1)
        return found[0] if found else None


class CollegeAcademicBenchmarkRepository(Repository[CollegeAcademicBenchmark]):
    RECORD: ClassVar[type[Record]] = CollegeAcademicBenchmark
    TABLE: ClassVar[type[RecordRow]] = CollegeAcademicBenchmarkRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("term", "college_id", "grade")

    def for_college(self, college_id: str) -> builtins.list[CollegeAcademicBenchmark]:
        return self.list(where={"college_id": college_id})
