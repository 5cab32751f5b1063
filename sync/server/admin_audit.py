"""Reading the audit log: ``jiafang-server audit`` and ``GET /admin/audit`` (the administrator reads all
of it, a college center the part about its college)."""

from __future__ import annotations

import argparse
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sync.server.admin_common import CliError, database
from sync.server.models import Account, AuditEntry
from sync.server.models.base import utcnow
from sync.server.scope import Principal

MAX_ENTRIES = 1000
_RELATIVE = re.compile(r"(\d+)([dhm])\Z")


class AuditInfo(BaseModel):
    """One audit entry as an administrator or a college center reads it (ids and short codes only)."""

    id: int
    at: str
    action: str
    operator: str
    user_id: str | None
    username: str | None
    device_id: str | None
    target: str
    address: str
    college_id: str | None
    detail: dict[str, Any]


def api_operator(session: Session, principal: Principal) -> str:
    """``account:USERNAME`` of the caller of an admin endpoint."""
    username = session.scalar(select(Account.username).where(Account.id == principal.user_id))
    return f"account:{username or principal.user_id}"


def entries(
    session: Session,
    *,
    since: datetime | None = None,
    college_id: str | None = None,
    limit: int = MAX_ENTRIES,
) -> list[AuditInfo]:
    """The newest ``limit`` entries since ``since``, oldest first; with ``college_id`` only those about
    that college: actions on it, its accounts and their devices, and its accounts' own logins."""
    query = select(AuditEntry, Account.username).outerjoin(Account, Account.id == AuditEntry.user_id)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if college_id is not None:
        members = select(Account.id).where(Account.college_id == college_id)
        query = query.where(or_(AuditEntry.college_id == college_id, AuditEntry.user_id.in_(members)))
    rows = session.execute(query.order_by(AuditEntry.id.desc()).limit(limit)).all()
    result = []
    for entry, username in reversed(rows):
        try:
            detail = json.loads(entry.detail or "{}")
        except ValueError:
            detail = {}
        result.append(
            AuditInfo(
                id=entry.id,
                at=(entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=UTC))
                .astimezone(UTC)
                .isoformat(timespec="seconds"),
                action=entry.action,
                operator=entry.operator or (f"account:{username}" if username else ""),
                user_id=entry.user_id,
                username=username,
                device_id=entry.device_id,
                target=entry.target,
                address=entry.address,
                college_id=entry.college_id,
                detail=detail if isinstance(detail, dict) else {},
            )
        )
    return result


def parse_since(text: str) -> datetime:
    """``2025-03-01``, ``2025-03-01T08:00`` (UTC unless an offset is given), ``7d``, ``12h`` or ``30m``."""
    relative = _RELATIVE.match(text.strip())
    if relative:
        amount, unit = int(relative[1]), relative[2]
        span = {"d": timedelta(days=amount), "h": timedelta(hours=amount), "m": timedelta(minutes=amount)}[
            unit
        ]
        return utcnow() - span
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CliError(
            f"--since 的时间无效：{text}（例如 2025-03-01、2025-03-01T08:00、7d、12h 或 30m）"
        ) from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def cmd_audit(args: argparse.Namespace) -> None:
    since = parse_since(args.since) if args.since else None
    db = database(args)

    def work(session: Session) -> list[AuditInfo]:
        college_id = None
        if args.college:
            from sync.server.directory import find_college

            college_id = find_college(session, args.college)
        return entries(session, since=since, college_id=college_id, limit=args.limit)

    rows = db.run(work)
    db.dispose()
    if args.json:
        print(json.dumps([row.model_dump() for row in rows], ensure_ascii=False, indent=2))
        return
    for row in rows:
        detail = " ".join(f"{key}={value}" for key, value in sorted(row.detail.items()))
        target = row.target or row.device_id or ""
        print(f"{row.at}\t{row.operator or '-'}\t{row.action}\t{target or '-'}\t{detail}".rstrip())


def register(commands: Any) -> None:
    parser = commands.add_parser("audit", help="查看审计日志（谁在何时做了什么）")
    parser.add_argument("--since", help="起始时间：2025-03-01、2025-03-01T08:00（UTC）或 7d、12h、30m")
    parser.add_argument("--college", help="只看某学院（名称、代码或编号）")
    parser.add_argument("--limit", type=int, default=MAX_ENTRIES, help=f"最多条数（默认 {MAX_ENTRIES}）")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=cmd_audit)
