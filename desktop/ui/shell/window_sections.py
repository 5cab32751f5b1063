"""The standard sections of the main window and the draft offer, wired together."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from desktop.ui.data_pages.window_pages import add_data_sections
from desktop.ui.profile.archive_section import ArchiveSection
from desktop.ui.roster.roster_section import RosterSection
from desktop.ui.settings.settings_page import SettingsPage
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.sync.sync_window_parts import add_sync
from desktop.ui.visits.draft_offer import DraftOffer
from desktop.ui.visits.visits_section import VisitsSection


def add_standard_sections(window: MainWindow, ctx: AppContext, data_key: Callable[[], bytes | None]) -> None:
    roster = RosterSection(ctx, window)
    visits = VisitsSection(ctx, window)
    archive = ArchiveSection(ctx, window)
    settings = SettingsPage(ctx, data_key, window)
    window.add_section("roster", QCoreApplication.translate("MainWindow", "Roster"), roster)
    window.add_section("visits", QCoreApplication.translate("MainWindow", "Home visits"), visits)
    window.add_section("archive", QCoreApplication.translate("MainWindow", "Growth archive"), archive)
    add_data_sections(window, ctx)
    window.add_section("settings", QCoreApplication.translate("MainWindow", "Settings"), settings)

    offer = DraftOffer(ctx, window)
    window.add_notice(offer)
    offer.open_requested.connect(visits.resume)
    visits.form.saved.connect(offer.forget)
    add_sync(window, ctx, settings)
