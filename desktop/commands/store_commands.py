"""`jiafang init | info | students | passwd | keyring | backup | restore`: the local store from the command
line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from desktop.commands.context import CommandContext, CommandError
from desktop.store.key_vault import KeyVault
from desktop.store.repositories.roster import RosterFilter
from desktop.store.store import Store
from sync.records import AuditAction, Role

NEW_PASSPHRASE_ENV = "JIAFANG_NEW_PASSPHRASE"
NEW_PASSWORD_ENV = "JIAFANG_NEW_PASSWORD"  # the center account's new password (jiafang passwd --server)


def open_store(ctx: CommandContext) -> Store:
    """Open the store of the context's data folder: the OS keyring if it holds the key, else the passphrase."""
    vault = KeyVault(ctx.data_dir)
    if not vault.exists():
        raise CommandError(f"{ctx.data_dir} 中没有 JiaFang 数据。请先运行 jiafang init 或 jiafang demo。")
    if not os.environ.get("JIAFANG_PASSPHRASE"):
        key = vault.unlock_from_keyring()
        if key is not None:
            return Store.open(ctx.data_dir, key=key)
    store = Store.open(ctx.data_dir, ctx.passphrase())
    if vault.keyring_entry_lost() and vault.keyring.usable():
        print(KEYRING_LOST_HINT, file=sys.stderr)
    return store


KEYRING_LOST_HINT = (
    "提示：本机原设为用系统钥匙串解锁，但钥匙串中已没有本机数据的密钥（密码仍可解锁）。"
    "如需恢复，请运行 jiafang keyring --restore。"
)


def _ask(value: str | None, prompt: str, option: str) -> str:
    if value:
        return value
    if sys.stdin.isatty():
        answer = input(prompt).strip()
        if answer:
            return answer
    raise CommandError(f"缺少 {option}。")


def cmd_init(args: argparse.Namespace, ctx: CommandContext) -> int:
    school = _ask(args.school, "学校名称: ", "--school")
    name = _ask(args.name, "您的姓名: ", "--name")
    passphrase = ctx.passphrase("设置密码（至少 10 个字符，不要用常见密码）: ", confirm=True)
    store = Store.create(
        ctx.data_dir,
        passphrase,
        school_name=school,
        user_name=name,
        role=Role(args.role),
        use_keyring=args.keyring,
    )
    with store:
        ctx.print(
            f"已在 {ctx.data_dir} 创建加密数据。密钥保存方式：{KeyVault(ctx.data_dir).storage_description()}"
        )
    return 0


def _counts(store: Store) -> dict[str, int]:
    from desktop.store.repositories.session import REPOSITORY_CLASSES

    counts: dict[str, int] = {}
    with store.session() as s:
        for repo_class in REPOSITORY_CLASSES:
            repo = repo_class(s.db, s.ctx)
            counts[repo_class.RECORD.RECORD_TYPE] = repo.count()
    return counts


def cmd_info(args: argparse.Namespace, ctx: CommandContext) -> int:
    with open_store(ctx) as store:
        info = store.info
        with store.engine.connect() as conn:
            cipher = conn.exec_driver_sql("PRAGMA cipher_version").scalar_one()
        from desktop.store.outbox import pending_count

        with store.session() as s:
            pending = pending_count(s.db)
        summary: dict[str, Any] = {
            "data_dir": str(ctx.data_dir),
            "school": info.school_name,
            "user": info.user_name,
            "role": info.role.value,
            "schema_version": info.schema_version,
            "sqlcipher_version": cipher,
            "key_storage": KeyVault(ctx.data_dir).storage_description(),
            "pending_changes": pending,
            "backups": len(store.list_backups()),
            "counts": _counts(store),
        }
    if args.json:
        ctx.print_json(summary)
        return 0
    ctx.print(f"数据目录    {summary['data_dir']}")
    ctx.print(f"学校        {summary['school']}")
    ctx.print(f"用户        {summary['user']}（{info.role.label}）")
    ctx.print(f"数据结构版本 {summary['schema_version']}")
    ctx.print(f"SQLCipher   {cipher}")
    ctx.print(f"密钥保存    {summary['key_storage']}")
    ctx.print(f"待同步修改  {pending}")
    ctx.print(f"备份        {summary['backups']} 个")
    ctx.print("记录数：")
    for record_type, count in summary["counts"].items():
        ctx.print(f"  {record_type:<22} {count}")
    return 0


def cmd_students(args: argparse.Namespace, ctx: CommandContext) -> int:
    with open_store(ctx) as store, store.session() as s:
        rows = s.roster.rows(RosterFilter(search=args.search or ""), sort="student_no", limit=args.limit)
    items = [
        {
            "student_no": row.student_no,
            "name": row.name,
            "college": row.college_name or "",
            "class": row.class_name,
            "counselor": row.counselor_name or "",
        }
        for row in rows
    ]
    if args.json:
        ctx.print_json(items)
        return 0
    if not items:
        ctx.print("没有找到匹配的学生。")
        return 0
    ctx.print("学号\t姓名\t学院\t班级\t辅导员")
    for item in items:
        ctx.print("\t".join(item.values()))
    ctx.print(f"共 {len(items)} 名学生")
    return 0


def cmd_server_passwd(ctx: CommandContext) -> int:
    """`jiafang passwd --server`: the center account's password (current from JIAFANG_PASSWORD or asked)."""
    from desktop.app.sync_jobs import NotConnected, change_password
    from desktop.commands.sync_commands import WIPED_NOTE, prompt_password
    from sync.client import DeviceWiped, SyncError

    with open_store(ctx) as store:
        current = prompt_password()
        new = ctx.passphrase(
            "中心账号新密码（至少 10 个字符，不要用常见密码）: ", confirm=True, env=NEW_PASSWORD_ENV
        )
        try:
            change_password(store, current, new)
        except NotConnected:
            raise CommandError(
                "尚未连接中心服务器：请先运行 jiafang login --server URL --user 用户名。"
            ) from None
        except DeviceWiped as error:
            raise CommandError(f"未能更改：{error}\n{WIPED_NOTE}") from None
        except SyncError as error:
            raise CommandError(f"中心账号密码未更改：{error}") from None
    ctx.print("中心账号密码已更改。本机仍保持登录；该账号在其他电脑上需要用新密码重新登录。")
    return 0


def cmd_passwd(args: argparse.Namespace, ctx: CommandContext) -> int:
    if args.server:
        return cmd_server_passwd(ctx)
    vault = KeyVault(ctx.data_dir)
    if not vault.exists():
        raise CommandError(f"{ctx.data_dir} 中没有 JiaFang 数据。")
    old = ctx.passphrase("当前密码: ")
    new = ctx.passphrase("新密码（至少 10 个字符，不要用常见密码）: ", confirm=True, env=NEW_PASSPHRASE_ENV)
    vault.change_passphrase(old, new)
    ctx.print("密码已更改。数据库本身未重写；旧密码从现在起无效。")
    return 0


def cmd_keyring(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Show what the OS keyring holds now; put the data key back (``--restore``) or remove it (``--off``)."""
    vault = KeyVault(ctx.data_dir)
    if not vault.exists():
        raise CommandError(f"{ctx.data_dir} 中没有 JiaFang 数据。")
    if args.restore or args.off:
        if args.restore and not vault.keyring.usable():
            raise CommandError("本机没有可用的系统钥匙串，只能用密码解锁。")
        key = vault.unlock(ctx.passphrase())
        on = vault.set_keyring(bool(args.restore), key)
        if args.restore and not on:
            raise CommandError("未能把密钥写入系统钥匙串，只能用密码解锁。")
    if vault.keyring_holds_key():
        ctx.print(f"系统钥匙串中保存着本机数据的密钥（{vault.keyring.backend_name()}），可用系统登录解锁。")
    elif vault.keyring_entry_lost():
        ctx.print("本机原设为用系统钥匙串解锁，但钥匙串中已没有密钥；运行 jiafang keyring --restore 可恢复。")
    else:
        ctx.print("系统钥匙串中没有本机数据的密钥，只能用密码解锁。")
    return 0


def cmd_backup(args: argparse.Namespace, ctx: CommandContext) -> int:
    with open_store(ctx) as store:
        backup = store.backup("manual")
        with store.session() as s:
            s.audit.log(AuditAction.BACKUP, detail=backup.path.name)
    ctx.print(f"已备份到 {backup.path}（{backup.size // 1024} KB，已加密）")
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CommandContext) -> int:
    source = Path(args.file)
    if not source.is_file():
        raise CommandError(f"找不到备份文件：{source}")
    vault = KeyVault(ctx.data_dir)
    if not vault.exists():
        raise CommandError(f"{ctx.data_dir} 中没有 JiaFang 数据（密钥文件），无法恢复。")
    key = None if os.environ.get("JIAFANG_PASSPHRASE") else vault.unlock_from_keyring()
    if key is None:
        key = vault.unlock(ctx.passphrase())
    previous = Store.restore(ctx.data_dir, source, key=key)
    ctx.print(f"已从 {source.name} 恢复。")
    if previous is not None:
        ctx.print(f"恢复前的数据已另存为备份：{previous.path}")
    return 0


def register(sub: Any) -> None:
    init = sub.add_parser("init", help="在数据目录中创建新的加密数据")
    init.add_argument("--school", help="学校名称")
    init.add_argument("--name", help="您的姓名")
    init.add_argument("--role", choices=[role.value for role in Role], default=Role.COUNSELOR.value)
    init.add_argument(
        "--no-keyring", dest="keyring", action="store_false", help="不把密钥保存到系统钥匙串（只用密码解锁）"
    )
    init.set_defaults(handler=cmd_init)

    info = sub.add_parser("info", help="记录数、数据结构版本、SQLCipher 版本、密钥保存方式")
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=cmd_info)

    students = sub.add_parser("students", help="查找学生（姓名、拼音、首字母、学号、班级）")
    students.add_argument("--search", default="")
    students.add_argument("--limit", type=int, default=200)
    students.add_argument("--json", action="store_true")
    students.set_defaults(handler=cmd_students)

    passwd = sub.add_parser(
        "passwd", help="更改本机数据密码（重新包装密钥，不重写数据库）；加 --server 更改中心账号密码"
    )
    passwd.add_argument(
        "--server",
        action="store_true",
        help="更改中心账号的登录密码（当前密码取自 JIAFANG_PASSWORD，新密码取自 JIAFANG_NEW_PASSWORD，或提示输入）",
    )
    passwd.set_defaults(handler=cmd_passwd)

    ring = sub.add_parser("keyring", help="查看或更改系统钥匙串中保存的密钥（恢复需输入密码）")
    choice = ring.add_mutually_exclusive_group()
    choice.add_argument("--restore", action="store_true", help="把密钥重新保存到系统钥匙串")
    choice.add_argument("--off", action="store_true", help="从系统钥匙串中删除密钥（只用密码解锁）")
    ring.set_defaults(handler=cmd_keyring)

    backup = sub.add_parser("backup", help="立即做一次加密备份")
    backup.set_defaults(handler=cmd_backup)

    restore = sub.add_parser("restore", help="从加密备份恢复（当前数据先另存为备份）")
    restore.add_argument("file", help="备份文件")
    restore.set_defaults(handler=cmd_restore)
