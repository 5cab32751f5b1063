"""The generic repository: create, get, update, soft-delete, list and search one record type.

Repositories take and return ``sync.records`` models; ORM rows never leave this package. Every edit
writes its outbox op in the same transaction (the session's), with only the changed fields and the
server version each of them was based on.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, ClassVar, Generic, TypeVar, cast

from sqlalchemy import JSON, ColumnElement, Select, Table, false, func, insert, or_, select, update
from sqlalchemy import delete as sql_delete
from sqlalchemy.orm import Session

from desktop.store.outbox import EditContext, OpKind, op_values, record_ops
from desktop.store.repositories.bulk_insert import BulkInserter
from desktop.store.repositories.errors import NotAuthor, RecordNotFound, RecordTypeMismatch
from desktop.store.search import like_pattern, normalize_query
from desktop.store.tables import RecordRow
from desktop.store.tables.base import utc_now
from sync.records import Ownership, Record

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class SyncState:
    """The sync columns of one row (for the sync engine and tests)."""

    deleted: bool
    field_versions: dict[str, int]
    server_seq: int
    author_id: str | None
    device_id: str | None


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


class Repository(Generic[R]):
    """Operations on one record type inside one session (one transaction)."""

    RECORD: ClassVar[type[Record]]
    TABLE: ClassVar[type[RecordRow]]
    # Text columns searched by ``search`` (a case-insensitive "contains").
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ()
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("id",)

    def __init__(self, session: Session, ctx: EditContext) -> None:
        self.session = session
        self.ctx = ctx
        self.table = cast(Table, self.TABLE.__table__)
        self._fields = tuple(self.RECORD.model_fields)
        self._json_fields = frozenset(
            name for name in self._fields if isinstance(self.table.c[name].type, JSON)
        )
        self._bulk = BulkInserter(self.table)

    # -- mapping ------------------------------------------------------------------------------
    def derived(self, record: R) -> dict[str, Any]:
        """Columns computed from the record (e.g. the student search key); none by default."""
        return {}

    def row_values(self, record: R) -> dict[str, Any]:
        """The column values of a record's row (Python values for every field, plus derived columns)."""
        values = {
            name: _plain(value) for name, value in record.model_dump(exclude=set(self._json_fields)).items()
        }
        if self._json_fields:
            values.update(record.model_dump(mode="json", include=set(self._json_fields)))
        values.update(self.derived(record))
        return values

    def to_record(self, row: Any) -> R:
        """A record from a row of this table (a Row, a mapping or an ORM object)."""
        mapping = row._mapping if hasattr(row, "_mapping") else row
        if isinstance(mapping, Mapping):
            data = {name: mapping[name] for name in self._fields}
        else:
            data = {name: getattr(mapping, name) for name in self._fields}
        return cast(R, self.RECORD.model_validate(data))

    def _check_type(self, record: Record) -> R:
        if type(record) is not self.RECORD:
            raise RecordTypeMismatch(
                f"记录类型不符：应为 {self.RECORD.RECORD_TYPE}，实为 {record.RECORD_TYPE}。"
            )
        return cast(R, record)

    def _ops_for_create(self, record: R, dumped: dict[str, Any]) -> dict[str, Any]:
        fields = {name: value for name, value in dumped.items() if name != "id"}
        return op_values(
            self.ctx,
            record_type=self.RECORD.RECORD_TYPE,
            record_id=record.id,
            kind=OpKind.UPSERT,
            fields=fields,
            base_versions=dict.fromkeys(fields, 0),
            student_ids=record.scope_student_ids(),
        )

    def _sync_values(self) -> dict[str, Any]:
        now = utc_now()
        return {
            "deleted": False,
            "created_at": now,
            "updated_at": now,
            "field_versions": {},
            "server_seq": 0,
            "author_id": self.ctx.author_id,
            "device_id": self.ctx.device_id,
            "extra": {},
        }

    # -- writing ------------------------------------------------------------------------------
    def before_create(self, records: Sequence[R]) -> None:
        """A hook for checks that need the database (e.g. unique 学号); raises a StoreError."""

    def create(self, record: R) -> R:
        """Insert a new record and its outbox op; returns the record."""
        self.create_many([record])
        return record

    def create_many(self, records: Iterable[R], *, outbox: bool = True) -> int:
        """Insert many records in one statement (bulk loads, imports); returns how many.

        ``outbox=False`` is only for data that must not be pushed (a demo store, data pulled from the
        center); edits made by a user always go through the outbox.
        """
        batch = [self._check_type(record) for record in records]
        if not batch:
            return 0
        self.before_create(batch)
        sync_values = self._sync_values()
        dumps = [record.model_dump(mode="json") for record in batch]
        rows = [{**dumped, **self.derived(record)} for record, dumped in zip(batch, dumps, strict=True)]
        self.insert_json_rows(rows, sync_values)
        if outbox:
            record_ops(
                self.session,
                [self._ops_for_create(record, dumped) for record, dumped in zip(batch, dumps, strict=True)],
            )
        return len(batch)

    def insert_json_rows(self, rows: Sequence[dict[str, Any]], shared: dict[str, Any]) -> None:
        """Insert new rows in bulk: ``rows`` hold each record's fields in JSON form (``model_dump(mode=
        "json")``) with its derived and per-row sync columns, ``shared`` the columns all rows have in
        common.  No outbox op (callers write one when the rows are edits)."""
        self._bulk.insert(self.session, rows, shared)

    def _row(self, record_id: str, *, include_deleted: bool = False) -> Any:
        query = select(self.table).where(self.table.c.id == record_id)
        if not include_deleted:
            query = query.where(self.table.c.deleted == false())
        return self.session.execute(query).first()

    def _check_author(self, row: Any) -> None:
        if (
            self.RECORD.OWNERSHIP is Ownership.AUTHOR
            and row.author_id is not None
            and self.ctx.author_id is not None
            and row.author_id != self.ctx.author_id
        ):
            raise NotAuthor()

    def update(self, record: R) -> str | None:
        """Save an edited record: only the fields that changed are written and put in the op.

        Returns the id of the op queued in the outbox; ``None`` (and nothing written) when nothing changed.
        """
        self._check_type(record)
        row = self._row(record.id)
        if row is None:
            raise RecordNotFound()
        self._check_author(row)
        old = self.to_record(row).model_dump(mode="json")
        new = record.model_dump(mode="json")
        changed = [name for name in self._fields if name != "id" and new[name] != old[name]]
        if not changed:
            return None
        columns = self.row_values(record)
        values = {name: columns[name] for name in changed}
        values.update(self.derived(record))
        values["updated_at"] = utc_now()
        self.session.execute(update(self.table).where(self.table.c.id == record.id).values(values))
        versions: dict[str, int] = row.field_versions or {}
        op = op_values(
            self.ctx,
            record_type=self.RECORD.RECORD_TYPE,
            record_id=record.id,
            kind=OpKind.UPSERT,
            fields={name: new[name] for name in changed},
            base_versions={name: int(versions.get(name, 0)) for name in changed},
            student_ids=tuple(
                dict.fromkeys([*self.to_record(row).scope_student_ids(), *record.scope_student_ids()])
            ),
        )
        record_ops(self.session, [op])
        return str(op["op_id"])

    def patch(self, record_id: str, **changes: Any) -> R:
        """Change some fields of a stored record (validated like a form); returns the new record."""
        current = self.require(record_id)
        data = current.model_dump()
        data.update(changes)
        record = cast(R, self.RECORD.model_validate(data))
        self.update(record)
        return record

    def delete(self, record_id: str) -> str:
        """Soft-delete: the row stays as a tombstone (so the deletion syncs) and a delete op is written.

        Returns the id of the op queued in the outbox.
        """
        row = self._row(record_id)
        if row is None:
            raise RecordNotFound()
        self._check_author(row)
        self.session.execute(
            update(self.table).where(self.table.c.id == record_id).values(deleted=True, updated_at=utc_now())
        )
        op = op_values(
            self.ctx,
            record_type=self.RECORD.RECORD_TYPE,
            record_id=record_id,
            kind=OpKind.DELETE,
            fields={},
            base_versions={},
            student_ids=self.to_record(row).scope_student_ids(),
        )
        record_ops(self.session, [op])
        return str(op["op_id"])

    # -- applying what the center sent (no outbox) ------------------------------------------------
    def apply_remote(
        self,
        record: R,
        *,
        field_versions: Mapping[str, int],
        server_seq: int,
        author_id: str | None,
        device_id: str | None,
        deleted: bool = False,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        """Store a record as the center has it (insert or replace), with its versions; no outbox op.

        ``extra``: the center's fields this client does not know (kept as they are when None)."""
        self._check_type(record)
        values = {
            **self.row_values(record),
            "deleted": deleted,
            "updated_at": utc_now(),
            "field_versions": dict(field_versions),
            "server_seq": server_seq,
            "author_id": author_id,
            "device_id": device_id,
        }
        if extra is not None:
            values["extra"] = dict(extra)
        result = self.session.execute(update(self.table).where(self.table.c.id == record.id).values(values))
        if not getattr(result, "rowcount", 0):
            self.session.execute(insert(self.table).values(created_at=utc_now(), **values))

    def purge(self, record_id: str) -> None:
        """Remove a row for good (a student left this device's scope); no op is written."""
        self.session.execute(sql_delete(self.table).where(self.table.c.id == record_id))

    def extra_fields(self, record_id: str) -> dict[str, Any]:
        """The fields of a stored record that this client's schema does not know (a newer center's)."""
        value = self.session.execute(select(self.table.c.extra).where(self.table.c.id == record_id)).scalar()
        return dict(value or {})

    def sync_state(self, record_id: str) -> SyncState | None:
        row = self._row(record_id, include_deleted=True)
        if row is None:
            return None
        return SyncState(
            deleted=bool(row.deleted),
            field_versions=dict(row.field_versions or {}),
            server_seq=int(row.server_seq),
            author_id=row.author_id,
            device_id=row.device_id,
        )

    # -- reading ------------------------------------------------------------------------------
    def get(self, record_id: str, *, include_deleted: bool = False) -> R | None:
        row = self._row(record_id, include_deleted=include_deleted)
        return None if row is None else self.to_record(row)

    def require(self, record_id: str) -> R:
        record = self.get(record_id)
        if record is None:
            raise RecordNotFound()
        return record

    def is_deleted(self, record_id: str) -> bool:
        row = self._row(record_id, include_deleted=True)
        return row is not None and bool(row.deleted)

    def _where(
        self, query: Select[Any], where: Mapping[str, Any] | None, include_deleted: bool
    ) -> Select[Any]:
        if not include_deleted:
            query = query.where(self.table.c.deleted == false())
        for name, value in (where or {}).items():
            column = self.table.c[name]
            if isinstance(value, (list, tuple, set, frozenset)):
                query = query.where(column.in_([_plain(item) for item in value]))
            elif value is None:
                query = query.where(column.is_(None))
            else:
                query = query.where(column == _plain(value))
        return query

    def list(
        self,
        *,
        where: Mapping[str, Any] | None = None,
        order_by: Sequence[str] | None = None,
        descending: bool = False,
        offset: int = 0,
        limit: int | None = None,
        include_deleted: bool = False,
    ) -> list[R]:
        """Records matching ``where`` (column = value, or column in a list), sorted and paged."""
        query = self._where(select(self.table), where, include_deleted)
        for name in order_by or self.DEFAULT_ORDER:
            column = self.table.c[name]
            query = query.order_by(column.desc() if descending else column.asc())
        query = query.order_by(self.table.c.id)
        if offset:
            query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        return [self.to_record(row) for row in self.session.execute(query)]

    def count(self, *, where: Mapping[str, Any] | None = None, include_deleted: bool = False) -> int:
        query = self._where(select(func.count()).select_from(self.table), where, include_deleted)
        return int(self.session.execute(query).scalar_one())

    def _search_condition(self, text: str) -> ColumnElement[bool] | None:
        query = normalize_query(text)
        if not query or not self.SEARCH_COLUMNS:
            return None
        pattern = like_pattern(query)
        return or_(
            *(func.lower(self.table.c[name]).like(pattern, escape="\\") for name in self.SEARCH_COLUMNS)
        )

    def search(self, text: str, *, limit: int = 50) -> builtins.list[R]:
        """Records whose search columns contain ``text`` (case-insensitive, spaces ignored)."""
        condition = self._search_condition(text)
        if condition is None:
            return []
        query = self._where(select(self.table), None, False).where(condition).limit(limit)
        for name in self.DEFAULT_ORDER:
            query = query.order_by(self.table.c[name])
        return [self.to_record(row) for row in self.session.execute(query)]


class StudentOwnedRepository(Repository[R]):
    """A repository of records that belong to one student (``student_id``)."""

    DATE_COLUMN: ClassVar[str | None] = None

    def for_student(self, student_id: str) -> builtins.list[R]:
        """The student's records, oldest first when the type has a date."""
        order = (self.DATE_COLUMN,) if self.DATE_COLUMN else self.DEFAULT_ORDER
        return self.list(where={"student_id": student_id}, order_by=order)

    def for_students(self, student_ids: Sequence[str]) -> builtins.list[R]:
        found: builtins.list[R] = []
        for start in range(0, len(student_ids), 500):
            found.extend(self.list(where={"student_id": list(student_ids[start : start + 500])}))
        return found
