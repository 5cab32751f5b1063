"""Fast inserts: records' JSON form encoded straight to the column storage format, one executemany.

SQLAlchemy's per-row type processing dominates a bulk load of hundreds of thousands of rows, so the
insert path encodes values itself, in the format the column types use when they write (ISO dates,
integer fen, UTC ISO times, JSON text (compact), 0/1); every read still goes through the column types,
and the repository tests read back every record type written this way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from operator import itemgetter
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


@dataclass(frozen=True)
class _Plan:
    """The INSERT for one set of constant columns: the row's own columns first, then the constants."""

    sql: str
    constant_names: tuple[str, ...]
    take: Callable[[dict[str, Any]], tuple[Any, ...]]  # the row's values, in column order
    special: tuple[tuple[int, Encoder], ...]  # positions whose values need an encoder

    def encode(self, row: dict[str, Any]) -> tuple[Any, ...]:
        values = self.take(row)
        if not self.special:
            return values
        encoded = list(values)
        for index, encode in self.special:
            encoded[index] = encode(encoded[index])
        return tuple(encoded)


class BulkInserter:
    """Inserts rows given as {column: JSON-form value} into one table."""

    def __init__(self, table: Table) -> None:
        self.table_name = table.name
        self.encoders = {column.name: encoder_for(column) for column in table.columns}
        self._plans: dict[frozenset[str], _Plan] = {}

    def insert(self, session: Session, rows: Sequence[dict[str, Any]], constants: dict[str, Any]) -> None:
        """Insert ``rows``; ``constants`` are the same for every row (encoded once, e.g. sync columns)."""
        if not rows:
            return
        plan = self._plan(frozenset(constants))
        fixed = tuple(self.encoders[name](constants[name]) for name in plan.constant_names)
        session.connection().exec_driver_sql(plan.sql, [plan.encode(row) + fixed for row in rows])

    def _plan(self, constants: frozenset[str]) -> _Plan:
        # Only the columns that need an encoder cost a call per row: on a first sync of a hundred
        # thousand records, a call for every column cost more than the insert itself.
        plan = self._plans.get(constants)
        if plan is None:
            own = [name for name in self.encoders if name not in constants]
            fixed = tuple(name for name in self.encoders if name in constants)
            names = ", ".join(f'"{name}"' for name in (*own, *fixed))
            marks = ", ".join("?" for _ in (*own, *fixed))
            getter = itemgetter(*own)
            take = getter if len(own) > 1 else (lambda row: (getter(row),))
            special = tuple(
                (index, self.encoders[name])
                for index, name in enumerate(own)
                if self.encoders[name] is not _same
            )
            plan = _Plan(f'INSERT INTO "{self.table_name}" ({names}) VALUES ({marks})', fixed, take, special)
            self._plans[constants] = plan
        return plan
