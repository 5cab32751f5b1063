"""Tables of aid records (one per record type; columns named as the record fields)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import Index
from sqlalchemy.orm import Mapped

from desktop.store.tables.base import RecordRow
from sync.records import GiveBackActivity, GrowthReward, GuaranteeAid, Record


class GuaranteeAidRow(RecordRow):
    """Table of :class:`sync.records.GuaranteeAid`."""

    __tablename__ = "guarantee_aid"
    RECORD: ClassVar[type[Record]] = GuaranteeAid
    __table_args__ = (
        Index("ix_guarantee_aid_coverage", "student_id", "academic_year", "deleted"),
        # the year's aid records for coverage #4's aid history (schema v8)
        Index("ix_guarantee_aid_year", "academic_year", "deleted", "student_id"),
    )

    student_id: Mapped[str]
    academic_year: Mapped[str]
    aid_type: Mapped[str]
    project_name: Mapped[str]
    amount: Mapped[Decimal | None]
    position: Mapped[str]
    granted_on: Mapped[date]
    funding_source: Mapped[str]
    note: Mapped[str]


class GrowthRewardRow(RecordRow):
    """Table of :class:`sync.records.GrowthReward`."""

    __tablename__ = "growth_reward"
    RECORD: ClassVar[type[Record]] = GrowthReward
    __table_args__ = (
        Index("ix_growth_reward_coverage", "student_id", "academic_year", "deleted", "granted_on"),
        # the year's rewards for coverage #3 (schema v8)
        Index("ix_growth_reward_year", "academic_year", "deleted", "student_id"),
    )

    student_id: Mapped[str]
    academic_year: Mapped[str]
    kind: Mapped[str]
    form: Mapped[str]
    description: Mapped[str]
    value: Mapped[Decimal | None]
    granted_on: Mapped[date]
    granting_department: Mapped[str]


class GiveBackActivityRow(RecordRow):
    """Table of :class:`sync.records.GiveBackActivity`."""

    __tablename__ = "give_back_activity"
    RECORD: ClassVar[type[Record]] = GiveBackActivity
    __table_args__ = (Index(None, "student_id"),)

    student_id: Mapped[str]
    kind: Mapped[str]
    title: Mapped[str]
    activity_date: Mapped[date]
    hours: Mapped[Decimal | None]
    description: Mapped[str]
