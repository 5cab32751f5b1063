"""``jiafang-server``: create the database, colleges, users and assignments, import rosters, manage
devices, back up, serve, and fill a demo server.  ``--database-url`` or ``JIAFANG_DATABASE_URL`` picks
the database; without either, SQLite in the data folder."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

from sync.records.enums import Role
from sync.server import center_admin, devices, directory, roster
from sync.server.database import Database
from sync.server.settings import Settings


class CliError(Exception):
    """A Chinese message printed to stderr with exit status 2."""


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings()
    if args.database_url:
        settings.database_url = args.database_url
    return settings


def _database(args: argparse.Namespace) -> Database:
    return Database(_settings(args))


def _password(prompt: str = "密码") -> str:
    from_env = os.environ.get("JIAFANG_PASSWORD")
    if from_env:
        return from_env
    first = getpass.getpass(f"{prompt}：")
    if len(first) < 8:
        raise CliError("密码至少 8 个字符")
    if getpass.getpass(f"再次输入{prompt}：") != first:
        raise CliError("两次输入的密码不一致")
    return first


def cmd_init_db(args: argparse.Namespace) -> None:
    database = _database(args)
    database.dispose()
    print("数据库已就绪")


def cmd_create_college(args: argparse.Namespace) -> None:
    database = _database(args)
    college_id = database.run(lambda s: directory.create_college(s, args.name, args.code or ""))
    print(college_id)


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
        if expertise:
            center_admin.set_expertise(session, args.username, expertise)
        return user_id

    print(database.run(work))


def cmd_update_user(args: argparse.Namespace) -> None:
    if args.expertise is None:
        raise CliError("请给出要修改的内容，例如 --expertise 心理困难,学业困难")
    expertise = center_admin.parse_expertise(args.expertise)
    _database(args).run(lambda session: center_admin.set_expertise(session, args.username, expertise))
    labels = "、".join(kind.label for kind in expertise) or "（无）"
    print(f"已更新 {args.username} 的专长：{labels}")


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
        for line, row in enumerate(roster.read_rows(Path(args.file)), start=2):
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
        return sum(directory.assign(session, username=u, student_nos=nos) for u, nos in by_user.items())

    print(f"已分配 {database.run(work)} 名学生")


def cmd_import_roster(args: argparse.Namespace) -> None:
    rows = list(roster.read_rows(Path(args.file)))
    database = _database(args)

    def work(session: Session) -> int:
        changes: list[tuple[str, str, dict[str, Any]]] = []
        for line, row in enumerate(rows, start=2):
            fields = roster.student_fields(row, line)
            if fields.get("college_id"):
                fields["college_id"] = directory.find_college(session, fields["college_id"])
            if fields.get("counselor_id"):
                fields["counselor_id"] = directory.find_account(session, fields["counselor_id"]).id
            try:
                student_id = directory.find_student(session, fields["student_no"])
            except directory.DirectoryError:
                student_id = directory.new_id()
            changes.append(("student", student_id, fields))
        directory.write_records(session, changes)
        return len(changes)

    print(f"已导入 {database.run(work)} 名学生")


def cmd_list_devices(args: argparse.Namespace) -> None:
    database = _database(args)
    rows = database.run(devices.list_devices)
    if args.json:
        print(json.dumps([row.model_dump() for row in rows], ensure_ascii=False, indent=2))
        return
    for row in rows:
        state = "已撤销" if row.revoked else ("待清除" if row.wipe else "正常")
        print(f"{row.id}\t{row.username}\t{row.name}\t{row.last_seen_at or '-'}\t{state}")


def cmd_revoke_device(args: argparse.Namespace) -> None:
    database = _database(args)
    if database.run(lambda s: devices.revoke(s, args.device_id, by=None)) is None:
        raise CliError("找不到该设备")
    print("设备已撤销")


def cmd_wipe_device(args: argparse.Namespace) -> None:
    database = _database(args)
    if database.run(lambda s: devices.order_wipe(s, args.device_id, by=None)) is None:
        raise CliError("找不到该设备")
    print("已下达清除指令，设备下次联网时执行")


def _backup_target(args: argparse.Namespace, settings: Settings, suffix: str) -> Path:
    """The output file, created empty with mode 0600; its folder is made when missing (a clear message
    when it cannot be)."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = Path(args.output) if args.output else settings.data_dir / f"backup-{stamp}{suffix}"
    if target.is_dir():
        raise CliError(f"备份路径是一个文件夹，请给出文件名：{target}")
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Readable by the owner only from the first byte on.
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        os.chmod(target, 0o600)
    except OSError as error:
        raise CliError(f"无法写入备份文件 {target}：{error.strerror or error}") from None
    return target


def _pg_dump(url: URL, target: Path) -> None:
    """Run pg_dump with the password in ``PGPASSWORD`` (never on the command line, where ``ps`` shows it)."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise CliError("未找到 pg_dump，请安装 PostgreSQL 客户端工具")
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    without_password = URL.create(
        "postgresql", url.username, None, url.host, url.port, url.database, url.query
    )
    conninfo = without_password.render_as_string(hide_password=False)
    command = [pg_dump, "--format=custom", "--file", str(target), "--dbname", conninfo]
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        target.unlink(missing_ok=True)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        detail = lines[-1].removeprefix("pg_dump: ").removeprefix("error: ") if lines else ""
        raise CliError(f"pg_dump 备份失败（退出码 {result.returncode}）：{detail}")


def cmd_backup(args: argparse.Namespace) -> None:
    settings = _settings(args)
    url = make_url(settings.resolved_database_url())
    if url.get_backend_name() == "sqlite":
        target = _backup_target(args, settings, ".sqlite3")
        source = sqlite3.connect(url.database or "")
        try:
            copy = sqlite3.connect(target)
            try:
                with copy:
                    source.backup(copy)
            finally:
                copy.close()
        except sqlite3.Error as error:
            target.unlink(missing_ok=True)
            raise CliError(f"备份失败：{error}") from None
        finally:
            source.close()
    else:
        target = _backup_target(args, settings, ".dump")
        _pg_dump(url, target)
    os.chmod(target, 0o600)
    print(target)


def cmd_expire_tombstones(args: argparse.Namespace) -> None:
    from sync.server.maintenance import expire_tombstones

    settings = _settings(args)
    days = args.days if args.days is not None else settings.tombstone_days
    database = Database(settings)
    removed = database.run(lambda s: expire_tombstones(s, days=days))
    print(f"已清理 {removed} 条超过 {days} 天的删除标记")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    from sync.server.app import create_app

    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        raise CliError("--ssl-certfile 与 --ssl-keyfile 须同时给出")
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "ssl_certfile": args.ssl_certfile,
        "ssl_keyfile": args.ssl_keyfile,
        "proxy_headers": True,
        "log_level": args.log_level,
        "http": "sync.server.tcp:NoDelayH11Protocol",
    }
    if args.workers > 1:
        # Workers are separate processes: each builds the app from the environment.
        os.environ["JIAFANG_DATABASE_URL"] = _settings(args).resolved_database_url()
        create_app(_settings(args)).state.database.dispose()  # migrate once, before the workers start
        uvicorn.run("sync.server.asgi:app", workers=args.workers, **options)
        return
    uvicorn.run(create_app(_settings(args)), **options)


def cmd_demo(args: argparse.Namespace) -> None:
    from sync.demo import DemoGenerator

    generator = DemoGenerator(students=args.students, today=date.today(), seed=args.seed)
    database = _database(args)
    total = database.run(lambda s: directory.import_records(s, generator.school_records()))
    for chunk in generator.student_chunks(500):

        def write_chunk(session: Session, chunk: list[Any] = chunk) -> int:
            return directory.import_records(session, chunk)

        total += database.run(write_chunk)
    accounts = database.run(lambda s: _demo_accounts(s, generator, args.per_role))
    if args.json:
        print(json.dumps({"records": total, "accounts": accounts}, ensure_ascii=False, indent=2))
        return
    print(f"已写入 {total} 条演示记录。演示账号：")
    for account in accounts:
        print(f"  {account['role']:<15} {account['username']:<16} {account['password']}  {account['name']}")


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

    update = commands.add_parser("update-user", help="修改账号（目前：育人导师的专长）")
    update.add_argument("username")
    update.add_argument("--expertise", help="育人导师的专长，如：心理困难,学业困难（给空字符串清除）")
    update.set_defaults(func=cmd_update_user)

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

    roster_parser = commands.add_parser("import-roster", help="导入学生名单（CSV 或 XLSX）")
    roster_parser.add_argument("file")
    roster_parser.set_defaults(func=cmd_import_roster)

    listing = commands.add_parser("list-devices", help="列出设备")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_list_devices)

    for name, func, text in (
        ("revoke-device", cmd_revoke_device, "撤销设备授权"),
        ("wipe-device", cmd_wipe_device, "要求设备清除本地数据"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("device_id")
        sub.set_defaults(func=func)

    backup = commands.add_parser("backup", help="备份数据库")
    backup.add_argument("--output", help="备份文件路径")
    backup.set_defaults(func=cmd_backup)

    expire = commands.add_parser(
        "expire-tombstones", help="清理过期的删除标记（默认保留天数见 JIAFANG_TOMBSTONE_DAYS）"
    )
    expire.add_argument("--days", type=int, default=None)
    expire.set_defaults(func=cmd_expire_tombstones)

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except (CliError, directory.DirectoryError, roster.RosterError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
