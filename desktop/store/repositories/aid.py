"""Guarantee aid, growth rewards and give-back activities."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from desktop.store.repositories.base import StudentOwnedRepository
from desktop.store.tables import GiveBackActivityRow, GrowthRewardRow, GuaranteeAidRow, RecordRow
from sync.records import GiveBackActivity, GrowthReward, GuaranteeAid, Record


class AidRepository(StudentOwnedRepository[GuaranteeAid]):
    RECORD: ClassVar[type[Record]] = GuaranteeAid
    TABLE: ClassVar[type[RecordRow]] = GuaranteeAidRow
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ("project_name",)
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("granted_on",)
    DATE_COLUMN: ClassVar[str | None] = "granted_on"

    def total(self, student_id: str, academic_year: str | None = None) -> Decimal:
        """The amount a student received (in one academic year, or in all)."""
        where: dict[str, object] = {"student_id": student_id}
        if academic_year is not None:
            where["academic_year"] = academic_year
        return sum((aid.amount or Decimal(0) for aid in self.list(where=where)), Decimal(0))


class RewardRepository(StudentOwnedRepository[GrowthReward]):
    RECORD: ClassVar[type[Record]] = GrowthReward
    TABLE: ClassVar[type[RecordRow]] = GrowthRewardRow
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ("description", "granting_department")
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("granted_on",)
    DATE_COLUMN: ClassVar[str | None] = "granted_on"


class GiveBackRepository(StudentOwnedRepository[GiveBackActivity]):
    RECORD: ClassVar[type[Record]] = GiveBackActivity
    TABLE: ClassVar[type[RecordRow]] = GiveBackActivityRow
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ("title",)
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("activity_date",)
    DATE_COLUMN: ClassVar[str | None] = "activity_date"
