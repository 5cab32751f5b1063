"""Reading the center's figures (``GET /figures/coverage`` and ``/figures/annual``, docs/sync-protocol.md §6b) from a laptop: what
an aggregate-only laptop shows instead of computing figures from student records it does not hold."""

from __future__ import annotations

import ssl
from typing import Any

import httpx

from sync import college_ca, redirects
from sync.certificate_pin import CertificateChanged
from sync.client import (
    VERSION_HEADERS,
    CertificateMismatch,
    CertificateUntrusted,
    ProtocolViolation,
    ServerUnavailable,
    raise_for_error,
)
from sync.figures.served import CoverageFigures


def fetch_coverage(
    server_url: str,
    token: str,
    academic_year: str,
    *,
    college_id: str | None = None,
    transport: httpx.BaseTransport | None = None,
    tls: ssl.SSLContext | None = None,
) -> CoverageFigures:
    """The served coverage figures of a year (the school, or one college); raises the sync errors
    (Chinese messages): ``RequestRefused`` with status 403 for a role that may not see them."""
    response = _get("/figures/coverage", server_url, token, academic_year, college_id, transport, tls)
    return CoverageFigures.model_validate_json(response.content)


def fetch_annual(
    server_url: str,
    token: str,
    academic_year: str,
    *,
    college_id: str | None = None,
    transport: httpx.BaseTransport | None = None,
    tls: ssl.SSLContext | None = None,
) -> dict[str, Any]:
    """The served annual report figures of a year as JSON (``sync.figures.served_annual`` reads them);
    raises the sync errors as ``fetch_coverage``."""
    response = _get("/figures/annual", server_url, token, academic_year, college_id, transport, tls)
    try:
        data = response.json()
    except ValueError:
        raise ProtocolViolation("服务器返回的年度统计无法读取。") from None
    if not isinstance(data, dict):
        raise ProtocolViolation("服务器返回的年度统计无法读取。")
    return data


def _get(
    path: str,
    server_url: str,
    token: str,
    academic_year: str,
    college_id: str | None,
    transport: httpx.BaseTransport | None,
    tls: ssl.SSLContext | None,
) -> httpx.Response:
    params = {"year": academic_year, **({"college": college_id} if college_id else {})}
    verify: ssl.SSLContext | bool = tls if tls is not None else True
    headers = {**VERSION_HEADERS, "Authorization": f"Bearer {token}"}
    with httpx.Client(
        base_url=server_url,
        headers=headers,
        transport=transport,
        timeout=60,
        verify=verify,
        **redirects.client_options(),
    ) as http:
        try:
            response = http.get(path, params=params)
        except httpx.TransportError as error:
            problem = college_ca.certificate_problem(error)
            if problem is not None:
                raise CertificateUntrusted(college_ca.untrusted_message(problem)) from None
            raise ServerUnavailable(f"无法连接服务器：{type(error).__name__}") from None
        except CertificateChanged as error:
            raise CertificateMismatch(str(error)) from None
        except redirects.RedirectRefused as error:
            raise ProtocolViolation(str(error)) from None
    raise_for_error(response)
    return response
