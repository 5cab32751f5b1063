"""Fast inserts: records' JSON form encoded straight to the column storage format, one executemany.

SQLAlchemy's per-row type processing dominates a bulk load of hundreds of thousands of rows, so the
insert path encodes values itself, in the format the column types use when they write (ISO dates,
integer fen, UTC ISO times, JSON text (compact), 0/1); every read still goes through the column types,
and the repository tests read back every record type written this way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from pydantic_core import to_json
from sqlalchemy import JSON, Boolean, Column, Date, Table
from sqlalchemy.orm import Session

from desktop.store.tables import Cents, UtcDateTime

Encoder = Callable[[Any], Any]


def _json(value: Any) -> Any:
    # pydantic-core's serializer: compact JSON, many times faster than json.dumps; read back the same.
    return None if value is None else to_json(value).decode("utf-8")


def _cents(value: Any) -> Any:
    return None if value is None else int((Decimal(value) * 100).to_integral_value())


def _utc(value: Any) -> Any:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _bool(value: Any) -> Any:
    return None if value is None else int(bool(value))


def _date(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _same(value: Any) -> Any:
    return value


def encoder_for(column: Column[Any]) -> Encoder:
    kind = column.type
    if isinstance(kind, JSON):
        return _json
    if isinstance(kind, Cents):
        return _cents
    if isinstance(kind, UtcDateTime):
        return _utc
    if isinstance(kind, Boolean):
        return _bool
    if isinstance(kind, Date):
        return _date
    return _same


class BulkInserter:
    """Inserts rows given as {column: JSON-form value} into one table."""

    def __init__(self, table: Table) -> None:
        self.columns = [column.name for column in table.columns]
        self.encoders = [encoder_for(column) for column in table.columns]
        names = ", ".join(f'"{name}"' for name in self.columns)
        marks = ", ".join("?" for _ in self.columns)
        self.sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'

    def insert(self, session: Session, rows: Sequence[dict[str, Any]], constants: dict[str, Any]) -> None:
        """Insert ``rows``; ``constants`` are the same for every row (encoded once, e.g. sync columns)."""
        fixed = {
            name: encode(constants[name])
            for name, encode in zip(self.columns, self.encoders, strict=True)
            if name in constants
        }
        plan = [
            (name, None if name in fixed else encode)
            for name, encode in zip(self.columns, self.encoders, strict=True)
        ]
        values = [
            tuple(fixed[name] if encode is None else encode(row[name]) for name, encode in plan)
            for row in rows
        ]
        if values:
            session.connection().exec_driver_sql(self.sql, values)
