"""The coverage, planning, key-support, wish-list, monitoring and import pages, added to the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.ui.app_context import AppContext
from desktop.ui.coverage_dashboard import CoverageDashboard
from desktop.ui.main_window import MainWindow
from desktop.ui.visit_planning_page import VisitPlanningPage


def add_data_sections(window: MainWindow, ctx: AppContext) -> None:
    coverage = CoverageDashboard(ctx, window)
    planning = VisitPlanningPage(ctx, window)
    window.add_section("coverage", QCoreApplication.translate("DataSections", "Coverage"), coverage)
    window.add_section("planning", QCoreApplication.translate("DataSections", "Visit planning"), planning)
