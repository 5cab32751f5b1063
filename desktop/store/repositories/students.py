"""Students, family members and identifications."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import false, select

from desktop.store.repositories.base import Repository, StudentOwnedRepository
from desktop.store.repositories.errors import DuplicateIdentificationYear, DuplicateStudentNo
from desktop.store.search import matches, name_sort_key, search_key
from desktop.store.tables import FamilyMemberRow, IdentificationRow, RecordRow, StudentRow
from sync.records import (
    FamilyMember,
    HomeVisit,
    Identification,
    IdentificationChange,
    IdentificationLevel,
    IdentificationStatus,
    Record,
    Student,
)


class StudentRepository(Repository[Student]):
    RECORD: ClassVar[type[Record]] = Student
    TABLE: ClassVar[type[RecordRow]] = StudentRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("student_no",)

    def derived(self, record: Student) -> dict[str, Any]:
        return {
            "search_key": search_key(record.name, record.student_no, record.class_name),
            "name_pinyin": name_sort_key(record.name),
        }

    def before_create(self, records: Sequence[Student]) -> None:
        numbers = [record.student_no for record in records]
        if len(set(numbers)) != len(numbers):
            raise DuplicateStudentNo()
        for start in range(0, len(numbers), 500):
            chunk = numbers[start : start + 500]
            taken = self.session.execute(
                select(StudentRow.student_no).where(StudentRow.student_no.in_(chunk)).limit(1)
            ).first()
            if taken is not None:
                raise DuplicateStudentNo(f"学号 {taken[0]} 已存在，请核对。")

    def update(self, record: Student) -> str | None:
        clash = self.session.execute(
            select(StudentRow.id).where(
                StudentRow.student_no == record.student_no, StudentRow.id != record.id
            )
        ).first()
        if clash is not None:
            raise DuplicateStudentNo(f"学号 {record.student_no} 已存在，请核对。")
        return super().update(record)

    def by_student_no(self, student_no: str) -> Student | None:
        found = self.list(where={"student_no": student_no}, limit=1)
        return found[0] if found else None

    def search(self, text: str, *, limit: int = 50) -> list[Student]:
        """Students whose name, pinyin, initials, 学号 or 班级 contain ``text`` ("zs" finds 张三)."""
        condition = matches(StudentRow.search_key, text, self.session)
        if condition is None:
            return []
        query = (
            select(StudentRow.__table__)
            .where(StudentRow.deleted == false(), condition)
            .order_by(StudentRow.name_pinyin, StudentRow.student_no)
            .limit(limit)
        )
        return [self.to_record(row) for row in self.session.execute(query)]


class FamilyRepository(StudentOwnedRepository[FamilyMember]):
    RECORD: ClassVar[type[Record]] = FamilyMember
    TABLE: ClassVar[type[RecordRow]] = FamilyMemberRow
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ("name",)
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("id",)

    def apply_household(self, visit: HomeVisit) -> list[FamilyMember]:
        """Bring the family table up to date with the household found on a visit.

        A member is matched by ``family_member_id``, else by name and relationship; matched members get
        the visit's values, others are added. Returns the student's family afterwards.
        """
        family = {member.id: member for member in self.for_student(visit.student_id)}
        by_name = {(member.name, member.relationship): member for member in family.values()}
        for seen in visit.household:
            current = family.get(seen.family_member_id or "") or by_name.get((seen.name, seen.relationship))
            values = seen.model_dump(exclude={"family_member_id", "verified"})
            if current is None:
                self.create(FamilyMember(student_id=visit.student_id, **values))
            else:
                updated = FamilyMember.model_validate({**current.model_dump(), **values})
                self.update(updated)
        return self.for_student(visit.student_id)


class IdentificationRepository(StudentOwnedRepository[Identification]):
    RECORD: ClassVar[type[Record]] = Identification
    TABLE: ClassVar[type[RecordRow]] = IdentificationRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("academic_year",)
    DATE_COLUMN: ClassVar[str | None] = "academic_year"

    def for_year(self, student_id: str, academic_year: str) -> Identification | None:
        found = self.list(where={"student_id": student_id, "academic_year": academic_year}, limit=1)
        return found[0] if found else None

    def _check_one_per_year(self, record: Identification) -> None:
        same_year = self.for_year(record.student_id, record.academic_year)
        if same_year is not None and same_year.id != record.id:
            raise DuplicateIdentificationYear(record.academic_year)

    def before_create(self, records: Sequence[Identification]) -> None:
        """One identification per student per academic year (local edits and imports)."""
        seen: set[tuple[str, str]] = set()
        for record in records:
            pair = (record.student_id, record.academic_year)
            if pair in seen:
                raise DuplicateIdentificationYear(record.academic_year)
            seen.add(pair)
            self._check_one_per_year(record)

    def update(self, record: Identification) -> str | None:
        self._check_one_per_year(record)
        return super().update(record)

    def change_status(
        self,
        identification_id: str,
        status: IdentificationStatus,
        *,
        on: date,
        level: IdentificationLevel | None = None,
        semester: str = "",
        note: str = "",
    ) -> Identification:
        """Move an identification to a new status (and level); the change is appended to its history."""
        current = self.require(identification_id)
        new_level = level if level is not None else current.level
        change = IdentificationChange(
            changed_on=on,
            status=status,
            level=new_level,
            semester=semester,
            note=note,
            changed_by_id=self.ctx.author_id,
        )
        changes: dict[str, Any] = {
            "status": status,
            "level": new_level,
            "history": [*current.history, change],
        }
        if status == IdentificationStatus.IDENTIFIED and current.identified_on is None:
            changes["identified_on"] = on
        return self.patch(identification_id, **changes)
