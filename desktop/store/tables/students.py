"""Tables of students records (one per record type; columns named as the record fields)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import JSON, Index, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import RecordRow
from sync.records import FamilyMember, Identification, Record, Student


class StudentRow(RecordRow):
    """Table of :class:`sync.records.Student`."""

    __tablename__ = "student"
    RECORD: ClassVar[type[Record]] = Student
    __table_args__ = (
        # the coverage counts read the students by college, counselor and class, in this order, and
        # whether the profile records 个人特长 (coverage #4's traits), without their wide rows (schema v8)
        Index(
            "ix_student_groups",
            "deleted",
            "college_id",
            "counselor_id",
            "class_name",
            "is_new_student",
            "id",
            text("talents != ''"),
        ),
        # roster searches and counts read this narrow index, not the wide rows (schema v4)
        Index(
            "ix_student_roster",
            "deleted",
            "search_key",
            "student_no",
            "name_pinyin",
            "class_name",
            "grade",
            "college_id",
            "counselor_id",
            "is_new_student",
            "id",
        ),
    )
    DERIVED_COLUMNS: ClassVar[tuple[str, ...]] = ("search_key", "name_pinyin")

    student_no: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(index=True)
    gender: Mapped[str | None]
    ethnicity: Mapped[str]
    birth_date: Mapped[date | None]
    id_number: Mapped[str | None]
    college_id: Mapped[str | None] = mapped_column(index=True)
    major: Mapped[str]
    grade: Mapped[int | None] = mapped_column(index=True)
    class_name: Mapped[str] = mapped_column(index=True)
    political_status: Mapped[str | None]
    hukou_type: Mapped[str | None]
    origin_place: Mapped[str]
    home_address: Mapped[str]
    phone: Mapped[str | None]
    parent_phone: Mapped[str | None]
    high_school: Mapped[str]
    talents: Mapped[str]
    counselor_id: Mapped[str | None] = mapped_column(index=True)
    is_new_student: Mapped[bool]
    # Derived on every write (desktop.store.search): name, full pinyin, initials, 学号 and 班级 in one
    # lower-case string, so that a roster search is one LIKE over one column; and the full pinyin of the
    # name for sorting by name (added in schema v2).
    search_key: Mapped[str] = mapped_column(default="")
    name_pinyin: Mapped[str] = mapped_column(default="", index=True)


class FamilyMemberRow(RecordRow):
    """Table of :class:`sync.records.FamilyMember`."""

    __tablename__ = "family_member"
    RECORD: ClassVar[type[Record]] = FamilyMember
    __table_args__ = (Index(None, "student_id"),)

    student_id: Mapped[str]
    name: Mapped[str]
    age: Mapped[int | None]
    relationship: Mapped[str]
    employer: Mapped[str]
    occupation: Mapped[str]
    annual_income: Mapped[Decimal | None]
    health: Mapped[str]
    status: Mapped[str]
    note: Mapped[str]


class IdentificationRow(RecordRow):
    """Table of :class:`sync.records.Identification`."""

    __tablename__ = "identification"
    RECORD: ClassVar[type[Record]] = Identification
    __table_args__ = (
        Index(None, "student_id", "academic_year"),
        # the coverage counts read the year's identifications from this index only (schema v3)
        Index(
            "ix_identification_coverage",
            "academic_year",
            "student_id",
            "deleted",
            "level",
            "visit_before_identification",
            "updated_at",
            "aid_decision",
        ),
    )

    student_id: Mapped[str]
    academic_year: Mapped[str]
    level: Mapped[str | None]
    special_groups: Mapped[dict[str, Any]] = mapped_column(JSON)
    causes: Mapped[list[Any]] = mapped_column(JSON)
    per_capita_income: Mapped[Decimal | None]
    identified_on: Mapped[date | None]
    basis: Mapped[list[Any]] = mapped_column(JSON)
    without_application: Mapped[bool]
    visit_before_identification: Mapped[bool]
    status: Mapped[str]
    history: Mapped[list[Any]] = mapped_column(JSON)
    note: Mapped[str]
    visit_exception_reason: Mapped[str]  # schema v11
    aid_decision: Mapped[str]
