"""Unsaved visit forms kept as encrypted drafts in the store (never synced)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.app.changes import Kind, use_case
from desktop.store.store import Store

DRAFT_PREFIX = "visit_draft."


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
    doc = {
        "student_id": draft.student_id,
        "student_name": draft.student_name,
        "saved_at": draft.saved_at.isoformat(),
        "data": draft.data,
    }
    with store.session() as s:
        s.meta.set_setting(DRAFT_PREFIX + draft.id, json.dumps(doc, ensure_ascii=False))


def list_drafts(store: Store) -> list[DraftInfo]:
    """Unsaved forms, newest first."""
    with store.session() as s:
        settings = s.meta.settings()
    drafts: list[DraftInfo] = []
    for name, value in settings.items():
        if not name.startswith(DRAFT_PREFIX):
            continue
        try:
            doc = json.loads(value)
            drafts.append(
                DraftInfo(
                    id=name[len(DRAFT_PREFIX) :],
                    student_id=str(doc["student_id"]),
                    student_name=str(doc["student_name"]),
                    saved_at=datetime.fromisoformat(doc["saved_at"]),
                    data=dict(doc["data"]),
                )
            )
        except (ValueError, KeyError, TypeError):
            continue
    drafts.sort(key=lambda d: d.saved_at, reverse=True)
    return drafts


@use_case(Kind.VISIT_DRAFT)
def delete_draft(store: Store, draft_id: str) -> None:
    with store.session() as s:
        s.meta.remove_setting(DRAFT_PREFIX + draft_id)


@use_case(Kind.VISIT_DRAFT)
def discard_edit_draft(store: Store, visit_id: str) -> None:
    """Forget an unsaved edit of a visit (the stored visit stays as it was)."""
    with store.session() as s:
        s.meta.remove_setting(DRAFT_PREFIX + visit_id)
