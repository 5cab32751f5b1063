"""The coverage, planning, key-support, wish-list, monitoring, watch-list, academic-gap and import pages,
added to the window.

Each is built (and its module imported: ReportLab, the spreadsheet writers) on its first visit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.section import Section


def add_data_sections(window: MainWindow, ctx: AppContext) -> None:
    def coverage(parent: QWidget) -> Section:
        from desktop.ui.data_pages.coverage_dashboard import CoverageDashboard

        return CoverageDashboard(ctx, parent)

    def planning(parent: QWidget) -> Section:
        from desktop.ui.data_pages.visit_planning_page import VisitPlanningPage

        return VisitPlanningPage(ctx, parent)

    def key_support(parent: QWidget) -> Section:
        from desktop.ui.data_pages.key_support_page import KeySupportPage

        return KeySupportPage(ctx, parent)

    def wishes(parent: QWidget) -> Section:
        from desktop.ui.data_pages.wish_list_page import WishListPage

        return WishListPage(ctx, parent)

    def monitoring(parent: QWidget) -> Section:
        from desktop.ui.data_pages.monitoring_page import MonitoringPage

        return MonitoringPage(ctx, parent)

    def academic_gap(parent: QWidget) -> Section:
        from desktop.ui.data_pages.academic_gap_page import AcademicGapPage

        return AcademicGapPage(ctx, parent)

    def watch_list(parent: QWidget) -> Section:
        from desktop.ui.data_pages.watch_list_page import WatchListPage

        return WatchListPage(ctx, parent)

    def importer(parent: QWidget) -> Section:
        from desktop.ui.data_pages.import_wizard import ImportWizard

        return ImportWizard(ctx, parent)

    add = window.add_deferred_section
    add("coverage", QCoreApplication.translate("DataSections", "Coverage"), coverage)
    add("planning", QCoreApplication.translate("DataSections", "Visit planning"), planning)
    add("key_support", QCoreApplication.translate("DataSections", "Key support"), key_support)
    add("wishes", QCoreApplication.translate("DataSections", "Wish lists"), wishes)
    add("monitoring", QCoreApplication.translate("DataSections", "Monitoring"), monitoring)
    add("academic_gap", QCoreApplication.translate("DataSections", "Academic gap"), academic_gap)
    add("watch_list", QCoreApplication.translate("DataSections", "No dropout"), watch_list)
    add("import", QCoreApplication.translate("DataSections", "Import and export"), importer)
