"""``GET /metrics`` for Prometheus, only with the admin's metrics token (``JIAFANG_METRICS_TOKEN``);
without a configured token the endpoint does not exist.  Not in the OpenAPI document."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Header
from fastapi.responses import Response

from sync.protocol import ErrorCode
from sync.server import metrics
from sync.server.deps import DatabaseDep, SettingsDep
from sync.server.errors import ApiError

router = APIRouter(include_in_schema=False)


@router.get("/metrics")
def read_metrics(
    database: DatabaseDep, settings: SettingsDep, authorization: Annotated[str | None, Header()] = None
) -> Response:
    if not settings.metrics_token:
        raise ApiError(ErrorCode.NOT_FOUND)
    expected = f"Bearer {settings.metrics_token}".encode()
    if authorization is None or not hmac.compare_digest(authorization.encode(), expected):
        raise ApiError(ErrorCode.UNAUTHORIZED)
    body, content_type = metrics.render(database)
    return Response(content=body, media_type=content_type)
