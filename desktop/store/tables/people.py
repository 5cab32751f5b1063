"""Tables of people records (one per record type; columns named as the record fields)."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from sqlalchemy import JSON, Index
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import RecordRow
from sync.records import College, Mentor, Record, SchoolCenter, User


class CollegeRow(RecordRow):
    """Table of :class:`sync.records.College`."""

    __tablename__ = "college"
    RECORD: ClassVar[type[Record]] = College

    name: Mapped[str]
    code: Mapped[str]
    center_director: Mapped[str]
    center_staff: Mapped[list[Any]] = mapped_column(JSON)
    center_established_on: Mapped[date | None]
    active: Mapped[bool]
    center_site: Mapped[str]  # schema v11
    center_deputies: Mapped[list[Any]] = mapped_column(JSON)


class SchoolCenterRow(RecordRow):
    """Table of :class:`sync.records.SchoolCenter` (schema v11)."""

    __tablename__ = "school_center"
    RECORD: ClassVar[type[Record]] = SchoolCenter

    name: Mapped[str]
    site: Mapped[str]
    director: Mapped[str]
    deputies: Mapped[list[Any]] = mapped_column(JSON)
    members: Mapped[list[Any]] = mapped_column(JSON)


class UserRow(RecordRow):
    """Table of :class:`sync.records.User`."""

    __tablename__ = "user"
    RECORD: ClassVar[type[Record]] = User
    __table_args__ = (
        Index(None, "staff_no"),
        Index(None, "college_id"),
    )

    staff_no: Mapped[str]
    name: Mapped[str]
    role: Mapped[str]
    college_id: Mapped[str | None]
    phone: Mapped[str | None]
    active: Mapped[bool]


class MentorRow(RecordRow):
    """Table of :class:`sync.records.Mentor`."""

    __tablename__ = "mentor"
    RECORD: ClassVar[type[Record]] = Mentor
    __table_args__ = (
        Index(None, "staff_no"),
        # coverage #5 reads the mentors' expertise from this index only (schema v8)
        Index("ix_mentor_coverage", "id", "deleted", "active", "specialties"),
    )

    staff_no: Mapped[str]
    name: Mapped[str]
    department: Mapped[str]
    specialties: Mapped[list[Any]] = mapped_column(JSON)
    user_id: Mapped[str | None]
    active: Mapped[bool]
    since: Mapped[date | None]
