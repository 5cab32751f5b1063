"""``jiafang-server``: create the database, colleges, users and assignments, import rosters, manage
devices, back up, serve, and fill a demo server.  ``--env-file PATH`` reads the service's settings (the
units use the same file); ``--database-url`` or ``JIAFANG_DATABASE_URL`` picks the database; without
either, SQLite in the data folder.  Every failure is one Chinese line on stderr, exit status 2."""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.records.enums import Role
from sync.server import (
    account_commands,
    admin_audit,
    admin_backup,
    admin_common,
    admin_devices,
    admin_directory,
    admin_drill,
    admin_housekeeping,
    admin_restore,
    admin_roster,
    audit,
    center_admin,
    devices,
    directory,
    env_file,
    roster,
)
from sync.server.admin_common import CliError
from sync.server.database import InsecureDatabaseFile
from sync.server.models import Account, RecordRow

_settings = admin_common.settings
_database = admin_common.database
_password = admin_common.password


def cmd_init_db(args: argparse.Namespace) -> None:
    database = _database(args)
    database.run(lambda s: audit.record(s, "database_migrated", operator=admin_common.operator()))
    database.dispose()
    print("数据库已就绪")


def cmd_create_college(args: argparse.Namespace) -> None:
    database = _database(args)

    def work(session: Session) -> str:
        college_id = directory.create_college(session, args.name, args.code or "")
        audit.record(
            session,
            "college_created",
            operator=admin_common.operator(),
            target=args.name,
            college_id=college_id,
            code=args.code or "",
        )
        return college_id

    print(database.run(work))


def cmd_create_user(args: argparse.Namespace) -> None:
    role = Role(args.role)
    expertise = center_admin.parse_expertise(args.expertise) if args.expertise else []
    if expertise and role is not Role.MENTOR:
        raise CliError("--expertise 只用于育人导师账号（--role mentor）")
    password = _password()
    database = _database(args)

    def work(session: Session) -> str:
        college_id = directory.find_college(session, args.college) if args.college else None
        user_id = directory.create_user(
            session,
            username=args.username,
            password=password,
            role=role,
            display_name=args.name or args.username,
            college_id=college_id,
            staff_no=args.staff_no,
        )
        audit.record(
            session,
            "user_created",
            operator=admin_common.operator(),
            user_id=user_id,
            target=args.username,
            college_id=college_id,
            role=role.value,
        )
        if expertise:
            center_admin.set_expertise(session, args.username, expertise)
        return user_id

    print(database.run(work))


def cmd_set_center(args: argparse.Namespace) -> None:
    if args.school == bool(args.college):
        raise CliError("请用 --college 指定学院，或用 --school 设置学校学生发展支持中心（二选一）")
    missing = _database(args).run(
        lambda session: center_admin.set_center(
            session,
            college=None if args.school else args.college,
            site=args.site,
            director=args.director,
            deputies=args.deputy,
            members=args.member,
        )
    )
    print("已保存" + ("，该中心已达标" if not missing else f"；尚缺：{'、'.join(missing)}"))


def cmd_assign(args: argparse.Namespace) -> None:
    pairs: list[tuple[str, str]] = []
    if args.file:
        for line, row in roster.read_rows(Path(args.file)):
            username = row.get("username") or row.get("用户名") or row.get("账号") or ""
            student_no = row.get("student_no") or row.get("学号") or ""
            if not username or not student_no:
                raise CliError(f"第 {line} 行缺少用户名或学号")
            pairs.append((username, student_no))
    if args.username:
        pairs += [(args.username, student_no) for student_no in args.student_nos]
    if not pairs:
        raise CliError("请给出用户名和学号，或用 --file 指定分配表")
    database = _database(args)

    def work(session: Session) -> int:
        by_user: dict[str, list[str]] = {}
        for username, student_no in pairs:
            by_user.setdefault(username, []).append(student_no)
        total = 0
        for username, student_nos in by_user.items():
            count = directory.assign(session, username=username, student_nos=student_nos)
            account = directory.find_account(session, username)
            audit.record(
                session,
                "students_assigned",
                operator=admin_common.operator(),
                user_id=account.id,
                target=username,
                college_id=account.college_id,
                count=count,
            )
            total += count
        return total

    print(f"已分配 {database.run(work)} 名学生")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    from sync.server.app import create_app

    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        raise CliError("--ssl-certfile 与 --ssl-keyfile 须同时给出")
    settings = _settings(args)
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "ssl_certfile": args.ssl_certfile,
        "ssl_keyfile": args.ssl_keyfile,
        "proxy_headers": True,
        "log_level": args.log_level,
        "http": "sync.server.tcp:NoDelayH11Protocol",
        "timeout_keep_alive": settings.keep_alive_seconds,
        "backlog": settings.backlog,
    }
    if args.workers > 1:
        # Workers are separate processes: each builds the app from the environment, and counts metrics in
        # a folder they share (sync/server/metrics.py) unless the unit gave one.
        os.environ["JIAFANG_DATABASE_URL"] = settings.resolved_database_url()
        own_folder = None
        if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            own_folder = settings.data_dir / "metrics" / str(os.getpid())
            own_folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(own_folder)
        create_app(settings).state.database.dispose()  # migrate once, before the workers start
        try:
            uvicorn.run("sync.server.asgi:app", workers=args.workers, **options)
        finally:
            if own_folder is not None:
                shutil.rmtree(own_folder, ignore_errors=True)
        return
    uvicorn.run(create_app(settings), **options)


def cmd_demo(args: argparse.Namespace) -> None:
    from sync.demo import DemoGenerator

    generator = DemoGenerator(students=args.students, today=date.today(), seed=args.seed)
    database = _database(args)
    accounts_now, students_now = database.run(_directory_size)
    if accounts_now or students_now:
        raise CliError(
            f"数据库中已有 {accounts_now} 个账号、{students_now} 名学生：演示数据只能写入空数据库"
            "（请另建一个数据库，用 --database-url 指定）"
        )
    total = database.run(lambda s: directory.import_records(s, generator.school_records()))
    for chunk in generator.student_chunks(500):

        def write_chunk(session: Session, chunk: list[Any] = chunk) -> int:
            return directory.import_records(session, chunk)

        total += database.run(write_chunk)

    def accounts_and_audit(session: Session) -> list[dict[str, str]]:
        created = _demo_accounts(session, generator, args.per_role)
        audit.record(session, "demo_created", operator=admin_common.operator(), accounts=len(created))
        return created

    accounts = database.run(accounts_and_audit)
    if args.json:
        print(json.dumps({"records": total, "accounts": accounts}, ensure_ascii=False, indent=2))
        return
    print(f"已写入 {total} 条演示记录。演示账号：")
    for account in accounts:
        print(f"  {account['role']:<15} {account['username']:<16} {account['password']}  {account['name']}")


def _directory_size(session: Session) -> tuple[int, int]:
    """Accounts and students already in the database (the demo only fills an empty one)."""
    accounts = session.scalar(select(func.count()).select_from(Account)) or 0
    students = session.scalar(
        select(func.count()).select_from(RecordRow).where(RecordRow.record_type == "student")
    )
    return int(accounts), int(students or 0)


def _demo_accounts(session: Session, generator: Any, per_role: int) -> list[dict[str, str]]:
    school = generator.school
    users = [user for staff in school.colleges for user in (*staff.counselors, *staff.center_staff)]
    directors = [staff.director for staff in school.colleges if staff.director is not None]
    users += directors + list(school.school_center) + list(school.admins) + list(school.mentor_users)
    taken: dict[str, int] = {}
    accounts: list[dict[str, str]] = []
    for user in users:
        role = Role(user.role)
        if taken.get(role.value, 0) >= per_role:
            continue
        taken[role.value] = taken.get(role.value, 0) + 1
        password = secrets.token_urlsafe(9)
        username = f"{role.value}{taken[role.value]}"
        directory.add_account(
            session,
            user_id=user.id,
            username=username,
            password=password,
            role=role,
            display_name=user.name,
            college_id=user.college_id,
        )
        accounts.append({"role": role.value, "username": username, "password": password, "name": user.name})
    return accounts


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jiafang-server", description="家访 JiaFang 中心服务器管理")
    parser.add_argument(
        "--env-file",
        default=None,
        help="先读取服务的环境文件（如 /etc/jiafang-server/jiafang-server.env），与服务使用同一份设置",
    )
    parser.add_argument("--database-url", default=None, help="数据库地址（默认读取 JIAFANG_DATABASE_URL）")
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("init-db", help="创建或升级数据库").set_defaults(func=cmd_init_db)

    college = commands.add_parser("create-college", help="新建学院")
    college.add_argument("name")
    college.add_argument("--code", default="")
    college.set_defaults(func=cmd_create_college)

    user = commands.add_parser("create-user", help="新建账号（密码取自 JIAFANG_PASSWORD 或提示输入）")
    user.add_argument("username")
    user.add_argument("--role", required=True, choices=[role.value for role in Role])
    user.add_argument("--college", help="学院名称、代码或编号")
    user.add_argument("--name", help="显示姓名")
    user.add_argument("--staff-no", help="工号")
    user.add_argument("--expertise", help="育人导师的专长，如：心理困难,学业困难")
    user.set_defaults(func=cmd_create_user)

    center = commands.add_parser(
        "set-center", help="登记学生发展支持中心的阵地、主任、副主任和成员（六个全覆盖之一）"
    )
    center.add_argument("--college", help="学院名称、代码或编号")
    center.add_argument("--school", action="store_true", help="学校学生发展支持中心")
    center.add_argument("--site", help="阵地（地点/房间）")
    center.add_argument("--director", help="主任")
    center.add_argument("--deputy", action="append", help="副主任（可重复）")
    center.add_argument("--member", action="append", help="成员（可重复）")
    center.set_defaults(func=cmd_set_center)

    assign = commands.add_parser("assign", help="为辅导员或育人导师分配学生")
    assign.add_argument("username", nargs="?")
    assign.add_argument("student_nos", nargs="*", metavar="STUDENT_NO")
    assign.add_argument("--file", help="分配表（CSV 或 XLSX，列：用户名、学号）")
    assign.set_defaults(func=cmd_assign)

    admin_roster.register(commands)
    admin_directory.register(commands)
    admin_audit.register(commands)

    admin_devices.register(commands)

    admin_backup.register(commands)
    admin_drill.register(commands)
    admin_restore.register(commands)

    admin_housekeeping.register(commands)

    serve = commands.add_parser("serve", help="启动服务器")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--ssl-keyfile")
    serve.add_argument("--workers", type=int, default=1, help="工作进程数（共享同一数据库）")
    serve.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    serve.set_defaults(func=cmd_serve)

    demo = commands.add_parser("demo", help="写入合成演示数据并创建演示账号")
    demo.add_argument("--students", type=int, default=200)
    demo.add_argument("--seed", type=int, default=2024)
    demo.add_argument("--per-role", type=int, default=2)
    demo.add_argument("--json", action="store_true")
    demo.set_defaults(func=cmd_demo)
    account_commands.add_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.env_file:
            env_file.load(Path(args.env_file))
        args.func(args)
    except (
        CliError,
        directory.DirectoryError,
        roster.RosterError,
        env_file.EnvFileError,
        devices.DeviceError,
        InsecureDatabaseFile,
    ) as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    except (Exception, KeyboardInterrupt) as error:
        message = admin_common.describe(error)
        if message is None or os.environ.get("JIAFANG_DEBUG"):
            raise
        print(f"错误：{message}", file=sys.stderr)
        return 2
    finally:
        admin_common.close_databases()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
