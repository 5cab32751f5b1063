"""Writing the records a push batch creates with one multi-row statement instead of one ORM insert each.

``merge`` keeps a new record out of the session while nothing in the batch can read it back from the
database, and hands the rows here once their change numbers are set; on PostgreSQL many rows go in by
``COPY``.  A row that something must read first is added to the session as usual (``Pending.release``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from sync.server.models import ProcessedOp, RecordRow, RecordStudent
from sync.server.models.base import utcnow

_COPY_FROM = 200  # rows from which COPY beats a multi-row INSERT on PostgreSQL
_PROCESSED_COLUMNS = ("op_id", "device_id", "result", "created_at")
_COLUMNS = (
    "id",
    "record_type",
    "student_id",
    "multi",
    "author_id",
    "deleted",
    "rev",
    "fields",
    "meta",
    "versions",
    "seq",
    "dhash",
    "created_at",
    "updated_at",
)


def new_row(**values: Any) -> RecordRow:
    """A new record's row for ``Pending``, its values put in place without the ORM's change events
    (nothing tracks a row outside a session; if it is released, the session inserts these values)."""
    row = RecordRow()
    row.__dict__.update(values)
    return row


@dataclass
class Pending:
    """New records of a batch not yet in the session, with the student links of multi-student ones."""

    rows: list[RecordRow] = field(default_factory=list)
    links: list[RecordStudent] = field(default_factory=list)
    # Results of the batch's ops (idempotency), never read back within the batch: one statement at the end.
    processed: list[dict[str, Any]] = field(default_factory=list)

    def processed_op(self, op_id: str, device_id: str, result: str) -> None:
        self.processed.append({"op_id": op_id, "device_id": device_id, "result": result})

    def add(self, row: RecordRow, students: set[str]) -> None:
        self.rows.append(row)
        if row.multi:
            self.links += [RecordStudent(record_id=row.id, student_id=student) for student in students]

    def release(self, session: Session) -> None:
        """Hand the pending rows to the session (before a query that must see them)."""
        if self.rows:
            session.add_all(self.rows)
            session.add_all(self.links)
            self.rows, self.links = [], []

    def write(self, session: Session) -> None:
        """Insert the pending rows (their ``seq`` and ``dhash`` set), their student links, the op results.

        Core statements on the tables (no ORM bookkeeping per row), or ``COPY`` for many rows on PostgreSQL.
        """
        now = utcnow()
        if self.processed:
            for entry in self.processed:
                entry["created_at"] = now
            _insert(session, ProcessedOp.__table__, _PROCESSED_COLUMNS, self.processed)
            self.processed = []
        if not self.rows:
            return
        _insert(session, RecordRow.__table__, _COLUMNS, [_values(row, now) for row in self.rows])
        if self.links:
            session.execute(
                insert(RecordStudent),
                [{"record_id": link.record_id, "student_id": link.student_id} for link in self.links],
            )
        self.rows, self.links = [], []


def _values(row: RecordRow, now: Any) -> dict[str, Any]:
    state = row.__dict__  # the row's loaded values (a pending row is never expired)
    values = {name: state.get(name) for name in _COLUMNS}
    values["created_at"] = values["created_at"] or now
    values["updated_at"] = values["updated_at"] or now
    return values


def _insert(session: Session, table: Any, columns: tuple[str, ...], values: list[dict[str, Any]]) -> None:
    if len(values) >= _COPY_FROM and session.get_bind().dialect.name == "postgresql":
        _copy(session, table.name, columns, values)
    else:
        session.execute(insert(table), values)


def _copy(session: Session, table: str, columns: tuple[str, ...], values: list[dict[str, Any]]) -> None:
    connection = session.connection().connection.driver_connection
    assert connection is not None
    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in values:
            copy.write_row(tuple(row[name] for name in columns))
