"""Key support, mentor assignments, support logs and rescue-education sessions (restricted records)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from sqlalchemy import false, select, text

from desktop.store.repositories.base import Repository, StudentOwnedRepository
from desktop.store.tables import (
    KeySupportRow,
    MentorAssignmentRow,
    RecordRow,
    RescueSessionRow,
    SupportLogEntryRow,
)
from sync.records import KeySupport, MentorAssignment, Record, RescueSession, SupportLogEntry


class KeySupportRepository(StudentOwnedRepository[KeySupport]):
    RECORD: ClassVar[type[Record]] = KeySupport
    TABLE: ClassVar[type[RecordRow]] = KeySupportRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("started_on",)
    DATE_COLUMN: ClassVar[str | None] = "started_on"

    def active(self) -> list[KeySupport]:
        """Every key-support period not yet ended."""
        return self.list(where={"exited_on": None})

    def active_for(self, student_id: str) -> KeySupport | None:
        found = self.list(where={"student_id": student_id, "exited_on": None}, limit=1)
        return found[0] if found else None


class MentorAssignmentRepository(StudentOwnedRepository[MentorAssignment]):
    RECORD: ClassVar[type[Record]] = MentorAssignment
    TABLE: ClassVar[type[RecordRow]] = MentorAssignmentRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("from_date",)
    DATE_COLUMN: ClassVar[str | None] = "from_date"

    def for_mentor(self, mentor_id: str) -> list[MentorAssignment]:
        return self.list(where={"mentor_id": mentor_id})

    def active_on(self, day: date) -> list[MentorAssignment]:
        return [assignment for assignment in self.list() if assignment.active_on(day)]


class SupportLogRepository(StudentOwnedRepository[SupportLogEntry]):
    RECORD: ClassVar[type[Record]] = SupportLogEntry
    TABLE: ClassVar[type[RecordRow]] = SupportLogEntryRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("log_date",)
    DATE_COLUMN: ClassVar[str | None] = "log_date"

    def workload_minutes(self, first: date, last: date) -> dict[str, int]:
        """Minutes of support logged per mentor between two dates (for workload totals)."""
        rows = self.session.execute(
            select(SupportLogEntryRow.mentor_id, SupportLogEntryRow.duration_minutes).where(
                SupportLogEntryRow.deleted == false(),
                SupportLogEntryRow.log_date >= first,
                SupportLogEntryRow.log_date <= last,
            )
        )
        totals: dict[str, int] = {}
        for mentor_id, minutes in rows:
            totals[mentor_id] = totals.get(mentor_id, 0) + int(minutes)
        return totals


class RescueSessionRepository(Repository[RescueSession]):
    RECORD: ClassVar[type[Record]] = RescueSession
    TABLE: ClassVar[type[RecordRow]] = RescueSessionRow
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ("topic",)
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("session_date",)

    def for_student(self, student_id: str) -> list[RescueSession]:
        """Sessions in which a student was discussed, oldest first."""
        ids = list(
            self.session.execute(
                text(
                    "SELECT rescue_session.id FROM rescue_session, json_each(rescue_session.student_ids) "
                    "WHERE json_each.value = :sid AND rescue_session.deleted = 0"
                ),
                {"sid": student_id},
            ).scalars()
        )
        return self.list(where={"id": ids}) if ids else []

    def students_discussed(self, first: date, last: date) -> set[str]:
        """Every student discussed in a session between two dates (coverage #6)."""
        sessions: Sequence[RescueSession] = [
            session for session in self.list() if first <= session.session_date <= last
        ]
        return {student_id for session in sessions for student_id in session.student_ids}
