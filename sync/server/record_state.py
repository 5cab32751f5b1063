"""What a push batch reads before it applies its ops, each in one query for the whole batch.

The stored results of ops seen before (idempotency), the current state of every record the batch
touches (locked for update, in id order), and the owners of the 学号 the batch's student ops give.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, any_, bindparam, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from sync.protocol import Op
from sync.server import record_kinds
from sync.server.models import ProcessedOp, RecordRow, StudentScope


@dataclass
class BatchState:
    stored: dict[str, str]  # op id -> stored result (JSON) of an op processed before
    rows: dict[str, RecordRow]  # record id -> its current row
    number_owners: dict[str, str | None]  # 学号 -> the student holding it when the batch began (None: free)


def among(session: Session, column: Any, values: Collection[str]) -> ColumnElement[bool]:
    """``column IN values``; on PostgreSQL as ``= ANY(array)``, one parameter instead of one per value
    (the driver's handling of thousands of placeholders cost more than the query)."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(String())))
    return column.in_(values)


def read(session: Session, ops: list[Op]) -> BatchState:
    op_ids = [op.op_id for op in ops]
    stored: dict[str, str] = {
        op_id: result
        for op_id, result in session.execute(
            select(ProcessedOp.op_id, ProcessedOp.result).where(among(session, ProcessedOp.op_id, op_ids))
        )
    }
    record_ids = sorted({op.record_id for op in ops})
    rows = {
        row.id: row
        for row in session.scalars(
            select(RecordRow)
            .where(among(session, RecordRow.id, record_ids))
            .order_by(RecordRow.id)
            .with_for_update()
        )
    }
    return BatchState(stored, rows, _number_owners(session, ops))


def _number_owners(session: Session, ops: list[Op]) -> dict[str, str | None]:
    numbers = sorted(
        {
            number
            for op in ops
            if op.record_type == record_kinds.STUDENT
            and isinstance(number := op.fields.get("student_no"), str)
            and number
        }
    )
    owners: dict[str, str | None] = dict.fromkeys(numbers)
    if numbers:
        found = session.execute(
            select(StudentScope.student_no, StudentScope.student_id).where(
                among(session, StudentScope.student_no, numbers)
            )
        )
        owners.update({str(number): str(owner) for number, owner in found})
    return owners
