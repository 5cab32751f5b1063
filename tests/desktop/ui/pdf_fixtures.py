"""A running app on an encrypted store with demo students who have visits (for the PDF UI tests)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from sync.demo.showcase import DemoStudent, demo_student
from sync.ids import new_id
from sync.records import AuditEntry, College, Role, User
from tests.desktop.ui.conftest import start_app, unlock
from tests.desktop.ui.store_fixtures import PASSPHRASE, make_store

DEMO_COLLEGE = "机电工程学院"
DEMO_CLASS = "机电2401班"


@dataclass
class PdfApp:
    app: object  # JiaFangApp
    data_dir: Path
    demos: list[DemoStudent]
    visit_ids: dict[str, list[str]]  # student id -> visit ids

    @property
    def ctx(self):  # type: ignore[no-untyped-def]
        return self.app.ctx  # type: ignore[attr-defined]

    @property
    def window(self):  # type: ignore[no-untyped-def]
        return self.app.window  # type: ignore[attr-defined]


def add_demo_students(data_dir: Path, count: int, *, visits_each: int = 1) -> tuple[list[DemoStudent], dict]:
    """Demo students (with ID numbers, family and submitted visits) in one college and class."""
    demos: list[DemoStudent] = []
    visit_ids: dict[str, list[str]] = {}
    today = date.today()
    with Store.open(data_dir, PASSPHRASE) as store, store.session() as s:
        college = s.colleges.create(College(name=DEMO_COLLEGE, code="M"))
        counselor = s.users.by_staff_no("T001") or s.users.create(
            User(staff_no="T001", name="王老师", role=Role.COUNSELOR)
        )
        for seed in range(1, count + 1):
            demo = demo_student(seed, today=today)
            student = demo.student.model_copy(update={"college_id": college.id, "counselor_id": counselor.id})
            s.students.create(student)
            for member in demo.family:
                s.family.create(member)
            ids = []
            for extra in range(visits_each):
                visit = (
                    demo.visit
                    if extra == 0
                    else demo.visit.model_copy(
                        update={
                            "id": new_id(),
                            "visit_date": demo.visit.visit_date - timedelta(days=30 * extra),
                        }
                    )
                )
                s.visits.create(visit)
                ids.append(visit.id)
            visit_ids[student.id] = ids
            demos.append(DemoStudent(student, demo.family, demo.visit))
    return demos, visit_ids


def audit_entries(data_dir: Path) -> list[AuditEntry]:
    with Store.open(data_dir, PASSPHRASE) as store, store.session() as s:
        return list(s.audit.list())


@pytest.fixture(name="pdf_app")
def pdf_app_fixture(
    request: pytest.FixtureRequest, qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> Iterator[PdfApp]:
    role = getattr(request, "param", Role.COUNSELOR)  # parametrize(indirect=True) for another role
    folder = tmp_path / "data"
    ids = make_store(folder, role=role)
    demos, visit_ids = add_demo_students(folder, 3)
    app = start_app(qtbot, qapp, folder)
    unlock(qtbot, app)
    roster = app.window.sections["roster"].roster
    qtbot.waitUntil(lambda: roster.model.rowCount() == len(ids) + len(demos))
    yield PdfApp(app, folder, demos, visit_ids)
    app.shutdown()
