"""The policy activities: 民主测评, 个别交流 (a student's), 诚信教育, 资助工作者培训, 专项研究."""

from __future__ import annotations

from typing import ClassVar

from desktop.store.repositories.base import Repository, StudentOwnedRepository
from desktop.store.tables import (
    IdentificationEvaluationRow,
    IntegrityActivityRow,
    OneToOneTalkRow,
    RecordRow,
    ResearchProjectRow,
    StaffTrainingRow,
)
from sync.records import (
    IdentificationEvaluation,
    IntegrityActivity,
    OneToOneTalk,
    Record,
    ResearchProject,
    StaffTraining,
)


class EvaluationRepository(Repository[IdentificationEvaluation]):
    RECORD: ClassVar[type[Record]] = IdentificationEvaluation
    TABLE: ClassVar[type[RecordRow]] = IdentificationEvaluationRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("held_on",)


class TalkRepository(StudentOwnedRepository[OneToOneTalk]):
    RECORD: ClassVar[type[Record]] = OneToOneTalk
    TABLE: ClassVar[type[RecordRow]] = OneToOneTalkRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("talked_on",)
    DATE_COLUMN: ClassVar[str | None] = "talked_on"


class IntegrityActivityRepository(Repository[IntegrityActivity]):
    RECORD: ClassVar[type[Record]] = IntegrityActivity
    TABLE: ClassVar[type[RecordRow]] = IntegrityActivityRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("held_on",)


class TrainingRepository(Repository[StaffTraining]):
    RECORD: ClassVar[type[Record]] = StaffTraining
    TABLE: ClassVar[type[RecordRow]] = StaffTrainingRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("held_on",)


class ResearchProjectRepository(Repository[ResearchProject]):
    RECORD: ClassVar[type[Record]] = ResearchProject
    TABLE: ClassVar[type[RecordRow]] = ResearchProjectRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("started_on",)
