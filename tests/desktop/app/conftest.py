"""Fixtures for the application core tests: a real SQLCipher store, no Qt."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.store.store import Store
from sync.records import (
    College,
    FamilyMember,
    HomeVisit,
    Role,
    Student,
    User,
    VisitCategory,
    VisitMode,
    Visitor,
)
from tests.desktop.ui.store_fixtures import make_store

PASSPHRASE = "correct horse battery"
DAY = date.today() - timedelta(days=3)


@dataclass(frozen=True)
class Seeded:
    store: Store
    student_id: str
    father_id: str
    counselor_id: str


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[Seeded]:
    """One college, its counselor and one student with a father in the family table."""
    store = Store.create(
        tmp_path / "data",
        PASSPHRASE,
        school_name="示例大学",
        user_name="王老师",
        role=Role.COUNSELOR,
        use_keyring=False,
    )
    try:
        with store.session() as s:
            college = s.colleges.create(College(name="商学院", code="B"))
            counselor = s.users.create(User(staff_no="T001", name="王老师", role=Role.COUNSELOR))
            student = s.students.create(
                Student(
                    student_no="2024001",
                    name="张三",
                    class_name="会计2401",
                    grade=2024,
                    college_id=college.id,
                    counselor_id=counselor.id,
                )
            )
            father = s.family.create(
                FamilyMember(student_id=student.id, name="张大山", relationship="父亲", age=50)
            )
        yield Seeded(store, student.id, father.id, counselor.id)
    finally:
        store.close()


def visit(student_id: str, **fields: Any) -> HomeVisit:
    base: dict[str, Any] = {
        "student_id": student_id,
        "category": VisitCategory.ANNUAL_COVERAGE,
        "mode": VisitMode.ON_SITE,
        "visit_date": DAY,
        "duration_minutes": 60,
        "place": "某某县城关镇",
        "visitors": [Visitor(name="王老师")],
        "school_feedback": "学习认真。",
        "family_opinions": "希望多关注学业。",
    }
    base.update(fields)
    return HomeVisit(**base)


@pytest.fixture
def data_dir(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A store folder made by the UI tests' ``make_store`` (its students by name -> id)."""
    folder = tmp_path / "data"
    return folder, make_store(folder)
