"""Scope index: which college and counselor each student has, mentor links, and device holdings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.models.base import ID, Base, UtcDateTime


class StudentScope(Base):
    """Derived from ``student`` records: the student's college and counselor."""

    __tablename__ = "student_scope"

    student_id: Mapped[str] = mapped_column(ID, primary_key=True)
    college_id: Mapped[str | None] = mapped_column(ID, nullable=True, index=True)
    counselor_id: Mapped[str | None] = mapped_column(ID, nullable=True, index=True)
    # 学号, unique per school (one server serves one school); cleared when the student is deleted.
    student_no: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    # When the college or counselor last changed (a reassignment): the start of the reassignment grace.
    scope_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class MentorLink(Base):
    """Derived from mentor-assignment records: a mentor account serving a student."""

    __tablename__ = "mentor_links"

    record_id: Mapped[str] = mapped_column(ID, primary_key=True)
    student_id: Mapped[str] = mapped_column(ID, index=True)
    mentor_id: Mapped[str] = mapped_column(ID, index=True)
    to_date: Mapped[str | None] = mapped_column(String(10), nullable=True)


class MentorAccount(Base):
    """Derived from ``mentor`` records: which account a mentor record belongs to."""

    __tablename__ = "mentor_accounts"

    mentor_id: Mapped[str] = mapped_column(ID, primary_key=True)
    user_id: Mapped[str | None] = mapped_column(ID, nullable=True, index=True)


class DeviceHolding(Base):
    """A student a device holds (``enter``) or is being told to drop (``leave``), at scope generation ``gen``."""

    __tablename__ = "device_holdings"

    device_id: Mapped[str] = mapped_column(ID, primary_key=True)
    student_id: Mapped[str] = mapped_column(ID, primary_key=True)
    state: Mapped[str] = mapped_column(String(8))
    gen: Mapped[int] = mapped_column(Integer)
    # When the student left the device's scope (``leave``): ops made before it are accepted for a grace.
    left_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
