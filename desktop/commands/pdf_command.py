"""`jiafang pdf visit | archive | blank | batch | font`: visit forms and growth archives as PDF.

Every export leaves an audit entry.  ``-o`` may name a file or an existing folder (then a safe file
name is chosen: 学号 only, no sensitive words).
"""

from __future__ import annotations

import argparse
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

from desktop.app import batch_export, pdf_documents
from desktop.app.batch_export import BatchRequest, ScopeKind
from desktop.app.pdf_documents import JobControl, PdfKind
from desktop.commands.context import CommandContext, CommandError
from desktop.reports.batch_export import ExportKind
from desktop.reports.growth_archive import KeySupportNotAllowed
from desktop.reports.store_source import ReportSourceError, Scope
from desktop.store.store import Store


def _open(ctx: CommandContext) -> Store:
    from desktop.commands.store_commands import open_store

    return open_store(ctx)


def _target(text: str, default_name: str) -> Path:
    """``-o`` as given, or a safe name inside it when it is a folder (or ends with a separator)."""
    out = Path(text)  # read as text: Path() would drop the trailing separator that marks a folder
    if out.is_dir() or text.endswith(("/", "\\")):
        out.mkdir(parents=True, exist_ok=True)
        return out / default_name
    if out.suffix.lower() != ".pdf":
        return out.with_name(out.name + ".pdf")
    return out


def _warn(message: str | None) -> None:
    if message is not None:
        print(f"jiafang: 注意：{message}", file=sys.stderr)


def _date(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{option} 的日期格式应为 2025-03-01。") from None


def _save(args: argparse.Namespace, ctx: CommandContext, kind: PdfKind, **spec: Any) -> int:
    with _open(ctx) as store:
        try:
            built, target = pdf_documents.save_pdf(
                store,
                pdf_documents.spec_by_student_no(store, kind, args.student, **spec),
                lambda name: _target(args.output, name),
                font_path=args.font,
            )
        except ReportSourceError as exc:
            raise CommandError(str(exc)) from None
        except KeySupportNotAllowed as exc:
            raise CommandError(f"{exc}，未导出。") from None
    _warn(built.font_warning)
    ctx.print(str(target))
    return 0


def cmd_visit(args: argparse.Namespace, ctx: CommandContext) -> int:
    return _save(args, ctx, PdfKind.VISIT, visit_ref=args.visit)


def cmd_archive(args: argparse.Namespace, ctx: CommandContext) -> int:
    return _save(args, ctx, PdfKind.ARCHIVE, include_key_support=args.with_key_support)


def cmd_blank(args: argparse.Namespace, ctx: CommandContext) -> int:
    return _save(args, ctx, PdfKind.BLANK)


def cmd_batch(args: argparse.Namespace, ctx: CommandContext) -> int:
    date_from, date_to = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise CommandError("--from 不能晚于 --to。")
    kind = ExportKind(args.kind)
    scope = Scope(college=args.college, class_name=args.class_name, counselor=args.counselor)
    request = BatchRequest(
        kind=kind,
        scope=ScopeKind.COUNSELOR
        if args.counselor
        else ScopeKind.CLASS
        if args.class_name
        else ScopeKind.COLLEGE,
        target_dir=Path(args.output),
        college=args.college,
        class_name=args.class_name,
        counselor=args.counselor,
        date_from=date_from,
        date_to=date_to,
        combined=args.combined,
        include_key_support=args.with_key_support,
        scope_label=scope.label,
        font_path=args.font,
    )

    def progress(done: int, total: int) -> None:
        if args.progress:
            print(f"\r已导出 {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    never = threading.Event()
    with _open(ctx) as store:
        try:
            inputs = batch_export.fetch_batch(store, request, never)
            if not inputs.jobs:
                raise CommandError("所选范围内没有可导出的记录。")
            warning = inputs.settings.fonts().warning
            _warn(warning.message if warning is not None else None)
            outcome = batch_export.write_batch(inputs, JobControl(never, progress), never)
        except ReportSourceError as exc:
            raise CommandError(str(exc)) from None
        except KeySupportNotAllowed as exc:
            raise CommandError(f"{exc}，未导出。") from None
        pdf_documents.log_audits(store, batch_export.audit_notes(outcome))
    result = outcome.result
    for path in result.files:
        ctx.print(str(path))
    ctx.print(f"共 {result.done} 名学生，{len(result.files)} 个文件。")
    return 0


def cmd_font(args: argparse.Namespace, ctx: CommandContext) -> int:
    from desktop.reports.fonts import pdf_fonts

    fonts = pdf_fonts(args.font)
    if fonts.embedded:
        ctx.print(f"PDF 字体：{fonts.source}（第 {fonts.face_index} 号字形，来源：{fonts.origin}，嵌入子集）")
    else:
        ctx.print(f"PDF 字体：{fonts.regular}（内置，未嵌入）")
    if fonts.warning is not None:
        ctx.print(f"注意：{fonts.warning.message}")
        return 1
    return 0


def register(subparsers: Any) -> None:
    pdf = subparsers.add_parser("pdf", help="导出家访记录表、空白表、成长档案（PDF）")
    sub = pdf.add_subparsers(dest="pdf_command", metavar="KIND", required=True)

    def common(parser: argparse.ArgumentParser, *, output_help: str) -> None:
        parser.add_argument("-o", "--output", required=True, help=output_help)
        parser.add_argument(
            "--font", type=Path, default=None, help="中文字体文件（TrueType .ttf/.ttc），默认自动查找"
        )

    visit = sub.add_parser("visit", help="一份家访记录表")
    visit.add_argument("--student", required=True, metavar="学号")
    visit.add_argument("--visit", default=None, metavar="ID", help="家访记录编号（默认：最近一次）")
    common(visit, output_help="PDF 文件，或已存在的文件夹")
    visit.set_defaults(handler=cmd_visit)

    archive = sub.add_parser("archive", help="一名学生的资助成长档案")
    archive.add_argument("--student", required=True, metavar="学号")
    archive.add_argument(
        "--with-key-support", action="store_true", help="包含重点帮扶（受限内容，需相应角色）"
    )
    common(archive, output_help="PDF 文件，或已存在的文件夹")
    archive.set_defaults(handler=cmd_archive)

    blank = sub.add_parser("blank", help="空白家访记录表（可预填学生基本信息）")
    blank.add_argument("--student", default=None, metavar="学号")
    common(blank, output_help="PDF 文件，或已存在的文件夹")
    blank.set_defaults(handler=cmd_blank)

    batch = sub.add_parser("batch", help="批量导出一个学院 / 班级 / 辅导员的家访记录或成长档案")
    scope = batch.add_mutually_exclusive_group(required=True)
    scope.add_argument("--college", metavar="学院名称")
    scope.add_argument("--class", dest="class_name", metavar="班级")
    scope.add_argument("--counselor", metavar="工号或姓名")
    batch.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="家访日期起")
    batch.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="家访日期止")
    batch.add_argument("--kind", choices=[k.value for k in ExportKind], default=ExportKind.VISITS.value)
    batch.add_argument("--combined", action="store_true", help="合并为一个文件（默认每名学生一个文件）")
    batch.add_argument("--with-key-support", action="store_true", help="档案包含重点帮扶（仅支持中心角色）")
    batch.add_argument("--progress", action="store_true", help="在终端显示进度")
    common(batch, output_help="输出文件夹")
    batch.set_defaults(handler=cmd_batch)

    font = sub.add_parser("font", help="显示 PDF 使用的中文字体")
    font.add_argument("--font", type=Path, default=None, help="要检查的字体文件")
    font.set_defaults(handler=cmd_font)
