"""The coverage dashboard in the running app: numbers, breakdowns, drill-down order, export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from desktop.store.coverage import Measure
from desktop.store.store import Store
from desktop.ui.coverage_dashboard import CoverageDashboard
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import PASSPHRASE


def dashboard(qtbot: QtBot, running: Running) -> CoverageDashboard:
    section = running.window.show_section("coverage")
    assert isinstance(section, CoverageDashboard)
    qtbot.waitUntil(lambda: section.report is not None and section.missing.rowCount() > 0)
    return section


def cell(table: QTableWidget, row: int, index: int) -> str:
    item = table.item(row, index)
    return item.text() if item is not None else ""


def column(table: QTableWidget, index: int) -> list[str]:
    return [cell(table, row, index) for row in range(table.rowCount())]


def test_numbers_breakdowns_and_drill_down(qtbot: QtBot, running: Running) -> None:
    page = dashboard(qtbot, running)
    report = page.report
    assert report is not None
    # five disadvantaged students (赵六 waits for a visit first), nobody visited yet
    assert (report.totals[Measure.VISITS].covered, report.totals[Measure.VISITS].total) == (0, 5)
    assert "0.0%  (0/5)" in page.cards[Measure.VISITS].text()
    assert page.cards[Measure.MENTORS].isVisible() or not page.isVisible()
    assert set(column(page.by_college, 0)) == {"信息学院", "商学院"}
    assert column(page.by_counselor, 0) == ["王老师"]
    # the drill-down lists 先家访后认定 first
    assert column(page.missing, 1)[0] == "赵六"
    assert cell(page.missing, 0, 5) != ""
    assert column(page.missing, 1)[1:] == ["周晓梅", "张三", "李四", "王五"]  # then new students
    # a breakdown row narrows the list
    with qtbot.waitSignal(page.missing_shown):
        page.by_class.selectRow(column(page.by_class, 1).index("软件2501"))
    assert column(page.missing, 1) == ["赵六", "周晓梅"]
    # another measure
    with qtbot.waitSignal(page.missing_shown):
        page.cards[Measure.CENTER].click()
    assert set(column(page.missing, 2)) == {"信息学院", "商学院"}


def test_college_filter_and_refresh_after_a_visit(qtbot: QtBot, running: Running) -> None:
    page = dashboard(qtbot, running)
    with qtbot.waitSignal(page.report_shown):
        page.college.setCurrentIndex(page.college.findText("商学院"))
    assert page.report is not None and page.report.totals[Measure.VISITS].total == 3


def test_export_xlsx_and_pdf(qtbot: QtBot, running: Running, tmp_path: Path) -> None:
    page = dashboard(qtbot, running)
    xlsx, pdf = tmp_path / "覆盖统计.xlsx", tmp_path / "覆盖统计.pdf"
    with qtbot.waitSignal(page.exported):
        page.export_to(xlsx, pdf=False)
    with qtbot.waitSignal(page.exported):
        page.export_to(pdf, pdf=True)
    assert xlsx.stat().st_size > 0 and pdf.read_bytes().startswith(b"%PDF")
    running.app.shutdown()
    with Store.open(running.data_dir, PASSPHRASE, backup_daily=False) as store, store.session() as s:
        details = [entry.detail for entry in s.audit.list()]
    assert any("六个全覆盖" in d for d in details) and any("PDF" in d for d in details)


def test_locking_clears_the_dashboard(qtbot: QtBot, running: Running) -> None:
    page = dashboard(qtbot, running)
    running.app.ctx.lock.lock()
    qtbot.waitUntil(lambda: page.report is None)
    assert page.missing.rowCount() == 0 and page.by_college.rowCount() == 0
    assert not page.export_xlsx.isEnabled()
