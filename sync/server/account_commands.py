"""``jiafang-server`` account commands: ``passwd``, ``reset-password``, ``deactivate-user`` (kept apart
from cli.py so each command is a small function of its own; each is in the audit log with its operator)."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from sync.server import directory, passwords
from sync.server.admin_common import database, operator, password


def _account(session: Session, username: str) -> Any:
    account = passwords.find(session, username)
    if account is None:
        raise directory.DirectoryError(f"找不到用户：{username}")
    return account


def _store(args: argparse.Namespace, password: str) -> int:
    db = database(args)

    def work(session: Session) -> int:
        account = _account(session, args.username)
        try:
            hashed = passwords.hash_checked(
                password, username=account.username, display_name=account.display_name
            )
        except passwords.WeakPassword as error:
            raise directory.DirectoryError(f"密码不符合要求：{error}") from None
        return passwords.set_password(session, account, hashed, by=None, operator=operator())

    return db.run(work)


def cmd_passwd(args: argparse.Namespace) -> None:
    """Set a user's password (typed twice, or JIAFANG_PASSWORD); the user's devices must log in again."""
    count = _store(args, password(f"{args.username} 的新密码"))
    print(f"已修改 {args.username} 的密码；该用户的 {count} 台设备需要重新登录")


def cmd_reset_password(args: argparse.Namespace) -> None:
    """Give a user a new random password, printed once, and sign out all of the user's devices."""
    password = passwords.generated_password()
    count = _store(args, password)
    print(
        f"{args.username} 的新密码（只显示这一次，请当面或电话告知本人，并请其登录后修改；{count} 台设备需重新登录）："
    )
    print(password)


def cmd_deactivate_user(args: argparse.Namespace) -> None:
    """The user can no longer log in; every device of theirs loses its token at once."""
    count = database(args).run(
        lambda s: passwords.deactivate(s, _account(s, args.username), by=None, operator=operator())
    )
    print(f"已停用 {args.username}，{count} 台设备的授权已失效")


def add_parsers(commands: Any) -> None:
    """Add the account commands to ``jiafang-server``'s sub-command parser."""
    for name, func, text in (
        ("passwd", cmd_passwd, "修改用户密码（取自 JIAFANG_PASSWORD 或提示输入）"),
        ("reset-password", cmd_reset_password, "为用户生成新的随机密码并使其设备重新登录"),
        ("deactivate-user", cmd_deactivate_user, "停用用户并使其所有设备的授权失效"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("username")
        sub.set_defaults(func=func)
