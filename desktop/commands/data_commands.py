"""`jiafang coverage`, `jiafang import`, `jiafang export`: the data a center works with every week.

    jiafang coverage [--year 2025-2026] [--college NAME] [--json] [--missing visits]
    jiafang import FILE [--mapping NAME] [--kind roster|identification] [--dry-run] [--save-mapping NAME]
    jiafang export --what roster|visits|aid|rewards|coverage|all --format xlsx|json -o FILE [--unmasked]

The store is unlocked with JIAFANG_PASSPHRASE (scripts), else the OS keyring, else a prompt.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from desktop.commands.context import PASSPHRASE_ENV, CommandContext, CommandError
from desktop.store.coverage import (
    KEY_SUPPORT_MEASURES,
    CoverageReport,
    CoverageScope,
    Measure,
    compute_coverage,
    missing_students,
)
from desktop.store.key_vault import KeyVault
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import may_see_key_support
from desktop.store.store import PassphraseRequired, Store
from sync.records import AuditAction, College, current_academic_year
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
        "--missing",
        choices=[m.value for m in Measure if m is not Measure.CENTER],
        default=None,
        help="列出尚未覆盖该项的学生（先家访后认定的新生在前）",
    )
    coverage.set_defaults(handler=run_coverage)


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


def find_college(session: StoreSession, name: str) -> College:
    colleges = session.colleges.list()
    for college in colleges:
        if name in (college.name, college.code):
            return college
    known = "、".join(college.name for college in colleges) or "（无）"
    raise CommandError(f"找不到学院“{name}”。已有学院：{known}")


# -- coverage ----------------------------------------------------------------------------------------
def run_coverage(args: argparse.Namespace, ctx: CommandContext) -> int:
    year = academic_year_arg(args.year)
    with opened_store(ctx) as store, store.session() as session:
        role = store.info.role
        key_support = may_see_key_support(role)
        scope = CoverageScope.school()
        if args.college:
            scope = CoverageScope.college(find_college(session, args.college).id)
        if args.missing:
            measure = Measure(args.missing)
            if measure in KEY_SUPPORT_MEASURES and not key_support:
                raise CommandError("当前角色不能查看重点帮扶学生名单。")
            rows = missing_students(session, year, scope, measure, include_key_support=key_support)
            if measure in KEY_SUPPORT_MEASURES:
                session.audit.log(
                    AuditAction.VIEW_RESTRICTED,
                    record_type="key_support",
                    detail=f"查看{measure.label}未覆盖名单",
                )
            if args.json:
                ctx.print_json([row.__dict__ for row in rows])
                return 0
            ctx.print(f"{year} 学年 {measure.label}：尚未覆盖 {len(rows)} 人")
            for row in rows:
                note = "  先家访后认定" if row.visit_first else ("  新生" if row.is_new_student else "")
                ctx.print(
                    f"  {row.student_no}  {row.name}  {row.college}  {row.class_name}  {row.counselor}{note}"
                )
            return 0
        report = compute_coverage(session, year, scope, include_key_support=key_support)
    if args.json:
        ctx.print_json(report.to_json())
    else:
        print_report(ctx, report)
    return 0


def print_report(ctx: CommandContext, report: CoverageReport) -> None:
    ctx.print(f"{report.academic_year} 学年 六个全覆盖（统计至 {report.reference_day.isoformat()}）")
    for measure, ratio in report.totals.items():
        ctx.print(f"  {measure.label:<10}{ratio.text()}")
    if not report.include_key_support:
        ctx.print("  （当前角色不显示重点帮扶相关统计）")
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
