"""Synced records (one generic table), conflicts, processed ops and the change-sequence counter."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.models.base import ID, Base, BigId, UtcDateTime, utcnow


class RecordRow(Base):
    """The current state of one record (or its tombstone).

    ``fields`` is the record's JSON; ``meta`` holds, per field, ``[version, device, author, hlc, received]``.
    ``student_id`` is the (first) student the record belongs to; ``multi`` marks records of several
    students, listed in ``record_students``.
    """

    __tablename__ = "records"
    __table_args__ = (
        Index("ix_records_seq", "seq"),
        Index("ix_records_student_seq", "student_id", "seq"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    record_type: Mapped[str] = mapped_column(String(64))
    student_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    multi: Mapped[bool] = mapped_column(Boolean, default=False)
    author_id: Mapped[str] = mapped_column(ID)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    rev: Mapped[int] = mapped_column(Integer)
    fields: Mapped[str] = mapped_column(Text)
    meta: Mapped[str] = mapped_column(Text)
    versions: Mapped[str] = mapped_column(Text)
    seq: Mapped[int] = mapped_column(BigId)
    dhash: Mapped[int] = mapped_column(BigId)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    def fields_dict(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.fields)
        return value

    def meta_dict(self) -> dict[str, list[Any]]:
        value: dict[str, list[Any]] = json.loads(self.meta)
        return value


class RecordStudent(Base):
    __tablename__ = "record_students"

    record_id: Mapped[str] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), primary_key=True)
    student_id: Mapped[str] = mapped_column(ID, primary_key=True, index=True)


class ConflictRow(Base):
    __tablename__ = "conflicts"
    __table_args__ = (
        Index("ix_conflicts_seq", "seq"),
        Index("ix_conflicts_student_seq", "student_id", "seq"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    record_type: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(ID, index=True)
    student_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    field: Mapped[str] = mapped_column(String(100))
    kept: Mapped[str] = mapped_column(Text)
    other: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")
    resolved_by: Mapped[str | None] = mapped_column(ID, nullable=True)
    seq: Mapped[int] = mapped_column(BigId)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ProcessedOp(Base):
    """Every op the server has answered, with its result: a repeated op gets the same answer."""

    __tablename__ = "processed_ops"

    op_id: Mapped[str] = mapped_column(ID, primary_key=True)
    device_id: Mapped[str] = mapped_column(ID)
    result: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class SeqCounter(Base):
    """One row: the last allocated change number (``value``); ``floor``: below it tombstones expired;
        ``scope_seq``: the change that last altered who may see which student; ``epoch``: the identity of
        this history, renewed when the database is found restored, with ``epoch_start`` (the horizon then),
        ``epoch_at`` (when), ``identity`` (what the database looked like then) and ``past_epochs`` (the epochs
    this history went through, ``epoch:end;…``), see ``sync.server.epoch``."""

    __tablename__ = "seq_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigId, default=0)
    floor: Mapped[int] = mapped_column(BigId, default=0)
    scope_seq: Mapped[int] = mapped_column(BigId, default=0)
    epoch: Mapped[str] = mapped_column(String(32), default="")
    epoch_start: Mapped[int] = mapped_column(BigId, default=0)
    epoch_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    identity: Mapped[str] = mapped_column(String(128), default="")
    past_epochs: Mapped[str] = mapped_column(Text, default="")
