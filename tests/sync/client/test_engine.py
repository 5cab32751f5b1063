"""The sync engine against a live server: offline edits on several laptops converge."""

from __future__ import annotations

import threading

import pytest

from sync.client import DeviceRevoked, DeviceWiped, EngineSettings, Progress, SyncCancelled
from sync.ids import new_id
from tests.sync.client.conftest import College, Device, Devices
from tests.sync.server.records_data import family_member, visit


def _converged(*devices: Device) -> None:
    for _ in range(2):
        for device in devices:
            device.sync()
    first = devices[0].replica.live()
    for device in devices[1:]:
        assert device.replica.live() == first
    for device in devices:
        assert device.replica.outbox == []


def _setup(college: College, devices: Devices, count: int = 2) -> tuple[str, list[Device]]:
    student = college.server.student(college.college_id, college.counselor_a)
    laptops = [devices.device("counselor_a") for _ in range(count)]
    for laptop in laptops:
        laptop.sync()
    return student, laptops


def test_offline_edits_on_two_laptops_merge_by_field(college: College, devices: Devices) -> None:
    student, (a, b) = _setup(college, devices)
    a.replica.edit("student", student, {"major": "软件工程"})
    b.replica.edit("student", student, {"talents": "书法"})
    b.sync()
    a.sync()
    _converged(a, b)
    fields = a.replica.live()[student]
    assert (fields["major"], fields["talents"]) == ("软件工程", "书法")
    assert a.replica.conflicts == {}


def test_same_field_on_two_laptops_leaves_a_conflict_with_both_values(
    college: College, devices: Devices
) -> None:
    student, (a, b) = _setup(college, devices)
    a.replica.edit("student", student, {"major": "软件工程"})
    b.replica.edit("student", student, {"major": "网络工程"})
    report_a = a.sync()
    report_b = b.sync()
    assert report_a.pushed["applied"] == 1
    assert report_b.pushed["conflict"] == 1
    _converged(a, b)
    for device in (a, b):
        [conflict] = device.replica.conflicts.values()
        assert {conflict.kept.value, conflict.other.value} == {"软件工程", "网络工程"}
    assert a.replica.live()[student]["major"] == "软件工程"


def test_delete_versus_edit_keeps_the_edit(college: College, devices: Devices) -> None:
    student, (a, b) = _setup(college, devices)
    member = new_id()
    a.replica.edit("family_member", member, family_member(student), student_id=student)
    a.sync()
    b.sync()
    a.replica.edit("family_member", member, {"occupation": "务农"})
    b.replica.delete(member)
    a.sync()
    b.sync()
    _converged(a, b)
    assert a.replica.live()[member]["occupation"] == "务农"
    assert any(c.field == "*" for c in a.replica.conflicts.values())


def test_a_visit_written_offline_for_days_arrives_exactly_once(college: College, devices: Devices) -> None:
    student, (a, b) = _setup(college, devices)
    visits = [new_id() for _ in range(30)]
    for n, visit_id in enumerate(visits):
        a.replica.edit("home_visit", visit_id, visit(student, notes=f"第{n}天"), student_id=student)
    settings_small = EngineSettings(batch_ops=7, page_limit=5)
    a.engine.settings = settings_small
    a.sync()
    # The same batch pushed again (as after a lost response) changes nothing.
    _converged(a, b)
    got = [rid for rid, rec in b.replica.records.items() if rec.record_type == "home_visit"]
    assert sorted(got) == sorted(visits)


def test_three_laptops_in_different_orders_converge(college: College, devices: Devices) -> None:
    student, laptops = _setup(college, devices, 3)
    for n, laptop in enumerate(laptops):
        laptop.replica.edit("family_member", new_id(), family_member(student, f"成员{n}"), student_id=student)
        laptop.replica.edit("student", student, {"class_name": f"{n}班"})
    for order in ((2, 0, 1), (1, 2, 0)):
        for index in order:
            laptops[index].sync()
    _converged(*laptops)
    conflicts = laptops[0].replica.conflicts
    assert len(conflicts) == 2  # the second and third class_name edits each met the first
    assert len(laptops[0].replica.live()) == len(laptops[2].replica.live())


def test_reassignment_flushes_then_purges_and_quarantines_later_ops(
    college: College, devices: Devices
) -> None:
    student, (old,) = _setup(college, devices, 1)
    new = devices.device("counselor_b")
    new.sync()
    note = new_id()
    old.replica.edit("home_visit", note, visit(student, notes="回程前写的"), student_id=student)
    from sync.server import directory

    college.server.database.run(
        lambda s: directory.write_records(s, [("student", student, {"counselor_id": college.counselor_b})])
    )
    report = old.sync()
    assert report.left == [student]
    assert student not in old.replica.records
    assert note not in old.replica.records
    assert old.replica.quarantine == []  # the note was flushed before the purge
    new_report = new.sync()
    assert student in new_report.entered
    assert note in new.replica.records
    # An op made for the student after the purge can only go to quarantine.
    old.replica.edit("family_member", new_id(), family_member(student), student_id=student)
    old.sync()
    assert len(old.replica.quarantine) == 1


def test_revoked_and_wiped_devices(college: College, devices: Devices) -> None:
    from sync.server import devices as device_admin

    _, (a, b) = _setup(college, devices)
    college.server.database.run(lambda s: device_admin.revoke(s, a.replica.device_id, by=None))
    with pytest.raises(DeviceRevoked):
        a.sync()
    assert a.replica.records  # revoke alone keeps local data
    college.server.database.run(lambda s: device_admin.order_wipe(s, b.replica.device_id, by=None))
    with pytest.raises(DeviceWiped):
        b.sync()
    assert b.replica.wiped and b.replica.records == {}


def test_progress_and_cancel(college: College, devices: Devices) -> None:
    student, (a,) = _setup(college, devices, 1)
    for n in range(12):
        a.replica.edit("family_member", new_id(), family_member(student, f"成员{n}"), student_id=student)
    seen: list[Progress] = []
    cancel = threading.Event()

    def on_progress(progress: Progress) -> None:
        seen.append(progress)
        if progress.stage == "push" and progress.done >= 4 and len(seen) == 1:
            cancel.set()

    a.engine._progress = on_progress
    a.engine._cancel = cancel
    a.engine.settings = EngineSettings(batch_ops=4)
    with pytest.raises(SyncCancelled):
        a.sync()
    assert seen[0].stage == "push" and seen[0].total == 12
    assert a.replica.pending_count() == 8  # the acknowledged batch left the outbox
    cancel.clear()
    a.sync()
    assert a.replica.pending_count() == 0


def test_digest_mismatch_is_repaired(college: College, devices: Devices) -> None:
    student, (a,) = _setup(college, devices, 1)
    member = new_id()
    a.replica.edit("family_member", member, family_member(student), student_id=student)
    a.sync()
    del a.replica.records[member]  # local damage
    stray = new_id()
    a.replica.records[stray] = type(a.replica.records[student])(
        "family_member", stray, student, {"name": "多余"}, {"name": 1}, 1, 1
    )
    report = a.sync()
    assert report.digest_ok is False
    assert report.repaired >= 2
    assert member in a.replica.records
    assert stray not in a.replica.records
    assert a.sync().digest_ok is True


def test_expired_tombstones_force_a_replacement_sync_that_keeps_the_outbox(
    college: College, devices: Devices
) -> None:
    from sqlalchemy import update

    from sync.server.maintenance import expire_tombstones
    from sync.server.models import RecordRow

    student, (a, b) = _setup(college, devices)
    member = new_id()
    a.replica.edit("family_member", member, family_member(student), student_id=student)
    a.sync()
    b.sync()
    a.replica.delete(member)
    a.sync()
    # b is offline; the tombstone ages past the retention period and is expired.
    college.server.database.run(
        lambda s: s.execute(
            update(RecordRow).where(RecordRow.id == member).values(updated_at=RecordRow.created_at)
        )
    )
    assert college.server.database.run(lambda s: expire_tombstones(s, days=0)) == 1
    note = new_id()
    b.replica.edit("home_visit", note, visit(student), student_id=student)
    report = b.sync()
    assert any("完整重新同步" in entry.message for entry in b.replica.sync_log)
    assert member not in b.replica.live()  # the stale copy went in the repair after the replacement
    assert report.digest_ok in (True, False)
    b.sync()
    a.sync()
    assert note in a.replica.records
    assert a.replica.live() == b.replica.live()
