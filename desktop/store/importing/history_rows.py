"""Checking rows of aid records (资助历史) and growth rewards (成长奖励) for an import.

Each row names a student by 学号 (姓名, when given, must match); the record is checked like the form.
A row equal to a record already stored (same student, year, type, project or content, date and amount)
is not imported again, so importing the same file twice adds nothing; the same row twice in one file
is reported.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from desktop.store.importing.cells import parse_choice, parse_date
from desktop.store.importing.columns import ImportKind
from desktop.store.importing.plan import ImportPlan, Rows
from desktop.store.repositories.session import StoreSession
from sync.records import AidType, GrowthReward, GuaranteeAid, Record, RewardForm, RewardKind, Student
from sync.records.validators import check_academic_year

MERGED = "\x00merged"
# Project names of the national aid system (and usual wording) that say the aid type by themselves.
AID_TYPE_WORDS: tuple[tuple[str, AidType], ...] = (
    ("绿色通道", AidType.GREEN_CHANNEL),
    ("生源地", AidType.LOAN_ORIGIN),
    ("校园地", AidType.LOAN_CAMPUS),
    ("临时", AidType.TEMPORARY_SUBSIDY),
    ("困难补助", AidType.HARDSHIP_SUBSIDY),
    ("减免", AidType.TUITION_WAIVER),
    ("勤工", AidType.WORK_STUDY),
    ("奖学金", AidType.SCHOLARSHIP),
    ("助学金", AidType.GRANT),
    ("捐", AidType.SOCIAL_DONATION),
)
REWARD_FORM_WORDS = {"直接": RewardForm.DIRECT, "间接": RewardForm.INDIRECT}


def parse_aid_type(text: str) -> AidType:
    try:
        return parse_choice(AidType, text)
    except ValueError:
        for word, kind in AID_TYPE_WORDS:
            if word in text:
                return kind
        raise


def parse_money(text: str) -> Decimal:
    cleaned = text.replace(",", "").replace("，", "").replace("元", "").replace("¥", "").strip()
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"“{text}”不是有效的金额") from None


def parse_reward_form(text: str) -> RewardForm:
    for word, form in REWARD_FORM_WORDS.items():
        if text.startswith(word):
            return form
    return parse_choice(RewardForm, text)


def _aid_key(record: Record) -> tuple[Any, ...]:
    assert isinstance(record, GuaranteeAid)
    return (
        record.student_id,
        record.academic_year,
        record.aid_type,
        record.project_name,
        record.granted_on,
        record.amount,
        record.position,
    )


def _reward_key(record: Record) -> tuple[Any, ...]:
    assert isinstance(record, GrowthReward)
    return (record.student_id, record.academic_year, record.kind, record.description, record.granted_on)


class HistoryRows(Rows):
    """Rows of aid records or growth rewards (``KIND`` decides which)."""

    def __init__(self, session: StoreSession, plan: ImportPlan) -> None:
        super().__init__(session, plan)
        self.KIND = plan.kind
        aid = plan.kind is ImportKind.AID
        self.record_type: type[Record] = GuaranteeAid if aid else GrowthReward
        self.key: Callable[[Record], tuple[Any, ...]] = _aid_key if aid else _reward_key
        self.repository = session.aid if aid else session.rewards

    def check(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        numbers = sorted({values.get("student_no", "") for _, values in rows} - {"", MERGED})
        students: dict[str, Student] = {}
        for start in range(0, len(numbers), 500):
            for known in self.session.students.list(where={"student_no": numbers[start : start + 500]}):
                students[known.student_no] = known
        stored = {
            self.key(record) for record in self.repository.for_students([s.id for s in students.values()])
        }
        seen: dict[tuple[Any, ...], int] = {}
        mapped = set(self.plan.mapping.fields.values())
        for number, values in rows:
            before = len(self.plan.problems)
            required = ("student_no", "academic_year", "granted_on") + (
                ("project_name",) if self.plan.kind is ImportKind.AID else ("kind", "description")
            )
            self.required(number, values, required)
            student = self.student(number, values, students)
            data = self.convert_row(number, values)
            if len(self.plan.problems) > before or student is None:
                continue
            try:
                record = self.record_type.model_validate({"student_id": student.id, **data})
            except ValidationError as exc:
                self.record_errors(number, exc, mapped | set(data))
                continue
            key = self.key(record)
            if key in seen:
                self.problem(number, "", f"与第 {seen[key]} 行内容相同（同一学生、学年、项目和日期）")
                continue
            seen[key] = number
            if key in stored:
                self.preview(number, "已存在", values)
                self.plan.unchanged += 1
                continue
            self.plan.creates.append(record)
            self.preview(number, "新增", values)

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
        self.convert(number, values, data, "academic_year", check_academic_year)
        self.convert(number, values, data, "granted_on", parse_date)
        if self.plan.kind is ImportKind.AID:
            for name in ("project_name", "position", "funding_source", "note"):
                if values.get(name) and values[name] != MERGED:
                    data[name] = values[name]
            self.convert(number, values, data, "amount", parse_money)
            source = values.get("aid_type") or values.get("project_name", "")
            if source and source != MERGED:
                try:
                    data["aid_type"] = parse_aid_type(source)
                except ValueError as exc:
                    self.problem(number, "aid_type" if values.get("aid_type") else "project_name", str(exc))
        else:
            for name in ("description", "granting_department"):
                if values.get(name) and values[name] != MERGED:
                    data[name] = values[name]
            self.convert(number, values, data, "kind", lambda t: parse_choice(RewardKind, t))
            self.convert(number, values, data, "form", parse_reward_form)
            self.convert(number, values, data, "value", parse_money)
        return data
