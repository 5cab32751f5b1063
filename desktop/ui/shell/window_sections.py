"""The standard sections of the main window and the draft offer, wired together.

The roster comes first, on its own: start-up shows it while the rest is built and the store unlocks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.roster.roster_section import RosterSection
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.section import Section


def add_standard_sections(window: MainWindow, ctx: AppContext, data_key: Callable[[], bytes | None]) -> None:
    add_roster_section(window, ctx)
    add_other_sections(window, ctx, data_key)


def _archive(ctx: AppContext) -> Callable[[QWidget], Section]:
    def build(parent: QWidget) -> Section:
        from desktop.ui.profile.archive_section import ArchiveSection

        return ArchiveSection(ctx, parent)

    return build


def add_roster_section(window: MainWindow, ctx: AppContext) -> None:
    """The page shown first: what start-up builds before it starts unlocking."""
    window.add_section(
        "roster", QCoreApplication.translate("MainWindow", "Roster"), RosterSection(ctx, window)
    )


def add_other_sections(window: MainWindow, ctx: AppContext, data_key: Callable[[], bytes | None]) -> None:
    """Every other page, the draft offer and the sync parts (built while the store is being unlocked)."""
    from desktop.ui.data_pages.window_pages import add_data_sections
    from desktop.ui.settings.settings_page import SettingsPage
    from desktop.ui.sync.sync_window_parts import add_sync
    from desktop.ui.visits.draft_offer import DraftOffer
    from desktop.ui.visits.visits_section import VisitsSection

    visits = VisitsSection(ctx, window)
    settings = SettingsPage(ctx, data_key, window)
    window.add_section("visits", QCoreApplication.translate("MainWindow", "Home visits"), visits)
    window.add_deferred_section(
        "archive", QCoreApplication.translate("MainWindow", "Growth archive"), _archive(ctx)
    )
    add_data_sections(window, ctx)
    window.add_section("settings", QCoreApplication.translate("MainWindow", "Settings"), settings)

    offer = DraftOffer(ctx, window)
    window.add_notice(offer)
    offer.open_requested.connect(visits.resume)
    visits.form.saved.connect(offer.forget)
    add_sync(window, ctx, settings)
