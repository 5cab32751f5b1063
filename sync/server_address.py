"""Which center addresses the client may talk to: https:// everywhere, http:// only on this computer.

Over http:// the user name, the password, the device token and every student record would cross the
campus network in clear text, readable (and changeable) by anyone on the same Wi-Fi or switch.  A
loopback address (127.0.0.0/8, ::1, ``localhost``) never leaves the computer, so it stays allowed for
tests and for a server run on the same machine.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def address_problem(url: str) -> str | None:
    """None when ``url`` may be used; otherwise a Chinese sentence saying why not."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return "服务器地址无效，请填写以 https:// 开头的地址。"
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host:
        return "服务器地址无效，请填写以 https:// 开头的地址。"
    if scheme == "http" and not is_loopback_host(host):
        return (
            f"拒绝以 http:// 连接 {host}：账号、密码和学生资料会以明文在网络上传输，"
            "同一校园网中的任何人都可能截获或篡改。请使用 https:// 地址。"
        )
    return None


def is_https(url: str) -> bool:
    return urlsplit(url.strip()).scheme.lower() == "https"
