"""Push and pull: idempotency, field-level merge, conflicts, deletes, tombstones, ownership."""

from __future__ import annotations

from sync.ids import new_id
from tests.sync.server.conftest import Api, College
from tests.sync.server.records_data import family_member, visit


def _two_devices(college: College) -> tuple[Api, Api, str]:
    student = college.server.student(college.college_id, college.counselor_a)
    first = college.server.login("counselor_a")
    second = college.server.login("counselor_a")
    first.pull_all()
    second.pull_all()
    return first, second, student


def test_new_records_reach_another_device_of_the_same_user(college: College) -> None:
    first, second, student = _two_devices(college)
    _, cursor = second.pull_all()
    member = new_id()
    [result] = first.push(first.op("family_member", member, family_member(student), student_id=student))
    assert result["status"] == "applied"
    assert result["rev"] == 1
    got, _ = second.pull_all(cursor)
    assert got["records"][member]["fields"]["name"] == "王芳"
    assert got["records"][member]["versions"]["name"] == 1


def test_repeated_push_is_a_duplicate_with_the_stored_result(college: College) -> None:
    first, _, student = _two_devices(college)
    op = first.op("home_visit", new_id(), visit(student), student_id=student)
    [applied] = first.push(op)
    [again] = first.push(op)
    assert again["status"] == "duplicate"
    assert again["original"] == "applied"
    assert again["rev"] == applied["rev"]
    got, _ = first.pull_all()
    visits = [r for r in got["records"].values() if r["record_type"] == "home_visit"]
    assert len(visits) == 1


def test_same_op_twice_in_one_batch_is_applied_once(college: College) -> None:
    first, _, student = _two_devices(college)
    op = first.op("home_visit", new_id(), visit(student), student_id=student)
    results = first.push(op, op)
    assert [r["status"] for r in results] == ["applied", "duplicate"]


def test_edits_to_different_fields_merge(college: College) -> None:
    first, second, student = _two_devices(college)
    got, _ = first.pull_all()
    versions = got["records"][student]["versions"]
    [a] = first.push(first.op("student", student, {"major": "软件工程"}, base={"major": versions["major"]}))
    [b] = second.push(
        second.op("student", student, {"talents": "书法"}, base={"talents": versions["talents"]})
    )
    assert a["status"] == b["status"] == "applied"
    got, _ = second.pull_all()
    fields = got["records"][student]["fields"]
    assert (fields["major"], fields["talents"]) == ("软件工程", "书法")
    assert got["conflicts"] == {}


def test_same_field_on_two_devices_keeps_the_first_and_records_both(college: College) -> None:
    first, second, student = _two_devices(college)
    got, _ = first.pull_all()
    base = {"major": got["records"][student]["versions"]["major"]}
    [a] = first.push(first.op("student", student, {"major": "软件工程"}, base=base))
    [b] = second.push(second.op("student", student, {"major": "网络工程"}, base=base))
    assert a["status"] == "applied"
    assert b["status"] == "conflict"
    assert len(b["conflicts"]) == 1
    for api in (first, second):
        got, _ = api.pull_all()
        assert got["records"][student]["fields"]["major"] == "软件工程"
        [conflict] = got["conflicts"].values()
        assert conflict["field"] == "major"
        assert conflict["kept"]["value"] == "软件工程"
        assert conflict["other"]["value"] == "网络工程"
        assert conflict["kept"]["device_id"] == first.device_id
        assert conflict["other"]["device_id"] == second.device_id
        assert conflict["kept"]["author_id"] == conflict["other"]["author_id"] == college.counselor_a
        assert conflict["status"] == "open"


def test_equal_values_are_no_conflict(college: College) -> None:
    first, second, student = _two_devices(college)
    base = {"major": 1}
    first.push(first.op("student", student, {"major": "软件工程"}, base=base))
    [b] = second.push(second.op("student", student, {"major": "软件工程"}, base=base))
    assert b["status"] == "applied"
    got, _ = second.pull_all()
    assert got["conflicts"] == {}


def test_a_devices_own_later_edit_is_no_conflict(college: College) -> None:
    first, _, student = _two_devices(college)
    first.push(first.op("student", student, {"major": "一"}, base={"major": 1}))
    # Made offline before the first ack: same stale base, same device.
    [second_edit] = first.push(first.op("student", student, {"major": "二"}, base={"major": 1}))
    assert second_edit["status"] == "applied"


def test_resolution_is_an_edit_that_closes_the_conflict(college: College) -> None:
    first, second, student = _two_devices(college)
    first.push(first.op("student", student, {"major": "软件工程"}, base={"major": 1}))
    [b] = second.push(second.op("student", student, {"major": "网络工程"}, base={"major": 1}))
    got, _cursor = second.pull_all()
    version = got["records"][student]["versions"]["major"]
    [resolved] = second.push(
        second.op("student", student, {"major": "网络工程"}, base={"major": version}, resolves=b["conflicts"])
    )
    assert resolved["status"] == "applied"
    got, _ = first.pull_all()
    assert got["records"][student]["fields"]["major"] == "网络工程"
    assert got["conflicts"][b["conflicts"][0]]["status"] == "resolved"


def test_delete_versus_edit_keeps_the_edit_and_records_a_conflict(college: College) -> None:
    first, second, student = _two_devices(college)
    member = new_id()
    first.push(first.op("family_member", member, family_member(student), student_id=student))
    second.pull_all()
    [edit] = first.push(first.op("family_member", member, {"occupation": "务农"}, base={"occupation": 1}))
    assert edit["status"] == "applied"
    [deletion] = second.push(second.delete_op("family_member", member, base_rev=1))
    assert deletion["status"] == "conflict"
    got, _ = first.pull_all()
    assert got["records"][member]["deleted"] is False
    [conflict] = got["conflicts"].values()
    assert conflict["field"] == "*"
    assert conflict["other"]["value"] is None
    assert conflict["kept"]["value"]["occupation"] == "务农"


def test_delete_then_stale_edit_keeps_the_tombstone_and_the_edit_values(college: College) -> None:
    first, second, student = _two_devices(college)
    member = new_id()
    first.push(first.op("family_member", member, family_member(student), student_id=student))
    second.pull_all()
    [deletion] = first.push(first.delete_op("family_member", member, base_rev=1))
    assert deletion["status"] == "applied"
    [edit] = second.push(second.op("family_member", member, {"occupation": "务工"}, base={"occupation": 1}))
    assert edit["status"] == "conflict"
    got, _ = second.pull_all()
    assert got["records"][member]["deleted"] is True
    assert got["records"][member]["fields"] == {}
    [conflict] = got["conflicts"].values()
    assert conflict["other"]["value"] == {"occupation": "务工"}


def test_one_bad_op_does_not_block_the_rest(college: College) -> None:
    first, _, student = _two_devices(college)
    good = first.op("family_member", new_id(), family_member(student), student_id=student)
    bad = first.op("family_member", new_id(), {"student_id": student, "name": ""}, student_id=student)
    unknown = first.op("no_such_type", new_id(), {"x": 1})
    extra = first.op(
        "family_member", new_id(), {**family_member(student), "shoe_size": 42}, student_id=student
    )
    results = first.push(bad, good, unknown, extra)
    assert [r["status"] for r in results] == ["rejected", "applied", "rejected", "rejected"]
    assert results[0]["reason"] == "validation_failed"
    assert results[0]["retryable"] is False
    assert results[2]["reason"] == "unknown_type"
    assert results[3]["reason"] == "validation_failed"
    assert "name" in results[0]["message"]


def test_author_owned_records_can_only_be_changed_by_their_author(college: College) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    counselor = college.server.login("counselor_a")
    center = college.server.login("center")
    visit_id = new_id()
    counselor.push(counselor.op("home_visit", visit_id, visit(student), student_id=student))
    [result] = center.push(center.op("home_visit", visit_id, {"follow_up": "改写"}, base={"follow_up": 1}))
    assert result["status"] == "rejected"
    assert result["reason"] == "forbidden"
    [deletion] = center.push(center.delete_op("home_visit", visit_id, base_rev=1))
    assert deletion["reason"] == "forbidden"


def test_student_of_a_record_cannot_change(college: College) -> None:
    first, _, student = _two_devices(college)
    other = college.server.student(college.college_id, college.counselor_a, "2024002")
    member = new_id()
    first.push(first.op("family_member", member, family_member(student), student_id=student))
    [moved] = first.push(first.op("family_member", member, {"student_id": other}, base={"student_id": 1}))
    assert moved["reason"] == "student_mismatch"


def test_pull_pages_follow_the_sequence(college: College) -> None:
    first, second, student = _two_devices(college)
    _, cursor = second.pull_all()
    ids = [new_id() for _ in range(25)]
    first.push(
        *(
            first.op("family_member", i, family_member(student, f"成员{n}"), student_id=student)
            for n, i in enumerate(ids)
        )
    )
    got, final = second.pull_all(cursor, limit=7)
    assert list(got["records"]) == ids
    seqs = [r["seq"] for r in got["records"].values()]
    assert seqs == sorted(seqs)
    again, _ = second.pull_all(final)
    assert again["records"] == {}


def test_digest_matches_what_the_device_holds(college: College) -> None:
    from sync.protocol import record_hash

    first, _, student = _two_devices(college)
    for n in range(5):
        first.push(
            first.op("family_member", new_id(), family_member(student, f"成员{n}"), student_id=student)
        )
    got, _ = first.pull_all()
    live = [r for r in got["records"].values() if not r["deleted"]]
    digest = first.post("/sync/digest", {"device_id": first.device_id, "buckets": True}).json()
    assert digest["count"] == len(live)
    assert digest["sum"] == sum(record_hash(r["record_type"], r["id"], r["rev"]) for r in live)
    assert sum(bucket["count"] for bucket in digest["buckets"]) == len(live)
    bucket = record_hash(live[0]["record_type"], live[0]["id"], live[0]["rev"]) % 256
    repaired = first.post("/sync/repair", {"device_id": first.device_id, "buckets": [bucket]}).json()
    assert live[0]["id"] in {record["id"] for record in repaired["records"]}


def test_audit_entries_from_devices_go_to_the_server_log_only(college: College) -> None:
    first, second, student = _two_devices(college)
    _, cursor = second.pull_all()
    entry = new_id()
    fields = {
        "action": "print",
        "record_type": "home_visit",
        "student_id": student,
        "actor_id": college.counselor_a,
    }
    [result] = first.push(first.op("audit_entry", entry, fields))
    assert result["status"] == "applied"
    got, _ = second.pull_all(cursor)
    assert entry not in got["records"]
