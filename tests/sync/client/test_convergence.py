"""Property: random offline edits on three laptops, synced in random orders, converge; and every
value someone typed survives, as the final value, inside a recorded conflict, or because someone who
had it on screen changed it later."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.ids import new_id
from tests.sync.client.conftest import College, Device, Devices
from tests.sync.server.records_data import family_member

FIELDS = ("major", "talents", "class_name", "high_school")
VALUES = ("甲", "乙", "丙", "丁")

edit = st.tuples(st.just("edit"), st.integers(0, 2), st.sampled_from(FIELDS), st.sampled_from(VALUES))
sync = st.tuples(st.just("sync"), st.integers(0, 2))
member = st.tuples(st.just("member"), st.integers(0, 2))
actions = st.lists(st.one_of(edit, edit, sync, member), min_size=1, max_size=24)


def _sync_until_quiet(laptops: list[Device]) -> None:
    for _ in range(3):
        for laptop in laptops:
            laptop.sync()


# On a failure Hypothesis prints the fixtures too (a large repr); that notice must not mask the failure.
@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(script=actions)
def test_random_edits_converge_and_nothing_typed_is_lost(
    college: College, devices: Devices, script: list[tuple[Any, ...]]
) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    laptops = [devices.device("counselor_a") for _ in range(3)]
    for laptop in laptops:
        laptop.sync()
    typed: set[tuple[str, str]] = set()
    superseded: set[tuple[str, str]] = set()
    members = 0
    for action in script:
        laptop = laptops[action[1]]
        if action[0] == "edit":
            _, _, name, value = action
            before = laptop.replica.records[student].fields.get(name)
            superseded.add((name, str(before)))
            laptop.replica.edit("student", student, {name: value})
            typed.add((name, value))
        elif action[0] == "member":
            laptop.replica.edit(
                "family_member", new_id(), family_member(student, f"成员{members}"), student_id=student
            )
            members += 1
        else:
            laptop.sync()
    _sync_until_quiet(laptops)
    states = [laptop.replica.live() for laptop in laptops]
    assert states[0] == states[1] == states[2]
    assert all(laptop.replica.outbox == [] and laptop.replica.quarantine == [] for laptop in laptops)
    assert (
        len([r for r in states[0].values() if "relationship" in r and r["student_id"] == student]) == members
    )
    final = states[0][student]
    in_conflicts = {
        (c.field, str(side.value))
        for c in laptops[0].replica.conflicts.values()
        for side in (c.kept, c.other)
    }
    kept = {(name, str(final.get(name))) for name in FIELDS}
    lost = typed - kept - in_conflicts - superseded
    assert not lost
    # Every device holds the same conflicts.
    ids = [set(laptop.replica.conflicts) for laptop in laptops]
    assert ids[0] == ids[1] == ids[2]
