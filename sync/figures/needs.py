"""What a figure reads of each record type, so a reader can fetch only that: the fields, and for the
records of a year (or dated), only those of the years asked for. At 20,000 students validating every field
of every record costs seconds; a report needs a few columns.

    needs = COVERAGE_NEEDS                      # {Student: Needs(("college_id", …)), …}
    record = bare_record(HomeVisit, {"id": …, "student_id": …, "visit_date": date(…), …})

A bare record holds only the fields read (reading any other raises AttributeError, so a figure that reads a
field it did not declare fails loudly in its tests); its values are converted to the field types (enums,
dates, amounts, parts) without the record's validation: they come from records already validated when saved.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

from sync.records import Record

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Needs:
    """The fields read of one record type; ``year_field`` (an academic year) or ``date_field`` narrows the
    records to the years a figure is computed for (a date from the first year's window on)."""

    fields: tuple[str, ...]
    year_field: str | None = None
    date_field: str | None = None


def merged(*needs: Mapping[type[Record], Needs]) -> dict[type[Record], Needs]:
    """Several figures' needs together: every field any of them reads; narrowed only where all narrow."""
    found: dict[type[Record], Needs] = {}
    for mapping in needs:
        for record_class, need in mapping.items():
            before = found.get(record_class)
            if before is None:
                found[record_class] = need
                continue
            fields = tuple(dict.fromkeys((*before.fields, *need.fields)))
            found[record_class] = Needs(
                fields,
                before.year_field if before.year_field == need.year_field else None,
                before.date_field if before.date_field == need.date_field else None,
            )
    return found


def _identity(value: Any) -> Any:
    return value


def _day(value: Any) -> Any:
    return value if isinstance(value, date) or value is None else date.fromisoformat(str(value)[:10])


def _converter(annotation: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _converter(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        inner = _converter(next(arg for arg in typing.get_args(annotation) if arg is not type(None)))
        return lambda value: None if value is None else inner(value)
    if origin is list:
        item = _converter(typing.get_args(annotation)[0])
        return _identity if item is _identity else (lambda value: [item(v) for v in value])
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return _enum_converter(annotation)
        if issubclass(annotation, BaseModel):
            return _part_converter(annotation)
        if annotation is Decimal:
            return lambda value: value if isinstance(value, Decimal) else Decimal(str(value))
        if annotation is date:
            return _day
    return _identity


@cache
def _enum_converter(enum_class: type[Enum]) -> Callable[[Any], Any]:
    """The member of a stored value by a dict lookup (calling the enum class costs ten times more)."""
    members = {member.value: member for member in enum_class}

    def convert(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            return enum_class(value)  # not a stored value: the enum's own error

    return convert


@cache
def _part_converter(model: type[BaseModel]) -> Callable[[Any], Any]:
    """A nested part (a visitor, a review…) built from its stored JSON as a bare record is: its fields
    converted, absent ones given their defaults, unvalidated; anything unexpected goes through the
    model's validation instead (which explains itself)."""
    fields = model.model_fields
    convert = {
        name: fn for name, info in fields.items() if (fn := _converter(info.annotation)) is not _identity
    }

    def build(value: Any) -> Any:
        if not isinstance(value, dict) or not value.keys() <= fields.keys():
            return model.model_validate(value)
        values: dict[str, Any] = {}
        for name, info in fields.items():
            if name in value:
                fn = convert.get(name)
                values[name] = value[name] if fn is None else fn(value[name])
            elif info.default_factory is not None:
                values[name] = info.default_factory()  # type: ignore[call-arg]
            elif not info.is_required():
                values[name] = info.default
            else:
                return model.model_validate(value)
        part = model.__new__(model)
        object.__setattr__(part, "__dict__", values)
        object.__setattr__(part, "__pydantic_fields_set__", set(value))
        object.__setattr__(part, "__pydantic_extra__", None)
        object.__setattr__(part, "__pydantic_private__", None)
        return part

    return build


@cache
def converters(
    record_class: type[Record], fields: tuple[str, ...]
) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """The fields whose stored values need converting to the field's type (enums, dates, amounts, parts),
    each with its converter; the others are read as they are."""
    found = (
        (name, _converter(record_class.model_fields[name].annotation)) for name in fields if name != "id"
    )
    return tuple((name, fn) for name, fn in found if fn is not _identity)


def bare_record(record_class: type[R], values: dict[str, Any]) -> R:
    """A record of ``record_class`` holding ``values`` (already converted), nothing else, unvalidated."""
    record = record_class.__new__(record_class)
    object.__setattr__(record, "__dict__", values)
    object.__setattr__(record, "__pydantic_fields_set__", set(values))
    object.__setattr__(record, "__pydantic_extra__", None)
    object.__setattr__(record, "__pydantic_private__", None)
    return record
