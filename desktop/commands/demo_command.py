"""`jiafang demo`: build a new encrypted store filled with synthetic demo data.

    JIAFANG_PASSPHRASE=… jiafang demo --data-dir /tmp/jiafang-demo --students 20000 --seed 7

Everything is synthetic (see sync/demo). The records are inserted as an already-synced baseline: no
outbox ops are written, so a demo store never pushes its data to a center.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from desktop.commands.context import PASSPHRASE_ENV, CommandContext, CommandError
from desktop.store.key_vault import KeyVault
from desktop.store.repositories.session import REPOSITORY_CLASSES, StoreSession
from desktop.store.store import Store
from sync.demo import DEFAULT_SEED, DemoGenerator
from sync.records import Record, Role

# Record types in insertion order (referenced records first), from the store's own list.
INSERT_ORDER: tuple[str, ...] = tuple(repo.RECORD.RECORD_TYPE for repo in REPOSITORY_CLASSES)
CHUNK_STUDENTS = 1000
MAX_STUDENTS = 200_000

# Chinese names of the record types for the summary.
TYPE_LABELS: dict[str, str] = {
    "college": "学院",
    "school_center": "学校学生发展支持中心",
    "user": "账号",
    "mentor": "育人导师",
    "student": "学生",
    "family_member": "家庭成员",
    "identification": "困难认定",
    "home_visit": "家访记录",
    "guarantee_aid": "保障型资助",
    "growth_reward": "成长奖励",
    "give_back_activity": "回馈活动",
    "key_support": "重点帮扶",
    "mentor_assignment": "导师分配",
    "support_log_entry": "帮扶记录",
    "rescue_session": "救助性教育/集体教研",
    "wish_catalog_item": "心愿单服务项目",
    "wish_selection": "心愿单",
    "monitoring_flag": "监测反馈",
    "audit_entry": "审计记录",
}


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "demo",
        help="生成演示数据（新建加密数据目录）",
        description=(
            "在一个新的数据目录中生成确定性的合成演示数据：学校、学院、辅导员、育人导师、学生及其家庭、"
            "三个学年的认定、家访、资助、成长奖励、重点帮扶、心愿单和监测反馈。所有数据均为虚构。"
            f"密码取自环境变量 {PASSPHRASE_ENV}（如已设置），否则在终端输入。"
        ),
    )
    parser.add_argument(
        "--data-dir",
        dest="demo_data_dir",
        type=Path,
        default=None,
        help="新数据目录（也可用全局选项 --data-dir）；目录中不能已有数据",
    )
    parser.add_argument("--students", type=int, required=True, help="学生人数，例如 20000")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"随机种子（默认 {DEFAULT_SEED}）")
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="数据截止日期 YYYY-MM-DD（默认今天；不能晚于今天）",
    )
    parser.add_argument(
        "--passphrase-env",
        nargs="?",
        const=PASSPHRASE_ENV,
        default=None,
        metavar="VAR",
        help=f"只从环境变量读取密码（默认变量 {PASSPHRASE_ENV}），不在终端提示",
    )
    parser.add_argument(
        "--no-keyring", dest="keyring", action="store_false", help="不把密钥保存到系统钥匙串（只用密码解锁）"
    )
    parser.set_defaults(handler=run)


def _passphrase(args: argparse.Namespace, ctx: CommandContext) -> str:
    if args.passphrase_env:
        value = os.environ.get(args.passphrase_env)
        if not value:
            raise CommandError(f"环境变量 {args.passphrase_env} 未设置或为空，无法读取密码。")
        return str(value)
    return ctx.passphrase("为演示数据设置密码 (passphrase): ", confirm=True)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    data_dir: Path = args.demo_data_dir or ctx.data_dir
    if args.students < 1 or args.students > MAX_STUDENTS:
        raise CommandError(f"学生人数应在 1 到 {MAX_STUDENTS} 之间。")
    today = args.today or date.today()
    if today > date.today():
        raise CommandError("数据截止日期不能晚于今天。")
    if Store.db_path_of(data_dir).exists() or KeyVault(data_dir).exists():
        raise CommandError(f"数据目录 {data_dir} 中已有数据，演示数据不会覆盖它。请指定一个新的空目录。")
    passphrase = _passphrase(args, ctx)
    started = time.perf_counter()
    generator = DemoGenerator(students=args.students, today=today, seed=args.seed)
    center_user = generator.school.school_center[0]
    data_dir.mkdir(parents=True, exist_ok=True)
    store = Store.create(
        data_dir,
        passphrase,
        school_name=generator.school.name,
        user_name=center_user.name,
        role=Role.SCHOOL_CENTER,
        user_id=center_user.id,
        use_keyring=args.keyring,
    )
    counts: Counter[str] = Counter()
    try:
        for chunk in generator.chunks(CHUNK_STUDENTS):
            with store.session() as session:
                counts.update(insert_records(session, chunk))
    except BaseException:
        # A half-built demo store is of no use: remove what this command made.
        store.close()
        _remove_store_files(data_dir)
        raise
    store.close()
    elapsed = time.perf_counter() - started
    ctx.print(f"演示数据已生成：{data_dir}")
    ctx.print(f"学校：{generator.school.name}（种子 {args.seed}，截止 {today.isoformat()}）")
    for record_type in INSERT_ORDER:
        if counts[record_type]:
            label = TYPE_LABELS.get(record_type, record_type)
            ctx.print(f"  {label}（{record_type}）：{counts[record_type]}")
    ctx.print(f"共 {sum(counts.values())} 条记录，用时 {elapsed:.1f} 秒。")
    return 0


def insert_records(session: StoreSession, records: list[Record]) -> Counter[str]:
    """Insert records through the store's bulk path, referenced types first; no outbox ops."""
    by_type: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_type[record.RECORD_TYPE].append(record)
    counts: Counter[str] = Counter()
    for record_type in INSERT_ORDER:
        batch = by_type.pop(record_type, None)
        if batch:
            counts[record_type] = session.repository(record_type).create_many(batch, outbox=False)
    if by_type:
        raise CommandError(f"演示数据含有未知的记录类型：{', '.join(sorted(by_type))}")
    return counts


def _remove_store_files(data_dir: Path) -> None:
    db_path = Store.db_path_of(data_dir)
    for path in (
        db_path,
        db_path.with_name(db_path.name + "-wal"),
        db_path.with_name(db_path.name + "-shm"),
        KeyVault(data_dir).path,
    ):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
