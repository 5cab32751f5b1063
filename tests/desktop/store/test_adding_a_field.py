"""Adding a field to a record touches a few known places (docs/adding-a-field.md); these tests fail when
one of them is forgotten.  (The table, the migration step and the migration list are checked by
test_tables.py; the translations of the form's labels by tests/desktop/ui/test_translations.py.)"""

from __future__ import annotations

import ast
import inspect
from datetime import date
from types import ModuleType

import desktop.reports.visit_form as printed_form
import desktop.ui.visits.visit_form as visit_form
from desktop.store.exporting import VISIT_COLUMNS, VISIT_SENSITIVE_COLUMNS, visits_table
from desktop.store.store import Store
from sync.records import RECORD_TYPES, HomeVisit, Student

# Fields of a visit the form does not show: set when the visit is saved (its status, number and author)
# or by the college center's review.
NOT_IN_FORM = frozenset({"status", "record_no", "recorded_by_id", "reviewed_by_id", "reviewed_at"})
# Fields of a visit the printed form does not print: the student is printed from the student's own
# record; signatures are made by hand on the paper; photos, consents, status and review stay in the app.
NOT_PRINTED = frozenset(
    {
        "student_id",
        "visitor_signed",
        "student_signed",
        "attachments",
        "photo_consent",
        "publicity_consent",
        "status",
        "recorded_by_id",
        "reviewed_by_id",
        "reviewed_at",
    }
)


def _form_fields(module: ModuleType) -> set[str]:
    """The fields the visit form edits: ``self._add(form, "<field>", …)`` and ``data["<field>"] = …``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "_add"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
        ):
            found.add(str(node.args[1].value))
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id == "data"
            and isinstance(node.slice, ast.Constant)
        ):
            found.add(str(node.slice.value))
    return found


def _printed_fields(module: ModuleType) -> set[str]:
    """The visit's fields the printed form reads (``visit.<field>`` or ``v.<field>``)."""
    return {
        node.attr
        for node in ast.walk(ast.parse(inspect.getsource(module)))
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in ("v", "visit")
    }


def test_every_field_of_every_record_has_a_title() -> None:
    # The title is the field's name in export headers, conflict reviews and error messages.
    for record_type, cls in RECORD_TYPES.items():
        for name, info in cls.model_fields.items():
            assert info.title and info.title != name, f"{record_type}.{name}: Field(title=…) missing"


def test_every_visit_field_is_in_the_form_or_declared_not_shown() -> None:
    fields = set(HomeVisit.model_fields) - {"id"}
    shown = _form_fields(visit_form)
    assert not NOT_IN_FORM & shown, "declared not shown but shown"
    assert fields - shown - NOT_IN_FORM == set(), "add the field to the visit form, or to NOT_IN_FORM"
    assert fields >= NOT_IN_FORM


def test_every_visit_field_is_printed_or_declared_not_printed() -> None:
    fields = set(HomeVisit.model_fields) - {"id"}
    printed = _printed_fields(printed_form)
    assert not NOT_PRINTED & printed, "declared not printed but printed"
    assert fields - printed - NOT_PRINTED == set(), (
        "print the field on the visit form PDF, or add it to NOT_PRINTED"
    )
    assert fields >= NOT_PRINTED


def test_the_visit_export_takes_its_headers_from_the_fields(store: Store) -> None:
    assert set(VISIT_COLUMNS + VISIT_SENSITIVE_COLUMNS) <= set(HomeVisit.model_fields)
    with store.session() as s:
        student = s.students.create(Student(student_no="2024001", name="王小明"))
        s.visits.create(
            HomeVisit(
                student_id=student.id,
                category="annual_coverage",
                mode="on_site",
                visit_date=date(2025, 3, 1),
                duration_minutes=90,
                visitors=[{"name": "张老师"}],
                income_sources=["farming", "migrant_work"],
                school_feedback="在校表现良好",
                family_opinions="希望学校继续关心",
            )
        )
        table = visits_table(s, unmasked=True)
    assert table.headers == [
        "学号",
        "姓名",
        "学院",
        "家访日期",
        "家访类别",
        "家访形式",
        "时长(分钟)",
        "地点(县/镇)",
        "家访人员",
        "状态",
        "家庭年收入(元)",
        "收入来源",
        "致困原因",
        "学生特点/在家表现",
        "在校表现反馈",
        "家长及学生意见建议",
        "核实结论",
        "近期突发情况",
        "后续措施/家访手记",
    ]
    [row] = table.rows
    assert row[3:13] == [
        "2025-03-01",
        "年度全覆盖",
        "实地入户",
        90,
        "",
        "张老师",
        "已提交",
        "",
        "务农、外出务工",
        "",
    ]
