"""Redirects from the center's address: followed for GET only, and never from https to http.

A POST that is redirected (nginx's plain-http port answers 301 to https) is not repeated elsewhere: the
user is told to change the server address.  httpx calls the response hook for every response of a
redirect chain before following it, so refusing there stops the chain.
"""

from __future__ import annotations

from typing import Any

import httpx

MAX_REDIRECTS = 5


class RedirectRefused(Exception):
    """A redirect the client will not follow; ``str()`` is a Chinese message for the user."""


def refuse_unsafe_redirect(response: httpx.Response) -> None:
    """Response hook: let a GET follow a redirect on the same scheme or up to https; refuse the rest."""
    if not response.has_redirect_location:
        return
    target = response.url.join(response.headers["Location"])
    request = response.request
    if request.url.scheme == "https" and target.scheme != "https":
        raise RedirectRefused(
            f"服务器要求改用不加密的地址（{_origin(target)}），已拒绝：中心服务器的地址应以 https:// 开头，请联系管理员。"
        )
    if request.method != "GET":
        raise RedirectRefused(
            f"服务器地址已变更（HTTP {response.status_code}，新地址 {_origin(target)}）："
            f"请在「设置 → 中心服务器」中把服务器地址改为 {_origin(target)} 后重新登录。"
        )


def _origin(url: httpx.URL) -> str:
    port = f":{url.port}" if url.port is not None else ""
    return f"{url.scheme}://{url.host}{port}"


def client_options() -> dict[str, Any]:
    """Options for every ``httpx.Client`` that talks to the center."""
    return {
        "follow_redirects": True,
        "max_redirects": MAX_REDIRECTS,
        "event_hooks": {"response": [refuse_unsafe_redirect]},
    }
