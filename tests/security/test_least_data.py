"""Item 7: staff mobile numbers go to the centers only, never to every counselor or mentor."""

from __future__ import annotations

from typing import Any

from sync.records.enums import Role
from sync.server import directory
from tests.sync.server.conftest import Api, College

PHONE = "13912345678"


def _give_phones(college: College) -> None:
    database = college.server.database
    changes = [
        ("user", user_id, {"phone": PHONE})
        for user_id in (college.counselor_a, college.counselor_b, college.center)
    ]
    database.run(lambda s: directory.write_records(s, changes))


def _users(api: Api) -> dict[str, dict[str, Any]]:
    got, _ = api.pull_all()
    return {rid: r for rid, r in got["records"].items() if r["record_type"] == "user"}


def test_counselors_and_mentors_receive_no_staff_phone_numbers(college: College) -> None:
    _give_phones(college)
    college.server.user("mentor_li", Role.MENTOR, college.college_id)
    for username in ("counselor_a", "mentor_li"):
        api = college.server.login(username)
        users = _users(api)
        assert college.center in users  # the colleagues are there, without their numbers
        assert all(
            "phone" not in user["fields"] and "phone" not in user["versions"] for user in users.values()
        )
        single = api.http.get(f"/records/{college.center}")
        assert single.status_code == 200 and "phone" not in single.json()["fields"]
        assert PHONE not in api.post("/sync/pull", {"device_id": api.device_id, "cursor": None}).text


def test_the_centers_receive_them(college: College) -> None:
    _give_phones(college)
    for username in ("center", "school"):
        users = _users(college.server.login(username))
        assert users[college.counselor_a]["fields"]["phone"] == PHONE
