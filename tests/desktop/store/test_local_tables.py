"""Drafts, visit plans, conflicts, resolutions and the quarantine: local tables read by key.

They were JSON in ``meta`` under key prefixes; schema v8 moves every entry into its table.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import text

from desktop.store.engine import open_engine
from desktop.store.key_vault import KeyVault
from desktop.store.migration_steps import v0008_local_tables
from desktop.store.migrations import STEPS, migrate
from desktop.store.outbox import pending_ops
from desktop.store.repositories.drafts import Draft
from desktop.store.store import DB_FILE_NAME, Store
from sync.protocol import ConflictSide, ConflictState, ConflictStatus
from sync.records import Student
from tests.desktop.store.conftest import PASSPHRASE

SAVED_AT = datetime(2026, 1, 20, 9, 30, tzinfo=timezone(timedelta(hours=8)))


def _conflict(
    conflict_id: str, student_id: str | None, status: ConflictStatus, seq: int = 5
) -> ConflictState:
    side = ConflictSide(
        value="甲", author_id="u1", device_id="d1", hlc="1", received_at="2026-01-01T00:00:00"
    )
    other = side.model_copy(update={"value": "乙", "author_id": "u2"})
    return ConflictState(
        id=conflict_id,
        record_type="student",
        record_id=student_id or "r0",
        student_id=student_id,
        field="major",
        kept=side,
        other=other,
        status=status,
        seq=seq,
    )


def _meta_entries() -> dict[str, str]:
    """What a v7 store kept in ``meta`` (with one draft and one plan the old code could not read)."""
    draft = {
        "student_id": "s1",
        "student_name": "赵一",
        "saved_at": SAVED_AT.isoformat(),
        "data": {"place": "家中"},
    }
    return {
        "setting.visit_draft.d1": json.dumps(draft, ensure_ascii=False),
        "setting.visit_draft.broken": "{not json",
        "setting.visit_plan.2025-2026.s1": "2026-01-20",
        "setting.visit_plan.2025-2026.s2": "2026-01-22",
        "setting.visit_plan.2024-2025.s1": "2024-12-01",
        "setting.visit_plan.2025-2026.s3": "someday",
        "sync.conflict.c1": _conflict("c1", "s1", ConflictStatus.OPEN).model_dump_json(),
        "sync.conflict.c2": _conflict("c2", "s2", ConflictStatus.RESOLVED).model_dump_json(),
        "sync.resolves.op-1": json.dumps(["c1"]),
        "sync.quarantine.op-2": json.dumps({"op": {"op_id": "op-2"}, "reason": "scope_left"}),
        # kept in meta: not one of the moved kinds
        "setting.pdf_font": "/fonts/x.ttf",
        "setting.import_mapping.roster": "{}",
        "sync.cursor": "abc",
    }


def test_a_v7_store_moves_its_meta_entries_into_the_local_tables(data_dir: Path) -> None:
    key = KeyVault(data_dir).create(PASSPHRASE, use_keyring=False)
    engine = open_engine(data_dir / DB_FILE_NAME, key)
    before_v8 = [step for step in STEPS if step.version < v0008_local_tables.VERSION]
    migrate(engine, steps=before_v8)
    with engine.begin() as conn:
        for name, value in {"device_id": "dev-1", "school_name": "示例大学", "user_id": "u1"}.items():
            conn.execute(text("INSERT INTO meta (key, value) VALUES (:k, :v)"), {"k": name, "v": value})
        for name, value in _meta_entries().items():
            conn.execute(text("INSERT INTO meta (key, value) VALUES (:k, :v)"), {"k": name, "v": value})
    engine.dispose()

    store = Store.open(data_dir, PASSPHRASE, backup_daily=False)
    try:
        with store.session() as s:
            keys = {row[0] for row in s.db.execute(text("SELECT key FROM meta"))}
            moved = (
                "setting.visit_draft.",
                "setting.visit_plan.",
                "sync.conflict.",
                "sync.resolves.",
                "sync.quarantine.",
            )
            assert not [name for name in keys if name.startswith(moved)]
            assert {"setting.pdf_font", "setting.import_mapping.roster", "sync.cursor"} <= keys

            [draft] = s.drafts.list()
            assert draft == Draft("d1", "s1", "赵一", SAVED_AT, {"place": "家中"})
            assert s.drafts.get("d1") == draft and s.drafts.get("broken") is None

            assert s.visit_plans.for_year("2025-2026") == {"s1": date(2026, 1, 20), "s2": date(2026, 1, 22)}
            assert s.visit_plans.for_year("2024-2025") == {"s1": date(2024, 12, 1)}

            assert [conflict.id for conflict in s.conflicts.open()] == ["c1"]
            resolved = s.conflicts.get("c2")
            assert resolved is not None and resolved.status is ConflictStatus.RESOLVED
            assert s.conflicts.get("c1") == _conflict("c1", "s1", ConflictStatus.OPEN)

            assert s.resolutions.for_ops(["op-1", "op-9"]) == {"op-1": ["c1"]}
            assert s.resolutions.conflict_ids() == {"c1"}
            assert s.quarantine.list() == [{"op": {"op_id": "op-2"}, "reason": "scope_left"}]
    finally:
        store.close()


def test_drafts_by_key_newest_first_and_without_settings(store: Store) -> None:
    older = Draft("a", "s1", "赵一", datetime(2026, 1, 1, tzinfo=UTC), {"n": 1})
    newer = Draft("b", "s2", "钱二", datetime(2026, 1, 2, tzinfo=UTC), {"n": 2})
    with store.session() as s:
        s.meta.set_setting("pdf_font", "/fonts/x.ttf")
        s.drafts.put(older)
        s.drafts.put(newer)
        s.drafts.put(Draft("a", "s1", "赵一", datetime(2026, 1, 3, tzinfo=UTC), {"n": 3}))
    with store.session() as s:
        assert [(d.id, d.data) for d in s.drafts.list()] == [("a", {"n": 3}), ("b", {"n": 2})]
        assert s.meta.settings() == {"pdf_font": "/fonts/x.ttf"}  # drafts are not settings any more
        s.drafts.remove("a")
        assert s.drafts.get("a") is None and s.drafts.get("b") == newer


def test_conflicts_resolutions_and_quarantine(store: Store) -> None:
    with store.session() as s:
        s.conflicts.put(_conflict("c1", "s1", ConflictStatus.OPEN))
        s.conflicts.put(_conflict("c2", "s2", ConflictStatus.OPEN))
        s.conflicts.put(_conflict("c1", "s1", ConflictStatus.RESOLVED, seq=9))  # a later state replaces it
        s.resolutions.put("op-1", ["c2"])
        s.quarantine.put("op-3", {"op": {"op_id": "op-3"}, "reason": "rejected"})
        s.quarantine.put("op-2", {"op": {"op_id": "op-2"}, "reason": "scope_left"})
    with store.session() as s:
        assert [c.id for c in s.conflicts.open()] == ["c2"]
        assert s.resolutions.conflict_ids() == {"c2"}
        assert [item["op"]["op_id"] for item in s.quarantine.list()] == ["op-2", "op-3"]
        assert s.quarantine.count() == 2
        s.conflicts.remove_for_students(["s2"])
        s.resolutions.remove(["op-1"])
        assert s.conflicts.open() == [] and s.conflicts.get("c1") is not None
        assert s.resolutions.for_ops(["op-1"]) == {}


def test_update_and_delete_return_the_op_they_queue(store: Store) -> None:
    student = Student(student_no="2025001", name="张三")
    with store.session() as s:
        s.students.create(student)
    with store.session() as s:
        created = {op.op_id for op in pending_ops(s.db)}
        edited = s.students.update(student.model_copy(update={"major": "会计"}))
        assert s.students.update(student.model_copy(update={"major": "会计"})) is None  # nothing changed
        deleted = s.students.delete(student.id)
        ops = {op.op_id: op for op in pending_ops(s.db) if op.op_id not in created}
        assert set(ops) == {edited, deleted}
        assert edited is not None and ops[edited].fields == {"major": "会计"}
        assert ops[deleted].kind.value == "delete"
