"""Housekeeping run by ``jiafang-server-housekeeping.timer``: ``expire-tombstones``, ``expire-uploads``,
and ``housekeeping`` for both."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from sync.server import audit
from sync.server.admin_common import CliError, database, operator, settings
from sync.server.database import Database
from sync.server.maintenance import expire_tombstones, expire_uploads


def _days(value: int | None, default: int, name: str) -> int:
    days = default if value is None else value
    if days < 1:
        raise CliError(f"{name} 应为正整数天数")
    return days


def _hours(value: int | None, default: int, name: str) -> int:
    hours = default if value is None else value
    if hours < 1:
        raise CliError(f"{name} 应为正整数小时数")
    return hours


def _tombstones(db: Database, days: int) -> int:
    def work(session: Session) -> int:
        removed = expire_tombstones(session, days=days)
        audit.record(session, "tombstones_expired", operator=operator(), removed=removed, days=days)
        return removed

    return db.run(work)


def _uploads(db: Database, hours: int) -> int:
    def work(session: Session) -> int:
        removed = expire_uploads(session, hours=hours)
        audit.record(session, "uploads_expired", operator=operator(), removed=removed, hours=hours)
        return removed

    return db.run(work)


def cmd_expire_tombstones(args: argparse.Namespace) -> None:
    config = settings(args)
    days = _days(args.days, config.tombstone_days, "--days")
    db = database(args)
    removed = _tombstones(db, days)
    db.dispose()
    print(f"已清理 {removed} 条超过 {days} 天的删除标记")


def cmd_expire_uploads(args: argparse.Namespace) -> None:
    config = settings(args)
    hours = _hours(args.hours, config.upload_expiry_hours, "--hours")
    db = database(args)
    removed = _uploads(db, hours)
    db.dispose()
    print(f"已清理 {removed} 个超过 {hours} 小时未完成的附件上传")


def cmd_housekeeping(args: argparse.Namespace) -> None:
    config = settings(args)
    db = database(args)
    tombstones = _tombstones(db, _days(None, config.tombstone_days, "JIAFANG_TOMBSTONE_DAYS"))
    uploads = _uploads(db, _hours(None, config.upload_expiry_hours, "JIAFANG_UPLOAD_EXPIRY_HOURS"))
    db.dispose()
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
