"""年度报告 from the coverage dashboard: one click, progress, the dashboard's numbers in the PDF, Excel, and a
cancel that leaves no file."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from desktop.app import annual_report
from desktop.app.annual_report import AnnualOutcome
from desktop.store import center_figures
from desktop.store.store import Store
from desktop.ui.data_pages.annual_report_dialog import AnnualReportDialog
from desktop.ui.data_pages.coverage_dashboard import CoverageDashboard
from sync.records import AuditAction
from tests.desktop.reports.pdf_tools import needs_tools, pdf_text, squeeze
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import PASSPHRASE


def open_dialog(
    qtbot: QtBot, running: Running, folder: Path, name: str
) -> tuple[CoverageDashboard, AnnualReportDialog]:
    page = running.window.show_section("coverage")
    assert isinstance(page, CoverageDashboard)
    qtbot.waitUntil(lambda: page.report is not None)
    page.annual_button.click()
    dialog = page.annual_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.year.currentText() == page.academic_year
    qtbot.waitUntil(lambda: dialog.college.count() > 1)  # the store's colleges arrived
    folder.mkdir(exist_ok=True)
    dialog.path.setText(str(folder / name))
    return page, dialog


@needs_tools
def test_one_click_pdf_with_the_dashboards_numbers(qtbot: QtBot, running: Running, tmp_path: Path) -> None:
    page, dialog = open_dialog(qtbot, running, tmp_path / "out", "年度报告.pdf")
    seen: list[tuple[int, int]] = []
    dialog.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(dialog.report_finished, timeout=120_000) as blocker:
        dialog.generate_button.click()
    outcome = blocker.args[0]
    assert isinstance(outcome, AnnualOutcome)
    total = annual_report.total_steps(outcome_request(outcome))
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert dialog.progress.value() == dialog.progress.maximum() == total
    assert "年度报告已保存到" in dialog.status.text()
    report = page.report
    assert report is not None
    flat = squeeze(pdf_text(outcome.path))
    for measure, ratio in report.totals.items():
        shown = "—" if ratio.percent is None else f"{ratio.covered}/{ratio.total}{ratio.percent:.1f}%"
        assert measure.label in flat and shown in flat, measure
    assert [p.name for p in outcome.path.parent.iterdir()] == ["年度报告.pdf"]
    dialog.close()
    running.app.shutdown()
    with Store.open(running.data_dir, PASSPHRASE, backup_daily=False) as store, store.session() as s:
        entries = [e for e in s.audit.list() if e.record_type == "annual_report"]
    assert [e.action for e in entries] == [AuditAction.EXPORT]


def outcome_request(outcome: AnnualOutcome) -> annual_report.AnnualRequest:
    return annual_report.AnnualRequest(
        outcome.figures.academic_year, outcome.figures.college_id, outcome.path
    )


def test_a_college_to_excel(qtbot: QtBot, running: Running, tmp_path: Path) -> None:
    _page, dialog = open_dialog(qtbot, running, tmp_path / "out", "报告")
    dialog.kind.setCurrentIndex(dialog.kind.findData(".xlsx"))
    dialog.college.setCurrentIndex(dialog.college.findText("商学院"))
    assert dialog.path.text().endswith(".xlsx")  # the proposed name follows the choices
    dialog.path.setText(str(tmp_path / "out" / "商学院报告"))
    with qtbot.waitSignal(dialog.report_finished, timeout=120_000) as blocker:
        dialog.generate_button.click()
    path = blocker.args[0].path
    assert path == tmp_path / "out" / "商学院报告.xlsx"  # the format's suffix is added
    book = load_workbook(path, read_only=True)
    overview = {row[0]: row[1] for row in book["概况"].iter_rows(min_row=2, values_only=True)}
    assert overview["范围"] == "商学院"
    book.close()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold the report thread after its first step until the test opens the gate."""
    opened = threading.Event()
    real = annual_report.annual_figures

    def held(*args: Any, **kwargs: Any) -> Any:
        report = kwargs["progress"]

        def progress(done: int, total: int) -> None:
            report(done, total)
            if done == 1:
                opened.wait()

        kwargs["progress"] = progress
        return real(*args, **kwargs)

    monkeypatch.setattr(annual_report, "annual_figures", held)
    yield opened
    opened.set()  # never leave the thread waiting


def test_cancel_leaves_no_file(qtbot: QtBot, running: Running, tmp_path: Path, gate: threading.Event) -> None:
    folder = tmp_path / "out"
    _page, dialog = open_dialog(qtbot, running, folder, "年度报告.pdf")
    with qtbot.waitSignal(dialog.progressed, timeout=120_000, check_params_cb=lambda done, _t: done == 1):
        dialog.generate_button.click()
    assert dialog.running and dialog.cancel_button.text() == "取消"
    dialog.cancel_button.click()
    assert not dialog.cancel_button.isEnabled() and dialog.status.text() == "正在取消…"
    with qtbot.waitSignal(dialog.report_failed, timeout=120_000) as blocker:
        gate.set()
    assert blocker.args[0] == "已取消，未生成任何文件。"
    assert not dialog.running and dialog.generate_button.isEnabled() and dialog.cancel_button.text() == "关闭"
    assert list(folder.iterdir()) == []  # no file, no partial file


def test_an_aggregate_only_laptop_not_synced_is_told_to_sync_and_gets_no_file(
    qtbot: QtBot, running: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = running.window.show_section("coverage")
    assert isinstance(page, CoverageDashboard)
    qtbot.waitUntil(lambda: page.report is not None)
    # aggregate-only (docs/sync-protocol.md §6b), never connected: no center figures kept or reachable
    monkeypatch.setattr(center_figures, "aggregate_only", lambda _store: True)
    dialog = AnnualReportDialog(page.ctx, page, academic_year=page.academic_year)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.source.isVisible())
    assert "仅统计模式" in dialog.source.text()
    folder = tmp_path / "out"
    folder.mkdir()
    dialog.path.setText(str(folder / "年度报告.pdf"))
    with qtbot.waitSignal(dialog.report_failed, timeout=120_000) as blocker:
        dialog.generate_button.click()
    assert blocker.args[0] == center_figures.ANNUAL_NOT_SYNCED == dialog.status.text()
    assert list(folder.iterdir()) == []
    dialog.close()
