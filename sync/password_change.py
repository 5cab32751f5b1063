"""Changing the counselor's own password on the center (``POST /auth/password`` with the device token).

The new password is checked against the shared policy here first (so a weak one is refused without a
round trip, with the same Chinese explanation the server gives), then by the server, which decides.
"""

from __future__ import annotations

import ssl
from collections.abc import Sequence

import httpx

from sync.certificate_pin import CertificateChanged
from sync.client import (
    VERSION_HEADERS,
    CertificateMismatch,
    InsecureServer,
    ServerUnavailable,
    SyncError,
    error_of,
    raise_for_error,
)
from sync.password_policy import password_problems
from sync.server_address import address_problem


class WrongCurrentPassword(SyncError):
    """The server refused the current password (403)."""


class PasswordRejected(SyncError):
    """The new password does not meet the policy (locally, or the server's 422)."""


def change_server_password(
    server_url: str,
    token: str,
    *,
    current_password: str,
    new_password: str,
    user_inputs: Sequence[str] = (),
    transport: httpx.BaseTransport | None = None,
    tls: ssl.SSLContext | None = None,
) -> None:
    """Change the password of the account this device is logged in as; raises a ``SyncError``."""
    problem = address_problem(server_url)
    if problem is not None:
        raise InsecureServer(problem)
    problems = password_problems(new_password, user_inputs=user_inputs)
    if problems:
        raise PasswordRejected("新密码不符合要求：" + "".join(problems))
    headers = {**VERSION_HEADERS, "Authorization": f"Bearer {token}"}
    with httpx.Client(
        base_url=server_url,
        headers=headers,
        transport=transport,
        timeout=30,
        verify=tls if tls is not None else True,
    ) as http:
        try:
            response = http.post(
                "/auth/password", json={"current_password": current_password, "new_password": new_password}
            )
        except httpx.TransportError as error:
            raise ServerUnavailable(f"无法连接服务器：{type(error).__name__}") from None
        except CertificateChanged as error:
            raise CertificateMismatch(str(error)) from None
    if response.status_code == 204:
        return
    _code, message = error_of(response)
    if response.status_code == 403:
        raise WrongCurrentPassword(message or "当前密码不正确")
    if response.status_code == 422:
        raise PasswordRejected(message)
    raise_for_error(response)
    raise SyncError(message)
