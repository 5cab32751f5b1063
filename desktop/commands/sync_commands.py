"""`jiafang login | sync`: connect this store to the center and synchronise from the command line."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from desktop.app.sync_jobs import NotConnected, connect, run_sync
from desktop.commands.context import CommandContext, CommandError
from desktop.commands.store_commands import open_store
from desktop.store.center_trust import BadCaFile
from sync.client import DeviceWiped, Progress, SyncError, upgrade_notice
from sync.server_address import address_problem

PASSWORD_ENV = "JIAFANG_PASSWORD"
WIPED_NOTE = (
    "中心已要求清除本机数据：本机的数据库、密钥文件、备份和系统钥匙串中的密钥均已删除，"
    "此前的备份在任何电脑上都无法再恢复。若这台电脑已找回并可继续使用：运行 jiafang init 新建数据，"
    "再用 jiafang login 登录（本机将作为新设备登记），然后 jiafang sync 从中心完整取回数据。"
)


def prompt_password() -> str:
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CommandError(f"需要中心账号密码：请在终端中运行，或设置环境变量 {PASSWORD_ENV}。")
    return getpass.getpass("中心账号密码: ")


def cmd_login(args: argparse.Namespace, ctx: CommandContext) -> int:
    problem = address_problem(args.server)
    if problem is not None:  # before the password is even asked for
        raise CommandError(f"登录失败：{problem}")
    password = prompt_password()
    with open_store(ctx) as store:
        try:
            account = connect(
                store,
                args.server,
                args.user,
                password,
                device_name=args.device_name,
                pin_certificate=args.pin_certificate,
                forget_pin=args.forget_pinned_certificate,
                ca_file=args.ca_file,
                aggregate_only=args.aggregate_only,
            )
        except DeviceWiped as error:
            raise CommandError(f"登录失败：{error}\n{WIPED_NOTE}") from None
        except (SyncError, BadCaFile) as error:
            raise CommandError(f"登录失败：{error}") from None
        ctx.print(f"已登录 {args.server}：{account.display_name}（{account.role.label}）")
        if account.aggregate_only:
            ctx.print("仅统计模式：本机不保存学生记录，同步后只取回中心计算的统计。")
        if account.certificate:
            ctx.print(f"服务器证书 SHA-256 指纹：{account.certificate}")
            if account.pinned:
                ctx.print("已固定此证书：以后出示其他证书的服务器将被拒绝。")
            else:
                ctx.print("请与中心公布的指纹核对；加 --pin-certificate 重新登录可固定此证书。")
    return 0


def cmd_sync(args: argparse.Namespace, ctx: CommandContext) -> int:
    with open_store(ctx) as store:

        def progress(step: Progress) -> None:
            if args.verbose:
                print(
                    f"{step.stage}: {step.done}" + (f"/{step.total}" if step.total else ""), file=sys.stderr
                )

        try:
            result = run_sync(store, progress=progress)
        except NotConnected:
            raise CommandError(
                "尚未连接中心服务器：请先运行 jiafang login --server URL --user 用户名。"
            ) from None
        except DeviceWiped as error:
            ctx.print(f"同步失败：{error}\n{WIPED_NOTE}")
            return 1
        except SyncError as error:
            ctx.print(f"同步失败：{error}")
            return 1
        summary = result.as_dict()
        if args.json:
            ctx.print_json(summary)
        else:
            pushed = "，".join(f"{name} {count}" for name, count in sorted(result.pushed.items())) or "无"
            ctx.print(f"推送：{pushed}")
            ctx.print(
                f"拉取：{result.pulled} 条；收到冲突 {result.conflicts_received} 个，待处理 {result.conflicts_open} 个"
            )
            if result.left:
                ctx.print(f"{len(result.left)} 名学生已调整给其他老师，本机已移除其资料")
            if result.quarantined:
                ctx.print(f"{result.quarantined} 项修改未被中心接受，已移入隔离区（可导出）")
            if result.attachments_uploaded or result.attachments_downloaded:
                ctx.print(
                    f"附件：上传 {result.attachments_uploaded} 个，下载 {result.attachments_downloaded} 个"
                )
            if result.held:
                ctx.print(f"{result.held} 项修改因附件未能上传而暂缓发送，下次同步时重试（详见同步日志）")
            if result.awaiting_upgrade:
                ctx.print(upgrade_notice(result.awaiting_upgrade))
            if result.unreadable:
                ctx.print(
                    f"{result.unreadable} 条中心的记录本机无法读取，已移入隔离区（可导出，未丢弃）；"
                    "请将本软件升级到最新版本"
                )
        return 0 if result.pending == 0 else 1


def register(sub: Any) -> None:
    login_parser = sub.add_parser(
        "login", help="登录中心服务器并登记本机（密码取自 JIAFANG_PASSWORD 或提示输入）"
    )
    login_parser.add_argument(
        "--server", required=True, help="中心服务器地址，如 https://jiafang.example.edu.cn"
    )
    login_parser.add_argument("--user", required=True, help="中心账号用户名")
    login_parser.add_argument(
        "--device-name",
        default="",
        help="本机在中心显示的名称，如“王丽的笔记本”（默认：“姓名的电脑”；再次登录可修改）",
    )
    login_parser.add_argument(
        "--pin-certificate",
        action="store_true",
        help="固定服务器证书（SHA-256 指纹存入加密数据）：以后证书不同即拒绝连接",
    )
    login_parser.add_argument(
        "--forget-pinned-certificate",
        action="store_true",
        help="中心更换证书后使用：忘记已固定的证书（核对新指纹后可再加 --pin-certificate）",
    )
    login_parser.add_argument(
        "--ca-file",
        type=Path,
        default=None,
        help="学院自己的证书颁发机构（CA）证书文件（PEM），保存在加密数据中，此后每次连接都信任它",
    )
    login_parser.add_argument(
        "--aggregate-only",
        action="store_true",
        help="仅统计模式（学校中心）：本机不保存学生记录，同步时取回中心计算的统计；不加此项重新登录即恢复",
    )
    login_parser.set_defaults(handler=cmd_login)

    sync_parser = sub.add_parser("sync", help="与中心同步：先推送本机修改，再拉取更新")
    sync_parser.add_argument("--json", action="store_true")
    sync_parser.add_argument("--verbose", action="store_true", help="显示进度")
    sync_parser.set_defaults(handler=cmd_sync)
