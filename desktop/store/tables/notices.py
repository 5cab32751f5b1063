"""Tables of 公示 records: the notices and their objections (columns named as the record fields)."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from sqlalchemy import JSON, Index
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import RecordRow
from sync.records import NoticeObjection, PublicNotice, Record


class PublicNoticeRow(RecordRow):
    """Table of :class:`sync.records.PublicNotice`."""

    __tablename__ = "public_notice"
    RECORD: ClassVar[type[Record]] = PublicNotice
    __table_args__ = (Index(None, "academic_year"),)

    college_id: Mapped[str | None]
    academic_year: Mapped[str]
    title: Mapped[str]
    published_on: Mapped[date]
    ends_on: Mapped[date]
    student_ids: Mapped[list[Any]] = mapped_column(JSON)
    contact: Mapped[str]
    issuer: Mapped[str]
    status: Mapped[str]


class NoticeObjectionRow(RecordRow):
    """Table of :class:`sync.records.NoticeObjection`."""

    __tablename__ = "notice_objection"
    RECORD: ClassVar[type[Record]] = NoticeObjection
    __table_args__ = (Index(None, "notice_id"),)

    notice_id: Mapped[str]
    received_on: Mapped[date]
    student_id: Mapped[str | None]
    summary: Mapped[str]
    resolution: Mapped[str]
    resolved_on: Mapped[date | None]
    result: Mapped[str | None]
