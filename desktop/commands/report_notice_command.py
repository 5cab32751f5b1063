"""`jiafang report notice`: the 公示 list of a year's identification results.

jiafang report notice --year 2025-2026 [--college NAME] -o FILE.pdf|.xlsx
    [--start 2025-10-13] [--title TEXT] [--contact TEXT] [--issuer TEXT]
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from desktop.app import coverage, public_notices
from desktop.commands.context import CommandContext, CommandError
from desktop.commands.data_commands import academic_year_arg, find_college, opened_store
from sync.records import College


def register(reports: Any) -> None:
    notice = reports.add_parser(
        "notice",
        help="认定结果公示名单（PDF 或 XLSX）",
        description=(
            "生成某学年资助认定结果的公示名单：只列姓名、学院、年级、专业、班级；公示期为 5 个工作日"
            "（不含周末，法定节假日请在“公示”页调整截止日期）。沿用该学年、该学院公示中的公示，没有时新建。"
        ),
    )
    notice.add_argument("--year", required=True, help="学年，例如 2025-2026")
    notice.add_argument("--college", default=None, metavar="NAME", help="学院名称或代码（不填为全校）")
    notice.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="输出文件（.pdf 或 .xlsx）"
    )
    notice.add_argument(
        "--start", default=None, metavar="DATE", help="公示开始日期（默认今天），如 2025-10-13"
    )
    notice.add_argument("--title", default="", help="公示标题（默认：某学年某学院资助认定结果公示）")
    notice.add_argument("--contact", default="", help="异议受理方式，如：学院学生发展支持中心 文科楼101")
    notice.add_argument("--issuer", default="", help="发布单位，如：文学院学生发展支持中心")
    notice.set_defaults(handler=run_notice)


def _start(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"日期“{value}”无效，请写成 2025-10-13 的形式。") from None


def run_notice(args: argparse.Namespace, ctx: CommandContext) -> int:
    year = academic_year_arg(args.year)
    path: Path = args.output
    public_notices.notice_format(path)
    start = _start(args.start)
    with opened_store(ctx) as store:
        college: College | None = None
        if args.college:
            college = find_college(coverage.colleges(store), args.college)
        notice, count = public_notices.report_notice(
            store,
            year,
            college.id if college else None,
            path,
            published_on=start,
            title=args.title,
            contact=args.contact,
            issuer=args.issuer,
        )
    ctx.print(
        f"已生成公示名单 {path}：{notice.title}，{count} 人，"
        f"公示期 {notice.published_on.isoformat()} 至 {notice.ends_on.isoformat()}"
    )
    return 0
