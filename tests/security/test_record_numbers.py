"""A printed record number (``record_no``, JF-<year>-<device_no>-<counter>) is the laptop's to give once,
with its own device number, and never changes: a client changing or clearing a number, or numbering
with another device's number, is refused and changes nothing."""

from __future__ import annotations

from typing import Any

import httpx

from sync.ids import new_id
from sync.records.record_numbers import format_record_no
from tests.security.attack import OP_ANSWERS, changed, snapshot
from tests.sync.server.conftest import PASSWORD, VERSION_HEADERS, Api, College
from tests.sync.server.records_data import visit


def _login(college: College, username: str) -> tuple[Api, int]:
    """A device logged in, and the device number the server gave it."""
    device_id = new_id()
    response = httpx.post(
        f"{college.server.url}/auth/login",
        json={"username": username, "password": PASSWORD, "device_id": device_id, "device_name": "测试机"},
        headers=VERSION_HEADERS,
    )
    assert response.status_code == 200, response.text
    api = college.server.login(username, device_id=device_id)
    return api, int(response.json()["device_no"])


def _refused(college: College, api: Api, op: dict[str, Any]) -> None:
    before = snapshot(college.server.database, ignore_tables=OP_ANSWERS)
    [result] = api.push(op)
    assert (result["status"], result["reason"]) == ("rejected", "forbidden"), result
    assert not changed(college.server.database, before, ignore_tables=OP_ANSWERS)


def _record_no(api: Api, visit_id: str) -> str:
    response = api.http.get(f"/records/{visit_id}")
    assert response.status_code == 200, response.text
    return str(response.json()["fields"]["record_no"])


def test_a_number_once_given_never_changes(college: College) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    api, device_no = _login(college, "counselor_a")
    number = format_record_no(2025, device_no, 1)
    visit_id = new_id()
    [ok] = api.push(
        api.op("home_visit", visit_id, {**visit(student), "record_no": number}, student_id=student)
    )
    assert ok["status"] == "applied", ok
    base = {"record_no": 1}
    for value in (format_record_no(2025, device_no, 2), ""):
        _refused(college, api, api.op("home_visit", visit_id, {"record_no": value}, base=base))
    # Sending the same number again (a whole record re-sent) is no change.
    [same] = api.push(api.op("home_visit", visit_id, {"record_no": number, "follow_up": "补记"}, base=base))
    assert same["status"] == "applied", same
    assert _record_no(api, visit_id) == number


def test_a_visit_made_before_numbering_gets_its_own_devices_number_once(college: College) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    api, device_no = _login(college, "counselor_a")
    visit_id = new_id()
    [ok] = api.push(api.op("home_visit", visit_id, visit(student), student_id=student))
    assert ok["status"] == "applied", ok
    number = format_record_no(2025, device_no, 7)
    [numbered] = api.push(api.op("home_visit", visit_id, {"record_no": number}, base={"record_no": 1}))
    assert numbered["status"] == "applied", numbered
    assert _record_no(api, visit_id) == number


def test_no_device_takes_another_devices_number_prefix(college: College) -> None:
    mine = college.server.student(college.college_id, college.counselor_a)
    theirs = college.server.student(college.college_id, college.counselor_b)
    other, other_no = _login(college, "counselor_b")
    api, device_no = _login(college, "counselor_a")
    stolen = format_record_no(2025, other_no, 1)
    _refused(
        college, api, api.op("home_visit", new_id(), {**visit(mine), "record_no": stolen}, student_id=mine)
    )
    visit_id = new_id()
    api.push(api.op("home_visit", visit_id, visit(mine), student_id=mine))
    _refused(college, api, api.op("home_visit", visit_id, {"record_no": stolen}, base={"record_no": 1}))
    # A number no device was given is no one's either.
    unknown = format_record_no(2025, device_no + other_no + 50, 1)
    _refused(college, api, api.op("home_visit", visit_id, {"record_no": unknown}, base={"record_no": 1}))
    # The other counselor's own number is theirs to use.
    [ok] = other.push(
        other.op("home_visit", new_id(), {**visit(theirs), "record_no": stolen}, student_id=theirs)
    )
    assert ok["status"] == "applied", ok


def test_a_second_laptop_of_the_same_user_may_send_the_first_ones_numbers(college: College) -> None:
    """A visit numbered on one laptop and sent from another of the same counselor (a replaced laptop's
    outbox restored) keeps its number."""
    student = college.server.student(college.college_id, college.counselor_a)
    _, first_no = _login(college, "counselor_a")
    second, _ = _login(college, "counselor_a")
    number = format_record_no(2025, first_no, 3)
    visit_id = new_id()
    [ok] = second.push(
        second.op("home_visit", visit_id, {**visit(student), "record_no": number}, student_id=student)
    )
    assert ok["status"] == "applied", ok
