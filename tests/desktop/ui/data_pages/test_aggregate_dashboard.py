"""The coverage dashboard of an aggregate-only laptop: the center's figures kept in the store (no student on
the laptop) shown with when they were computed, the same totals as a laptop holding every record, small
counts hidden, and the drill-down disabled with a Chinese explanation."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store.center_figures import COVERAGE_PREFIX
from desktop.store.center_sync import AGGREGATE_ONLY_KEY
from desktop.store.coverage import CoverageScope, Measure, compute_coverage
from desktop.store.figure_facts import read_school_facts
from desktop.store.store import Store
from desktop.ui.data_pages.coverage_dashboard import CoverageDashboard, ratio_text
from sync.figures.coverage import FACT_TYPES
from sync.figures.served import serve_coverage
from sync.records import Role
from tests.desktop.store.coverage_fixture import YEAR
from tests.desktop.ui.conftest import start_app, unlock
from tests.desktop.ui.store_fixtures import PASSPHRASE
from tests.sync.server.test_figures import build_graded_school

COMPUTED = datetime(2026, 9, 1, 8, 30, tzinfo=UTC)


def test_the_dashboard_shows_the_centers_figures_without_students(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    full = Store.create(
        tmp_path / "full",
        PASSPHRASE,
        school_name="示例大学",
        user_name="中心",
        role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )
    build_graded_school(full)
    with full.session() as s:
        expected = compute_coverage(s, YEAR, CoverageScope.school(), include_key_support=True)
        served = serve_coverage(read_school_facts(s, FACT_TYPES), YEAR, college_id=None, seq=42, now=COMPUTED)
    full.close()
    folder = tmp_path / "aggregate"
    laptop = Store.create(
        folder,
        PASSPHRASE,
        school_name="示例大学",
        user_name="中心",
        role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )
    with laptop.session() as s:
        s.meta.set_many({AGGREGATE_ONLY_KEY: "1", COVERAGE_PREFIX + YEAR: served.model_dump_json()})
    laptop.close()

    app = start_app(qtbot, qapp, folder)
    unlock(qtbot, app)
    page = app.window.show_section("coverage")
    assert isinstance(page, CoverageDashboard)
    page.year.setCurrentIndex(page.year.findText(YEAR))
    qtbot.waitUntil(
        lambda: page.served is not None and page.academic_year == YEAR and page.report is not None
    )
    assert page.report is not None and page.report.totals == expected.totals
    for measure, card in page.cards.items():
        assert ratio_text(expected.totals[measure]) in card.text()
    assert page.served_note.isVisibleTo(page)
    assert "仅统计模式" in page.served_note.text()
    assert COMPUTED.astimezone().strftime("%Y-%m-%d %H:%M") in page.served_note.text()
    colleges = {page.by_college.item(r, 0).text(): page.by_college.item(r, 2).text() for r in range(3)}  # type: ignore[union-attr]
    assert colleges == {"文学院": "<5/<5", "理学院": "<5/<5", "艺术学院": "0/0"}
    with qtbot.waitSignal(page.missing_shown):
        page.cards[Measure.REWARDS].click()
    assert "不能显示学生名单" in page.missing_title.text()
    assert page.missing.rowCount() == 0 and not page.missing.isEnabled()
    assert not page.tabs.isTabEnabled(page.tabs.indexOf(page.by_class))
    app.shutdown()
