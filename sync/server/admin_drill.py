"""``restore-drill``: restore a backup (encrypted or not, PostgreSQL or SQLite) into a scratch database,
bring it to this release's schema, count what came back, and remove the scratch copy again."""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

from sync.server import audit
from sync.server.admin_backup import (
    AGE_MAGIC,
    PG_MAGIC,
    SQLITE_MAGIC,
    decrypt_to,
    last_line,
    magic,
    pg_command,
)
from sync.server.admin_common import CliError, database, operator, settings
from sync.server.database import Database
from sync.server.models import Account, Device, RecordRow, SeqCounter
from sync.server.settings import Settings


@contextmanager
def _plain_backup(path: Path, identity: str | None, scratch: Path) -> Iterator[Path]:
    """The backup as a plain file (decrypted into the private scratch folder when encrypted)."""
    if magic(path).startswith(AGE_MAGIC):
        plain = scratch / "backup.plain"
        descriptor = os.open(plain, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            decrypt_to(path, identity, out)
        yield plain
    else:
        yield path


def _summary(url: str) -> dict[str, Any]:
    """Bring the restored copy to this release's schema and count what it holds."""
    restored = Database(Settings(database_url=url, pool_size=1))
    try:

        def count(session: Session) -> dict[str, Any]:
            students = select(func.count()).select_from(RecordRow).where(RecordRow.record_type == "student")
            return {
                "accounts": session.scalar(select(func.count()).select_from(Account)) or 0,
                "students": session.scalar(students) or 0,
                "records": session.scalar(select(func.count()).select_from(RecordRow)) or 0,
                "devices": session.scalar(select(func.count()).select_from(Device)) or 0,
                "last_change": session.scalar(select(SeqCounter.value).where(SeqCounter.id == 1)) or 0,
            }

        return restored.run(count)
    finally:
        restored.dispose()


def _drill_sqlite(plain: Path, scratch: Path) -> dict[str, Any]:
    copy = scratch / "drill.sqlite3"
    shutil.copyfile(plain, copy)
    os.chmod(copy, 0o600)  # the server opens only a database file no other local user can read
    connection = sqlite3.connect(copy)
    try:
        (result,) = connection.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.DatabaseError as error:
        raise CliError(f"演练失败：备份不是完好的 SQLite 数据库（{error}）") from None
    finally:
        connection.close()
    if result != "ok":
        raise CliError(f"演练失败：SQLite 完整性检查未通过（{str(result)[:100]}）")
    return _summary(f"sqlite:///{copy}")


def _drill_postgres(plain: Path, config: Settings, scratch_url: str | None) -> dict[str, Any]:
    """Restore into ``scratch_url`` (must be empty; emptied again afterwards), or into a new database
    next to the configured one (dropped afterwards; the role needs CREATEDB)."""
    if scratch_url:
        target = make_url(scratch_url)
        created = False
        live = make_url(config.resolved_database_url())
        if target.password is None and live.password and target.username == live.username:
            target = target.set(password=live.password)  # the same role: its password from the settings
    else:
        base = make_url(config.resolved_database_url())
        if base.get_backend_name() != "postgresql":
            raise CliError("PostgreSQL 备份的演练需要 --scratch-url 指定一个空的 PostgreSQL 数据库")
        target = base.set(database=f"{base.database}_drill_{datetime.now(UTC):%Y%m%d%H%M%S}")
        created = True
    if target.get_backend_name() != "postgresql":
        raise CliError("--scratch-url 应为 PostgreSQL 数据库地址")
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        if created:
            try:
                with admin.connect() as connection:
                    connection.execute(text(f'CREATE DATABASE "{target.database}"'))
            except Exception as error:
                raise CliError(
                    "无法新建演练用数据库（数据库角色没有 CREATEDB 权限？）：请先建一个空库，如 "
                    "sudo -u postgres createdb -O jiafang jiafang_drill，再用 --scratch-url 指定"
                    f"（{str(getattr(error, 'orig', error)).splitlines()[0][:120]}）"
                ) from None
        engine = create_engine(target)
        try:
            if inspect(engine).get_table_names():
                raise CliError(f"演练用数据库不是空的：{target.database}（演练只恢复到空数据库）")
            try:
                return _pg_restore(plain, target)
            finally:
                if not created:  # empty the admin's scratch database again
                    with engine.begin() as connection:
                        for table in inspect(connection).get_table_names():
                            connection.execute(text(f'DROP TABLE IF EXISTS "{table}" CASCADE'))
        finally:
            engine.dispose()
    finally:
        if created:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        admin.dispose()


def _pg_restore(plain: Path, target: URL) -> dict[str, Any]:
    command, env, conninfo = pg_command("pg_restore", target)
    command += ["--no-owner", "--exit-on-error", "--dbname", conninfo, str(plain)]
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        detail = last_line(result.stderr, "pg_restore")
        raise CliError(f"演练失败：pg_restore 退出码 {result.returncode}：{detail}")
    return _summary(target.render_as_string(hide_password=False))


def cmd_restore_drill(args: argparse.Namespace) -> None:
    config = settings(args)
    path = Path(args.backup)
    with tempfile.TemporaryDirectory(prefix="jiafang-drill-") as folder:
        scratch = Path(folder)
        os.chmod(scratch, 0o700)
        with _plain_backup(path, args.identity, scratch) as plain:
            kind = magic(plain)
            if kind.startswith(SQLITE_MAGIC):
                summary = _drill_sqlite(plain, scratch)
            elif kind.startswith(PG_MAGIC):
                summary = _drill_postgres(plain, config, args.scratch_url)
            else:
                raise CliError(f"无法识别的备份文件：{path.name}（应为 pg_dump 自定义格式或 SQLite 数据库）")
    db = database(args)
    db.run(lambda s: audit.record(s, "restore_drill", operator=operator(), target=path.name, **summary))
    db.dispose()
    print(
        f"演练通过：备份可以恢复。账号 {summary['accounts']} 个，学生 {summary['students']} 名，"
        f"记录 {summary['records']} 条，设备 {summary['devices']} 台，最新变更号 {summary['last_change']}"
    )


def register(commands: Any) -> None:
    drill = commands.add_parser("restore-drill", help="恢复演练：把备份恢复到临时数据库并检查")
    drill.add_argument("backup")
    drill.add_argument("--identity", help="私钥文件（加密的备份需要）")
    drill.add_argument("--scratch-url", help="空的 PostgreSQL 数据库，用于演练（默认新建并在演练后删除）")
    drill.set_defaults(func=cmd_restore_drill)
