"""`jiafang report annual`: the annual report (年度发展型资助育人工作报告) of a year, school or college.

jiafang report annual [--year 2025-2026] [--college NAME] -o FILE.pdf|.xlsx [--json]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.context import CommandContext, CommandError
from desktop.commands.data_commands import academic_year_arg, find_college, opened_store


def register(reports: Any) -> None:
    annual = reports.add_parser(
        "annual",
        help="年度发展型资助育人工作报告（PDF 或 XLSX）",
        description=(
            "生成某学年的发展型资助育人工作年度报告：六个全覆盖及近三年变化、保障型资助（八位一体）与资金来源、"
            "成长奖励、心愿单落实、重点帮扶纳入与退出（仅支持中心角色）。只含统计数字，不含学生个人信息；"
            "数字与覆盖看板一致。仅统计模式的电脑使用中心服务器的统计（同步时保存当前及上一学年，其他学年或学院需联网）。"
        ),
    )
    annual.add_argument("--year", default=None, help="学年，例如 2025-2026（默认当前学年）")
    annual.add_argument("--college", default=None, metavar="NAME", help="学院名称或代码（不填为全校）")
    annual.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="输出文件（.pdf 或 .xlsx）"
    )
    annual.add_argument("--json", action="store_true", help="同时以 JSON 输出报告中的统计数字")
    annual.set_defaults(handler=run_annual)


def run_annual(args: argparse.Namespace, ctx: CommandContext) -> int:
    from desktop.app import annual_report

    year = academic_year_arg(args.year)
    path: Path = args.output
    try:
        annual_report.report_format(path)
    except annual_report.AnnualReportError as exc:
        raise CommandError(str(exc)) from None
    if not path.parent.is_dir():
        raise CommandError(f"文件夹 {path.parent} 不存在，请先创建或换一个位置。")
    with opened_store(ctx) as store:
        college_id = find_college(annual_report.colleges(store), args.college).id if args.college else None
        request = annual_report.AnnualRequest(year, college_id, path)
        outcome = annual_report.generate_annual_report(store, request)
    if args.json:
        ctx.print_json(outcome.figures.to_json())
    else:
        figures = outcome.figures
        ctx.print(f"已生成 {figures.academic_year} 学年年度报告（{figures.scope_label}）：{path}")
    return 0
