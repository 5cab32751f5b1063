"""Delete-versus-edit conflicts resolved from the laptop (desktop/store/conflict_review.py) through the
real sync engine and store replica, against the live server on SQLite and PostgreSQL: restore with the
edited values, or accept the deletion, whichever side the center kept."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from desktop.store import center_sync, conflict_review
from desktop.store.store import Store
from sync.records import FamilyMember
from sync.server.models import ConflictRow, RecordRow
from tests.sync.client.conftest import College, Device, Devices
from tests.sync.server.conftest import PASSWORD


def _on_server(college: College, conflict_id: str, record_id: str) -> tuple[str, bool]:
    def read(session: Session) -> tuple[str, bool]:
        conflict = session.get(ConflictRow, conflict_id)
        record = session.get(RecordRow, record_id)
        assert conflict is not None and record is not None
        return conflict.status, record.deleted

    return college.server.database.run(read)


def _shared_member(college: College, devices: Devices, laptop_store: Store) -> tuple[Device, str, str]:
    """A family member on the laptop and on another device of the same counselor, both synced."""
    student = college.server.student(college.college_id, college.counselor_a)
    center_sync.connect(laptop_store, college.server.url, "counselor_a", PASSWORD)
    center_sync.run_sync(laptop_store)
    with laptop_store.session() as s:
        member = s.family.create(FamilyMember(student_id=student, name="王芳", relationship="母亲")).id
    center_sync.run_sync(laptop_store)
    other = devices.device("counselor_a")
    other.sync()
    assert member in other.replica.live()
    return other, student, member


def _deletion_kept(college: College, devices: Devices, laptop_store: Store) -> tuple[Device, str]:
    """The other device deletes the member; the laptop edits it offline and syncs: the center keeps the
    deletion and the laptop's edit waits in a conflict."""
    other, _student, member = _shared_member(college, devices, laptop_store)
    other.replica.delete(member)
    other.sync()
    with laptop_store.session() as s:
        s.family.patch(member, occupation="务工")
    summary = center_sync.run_sync(laptop_store)
    assert summary.conflicts_open == 1
    with laptop_store.session() as s:
        assert s.family.get(member) is None
    return other, member


def test_restore_with_the_edited_values(college: College, devices: Devices, laptop_store: Store) -> None:
    other, member = _deletion_kept(college, devices, laptop_store)
    (view,) = conflict_review.open_conflicts(laptop_store)
    assert view.field == "*" and view.deletion_kept and view.restorable and not view.record_here
    assert view.kept.is_delete and "务工" in view.other.text
    with pytest.raises(conflict_review.ConflictNotEditable):
        conflict_review.resolve(laptop_store, view.id, None)  # nothing here to keep as it is
    conflict_review.restore(laptop_store, view.id)
    with laptop_store.session() as s:
        back = s.family.get(member)
        assert back is not None and back.occupation == "务工" and back.name == "王芳"
    assert conflict_review.waiting_conflict_count(laptop_store) == 0
    with pytest.raises(conflict_review.ConflictGone):
        conflict_review.accept_deletion(laptop_store, view.id)
    summary = center_sync.run_sync(laptop_store)
    assert summary.pushed == {"applied": 1} and summary.pending == 0
    assert _on_server(college, view.id, member) == ("resolved", False)
    other.sync()
    assert other.replica.live()[member]["occupation"] == "务工"
    assert other.replica.conflicts[view.id].status == "resolved"
    center_sync.run_sync(laptop_store)
    assert conflict_review.open_conflicts(laptop_store) == []
    with laptop_store.session() as s:
        state = s.family.sync_state(member)
        assert state is not None and not state.deleted and state.server_seq > 0


def test_accept_the_kept_deletion(college: College, devices: Devices, laptop_store: Store) -> None:
    other, member = _deletion_kept(college, devices, laptop_store)
    (view,) = conflict_review.open_conflicts(laptop_store)
    conflict_review.accept_deletion(laptop_store, view.id)
    assert conflict_review.waiting_conflict_count(laptop_store) == 0
    summary = center_sync.run_sync(laptop_store)
    assert summary.pushed == {"applied": 1}
    assert _on_server(college, view.id, member) == ("resolved", True)
    other.sync()
    assert member not in other.replica.live()
    assert other.replica.conflicts[view.id].status == "resolved"
    assert conflict_review.open_conflicts(laptop_store) == []
    with laptop_store.session() as s:
        assert s.family.get(member) is None


def test_accept_the_deletion_of_a_record_the_center_kept(
    college: College, devices: Devices, laptop_store: Store
) -> None:
    """The laptop deleted the member while the other device edited it: the center kept the record (the
    laptop gets it back); the laptop can still delete it, which closes the conflict."""
    other, _student, member = _shared_member(college, devices, laptop_store)
    other.replica.edit("family_member", member, {"occupation": "务农"})
    other.sync()
    with laptop_store.session() as s:
        s.family.delete(member)
    center_sync.run_sync(laptop_store)
    (view,) = conflict_review.open_conflicts(laptop_store)
    assert view.field == "*" and view.record_here and not view.deletion_kept and view.other.is_delete
    conflict_review.accept_deletion(laptop_store, view.id)
    with laptop_store.session() as s:
        assert s.family.get(member) is None
    center_sync.run_sync(laptop_store)
    assert _on_server(college, view.id, member) == ("resolved", True)
    other.sync()
    assert member not in other.replica.live()


def test_restore_and_accept_deletion_are_for_delete_versus_edit_only(
    college: College, devices: Devices, laptop_store: Store
) -> None:
    other, _student, member = _shared_member(college, devices, laptop_store)
    other.replica.edit("family_member", member, {"occupation": "务农"})
    other.sync()
    with laptop_store.session() as s:
        s.family.patch(member, occupation="务工")
    center_sync.run_sync(laptop_store)
    (view,) = conflict_review.open_conflicts(laptop_store)
    assert view.field == "occupation" and not view.deletion_kept and not view.restorable
    with pytest.raises(conflict_review.NotWholeRecord):
        conflict_review.restore(laptop_store, view.id)
    with pytest.raises(conflict_review.NotWholeRecord):
        conflict_review.accept_deletion(laptop_store, view.id)
    assert conflict_review.waiting_conflict_count(laptop_store) == 1
