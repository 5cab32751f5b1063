"""Tables of visits records (one per record type; columns named as the record fields)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import JSON, Index, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import RecordRow
from sync.records import HomeVisit, Record


class HomeVisitRow(RecordRow):
    """Table of :class:`sync.records.HomeVisit`."""

    __tablename__ = "home_visit"
    RECORD: ClassVar[type[Record]] = HomeVisit
    __table_args__ = (
        # student_id first: a student's visits by date; deleted, status and mode make it covering
        # (schema v3; mode since v11: 到校约谈 is counted apart)
        Index("ix_home_visit_coverage", "student_id", "visit_date", "deleted", "status", "mode"),
        # the visits of a date window for the coverage counts of a year, with whether the student's
        # traits are recorded (coverage #4, growth archive) as an expression column (schema v8)
        Index(
            "ix_home_visit_window",
            "visit_date",
            "deleted",
            "status",
            "mode",
            "student_id",
            text("student_traits != ''"),
        ),
        Index(None, "visit_date"),
        # a printed record number typed or scanned into the search box (schema v6)
        Index("ix_home_visit_record_no", "record_no", sqlite_where=text("record_no != ''")),
    )

    student_id: Mapped[str]
    category: Mapped[str]
    mode: Mapped[str]
    visit_date: Mapped[date]
    duration_minutes: Mapped[int]
    place: Mapped[str]
    visitors: Mapped[list[Any]] = mapped_column(JSON)
    interviewees: Mapped[list[Any]] = mapped_column(JSON)
    household: Mapped[list[Any]] = mapped_column(JSON)
    income_sources: Mapped[list[Any]] = mapped_column(JSON)
    income_amount: Mapped[Decimal | None]
    income_notes: Mapped[str]
    main_expenses: Mapped[str]
    debts_amount: Mapped[Decimal | None]
    debts_notes: Mapped[str]
    housing: Mapped[str | None]
    housing_notes: Mapped[str]
    special_groups_verified: Mapped[dict[str, Any]] = mapped_column(JSON)
    causes: Mapped[list[Any]] = mapped_column(JSON)
    recent_shocks: Mapped[str]
    suggest_temporary_subsidy: Mapped[bool]
    student_traits: Mapped[str]
    school_feedback: Mapped[str]
    aid_explained: Mapped[str]
    policies_explained: Mapped[list[Any]] = mapped_column(JSON)
    gifts_amount: Mapped[Decimal | None]
    gifts_items: Mapped[str]
    wish_list_state: Mapped[str]
    family_opinions: Mapped[str]
    verification_result: Mapped[str]
    suggested_level: Mapped[str | None]
    key_support_suggested: Mapped[bool]
    suggested_difficulties: Mapped[list[Any]] = mapped_column(JSON)
    follow_up: Mapped[str]
    visitor_signed: Mapped[bool]
    family_confirmation: Mapped[str]
    family_confirmed_by: Mapped[str]
    student_signed: Mapped[bool]
    photo_consent: Mapped[bool]
    publicity_consent: Mapped[bool]
    attachments: Mapped[list[Any]] = mapped_column(JSON)
    status: Mapped[str]
    recorded_by_id: Mapped[str | None]
    reviewed_by_id: Mapped[str | None]
    reviewed_at: Mapped[datetime | None]
    record_no: Mapped[str]
