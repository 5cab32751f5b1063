"""Conflicts waiting for review (冲突处理): list them, keep one side or a typed value, restore a record
the center deleted or accept the deletion.  The rules live in ``desktop.store.conflict_review``."""

from __future__ import annotations

from desktop.store.conflict_review import (
    WHOLE_RECORD,
    ConflictGone,
    ConflictSideView,
    ConflictView,
    accept_deletion,
    open_conflicts,
    resolve,
    restore,
    waiting_conflict_count,
)

__all__ = [
    "WHOLE_RECORD",
    "ConflictGone",
    "ConflictSideView",
    "ConflictView",
    "accept_deletion",
    "open_conflicts",
    "resolve",
    "restore",
    "waiting_conflict_count",
]
