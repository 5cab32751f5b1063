"""`jiafang report workload`: each teacher's workload of a term (工作量认定 / 职称评定), as XLSX or PDF.

    jiafang report workload --term 2025-2026-1 [--college NAME] -o FILE.xlsx|.pdf [--json]

The rules are docs/workload.md; a confirmed term prints its frozen figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.app import coverage, workload
from desktop.commands.context import CommandContext, CommandError
from desktop.commands.data_commands import find_college, opened_store


def register(reports: Any) -> None:
    parser = reports.add_parser(
        "workload",
        help="教师工作量（XLSX 汇总或每位教师一份的 PDF 认定表）",
        description=(
            "统计某学期每位教师的导师帮扶次数与时长、带教学生、救助性教育、集体教研、家访（按形式的次数与小时）"
            "和心愿单服务，按记录中写明的教师计入（规则见 docs/workload.md）。.xlsx 为全部教师一张表，"
            ".pdf 为每位教师一份带签字栏的认定表。已确认的学期输出确认时冻结的数字。"
        ),
    )
    parser.add_argument("--term", required=True, help="学期，例如 2025-2026-1（第一学期：9月至次年2月）")
    parser.add_argument("--college", default=None, metavar="NAME", help="学院名称或代码（不填为全校）")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="输出文件（.xlsx 或 .pdf）"
    )
    parser.add_argument("--json", action="store_true", help="同时以 JSON 输出各教师的数字（不含学生信息）")
    parser.set_defaults(handler=run_workload)


def run_workload(args: argparse.Namespace, ctx: CommandContext) -> int:
    path: Path = args.output
    try:
        workload.export_format(path)
        term = workload.check_term_arg(args.term)
    except workload.WorkloadError as error:
        raise CommandError(str(error)) from None
    with opened_store(ctx) as store:
        college_id = find_college(coverage.colleges(store), args.college).id if args.college else None
        view = workload.export_workload(store, term, college_id, path)
    report = view.report
    if args.json:
        ctx.print_json({**report.to_json(), "scope": view.scope_label, "output": str(path)})
        return 0
    state = f"已确认（{view.confirmed_on}，{view.confirmed_by}）" if report.confirmed else "未确认"
    ctx.print(f"已导出 {path}：{term} {view.scope_label}，{len(report.teachers)} 位教师，{state}")
    for row in report.teachers:
        ctx.print(
            f"  {row.teacher.name}  导师帮扶 {row.mentor_sessions} 次 {row.mentor_minutes} 分钟  "
            f"救助性教育 {row.rescue_sessions}  集体教研 {row.case_conferences}  "
            f"家访 {row.visits} 次 {row.visit_hours:.1f} 小时  心愿单服务 {row.wish_services}"
        )
    if report.unmatched:
        ctx.print(f"未能对应到教师的姓名（未计入）：{'、'.join(report.unmatched)}")
    return 0
