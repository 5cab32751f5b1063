"""The profile's record editors: create or update in one call; only the editable kinds are deleted."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.app import record_editing
from desktop.app.changes import Kind
from sync.records import GuaranteeAid
from tests.desktop.app.conftest import Seeded


def test_save_aid_creates_then_updates_and_delete_leaves_a_tombstone(seeded: Seeded) -> None:
    store, sid = seeded.store, seeded.student_id
    aid = GuaranteeAid(
        student_id=sid,
        academic_year="2024-2025",
        aid_type="grant",
        project_name="国家助学金",
        amount=3300,
        granted_on=date(2024, 11, 1),
    )
    record_editing.save_aid(store, aid)
    record_editing.save_aid(store, aid.model_copy(update={"project_name": "校级助学金"}))
    with store.session() as s:
        assert [a.project_name for a in s.aid.for_student(sid)] == ["校级助学金"]

    record_editing.delete_record(store, Kind.GUARANTEE_AID, aid.id)
    with store.session() as s:
        assert s.aid.for_student(sid) == []


def test_delete_refuses_a_kind_the_profile_does_not_edit(seeded: Seeded) -> None:
    with pytest.raises(ValueError):
        record_editing.delete_record(seeded.store, Kind.STUDENT, seeded.student_id)
    with seeded.store.session() as s:
        assert s.students.get(seeded.student_id) is not None
