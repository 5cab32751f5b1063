"""Checking rows of enrolment status (学籍状态) per term, from the registrar's Excel, for an import.

Each row names a student by 学号 (姓名, when given, must match) and a term — "2025-2026-1",
"2025-2026学年第一学期", or a 学年 column with a 学期 column (1 / 2 / 第一学期 / 第二学期).  A student's
status of a term is one record: a row for a term already recorded updates it (source 教务导入).  Only
the centers import enrolment status.  A 退学 of a disadvantaged student is imported as the registrar
has it; without a case review it stays on the 一个不失学 watch list ("退学未经个案评议") until one is
recorded, and the report says how many.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desktop.store.importing.cells import parse_choice, parse_date
from desktop.store.importing.columns import ImportKind
from desktop.store.importing.plan import ImportPlan, Rows
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import is_center_role
from sync.figures.watch_list import current_identification, reviewed_withdrawal
from sync.records import EnrolmentState, EnrolmentStatus, Student
from sync.records.outcomes import SOURCE_IMPORTED
from sync.records.terms import is_term
from sync.records.validators import check_academic_year

MERGED = "\x00merged"
CENTER_ONLY = "只有学生发展支持中心（学院或学校）可以导入学籍状态。"
STATE_SYNONYMS = {
    "正常": "在读",
    "在校": "在读",
    "在籍": "在读",
    "在籍在校": "在读",
    "注册": "在读",
    "已注册": "在读",
    "复学": "在读",
    "保留入学资格": "保留学籍",
    "转出": "转学",
    "转学(转出)": "转学",
}
_LABEL = re.compile(r"^(\d{4}-\d{4})\s*学年\s*第?\s*([一二12])\s*学期$")
_HALF = {"1": 1, "2": 2, "一": 1, "二": 2, "第一学期": 1, "第二学期": 2, "第1学期": 1, "第2学期": 2}


def parse_state(text: str) -> EnrolmentState:
    return parse_choice(EnrolmentState, text, STATE_SYNONYMS)


def parse_applied(text: str) -> EnrolmentState:
    """ "休学申请" / "退学申请中" / "休学" → the state applied for."""
    value = text.strip().removesuffix("申请中").removesuffix("申请")
    return parse_state(value)


def parse_term_cell(text: str, academic_year: str | None) -> str:
    """A term from "2025-2026-1", "2025-2026学年第一学期", or a half (1 / 第一学期) with the 学年 column."""
    value = text.strip().replace(" ", "")
    if is_term(value):
        return value
    match = _LABEL.match(value)
    if match is not None:
        term = f"{match.group(1)}-{_HALF[match.group(2)]}"
        if is_term(term):
            return term
    if value in _HALF and academic_year:
        return f"{academic_year}-{_HALF[value]}"
    if value in _HALF:
        raise ValueError("只写了第几学期：请同时对应“学年”列，或写成“2025-2026-1”")
    raise ValueError("学期格式应为“2025-2026-1”或“2025-2026学年第一学期”")


class EnrolmentRows(Rows):
    KIND = ImportKind.ENROLMENT

    def __init__(self, session: StoreSession, plan: ImportPlan) -> None:
        super().__init__(session, plan)
        self.today = date.today()

    def check(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        if not is_center_role(self.session.meta.info().role):
            self.problem(0, "", CENTER_ONLY)
            return
        session = self.session
        numbers = sorted({values.get("student_no", "") for _, values in rows} - {"", MERGED})
        students: dict[str, Student] = {}
        for start in range(0, len(numbers), 500):
            for known in session.students.list(where={"student_no": numbers[start : start + 500]}):
                students[known.student_no] = known
        ids = [student.id for student in students.values()]
        existing: dict[tuple[str, str], EnrolmentStatus] = {}
        for status in session.enrolment.for_students(ids):
            existing.setdefault((status.student_id, status.term), status)
        seen: dict[tuple[str, str], int] = {}
        mapped = set(self.plan.mapping.fields.values())
        withdrawn: list[EnrolmentStatus] = []
        for number, values in rows:
            before = len(self.plan.problems)
            self.required(number, values, ("student_no", "term", "state"))
            student = self.student(number, values, students)
            data = self.convert_row(number, values)
            if student is not None and "term" in data:
                key = (student.id, data["term"])
                if key in seen:
                    self.problem(
                        number, "term", f"该学生 {data['term']} 学期的学籍状态与第 {seen[key]} 行重复"
                    )
                seen.setdefault(key, number)
            if len(self.plan.problems) > before or student is None:
                continue
            current = existing.get((student.id, data["term"]))
            count = len(self.plan.creates) + len(self.plan.updates)
            self.stage(
                number,
                values,
                EnrolmentStatus,
                current,
                {**data, "source": SOURCE_IMPORTED},
                mapped,
                new_fields={"student_id": student.id},
            )
            staged = self.plan.creates + self.plan.updates
            if len(staged) > count and data.get("state") == EnrolmentState.WITHDRAWN:
                record = staged[-1]
                assert isinstance(record, EnrolmentStatus)
                withdrawn.append(record)
        self._unreviewed(withdrawn)

    def student(self, number: int, values: dict[str, str], students: dict[str, Student]) -> Student | None:
        student_no = values.get("student_no", "")
        student = students.get(student_no)
        if student_no and student_no != MERGED and student is None:
            self.problem(number, "student_no", f"学号 {student_no} 不在系统中，请先导入学生名单")
        if student is not None and values.get("name") and values["name"] not in (MERGED, student.name):
            self.problem(number, "name", "姓名与系统中该学号的学生不一致，请核对")
        return student

    def convert_row(self, number: int, values: dict[str, str]) -> dict[str, Any]:
        data: dict[str, Any] = {}
        year: dict[str, Any] = {}
        self.convert(number, values, year, "academic_year", check_academic_year)
        self.convert(
            number, values, data, "term", lambda text: parse_term_cell(text, year.get("academic_year"))
        )
        self.convert(number, values, data, "state", parse_state)
        self.convert(number, values, data, "applied_state", parse_applied)
        self.convert(number, values, data, "effective_on", parse_date)
        if values.get("note") and values["note"] != MERGED:
            data["note"] = values["note"]
        return data

    def _unreviewed(self, withdrawn: list[EnrolmentStatus]) -> None:
        """Say how many imported 退学 of disadvantaged students have no case review yet."""
        if not withdrawn:
            return
        ids = [status.student_id for status in withdrawn]
        identifications = self.session.identifications.for_students(ids)
        reviews = self.session.case_reviews.for_students(ids)
        unreviewed = 0
        for status in withdrawn:
            ident = current_identification(
                [i for i in identifications if i.student_id == status.student_id], self.today
            )
            own = [review for review in reviews if review.student_id == status.student_id]
            if ident is not None and ident.is_disadvantaged() and not reviewed_withdrawal(own, status):
                unreviewed += 1
        if unreviewed:
            self.plan.warnings.append(
                f"{unreviewed} 名家庭经济困难学生的退学尚无个案评议记录：导入后列入“一个不失学”关注名单"
                "（退学未经个案评议），请在学生档案的“学籍”中补录个案评议。"
            )
