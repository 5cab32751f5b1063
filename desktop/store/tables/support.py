"""Tables of support records (one per record type; columns named as the record fields)."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from sqlalchemy import JSON, Index
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import RecordRow
from sync.records import KeySupport, MentorAssignment, Record, RescueSession, SupportLogEntry


class KeySupportRow(RecordRow):
    """Table of :class:`sync.records.KeySupport`."""

    __tablename__ = "key_support"
    RECORD: ClassVar[type[Record]] = KeySupport
    __table_args__ = (
        Index(None, "student_id"),
        # coverage #5/#6 read the active supports and their needs from this index only (schema v8)
        Index(
            "ix_key_support_coverage", "student_id", "deleted", "started_on", "exited_on", "difficulty_types"
        ),
    )

    student_id: Mapped[str]
    difficulty_types: Mapped[list[Any]] = mapped_column(JSON)
    started_on: Mapped[date]
    start_review: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    exited_on: Mapped[date | None]
    exit_review: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    note: Mapped[str]


class MentorAssignmentRow(RecordRow):
    """Table of :class:`sync.records.MentorAssignment`."""

    __tablename__ = "mentor_assignment"
    RECORD: ClassVar[type[Record]] = MentorAssignment
    __table_args__ = (
        Index(None, "student_id"),
        Index(None, "mentor_id"),
        # coverage #5 reads the active assignments from this index only (schema v8)
        Index(
            "ix_mentor_assignment_coverage",
            "student_id",
            "deleted",
            "from_date",
            "to_date",
            "mentor_id",
            "mismatch_reason",
        ),
    )

    student_id: Mapped[str]
    mentor_id: Mapped[str]
    key_support_id: Mapped[str | None]
    from_date: Mapped[date]
    to_date: Mapped[date | None]
    goals: Mapped[str]
    plan: Mapped[str]
    mismatch_reason: Mapped[str]  # schema v11


class SupportLogEntryRow(RecordRow):
    """Table of :class:`sync.records.SupportLogEntry`."""

    __tablename__ = "support_log_entry"
    RECORD: ClassVar[type[Record]] = SupportLogEntry
    __table_args__ = (
        Index(None, "student_id"),
        Index(None, "mentor_id", "log_date"),
    )

    student_id: Mapped[str]
    mentor_id: Mapped[str]
    assignment_id: Mapped[str | None]
    log_date: Mapped[date]
    form: Mapped[str]
    duration_minutes: Mapped[int]
    summary: Mapped[str]
    assessment: Mapped[str]
    next_steps: Mapped[str]


class RescueSessionRow(RecordRow):
    """Table of :class:`sync.records.RescueSession`."""

    __tablename__ = "rescue_session"
    RECORD: ClassVar[type[Record]] = RescueSession
    __table_args__ = (
        Index(None, "session_date"),
        # coverage #6 reads the year's sessions and their students from this index only (schema v8)
        Index("ix_rescue_session_coverage", "session_date", "deleted", "kind", "student_ids"),
    )

    kind: Mapped[str]
    session_date: Mapped[date]
    college_id: Mapped[str | None]
    topic: Mapped[str]
    participants: Mapped[list[Any]] = mapped_column(JSON)
    student_ids: Mapped[list[Any]] = mapped_column(JSON)
    conclusions: Mapped[str]
    measures: Mapped[str]
