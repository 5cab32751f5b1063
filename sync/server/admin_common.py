"""What every ``jiafang-server`` admin command shares: its settings and database, who runs it (for the
audit log), the password prompt, and turning any failure into one Chinese line."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from pydantic import ValidationError
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from sync.password_policy import password_problems
from sync.server.database import Database
from sync.server.settings import Settings


class CliError(Exception):
    """A Chinese message printed to stderr with exit status 2."""


def settings(args: argparse.Namespace) -> Settings:
    try:
        result = Settings()
    except ValidationError as error:
        names = ", ".join(f"JIAFANG_{str(item['loc'][0]).upper()}" for item in error.errors() if item["loc"])
        raise CliError(f"设置有误：{names or '环境变量'} 的取值无效") from None
    if getattr(args, "database_url", None):
        result.database_url = args.database_url
    return result


_opened: list[Database] = []


def database(args: argparse.Namespace) -> Database:
    """The command's database (closed by ``close_databases`` when the command ends, however it ends)."""
    opened = Database(settings(args))
    _opened.append(opened)
    return opened


def close_databases() -> None:
    while _opened:
        _opened.pop().dispose()


def operator() -> str:
    """Who runs this admin command, for the audit log: the login behind ``sudo`` when there is one."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    sudo_user = os.environ.get("SUDO_USER")
    if sudo_user and sudo_user != user:
        return f"os:{sudo_user} (sudo -u {user})"
    return f"os:{user}"


def password(prompt: str = "密码") -> str:
    """``JIAFANG_PASSWORD``, or asked twice on the terminal; never a prompt without a terminal."""
    from_env = os.environ.get("JIAFANG_PASSWORD")
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise CliError("没有终端可输入密码：请在终端中运行，或用环境变量 JIAFANG_PASSWORD 给出密码")
    first = getpass.getpass(f"{prompt}：")
    problems = password_problems(first)
    if problems:  # said before the second prompt; the user name is checked when the password is stored
        raise CliError("密码不符合要求：" + "".join(problems))
    if getpass.getpass(f"再次输入{prompt}：") != first:
        raise CliError("两次输入的密码不一致")
    return first


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0][:200] if text else type(error).__name__


def describe(error: BaseException) -> str | None:
    """One Chinese line for a failure an admin command can meet; ``None`` for a programming error."""
    if isinstance(error, (EOFError, KeyboardInterrupt)):
        return "已取消（输入已结束）"
    if isinstance(error, ArgumentError):
        return (
            "数据库地址无效：请检查 JIAFANG_DATABASE_URL（密码中的特殊字符可改用 JIAFANG_DATABASE_PASSWORD）"
        )
    if isinstance(error, DBAPIError):
        return f"数据库出错：{_first_line(error)}"
    if isinstance(error, SQLAlchemyError):
        return f"数据库出错：{type(error).__name__}"
    if isinstance(error, PermissionError):
        name = error.filename or ""
        return f"无权访问文件：{name}（管理命令以服务用户身份运行，该用户须能读取此文件）"
    if isinstance(error, FileNotFoundError):
        return f"找不到文件：{error.filename or ''}"
    if isinstance(error, IsADirectoryError):
        return f"该路径是一个文件夹：{error.filename or ''}"
    if isinstance(error, OSError):
        return f"文件操作失败：{error.filename or ''}：{error.strerror or error}"
    if isinstance(error, UnicodeDecodeError):
        return "文件不是 UTF-8 文本（CSV 请以 UTF-8 保存，或使用 XLSX）"
    return None
