"""Academic results (学业成绩) from the academic affairs system's Excel: checked row by row with a Chinese
report, all or nothing, students never created, updated on re-import; the preset and the template; only
the center roles import."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.store.importing import ImportKind, ImportRejected, apply_plan, inspect_file, plan_file
from desktop.store.importing.academic_rows import CENTER_ONLY, parse_term_cell
from desktop.store.importing.presets import ACADEMIC_AFFAIRS, ACADEMIC_TEMPLATE, PRESETS
from desktop.store.store import Store
from sync.records import AcademicResult, Role, Student
from tests.desktop.store.conftest import PASSPHRASE

TEMPLATES = Path(__file__).resolve().parents[3] / "resources" / "import_templates"
STUDENTS = 120


@pytest.fixture
def center_store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.create(
        tmp_path / "center",
        PASSPHRASE,
        school_name="示例大学",
        user_name="刘主任",
        role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )
    try:
        yield opened
    finally:
        opened.close()


def add_students(store: Store) -> list[Student]:
    made = [
        Student(student_no=f"2024{index:04d}", name=f"学生{index}", grade=2024) for index in range(STUDENTS)
    ]
    with store.session() as s:
        s.students.create_many(made)
    return made


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for values in rows:
        sheet.append(values)
    book.save(path)
    return path


def affairs_rows(students: list[Student]) -> list[list[object]]:
    """The academic affairs system's layout: 学年 and 学期 apart, GPA and failed courses as numbers."""
    rows: list[list[object]] = [list(PRESETS[ACADEMIC_AFFAIRS].fields)]
    for index, student in enumerate(students):
        gpa = round(2.0 + (index % 30) / 10, 2)
        rows.append(
            ["2025-2026", 1, student.student_no, student.name, "文学院", "汉语言", "汉语2401", gpa, index % 3]
        )
    return rows


def results(store: Store) -> list[AcademicResult]:
    with store.session() as s:
        return list(s.repository(AcademicResult.RECORD_TYPE).list())


def test_template_and_preset_titles() -> None:
    with (TEMPLATES / "学业成绩模板.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle)) == list(PRESETS[ACADEMIC_TEMPLATE].fields)


def test_bad_rows_are_reported_in_chinese_and_nothing_is_written(center_store: Store, tmp_path: Path) -> None:
    students = add_students(center_store)
    rows = affairs_rows(students)
    rows[3][2] = "99990001"  # unknown student
    rows[4][7] = 5.3  # GPA above 5
    rows[5][7] = "优"  # not a number
    rows[6][1] = 3  # no third term
    rows[7][0] = "2025-2027"  # not consecutive years
    rows[8][8] = -1  # negative count
    rows[9][8] = ""  # failed courses missing
    rows[10][3] = "别人"  # name does not match
    rows[12] = list(rows[11])  # the same student and term twice
    path = write_xlsx(tmp_path / "成绩汇总.xlsx", rows)
    with center_store.session() as s:
        info = inspect_file(s, path)
        assert info.kind is ImportKind.ACADEMIC and info.mapping.name == ACADEMIC_AFFAIRS
        plan = plan_file(s, path)
        lines = plan.report_lines()
        assert not plan.ok
        assert "第 4 行“学号”：学号 99990001 不在系统中（成绩不会为其新建学生），请先导入学生名单" in lines
        assert "第 5 行“平均学分绩点”：平均学分绩点 5.3 超出范围，应在 0–5 之间" in lines
        assert "第 6 行“平均学分绩点”：“优”不是有效的平均学分绩点（应为 0–5 之间的数）" in lines
        assert any(line.startswith("第 7 行“学期”：“3”") and "学期格式不正确" in line for line in lines)
        assert any(line.startswith("第 8 行“学年”") for line in lines)
        assert "第 9 行“不及格门数”：“-1”不是有效的不及格门数（应为 0 或正整数）" in lines
        assert "第 10 行“不及格门数”：必填项为空" in lines
        assert "第 11 行“姓名”：姓名与系统中该学号的学生不一致，请核对" in lines
        assert "第 13 行“学期”：该学生 2025-2026-1 学期的成绩与第 12 行重复" in lines
        assert len(plan.problems) == 9, lines
        with pytest.raises(ImportRejected):
            apply_plan(s, plan)
    assert results(center_store) == []


def test_good_file_imports_all_then_updates_and_leaves_equal_rows(
    center_store: Store, tmp_path: Path
) -> None:
    students = add_students(center_store)
    rows = affairs_rows(students)
    path = write_xlsx(tmp_path / "成绩汇总.xlsx", rows)
    with center_store.session() as s:
        plan = plan_file(s, path)
        assert plan.ok, plan.report_lines()
        assert (len(plan.creates), len(plan.updates), plan.unchanged) == (STUDENTS, 0, 0)
        apply_plan(s, plan)
    stored = {r.student_id: r for r in results(center_store)}
    first = stored[students[1].id]
    assert (first.term, first.gpa, first.failed_courses, first.source) == ("2025-2026-1", 2.1, 1, "教务导入")
    rows[2][7], rows[2][8] = 3.95, 0  # corrected by the academic affairs office
    write_xlsx(path, rows)
    with center_store.session() as s:
        plan = plan_file(s, path)
        assert (len(plan.creates), len(plan.updates), plan.unchanged) == (0, 1, STUDENTS - 1)
        apply_plan(s, plan)
    again = {r.student_id: r for r in results(center_store)}
    assert len(again) == STUDENTS
    assert (again[students[1].id].gpa, again[students[1].id].failed_courses) == (3.95, 0)
    assert again[students[1].id].id == first.id  # the same record, changed


def test_template_with_whole_terms_and_guessed_columns(center_store: Store, tmp_path: Path) -> None:
    students = add_students(center_store)
    guessed = write_xlsx(
        tmp_path / "绩点.xlsx",
        [
            ["学生学号", "学生姓名", "学年学期", "GPA", "不及格课程数"],
            [students[0].student_no, students[0].name, "2025-2026学年第二学期", "3.2", "0"],
            [students[1].student_no, "", "2025-2026-1", "", "2门"],
        ],
    )
    with center_store.session() as s:
        info = inspect_file(s, guessed)
        assert info.kind is ImportKind.ACADEMIC and info.mapping.name == ""
        plan = plan_file(s, guessed)
        assert plan.ok, plan.report_lines()
        apply_plan(s, plan)
    found = sorted((r.term, r.gpa, r.failed_courses) for r in results(center_store))
    assert found == [("2025-2026-1", None, 2), ("2025-2026-2", 3.2, 0)]


def test_term_cells() -> None:
    assert parse_term_cell("2025-2026-1") == "2025-2026-1"
    assert parse_term_cell("2025-2026学年第二学期") == "2025-2026-2"
    assert parse_term_cell("2025—2026学年 第1学期") == "2025-2026-1"
    assert parse_term_cell("2", "2025-2026") == "2025-2026-2"
    assert parse_term_cell("第一学期", "2025-2026") == "2025-2026-1"
    with pytest.raises(ValueError, match="缺少学年"):
        parse_term_cell("1")
    with pytest.raises(ValueError, match="不一致"):
        parse_term_cell("2024-2025-1", "2025-2026")
    with pytest.raises(ValueError, match="学期格式不正确"):
        parse_term_cell("2025秋")


def test_a_counselor_may_not_import_results(store: Store, tmp_path: Path) -> None:
    students = add_students(store)
    path = write_xlsx(tmp_path / "成绩汇总.xlsx", affairs_rows(students[:3]))
    with store.session() as s:
        plan = plan_file(s, path)
        assert plan.report_lines() == [f"文件：{CENTER_ONLY}"]
        with pytest.raises(ImportRejected):
            apply_plan(s, plan)
    assert results(store) == []
