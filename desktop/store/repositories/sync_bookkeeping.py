"""What the sync engine keeps beside the records: conflicts from the center, the conflicts a queued op
resolves, and the quarantine of ops the center will never take (all local, never synced)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from desktop.store.tables import SyncConflictRow, SyncQuarantineRow, SyncResolutionRow
from sync.protocol import ConflictState, ConflictStatus

_CHUNK = 500


class ConflictRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def put(self, conflict: ConflictState) -> None:
        """Keep a conflict as the center sent it (replacing an earlier state of the same conflict)."""
        values = {
            "student_id": conflict.student_id,
            "status": conflict.status.value,
            "state": conflict.model_dump(mode="json"),
        }
        statement = insert(SyncConflictRow).values(id=conflict.id, **values)
        self.session.execute(statement.on_conflict_do_update(index_elements=["id"], set_=values))

    def get(self, conflict_id: str) -> ConflictState | None:
        state = self.session.scalar(select(SyncConflictRow.state).where(SyncConflictRow.id == conflict_id))
        return None if state is None else ConflictState.model_validate(state)

    def open(self) -> list[ConflictState]:
        """Conflicts the center still holds open (in no particular order)."""
        rows = self.session.scalars(
            select(SyncConflictRow.state).where(SyncConflictRow.status == ConflictStatus.OPEN.value)
        )
        return [ConflictState.model_validate(state) for state in rows]

    def remove_for_students(self, student_ids: Iterable[str]) -> None:
        ids = list(student_ids)
        for start in range(0, len(ids), _CHUNK):
            self.session.execute(
                delete(SyncConflictRow).where(SyncConflictRow.student_id.in_(ids[start : start + _CHUNK]))
            )

    def clear(self) -> None:
        self.session.execute(delete(SyncConflictRow))


class ResolutionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def put(self, op_id: str, conflict_ids: Iterable[str]) -> None:
        """Note that the queued op ``op_id`` resolves these conflicts."""
        ids = list(conflict_ids)
        statement = insert(SyncResolutionRow).values(op_id=op_id, conflict_ids=ids)
        self.session.execute(
            statement.on_conflict_do_update(index_elements=["op_id"], set_={"conflict_ids": ids})
        )

    def for_ops(self, op_ids: Iterable[str]) -> dict[str, list[str]]:
        """Op id -> the conflicts it resolves, for those of ``op_ids`` that resolve any."""
        ids = list(op_ids)
        found: dict[str, list[str]] = {}
        for start in range(0, len(ids), _CHUNK):
            rows = self.session.execute(
                select(SyncResolutionRow.op_id, SyncResolutionRow.conflict_ids).where(
                    SyncResolutionRow.op_id.in_(ids[start : start + _CHUNK])
                )
            )
            found.update({op_id: list(conflicts) for op_id, conflicts in rows})
        return found

    def conflict_ids(self) -> set[str]:
        """Every conflict with a resolution on its way to the center."""
        rows = self.session.scalars(select(SyncResolutionRow.conflict_ids))
        return {conflict_id for conflicts in rows for conflict_id in conflicts}

    def remove(self, op_ids: Iterable[str]) -> None:
        ids = list(op_ids)
        for start in range(0, len(ids), _CHUNK):
            self.session.execute(
                delete(SyncResolutionRow).where(SyncResolutionRow.op_id.in_(ids[start : start + _CHUNK]))
            )

    def clear(self) -> None:
        self.session.execute(delete(SyncResolutionRow))


class QuarantineRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def put(self, item_id: str, entry: dict[str, Any]) -> None:
        """Keep an item (e.g. ``{"op": …, "reason": …}``) under its id (replacing one with that id)."""
        statement = insert(SyncQuarantineRow).values(id=item_id, entry=entry)
        self.session.execute(statement.on_conflict_do_update(index_elements=["id"], set_={"entry": entry}))

    def has(self, item_id: str) -> bool:
        return (
            self.session.scalar(select(SyncQuarantineRow.id).where(SyncQuarantineRow.id == item_id))
            is not None
        )

    def list(self) -> list[dict[str, Any]]:
        """Every item, by id (op ids are UUIDv7: oldest first)."""
        rows = self.session.scalars(select(SyncQuarantineRow.entry).order_by(SyncQuarantineRow.id))
        return [dict(entry) for entry in rows]

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(SyncQuarantineRow)) or 0)

    def clear(self) -> None:
        self.session.execute(delete(SyncQuarantineRow))
