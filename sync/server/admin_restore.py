"""``jiafang-server mark-restored``: after a backup was put back, before the service starts again (docs
operations.md §6, protocol §8a).  A new epoch starts at the restored horizon, so every laptop that synced
after the backup re-sends what the server lacks at its next sync."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from sync.server import audit, epoch
from sync.server.admin_common import database, operator


def cmd_mark_restored(args: argparse.Namespace) -> None:
    db = database(args)

    def work(session: Session) -> epoch.Epoch:
        started = epoch.renew(session)
        audit.record(session, "server_restored", operator=operator(), since=started.start)
        return started

    started = db.run(work)
    db.dispose()
    print(f"已记录：数据库已从备份恢复（变更号 {started.start} 之后的记录将由各笔记本在下次同步时补发）")


def register(commands: Any) -> None:
    commands.add_parser(
        "mark-restored", help="从备份恢复数据库后、启动服务前运行：让各笔记本补发服务器缺少的数据"
    ).set_defaults(func=cmd_mark_restored)
