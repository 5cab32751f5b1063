"""Unsaved visit forms kept as encrypted drafts in the store (never synced)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.app.changes import Kind, use_case
from desktop.store.repositories.drafts import Draft
from desktop.store.store import Store


@dataclass
class DraftInfo:
    id: str
    student_id: str
    student_name: str
    saved_at: datetime
    data: dict[str, Any]


@use_case(Kind.VISIT_DRAFT)
def save_draft(store: Store, draft: DraftInfo) -> None:
    """Keep a form's contents as typed (valid or not) in the encrypted store; never synced."""
    with store.session() as s:
        s.drafts.put(Draft(draft.id, draft.student_id, draft.student_name, draft.saved_at, draft.data))


def _draft_info(draft: Draft) -> DraftInfo:
    return DraftInfo(draft.id, draft.student_id, draft.student_name, draft.saved_at, draft.data)


def list_drafts(store: Store) -> list[DraftInfo]:
    """Unsaved forms, newest first."""
    with store.session() as s:
        return [_draft_info(draft) for draft in s.drafts.list()]


def get_draft(store: Store, draft_id: str) -> DraftInfo | None:
    """The unsaved form kept under ``draft_id`` (a new visit's id or the id of the visit edited)."""
    with store.session() as s:
        draft = s.drafts.get(draft_id)
    return None if draft is None else _draft_info(draft)


@use_case(Kind.VISIT_DRAFT)
def delete_draft(store: Store, draft_id: str) -> None:
    with store.session() as s:
        s.drafts.remove(draft_id)


@use_case(Kind.VISIT_DRAFT)
def discard_edit_draft(store: Store, visit_id: str) -> None:
    """Forget an unsaved edit of a visit (the stored visit stays as it was)."""
    with store.session() as s:
        s.drafts.remove(visit_id)
