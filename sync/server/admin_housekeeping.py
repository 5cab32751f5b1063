"""Housekeeping run by ``jiafang-server-housekeeping.timer``: ``expire-tombstones``, ``expire-uploads``,
and ``housekeeping`` for both."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from sync.server import audit
from sync.server.admin_common import CliError, database, operator, settings
from sync.server.database import Database
from sync.server.maintenance import expire_tombstones, expire_uploads


def _age(value: int | None, default: int, name: str, unit: str) -> int:
    """The age given on the command line, else the setting's; a positive whole number of ``unit``."""
    age = default if value is None else value
    if age < 1:
        raise CliError(f"{name} 应为正整数{unit}数")
    return age


def _expire(db: Database, action: str, expire: Callable[..., int], **age: int) -> int:
    """Run one expiry with its age (``days=`` or ``hours=``) and write it to the audit log."""

    def work(session: Session) -> int:
        removed = expire(session, **age)
        detail: dict[str, Any] = {"removed": removed, **age}
        audit.record(session, action, operator=operator(), **detail)
        return removed

    return db.run(work)


def _tombstones(db: Database, days: int) -> int:
    return _expire(db, "tombstones_expired", expire_tombstones, days=days)


def _uploads(db: Database, hours: int) -> int:
    return _expire(db, "uploads_expired", expire_uploads, hours=hours)


def cmd_expire_tombstones(args: argparse.Namespace) -> None:
    days = _age(args.days, settings(args).tombstone_days, "--days", "天")
    removed = _tombstones(database(args), days)
    print(f"已清理 {removed} 条超过 {days} 天的删除标记")


def cmd_expire_uploads(args: argparse.Namespace) -> None:
    hours = _age(args.hours, settings(args).upload_expiry_hours, "--hours", "小时")
    removed = _uploads(database(args), hours)
    print(f"已清理 {removed} 个超过 {hours} 小时未完成的附件上传")


def cmd_housekeeping(args: argparse.Namespace) -> None:
    config = settings(args)
    db = database(args)
    tombstones = _tombstones(db, _age(None, config.tombstone_days, "JIAFANG_TOMBSTONE_DAYS", "天"))
    uploads = _uploads(db, _age(None, config.upload_expiry_hours, "JIAFANG_UPLOAD_EXPIRY_HOURS", "小时"))
    print(f"已清理 {tombstones} 条过期的删除标记、{uploads} 个未完成的附件上传")


def register(commands: Any) -> None:
    tombstones = commands.add_parser(
        "expire-tombstones", help="清理过期的删除标记（默认保留天数见 JIAFANG_TOMBSTONE_DAYS）"
    )
    tombstones.add_argument("--days", type=int, default=None)
    tombstones.set_defaults(func=cmd_expire_tombstones)

    uploads = commands.add_parser(
        "expire-uploads", help="清理未完成的附件上传（默认超过 JIAFANG_UPLOAD_EXPIRY_HOURS=24 小时）"
    )
    uploads.add_argument("--hours", type=int, default=None)
    uploads.set_defaults(func=cmd_expire_uploads)

    commands.add_parser("housekeeping", help="定时清理：过期删除标记与未完成的上传").set_defaults(
        func=cmd_housekeeping
    )
