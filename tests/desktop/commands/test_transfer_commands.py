"""`jiafang import` and `jiafang export`: dry run, errors leave the store unchanged, masking, audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.cli import main
from desktop.store.store import Store
from sync.records import AuditAction, College, Role
from tests.desktop.commands.conftest import PASSPHRASE, make_store


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def roster(path: Path, rows: list[list[str]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for values in [["学生编号", "姓名", "学院", "手机号"], *rows]:
        sheet.append(values)
    workbook.save(path)
    return path


@pytest.fixture
def school_dir(data_dir: Path) -> Path:
    store = make_store(data_dir, Role.COUNSELOR)
    with store.session() as s:
        s.colleges.create(College(name="文学院"))
    store.close()
    return data_dir


def students(data_dir: Path) -> list[str]:
    with Store.open(data_dir, PASSPHRASE, backup_daily=False) as store, store.session() as s:
        return [student.student_no for student in s.students.list()]


def test_import_needs_a_mapping_then_dry_run_then_import(
    school_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = roster(tmp_path / "名单.xlsx", [["20250001", "张三", "文学院", "13812345678"]])
    assert run(school_dir, "import", str(path)) == 1
    assert "缺少必需的列“学号”" in capsys.readouterr().err
    assert students(school_dir) == []


def test_import_bad_rows_reports_and_changes_nothing(
    school_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for values in [["学号", "姓名", "学院"], ["20250001", "张三", "文学院"], ["20250002", "李四", "化学院"]]:
        sheet.append(values)
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    assert run(school_dir, "import", str(path)) == 1
    captured = capsys.readouterr()
    assert "第 3 行“学院”：学院“化学院”在系统中不存在" in captured.out
    assert "未导入任何数据" in captured.err
    assert students(school_dir) == []


def test_dry_run_save_mapping_and_import(
    school_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for values in [["学号", "姓名", "学院", "手机号"], ["20250001", "张三", "文学院", "13812345678"]]:
        sheet.append(values)
    path = tmp_path / "ok.xlsx"
    workbook.save(path)
    assert run(school_dir, "import", str(path), "--dry-run", "--save-mapping", "教务") == 0
    out = capsys.readouterr().out
    assert "将新增 1 条" in out and "仅检查" in out and "138****5678" in out and "13812345678" not in out
    assert students(school_dir) == []
    assert run(school_dir, "import", str(path), "--mapping", "教务") == 0
    assert "新增 1 条" in capsys.readouterr().out
    assert students(school_dir) == ["20250001"]
    assert run(school_dir, "import", str(tmp_path / "missing.xlsx")) == 1
    assert "找不到文件" in capsys.readouterr().err


def test_export_masked_json_and_unmasked_refused_for_mentor(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = make_store(data_dir, Role.MENTOR)
    store.close()
    out = tmp_path / "all.json"
    assert run(data_dir, "export", "--what", "all", "--format", "json", "-o", str(out)) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["masked"] is True and "覆盖总览" in doc["tables"]
    assert run(data_dir, "export", "--what", "roster", "-o", str(tmp_path / "r.xlsx"), "--unmasked") == 1
    assert "不能导出未脱敏" in capsys.readouterr().err
    with Store.open(data_dir, PASSPHRASE, backup_daily=False) as opened, opened.session() as s:
        assert [entry.action for entry in s.audit.list()] == [AuditAction.EXPORT]
