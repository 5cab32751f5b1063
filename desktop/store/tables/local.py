"""Local-only tables: a counselor's working notes and the sync engine's bookkeeping (never synced).

Each is read by its key: a draft by its id, planned dates by academic year, a conflict by its id (or the
open ones, or a student's), a resolution by the op that carries it, the quarantine as a whole.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import Base


class VisitDraftRow(Base):
    """A visit form's contents as typed (valid or not), kept until saved or discarded."""

    __tablename__ = "visit_draft"

    id: Mapped[str] = mapped_column(primary_key=True)
    student_id: Mapped[str]
    student_name: Mapped[str]
    saved_at: Mapped[str]  # ISO text as the form wrote it (local time with its offset)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class VisitPlanRow(Base):
    """The date a counselor plans to visit a student in an academic year (a working note)."""

    __tablename__ = "visit_plan"

    academic_year: Mapped[str] = mapped_column(primary_key=True)
    student_id: Mapped[str] = mapped_column(primary_key=True)
    planned_on: Mapped[date]


class SyncConflictRow(Base):
    """A conflict as the center sent it (``sync.protocol.ConflictState``)."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(primary_key=True)
    student_id: Mapped[str | None] = mapped_column(index=True)
    status: Mapped[str]
    state: Mapped[dict[str, Any]] = mapped_column(JSON)


class SyncResolutionRow(Base):
    """The conflicts an op in the outbox resolves (written with the resolving edit)."""

    __tablename__ = "sync_resolution"

    op_id: Mapped[str] = mapped_column(primary_key=True)
    conflict_ids: Mapped[list[str]] = mapped_column(JSON)


class SyncQuarantineRow(Base):
    """An op the center refused for good, or one kept back when its student left (for export)."""

    __tablename__ = "sync_quarantine"

    id: Mapped[str] = mapped_column(primary_key=True)
    entry: Mapped[dict[str, Any]] = mapped_column(JSON)
