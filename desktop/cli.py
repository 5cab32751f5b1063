"""The `jiafang` command: the GUI by default, and subcommands for scripts and administrators."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.commands.context import CommandContext, CommandError, default_data_dir
from desktop.commands.parser_language import LANGUAGES, cli_language, parser_class

# Modules that add subcommands (each has `register(subparsers)`); kept as names so that a command
# pulls in only what it needs (the server-less CLI never imports Qt, `jiafang gui` does).
COMMAND_MODULES = (
    "desktop.commands.store_commands",
    "desktop.commands.demo_command",
    "desktop.commands.gui_command",
    "desktop.commands.pdf_command",
    "desktop.commands.settings_command",
    "desktop.commands.sync_commands",
    "desktop.commands.data_commands",
    "desktop.commands.selftest_command",
    "desktop.commands.report_command",
)


def build_parser(language: str = "zh_CN") -> argparse.ArgumentParser:
    """The whole command line; argparse's own words in `language` (Chinese unless "en")."""
    parser = parser_class(language)(
        prog="jiafang",
        description="JiaFang 家访：家访记录、资助成长档案与覆盖统计（离线优先，本地加密）。",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="命令行提示的语言（默认中文；环境变量 LANG 以 en 开头时为英文）",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="数据目录（默认：系统的用户数据目录；可用环境变量 JIAFANG_DATA_DIR 指定）",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令" if language == "zh_CN" else "COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a feature not built yet in this checkout
                continue
            raise
        module.register(sub)
    # A bare `jiafang` opens the app when the gui command is registered.
    parser.set_defaults(gui_available="gui" in sub.choices)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(cli_language(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"]) if args.gui_available else args
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    ctx = CommandContext(data_dir=args.data_dir or default_data_dir())
    try:
        return int(handler(args, ctx) or 0)
    except CommandError as exc:
        print(f"jiafang: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("jiafang: 已取消。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `jiafang students | head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # one clear line, never a traceback (unless JIAFANG_DEBUG=1)
        from desktop.store.errors import StoreError

        if os.environ.get("JIAFANG_DEBUG") == "1":
            raise

        if isinstance(exc, StoreError):
            print(f"jiafang: {exc}", file=sys.stderr)
            return 1
        print(
            f"jiafang: 意外错误（{type(exc).__name__}）。数据未受影响；请把这行信息告诉管理员。",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
