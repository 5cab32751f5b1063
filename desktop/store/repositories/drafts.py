"""Unsaved visit forms, kept as typed (valid or not) in the encrypted store; never synced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from desktop.store.tables import VisitDraftRow


@dataclass(frozen=True)
class Draft:
    id: str  # a new visit's id, or the id of the visit being edited
    student_id: str
    student_name: str
    saved_at: datetime
    data: dict[str, Any]


def _draft(row: VisitDraftRow) -> Draft:
    return Draft(
        row.id, row.student_id, row.student_name, datetime.fromisoformat(row.saved_at), dict(row.data)
    )


class DraftRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def put(self, draft: Draft) -> None:
        """Keep a draft (replacing the one with the same id)."""
        values = {
            "student_id": draft.student_id,
            "student_name": draft.student_name,
            "saved_at": draft.saved_at.isoformat(),
            "data": dict(draft.data),
        }
        statement = insert(VisitDraftRow).values(id=draft.id, **values)
        self.session.execute(statement.on_conflict_do_update(index_elements=["id"], set_=values))

    def get(self, draft_id: str) -> Draft | None:
        row = self.session.get(VisitDraftRow, draft_id)
        return None if row is None else _draft(row)

    def list(self) -> list[Draft]:
        """Every draft, newest first."""
        drafts = [_draft(row) for row in self.session.scalars(select(VisitDraftRow))]
        drafts.sort(key=lambda draft: draft.saved_at, reverse=True)
        return drafts

    def remove(self, draft_id: str) -> None:
        self.session.execute(delete(VisitDraftRow).where(VisitDraftRow.id == draft_id))
