"""The one error type routes raise; rendered as ``{"error": {code, message, retryable}}``."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import ERROR_STATUS, RETRYABLE_ERRORS, ErrorBody, ErrorCode, ErrorDetail

# What every endpoint may answer besides its own errors: a body over the limit, a body or parameter that
# fails validation, and a database that stayed busy.
COMMON_ERRORS = (413, 422, 503)
# ... and what every authenticated, versioned endpoint may answer: missing version headers (400), no or a
# revoked token (401), a role that may not use it (403), a version outside the served window (426).
SESSION_ERRORS = (*COMMON_ERRORS, 400, 401, 403, 426)

DEFAULT_MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.BAD_REQUEST: "请求格式不正确",
    ErrorCode.UNAUTHORIZED: "未登录或登录已失效，请重新登录",
    ErrorCode.TOKEN_REVOKED: "此设备的授权已被撤销，请联系管理员",
    ErrorCode.DEVICE_WIPED: "管理员已要求清除此设备上的数据",
    ErrorCode.FORBIDDEN: "当前角色无权执行此操作",
    ErrorCode.NOT_FOUND: "记录不存在",
    ErrorCode.CURSOR_EXPIRED: "本机同步进度过旧，需要完整重新同步",
    ErrorCode.SERVER_RESTORED: "服务器已从备份恢复，本机将补发服务器缺少的数据后重新同步",
    ErrorCode.PAYLOAD_TOO_LARGE: "请求内容过大",
    ErrorCode.VALIDATION_FAILED: "数据校验未通过",
    ErrorCode.HASH_MISMATCH: "附件校验失败，请重新上传",
    ErrorCode.UPGRADE_REQUIRED: "客户端版本与服务器不兼容，请升级",
    ErrorCode.RATE_LIMITED: "尝试次数过多，请稍后再试",
    ErrorCode.UNAVAILABLE: "服务器繁忙，请稍后重试",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` declaring the error body for these HTTP statuses (``route(responses=…)``)."""
    titles = {
        status: [code.value for code, known in ERROR_STATUS.items() if known == status] for status in statuses
    }
    return {
        status: {"model": ErrorBody, "description": "、".join(titles[status]) or "error"}
        for status in sorted(set(statuses))
    }


class ApiError(Exception):
    def __init__(
        self, code: ErrorCode, message: str | None = None, *, retry_after: int | None = None
    ) -> None:
        super().__init__(code.value)
        self.code = code
        self.message = message or DEFAULT_MESSAGES[code]
        self.retry_after = retry_after


def error_response(
    code: ErrorCode, message: str | None = None, *, retry_after: int | None = None
) -> JSONResponse:
    body = ErrorBody(
        error=ErrorDetail(
            code=code, message=message or DEFAULT_MESSAGES[code], retryable=code in RETRYABLE_ERRORS
        )
    )
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return JSONResponse(body.model_dump(mode="json"), status_code=ERROR_STATUS[code], headers=headers)


async def handle_api_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ApiError)
    return error_response(error.code, error.message, retry_after=error.retry_after)


async def handle_validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    places = sorted(
        {".".join(str(part) for part in item.get("loc", ())[1:2]) or "body" for item in error.errors()}
    )
    return error_response(ErrorCode.VALIDATION_FAILED, "请求数据校验未通过：" + "、".join(places))


_HTTP_CODES = {
    400: ErrorCode.BAD_REQUEST,
    401: ErrorCode.UNAUTHORIZED,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.BAD_REQUEST,
    413: ErrorCode.PAYLOAD_TOO_LARGE,
    422: ErrorCode.VALIDATION_FAILED,
}


async def handle_http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    code = _HTTP_CODES.get(error.status_code, ErrorCode.BAD_REQUEST)
    response = error_response(code)
    if error.status_code == 405:
        response.status_code = 405
    return response
