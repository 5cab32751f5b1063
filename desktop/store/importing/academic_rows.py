"""Checking rows of academic results (学业成绩: a term's GPA and failed-course count) for an import.

The academic affairs system exports one row per student and term. A row names the student by 学号
(姓名, when given, must match); students not in the store are reported, never created. The term is
written whole ("2025-2026-1", "2025-2026学年第一学期") or, as many systems export it, in two columns
(学年 "2025-2026" and 学期 "1"). GPA is 0–5; the failed-course count a whole number ≥ 0. A student's
result of a term already stored is updated (or left alone when equal); the same student and term twice
in one file is reported. Only the center roles import results.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from desktop.store.importing.columns import ImportKind
from desktop.store.importing.plan import ImportPlan, Rows
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import is_center_role
from sync.records import AcademicResult, Student
from sync.records.terms import is_term
from sync.records.validators import check_academic_year

MERGED = "\x00merged"
SOURCE = "教务导入"
CENTER_ONLY = "只有学生发展支持中心（学院或学校）可以导入学业成绩。"
GPA_MAX = 5.0

_HALVES = {"1": 1, "2": 2, "一": 1, "二": 2, "上": 1, "下": 2, "秋": 1, "春": 2, "秋季": 1, "春季": 2}
_HALF = "|".join(sorted(_HALVES, key=len, reverse=True))
_WHOLE_TERM = re.compile(
    rf"^(\d{{4}})\s*[-－—~至]\s*(\d{{4}})\s*(?:学年)?\s*[-－—_（(]?\s*第?\s*({_HALF})\s*(?:学期)?\s*[）)]?$"
)
_HALF_ONLY = re.compile(rf"^第?\s*({_HALF})\s*(?:学期)?$")
TERM_MESSAGE = "学期格式不正确，应为“2025-2026-1”或“2025-2026学年第一学期”（或学年一列、学期 1 或 2 一列）"


def parse_term_cell(text: str, academic_year: str = "") -> str:
    """A term from a cell ("2025-2026-1", "2025-2026学年第二学期", or "1" with the 学年 column)."""
    value = text.strip()
    whole = _WHOLE_TERM.match(value)
    if whole is not None:
        term = f"{whole.group(1)}-{whole.group(2)}-{_HALVES[whole.group(3)]}"
        if not is_term(term):
            raise ValueError(f"“{value}”不是有效的学期：学年应为相邻的两年，例如 2025-2026")
        if academic_year and term[:9] != academic_year:
            raise ValueError(f"学期“{value}”与学年“{academic_year}”不一致")
        return term
    half = _HALF_ONLY.match(value)
    if half is not None:
        if not academic_year:
            raise ValueError(f"学期“{value}”缺少学年：请写成“2025-2026-1”，或同时导入“学年”一列")
        return f"{academic_year}-{_HALVES[half.group(1)]}"
    raise ValueError(f"“{value}”：{TERM_MESSAGE}")


def parse_gpa(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError(f"“{text}”不是有效的平均学分绩点（应为 0–5 之间的数）") from None
    if not 0.0 <= value <= GPA_MAX:
        raise ValueError(f"平均学分绩点 {text} 超出范围，应在 0–5 之间")
    return value


def parse_failed_courses(text: str) -> int:
    value = text.strip().removesuffix("门").strip()
    if value.endswith(".0"):
        value = value[:-2]  # a number cell read from Excel
    if not value.isdigit():
        raise ValueError(f"“{text}”不是有效的不及格门数（应为 0 或正整数）")
    return int(value)


class AcademicRows(Rows):
    KIND = ImportKind.ACADEMIC

    def __init__(self, session: StoreSession, plan: ImportPlan) -> None:
        super().__init__(session, plan)
        self.repository = session.academic_results

    def check(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        if not is_center_role(self.session.meta.info().role):
            self.problem(0, "", CENTER_ONLY)
            return
        numbers = sorted({values.get("student_no", "") for _, values in rows} - {"", MERGED})
        students: dict[str, Student] = {}
        for start in range(0, len(numbers), 500):
            for known in self.session.students.list(where={"student_no": numbers[start : start + 500]}):
                students[known.student_no] = known
        stored: dict[tuple[str, str], AcademicResult] = {}
        for result in self.repository.for_students([s.id for s in students.values()]):
            key = (result.student_id, result.term)
            if key not in stored or result.id > stored[key].id:
                stored[key] = result
        seen: dict[tuple[str, str], int] = {}
        mapped = set(self.plan.mapping.fields.values())
        for number, values in rows:
            before = len(self.plan.problems)
            self.required(number, values, ("student_no", "term", "failed_courses"))
            student = self.student(number, values, students)
            data = self.convert_row(number, values)
            if len(self.plan.problems) > before or student is None:
                continue
            key = (student.id, data["term"])
            if key in seen:
                self.problem(number, "term", f"该学生 {data['term']} 学期的成绩与第 {seen[key]} 行重复")
                continue
            seen[key] = number
            current = stored.get(key)
            try:
                if current is None:
                    record = AcademicResult.model_validate(
                        {"student_id": student.id, "source": SOURCE, **data}
                    )
                else:
                    record = AcademicResult.model_validate({**current.model_dump(), "source": SOURCE, **data})
            except ValidationError as exc:
                self.record_errors(number, exc, mapped | set(data))
                continue
            if current is None:
                self.plan.creates.append(record)
                self.preview(number, "新增", values)
            elif (record.gpa, record.failed_courses) == (current.gpa, current.failed_courses):
                self.plan.unchanged += 1
                self.preview(number, "已存在", values)
            else:
                self.plan.updates.append(record)
                self.preview(number, "更新", values)

    def student(self, number: int, values: dict[str, str], students: dict[str, Student]) -> Student | None:
        student_no = values.get("student_no", "")
        student = students.get(student_no)
        if student_no and student_no != MERGED and student is None:
            self.problem(
                number,
                "student_no",
                f"学号 {student_no} 不在系统中（成绩不会为其新建学生），请先导入学生名单",
            )
        if student is not None and values.get("name") and values["name"] not in (MERGED, student.name):
            self.problem(number, "name", "姓名与系统中该学号的学生不一致，请核对")
        return student

    def convert_row(self, number: int, values: dict[str, str]) -> dict[str, Any]:
        data: dict[str, Any] = {}
        before = len(self.plan.problems)
        self.convert(number, values, data, "academic_year", check_academic_year)
        year = data.pop("academic_year", "")
        if len(self.plan.problems) == before:  # a wrong 学年 is reported once, not again with the term
            self.convert(number, values, data, "term", lambda text: parse_term_cell(text, year))
        self.convert(number, values, data, "gpa", parse_gpa)
        self.convert(number, values, data, "failed_courses", parse_failed_courses)
        return data
