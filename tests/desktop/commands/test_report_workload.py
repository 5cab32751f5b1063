"""`jiafang report workload`: XLSX or PDF, --json figures, one college, Chinese errors."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.app import workload
from desktop.cli import main
from desktop.store.store import Store
from sync.records import AuditAction, Role
from tests.desktop.commands.conftest import PASSPHRASE, make_store
from tests.desktop.store.workload_store import fill_workload_school
from tests.sync.figures.workload_fixture import T1, log


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


@pytest.fixture
def school_dir(data_dir: Path) -> Path:
    store = make_store(data_dir, Role.SCHOOL_CENTER)
    fill_workload_school(store, as_center=False)
    store.close()
    return data_dir


def test_json_figures_of_one_college_and_the_xlsx(
    school_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "工作量.xlsx"
    assert (
        run(school_dir, "report", "workload", "--term", T1, "--college", "文学院", "-o", str(out), "--json")
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["term"] == T1 and data["scope"] == "文学院" and data["confirmed"] is False
    wang = next(t for t in data["teachers"] if t["teacher"] == "王老师")
    assert (wang["visits"], wang["visit_hours"], wang["rescue_sessions"], wang["wish_services"]) == (
        2,
        2.5,
        1,
        2,
    )
    assert wang["visits_by_mode"]["实地入户"] == 1
    assert data["unmatched"] == ["刘班主任", "孙老师"]
    sheet = load_workbook(out).active
    assert sheet is not None
    names = [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert names == ["王老师", "赵导师", "钱导师"]


def test_school_pdf_text_output(school_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "工作量.pdf"
    assert run(school_dir, "report", "workload", "--term", T1, "-o", str(out)) == 0
    text = capsys.readouterr().out
    assert f"已导出 {out}：{T1} 全校，3 位教师，未确认" in text
    assert "王老师  导师帮扶 0 次 0 分钟  救助性教育 1  集体教研 1  家访 3 次 3.2 小时  心愿单服务 2" in text
    pdf = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "教师资助育人工作量认定表" in pdf and "尚未确认" in pdf


def test_bad_term_file_type_and_college_are_refused_in_chinese(
    school_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert run(school_dir, "report", "workload", "--term", "2025-1", "-o", str(out)) == 1
    assert "学期格式应为“2025-2026-1”" in capsys.readouterr().err
    assert run(school_dir, "report", "workload", "--term", T1, "-o", str(tmp_path / "x.csv")) == 1
    assert "请用 .xlsx 或 .pdf" in capsys.readouterr().err
    assert run(school_dir, "report", "workload", "--term", T1, "--college", "医学院", "-o", str(out)) == 1
    assert "找不到学院“医学院”" in capsys.readouterr().err
    assert not out.exists()


def test_a_confirmed_term_prints_its_frozen_figures_and_the_export_is_audited(
    school_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(school_dir, PASSPHRASE) as store:
        workload.confirm_workload(store, T1, "c1")
        with store.session() as s:
            s.support_logs.create(log("l5", "m-qian", date(2025, 12, 20), 40))  # later: not in T1
    out = tmp_path / "工作量.xlsx"
    assert run(school_dir, "report", "workload", "--term", T1, "--college", "文学院", "-o", str(out)) == 0
    text = capsys.readouterr().out
    assert "已确认（" in text and "张主任" in text
    assert "钱导师  导师帮扶 1 次 30 分钟" in text
    with Store.open(school_dir, PASSPHRASE) as store, store.session() as s:
        actions = [e.action for e in s.audit.list()]
    assert actions == [AuditAction.REVIEW, AuditAction.EXPORT]
