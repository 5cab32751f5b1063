"""Colleges, user accounts and mentors."""

from __future__ import annotations

from typing import ClassVar

from desktop.store.repositories.base import Repository
from desktop.store.tables import CollegeRow, MentorRow, RecordRow, SchoolCenterRow, UserRow
from sync.records import College, DifficultyType, Mentor, Record, SchoolCenter, User


class CollegeRepository(Repository[College]):
    RECORD: ClassVar[type[Record]] = College
    TABLE: ClassVar[type[RecordRow]] = CollegeRow
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ("name", "code")
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("name",)


class SchoolCenterRepository(Repository[SchoolCenter]):
    RECORD: ClassVar[type[Record]] = SchoolCenter
    TABLE: ClassVar[type[RecordRow]] = SchoolCenterRow
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ("name",)
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("name",)


class UserRepository(Repository[User]):
    RECORD: ClassVar[type[Record]] = User
    TABLE: ClassVar[type[RecordRow]] = UserRow
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ("name", "staff_no")
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("staff_no",)

    def by_staff_no(self, staff_no: str) -> User | None:
        found = self.list(where={"staff_no": staff_no}, limit=1)
        return found[0] if found else None


class MentorRepository(Repository[Mentor]):
    RECORD: ClassVar[type[Record]] = Mentor
    TABLE: ClassVar[type[RecordRow]] = MentorRow
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ("name", "staff_no", "department")
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("staff_no",)

    def serving(self, difficulty: DifficultyType) -> list[Mentor]:
        """Active mentors whose specialties include a difficulty type."""
        return [mentor for mentor in self.list(where={"active": True}) if difficulty in mentor.specialties]
