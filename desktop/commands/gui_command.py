"""`jiafang gui`: open the desktop app (also what `jiafang` with no subcommand does).

For the demo and for scripts, JIAFANG_PASSPHRASE (if set) unlocks the store without the prompt.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.commands.context import CommandContext, CommandError


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "gui",
        help="打开桌面应用（默认）",
        description="打开 JiaFang 桌面应用。设置环境变量 JIAFANG_PASSPHRASE 时用它自动解锁（用于演示和脚本）。",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from desktop.ui.shell.display_check import display_problem

    problem = display_problem()  # before any QApplication: Qt aborts when its platform cannot start
    if problem is not None:
        raise CommandError(problem.message)
    from desktop.ui.shell.app import run_gui

    return run_gui(ctx.data_dir, [sys.argv[0]])
