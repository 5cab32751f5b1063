"""Enrolment status (学籍状态) from the registrar's Excel: the preset (学年 and 学期 in two columns) and the
plain template, a Chinese report of bad rows with nothing written, updates of a term already recorded,
the centers only, and the warning for a disadvantaged student's 退学 without a case review."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.store.importing import ImportKind, ImportRejected, apply_plan, inspect_file, plan_file
from desktop.store.importing.presets import ENROLMENT_TEMPLATE, PRESETS, REGISTRAR_ENROLMENT
from desktop.store.store import Store
from sync.records import EnrolmentState, Identification, Role, Student, current_academic_year
from tests.desktop.store.conftest import PASSPHRASE

TEMPLATES = Path(__file__).resolve().parents[3] / "resources" / "import_templates"


def _store(path: Path, role: Role) -> Store:
    return Store.create(
        path, PASSPHRASE, school_name="示例大学", user_name="张主任", role=role, use_keyring=False
    )


@pytest.fixture
def center(tmp_path: Path) -> Iterator[Store]:
    store = _store(tmp_path / "center", Role.COLLEGE_CENTER)
    try:
        yield store
    finally:
        store.close()


def _students(store: Store, count: int) -> list[Student]:
    made = [Student(student_no=f"2024{index:04d}", name=f"学生{index}") for index in range(count)]
    with store.session() as s:
        s.students.create_many(made)
    return made


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for values in rows:
        sheet.append(values)
    book.save(path)
    return path


def _registrar_rows(students: list[Student]) -> list[list[object]]:
    rows: list[list[object]] = [list(PRESETS[REGISTRAR_ENROLMENT].fields)]
    for index, student in enumerate(students):
        state = ("在籍", "休学", "退学", "保留学籍")[index % 4]
        applied = "退学申请" if index % 10 == 5 else ""
        changed = date(2025, 10, 8) if state not in ("在籍",) else None
        rows.append(
            [
                student.student_no,
                student.name,
                "文学院",
                "汉语言",
                "汉语言2401",
                "2025-2026",
                "1",
                state,
                applied,
                changed,
                "",
            ]
        )
    return rows


def test_the_template_ships_with_the_presets_titles() -> None:
    with (TEMPLATES / "学籍状态模板.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle)) == list(PRESETS[ENROLMENT_TEMPLATE].fields)


def test_the_registrars_file_with_bad_rows_writes_nothing_then_imports_all(
    center: Store, tmp_path: Path
) -> None:
    students = _students(center, 40)
    rows = _registrar_rows(students)
    rows[3][0] = "99990000"  # unknown student
    rows[5][7] = "开除"  # no such state
    rows[7][6] = "第三学期"  # no such term
    rows[9][1] = "别人"  # name does not match
    rows[11][9] = "2025-13-01"  # no such date
    rows.append(list(rows[12]))  # the same student and term twice
    path = _xlsx(tmp_path / "学籍.xlsx", rows)
    with center.session() as s:
        info = inspect_file(s, path)
        assert info.kind is ImportKind.ENROLMENT and info.mapping.name == REGISTRAR_ENROLMENT
        plan = plan_file(s, path)
        assert [problem.text() for problem in plan.problems] == [
            "第 4 行“学号”：学号 99990000 不在系统中，请先导入学生名单",
            "第 6 行“学籍状态”：“开除”不是有效的选项（可选：在读、休学、保留学籍、退学、转学、毕业、结业）",
            "第 8 行“学期”：学期格式应为“2025-2026-1”或“2025-2026学年第一学期”",
            "第 10 行“姓名”：姓名与系统中该学号的学生不一致，请核对",
            "第 12 行“异动日期”：日期不存在，请核对",
            "第 42 行“学期”：该学生 2025-2026-1 学期的学籍状态与第 13 行重复",
        ]
        assert plan.summary() == "学籍状态：41 行数据，发现 6 个问题，未导入任何数据。"
        with pytest.raises(ImportRejected):
            apply_plan(s, plan)
    with center.session() as s:
        assert s.enrolment.count() == 0

    path = _xlsx(tmp_path / "学籍2.xlsx", _registrar_rows(students))
    with center.session() as s:
        plan = plan_file(s, path)
        assert plan.ok and len(plan.creates) == 40
        apply_plan(s, plan)
    with center.session() as s:
        statuses = {status.student_id: status for status in s.enrolment.list()}
        assert len(statuses) == 40
        first, second, third = (statuses[students[i].id] for i in range(3))
        assert (first.state, first.term, first.source) == (EnrolmentState.STUDYING, "2025-2026-1", "教务导入")
        assert (second.state, second.effective_on) == (EnrolmentState.SUSPENDED, date(2025, 10, 8))
        assert third.state is EnrolmentState.WITHDRAWN
        assert statuses[students[5].id].applied_state is EnrolmentState.WITHDRAWN

    # The next file corrects one student's term: an update, not a second record.
    rows = [
        list(PRESETS[ENROLMENT_TEMPLATE].fields),
        [students[1].student_no, "", "2025-2026学年第一学期", "在读", "", "", "已复学"],
    ]
    path = _xlsx(tmp_path / "更正.xlsx", rows)
    with center.session() as s:
        plan = plan_file(s, path)
        assert plan.ok and (len(plan.creates), len(plan.updates)) == (0, 1)
        apply_plan(s, plan)
    with center.session() as s:
        [status] = s.enrolment.for_student(students[1].id)
        assert (status.state, status.note) == (EnrolmentState.STUDYING, "已复学")


def test_a_half_year_term_needs_the_year_column(center: Store, tmp_path: Path) -> None:
    [student] = _students(center, 1)
    path = _xlsx(
        tmp_path / "t.xlsx", [["学号", "学期", "学籍状态"], [student.student_no, "第一学期", "在读"]]
    )
    with center.session() as s:
        plan = plan_file(s, path, kind=ImportKind.ENROLMENT)
        assert [p.text() for p in plan.problems] == [
            "第 2 行“学期”：只写了第几学期：请同时对应“学年”列，或写成“2025-2026-1”"
        ]


def test_only_the_centers_import_enrolment(store: Store, tmp_path: Path) -> None:
    [student] = _students(store, 1)  # the default store is a counselor's
    path = _xlsx(
        tmp_path / "t.xlsx", [["学号", "学期", "学籍状态"], [student.student_no, "2025-2026-1", "退学"]]
    )
    with store.session() as s:
        plan = plan_file(s, path, kind=ImportKind.ENROLMENT)
        assert [p.text() for p in plan.problems] == [
            "文件：只有学生发展支持中心（学院或学校）可以导入学籍状态。"
        ]


def test_an_unreviewed_withdrawal_of_a_disadvantaged_student_is_imported_with_a_warning(
    center: Store, tmp_path: Path
) -> None:
    poor, other = _students(center, 2)
    year = current_academic_year()
    with center.session() as s:
        s.identifications.create(Identification(student_id=poor.id, academic_year=year, level="difficult"))
    rows = [
        ["学号", "学期", "学籍状态"],
        [poor.student_no, "2025-2026-1", "退学"],
        [other.student_no, "2025-2026-1", "退学"],
    ]
    path = _xlsx(tmp_path / "t.xlsx", rows)
    with center.session() as s:
        plan = plan_file(s, path, kind=ImportKind.ENROLMENT)
        assert plan.ok and len(plan.creates) == 2
        assert plan.warnings == [
            "1 名家庭经济困难学生的退学尚无个案评议记录：导入后列入“一个不失学”关注名单（退学未经个案评议），"
            "请在学生档案的“学籍”中补录个案评议。"
        ]
