"""`jiafang report …`: the documents a center hands out, one subcommand each.

    jiafang report workload --term 2025-2026-1 [--college NAME] -o FILE.xlsx|.pdf [--json]
    jiafang report notice --year 2025-2026 [--college NAME] -o FILE.pdf|.xlsx
    jiafang report annual [--year 2025-2026] [--college NAME] -o FILE.pdf|.xlsx [--json]

Each subcommand lives in its own module with ``register(reports)``; to add one, add its module's name to ``REPORT_MODULES``.
"""

from __future__ import annotations

import importlib
from typing import Any

REPORT_MODULES = (
    "desktop.commands.report_workload_command",
    "desktop.commands.report_notice_command",
    "desktop.commands.report_annual_command",
)


def register(subparsers: Any) -> None:
    report = subparsers.add_parser(
        "report", help="生成报表与公示名单", description="生成学生发展支持中心使用的报表与公示名单。"
    )
    reports = report.add_subparsers(dest="report", metavar="报表", required=True)
    for name in REPORT_MODULES:
        importlib.import_module(name).register(reports)
