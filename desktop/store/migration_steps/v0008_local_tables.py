"""Schema v8: drafts, visit plans, conflicts, resolutions and the quarantine get tables of their own.

They lived in ``meta`` as JSON under key prefixes (``setting.visit_draft.<id>``,
``setting.visit_plan.<year>.<student>``, ``sync.conflict.<id>``, ``sync.resolves.<op id>``,
``sync.quarantine.<op id>``) and were found by prefix scans; the step moves every entry into its table
and removes it from ``meta``.  A draft or a planned date that could not be read was never shown (the
old code skipped it) and is dropped; conflicts, resolutions and quarantined ops move as they are.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

VERSION = 8
DESCRIPTION = "草稿、家访计划、冲突、冲突处理与隔离区改为独立的本机表"

DRAFT_PREFIX = "setting.visit_draft."
PLAN_PREFIX = "setting.visit_plan."
CONFLICT_PREFIX = "sync.conflict."
RESOLVES_PREFIX = "sync.resolves."
QUARANTINE_PREFIX = "sync.quarantine."

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE visit_draft (
    id TEXT NOT NULL,
    student_id TEXT NOT NULL,
    student_name TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    data JSON NOT NULL,
    CONSTRAINT pk_visit_draft PRIMARY KEY (id)
)""",
    """CREATE TABLE visit_plan (
    academic_year TEXT NOT NULL,
    student_id TEXT NOT NULL,
    planned_on DATE NOT NULL,
    CONSTRAINT pk_visit_plan PRIMARY KEY (academic_year, student_id)
)""",
    """CREATE TABLE sync_conflict (
    id TEXT NOT NULL,
    student_id TEXT,
    status TEXT NOT NULL,
    state JSON NOT NULL,
    CONSTRAINT pk_sync_conflict PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_sync_conflict_student_id ON sync_conflict (student_id)",
    """CREATE TABLE sync_resolution (
    op_id TEXT NOT NULL,
    conflict_ids JSON NOT NULL,
    CONSTRAINT pk_sync_resolution PRIMARY KEY (op_id)
)""",
    """CREATE TABLE sync_quarantine (
    id TEXT NOT NULL,
    entry JSON NOT NULL,
    CONSTRAINT pk_sync_quarantine PRIMARY KEY (id)
)""",
)


def _draft(draft_id: str, value: str) -> dict[str, Any] | None:
    try:
        doc = json.loads(value)
        return {
            "id": draft_id,
            "student_id": str(doc["student_id"]),
            "student_name": str(doc["student_name"]),
            "saved_at": str(doc["saved_at"]),
            "data": json.dumps(dict(doc["data"]), ensure_ascii=False),
        }
    except (ValueError, KeyError, TypeError):
        return None


def _plan(rest: str, value: str) -> dict[str, Any] | None:
    academic_year, _, student_id = rest.partition(".")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    if not academic_year or not student_id:
        return None
    return {"year": academic_year, "student_id": student_id, "day": day.isoformat()}


def _conflict(conflict_id: str, value: str) -> dict[str, Any]:
    state = json.loads(value)
    return {
        "id": conflict_id,
        "student_id": state.get("student_id"),
        "status": str(state.get("status", "open")),
        "state": value,
    }


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)
    moved: list[str] = []
    drafts: list[dict[str, Any]] = []
    plans: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    resolutions: list[dict[str, Any]] = []
    quarantine: list[dict[str, Any]] = []
    for key, value in conn.execute(text("SELECT key, value FROM meta")).all():
        if key.startswith(DRAFT_PREFIX):
            found = _draft(key.removeprefix(DRAFT_PREFIX), value)
            if found is not None:
                drafts.append(found)
        elif key.startswith(PLAN_PREFIX):
            found = _plan(key.removeprefix(PLAN_PREFIX), value)
            if found is not None:
                plans.append(found)
        elif key.startswith(CONFLICT_PREFIX):
            conflicts.append(_conflict(key.removeprefix(CONFLICT_PREFIX), value))
        elif key.startswith(RESOLVES_PREFIX):
            resolutions.append({"op_id": key.removeprefix(RESOLVES_PREFIX), "ids": value})
        elif key.startswith(QUARANTINE_PREFIX):
            quarantine.append({"id": key.removeprefix(QUARANTINE_PREFIX), "entry": value})
        else:
            continue
        moved.append(key)
    inserts = (
        (
            "INSERT INTO visit_draft (id, student_id, student_name, saved_at, data) "
            "VALUES (:id, :student_id, :student_name, :saved_at, :data)",
            drafts,
        ),
        (
            "INSERT INTO visit_plan (academic_year, student_id, planned_on) VALUES (:year, :student_id, :day)",
            plans,
        ),
        (
            "INSERT INTO sync_conflict (id, student_id, status, state) VALUES (:id, :student_id, :status, :state)",
            conflicts,
        ),
        ("INSERT INTO sync_resolution (op_id, conflict_ids) VALUES (:op_id, :ids)", resolutions),
        ("INSERT INTO sync_quarantine (id, entry) VALUES (:id, :entry)", quarantine),
    )
    for statement, rows in inserts:
        if rows:
            conn.execute(text(statement), rows)
    for start in range(0, len(moved), 500):
        chunk = moved[start : start + 500]
        marks = ", ".join(f":k{i}" for i in range(len(chunk)))
        conn.execute(
            text(f"DELETE FROM meta WHERE key IN ({marks})"), {f"k{i}": key for i, key in enumerate(chunk)}
        )
