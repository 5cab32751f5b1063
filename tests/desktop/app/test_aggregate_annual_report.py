"""The annual report on an aggregate-only laptop (docs/sync-protocol.md §6b) against a live server on
127.0.0.1: the center's figures (kept at sync, or fetched on demand), equal to the server's /figures/annual
and to what a laptop holding every record computes, read back from the PDF (pdftotext) and the XLSX
(openpyxl); the store still holds no student record; offline and not synced, a clear error and no file."""

# ruff: noqa: F811 - the live-server fixtures are imported into this module and requested by name

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from desktop.app import annual_report, sync_jobs
from desktop.cli import main
from desktop.commands.context import PASSPHRASE_ENV
from desktop.store import center_figures, center_sync
from desktop.store.center_sync import SERVER_KEY
from desktop.store.figure_facts import read_school_facts
from desktop.store.store import Store
from sync.figures.annual import ANNUAL_FACT_TYPES
from sync.figures.coverage import FACT_TYPES
from sync.records import Role
from sync.server import directory
from tests.desktop.reports.pdf_tools import needs_tools, pdf_text, squeeze
from tests.desktop.store.annual_fixture import add_annual_records
from tests.desktop.store.coverage_fixture import YEAR, School
from tests.desktop.store.test_aggregate_only import student_rows
from tests.desktop.sync_fixtures import (  # noqa: F401 - fixtures
    LAPTOP_PASSPHRASE,
    _cheap_passwords,
    laptop,
    live_server,
    server,
)
from tests.sync.server.conftest import PASSWORD, Server
from tests.sync.server.test_figures import build_graded_school

NEXT_YEAR = "2026-2027"  # "now" for the sync: YEAR is then the previous year, kept at sync


@pytest.fixture
def full(server: Server, tmp_path: Path) -> Iterator[tuple[Store, School]]:
    """A laptop holding the whole school with its aid, rewards and wishes, and the same on the server."""
    store = Store.create(
        tmp_path / "full",
        LAPTOP_PASSPHRASE,
        school_name="示例大学",
        user_name="中心",
        role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )
    try:
        school = build_graded_school(store)
        add_annual_records(store, school)
        with store.session() as s:
            facts = read_school_facts(s, tuple({*FACT_TYPES, *ANNUAL_FACT_TYPES}))
        records = [record for records in facts.records.values() for record in records]
        server.database.run(lambda session: directory.import_records(session, records))
        server.user("school", Role.SCHOOL_CENTER)
        yield store, school
    finally:
        store.close()


def _served(server: Server, college_id: str | None = None) -> dict[str, Any]:
    api = server.login("school")
    params = {"year": YEAR, **({"college": college_id} if college_id else {})}
    response = api.http.get("/figures/annual", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _without_breakdown(figures: dict[str, Any]) -> dict[str, Any]:
    rest = {key: value for key, value in figures.items() if key not in ("seq", "computed_at", "suppression")}
    rest["coverage"] = {key: value for key, value in figures["coverage"].items() if key != "by_college"}
    return rest


def _audit_students(folder: Path) -> int:
    """Audit entries and outbox rows that name a student."""
    store = Store.open(folder, LAPTOP_PASSPHRASE, backup_daily=False)
    try:
        with store.session() as s:
            named = "SELECT count(*) FROM audit_entry WHERE student_id IS NOT NULL"
            queued = "SELECT count(*) FROM outbox WHERE record_type != 'audit_entry' OR student_ids != '[]'"
            return int(s.db.execute(text(named)).scalar_one()) + int(s.db.execute(text(queued)).scalar_one())
    finally:
        store.close()


@needs_tools
def test_aggregate_only_laptop_produces_the_annual_report_from_the_centers_figures(
    full: tuple[Store, School],
    server: Server,
    laptop: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store, school = full
    monkeypatch.setattr(sync_jobs, "current_academic_year", lambda: NEXT_YEAR)
    center_sync.connect(laptop, server.url, "school", PASSWORD, aggregate_only=True)
    sync_jobs.run_sync(laptop)
    kept = center_figures.kept_annual(laptop, YEAR)
    assert kept is not None and center_figures.kept_annual(laptop, NEXT_YEAR) is not None
    with laptop.session() as s:
        raw = s.meta.get(center_figures.ANNUAL_PREFIX + YEAR) or ""
    assert school.id("s1") not in raw and "张三" not in raw  # counts only, in the encrypted store
    served = _served(server)
    full_figures = annual_report.generate_annual_report(
        store, annual_report.AnnualRequest(YEAR, None, tmp_path / "full.xlsx")
    ).figures.to_json()

    pdf, xlsx = tmp_path / "中心.pdf", tmp_path / "中心.xlsx"
    for path in (pdf, xlsx):
        outcome = annual_report.generate_annual_report(laptop, annual_report.AnnualRequest(YEAR, None, path))
        figures = outcome.figures.to_json()
        # the server's figures, and what a laptop holding every record computes
        assert _without_breakdown(figures) == _without_breakdown(served)
        # the center does not serve the 一个不失学 watch list (it names students): left out, and said so
        assert served["watch"] is None and full_figures["watch"] is not None
        assert _without_breakdown(figures) == _without_breakdown({**full_figures, "watch": None})

    # the XLSX read back: totals, trend, the breakdown as served (small counts hidden), the source
    book = load_workbook(xlsx, read_only=True)
    overview = {row[0]: row[1] for row in book["概况"].iter_rows(min_row=2, values_only=True)}
    source = str(overview["数据来源"])
    assert "中心服务器" in source and "<5" in source and "一个不失学" in source
    assert overview["范围"] == "全校" and overview["学年"] == YEAR
    trend = {row[0]: row[1:] for row in book["六个全覆盖"].iter_rows(min_row=2, values_only=True)}
    for year_index, year in enumerate(served["coverage"]["years"]):
        for measure in year["measures"]:
            cells = trend[measure["label"]][3 * year_index : 3 * year_index + 2]
            assert cells == (measure["covered"], measure["total"])
    by_college = {row[0]: row[1:] for row in book["各学院覆盖"].iter_rows(min_row=2, values_only=True)}
    assert set(by_college) == {row["college"] for row in served["coverage"]["by_college"]}
    hidden = 0
    for row in served["coverage"]["by_college"]:
        for index, cell in enumerate(row["measures"]):
            shown = by_college[row["college"]][3 * index : 3 * index + 2]
            if cell["covered"] is None:
                hidden += 1
                assert shown == (cell["covered_text"], cell["total_text"])
            else:
                assert shown == (cell["covered"], cell["total"])
    assert hidden > 0
    aid = {row[0]: row[1:] for row in book["资助项目"].iter_rows(min_row=2, values_only=True)}
    total = served["aid"]["total"]
    assert aid["合计"] == (total["records"], total["students"], float(total["amount"]))
    book.close()

    # the PDF read back: the same totals, the hidden cells, the source and when the center computed them
    text = squeeze(pdf_text(pdf))
    assert f"{YEAR}学年发展型资助育人工作年度报告" in text
    assert "中心服务器于" in text and kept.computed_at.astimezone().strftime("%H:%M") in text
    assert "<5/<5" in text
    this_year = served["coverage"]["years"][-1]
    visits = next(m for m in this_year["measures"] if m["measure"] == "visits")
    assert f"{visits['covered']}/{visits['total']}" in text
    assert f"{float(total['amount']):,.2f}" in text or total["amount"] in text

    # one college, fetched on demand (online): the server's figures for that college
    arts = annual_report.generate_annual_report(
        laptop, annual_report.AnnualRequest(YEAR, school.arts.id, tmp_path / "文学院.xlsx")
    )
    assert _without_breakdown(arts.figures.to_json()) == _without_breakdown(_served(server, school.arts.id))

    # offline: the kept year still reports; a year not kept (or a college) is refused, no file written
    with laptop.session() as s:
        s.meta.set(SERVER_KEY, "http://127.0.0.1:9")
    again = tmp_path / "offline.pdf"
    annual_report.generate_annual_report(laptop, annual_report.AnnualRequest(YEAR, None, again))
    assert again.exists()
    for year, college in (("2020-2021", None), (YEAR, school.arts.id)):
        missing = tmp_path / f"{year}-{college}.pdf"
        with pytest.raises(annual_report.AnnualReportError) as refused:
            annual_report.generate_annual_report(laptop, annual_report.AnnualRequest(year, college, missing))
        assert str(refused.value) == center_figures.ANNUAL_NOT_SYNCED
        assert not missing.exists()

    # the command line, offline, on the same encrypted store
    folder = laptop.data_dir
    laptop.close()
    monkeypatch.setenv(PASSPHRASE_ENV, LAPTOP_PASSPHRASE)
    out = tmp_path / "命令行.xlsx"
    assert main(["--data-dir", str(folder), "report", "annual", "--year", YEAR, "-o", str(out)]) == 0
    assert out.exists() and "（全校）" in capsys.readouterr().out
    assert main(["--data-dir", str(folder), "report", "annual", "--year", "2020-2021", "-o", str(out)]) != 0
    assert center_figures.ANNUAL_NOT_SYNCED in capsys.readouterr().err

    # and still no student record in the encrypted store
    counts = student_rows(folder)
    counts.pop("(colleges, not student data)")
    # the reports' own audit entries (导出, and their outbox rows) name no student
    assert counts.pop("audit_entry") == counts.pop("outbox") == 5
    assert _audit_students(folder) == 0
    assert "student" in counts and "home_visit" in counts
    assert counts == dict.fromkeys(counts, 0)
