"""Exports: masking, the role rule, the audit entry per export, and export → import round trips."""

from __future__ import annotations

import json
import random
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.store.exporting import ExportFormat, ExportNotAllowed, ExportWhat, export_data
from desktop.store.importing import apply_plan, plan_file
from desktop.store.store import Store
from sync.records import AuditAction, College, GuaranteeAid, Role, Student, User, fake_id_number
from tests.desktop.store.conftest import PASSPHRASE
from tests.desktop.store.coverage_fixture import YEAR, build_school

ID = fake_id_number(random.Random(5), date(2006, 5, 17), "320321")


def seed(store: Store) -> None:
    arts = College(name="文学院")
    counselor = User(staff_no="T1", name="王老师", role="counselor")
    with store.session() as s:
        s.colleges.create(arts)
        s.users.create(counselor)
        zhang = Student(
            student_no="20250001",
            name="张三",
            gender="female",
            id_number=ID,
            birth_date=date(2006, 5, 17),
            college_id=arts.id,
            grade=2025,
            class_name="中文2501",
            home_address="丰县某镇某村 8 号",
            phone="13812345678",
            parent_phone="13900001111",
            counselor_id=counselor.id,
            is_new_student=True,
            hukou_type="rural",
        )
        s.students.create(zhang)
        s.students.create(Student(student_no="20250002", name="李四", college_id=arts.id))
        s.aid.create(
            GuaranteeAid(
                student_id=zhang.id,
                academic_year=YEAR,
                aid_type="grant",
                project_name="国家助学金",
                amount=Decimal("3300"),
                granted_on=date(2025, 10, 1),
            )
        )


def sheet_rows(path: Path, name: str) -> list[list[object]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return [list(row) for row in workbook[name].iter_rows(values_only=True)]
    finally:
        workbook.close()


def test_masked_by_default_and_audited(store: Store, tmp_path: Path) -> None:
    seed(store)
    path = tmp_path / "名单.xlsx"
    with store.session() as s:
        summary = export_data(
            s, [ExportWhat.ROSTER, ExportWhat.AID], ExportFormat.XLSX, path, role=Role.COUNSELOR
        )
    assert summary.counts == {"roster": 2, "aid": 1} and summary.masked
    rows = sheet_rows(path, "学生名单")
    header, first = rows[0], rows[1]
    record = dict(zip(header, first, strict=False))
    assert record["身份证件号"] == ID[:6] + "********" + ID[-4:]
    assert record["本人手机"] == "138****5678"
    assert record["家庭住址"] is None
    assert record["学院"] == "文学院" and record["辅导员工号"] == "T1"
    aid = dict(zip(*sheet_rows(path, "保障型资助")[:2], strict=False))
    assert aid["金额(元)"] == "（已隐去）"
    with store.session() as s:
        [entry] = s.audit.list()
    assert entry.action is AuditAction.EXPORT
    assert "学生名单 2 行" in entry.detail and "已脱敏" in entry.detail
    assert "张三" not in entry.detail


def test_unmasked_needs_a_role_that_allows_it(store: Store, tmp_path: Path) -> None:
    seed(store)
    with store.session() as s, pytest.raises(ExportNotAllowed):
        export_data(
            s, [ExportWhat.ROSTER], ExportFormat.JSON, tmp_path / "x.json", role=Role.MENTOR, unmasked=True
        )
    assert not (tmp_path / "x.json").exists()
    with store.session() as s:
        export_data(
            s,
            [ExportWhat.ROSTER],
            ExportFormat.JSON,
            tmp_path / "x.json",
            role=Role.SCHOOL_CENTER,
            unmasked=True,
        )
    doc = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert doc["masked"] is False
    assert doc["tables"]["学生名单"][0]["身份证件号"] == ID
    assert not list(tmp_path.glob(".jiafang-export-*"))  # no temporary file left behind


def test_roster_round_trip_into_a_new_store(store: Store, tmp_path: Path) -> None:
    seed(store)
    path = tmp_path / "全部.xlsx"
    with store.session() as s:
        export_data(s, [ExportWhat.ROSTER], ExportFormat.XLSX, path, role=Role.COUNSELOR, unmasked=True)
        originals = {student.student_no: student for student in s.students.list()}
        colleges, users = s.colleges.list(), s.users.list()
    other = Store.create(
        tmp_path / "other",
        PASSPHRASE,
        school_name="示例大学",
        user_name="李老师",
        role=Role.COUNSELOR,
        use_keyring=False,
    )
    try:
        with other.session() as s:
            s.colleges.create_many(colleges)
            s.users.create_many(users)
        with other.session() as s:
            plan = plan_file(s, path)
            assert plan.ok, plan.report_lines()
            apply_plan(s, plan)
        with other.session() as s:
            imported = {student.student_no: student for student in s.students.list()}
        assert set(imported) == set(originals)
        for number, original in originals.items():
            assert imported[number].model_dump(exclude={"id"}) == original.model_dump(exclude={"id"})
    finally:
        other.close()


def test_masked_export_imports_back_without_changes(store: Store, tmp_path: Path) -> None:
    seed(store)
    path = tmp_path / "脱敏.xlsx"
    with store.session() as s:
        export_data(s, [ExportWhat.ROSTER], ExportFormat.XLSX, path, role=Role.COUNSELOR)
        plan = plan_file(s, path)
    assert plan.ok and not plan.creates and not plan.updates
    assert any("已隐去" in warning for warning in plan.warnings)


def test_coverage_and_all(store: Store, tmp_path: Path) -> None:
    build_school(store)
    path = tmp_path / "覆盖.json"
    with store.session() as s:
        export_data(
            s, list(ExportWhat), ExportFormat.JSON, path, role=Role.COLLEGE_CENTER, academic_year=YEAR
        )
        xlsx = tmp_path / "覆盖.xlsx"
        export_data(s, [ExportWhat.COVERAGE], ExportFormat.XLSX, xlsx, role=Role.ADMIN, academic_year=YEAR)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["coverage"]["totals"]["visits"]["covered"] == 4
    overview = {row["项目"]: row for row in doc["tables"]["覆盖总览"]}
    assert overview["家访全覆盖"]["应覆盖"] == 6
    assert len(doc["tables"]["家访记录"]) == 5  # submitted visits of the year (no drafts, no deleted)
    rows = sheet_rows(xlsx, "覆盖总览")
    assert "育人导师全覆盖" not in [row[0] for row in rows]  # an administrator sees no key-support figures
