"""工作量 in the running app (offscreen): the table, the confirmation, the XLSX and the PDF preview."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from desktop.ui.data_pages.workload_page import WorkloadPage
from desktop.ui.pdf.pdf_preview_dialog import PdfPreviewDialog
from sync.records import Role
from tests.desktop.store.workload_store import fill_workload_school
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import PASSPHRASE
from tests.sync.figures.workload_fixture import T1


@pytest.fixture
def data_dir(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "data"
    store = Store.create(
        folder, PASSPHRASE, school_name="示例大学", user_name="李主任", role=Role.COUNSELOR, use_keyring=False
    )
    fill_workload_school(store, as_center=getattr(request, "param", True))
    store.close()
    return folder, {"甲同学": "s1", "乙同学": "s2"}


def _page(qtbot: QtBot, running: Running) -> WorkloadPage:
    qtbot.waitUntil(lambda: running.app.ctx.worker.pending == 0)
    page = running.window.show_section("workload")
    assert isinstance(page, WorkloadPage)
    qtbot.waitUntil(lambda: page.view is not None)
    with qtbot.waitSignal(page.shown):
        page.term.setCurrentIndex(page.term.findData(T1))
    with qtbot.waitSignal(page.shown):
        page.college.setCurrentIndex(page.college.findData("c1"))
    return page


def _cells(page: WorkloadPage) -> dict[str, list[str]]:
    table = page.table
    rows = {}
    for r in range(table.rowCount()):
        texts = [
            table.item(r, c).text() if table.item(r, c) is not None else ""
            for c in range(table.columnCount())
        ]
        rows[texts[0]] = texts[1:]
    return rows


def test_the_table_shows_each_teachers_figures(qtbot: QtBot, running: Running) -> None:
    page = _page(qtbot, running)
    rows = _cells(page)
    assert sorted(rows) == ["王老师", "赵导师", "钱导师"]
    #              工号   身份    带教 帮扶 分钟 救助 教研 家访 形式 小时 心愿 补录
    assert rows["王老师"] == [
        "T001",
        "辅导员",
        "0",
        "0",
        "0",
        "1",
        "1",
        "2",
        "实地入户 1，电话 1",
        "2.5",
        "2",
        "0",
    ]
    assert rows["赵导师"][2:6] == ["1", "2", "105", "1"]
    assert "刘班主任、孙老师" in page.state.text()
    assert page.confirm.isEnabled()


def test_a_center_confirms_through_the_question_and_the_term_is_frozen(
    qtbot: QtBot, running: Running
) -> None:
    page = _page(qtbot, running)
    page.confirm.click()
    box = page.findChild(QMessageBox, "workloadConfirmBox")
    assert box is not None and "文学院" in box.text()
    with qtbot.waitSignal(page.confirmed):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert "已于" in page.state.text() and "李主任" in page.state.text()
    assert not page.confirm.isEnabled()


def test_xlsx_export_and_the_forms_in_the_pdf_preview(qtbot: QtBot, running: Running, tmp_path: Path) -> None:
    page = _page(qtbot, running)
    path = tmp_path / "工作量.xlsx"
    with qtbot.waitSignal(page.exported):
        page.export_to(path)
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)] == ["王老师", "赵导师", "钱导师"]
    page.table.selectRow(1)  # 赵导师 only
    with qtbot.waitSignal(page.preview_opened) as opened:
        page.open_preview()
    dialog = opened.args[0]
    assert isinstance(dialog, PdfPreviewDialog)
    pdf = tmp_path / "preview.pdf"
    pdf.write_bytes(dialog.pdf.data)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "赵导师" in text and "王老师" not in text
    assert dialog.pdf.file_name == "工作量_2025-2026-1_文学院.pdf"
    dialog.close()


@pytest.mark.parametrize("data_dir", [False], indirect=True)
def test_a_counselor_sees_the_figures_but_cannot_confirm(qtbot: QtBot, running: Running) -> None:
    page = _page(qtbot, running)
    assert len(_cells(page)) == 3
    assert not page.confirm.isEnabled()
    assert "只有学生发展支持中心" in page.state.text()
