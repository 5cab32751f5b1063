"""Admin commands for devices: ``list-devices``, ``rename-device``, ``revoke-device``, ``wipe-device``.
A device is named by its id or any unique beginning of it (at least 4 characters)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from sqlalchemy.orm import Session

from sync.protocol import DeviceInfo
from sync.server import devices
from sync.server.admin_common import database, operator


def _when(value: str | None) -> str:
    return value[:16].replace("T", " ") if value else "-"


def cmd_list_devices(args: argparse.Namespace) -> None:
    db = database(args)
    rows = db.run(devices.list_devices)
    db.dispose()
    if args.json:
        print(json.dumps([row.model_dump() for row in rows], ensure_ascii=False, indent=2))
        return
    for row in rows:
        state = "已撤销" if row.revoked else ("待清除" if row.wipe else "正常")
        print(
            f"{row.id}\t{row.username}\t{row.name or '-'}\t上次同步 {_when(row.last_sync_at)}"
            f"\t上次联系 {_when(row.last_seen_at)}\t待处理冲突 {row.open_conflicts}\t{state}"
        )


def _apply(args: argparse.Namespace, change: Any) -> DeviceInfo:
    db = database(args)
    who = operator()

    def work(session: Session) -> DeviceInfo:
        info: DeviceInfo | None = change(session, devices.resolve(session, args.device_id), who)
        if info is None:
            raise devices.DeviceError(f"找不到设备：{args.device_id}")
        return info

    info = db.run(work)
    db.dispose()
    return info


def cmd_revoke_device(args: argparse.Namespace) -> None:
    info = _apply(args, lambda s, device_id, who: devices.revoke(s, device_id, by=None, operator=who))
    print(f"设备已撤销：{info.id}（{info.username}，{info.name}）")


def cmd_wipe_device(args: argparse.Namespace) -> None:
    info = _apply(args, lambda s, device_id, who: devices.order_wipe(s, device_id, by=None, operator=who))
    print(f"已下达清除指令，设备下次联网时执行：{info.id}（{info.username}，{info.name}）")


def cmd_rename_device(args: argparse.Namespace) -> None:
    info = _apply(args, lambda s, device_id, who: devices.rename(s, device_id, args.name, operator=who))
    print(f"设备已改名：{info.id} → {info.name}")


def register(commands: Any) -> None:
    listing = commands.add_parser("list-devices", help="列出设备（名称、上次同步、待处理冲突）")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_list_devices)

    for name, func, text in (
        ("revoke-device", cmd_revoke_device, "撤销设备授权"),
        ("wipe-device", cmd_wipe_device, "要求设备清除本地数据"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("device_id", help="设备编号，或其唯一的开头几位")
        sub.set_defaults(func=func)

    rename = commands.add_parser("rename-device", help="修改设备名称")
    rename.add_argument("device_id", help="设备编号，或其唯一的开头几位")
    rename.add_argument("name", help="新名称，如“王丽的笔记本”")
    rename.set_defaults(func=cmd_rename_device)
