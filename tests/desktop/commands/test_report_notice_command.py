"""`jiafang report notice`: the 公示 list written as PDF or XLSX, reused while open, Chinese errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.store.store import Store
from sync.records import AuditAction, Role
from tests.desktop.commands.conftest import PASSPHRASE, make_store
from tests.desktop.reports.pdf_tools import needs_tools, pdf_text, squeeze
from tests.desktop.store.notice_fixture import YEAR, build_notice_school


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


@needs_tools
def test_pdf_then_xlsx_of_the_same_open_notice(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = make_store(data_dir)
    school = build_notice_school(store)
    store.close()
    pdf = tmp_path / "公示.pdf"
    args = ("report", "notice", "--year", YEAR, "--college", "文学院", "--start", "2025-10-15")
    assert run(data_dir, *args, "--contact", "文科楼101室", "-o", str(pdf)) == 0
    out = capsys.readouterr().out
    assert "3 人" in out and "公示期 2025-10-15 至 2025-10-21" in out
    text = squeeze(pdf_text(pdf))
    assert "周雨桐" in text and "韩冰" not in text and "文科楼101室" in text
    assert not any(squeeze(word) in text for word in school.forbidden)

    xlsx = tmp_path / "公示.xlsx"
    assert run(data_dir, "report", "notice", "--year", YEAR, "--college", "WX", "-o", str(xlsx)) == 0
    names = [row[1] for row in load_workbook(xlsx).active.iter_rows(min_row=4, max_row=6, values_only=True)]
    assert names == ["陈默", "安小禾", "周雨桐"]
    with Store.open(data_dir, PASSPHRASE) as opened, opened.session() as s:
        [notice] = s.notices.list()  # the open notice was reused, not made twice
        entries = s.audit.list()
    assert notice.contact == "文科楼101室"
    assert [(e.action, e.record_id) for e in entries] == [(AuditAction.EXPORT, notice.id)] * 2


def test_errors_are_one_chinese_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = make_store(data_dir, Role.COUNSELOR)
    build_notice_school(store)
    store.close()
    out = str(tmp_path / "n.pdf")
    cases = [
        (("--year", YEAR, "-o", out), "仅由学生发展支持中心"),
        (("--year", YEAR, "-o", str(tmp_path / "n.docx")), "只能导出为 .pdf 或 .xlsx"),
        (("--year", "2025", "-o", out), "学年"),
        (("--year", YEAR, "--college", "医学院", "-o", out), "找不到学院“医学院”"),
        (("--year", YEAR, "--start", "10/13", "-o", out), "日期“10/13”无效"),
    ]
    for args, message in cases:
        assert run(data_dir, "report", "notice", *args) == 1
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1, err
    assert not Path(out).exists()
