"""`jiafang report annual`: PDF and XLSX files, --json figures equal to `jiafang coverage --json`, one
college, and bad input refused in Chinese without a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from tests.desktop.commands.conftest import make_store
from tests.desktop.reports.pdf_tools import needs_tools, pdf_text, squeeze
from tests.desktop.store.annual_fixture import add_annual_records
from tests.desktop.store.coverage_fixture import YEAR, build_school


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


@pytest.fixture
def school_dir(data_dir: Path) -> Path:
    store = make_store(data_dir)
    add_annual_records(store, build_school(store))
    store.close()
    return data_dir


@needs_tools
def test_pdf_and_json(school_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "年度报告.pdf"
    assert run(school_dir, "report", "annual", "--year", YEAR, "-o", str(out)) == 0
    assert capsys.readouterr().out.strip() == f"已生成 2025-2026 学年年度报告（全校）：{out}"
    assert "2025-2026学年发展型资助育人工作年度报告" in squeeze(pdf_text(out))

    assert run(school_dir, "report", "annual", "--year", YEAR, "-o", str(out), "--json") == 0
    figures = json.loads(capsys.readouterr().out)
    assert run(school_dir, "coverage", "--year", YEAR, "--json") == 0
    dashboard = json.loads(capsys.readouterr().out)
    this_year = figures["coverage"]["years"][-1]
    assert {m["measure"]: (m["covered"], m["total"]) for m in this_year["measures"]} == {
        key: (value["covered"], value["total"]) for key, value in dashboard["totals"].items()
    }
    assert figures["aid"]["total"]["amount"] == "14700.00"
    assert figures["wishes"]["total"]["requested"] == 5


def test_one_college_to_xlsx(school_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "文学院.xlsx"
    assert run(school_dir, "report", "annual", "--year", YEAR, "--college", "文学院", "-o", str(out)) == 0
    assert "（文学院）" in capsys.readouterr().out
    book = load_workbook(out, read_only=True)
    overview = {row[0]: row[1] for row in book["概况"].iter_rows(min_row=2, values_only=True)}
    assert overview["范围"] == "文学院" and overview["学年"] == YEAR
    aid = {row[0]: row[1:] for row in book["资助项目"].iter_rows(min_row=2, values_only=True)}
    assert aid["合计"] == (3, 2, 5600.0)
    book.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{dir}/报告.docx"], "年度报告只能保存为 PDF（.pdf）或 Excel（.xlsx）文件"),
        (["-o", "{dir}/没有的文件夹/报告.pdf"], "不存在"),
        (["--college", "医学院", "-o", "{dir}/报告.pdf"], "找不到学院“医学院”"),
        (["--year", "2025", "-o", "{dir}/报告.pdf"], "学年"),
    ],
)
def test_bad_input(
    school_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert run(school_dir, "report", "annual", *(arg.replace("{dir}", str(folder)) for arg in args)) != 0
    assert message in capsys.readouterr().err
    assert list(folder.iterdir()) == []
