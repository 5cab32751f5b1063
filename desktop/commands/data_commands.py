"""`jiafang coverage`, `jiafang import`, `jiafang export`: the data a center works with every week.

    jiafang coverage [--year 2025-2026] [--college NAME] [--json] [--missing visits]
    jiafang import FILE [--mapping NAME] [--kind roster|identification|aid|reward] [--dry-run] [--save-mapping NAME]
    jiafang export --what roster|visits|aid|rewards|coverage|all --format xlsx|json -o FILE [--unmasked]

The store is unlocked with JIAFANG_PASSPHRASE (scripts), else the OS keyring, else a prompt.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.app import coverage, exports, importing
from desktop.commands.context import PASSPHRASE_ENV, CommandContext, CommandError
from desktop.store.coverage import MEASURE_RULES, CoverageReport, KeySupportHidden, Measure
from desktop.store.exporting import ExportFormat, ExportWhat
from desktop.store.importing import ImportKind
from desktop.store.key_vault import KeyVault
from desktop.store.store import PassphraseRequired, Store
from sync.records import College, current_academic_year
from sync.records.validators import MSG_ACADEMIC_YEAR, check_academic_year


def register(subparsers: Any) -> None:
    coverage = subparsers.add_parser(
        "coverage",
        help="六个全覆盖统计（按学院、辅导员、班级）",
        description="计算所选学年的六个全覆盖：支持中心、家访、成长奖励、成长档案、育人导师、救助性教育。",
    )
    coverage.add_argument("--year", default=None, help="学年，例如 2025-2026（默认当前学年）")
    coverage.add_argument("--college", default=None, metavar="NAME", help="只统计一个学院（名称或代码）")
    coverage.add_argument("--json", action="store_true", help="以 JSON 输出（不含个人信息）")
    coverage.add_argument(
        "--explain", action="store_true", help="在每项数字旁列出统计口径（详见 docs/coverage.md）"
    )
    coverage.add_argument(
        "--missing",
        choices=[m.value for m in Measure if m is not Measure.CENTER],
        default=None,
        help="列出尚未覆盖该项的学生（先家访后认定的新生在前）",
    )
    coverage.set_defaults(handler=run_coverage)

    importer = subparsers.add_parser(
        "import",
        help="从 Excel/CSV 导入学生名单或认定结果",
        description=(
            "导入学校系统导出的学生名单或困难认定结果（.xlsx 或 .csv）。先检查每一行，有任何错误则不导入任何数据"
            "并列出错误；没有错误时一次全部导入，已有学号的学生被更新（文件中空白的单元格不改动原有数据）。"
        ),
    )
    importer.add_argument("file", type=Path, metavar="FILE", help="要导入的 .xlsx 或 .csv 文件")
    importer.add_argument("--mapping", default=None, metavar="NAME", help="使用已保存的列对应关系")
    importer.add_argument(
        "--kind", choices=[kind.value for kind in ImportKind], default=None, help="文件内容（默认自动判断）"
    )
    importer.add_argument("--dry-run", action="store_true", help="只检查并预览，不写入")
    importer.add_argument(
        "--save-mapping", default=None, metavar="NAME", help="把本次的列对应关系保存为 NAME"
    )
    importer.set_defaults(handler=run_import)

    exporter = subparsers.add_parser(
        "export",
        help="导出名单、家访、资助、奖励或覆盖统计",
        description=(
            "导出为 Excel 或 JSON。身份证件号、手机号、家庭住址、金额和家访详情默认隐去；"
            "--unmasked 导出完整信息（仅限辅导员和支持中心）。每次导出都记入审计日志。"
        ),
    )
    exporter.add_argument(
        "--what",
        choices=[*(item.value for item in ExportWhat), "all"],
        required=True,
        help="导出内容（all：名单、家访、资助、奖励和覆盖统计）",
    )
    exporter.add_argument(
        "--format", choices=[f.value for f in ExportFormat], default="xlsx", help="文件格式"
    )
    exporter.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="输出文件")
    exporter.add_argument(
        "--year", default=None, help="学年（家访、资助、奖励只导出该学年；覆盖统计默认当前学年）"
    )
    exporter.add_argument("--unmasked", action="store_true", help="不隐去敏感信息（须角色允许）")
    exporter.set_defaults(handler=run_export)


# -- opening the store ----------------------------------------------------------------------------
@contextmanager
def opened_store(ctx: CommandContext) -> Iterator[Store]:
    """The store of the data folder, unlocked by JIAFANG_PASSPHRASE, the keyring or a prompt."""
    if not KeyVault(ctx.data_dir).exists():
        raise CommandError(
            f"数据目录 {ctx.data_dir} 中没有 JiaFang 数据。请先初始化，或用 --data-dir 指定目录。"
        )
    if os.environ.get(PASSPHRASE_ENV):
        store = Store.open(ctx.data_dir, os.environ[PASSPHRASE_ENV])
    else:
        try:
            store = Store.open(ctx.data_dir)
        except PassphraseRequired:
            store = Store.open(ctx.data_dir, ctx.passphrase())
    try:
        yield store
    finally:
        store.close()


def academic_year_arg(value: str | None) -> str:
    if value is None:
        return current_academic_year()
    try:
        return check_academic_year(value)
    except ValueError:
        raise CommandError(MSG_ACADEMIC_YEAR) from None


def find_college(colleges: list[College], name: str) -> College:
    for college in colleges:
        if name in (college.name, college.code):
            return college
    known = "、".join(college.name for college in colleges) or "（无）"
    raise CommandError(f"找不到学院“{name}”。已有学院：{known}")


# -- coverage ----------------------------------------------------------------------------------------
def run_coverage(args: argparse.Namespace, ctx: CommandContext) -> int:
    year = academic_year_arg(args.year)
    with opened_store(ctx) as store:
        college_id = find_college(coverage.colleges(store), args.college).id if args.college else None
        if args.missing:
            measure = Measure(args.missing)
            try:
                _, rows = coverage.missing_list(store, year, college_id, measure, None, None)
            except KeySupportHidden:
                raise CommandError("重点帮扶学生名单仅对学生发展支持中心开放。") from None
            if args.json:
                ctx.print_json([row.__dict__ for row in rows])
                return 0
            ctx.print(f"{year} 学年 {measure.label}：尚未覆盖 {len(rows)} 人")
            for row in rows:
                note = "  先家访后认定" if row.visit_first else ("  新生" if row.is_new_student else "")
                parts = f"  缺：{'、'.join(row.missing_parts)}" if row.missing_parts else ""
                ctx.print(
                    f"  {row.student_no}  {row.name}  {row.college}  {row.class_name}  {row.counselor}{note}{parts}"
                )
            return 0
        report = coverage.coverage_view(store, year, college_id).report
    if args.json:
        ctx.print_json(report.to_json())
    else:
        print_report(ctx, report, explain=args.explain)
    return 0


def print_report(ctx: CommandContext, report: CoverageReport, *, explain: bool = False) -> None:
    ctx.print(f"{report.academic_year} 学年 六个全覆盖（统计至 {report.reference_day.isoformat()}）")
    for measure, ratio in report.totals.items():
        ctx.print(f"  {measure.label:<10}{ratio.text()}")
        if explain:
            ctx.print(f"      口径：{MEASURE_RULES[measure]}")
    if explain:
        for center in report.centers:
            if not center.has_center:
                ctx.print(f"      未达标：{center.name}（缺{'、'.join(center.missing)}）")
    if not report.include_key_support:
        ctx.print("  （当前角色不显示重点帮扶相关统计）")
    ctx.print(f"  到校约谈（不计入家访）：{report.at_school} 人")
    ctx.print(f"  待先家访后认定的新生：{report.awaiting_visit_first} 人")
    flags = report.flags
    ctx.print(
        f"  监测反馈：待处理 {flags.open}，处理中 {flags.in_progress}，本学年已处理 {flags.resolved_this_year}"
    )
    if report.by_college:
        ctx.print("按学院：")
        for row in report.by_college:
            parts = "；".join(f"{m.label} {r.text()}" for m, r in row.ratios.items())
            ctx.print(f"  {row.label}：{parts}")


# -- import ------------------------------------------------------------------------------------------
def run_import(args: argparse.Namespace, ctx: CommandContext) -> int:
    with opened_store(ctx) as store:
        info = importing.inspect_import(
            store, args.file, kind=ImportKind(args.kind) if args.kind else None, mapping_name=args.mapping
        )
        plan = importing.plan_import(store, info, info.mapping, args.save_mapping or "")
        used = f"（列对应：{info.mapping.name}）" if info.mapping.name else ""
        ctx.print(f"{args.file.name}：表头在第 {info.header.row} 行，识别为{plan.kind.label}{used}")
        ignored = [title for title, field in info.mapping.fields.items() if not field]
        if ignored:
            ctx.print(f"未使用的列：{'、'.join(ignored)}")
        for warning in plan.warnings:
            ctx.print(f"提示：{warning}")
        if not plan.ok:
            for line in plan.report_lines():
                ctx.print(f"  {line}")
            raise CommandError(plan.summary())
        if args.save_mapping:
            ctx.print(f"列对应关系已保存为“{args.save_mapping}”。")
        ctx.print(plan.summary())
        for row in plan.preview[:5]:
            values = "  ".join(f"{key}={value}" for key, value in row.values.items() if value)
            ctx.print(f"  第 {row.row} 行 {row.action}：{values}")
        if args.dry_run:
            ctx.print("（仅检查，未写入）")
            return 0
        result = importing.run_import(store, plan)
    ctx.print(f"已导入：新增 {result.created} 条，更新 {result.updated} 条。")
    return 0


# -- export ------------------------------------------------------------------------------------------
def run_export(args: argparse.Namespace, ctx: CommandContext) -> int:
    what = list(ExportWhat) if args.what == "all" else [ExportWhat(args.what)]
    year = academic_year_arg(args.year) if args.year else None
    with opened_store(ctx) as store:
        summary = exports.export_tables(
            store, what, ExportFormat(args.format), args.output, args.unmasked, year
        )
    counts = "，".join(f"{ExportWhat(key).label} {count} 行" for key, count in summary.counts.items())
    kept = "已隐去敏感信息" if summary.masked else "含敏感信息，请妥善保管"
    ctx.print(f"已导出到 {summary.path}：{counts}（{kept}）")
    return 0
