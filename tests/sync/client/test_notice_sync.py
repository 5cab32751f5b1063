"""A college center's laptop publishes a 公示 and records an objection; they reach the school center and
not the counselor whose students the notice lists."""

from __future__ import annotations

from datetime import date

from desktop.app import public_notices
from desktop.store.store import Store
from desktop.store.sync_replica import StoreReplica
from sync.client import SyncEngine
from sync.ids import new_id
from sync.records import Role
from sync.server import directory
from tests.sync.client.conftest import College, Devices


def test_a_notice_and_its_objection_sync_to_the_centers_only(
    college: College, devices: Devices, laptop_store: Store
) -> None:
    student = college.server.student(college.college_id, college.counselor_a, name="周雨桐", grade=2025)
    identification = {
        "student_id": student,
        "academic_year": "2025-2026",
        "level": "difficult",
        "status": "identified",
    }
    college.server.database.run(
        lambda db: directory.write_records(db, [("identification", new_id(), identification)])
    )
    counselor, school = devices.device("counselor_a"), devices.device("school")
    laptop_store.set_local_user(user_id=college.center, user_name="center", role=Role.COLLEGE_CENTER)
    api = college.server.login("center", device_id=laptop_store.info.device_id)
    with SyncEngine(StoreReplica(laptop_store), college.server.url, api.token) as engine:
        engine.sync()
        notice = public_notices.new_notice(laptop_store, "2025-2026", college.college_id, date(2025, 10, 13))
        objection = public_notices.add_objection(laptop_store, notice.id, date(2025, 10, 14), "有异议")
        report = engine.sync()
        assert report.pushed["applied"] == 2 and report.digest_ok is True, (report.pushed, report)
    counselor.sync()
    school.sync()
    assert student in counselor.replica.records
    assert notice.id not in counselor.replica.records and objection.id not in counselor.replica.records
    assert school.replica.live()[notice.id]["student_ids"] == [student]
    assert school.replica.live()[objection.id]["summary"] == "有异议"
