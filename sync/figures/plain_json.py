"""Figures as plain JSON and back: nested dataclasses of ints, strings, floats, dates, ``Decimal`` amounts
(as exact strings, "1234.50"), lists and ``X | None``, so the server can send what the laptop renders.

    data = to_plain(figures)                   # json.dumps-able
    figures = from_plain(AnnualFigures, data)  # equal to the original
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

T = TypeVar("T")


def to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in value.items()}
    return value


def from_plain(kind: Any, data: Any) -> Any:
    """``data`` (from :func:`to_plain`) as an instance of ``kind`` (a dataclass or a typing form)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return None if data is None else from_plain(options[0], data)
    if origin is list:
        (item,) = typing.get_args(kind)
        return [from_plain(item, value) for value in data]
    if origin is tuple:
        item = typing.get_args(kind)[0]
        return tuple(from_plain(item, value) for value in data)
    if origin is dict:
        _key, item = typing.get_args(kind)
        return {key: from_plain(item, value) for key, value in data.items()}
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = typing.get_type_hints(kind)
        return kind(
            **{f.name: from_plain(hints[f.name], data[f.name]) for f in dataclasses.fields(kind) if f.init}
        )
    if kind is Decimal:
        return Decimal(data)
    if kind is date:
        return date.fromisoformat(data)
    if kind is float and isinstance(data, int):
        return float(data)
    return data


def plain_of(kind: type[T], data: Any) -> T:
    """Typed form of :func:`from_plain` for a dataclass."""
    result: T = from_plain(kind, data)
    return result
