"""Login, sync, conflict review and resolution, purge notice data and exports, against a live server."""

# ruff: noqa: F811 - the live-server fixtures are imported into this module and requested by name

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desktop.store import center_sync, conflict_review
from desktop.store.record_numbering import device_no
from desktop.store.store import Store
from sync.client import DeviceRevoked, SyncError
from sync.server import devices as device_admin
from sync.server import directory
from sync.server.models import ConflictRow
from tests.desktop.sync_fixtures import (  # noqa: F401 - fixtures
    _cheap_passwords,
    college,
    devices,
    laptop,
    live_server,
    server,
)
from tests.sync.client.conftest import College, Devices
from tests.sync.server.conftest import PASSWORD


def _server_conflict(college: College, conflict_id: str) -> str:
    def status(session: Session) -> str:
        row = session.get(ConflictRow, conflict_id)
        assert row is not None
        return row.status

    return college.server.database.run(status)


def test_login_sync_status_and_log(college: College, laptop: Store, tmp_path: Path) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    assert center_sync.account(laptop) is None
    with pytest.raises(center_sync.NotConnected):
        center_sync.run_sync(laptop)
    with pytest.raises(SyncError):
        center_sync.connect(laptop, college.server.url, "counselor_a", "wrong password")
    account = center_sync.connect(laptop, college.server.url + "/", "counselor_a", PASSWORD)
    assert account.server == college.server.url and account.display_name == "counselor_a"
    assert laptop.info.user_id == college.counselor_a
    first = center_sync.run_sync(laptop)
    assert first.pulled >= 1 and first.pending == 0
    with laptop.session() as s:
        s.students.patch(student, major="软件工程")
    status = center_sync.sync_status(laptop)
    assert status.connected and status.pending == 1 and status.last_success is not None
    second = center_sync.run_sync(laptop)
    assert second.pushed == {"applied": 1} and second.pending == 0
    after = center_sync.sync_status(laptop)
    assert after.pending == 0 and after.last_success is not None and after.last_success >= status.last_success
    lines = center_sync.export_sync_log(laptop, tmp_path / "log.txt")
    text = (tmp_path / "log.txt").read_text(encoding="utf-8")
    assert lines >= 2 and "同步完成" in text and "软件工程" not in text


def test_conflict_review_and_resolution(college: College, devices: Devices, laptop: Store) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    center_sync.connect(laptop, college.server.url, "counselor_a", PASSWORD)
    center_sync.run_sync(laptop)
    other = devices.device("center")
    other.sync()
    other.replica.edit("student", student, {"major": "会计学", "talents": "书法"})
    other.sync()
    with laptop.session() as s:
        s.students.patch(student, major="软件工程", talents="围棋")
    summary = center_sync.run_sync(laptop)
    assert summary.conflicts_open == 2 and summary.conflicts_received == 2
    views = {view.field: view for view in conflict_review.open_conflicts(laptop)}
    assert set(views) == {"major", "talents"}
    major = views["major"]
    assert major.kept.text == "会计学" and major.other.text == "软件工程"
    assert major.kept.author_name == "center" and major.other.author_name == "counselor_a"
    assert major.kept.at is not None and major.record_here and major.free_text
    assert major.student_name and major.field_label == "专业"
    # Choosing the value this store already holds (the center's) still sends an op that closes it.
    with laptop.session() as s:
        assert s.students.require(student).major == "会计学"
    conflict_review.resolve(laptop, major.id, major.kept.value)
    assert conflict_review.waiting_conflict_count(laptop) == len(views) - 1
    with pytest.raises(conflict_review.ConflictGone):
        conflict_review.resolve(laptop, major.id, major.other.value)
    assert center_sync.sync_status(laptop).pending == 1
    center_sync.run_sync(laptop)
    assert _server_conflict(college, major.id) == "resolved"
    assert [view.id for view in conflict_review.open_conflicts(laptop)] == [
        view.id for view in views.values() if view.field != "major"
    ]


def test_resolving_with_the_other_value_edits_the_record(
    college: College, devices: Devices, laptop: Store
) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    center_sync.connect(laptop, college.server.url, "counselor_a", PASSWORD)
    center_sync.run_sync(laptop)
    other = devices.device("center")
    other.sync()
    other.replica.edit("student", student, {"major": "会计学"})
    other.sync()
    with laptop.session() as s:
        s.students.patch(student, major="软件工程")
    center_sync.run_sync(laptop)
    (view,) = conflict_review.open_conflicts(laptop)
    with pytest.raises(conflict_review.InvalidValue):
        conflict_review.resolve(laptop, view.id, "x" * 500)
    conflict_review.resolve(laptop, view.id, view.other.value)
    with laptop.session() as s:
        assert s.students.require(student).major == "软件工程"
    center_sync.run_sync(laptop)
    assert _server_conflict(college, view.id) == "resolved"
    other.sync()
    assert other.replica.live()[student]["major"] == "软件工程"
    assert conflict_review.open_conflicts(laptop) == []


def test_reassignment_names_the_students_and_exports_the_quarantine(
    college: College, laptop: Store, tmp_path: Path
) -> None:
    college.server.student(college.college_id, college.counselor_a, "2024001")
    center_sync.connect(laptop, college.server.url, "counselor_a", PASSWORD)
    center_sync.run_sync(laptop)
    college.server.database.run(
        lambda s: directory.assign(s, username="counselor_b", student_nos=["2024001"])
    )
    summary = center_sync.run_sync(laptop)
    assert [left.student_no for left in summary.left] == ["2024001"]
    assert summary.as_dict()["students_left"] == 1
    with laptop.session() as s:
        assert s.students.count() == 0
    count = center_sync.export_quarantine(laptop, tmp_path / "quarantine.json")
    exported = json.loads((tmp_path / "quarantine.json").read_text(encoding="utf-8"))
    assert len(exported["changes"]) == count


def test_revoked_device_forgets_its_token(college: College, laptop: Store) -> None:
    center_sync.connect(laptop, college.server.url, "counselor_a", PASSWORD)
    center_sync.run_sync(laptop)
    college.server.database.run(lambda s: device_admin.revoke(s, laptop.info.device_id, by=None))
    with pytest.raises(DeviceRevoked):
        center_sync.run_sync(laptop)
    assert center_sync.account(laptop) is None
    assert not center_sync.sync_status(laptop).connected


def test_login_gives_the_laptop_its_device_number(college: College, laptop: Store) -> None:
    """The printed record numbers' device part comes from the center at login and is kept locally."""
    center_sync.connect(laptop, college.server.url, "counselor_a", PASSWORD)
    with laptop.session() as s:
        number = device_no(s.meta)
    assert number is not None and number >= 1
    center_sync.forget_token(laptop)
    center_sync.connect(laptop, college.server.url, "counselor_a", PASSWORD)
    with laptop.session() as s:
        assert device_no(s.meta) == number
