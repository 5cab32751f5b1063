"""The policy activities: 民主测评, 个别交流 (a student's), 诚信教育, 资助工作者培训, 专项研究."""

from __future__ import annotations

from collections.abc import Iterable
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

    def create_many(self, records: Iterable[OneToOneTalk], *, outbox: bool = True) -> int:
        """Insert talks; the local user is the one who talked when none is given (the center's server
        decides it again from the account that pushes the talk)."""
        stamped = [
            talk
            if talk.talked_by_id is not None
            else talk.model_copy(update={"talked_by_id": self.ctx.author_id})
            for talk in records
        ]
        return super().create_many(stamped, outbox=outbox)

    def create(self, record: OneToOneTalk) -> OneToOneTalk:
        if record.talked_by_id is None:
            record = record.model_copy(update={"talked_by_id": self.ctx.author_id})
        super().create_many([record])
        return record


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
