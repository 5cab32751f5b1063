"""`jiafang settings list|get|set|unset`: the printed form titles and the PDF font file."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, TypeVar

from desktop.commands.context import CommandContext, CommandError
from desktop.commands.store_commands import open_store
from desktop.reports.print_settings import (
    PRINT_SETTINGS,
    SettingError,
    print_setting,
    set_setting,
    setting_value,
    unset_setting,
)
from desktop.store.repositories.meta import MetaRepository

T = TypeVar("T")


def _with_meta(ctx: CommandContext, work: Callable[[MetaRepository], T]) -> T:
    """Run ``work`` on the store's settings in one transaction (a SettingError becomes a CommandError)."""
    store = open_store(ctx)
    try:
        with store.session() as s:
            return work(s.meta)
    except SettingError as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()


def _listing(meta: MetaRepository) -> list[str]:
    lines = []
    for name, setting in PRINT_SETTINGS.items():
        stored = meta.setting(name)
        shown = stored if stored else f"{setting.default or '（未设置）'}（默认）"
        lines.append(f"{name}\t{shown}\t{setting.label}")
    return lines


def cmd_list(args: argparse.Namespace, ctx: CommandContext) -> int:
    print("\n".join(_with_meta(ctx, _listing)))
    return 0


def cmd_get(args: argparse.Namespace, ctx: CommandContext) -> int:
    _known(args.name)
    print(_with_meta(ctx, lambda meta: setting_value(meta, args.name)))
    return 0


def cmd_set(args: argparse.Namespace, ctx: CommandContext) -> int:
    _known(args.name)
    value = _with_meta(ctx, lambda meta: set_setting(meta, args.name, args.value))
    print(f"已设置 {args.name}：{value}")
    return 0


def cmd_unset(args: argparse.Namespace, ctx: CommandContext) -> int:
    _known(args.name)
    value = _with_meta(ctx, lambda meta: unset_setting(meta, args.name))
    print(f"已恢复默认 {args.name}：{value or '（未设置）'}")
    return 0


def _known(name: str) -> None:
    """Refuse an unknown name before asking for the passphrase."""
    try:
        print_setting(name)
    except SettingError as exc:
        raise CommandError(str(exc)) from None


def register(subparsers: Any) -> None:
    settings = subparsers.add_parser("settings", help="查看或修改打印设置（表格标题、PDF 字体）")
    sub = settings.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    names = "、".join(PRINT_SETTINGS)
    listing = sub.add_parser("list", help="列出全部设置及当前值")
    listing.set_defaults(handler=cmd_list)
    get = sub.add_parser("get", help="显示一项设置的当前值")
    get.add_argument("name", help=f"设置名：{names}")
    get.set_defaults(handler=cmd_get)
    put = sub.add_parser(
        "set", help="修改一项设置，例如 jiafang settings set pdf.visit_form_title 学生家访记录表"
    )
    put.add_argument("name", help=f"设置名：{names}")
    put.add_argument("value", help="新的值")
    put.set_defaults(handler=cmd_set)
    unset = sub.add_parser("unset", help="恢复一项设置的默认值")
    unset.add_argument("name", help=f"设置名：{names}")
    unset.set_defaults(handler=cmd_unset)
