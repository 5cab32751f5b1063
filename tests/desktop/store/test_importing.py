"""Importing rosters and identification results: good files, malformed files, all-or-nothing."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from desktop.store.importing import (
    ImportFileError,
    ImportKind,
    ImportPlan,
    ImportRejected,
    MappingError,
    SavedMappings,
    apply_plan,
    build_plan,
    inspect_file,
    plan_file,
)
from desktop.store.importing.presets import PRESETS
from desktop.store.store import Store
from sync.records import AuditAction, College, Student, User, fake_id_number

HEADERS = [
    "学号",
    "姓名",
    "性别",
    "身份证号",
    "学院",
    "专业",
    "年级",
    "班级",
    "生源地",
    "手机号",
    "辅导员工号",
    "是否新生",
]


def id_number(seed: int) -> str:
    return fake_id_number(random.Random(seed), date(2006, 5, 17), "320321")


def row(no: str, name: str, **kw: Any) -> list[Any]:
    values = {
        "学号": no,
        "姓名": name,
        "性别": "女",
        "身份证号": id_number(int(no[-4:]) if no[-4:].isdigit() else 1),
        "学院": "文学院",
        "专业": "汉语言文学",
        "年级": 2025,
        "班级": "中文2501",
        "生源地": "江苏省徐州市丰县",
        "手机号": "13812345678",
        "辅导员工号": "T1",
        "是否新生": "是",
        **kw,
    }
    return [values.get(h, "") for h in HEADERS]


def write_xlsx(
    path: Path, rows: Sequence[Sequence[Any]], *, title: str | None = None, merge: str | None = None
) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    for values in rows:
        sheet.append(list(values))
    if merge:
        sheet.merge_cells(merge)
    workbook.save(path)
    return path


@pytest.fixture
def school(store: Store) -> dict[str, Any]:
    arts = College(name="文学院", code="01")
    counselor = User(staff_no="T1", name="王老师", role="counselor")
    with store.session() as s:
        s.colleges.create(arts)
        s.users.create(counselor)
    return {"arts": arts, "counselor": counselor}


def count_students(store: Store) -> int:
    with store.session() as s:
        return s.students.count()


def plan(store: Store, path: Path, **kw: Any) -> ImportPlan:
    with store.session() as s:
        return plan_file(s, path, **kw)


def test_good_roster_with_title_row(store: Store, school: dict[str, Any], tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "名单.xlsx",
        [
            HEADERS,
            row("20250001", "张三"),
            row("20250002", "李四", 性别="男"),
            row("20250003", "王五", 学院="01"),
        ],
        title="2025 级学生名单",
    )
    with store.session() as s:
        result = plan_file(s, path)
        assert result.ok, result.report_lines()
        assert result.kind is ImportKind.ROSTER
        assert result.header.row == 2
        assert len(result.creates) == 3
        assert result.preview[0].action == "新增"
        assert "*" in result.preview[0].values["身份证号"]  # masked in the preview
        apply_plan(s, result)
    with store.session() as s:
        zhang = s.students.by_student_no("20250001")
        assert zhang is not None and zhang.college_id == school["arts"].id
        assert zhang.counselor_id == school["counselor"].id and zhang.is_new_student
        assert zhang.birth_date is None and zhang.grade == 2025
        audit = s.audit.list()
        assert [entry.action for entry in audit] == [AuditAction.CREATE]
        assert "新增 3 条" in audit[0].detail


def test_wrong_headers(store: Store, school: dict[str, Any], tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["编号", "名字", "单位"], ["1", "张三", "文学院"]])
    with pytest.raises(MappingError, match="找不到表头"):
        plan(store, path)
    path = write_xlsx(tmp_path / "b.xlsx", [["姓名", "学院", "班级"], ["张三", "文学院", "中文2501"]])
    with pytest.raises(MappingError, match="缺少必需的列“学号”"):
        plan(store, path)
    assert count_students(store) == 0


def test_bad_rows_are_reported_and_nothing_is_written(
    store: Store, school: dict[str, Any], tmp_path: Path
) -> None:
    bad_id = id_number(3)[:17] + ("0" if id_number(3)[17] != "0" else "1")
    path = write_xlsx(
        tmp_path / "bad.xlsx",
        [
            HEADERS,
            row("20250001", "张三"),
            row("20250002", "李四", 身份证号=bad_id),
            row("20250001", "张三二"),
            row("20250004", "", 学院="化学院"),
            row("20250005", "赵六", 手机号="12345"),
            row("20250006", "钱七", 辅导员工号="T9", 年级="二五级"),
        ],
    )
    result = plan(store, path)
    assert not result.ok
    lines = result.report_lines()
    assert "第 3 行“身份证号”：身份证号校验位不正确，请核对" in lines
    assert "第 4 行“学号”：学号 20250001 与第 2 行重复" in lines
    assert "第 5 行“姓名”：必填项为空" in lines
    assert any(line.startswith("第 5 行“学院”：学院“化学院”在系统中不存在") for line in lines)
    assert any(line.startswith("第 6 行“手机号”：手机号格式不正确") for line in lines)
    assert "第 7 行“辅导员工号”：工号 T9 在系统中不存在" in lines
    assert "第 7 行“年级”：年级应为四位年份，例如 2025" in lines
    assert "未导入任何数据" in result.summary()
    with store.session() as s, pytest.raises(ImportRejected):
        apply_plan(s, result)
    assert count_students(store) == 0


def test_empty_rows_are_skipped(store: Store, school: dict[str, Any], tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "gaps.xlsx", [HEADERS, row("20250001", "张三"), [], ["", ""], row("20250002", "李四"), []]
    )
    result = plan(store, path)
    assert result.ok and len(result.creates) == 2
    assert result.warnings == ["第 3、4 行是空行，已跳过。"]
    only_header = write_xlsx(tmp_path / "empty.xlsx", [HEADERS, [], []])
    result = plan(store, only_header)
    assert result.report_lines() == ["文件：表头下面没有数据行。"]


def test_merged_cells_are_refused(store: Store, school: dict[str, Any], tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "merged.xlsx",
        [
            HEADERS,
            row("20250001", "张三"),
            row("20250002", "李四", 学院=None),
            row("20250003", "王五", 学院=None),
        ],
        merge="E2:E4",
    )
    result = plan(store, path)
    assert result.report_lines() == [
        "第 2 行“学院”：第 2–4 行为合并单元格，请取消合并，并在每一行填写完整后再导入"
    ]
    assert count_students(store) == 0


def test_not_an_excel_file(store: Store, tmp_path: Path) -> None:
    fake = tmp_path / "名单.xlsx"
    fake.write_bytes(b"%PDF-1.4 this is not a workbook")
    with pytest.raises(ImportFileError, match="不是有效的 Excel"):
        plan(store, fake)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportFileError, match=r"\.xls"):
        plan(store, old)
    with pytest.raises(ImportFileError, match="找不到文件"):
        plan(store, tmp_path / "missing.xlsx")
    assert count_students(store) == 0


def test_update_existing_by_student_no(store: Store, school: dict[str, Any], tmp_path: Path) -> None:
    with store.session() as s:
        s.students.create(
            Student(
                student_no="20250001", name="张三", college_id=school["arts"].id, parent_phone="13900001111"
            )
        )
    path = write_xlsx(
        tmp_path / "u.xlsx",
        [HEADERS, row("20250001", "张三", 班级="中文2502", 手机号="138****5678"), row("20250002", "李四")],
    )
    result = plan(store, path)
    assert result.ok and len(result.creates) == 1 and len(result.updates) == 1
    assert any("已隐去" in warning for warning in result.warnings)
    with store.session() as s:
        apply_plan(s, result)
    with store.session() as s:
        zhang = s.students.by_student_no("20250001")
        assert zhang is not None
        assert zhang.class_name == "中文2502"
        assert zhang.parent_phone == "13900001111"  # not in the file: kept
        assert zhang.phone is None  # masked in the file: kept as stored (none)
        assert s.students.count() == 2


def test_csv_in_gb18030(store: Store, school: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    lines = [",".join(HEADERS), ",".join(str(v) for v in row("20250001", "张三"))]
    path.write_bytes("\n".join(lines).encode("gb18030"))
    result = plan(store, path)
    assert result.ok and len(result.creates) == 1


def test_saved_mapping_by_header_set_and_name(store: Store, school: dict[str, Any], tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "m.xlsx", [["编号", "姓名", "学院", "备注"], ["20250001", "张三", "文学院", "x"]]
    )
    with store.session() as s:
        info = inspect_file(s, path)
        assert info.mapping.fields["编号"] == ""
        with pytest.raises(MappingError, match="学号"):
            build_plan(s, info, info.mapping)
        info.mapping.fields["编号"] = "student_no"
        SavedMappings(s.meta).save("教务系统", info.mapping, info.header)
    with store.session() as s:
        again = inspect_file(s, path)
        assert again.mapping.name == "教务系统" and again.saved_names == ["教务系统", *PRESETS]
        result = build_plan(s, again, again.mapping)
        assert result.ok and len(result.creates) == 1
        assert plan_file(s, path, mapping_name="教务系统").ok
        with pytest.raises(MappingError, match="没有名为“别的”"):
            plan_file(s, path, mapping_name="别的")


def test_identification_results(store: Store, school: dict[str, Any], tmp_path: Path) -> None:
    with store.session() as s:
        s.students.create(Student(student_no="20250001", name="张三", college_id=school["arts"].id))
    path = write_xlsx(
        tmp_path / "rd.xlsx",
        [
            ["学号", "姓名", "学年", "认定等级", "认定日期", "致困原因", "先家访后认定"],
            ["20250001", "张三", "2025-2026", "特别困难", "2025-10-20", "因病、单亲", "否"],
        ],
    )
    result = plan(store, path)
    assert result.kind is ImportKind.IDENTIFICATION and result.ok, result.report_lines()
    with store.session() as s:
        apply_plan(s, result)
    update = write_xlsx(
        tmp_path / "rd2.xlsx",
        [
            ["学号", "学年", "认定等级"],
            ["20250001", "2025-2026", "困难"],
            ["20259999", "2025-2026", "困难"],
            ["20250001", "2025-2026", "很困难"],
        ],
    )
    bad = plan(store, update)
    assert "第 3 行“学号”：学号 20259999 不在系统中，请先导入学生名单" in bad.report_lines()
    assert any(line.startswith("第 4 行“认定等级”：“很困难”不是有效的选项") for line in bad.report_lines())
    good = write_xlsx(
        tmp_path / "rd3.xlsx", [["学号", "学年", "认定等级"], ["20250001", "2025-2026", "困难"]]
    )
    result = plan(store, good)
    assert result.ok and len(result.updates) == 1 and not result.creates
    with store.session() as s:
        apply_plan(s, result)
        [identification] = s.identifications.list()
        assert identification.level is not None and identification.level.label == "困难"
        assert [cause.label for cause in identification.causes] == ["因病", "单亲"]


@pytest.mark.slow
def test_ten_thousand_rows_all_or_nothing(store: Store, school: dict[str, Any], tmp_path: Path) -> None:
    rows = [HEADERS] + [row(f"2025{i:04d}", f"学生{i}") for i in range(10_000)]
    rows.append(row("20260001", "末行", 身份证号="123"))  # one bad row at the very end
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    result = plan(store, path)
    assert result.data_rows == 10_001
    assert result.report_lines() == ["第 10002 行“身份证号”：身份证号应为 18 位"]
    assert count_students(store) == 0
    good = write_xlsx(tmp_path / "big-ok.xlsx", rows[:-1])
    result = plan(store, good)
    assert result.ok
    with store.session() as s:
        apply_plan(s, result)
    assert count_students(store) == 10_000


def test_preview_hides_sensitive_values(store: Store, school: dict[str, Any], tmp_path: Path) -> None:
    headers = [*HEADERS, "家庭住址", "家长手机"]
    values = [*row("20250001", "张三"), "丰县某镇某村 8 号", "13900001111"]
    path = write_xlsx(tmp_path / "p.xlsx", [headers, values])
    result = plan(store, path)
    assert result.ok
    shown = result.preview[0].values
    assert shown["家庭住址"] == "（已隐去）"
    assert shown["家长手机"] == "139****1111" and shown["手机号"] == "138****5678"
    assert "某村" not in str(result.preview)
