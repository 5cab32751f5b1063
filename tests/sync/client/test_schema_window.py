"""Records across schema versions (docs/sync-protocol.md §2a), against the live server on 127.0.0.1.

A server one schema ahead (its visit has one field more) and a laptop of today's schema: every record
arrives, shows what the laptop knows and keeps the rest through an edit.  A pulled record the laptop
cannot read goes to the quarantine with a notice.  A laptop one schema ahead holds the edits of its new
field in the outbox until the server is upgraded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import Field, create_model

from desktop.store.store import Store
from desktop.store.sync_replica import StoreReplica
from sync.client import SyncEngine, login
from sync.ids import new_id
from sync.protocol import SCHEMA_VERSION
from sync.records import HomeVisit, Role
from sync.records import schema as record_schema
from sync.records.registry import RECORD_TYPES
from sync.records.schema import field_since
from sync.server import record_kinds
from tests.helpers.memory_replica import MemoryReplica
from tests.sync.client.conftest import College, Device
from tests.sync.server.conftest import PASSWORD
from tests.sync.server.records_data import visit

NEXT = SCHEMA_VERSION + 1  # the schema after today's

# Today's visit with the field a newer schema adds.
NewerVisit = create_model(
    "HomeVisit",
    __base__=HomeVisit,
    road_condition=(str, Field("", title="道路情况", max_length=100, json_schema_extra={"since": NEXT})),
)
# A newer schema that accepts longer places than today's (60 characters).
WiderVisit = create_model(
    "HomeVisit", __base__=HomeVisit, place=(str, Field("", title="地点", max_length=500))
)


def _serve(monkeypatch: pytest.MonkeyPatch, visit_class: type[HomeVisit], window: tuple[int, int]) -> None:
    """Make the live server run the schema whose visit is ``visit_class`` (this laptop's stay today's)."""
    monkeypatch.setattr(record_kinds, "RECORD_TYPES", {**RECORD_TYPES, "home_visit": visit_class})
    monkeypatch.setattr(record_kinds, "SCHEMA_WINDOW", window)


@pytest.fixture
def laptop(college: College, laptop_store: Store) -> Callable[[], SyncEngine]:
    laptop_store.set_local_user(user_id=college.counselor_a, user_name="counselor_a", role=Role.COUNSELOR)
    api = college.server.login("counselor_a", device_id=laptop_store.info.device_id)
    return lambda: SyncEngine(StoreReplica(laptop_store), college.server.url, api.token)


def _server_visit(college: College, visit_id: str) -> dict[str, Any]:
    reader = college.server.login("center")
    records, _ = reader.pull_all()
    fields: dict[str, Any] = records["records"][visit_id]["fields"]
    return fields


def test_a_newer_servers_field_survives_a_laptop_of_todays_schema(
    monkeypatch: pytest.MonkeyPatch,
    college: College,
    laptop: Callable[[], SyncEngine],
    laptop_store: Store,
) -> None:
    _serve(monkeypatch, NewerVisit, (1, NEXT))
    student = college.server.student(college.college_id, college.counselor_a)
    newer_laptop = college.server.login("counselor_a")  # another laptop of the same counselor, upgraded
    visit_id = new_id()
    fields = {**visit(student), "road_condition": "山路，雨天难行"}
    [result] = newer_laptop.push(newer_laptop.op("home_visit", visit_id, fields, student_id=student))
    assert result["status"] == "applied", result

    with laptop() as engine:
        engine.sync()
        with laptop_store.session() as s:
            shown = s.visits.get(visit_id)  # never skipped: shown with the fields this laptop knows
            assert shown is not None and shown.follow_up == visit(student)["follow_up"]
            assert s.visits.extra_fields(visit_id) == {"road_condition": "山路，雨天难行"}
            # A local edit and a visit made here.
            s.visits.patch(visit_id, follow_up="回访：已联系镇政府修路")
            made_here = s.visits.create(HomeVisit.model_validate(visit(student, notes="本机新建")))
        report = engine.sync()
        assert report.pushed["applied"] == 2 and report.quarantined == 0
        assert report.digest_ok is True

    on_server = _server_visit(college, visit_id)
    assert on_server["road_condition"] == "山路，雨天难行"  # not dropped by the edit
    assert on_server["follow_up"] == "回访：已联系镇政府修路"
    assert _server_visit(college, made_here.id)["road_condition"] == ""  # the older schema's default
    with laptop_store.session() as s:
        assert s.visits.extra_fields(visit_id) == {"road_condition": "山路，雨天难行"}
        assert {v.id for v in s.visits.for_student(student)} == {visit_id, made_here.id}  # none lost


def test_a_record_this_laptop_cannot_read_is_quarantined_with_a_notice(
    monkeypatch: pytest.MonkeyPatch,
    college: College,
    laptop: Callable[[], SyncEngine],
    laptop_store: Store,
) -> None:
    _serve(monkeypatch, WiderVisit, (1, NEXT))
    student = college.server.student(college.college_id, college.counselor_a)
    newer_laptop = college.server.login("counselor_a")
    visit_id = new_id()
    fields = {**visit(student), "place": "很长的地点" * 20}
    [result] = newer_laptop.push(newer_laptop.op("home_visit", visit_id, fields, student_id=student))
    assert result["status"] == "applied", result

    replica = StoreReplica(laptop_store)
    with laptop() as engine:
        engine.sync()
    with laptop_store.session() as s:
        assert s.visits.get(visit_id) is None
        assert s.students.get(student) is not None  # the rest of the page arrived
    [kept] = replica.quarantined()
    assert kept["reason"] == "unreadable"
    assert kept["record"]["id"] == visit_id and kept["record"]["fields"]["place"] == fields["place"]
    assert "家访记录" in kept["message"] and "place" in kept["message"] and "升级" in kept["message"]
    assert any(entry["message"] == kept["message"] for entry in replica.sync_log())


def test_a_field_the_server_does_not_know_waits_for_its_upgrade(
    monkeypatch: pytest.MonkeyPatch, college: College
) -> None:
    # The laptop knows the next schema (its visit has the new field); the server serves today's only.
    monkeypatch.setattr(record_schema, "RECORD_TYPES", {**RECORD_TYPES, "home_visit": NewerVisit})
    assert field_since(NewerVisit, "road_condition") == NEXT
    student = college.server.student(college.college_id, college.counselor_a)
    device_id = new_id()
    logged_in = login(
        college.server.url, username="counselor_a", password=PASSWORD, device_id=device_id, schema=NEXT
    )  # spoken in today's schema: no 426
    api = college.server.login("counselor_a", device_id=device_id)
    assert logged_in.device_id == device_id
    laptop = Device(MemoryReplica(api.device_id, api.user_id), None, api.user_id)  # type: ignore[arg-type]
    laptop.engine = SyncEngine(laptop.replica, college.server.url, api.token, schema=NEXT)
    laptop.sync()
    visit_id = new_id()
    laptop.replica.edit("home_visit", visit_id, visit(student), student_id=student)
    held = laptop.replica.edit("home_visit", visit_id, {"road_condition": "山路"})
    after = laptop.replica.edit("home_visit", visit_id, {"follow_up": "之后的修改"})

    report = laptop.sync()  # spoken in today's schema: no 426
    assert report.pushed["applied"] == 1
    assert set(report.awaiting_upgrade) == {held.op_id, after.op_id} and report.held == {}
    assert "road_condition" in report.awaiting_upgrade[held.op_id]
    assert [pending.op.op_id for pending in laptop.replica.outbox] == [held.op_id, after.op_id]  # kept
    assert any("升级" in entry.message and "不会丢失" in entry.message for entry in laptop.replica.sync_log)
    assert "road_condition" not in _server_visit(college, visit_id)

    _serve(monkeypatch, NewerVisit, (1, NEXT))  # the center upgrades its server
    report = laptop.sync()
    assert report.awaiting_upgrade == {} and laptop.replica.outbox == []
    on_server = _server_visit(college, visit_id)
    assert on_server["road_condition"] == "山路" and on_server["follow_up"] == "之后的修改"
    laptop.engine.close()


def test_a_server_refuses_fields_it_does_not_know(college: College) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    api = college.server.login("counselor_a")
    fields = {**visit(student), "road_condition": "山路"}
    [result] = api.push(api.op("home_visit", new_id(), fields, student_id=student))
    assert result["status"] == "rejected" and result["reason"] == "validation_failed"
    assert not result["retryable"]
    assert "road_condition" in result["message"] and "升级中心服务器" in result["message"]
