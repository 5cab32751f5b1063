"""Pages not shown at unlock are built and read from the store on their first visit, and then work."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.data_pages.coverage_dashboard import CoverageDashboard
from desktop.ui.data_pages.monitoring_page import MonitoringPage
from desktop.ui.data_pages.wish_list_page import WishListPage
from desktop.ui.shell.app import JiaFangApp
from desktop.ui.visits.visits_section import VisitsSection
from tests.desktop.ui.conftest import Running, unlock

DEFERRED = (
    "archive",
    "coverage",
    "planning",
    "key_support",
    "wishes",
    "monitoring",
    "academic_gap",
    "watch_list",
    "activities",
    "workload",
    "notices",
    "import",
)


def test_deferred_pages_are_built_on_first_visit(qtbot: QtBot, running: Running) -> None:
    window = running.window
    qtbot.waitUntil(lambda: running.app.ctx.worker.pending == 0)
    assert window.current_section_key() == "roster"
    assert not any(window.is_built(key) for key in DEFERRED)
    assert window.nav.count() == len(window.sections) + len(DEFERRED)

    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    row = keys.index("coverage")
    window.nav.setCurrentRow(row)  # as a click in the navigation does
    assert window.is_built("coverage")
    page = window.sections["coverage"]
    assert isinstance(page, CoverageDashboard)
    assert page.isVisible()
    qtbot.waitUntil(lambda: page.report is not None and page.missing.rowCount() > 0)
    assert not window.sections["roster"].isVisible()
    assert not any(window.is_built(key) for key in DEFERRED if key != "coverage")


def test_a_page_looked_up_by_key_is_built_and_loaded(qtbot: QtBot, running: Running) -> None:
    window = running.window
    qtbot.waitUntil(lambda: running.app.ctx.worker.pending == 0)
    assert not window.is_built("wishes")
    wishes = window.sections["wishes"]  # built by the lookup while unlocked: it reads its list now
    assert isinstance(wishes, WishListPage)
    assert window.is_built("wishes") and not wishes.isVisible()
    assert running.app.ctx.worker.pending > 0
    qtbot.waitSignal(wishes.wishes_shown).wait()  # the queued read of the page's list arrives
    assert window.show_section("wishes") is wishes
    assert wishes.isVisible() and window.current_section_key() == "wishes"


def test_a_built_page_reloads_on_its_next_visit_after_unlocking(qtbot: QtBot, running: Running) -> None:
    window = running.window
    page = window.show_section("monitoring")
    assert isinstance(page, MonitoringPage)
    qtbot.waitUntil(lambda: running.app.ctx.worker.pending == 0)
    window.show_section("roster")
    running.app.ctx.lock.lock()
    qtbot.waitUntil(lambda: running.app.ctx.lock.is_locked)
    unlock(qtbot, running.app)
    assert window.current_section_key() == "roster"
    qtbot.waitUntil(lambda: running.app.ctx.worker.pending == 0)
    with qtbot.waitSignal(page.flags_shown):
        window.show_section("monitoring")
    assert window.sections["monitoring"] is page


def test_start_up_builds_the_roster_first_and_the_rest_on_start_or_when_asked(
    qtbot: QtBot, qapp: QApplication, data_dir: tuple[Path, dict[str, str]]
) -> None:
    folder, _ids = data_dir
    app = JiaFangApp(folder, qapp, use_env_passphrase=False)
    qtbot.addWidget(app.window)
    window = app.window
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == ["学生名册"]
    visits = window.sections["visits"]  # asking for a page of the rest builds the rest
    assert isinstance(visits, VisitsSection)
    assert window.nav.count() == len(window.sections) + len(DEFERRED)
    app.start()
    unlock(qtbot, app)
    roster = window.sections["roster"].roster
    qtbot.waitUntil(lambda: roster.model.rowCount() > 0)
    assert window.show_section("visits") is visits and visits.isVisible()
    app.shutdown()


@pytest.mark.parametrize("settle", [True, False])
def test_the_installed_app_sets_start_up_objects_aside_from_the_collector_once_unlocked(
    qtbot: QtBot, qapp: QApplication, data_dir: tuple[Path, dict[str, str]], settle: bool
) -> None:
    """run_gui's app freezes what start-up made (no full collection stalls a keystroke); tests' apps don't."""
    folder, _ids = data_dir
    assert gc.get_freeze_count() == 0
    app = JiaFangApp(folder, qapp, use_env_passphrase=False, settle_memory=settle)
    qtbot.addWidget(app.window)
    try:
        app.start()
        assert gc.get_freeze_count() == 0  # not before the store is open
        unlock(qtbot, app)
        assert (gc.get_freeze_count() > 0) is settle
    finally:
        gc.unfreeze()  # this test process makes many apps: give their objects back to the collector
        app.shutdown()
