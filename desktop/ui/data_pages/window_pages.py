"""The coverage, planning, key-support, wish-list, monitoring and import pages, added to the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.ui.data_pages.coverage_dashboard import CoverageDashboard
from desktop.ui.data_pages.import_wizard import ImportWizard
from desktop.ui.data_pages.key_support_page import KeySupportPage
from desktop.ui.data_pages.monitoring_page import MonitoringPage
from desktop.ui.data_pages.visit_planning_page import VisitPlanningPage
from desktop.ui.data_pages.wish_list_page import WishListPage
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.main_window import MainWindow


def add_data_sections(window: MainWindow, ctx: AppContext) -> None:
    coverage = CoverageDashboard(ctx, window)
    planning = VisitPlanningPage(ctx, window)
    key_support = KeySupportPage(ctx, window)
    wishes = WishListPage(ctx, window)
    monitoring = MonitoringPage(ctx, window)
    importer = ImportWizard(ctx, window)
    window.add_section("coverage", QCoreApplication.translate("DataSections", "Coverage"), coverage)
    window.add_section("planning", QCoreApplication.translate("DataSections", "Visit planning"), planning)
    window.add_section("key_support", QCoreApplication.translate("DataSections", "Key support"), key_support)
    window.add_section("wishes", QCoreApplication.translate("DataSections", "Wish lists"), wishes)
    window.add_section("monitoring", QCoreApplication.translate("DataSections", "Monitoring"), monitoring)
    window.add_section("import", QCoreApplication.translate("DataSections", "Import and export"), importer)
