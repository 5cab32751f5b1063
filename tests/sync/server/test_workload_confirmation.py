"""Who may confirm a term's workload figures (工作量确认), against a live server."""

from __future__ import annotations

from typing import Any

from sync.ids import new_id
from sync.records.enums import Role
from tests.sync.server.conftest import Api, College

ITEM = {
    "activity_id": "log-1",
    "teacher_id": "teacher-1",
    "teacher_name": "王老师",
    "kind": "mentor_session",
    "activity_date": "2025-10-09",
    "count": 1,
    "minutes": 60,
}


def _confirmation(college_id: str, **more: Any) -> dict[str, Any]:
    return {
        "term": "2025-2026-1",
        "college_id": college_id,
        "confirmed_on": "2026-03-02",
        "confirmed_by_name": "张主任",
        "items": [ITEM],
        **more,
    }


def _status(api: Api, fields: dict[str, Any], record_id: str | None = None) -> str:
    [result] = api.push(api.op("workload_confirmation", record_id or new_id(), fields))
    return str(result["status"] if result["status"] == "applied" else result["reason"])


def test_a_college_center_confirms_its_own_college_and_is_recorded_as_the_confirmer(college: College) -> None:
    center = college.server.login("center")
    record_id = new_id()
    # the body names someone else as the confirmer: the server records the caller
    sent = _confirmation(college.college_id, confirmed_by_id=college.counselor_a)
    assert _status(center, sent, record_id) == "applied"
    fields = center.http.get(f"/records/{record_id}").json()["fields"]
    assert fields["confirmed_by_id"] == college.center
    assert fields["items"][0]["minutes"] == 60


def test_a_college_center_may_not_confirm_or_move_to_another_college(college: College) -> None:
    server = college.server
    other = server.college("外国语学院")
    center = server.login("center")
    assert _status(center, _confirmation(other)) == "forbidden"
    record_id = new_id()
    assert _status(center, _confirmation(college.college_id), record_id) == "applied"
    [moved] = center.push(
        center.op("workload_confirmation", record_id, {"college_id": other}, base={"college_id": 1})
    )
    assert moved["reason"] == "forbidden"
    server.user("center_other", Role.COLLEGE_CENTER, other)
    stranger = server.login("center_other")
    [gone] = stranger.push(stranger.delete_op("workload_confirmation", record_id, base_rev=1))
    assert gone["reason"] == "forbidden"
    assert center.http.get(f"/records/{record_id}").json()["fields"]["college_id"] == college.college_id


def test_teachers_may_not_confirm_their_own_figures(college: College) -> None:
    server = college.server
    server.user("mentor", Role.MENTOR, college.college_id)
    for username in ("counselor_a", "mentor"):
        api = server.login(username)
        assert _status(api, _confirmation(college.college_id)) == "forbidden", username
    admin = server.login("admin")
    op = admin.op("workload_confirmation", new_id(), _confirmation(college.college_id))
    assert admin.post("/sync/push", {"device_id": admin.device_id, "ops": [op]}).status_code == 403


def test_the_school_center_confirms_any_college(college: College) -> None:
    other = college.server.college("外国语学院")
    school = college.server.login("school")
    assert _status(school, _confirmation(college.college_id)) == "applied"
    assert _status(school, _confirmation(other)) == "applied"


def test_what_a_confirmation_froze_never_changes_only_its_note(college: College) -> None:
    center = college.server.login("center")
    record_id = new_id()
    assert _status(center, _confirmation(college.college_id), record_id) == "applied"
    changed = [{**ITEM, "minutes": 600}]
    [edit] = center.push(center.op("workload_confirmation", record_id, {"items": changed}, base={"items": 1}))
    assert edit["reason"] == "forbidden"
    [term] = center.push(
        center.op("workload_confirmation", record_id, {"term": "2025-2026-2"}, base={"term": 1})
    )
    assert term["reason"] == "forbidden"
    school = college.server.login("school")
    [note] = school.push(school.op("workload_confirmation", record_id, {"note": "已归档"}, base={"note": 1}))
    assert note["status"] == "applied"
    fields = center.http.get(f"/records/{record_id}").json()["fields"]
    assert fields["items"][0]["minutes"] == 60 and fields["term"] == "2025-2026-1"
    assert fields["confirmed_by_id"] == college.center and fields["note"] == "已归档"
    [withdrawn] = center.push(center.delete_op("workload_confirmation", record_id, base_rev=2))
    assert withdrawn["status"] == "applied"
