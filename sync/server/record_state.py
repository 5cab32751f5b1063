"""What a push batch reads before it applies its ops, each in one query for the whole batch.

The stored results of ops seen before (idempotency), the current state of every record the batch
touches (locked for update, in id order), and the owners of the 学号 the batch's student ops give.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import Op
from sync.server import record_kinds
from sync.server.models import ProcessedOp, RecordRow, StudentScope


@dataclass
class BatchState:
    stored: dict[str, str]  # op id -> stored result (JSON) of an op processed before
    rows: dict[str, RecordRow]  # record id -> its current row
    number_owners: dict[str, str | None]  # 学号 -> the student holding it when the batch began (None: free)


def read(session: Session, ops: list[Op]) -> BatchState:
    op_ids = [op.op_id for op in ops]
    stored: dict[str, str] = {
        op_id: result
        for op_id, result in session.execute(
            select(ProcessedOp.op_id, ProcessedOp.result).where(ProcessedOp.op_id.in_(op_ids))
        )
    }
    record_ids = sorted({op.record_id for op in ops})
    rows = {
        row.id: row
        for row in session.scalars(
            select(RecordRow).where(RecordRow.id.in_(record_ids)).order_by(RecordRow.id).with_for_update()
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
                StudentScope.student_no.in_(numbers)
            )
        )
        owners.update({str(number): str(owner) for number, owner in found})
    return owners
