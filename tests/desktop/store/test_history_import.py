"""Bulk aid history and growth rewards from Excel/CSV: row-by-row Chinese report, all or nothing,
deduplicated on re-import; presets for the national system's export and JiaFang's templates; and
先家访后认定 in the identification import."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.store.importing import ImportKind, ImportRejected, apply_plan, inspect_file, plan_file
from desktop.store.importing.presets import AID_TEMPLATE, NATIONAL_AID, PRESETS, REWARD_TEMPLATE
from desktop.store.store import Store
from sync.records import AidType, RewardKind, Student, current_academic_year

TEMPLATES = Path(__file__).resolve().parents[3] / "resources" / "import_templates"
YEAR = "2025-2026"
STUDENTS = 250


@pytest.fixture
def students(store: Store) -> list[Student]:
    made = [Student(student_no=f"2025{index:04d}", name=f"学生{index}") for index in range(STUDENTS)]
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


def template_titles(name: str) -> list[str]:
    with (TEMPLATES / name).open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


def aid_rows(students: list[Student], count: int) -> list[list[object]]:
    rows: list[list[object]] = [list(PRESETS[NATIONAL_AID].fields)]
    for index in range(count):
        student = students[index % len(students)]
        project = ("国家助学金", "国家励志奖学金", "学费减免", "生源地信用助学贷款")[index % 4]
        day = date(2025, 10 + index % 3, 1 + index % 28)
        rows.append(
            [
                student.student_no,
                student.name,
                "320102200701011234",
                YEAR,
                "",
                project,
                1000 + index,
                day,
                "中央财政",
            ]
        )
    return rows


def reward_rows(students: list[Student], count: int) -> list[list[str]]:
    rows = [template_titles("成长奖励模板.csv")]
    for index in range(count):
        student = students[index % len(students)]
        kind = ("奖学金", "公开表彰", "岗位锻炼", "研学机会")[index % 4]
        rows.append(
            [
                student.student_no,
                student.name,
                YEAR,
                kind,
                "间接",
                f"第 {index} 项奖励",
                "",
                "2026-03-01",
                "学工处",
            ]
        )
    return rows


def test_templates_ship_with_the_presets_titles() -> None:
    assert template_titles("资助记录模板.csv") == list(PRESETS[AID_TEMPLATE].fields)
    assert template_titles("成长奖励模板.csv") == list(PRESETS[REWARD_TEMPLATE].fields)


def test_thousand_aid_rows_with_errors_then_fixed_then_again(
    store: Store, students: list[Student], tmp_path: Path
) -> None:
    rows = aid_rows(students, 1000)
    rows[10][0] = "99999999"  # unknown student
    rows[20][1] = "别人"  # name does not match
    rows[30][6] = "一千元"  # not an amount
    rows[40][7] = "2025-13-01"  # not a date
    rows[50][5] = "神秘项目"  # no aid type can be told
    rows[61] = list(rows[60])  # the same row twice
    bad = write_xlsx(tmp_path / "资助发放明细.xlsx", rows)
    with store.session() as s:
        info = inspect_file(s, bad)
        assert info.kind is ImportKind.AID and info.mapping.name == NATIONAL_AID
        plan = plan_file(s, bad)
        assert not plan.ok
        lines = plan.report_lines()
        assert "第 11 行“学号”：学号 99999999 不在系统中，请先导入学生名单" in lines
        assert "第 21 行“姓名”：姓名与系统中该学号的学生不一致，请核对" in lines
        assert any(line.startswith("第 31 行“资助金额（元）”") and "不是有效的金额" in line for line in lines)
        assert any(line.startswith("第 41 行“发放时间”") for line in lines)
        assert any(line.startswith("第 51 行“资助项目名称”") and "不是有效的选项" in line for line in lines)
        assert any(line.startswith("第 62 行") and "与第 61 行内容相同" in line for line in lines)
        assert len(plan.problems) == 6
        with pytest.raises(ImportRejected):
            apply_plan(s, plan)
    with store.session() as s:
        assert s.aid.list() == []  # nothing written

    good = write_xlsx(tmp_path / "资助发放明细（改）.xlsx", aid_rows(students, 1000))
    with store.session() as s:
        plan = plan_file(s, good)
        assert plan.ok, plan.report_lines()[:5]
        assert apply_plan(s, plan).created == 1000
    with store.session() as s:
        stored = s.aid.list()
        assert len(stored) == 1000
        first = next(a for a in stored if a.amount == Decimal("1000"))
        assert (first.aid_type, first.project_name, first.academic_year) == (
            AidType.GRANT,
            "国家助学金",
            YEAR,
        )
        again = plan_file(s, good)  # the same file again adds nothing
        assert again.ok and again.creates == [] and again.unchanged == 1000
        assert "1000 条已存在" in again.summary()


def test_thousand_rewards_from_the_template_csv(
    store: Store, students: list[Student], tmp_path: Path
) -> None:
    rows = reward_rows(students, 1000)
    rows[5][3] = "大奖"  # not a reward kind
    rows[6][5] = ""  # no content
    bad = tmp_path / "奖励.csv"
    with bad.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    with store.session() as s:
        plan = plan_file(s, bad)
        assert plan.kind is ImportKind.REWARD and not plan.ok
        assert any(line.startswith("第 6 行“奖励类别”") for line in plan.report_lines())
        assert "第 7 行“内容”：必填项为空" in plan.report_lines()
    with store.session() as s:
        assert s.rewards.list() == []
    rows = reward_rows(students, 1000)
    with bad.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    with store.session() as s:
        plan = plan_file(s, bad)
        assert plan.ok
        assert apply_plan(s, plan).created == 1000
        kinds = {reward.kind for reward in s.rewards.list()}
        assert kinds == {
            RewardKind.SCHOLARSHIP,
            RewardKind.COMMENDATION,
            RewardKind.POSITION_TRAINING,
            RewardKind.STUDY_TOUR,
        }
        assert plan_file(s, bad).unchanged == 1000


def test_identification_import_keeps_visit_first(store: Store, tmp_path: Path) -> None:
    newcomer = Student(student_no="20269001", name="新同学", is_new_student=True)
    with store.session() as s:
        s.students.create(newcomer)
    year = current_academic_year()
    path = write_xlsx(
        tmp_path / "认定.xlsx",
        [
            ["学号", "姓名", "学年", "认定等级", "资助决定"],
            ["20269001", "新同学", year, "困难", "国家助学金二等"],
        ],
    )
    with store.session() as s:
        plan = plan_file(s, path)
        assert not plan.ok
        (line,) = plan.report_lines()
        assert line.startswith("第 2 行“认定等级”：新生须先家访后认定")
