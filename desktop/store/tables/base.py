"""The declarative base, column types and the sync columns every record table has."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import JSON, Dialect, Integer, MetaData, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from sync.records import Record

# Stable constraint/index names, so that migrations can refer to them.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC ISO text (sorts in time order; SQLite has no time zone type)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: store times with a time zone")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class Cents(TypeDecorator[Decimal]):
    """An amount (yuan, two decimals) stored as integer fen, so sums in SQL are exact."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return int((Decimal(value) * 100).to_integral_value())

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value).scaleb(-2)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        str: Text,
        datetime: UtcDateTime(),
        Decimal: Cents(),
    }


SYNC_COLUMNS: tuple[str, ...] = (
    "deleted",
    "created_at",
    "updated_at",
    "field_versions",
    "server_seq",
    "author_id",
    "device_id",
    "extra",
)


class RecordRow(Base):
    """A table holding one record type: the record's fields as columns, plus the sync columns.

    ``deleted`` is the tombstone flag; ``field_versions`` maps a field to the server version it was
    last seen at (0: never synced); ``server_seq`` is the last server change applied to the row;
    ``extra`` holds the fields of a pulled record that this client's schema does not know (a newer
    server's), kept as the server sent them so that they survive a local edit (schema v9).
    """

    __abstract__ = True

    RECORD: ClassVar[type[Record]]
    # Columns computed from the record on every write (not record fields, not sync columns).
    DERIVED_COLUMNS: ClassVar[tuple[str, ...]] = ()

    id: Mapped[str] = mapped_column(primary_key=True)
    deleted: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
    field_versions: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    server_seq: Mapped[int] = mapped_column(default=0)
    author_id: Mapped[str | None]
    device_id: Mapped[str | None]
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
