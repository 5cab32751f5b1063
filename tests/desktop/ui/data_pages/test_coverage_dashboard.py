"""The coverage dashboard in the running app: numbers, breakdowns, drill-down order, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.store.coverage import MEASURE_RULES, Measure
from desktop.store.store import Store
from desktop.ui.data_pages.coverage_dashboard import CoverageDashboard
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
    # no center has its site, director and a deputy recorded (the school's neither)
    assert set(column(page.missing, 2)) == {"信息学院", "商学院", "学校学生发展支持中心"}
    assert "缺少：阵地(地点/房间)、主任、副主任" in column(page.missing, 5)
    assert page.rule.text() == "统计口径：" + MEASURE_RULES[Measure.CENTER]
    assert page.cards[Measure.ARCHIVE].toolTip() == MEASURE_RULES[Measure.ARCHIVE]
    # the archive drill-down names the parts each student lacks
    with qtbot.waitSignal(page.missing_shown):
        page.cards[Measure.ARCHIVE].click()
    assert all("缺本学年家访" in note for note in column(page.missing, 5))


def test_at_school_talks_have_their_own_column(qtbot: QtBot, running: Running) -> None:
    page = dashboard(qtbot, running)
    headers = [page.by_college.horizontalHeaderItem(i).text() for i in range(page.by_college.columnCount())]  # type: ignore[union-attr]
    assert headers[-1] == "到校约谈"
    assert set(column(page.by_college, len(headers) - 1)) == {"0"}
    assert "到校约谈（不计入家访）：0" in page.summary.text()


def test_cli_shows_the_dashboards_figures(
    qtbot: QtBot, running: Running, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = dashboard(qtbot, running)
    report = page.report
    assert report is not None
    shown = {measure: card.text() for measure, card in page.cards.items() if not card.isHidden()}
    running.app.shutdown()
    year = page.academic_year
    monkeypatch.setenv("JIAFANG_PASSPHRASE", PASSPHRASE)
    assert main(["--data-dir", str(running.data_dir), "coverage", "--year", year, "--json"]) == 0
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert set(totals) == {measure.value for measure in shown}
    for measure, text in shown.items():
        figure = totals[measure.value]
        assert (figure["covered"], figure["total"]) == (
            report.totals[measure].covered,
            report.totals[measure].total,
        )
        assert f"({figure['covered']}/{figure['total']})" in text or figure["total"] == 0


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
