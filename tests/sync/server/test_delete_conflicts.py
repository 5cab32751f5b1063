"""Resolving delete-versus-edit conflicts (docs/sync-protocol.md §4): restore with the edit's values, or
accept the deletion, both when the center kept the deletion and when it kept the record."""

from __future__ import annotations

from typing import Any

from sync.ids import new_id
from tests.sync.server.conftest import Api, College
from tests.sync.server.records_data import family_member


def _deleted_while_edited(college: College) -> tuple[Api, Api, str, str, str]:
    """``first`` deletes a family member that ``second`` edits offline: the center keeps the deletion and
    records a conflict holding the edit."""
    student = college.server.student(college.college_id, college.counselor_a)
    first = college.server.login("counselor_a")
    second = college.server.login("counselor_a")
    member = new_id()
    first.push(first.op("family_member", member, family_member(student), student_id=student))
    second.pull_all()
    [deletion] = first.push(first.delete_op("family_member", member, base_rev=1))
    assert deletion["status"] == "applied"
    [edit] = second.push(second.op("family_member", member, {"occupation": "务工"}, base={"occupation": 1}))
    assert edit["status"] == "conflict"
    [conflict_id] = edit["conflicts"]
    return first, second, student, member, conflict_id


def _accept_deletion(api: Api, member: str, base_rev: int, conflict_id: str) -> dict[str, Any]:
    return {**api.delete_op("family_member", member, base_rev=base_rev), "resolves": [conflict_id]}


def test_restore_with_the_edit_values_undeletes_and_closes_the_conflict(college: College) -> None:
    first, second, student, member, conflict_id = _deleted_while_edited(college)
    # The editing device restores the whole record with its values (it no longer knows the tombstone's
    # rev: its versions were cleared with the deletion); naming the conflict is what makes it a restore.
    restored = {**family_member(student), "occupation": "务工"}
    [result] = second.push(
        second.op("family_member", member, restored, student_id=student, resolves=[conflict_id])
    )
    assert result["status"] == "applied" and result["rev"] == 3
    got, _ = first.pull_all()
    assert got["records"][member]["deleted"] is False
    assert got["records"][member]["fields"]["occupation"] == "务工"
    assert got["conflicts"][conflict_id]["status"] == "resolved"
    # A second restore of the same conflict (another device, later) is an ordinary stale edit now.
    [late] = first.push(first.op("family_member", member, {"occupation": "退休"}, base={"occupation": 0}))
    assert late["status"] == "conflict"


def test_accepting_the_kept_deletion_closes_the_conflict(college: College) -> None:
    first, second, _student, member, conflict_id = _deleted_while_edited(college)
    [result] = second.push(_accept_deletion(second, member, 0, conflict_id))
    assert result["status"] == "applied"
    got, _ = first.pull_all()
    assert got["records"][member]["deleted"] is True
    assert got["conflicts"][conflict_id]["status"] == "resolved"
    # A restore that arrives after the deletion was accepted does not undo it: it is a new conflict.
    [late] = first.push(
        first.op(
            "family_member", member, {"occupation": "务工"}, base={"occupation": 0}, resolves=[conflict_id]
        )
    )
    assert late["status"] == "conflict" and late["conflicts"] != [conflict_id]


def test_an_edit_without_resolves_on_a_tombstone_is_still_a_conflict(college: College) -> None:
    _first, second, student, member, conflict_id = _deleted_while_edited(college)
    [again] = second.push(second.op("family_member", member, family_member(student), student_id=student))
    assert again["status"] == "conflict"
    got, _ = second.pull_all()
    assert got["records"][member]["deleted"] is True
    assert got["conflicts"][conflict_id]["status"] == "open"


def test_deleting_a_kept_record_accepts_the_deletion_and_closes_the_conflict(college: College) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    first = college.server.login("counselor_a")
    second = college.server.login("counselor_a")
    member = new_id()
    first.push(first.op("family_member", member, family_member(student), student_id=student))
    second.pull_all()
    first.push(first.op("family_member", member, {"occupation": "务农"}, base={"occupation": 1}))
    [deletion] = second.push(second.delete_op("family_member", member, base_rev=1))
    [conflict_id] = deletion["conflicts"]
    got, _ = second.pull_all()
    rev = got["records"][member]["rev"]
    [accepted] = second.push(_accept_deletion(second, member, rev, conflict_id))
    assert accepted["status"] == "applied"
    got, _ = first.pull_all()
    assert got["records"][member]["deleted"] is True
    assert got["conflicts"][conflict_id]["status"] == "resolved"


def test_only_who_may_delete_can_accept_a_deletion(college: College) -> None:
    _first, _second, _student, member, conflict_id = _deleted_while_edited(college)
    other = college.server.login("counselor_b")
    [refused] = other.push(_accept_deletion(other, member, 0, conflict_id))
    assert refused["status"] == "rejected" and refused["reason"] == "not_found"
    center = college.server.login("center")
    got, _ = center.pull_all()
    assert got["conflicts"][conflict_id]["status"] == "open"
