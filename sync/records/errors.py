"""Validation errors as one Chinese message per field, for forms and import reports.

``field_errors(exc)`` maps a field path ("name", "visitors.0.name") to a message. Rules that involve
several fields (e.g. "required for this visit category") are raised by the records as one
``cross_field`` error whose context lists the fields, and are spread back onto those fields here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

CROSS_FIELD = "cross_field"

_PLAIN_MESSAGES: dict[str, str] = {
    "missing": "此项为必填",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "bool_parsing": "应为“是”或“否”",
    "bool_type": "应为“是”或“否”",
    "date_parsing": "日期格式不正确",
    "date_from_datetime_parsing": "日期格式不正确",
    "date_type": "日期格式不正确",
    "datetime_parsing": "时间格式不正确",
    "datetime_from_date_parsing": "时间格式不正确",
    "datetime_type": "时间格式不正确",
    "timezone_aware": "时间缺少时区",
    "enum": "请从列表中选择",
    "list_type": "应为列表",
    "dict_type": "格式不正确",
    "model_type": "格式不正确",
    "extra_forbidden": "不认识的字段",
    "literal_error": "请从列表中选择",
}


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: ``field`` is the dotted path, ``message`` is shown to the user."""

    field: str
    message: str


def cross_field_error(errors: list[FieldError]) -> PydanticCustomError:
    """One error carrying several field errors (raise it from a model validator)."""
    message = "；".join(f"{error.message}" for error in errors)
    return PydanticCustomError(
        CROSS_FIELD,
        message.replace("{", "(").replace("}", ")"),
        {"field_errors": [(error.field, error.message) for error in errors]},
    )


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind in _PLAIN_MESSAGES:
        return _PLAIN_MESSAGES[kind]
    if kind == "string_too_short":
        return "不能为空" if ctx.get("min_length") == 1 else f"至少 {ctx.get('min_length')} 个字符"
    if kind == "string_too_long":
        return f"最多 {ctx.get('max_length')} 个字符"
    if kind == "too_short":
        return "至少选择一项" if ctx.get("min_length") == 1 else f"至少 {ctx.get('min_length')} 项"
    if kind == "too_long":
        return f"最多 {ctx.get('max_length')} 项"
    if kind == "greater_than":
        return f"必须大于 {ctx.get('gt')}"
    if kind == "greater_than_equal":
        return f"不能小于 {ctx.get('ge')}"
    if kind == "less_than":
        return f"必须小于 {ctx.get('lt')}"
    if kind == "less_than_equal":
        return f"不能大于 {ctx.get('le')}"
    if kind == "decimal_max_places":
        return f"最多 {ctx.get('decimal_places')} 位小数"
    if kind in ("decimal_max_digits", "decimal_whole_digits"):
        return "数值过大"
    # Our own PydanticCustomError messages are already in Chinese.
    return error["msg"]


def _path(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc)


def field_errors(exc: ValidationError) -> dict[str, str]:
    """Field path -> Chinese message (the first problem of each field)."""
    result: dict[str, str] = {}
    for error in errors_of(exc):
        result.setdefault(error.field, error.message)
    return result


def errors_of(exc: ValidationError) -> list[FieldError]:
    """Every problem of a validation error, in order, as ``FieldError`` values."""
    found: list[FieldError] = []
    for error in exc.errors(include_url=False):
        if error["type"] == CROSS_FIELD:
            prefix = _path(error["loc"])
            for field, message in (error.get("ctx") or {}).get("field_errors", []):
                found.append(FieldError(f"{prefix}.{field}" if prefix else field, message))
            continue
        found.append(FieldError(_path(error["loc"]), _message(error)))
    return found


def validate_record(record_type: type[BaseModel], data: dict[str, Any]) -> list[FieldError]:
    """Validate form data against a record type; an empty list means it is valid."""
    try:
        record_type.model_validate(data)
    except ValidationError as exc:
        return errors_of(exc)
    return []
