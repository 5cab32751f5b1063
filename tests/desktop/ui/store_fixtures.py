"""Small synthetic stores for the UI and application-core tests (names and numbers are made up)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.store.store import Store
from sync.records import (
    College,
    DifficultyType,
    FamilyMember,
    Identification,
    IdentificationLevel,
    Role,
    Student,
    User,
    WishCatalogItem,
    current_academic_year,
)

PASSPHRASE = "correct horse battery"

# (学号, 姓名, 班级, 年级, new student, level)
STUDENTS: list[tuple[str, str, str, int, bool, IdentificationLevel | None]] = [
    ("2024001", "张三", "会计2401", 2024, False, IdentificationLevel.DIFFICULT),
    ("2024002", "李四", "会计2401", 2024, False, IdentificationLevel.ESPECIALLY_DIFFICULT),
    ("2024003", "王五", "会计2402", 2024, False, IdentificationLevel.GENERALLY_DIFFICULT),
    ("2025001", "赵六", "软件2501", 2025, True, None),
    ("2025002", "周晓梅", "软件2501", 2025, True, IdentificationLevel.DIFFICULT),
    ("2023001", "吴天明", "机械2301", 2023, False, IdentificationLevel.NOT_DIFFICULT),
]


def make_store(data_dir: Path, *, role: Role = Role.COUNSELOR) -> dict[str, str]:
    """A store with two colleges and six students; returns 姓名 -> student id."""
    ids: dict[str, str] = {}
    year = current_academic_year()
    store = Store.create(
        data_dir, PASSPHRASE, school_name="示例大学", user_name="王老师", role=role, use_keyring=False
    )
    try:
        with store.session() as s:
            accounting = s.colleges.create(College(name="商学院", code="B"))
            software = s.colleges.create(College(name="信息学院", code="I"))
            counselor = s.users.create(User(staff_no="T001", name="王老师", role=Role.COUNSELOR))
            for number, name, class_name, grade, new, level in STUDENTS:
                college = software if class_name.startswith(("软件", "机械")) else accounting
                student = s.students.create(
                    Student(
                        student_no=number,
                        name=name,
                        class_name=class_name,
                        grade=grade,
                        college_id=college.id,
                        counselor_id=counselor.id,
                        is_new_student=new,
                        phone="13812345678",
                    )
                )
                ids[name] = student.id
                s.identifications.create(
                    Identification(
                        student_id=student.id,
                        academic_year=year,
                        level=level,
                        visit_before_identification=new and level is None,
                        identified_on=None if level is None else date.today(),
                    )
                )
            s.family.create(
                FamilyMember(
                    student_id=ids["张三"], name="张大山", age=50, relationship="父亲", occupation="务农"
                )
            )
    finally:
        store.close()
    return ids


def add_catalog(folder: Path) -> dict[str, str]:
    """Three catalogue items (one retired); returns service item -> id."""
    items: dict[str, str] = {}
    with Store.open(folder, PASSPHRASE) as store, store.session() as s:
        for category, name, department, active in (
            (DifficultyType.PSYCHOLOGICAL, "一对一心理辅导", "心理中心", True),
            (DifficultyType.ACADEMIC, "学业帮扶结对", "教务处", True),
            (DifficultyType.EMPLOYMENT, "已停用的就业讲座", "就业指导中心", False),
        ):
            item = s.wish_catalog.create(
                WishCatalogItem(
                    category=category, service_item=name, provider_department=department, active=active
                )
            )
            items[name] = item.id
    return items
