"""The encrypted desktop store as the sync engine's replica, against a live server."""

from __future__ import annotations

from desktop.store.store import Store
from desktop.store.sync_replica import StoreReplica
from sync.client import SyncEngine
from sync.records import FamilyMember, HomeVisit, Role
from sync.server import directory
from tests.sync.client.conftest import College, Devices
from tests.sync.server.records_data import visit


def _engine(college: College, store: Store) -> SyncEngine:
    store.set_local_user(user_id=college.counselor_a, user_name="counselor_a", role=Role.COUNSELOR)
    api = college.server.login("counselor_a", device_id=store.info.device_id)
    return SyncEngine(StoreReplica(store), college.server.url, api.token)


def test_store_pushes_its_edits_and_pulls_others(
    college: College, devices: Devices, laptop_store: Store
) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    other = devices.device("counselor_a")
    other.sync()
    with _engine(college, laptop_store) as engine:
        first = engine.sync()
        assert first.pulled_records >= 1
        with laptop_store.session() as s:
            assert s.students.get(student) is not None
            s.family.create(FamilyMember(student_id=student, name="王芳", relationship="母亲"))
            visit_record = s.visits.create(HomeVisit.model_validate(visit(student)))
            s.students.patch(student, major="软件工程")
        report = engine.sync()
        assert report.pushed["applied"] == 3
        assert report.digest_ok is True
        other.sync()
        assert other.replica.live()[student]["major"] == "软件工程"
        assert visit_record.id in other.replica.records
        # An edit made elsewhere arrives in the store.
        other.replica.edit("student", student, {"talents": "书法"})
        other.sync()
        engine.sync()
        with laptop_store.session() as s:
            stored = s.students.get(student)
            assert stored is not None and stored.talents == "书法" and stored.major == "软件工程"
            assert s.students.sync_state(student) is not None


def test_store_conflicts_reassignment_and_quarantine(
    college: College, devices: Devices, laptop_store: Store
) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    other = devices.device("counselor_a")
    other.sync()
    replica: StoreReplica
    with _engine(college, laptop_store) as engine:
        replica = engine.replica  # type: ignore[assignment]
        engine.sync()
        other.replica.edit("student", student, {"major": "网络工程"})
        other.sync()
        with laptop_store.session() as s:
            s.students.patch(student, major="软件工程")
        report = engine.sync()
        assert report.pushed["conflict"] == 1
        [conflict] = replica.conflicts()
        assert {conflict.kept.value, conflict.other.value} == {"网络工程", "软件工程"}
        # Reassigned away with an unsent visit: the visit is flushed, then the student is purged.
        with laptop_store.session() as s:
            s.visits.create(HomeVisit.model_validate(visit(student, notes="离线补记")))
        college.server.database.run(
            lambda db: directory.write_records(
                db, [("student", student, {"counselor_id": college.counselor_b})]
            )
        )
        report = engine.sync()
        assert report.left == [student]
        with laptop_store.session() as s:
            assert s.students.get(student, include_deleted=True) is None
            assert s.visits.for_student(student) == []
        assert replica.conflicts() == []
        assert replica.quarantined() == []
        assert any("调整" in entry["message"] for entry in replica.sync_log())
        b = devices.device("counselor_b")
        b.sync()
        assert any(
            r.record_type == "home_visit" and r.fields.get("follow_up") == "离线补记"
            for r in b.replica.records.values()
        )
